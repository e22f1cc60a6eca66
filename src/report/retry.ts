// Bounded retries for alert delivery: 429 waits as long as Retry-After says, 5xx and dropped connections back
// off exponentially, and the whole delivery stays within a short overall bound so a Slack outage can neither
// hang the step nor swallow the verdict.
import { isUnreachableAddress } from '../aws-errors.js'

export type AttemptResult =
  | { ok: true; detail?: string }
  | { ok: false; retry: false; error: string }
  | { ok: false; retry: true; error: string; retryAfterMs?: number }

export interface RetryPolicy {
  /** Total time (waits included) after which no further attempt starts. */
  boundMs: number
  maxAttempts: number
  /** First back-off for 5xx / network errors; doubles each time. */
  baseDelayMs: number
}

export const DELIVERY_POLICY: RetryPolicy = { boundMs: 30_000, maxAttempts: 5, baseDelayMs: 1_000 }

export interface RetryClock {
  now: () => number
  sleep: (ms: number) => Promise<void>
  /** Set when the runner cancels the step: no further attempt starts (the runner kills us 10 s later). */
  cancelled?: () => boolean
}

export type Delivery =
  { ok: true; attempts: number; detail?: string } | { ok: false; attempts: number; error: string }

export async function withRetries(
  attempt: () => Promise<AttemptResult>,
  clock: RetryClock,
  policy: RetryPolicy = DELIVERY_POLICY,
): Promise<Delivery> {
  const start = clock.now()
  for (let n = 1; ; n++) {
    const r = await attempt()
    if (r.ok) return { ok: true, attempts: n, detail: r.detail }
    if (!r.retry) return { ok: false, attempts: n, error: r.error }
    const delay = r.retryAfterMs ?? policy.baseDelayMs * 2 ** (n - 1)
    const elapsed = clock.now() - start
    if (n >= policy.maxAttempts || elapsed + delay > policy.boundMs) {
      const why =
        n >= policy.maxAttempts
          ? `${n} attempts`
          : `${n} attempt${n === 1 ? '' : 's'} within ${Math.round(policy.boundMs / 1000)}s`
      return { ok: false, attempts: n, error: `${r.error} (gave up after ${why})` }
    }
    await clock.sleep(delay)
    if (clock.cancelled?.())
      return { ok: false, attempts: n, error: `${r.error} (the step was cancelled while retrying)` }
  }
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
