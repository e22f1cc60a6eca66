import { chooseLook } from '../../src/execution/watch.js'

const exp = (at: number, terminal: boolean) => ({ at, spreadMs: 10_000, terminal, stage: 'S', action: 'A' })
const base = {
  now: 100_000,
  progressFetched: true,
  progressStreak: 0,
  statusAffordable: true,
  progressAffordable: true,
}

describe('chooseLook', () => {
  it.each([
    ['no progress yet', { ...base, progressFetched: false }, 'progress'],
    ['an intermediate change is due', { ...base, next: exp(105_000, false) }, 'progress'],
    [
      'an intermediate change is due, progress budget spent',
      { ...base, progressAffordable: false, next: exp(105_000, false) },
      'status',
    ],
    [
      'the end is due: the status says it',
      { ...base, progressStreak: 1, next: exp(100_000, true) },
      'status',
    ],
    [
      'the end is due, status budget spent: progress sees it too',
      { ...base, statusAffordable: false, next: exp(100_000, true) },
      'progress',
    ],
    [
      'two progress looks in a row: the status must be seen',
      { ...base, progressStreak: 2, next: exp(100_000, false) },
      'status',
    ],
    [
      'steady: alternate (after status)',
      { ...base, progressStreak: 0, next: exp(500_000, false) },
      'progress',
    ],
    ['steady: alternate (after progress)', { ...base, progressStreak: 1 }, 'status'],
    [
      'steady: the other read when one budget is spent',
      { ...base, progressStreak: 1, statusAffordable: false },
      'progress',
    ],
  ] as const)('%s → %s', (_n, state, kind) => expect(chooseLook(state)).toBe(kind))
})
