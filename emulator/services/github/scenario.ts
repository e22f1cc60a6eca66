// The `github` section of a scenario: repositories (with an optional commit graph) and tokens with their
// permissions. Without a section, every repository exists and every token may write statuses.

export interface GitHubCommit {
  sha: string
  parents?: string[]
  message?: string
  /** ISO-8601 author/committer date. */
  date?: string
}

export interface GitHubRepoScenario {
  /** The commit graph (for compare and for "No commit found for SHA"); omitted = any 40-hex SHA exists. */
  commits?: GitHubCommit[]
}

export interface GitHubTokenScenario {
  /** The `statuses` permission of this token (GITHUB_TOKEN `permissions:`); default `write`. */
  statuses?: 'write' | 'read' | 'none'
  /** The `deployments` permission (deployments and their statuses); default `write`. */
  deployments?: 'write' | 'read' | 'none'
  /** The `contents` permission (compare needs read); default `read`. */
  contents?: 'write' | 'read' | 'none'
}

export interface GitHubScenario {
  /** Repositories that exist, by `owner/repo`; omitted = any repository exists. */
  repositories?: Record<string, GitHubRepoScenario>
  /** Tokens that authenticate, with their permissions; omitted = any token, with statuses: write. */
  tokens?: Record<string, GitHubTokenScenario>
}

export function parseGitHubScenario(section: unknown): GitHubScenario {
  if (section === undefined || section === null) return {}
  if (typeof section !== 'object' || Array.isArray(section))
    throw new Error('scenario.github must be an object')
  return section as GitHubScenario
}
