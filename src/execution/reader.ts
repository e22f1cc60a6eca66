// Every AWS read made to find, follow and explain an execution goes through here: it spends the read budget,
// and waits out throttling and transient errors (readUntilDeadline, the project's one retry loop) until the
// deadline or a cancel. Only errors that waiting cannot fix (no such pipeline, access denied, …) escape, as an
// AwsCallError naming the call (and for access denied the IAM action): the failure line quotes it.
import type { ModeDeps } from '../deps.js'
import { AwsCallError, describeError, isThrottling, type AwsCall } from '../aws-errors.js'
import { readUntilDeadline } from '../backoff.js'
import { pay, type Payer, type ReadBudget } from './schedule.js'

export type ReadOutcome<T> = { ok: true; value: T } | { ok: false; why: 'cancelled' | 'deadline' }

export interface ReadStats {
  calls: number
  throttled: number
  transient: number
}

export class ExecutionReader {
  readonly stats: ReadStats = { calls: 0, throttled: 0, transient: 0 }
  /** The last transient failure, as one line naming the call (cleared by the next read that succeeds). */
  lastFailure?: string
  private warned = false

  constructor(
    private readonly deps: ModeDeps,
    readonly budget: ReadBudget,
    readonly deadline: number,
    private readonly random: () => number = Math.random,
  ) {}

  /**
   * One read, repeated after back-off while AWS throttles or the network fails; none starts after the deadline.
   * `what` names the call in logs and in the error that escapes.
   * `attempts` bounds the repeats for reads that are nice to have (failure details) rather than needed. `kind`
   * says who pays (default progress): every read spends the budget except `explain` reads, the few that explain a failure once it is seen. A `final` read is
   * the one last look at the deadline: made once, whatever the clock says.
   */
  async read<T>(
    what: AwsCall,
    call: (abortSignal: AbortSignal) => Promise<T>,
    opts: { attempts?: number; kind?: Payer; final?: boolean } = {},
  ): Promise<ReadOutcome<T>> {
    try {
      const out = await readUntilDeadline(
        call,
        this.deps,
        {
          deadline: this.deadline,
          intervalMs: this.budget.intervalMs,
          random: this.random,
          start: 'in-time',
          once: opts.final,
          attempts: opts.attempts,
        },
        {
          attempt: () => this.spend(opts.kind ?? 'progress'),
          transient: (e) => (this.lastFailure = describeError(new AwsCallError(what, e))),
          backOff: (e) => this.count(what.operation, e),
        },
      )
      if (!out.ok) return { ok: false, why: out.why }
      this.lastFailure = undefined
      return out
    } catch (e) {
      throw new AwsCallError(what, e)
    }
  }

  private spend(kind: Payer): void {
    pay(this.budget, kind, this.deps.now())
    this.stats.calls++
  }

  /** A failure waited out: counted, and said once at info (later ones at debug). */
  private count(label: string, e: unknown): void {
    if (isThrottling(e)) this.stats.throttled++
    else this.stats.transient++
    const text = `${label}: ${describeError(e)} — backing off and trying again`
    if (!this.warned) this.deps.log.info(text)
    else this.deps.log.debug(text)
    this.warned = true
  }
}
