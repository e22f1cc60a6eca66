// How long to wait before looking again after AWS throttled a read or the network failed, on top of the SDK's
// own retries, and the one loop that waits: every AWS read of every mode is retried by readUntilDeadline
// (following an execution through ExecutionReader, the others through readPatiently). Full jitter (AWS
// Architecture Blog, "Exponential Backoff And Jitter"): a random wait up to an exponentially growing ceiling, so
// concurrent runs of the action do not retry in lockstep.
import { describeError, isTransient } from './aws-errors.js'
import { wasCancelled } from './cancel.js'
import type { ModeDeps } from './deps.js'

/** Full-jitter exponential back-off: up to `intervalMs × 2^(failures-1)`, capped at 8 intervals (≥ 1 s). Pure. */
export function backoffMs(failures: number, intervalMs: number, random: () => number = Math.random): number {
  const cap = Math.max(8 * intervalMs, 1000)
  const ceiling = Math.min(cap, intervalMs * 2 ** Math.max(0, failures - 1))
  return random() * ceiling
}

export type PatienceDeps = Pick<ModeDeps, 'now' | 'sleep' | 'log' | 'signal'>

export interface Patience {
  /** No wait passes this instant (ms since the epoch, on deps.now's clock). */
  deadline: number
  /** The back-off unit (see backoffMs). */
  intervalMs: number
  random?: () => number
  /**
   * When attempts may start. `always` (default): every attempt is made (a cancel ends it through the read's own
   * signal), the first whatever the clock says, a retry while the deadline has not passed (the last one may
   * start at the deadline). `in-time`: no attempt starts after a cancel or once the deadline is reached (the
   * monitor, whose last look at the deadline is a `once` read).
   */
  start?: 'always' | 'in-time'
  /** One attempt only, made whatever the clock says: a last look at the deadline. */
  once?: boolean
  /** At most this many attempts (a read that is nice to have): the last transient error is then thrown. */
  attempts?: number
}

/** What the caller counts or spends around the attempts (the monitor's read budget and statistics). */
export interface PatienceHooks {
  /** Before each attempt. */
  attempt?: () => void
  /** After each transient failure, before deciding whether to wait it out. */
  transient?: (e: unknown) => void
  /** A transient failure to back off from (`failures` so far in this read); the default logs it. */
  backOff?: (e: unknown, failures: number) => void
}

/** A read that returned, or why it did not: cancelled, or out of time (`error`: the last failure, if any). */
export type Patient<T> =
  { ok: true; value: T } | { ok: false; why: 'cancelled' | 'deadline'; error?: unknown }

/**
 * One read, made again after a full-jitter back-off while it fails transiently (throttling that outlived the
 * SDK's retries, a 5xx, a dropped connection) and the deadline allows: one throttle must not fail a step that
 * is only waiting. A cancel or the deadline ends it with an outcome; an error that waiting cannot fix, or a
 * transient one past `attempts`, is thrown as it came.
 */
export async function readUntilDeadline<T>(
  read: (signal: AbortSignal) => Promise<T>,
  deps: PatienceDeps,
  opts: Patience,
  hooks: PatienceHooks = {},
): Promise<Patient<T>> {
  const inTime = opts.start === 'in-time'
  for (let failures = 0; ;) {
    if (inTime && deps.signal.aborted) return { ok: false, why: 'cancelled' }
    if (inTime && !opts.once && deps.now() >= opts.deadline) return { ok: false, why: 'deadline' }
    hooks.attempt?.()
    try {
      return { ok: true, value: await read(deps.signal) }
    } catch (e) {
      if (wasCancelled(e, deps.signal)) return { ok: false, why: 'cancelled', error: e }
      if (!isTransient(e)) throw e
      hooks.transient?.(e)
      if (opts.once) return { ok: false, why: 'deadline', error: e }
      failures++
      const left = opts.deadline - deps.now()
      if (!inTime && left <= 0) return { ok: false, why: 'deadline', error: e }
      ;(hooks.backOff ?? logBackOff(deps))(e, failures)
      if (opts.attempts !== undefined && failures >= opts.attempts) throw e
      const wait = Math.min(backoffMs(failures, opts.intervalMs, opts.random), Math.max(0, left))
      await deps.sleep(wait, deps.signal)
    }
  }
}

/** The first failure of a read at info, the rest at debug. */
const logBackOff =
  (deps: PatienceDeps) =>
  (e: unknown, failures: number): void => {
    const text = `${describeError(e)} — backing off and trying again`
    if (failures === 1) deps.log.info(text)
    else deps.log.debug(text)
  }

/**
 * readUntilDeadline for reads whose failure is an error: the value, or the error that ended it (the last
 * transient one at the deadline, the read's abort on a cancel).
 */
export async function readPatiently<T>(
  read: () => Promise<T>,
  deps: PatienceDeps,
  opts: Pick<Patience, 'deadline' | 'intervalMs' | 'random'>,
): Promise<T> {
  const out = await readUntilDeadline(() => read(), deps, opts)
  if (out.ok) return out.value
  throw out.error ?? deps.signal.reason
}

/**
 * The wait between two looks of a poll loop: `ms`, cut short by the deadline and by a cancel. Then why the loop
 * must end, if it must: the step was cancelled, or the deadline has come.
 */
export async function waitForNextLook(
  deps: Pick<ModeDeps, 'now' | 'sleep' | 'signal'>,
  ms: number,
  deadline: number,
): Promise<'cancelled' | 'deadline' | undefined> {
  const wait = Math.min(ms, deadline - deps.now())
  if (wait > 0) await deps.sleep(wait, deps.signal)
  if (deps.signal.aborted) return 'cancelled'
  if (deps.now() >= deadline) return 'deadline'
  return undefined
}
