import { chooseLook } from '../../src/monitor/watch.js'

const exp = (at: number, terminal: boolean) => ({ at, spreadMs: 10_000, terminal, stage: 'S', action: 'A' })
const base = { now: 100_000, progressFetched: true, progressStreak: 0, confirm: false }

describe('chooseLook', () => {
  it.each([
    ['a confirmation is due', { ...base, confirm: true, progressFetched: false }, 'status'],
    ['no progress yet', { ...base, progressFetched: false }, 'progress'],
    ['an intermediate change is due', { ...base, next: exp(105_000, false) }, 'progress'],
    ['an intermediate change is far', { ...base, next: exp(500_000, false) }, 'status'],
    ['the end is due: the status says it', { ...base, next: exp(100_000, true) }, 'status'],
    [
      'two progress looks in a row: the status must be seen',
      { ...base, progressStreak: 2, next: exp(100_000, false) },
      'status',
    ],
    ['nothing predictable: alternate (after status)', { ...base, progressStreak: 0 }, 'progress'],
    ['nothing predictable: alternate (after progress)', { ...base, progressStreak: 1 }, 'status'],
  ] as const)('%s → %s', (_n, state, kind) => expect(chooseLook(state)).toBe(kind))
})
