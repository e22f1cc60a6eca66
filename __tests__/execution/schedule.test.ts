import { desiredGap, plannedGap, ReadBudget, ReadBudgets, steadyGap } from '../../src/execution/schedule.js'

const I = 10_000
const exp = (at: number, terminal = true, spreadMs = 20_000) => ({
  at,
  spreadMs,
  terminal,
  stage: 'S',
  action: 'A',
})

describe('desiredGap', () => {
  const steady = steadyGap(I)
  it.each([
    ['nothing predictable, just changed', { now: 0, lastChangeAt: 0 }, steady],
    ['nothing predictable, quiet for 10 min', { now: 600_000, lastChangeAt: 0 }, 3 * steady],
    [
      'far from the due change: steady looks (failures come at any time)',
      { now: 0, lastChangeAt: 0, next: exp(300_000) },
      steady,
    ],
    ['approaching: land at the window start', { now: 0, lastChangeAt: 0, next: exp(24_000) }, 4000],
    [
      'inside the window of the end: dense',
      { now: 100_000, lastChangeAt: 0, next: exp(100_000) },
      20_000 / 6,
    ],
    [
      'inside a wide window of the end: never sparser than steady',
      { now: 100_000, lastChangeAt: 0, next: exp(100_000, true, 120_000) },
      steady,
    ],
    [
      'inside the window of an intermediate change: steady',
      { now: 100_000, lastChangeAt: 0, next: exp(100_000, false) },
      steady,
    ],
    ['just past the window', { now: 121_000, lastChangeAt: 0, next: exp(100_000) }, 20_000 / 6],
    ['long past the window: back to steady', { now: 400_000, lastChangeAt: 0, next: exp(100_000) }, steady],
  ])('%s', (_name, input, gap) => {
    expect(desiredGap({ intervalMs: I, ...input })).toBeCloseTo(gap)
  })
})

describe('ReadBudget', () => {
  it('earns one read per interval up to its capacity, and can be overdrawn', () => {
    const b = new ReadBudget(I, 0, 3, 1)
    expect(b.available(0)).toBe(1)
    b.spend(0)
    expect(b.waitForOne(0)).toBe(I)
    expect(b.available(5 * I)).toBe(3)
    b.spend(5 * I, 5)
    expect(b.available(5 * I)).toBe(-2)
    expect(b.waitForOne(5 * I)).toBe(3 * I)
  })

  it('never lets the planner look more often than the budget allows', () => {
    const b = new ReadBudgets(I, 0)
    let now = 0
    let reads = 0
    // Dense wish (inside the window of the end) for ten minutes: the budget holds it to one read per interval.
    while (now < 600_000) {
      b.spend('status', now)
      reads++
      now += plannedGap({ now, intervalMs: I, lastChangeAt: 0, next: exp(now) }, b, 'status')
    }
    expect(reads).toBeLessThanOrEqual(1 + 600_000 / I)
  })
})
