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

/**
 * The gap the planner would like before the next look, budget aside:
 * - far from a due change: arrive at the start of its usual window (at most 3 intervals at a time);
 * - inside the window: every minGap for the end of the execution, every half interval for an intermediate change;
 * - late: the gap grows with the lateness, back up to one interval;
 * - nothing predictable: one interval, growing to three in long quiet stretches (an approval, a long test).
 */
export function desiredGap(p: PlanInput): number {
  const I = p.intervalMs
  const min = minGap(I)
  const max = 3 * I
  if (!p.next) {
    const quietMs = Math.max(0, p.now - p.lastChangeAt)
    return Math.min(max, I * (1 + quietMs / 300_000))
  }
  const dense = p.next.terminal ? min : I / 2
  const windowStart = p.next.at - p.next.spreadMs
  const windowEnd = p.next.at + p.next.spreadMs
  if (p.now < windowStart) return clamp(windowStart - p.now, min, max)
  if (p.now <= windowEnd) return dense
  return clamp((p.now - windowEnd) / 4, dense, I)
}

/** The gap after the budget has its say: never before a read is affordable. */
export function plannedGap(p: PlanInput, budget: ReadBudget): number {
  const want = desiredGap(p)
  const afford = budget.waitForOne(p.now + want)
  return want + afford
}

/** Full-jitter exponential back-off after throttling or a network error (on top of the SDK's retries). */
export function backoffMs(failures: number, intervalMs: number, random: () => number = Math.random): number {
  const cap = Math.max(8 * intervalMs, 1000)
  const ceiling = Math.min(cap, intervalMs * 2 ** Math.max(0, failures - 1))
  return random() * ceiling
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v))
}
