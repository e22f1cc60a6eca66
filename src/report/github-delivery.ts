// One write to GitHub (a commit status, a deployment and its status), retried as alerts are: Retry-After
// honoured, exponential back-off otherwise, each request bounded by its timeout and by the reporting deadline.
import type { Config } from '../config/types.js'
import { createGitHubClient, type GitHubClient } from '../github.js'
import type { Redactor } from '../secrets.js'
import type { ReportDeps } from './deps.js'
import type { StatusDelivery } from './github-status.js'
import { withRetries, type AttemptResult, type RetryPolicy } from './retry.js'

/** Up to 3 attempts (1 s, 2 s apart, or as Retry-After says) within 30 s. */
const GITHUB_RETRY_POLICY: RetryPolicy = { boundMs: 30_000, maxAttempts: 3, baseDelayMs: 1_000 }

/** One attempt: the client, and how long its request may take. */
export type GitHubAttempt = (client: GitHubClient, timeoutMs: number) => Promise<StatusDelivery>

export async function deliverToGitHub(
  config: Config,
  deps: ReportDeps,
  redact: Redactor,
  what: string,
  attempt: GitHubAttempt,
  limits: { timeoutMs: number; attempts: number },
): Promise<StatusDelivery> {
  let client: GitHubClient
  try {
    const token = config.reporting.githubToken!
    client = await (deps.github ?? ((t: string) => createGitHubClient(t, config.run)))(token)
  } catch (e) {
    return { ok: false, attempts: 0, error: `Could not create the GitHub client: ${(e as Error).message}` }
  }
  let last: StatusDelivery = { ok: false, attempts: 0, error: 'not attempted' }
  const delivery = await withRetries(
    async (): Promise<AttemptResult> => {
      last = await attempt(client, timeLeft(deps, limits.timeoutMs))
      if (last.ok) return { ok: true }
      if (!last.retryable) return { ok: false, retry: false, error: last.error }
      deps.log.debug(redact(`${what} attempt failed (${last.error})`))
      return { ok: false, retry: true, error: last.error, retryAfterMs: last.retryAfterMs }
    },
    { now: deps.now, sleep: deps.sleep, signal: deps.signal, deadline: deps.deadline },
    { ...GITHUB_RETRY_POLICY, maxAttempts: limits.attempts },
  )
  return delivery.ok ? delivery : { ...last, attempts: delivery.attempts, error: delivery.error }
}

/** A request's timeout: its own, or what is left before the deadline when that is sooner. */
export function timeLeft(deps: Pick<ReportDeps, 'deadline' | 'now'>, timeoutMs: number): number {
  const left = deps.deadline === undefined ? timeoutMs : deps.deadline - deps.now()
  return Math.max(0, Math.min(timeoutMs, left))
}
