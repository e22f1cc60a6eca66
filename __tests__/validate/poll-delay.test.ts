import { describe, expect, it } from '@jest/globals'
import { FIRST_POLL_MS, MAX_POLL_MS, nextPollDelay } from '../../src/validate/poll-delay.js'

describe('nextPollDelay', () => {
  it.each([
    ['a change starts over', 20_000, true, FIRST_POLL_MS],
    ['a change at the first interval stays there', FIRST_POLL_MS, true, FIRST_POLL_MS],
    ['no change grows the wait 1.5×', 5_000, false, 7_500],
    ['growth again', 7_500, false, 11_250],
    ['growth stops at the cap', 25_000, false, MAX_POLL_MS],
    ['the cap holds', MAX_POLL_MS, false, MAX_POLL_MS],
  ])('%s', (_name, last, changed, want) => {
    expect(nextPollDelay(last, changed)).toBe(want)
  })
})
