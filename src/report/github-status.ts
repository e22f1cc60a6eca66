// Posts a commit status through the GitHub REST API (src/github.ts: GITHUB_API_URL aware). A token without
// `statuses: write` gets a warning that names the exact `permissions:` lines to add.
import { shortSha } from '../text.js'
import type { Config } from '../config.js'
import type { GitHubClient } from '../github.js'
import type { StatusUpdate } from './commit-status.js'
import { parseRetryAfter, type Delivery } from './retry.js'

/** One line (YAML flow style): the summary and the log keep it whole. */
export const PERMISSIONS_FIX = 'permissions: { statuses: write }'

export interface StatusTarget {
  owner: string
  repo: string
  sha: string
  context: string
  targetUrl?: string
}

/** Where the status goes, or why it cannot be posted. */
export function statusTarget(config: Config): StatusTarget | { problem: string } | undefined {
  const context = config.reporting.statusContext
  if (!context) return undefined
  if (!config.reporting.githubToken)
    return {
      problem: `status-context "${context}" is set but github-token is empty; no commit status was posted.`,
    }
  if (!config.commitSha)
    return {
      problem: `status-context "${context}" is set but there is no commit-sha; no commit status was posted.`,
    }
  const [owner, repo] = (config.run.repository ?? '').split('/')
  if (!owner || !repo)
    return {
      problem: `status-context "${context}" is set but GITHUB_REPOSITORY is not; no commit status was posted.`,
    }
  return { owner, repo, sha: config.commitSha, context, targetUrl: config.run.runUrl }
}

/**
 * `forbidden`: do not try again this step; `retryable`: a 429, 5xx or network error worth one more attempt,
 * after `retryAfterMs` when GitHub said how long to wait.
 */
export type StatusDelivery = Delivery & { forbidden?: boolean; retryable?: boolean; retryAfterMs?: number }

export async function postStatus(
  client: GitHubClient,
  target: StatusTarget,
  update: StatusUpdate,
  timeoutMs: number,
): Promise<StatusDelivery> {
  try {
    await client.rest.repos.createCommitStatus({
      owner: target.owner,
      repo: target.repo,
      sha: target.sha,
      context: target.context,
      state: update.state,
      description: update.description,
      ...(target.targetUrl ? { target_url: target.targetUrl } : {}),
      request: { signal: AbortSignal.timeout(timeoutMs) },
    })
    return { ok: true, attempts: 1 }
  } catch (e) {
    const err = e as {
      status?: number
      message?: string
      name?: string
      response?: { headers?: Record<string, string | undefined> }
    }
    const where = `commit status "${target.context}" on ${target.owner}/${target.repo}@${shortSha(target.sha)}`
    if (err.status === 403) {
      return {
        ok: false,
        attempts: 1,
        forbidden: true,
        error: `Could not post ${where}: ${firstLine(err.message)} (HTTP 403). The token lacks the statuses: write permission; add \`${PERMISSIONS_FIX}\` to the workflow or job.`,
      }
    }
    if (err.status === 404) {
      return {
        ok: false,
        attempts: 1,
        forbidden: true,
        error: `Could not post ${where}: the repository was not found or the token cannot see it (HTTP 404).`,
      }
    }
    const status = err.status ? ` (HTTP ${err.status})` : ''
    const retryable = err.status === undefined || err.status >= 500 || err.status === 429
    return {
      ok: false,
      attempts: 1,
      retryable,
      retryAfterMs: parseRetryAfter(err.response?.headers?.['retry-after'], Date.now()),
      error: `Could not post ${where}: ${firstLine(err.message ?? err.name)}${status}`,
    }
  }
}

function firstLine(text: string | undefined): string {
  return (text ?? 'unknown error').split('\n')[0].replace(/ - https:\/\/docs\.github\.com\S*$/, '')
}
