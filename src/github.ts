// The GitHub REST client (commit statuses, compare API). GITHUB_API_URL points it at GitHub Enterprise
// Server, or at the emulator in tests. Loaded lazily: most runs never call GitHub.
import type { RunContext } from './config/types.js'

export type GitHubClient = ReturnType<typeof import('@actions/github').getOctokit>

export async function createGitHubClient(
  token: string,
  run: Pick<RunContext, 'apiUrl'>,
): Promise<GitHubClient> {
  const { getOctokit } = await import('@actions/github')
  return getOctokit(token, { baseUrl: run.apiUrl })
}
