// Bounded retries for alert delivery: 429 waits as long as Retry-After says, 5xx and dropped connections back
// off exponentially. A rate limit is waited out for as long as the step's deadline allows (Slack takes about one
// message per second per channel: in a mass failure a shared channel answers 429 many times over), while other
// failures stop after a few attempts or a short bound, so a Slack outage can neither hang the step nor swallow
// the verdict.
import { isUnreachableAddress } from '../aws-errors.js'

export type AttemptResult =
  | { ok: true; detail?: string }
  | { ok: false; retry: false; error: string }
  | { ok: false; retry: true; error: string; retryAfterMs?: number }

export interface RetryPolicy {
  /** Total time (waits included) after which no further attempt starts, except after a Retry-After. */
  boundMs: number
  /** Attempts, not counting those Retry-After asked to repeat (the deadline bounds those). */
  maxAttempts: number
  /** First back-off for 5xx / network errors; doubles each time. */
  baseDelayMs: number
}

export const DELIVERY_POLICY: RetryPolicy = { boundMs: 30_000, maxAttempts: 5, baseDelayMs: 1_000 }

export interface RetryClock {
  now: () => number
  /** Resolves after `ms`, or early when `signal` aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>
  /** The step's: aborted when the runner cancels it, and then no further attempt starts. */
  signal?: AbortSignal
  /** No wait ends and no attempt starts after this instant (ms since the epoch): the step's deadline. */
  deadline?: number
}

export type Delivery =
  { ok: true; attempts: number; detail?: string } | { ok: false; attempts: number; error: string }

export async function withRetries(
  attempt: () => Promise<AttemptResult>,
  clock: RetryClock,
  policy: RetryPolicy = DELIVERY_POLICY,
): Promise<Delivery> {
  const start = clock.now()
  let counted = 0
  for (let n = 1; ; n++) {
    const r = await attempt()
    if (r.ok) return { ok: true, attempts: n, detail: r.detail }
    if (!r.retry) return { ok: false, attempts: n, error: r.error }
    const rateLimited = r.retryAfterMs !== undefined
    if (!rateLimited || clock.deadline === undefined) counted++
    const delay = r.retryAfterMs ?? policy.baseDelayMs * 2 ** (counted - 1)
    const stop = giveUp(rateLimited, counted, clock.now() + delay - start, clock.now() + delay, policy, clock)
    if (stop !== undefined)
      return {
        ok: false,
        attempts: n,
        error: `${r.error} (gave up after ${n} attempt${n === 1 ? '' : 's'}${stop})`,
      }
    await clock.sleep(delay, clock.signal)
    if (clock.signal?.aborted)
      return { ok: false, attempts: n, error: `${r.error} (the step was cancelled while retrying)` }
  }
}

/** Why no further attempt is made ('' for a spent attempt count), or undefined to try again. */
function giveUp(
  rateLimited: boolean,
  counted: number,
  elapsedAfterWait: number,
  wokeAt: number,
  policy: RetryPolicy,
  clock: RetryClock,
): string | undefined {
  if (clock.deadline !== undefined && wokeAt > clock.deadline) return ': the wait would pass the deadline'
  // Without a deadline to bound them, rate limits count like any other failure.
  if (rateLimited && clock.deadline !== undefined) return undefined
  if (counted >= policy.maxAttempts) return ''
  if (elapsedAfterWait > policy.boundMs) return ` within ${Math.round(policy.boundMs / 1000)}s`
  return undefined
}

/** `Retry-After` in seconds or as an HTTP date → milliseconds (at least 1 s, as Slack means it). */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return Math.max(1, seconds) * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(1000, date - now)
}

/**
 * Network failures worth another attempt (a reset or timeout), not ones that will fail the same way: the URL is
 * the user's, so a refused connection or an unknown host means a wrong address (see aws-errors.ts).
 */
export function isTransientNetworkError(e: unknown): boolean {
  return !isUnreachableAddress(e)
}

export function networkErrorText(e: unknown): string {
  const err = e as { code?: string; message?: string }
  return err.code
    ? `${err.code}${err.message && !err.message.includes(err.code) ? ` (${err.message})` : ''}`
    : (err.message ?? String(e))
}
