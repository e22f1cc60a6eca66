import { describe, expect, it } from '@jest/globals'
import { backoffMs } from '../src/backoff.js'

const I = 10_000

describe('backoffMs', () => {
  it.each([
    [1, 1, I],
    [2, 1, 2 * I],
    [3, 0.5, 2 * I],
    [10, 1, 8 * I],
    [1, 0, 0],
  ])('failure %d with random %d → %d ms', (failures, r, ms) => {
    expect(backoffMs(failures, I, () => r)).toBe(ms)
  })
})
