// When to look next. `poll-interval-seconds` is a budget, not a period: a token bucket earns one read per
// interval and every AWS read spends one, so on average there is at most one read per interval. The planner
// spends it where a change is due (past executions say when each action usually ends) and saves it in long
// quiet stretches. Pure: time comes in as numbers.
import type { Expectation } from './predict.js'

/** Token bucket of AWS reads. */
export class ReadBudget {
  private tokens: number
  private at: number
  readonly capacity: number

  constructor(
    readonly intervalMs: number,
    now: number,
    /** Reads that may be saved up for a busy moment. */
    capacity = 12,
    initial = 1,
  ) {
    this.capacity = capacity
    this.tokens = initial
    this.at = now
  }

  private refill(now: number): void {
    if (now > this.at) {
      this.tokens = Math.min(this.capacity, this.tokens + (now - this.at) / this.intervalMs)
      this.at = now
    }
  }

  available(now: number): number {
    this.refill(now)
    return this.tokens
  }

  /** Spend reads. May go below zero (a read that had to be made): later reads then wait longer. */
  spend(now: number, reads = 1): void {
    this.refill(now)
    this.tokens -= reads
  }

  /** Milliseconds from `now` until one read is affordable. */
  waitForOne(now: number): number {
    const t = this.available(now)
    return t >= 1 ? 0 : Math.ceil((1 - t) * this.intervalMs)
  }
}

/** Status reads (GetPipelineExecution) and progress reads (ListActionExecutions and the rest) have a budget each. */
export type ReadKind = 'status' | 'progress'

/**
 * The two budgets: at most one status read per interval on average (poll-interval-seconds), and as many progress
 * reads — so never more calls than a fixed poller making both reads every interval, and usually far fewer.
 */
export class ReadBudgets {
  readonly status: ReadBudget
  readonly progress: ReadBudget

  constructor(
    readonly intervalMs: number,
    now: number,
    capacity = 30,
  ) {
    this.status = new ReadBudget(intervalMs, now, capacity, 1)
    this.progress = new ReadBudget(intervalMs, now, capacity, 1)
  }

  of(kind: ReadKind): ReadBudget {
    return kind === 'status' ? this.status : this.progress
  }

  spend(kind: ReadKind, now: number): void {
    this.of(kind).spend(now)
  }

  affordable(kind: ReadKind, at: number): boolean {
    return this.of(kind).waitForOne(at) === 0
  }

  /** Milliseconds from `now` until a read of `kind` is affordable. */
  waitFor(kind: ReadKind, now: number): number {
    return this.of(kind).waitForOne(now)
  }
}

export interface PlanInput {
  now: number
  intervalMs: number
  /** The next predicted change not yet seen (undefined: nothing predictable). */
  next?: Expectation
  /** Time of the last change seen (status or progress). */
  lastChangeAt: number
}

/** Shortest gap between looks: a fifth of the interval. */
export const minGap = (intervalMs: number): number => intervalMs / 5

/** The gap between looks while nothing is due: failures come at any time, so look steadily. */
export const steadyGap = (intervalMs: number): number => 0.75 * intervalMs

/**
 * The gap the planner would like before the next look, budget aside:
 * - nothing due soon: the steady gap (or the start of the usual window of the next change, if sooner);
 * - inside the window of the execution's end: dense (a twelfth of the window, at least minGap), paid for by the
 *   reads the steady gap saved;
 * - late: the gap grows with the lateness, back up to the steady gap;
 * - nothing predictable for a long time (an approval, a long test): growing to three intervals.
 */
export function desiredGap(p: PlanInput): number {
  const I = p.intervalMs
  const steady = steadyGap(I)
  if (!p.next) {
    const quietMs = Math.max(0, p.now - p.lastChangeAt)
    return Math.min(3 * I, steady * (1 + quietMs / 300_000))
  }
  const windowStart = p.next.at - p.next.spreadMs
  const windowEnd = p.next.at + p.next.spreadMs
  if (p.now < windowStart) return clamp(windowStart - p.now, minGap(I), steady)
  if (!p.next.terminal) return steady
  const dense = Math.max(minGap(I), p.next.spreadMs / 6)
  if (p.now <= windowEnd) return Math.min(dense, steady)
  return clamp((p.now - windowEnd) / 4, dense, steady)
}

/** The gap after the budget has its say: never before a read of that kind is affordable. */
export function plannedGap(p: PlanInput, budgets: ReadBudgets, kind: ReadKind): number {
  const want = desiredGap(p)
  return want + budgets.waitFor(kind, p.now + want)
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v))
}
