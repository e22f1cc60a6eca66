import {
  desiredGap,
  followBudget,
  minGap,
  pay,
  plannedGap,
  ReadBudget,
  savingGap,
} from '../../src/execution/schedule.js'

const I = 10_000
const exp = (at: number, terminal = true, spreadMs = 20_000) => ({
  at,
  spreadMs,
  terminal,
  stage: 'S',
  action: 'A',
})

describe('desiredGap', () => {
  it.each([
    ['nothing predictable: the interval, never longer', { now: 0 }, I],
    [
      'an intermediate change due (a failure may come any time): the interval',
      { now: 0, next: exp(300_000, false) },
      I,
    ],
    ['the end far off: reads are saved', { now: 0, next: exp(300_000) }, savingGap(I)],
    ['the end a spread before its window: the interval', { now: 0, next: exp(45_000) }, I],
    ['approaching the end: land at the window start', { now: 0, next: exp(24_000) }, 4000],
    [
      'after a failure, the end far off: no saving (the interval)',
      { now: 0, next: { ...exp(300_000), afterFailure: true } },
      I,
    ],
    ['inside the window of the end: dense', { now: 100_000, next: exp(100_000) }, minGap(I)],
    [
      'inside a wide window of the end: never sparser than the interval',
      { now: 100_000, next: exp(100_000, true, 120_000) },
      I,
    ],
    ['just past the window', { now: 121_000, next: exp(100_000) }, minGap(I)],
    ['long past the window: back to the interval', { now: 400_000, next: exp(100_000) }, I],
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

  it('never lets the planner read more often than a poller reading once per interval', () => {
    const b = followBudget(I, 0)
    // The set-up reads are paid for too.
    for (let i = 0; i < 4; i++) pay(b, 'setup', 0)
    let now = 0
    let reads = 4
    // Dense wish (inside the window of the end) for ten minutes: the budget holds it to one read per interval.
    while (now < 600_000) {
      now += plannedGap({ now, intervalMs: I, next: exp(now) }, b)
      pay(b, 'progress', now)
      reads++
    }
    expect(reads).toBeLessThanOrEqual(1 + 600_000 / I)
  })

  it('lets the reads that explain a failure come on top', () => {
    const b = followBudget(I, 0)
    pay(b, 'explain', 0)
    expect(b.available(0)).toBe(0)
  })
})
