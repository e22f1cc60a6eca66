// Posts a commit status through the GitHub REST API (src/github.ts: GITHUB_API_URL aware). A token without
// `statuses: write` gets a warning that names the exact `permissions:` lines to add. An answer that is not
// GitHub's — an HTML page from a proxy (whatever its status), a body cut short or that does not parse — is said
// plainly (status and media type, never the page) and retried like a 5xx: the status may not have been posted.
import { shortSha } from '../commits.js'
import type { Config } from '../config/types.js'
import type { GitHubClient } from '../github.js'
import type { StatusUpdate } from './commit-status.js'
import { answerShape, excerpt, isHtml, type HttpAnswer } from './http.js'
import { parseRetryAfter, type Delivery } from './retry.js'

/** The `permissions:` scope a GitHub write needs. */
export type WriteScope = 'statuses' | 'deployments'

/** One line (YAML flow style): the summary and the log keep it whole. */
export function permissionsFix(scope: WriteScope): string {
  return `permissions: { ${scope}: write }`
}

export const PERMISSIONS_FIX = permissionsFix('statuses')

/** What a GitHub write was trying to do, for its error line. */
export interface WriteAttempt {
  /** e.g. `commit status "deploy" on octo-org/shop@0123456`. */
  where: string
  scope: WriteScope
  /** What may or may not have happened when no clear answer came back. */
  maybe: string
}

export interface StatusTarget {
  owner: string
  repo: string
  sha: string
  context: string
  targetUrl?: string
}

/** Where the status goes, or why it cannot be posted. */
export function statusTarget(
  config: Config,
): StatusTarget | { problem: string; context: string } | undefined {
  const context = config.reporting.statusContext
  if (!context) return undefined
  if (!config.reporting.githubToken)
    return {
      context,
      problem: `status-context "${context}" is set but github-token is empty; no commit status was posted.`,
    }
  if (!config.commitSha)
    return {
      context,
      problem: `status-context "${context}" is set but there is no commit-sha; no commit status was posted.`,
    }
  const [owner, repo] = (config.run.repository ?? '').split('/')
  if (!owner || !repo)
    return {
      context,
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
  const where = `commit status "${target.context}" on ${target.owner}/${target.repo}@${shortSha(target.sha)}`
  try {
    const response = await client.rest.repos.createCommitStatus({
      owner: target.owner,
      repo: target.repo,
      sha: target.sha,
      context: target.context,
      state: update.state,
      description: update.description,
      ...(target.targetUrl ? { target_url: target.targetUrl } : {}),
      request: { signal: AbortSignal.timeout(timeoutMs) },
    })
    // GitHub answers 201 with the status it created; a page or a cut body arrives here as a string.
    const data: unknown = response.data
    if (!isStatusObject(data)) {
      return notGitHubs(
        { where, scope: 'statuses', maybe: MAYBE },
        {
          status: response.status,
          headers: stringHeaders(response.headers),
          body: bodyText(data),
        },
      )
    }
    return { ok: true, attempts: 1 }
  } catch (e) {
    return notPosted({ where, scope: 'statuses', maybe: MAYBE }, e, timeoutMs)
  }
}

/** What octokit throws: GitHub's refusal (with its answer), or a request that got none. */
export interface RequestError {
  status?: number
  message?: string
  name?: string
  cause?: { name?: string }
  response?: { headers?: Record<string, string | undefined>; data?: unknown }
}

/** Why the write did not happen, and whether another attempt could change that. */
export function notPosted(attempt: WriteAttempt, thrown: unknown, timeoutMs: number): StatusDelivery {
  const err = thrown as RequestError
  const where = attempt.where
  if (err.response && !isGitHubError(err.response.data, err.response.headers ?? {})) {
    const headers = err.response.headers ?? {}
    return {
      ...notGitHubs(attempt, { status: err.status ?? 0, headers, body: bodyText(err.response.data) }),
      retryAfterMs: parseRetryAfter(headers['retry-after'], Date.now()),
    }
  }
  if (!err.response && isTimeout(err)) {
    return {
      ok: false,
      attempts: 1,
      retryable: true,
      error: `Could not post ${where}: no answer from GitHub within ${Math.round(timeoutMs / 1000)}s — ${attempt.maybe}`,
    }
  }
  if (err.status === 403) {
    return {
      ok: false,
      attempts: 1,
      forbidden: true,
      error: `Could not post ${where}: ${firstLine(err.message)} (HTTP 403). The token lacks the ${attempt.scope}: write permission; add \`${permissionsFix(attempt.scope)}\` to the workflow or job.`,
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

/** An answer that is not GitHub's (a proxy's page, a cut body): the write may or may not have happened. */
export function notGitHubs(attempt: WriteAttempt, answer: HttpAnswer): StatusDelivery {
  return {
    ok: false,
    attempts: 1,
    retryable: true,
    error: `Could not post ${attempt.where}: GitHub answered with something that is not GitHub's answer (${answerShape(answer)}) — ${attempt.maybe}`,
  }
}

const MAYBE = 'the commit status may not have been posted'

/** GitHub's answer to a created status: an object naming the state. */
function isStatusObject(data: unknown): boolean {
  return typeof data === 'object' && data !== null && typeof (data as { state?: unknown }).state === 'string'
}

/** GitHub's errors are JSON objects with a `message`; a page or a cut body is not one. */
function isGitHubError(data: unknown, headers: Record<string, string | undefined>): boolean {
  if (isHtml({ headers, body: typeof data === 'string' ? data : '' })) return false
  return (
    typeof data === 'object' && data !== null && typeof (data as { message?: unknown }).message === 'string'
  )
}

export function stringHeaders(headers: Record<string, string | number | undefined>): HttpAnswer['headers'] {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v === undefined ? v : String(v)]))
}

export function bodyText(data: unknown): string {
  if (typeof data === 'string') return data
  return data instanceof ArrayBuffer ? '' : JSON.stringify(data ?? '')
}

/** The request was given up on (its timeout, or the deadline's abort): octokit reports it as a 500. */
function isTimeout(err: { name?: string; cause?: { name?: string } }): boolean {
  return [err.name, err.cause?.name].some((n) => n === 'TimeoutError' || n === 'AbortError')
}

/** GitHub's message (JSON, so not a page), first line, sanitized: it is quoted in the log and the summary. */
function firstLine(text: string | undefined): string {
  const line = ((text ?? 'unknown error').split('\n')[0] ?? '').replace(
    / - https:\/\/docs\.github\.com\S*$/,
    '',
  )
  return excerpt(line) || 'unknown error'
}
