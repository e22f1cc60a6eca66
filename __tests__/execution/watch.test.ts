import { chooseLook } from '../../src/execution/watch.js'

const base = { progressFetched: true, progressStreak: 1, endSuspected: false, idle: false }

describe('chooseLook', () => {
  it.each([
    ['no progress yet', { ...base, progressFetched: false, progressStreak: 0 }, 'progress'],
    ['running: progress carries both the progress and the sign of the end', base, 'progress'],
    ['a sign of the end: the status says whether it is the end', { ...base, endSuspected: true }, 'status'],
    [
      'a sign of the end, status just read: progress again',
      { ...base, endSuspected: true, progressStreak: 0 },
      'progress',
    ],
    ['nothing runs: the status says why (superseded? stopped?)', { ...base, idle: true }, 'status'],
    ['six progress looks in a row: the status must be seen', { ...base, progressStreak: 6 }, 'status'],
  ] as const)('%s → %s', (_n, state, kind) => expect(chooseLook(state)).toBe(kind))
})
