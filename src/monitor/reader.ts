// Every AWS read of the monitor goes through here: it spends the read budget, and waits out throttling and
// transient errors (full-jitter back-off on top of the SDK's own retries) until the deadline or a cancel.
// Only errors that waiting cannot fix (no such pipeline, access denied, …) escape, as an AwsCallError naming
// the call (and for access denied the IAM action): the monitor's failure line quotes it.
import type { ModeDeps } from '../deps.js'
import {
  AwsCallError,
  describeError,
  isAbort,
  isThrottling,
  isTransient,
  type AwsCall,
} from '../aws-errors.js'
import { backoffMs } from '../backoff.js'
import type { ReadBudgets, ReadKind } from './schedule.js'

export type ReadOutcome<T> = { ok: true; value: T } | { ok: false; why: 'cancelled' | 'deadline' }

export interface ReadStats {
  calls: number
  throttled: number
  transient: number
}

export class MonitorReader {
  readonly stats: ReadStats = { calls: 0, throttled: 0, transient: 0 }
  /** The last transient failure, as one line naming the call (cleared by the next read that succeeds). */
  lastFailure?: string
  private warned = false

  constructor(
    private readonly deps: ModeDeps,
    readonly budgets: ReadBudgets,
    readonly deadline: number,
    private readonly random: () => number = Math.random,
  ) {}

  /**
   * One read, repeated after back-off while AWS throttles or the network fails. `what` names the call in logs
   * and in the error that escapes.
   * `attempts` bounds the repeats for reads that are nice to have (failure details) rather than needed. `kind`
   * says which budget pays (default progress); `free` reads are the fixed set-up of every run.
   */
  async read<T>(
    what: AwsCall,
    call: (abortSignal: AbortSignal) => Promise<T>,
    opts: { attempts?: number; kind?: ReadKind | 'free'; final?: boolean } = {},
  ): Promise<ReadOutcome<T>> {
    let failures = 0
    for (;;) {
      if (this.deps.signal.aborted) return { ok: false, why: 'cancelled' }
      // A `final` read is the one last look at the deadline: made once, whatever the clock says.
      if (this.deps.now() >= this.deadline && !(opts.final && failures === 0))
        return { ok: false, why: 'deadline' }
      if (opts.kind !== 'free') this.budgets.spend(opts.kind ?? 'progress', this.deps.now())
      this.stats.calls++
      try {
        const value = await call(this.deps.signal)
        this.lastFailure = undefined
        return { ok: true, value }
      } catch (e) {
        if (isAbort(e) || this.deps.signal.aborted) return { ok: false, why: 'cancelled' }
        if (!isTransient(e)) throw new AwsCallError(what, e)
        this.lastFailure = describeError(new AwsCallError(what, e))
        if (opts.final) return { ok: false, why: 'deadline' }
        failures++
        if (isThrottling(e)) this.stats.throttled++
        else this.stats.transient++
        this.note(what.operation, e)
        if (opts.attempts !== undefined && failures >= opts.attempts) throw new AwsCallError(what, e)
        const wait = Math.min(
          backoffMs(failures, this.budgets.intervalMs, this.random),
          Math.max(0, this.deadline - this.deps.now()),
        )
        await this.deps.sleep(wait, this.deps.signal)
      }
    }
  }

  private note(label: string, e: unknown): void {
    const text = `${label}: ${describeError(e)} — backing off and trying again`
    if (!this.warned) this.deps.log.info(text)
    else this.deps.log.debug(text)
    this.warned = true
  }
}
