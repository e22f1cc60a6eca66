// Every AWS read of validate goes through `patiently`: the project's one retry mechanism (readPatiently in
// backoff.ts) makes it again, after a full-jitter back-off, while it fails transiently (throttling that
// outlived the SDK's retries, 5xx, timeouts, resets) and the deadline allows. A read that still failed is
// no measurement: its check becomes `unverified` (unreadableRow), never `fail`, so no rollback acts on it.
import { readPatiently } from '../backoff.js'
import { describeError, isAbort, isTransient } from '../aws-errors.js'
import type { ModeDeps } from '../deps.js'
import type { Check } from '../result.js'

/** The back-off unit between looks at a read that failed: up to 2 s, 4 s, … capped at 16 s (backoffMs). */
export const READ_INTERVAL_MS = 2_000

export type ReadDeps = Pick<ModeDeps, 'now' | 'sleep' | 'log' | 'signal'>

/** One read, retried on transient failures until `deadline` (ms since the epoch). */
export function patiently<T>(deps: ReadDeps, deadline: number, read: () => Promise<T>): Promise<T> {
  return readPatiently(read, deps, { deadline, intervalMs: READ_INTERVAL_MS })
}

/**
 * Every page of a paginated read, each page read patiently: `page` reads one given the previous page's token,
 * `next` says the token of the page after (undefined on the last).
 */
export async function allPages<P>(
  deps: ReadDeps,
  deadline: number,
  page: (token: string | undefined) => Promise<P>,
  next: (page: P) => string | undefined,
): Promise<P[]> {
  const pages: P[] = []
  let token: string | undefined
  do {
    const after = token
    const read = await patiently(deps, deadline, () => page(after))
    pages.push(read)
    token = next(read)
  } while (token)
  return pages
}

/**
 * Why a read failed, for a check row: AWS's own words, and for a transient failure that the retries did not
 * outlast, that it was still failing when the time ran out.
 */
export function unreadableWhy(e: unknown): string {
  if (isAbort(e)) return describeError(e)
  const said = describeError(e).replace(/[.\s]+$/, '')
  return isTransient(e) ? `${said} (still failing after retrying until the deadline)` : said
}

/** The row of a check whose reads failed: not verified, neither pass nor fail. */
export function unreadableRow(
  name: string,
  type: string,
  why: string,
  threshold: Check['threshold'] = null,
): Check {
  return { name, type, status: 'unverified', value: null, threshold, message: `could not be read: ${why}` }
}

/**
 * The same deps with a signal of their own that also aborts when `stop` is called, so reads (and their
 * back-off sleeps) that are no longer needed end at once instead of retrying until the deadline.
 */
export function stoppable<D extends { signal: AbortSignal }>(deps: D): { deps: D; stop: () => void } {
  const local = new AbortController()
  const abort = (): void => local.abort()
  if (deps.signal.aborted) local.abort()
  else deps.signal.addEventListener('abort', abort, { once: true })
  return {
    deps: { ...deps, signal: local.signal },
    stop: () => {
      deps.signal.removeEventListener('abort', abort)
      local.abort()
    },
  }
}
