// When to look next. `poll-interval-seconds` is a budget, not a period: one token bucket earns one read per
// interval and every AWS read spends one — the set-up reads, the status and the progress alike (only the few
// reads that explain a failure once it is seen come on top) — so on average there is at most one read per
// interval. Where nothing predicts the end, looks are evenly spaced at the interval (a failure can come at any
// time: no spacing does better at that budget). A success can end only in the last stage: while its last
// action is far from its usual end, the planner looks less often and spends the reads it saved densely around
// the predicted end. Pure: time comes in as numbers.
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

/** The two reads that watch an execution: GetPipelineExecution and ListActionExecutions. */
export type ReadKind = 'status' | 'progress'

/** Who pays for a read: every read the budget, except the few that explain a failure once seen. */
export type Payer = ReadKind | 'setup' | 'explain'

/**
 * The budget of a follow: the step starts with no saved read (the one read a fixed poller makes at once is the
 * first set-up read), so over any run the reads paid for are at most those of a poller reading once per interval.
 */
export const followBudget = (intervalMs: number, now: number): ReadBudget =>
  new ReadBudget(intervalMs, now, 12, 0)

/** Spends one read of `payer` (explaining reads are free). */
export function pay(budget: ReadBudget, payer: Payer, now: number): void {
  if (payer !== 'explain') budget.spend(now)
}

export interface PlanInput {
  now: number
  intervalMs: number
  /** The next predicted change not yet seen (undefined: nothing predictable). */
  next?: Expectation
}

/** Shortest gap between looks: a fifth of the interval. */
export const minGap = (intervalMs: number): number => intervalMs / 5

/** Longest gap while the last action is far from its usual end: the reads saved there pay for dense looks. */
export const savingGap = (intervalMs: number): number => 2 * intervalMs

/**
 * The gap the planner would like before the next look, budget aside:
 * - nothing predicted, or an intermediate change due: the interval (failures come at any time);
 * - the end is predicted and far (the last action runs): up to two intervals, until a spread before the window;
 * - approaching the window: the interval, landing at the window's start;
 * - inside the window of the end: dense (a twelfth of the window's half-width, at least minGap);
 * - late: the gap grows with the lateness, back up to the interval.
 */
export function desiredGap(p: PlanInput): number {
  const I = p.intervalMs
  if (!p.next?.terminal) return I
  const windowStart = p.next.at - p.next.spreadMs
  const windowEnd = p.next.at + p.next.spreadMs
  // Past runs are few: the end may come a spread early. Save only until then.
  const savingEnds = windowStart - p.next.spreadMs
  if (p.now < savingEnds && !p.next.afterFailure) return clamp(savingEnds - p.now, I, savingGap(I))
  if (p.now < windowStart) return clamp(windowStart - p.now, minGap(I), I)
  const dense = Math.min(I, Math.max(minGap(I), p.next.spreadMs / 12))
  if (p.now <= windowEnd) return dense
  return clamp((p.now - windowEnd) / 4, dense, I)
}

/** The gap after the budget has its say: never before a read is affordable. */
export function plannedGap(p: PlanInput, budget: ReadBudget): number {
  const want = desiredGap(p)
  return want + budget.waitForOne(p.now + want)
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v))
}
