// How long to wait before looking again after AWS throttled a read or the network failed, on top of the SDK's
// own retries. Full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"): a random wait up to an
// exponentially growing ceiling, so concurrent runs of the action do not retry in lockstep.
import { describeError, isAbort, isTransient } from './aws-errors.js'
import type { ModeDeps } from './deps.js'

/** Full-jitter exponential back-off: up to `intervalMs × 2^(failures-1)`, capped at 8 intervals (≥ 1 s). Pure. */
export function backoffMs(failures: number, intervalMs: number, random: () => number = Math.random): number {
  const cap = Math.max(8 * intervalMs, 1000)
  const ceiling = Math.min(cap, intervalMs * 2 ** Math.max(0, failures - 1))
  return random() * ceiling
}

/**
 * One read of a poll loop, made again after a back-off while it fails transiently (throttling that outlived
 * the SDK's retries, a 5xx, a dropped connection) and the deadline allows: one throttle must not fail a step
 * that is only waiting. A cancel, any other error, or a transient one at the deadline is thrown.
 */
export async function readPatiently<T>(
  read: () => Promise<T>,
  deps: Pick<ModeDeps, 'now' | 'sleep' | 'log' | 'signal'>,
  opts: { deadline: number; intervalMs: number; random?: () => number },
): Promise<T> {
  for (let failures = 1; ; failures++) {
    try {
      return await read()
    } catch (e) {
      const left = opts.deadline - deps.now()
      if (isAbort(e) || deps.signal.aborted || !isTransient(e) || left <= 0) throw e
      const text = `${describeError(e)} — backing off and trying again`
      if (failures === 1) deps.log.info(text)
      else deps.log.debug(text)
      await deps.sleep(Math.min(backoffMs(failures, opts.intervalMs, opts.random), left), deps.signal)
    }
  }
}
