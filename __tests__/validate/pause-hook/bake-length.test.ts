// The bake at the pause, computed once the first round is in: bake-minutes, cut to end by the answer's
// deadline, never negative. Table-driven.
import { describe, expect, it } from '@jest/globals'
import { bakeAtPauseMs } from '../../../src/validate/pause-hook/at-pause.js'

const MIN = 60_000

describe('bakeAtPauseMs', () => {
  it.each<[string, number, number, number, number]>([
    ['room for all of it', 2 * MIN, 30 * MIN, 0, 2 * MIN],
    ['cut to the room left after the first round', 45 * MIN, 29 * MIN, 3 * MIN, 26 * MIN],
    ['a first round that ran to the answer deadline leaves none', 2 * MIN, 29 * MIN, 29 * MIN, 0],
    ['a first round past the answer deadline: zero, not negative', 2 * MIN, 29 * MIN, 31 * MIN, 0],
    ['no bake asked', 0, 29 * MIN, 0, 0],
  ])('%s', (_, bakeMs, answerBy, firstAt, expected) => {
    expect(bakeAtPauseMs(bakeMs, answerBy, firstAt)).toBe(expected)
  })
})
