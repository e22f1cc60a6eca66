import { describe, expect, it } from '@jest/globals'
import {
  capitalise,
  clockTime,
  formatDuration,
  isoTime,
  minutes,
  minutesValue,
  seconds,
  secondsBetween,
  truncate,
  waitedFor,
} from '../src/format.js'

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [9.4, '9s'],
    [65, '1m 5s'],
    [120, '2m 0s'],
    [435, '7m 15s'],
    [3725, '1h 2m'],
    [undefined, undefined],
    [-1, undefined],
    [Number.NaN, undefined],
  ])('%s s → %s', (seconds, text) => expect(formatDuration(seconds)).toBe(text))
})

describe('minutes: the wording of a timeout', () => {
  it.each([
    [1_000, '0.02 min (1 s)'],
    [3_000, '0.05 min (3 s)'],
    [30_000, '0.5 min (30 s)'],
    [60_000, '1 min'],
    [90_000, '1.5 min'],
    [125_000, '2.08 min'],
  ])('%d ms → %s', (ms, text) => expect(minutes(ms)).toBe(text))

  it.each([
    [300_000, '5'],
    [90_000, '1.5'],
    [125_000, '2.08'],
  ])('%d ms → %s as an input says it', (ms, text) => expect(minutesValue(ms)).toBe(text))
})

describe('seconds and waitedFor: the wording of a wait', () => {
  it.each([
    [0, 'nearest', '0 s'],
    [4_400, 'nearest', '4 s'],
    [4_600, 'nearest', '5 s'],
    [4_100, 'up', '5 s'],
    [5_000, 'up', '5 s'],
    [125_000, 'nearest', '125 s'],
  ] as const)('%d ms, %s → %s', (ms, rounding, text) => expect(seconds(ms, rounding)).toBe(text))

  it.each([
    [125_400, 'timeout-minutes 3', 'after waiting 125 s (timeout-minutes 3)'],
    [59_600, 'the deadline', 'after waiting 60 s (the deadline)'],
  ])('%d ms, %s → %s', (ms, budget, text) => expect(waitedFor(ms, budget)).toBe(text))
})

describe('instants', () => {
  it('isoTime: undefined and NaN are no instant', () => {
    expect(isoTime(Date.UTC(2026, 10, 5, 10, 11, 12))).toBe('2026-11-05T10:11:12.000Z')
    expect(isoTime(undefined)).toBeUndefined()
    expect(isoTime(Number.NaN)).toBeUndefined()
  })

  it('clockTime and secondsBetween', () => {
    expect(clockTime('2026-11-05T10:11:12.345Z')).toBe('10:11:12 UTC')
    expect(clockTime('not a time')).toBeUndefined()
    expect(secondsBetween('2026-11-05T10:00:00Z', '2026-11-05T10:01:30Z')).toBe(90)
    expect(secondsBetween('2026-11-05T10:01:30Z', '2026-11-05T10:00:00Z')).toBeUndefined()
  })
})

describe('capitalise', () => {
  it.each([
    ['the rollout failed', 'The rollout failed'],
    ['', ''],
  ])('%j → %j', (text, out) => expect(capitalise(text)).toBe(out))
})

describe('truncate', () => {
  // From the outside attack: a cut inside an emoji left a lone surrogate, and the SDK's URL encoding of the SNS
  // message threw on it (URIError), losing the e-mail alert.
  it.each([5, 6, 7, 2, 1])('never leaves half a character (%i units)', (max) => {
    const cut = truncate('🚀'.repeat(10), max)
    expect(cut.length).toBeLessThanOrEqual(max)
    expect(() => encodeURIComponent(cut)).not.toThrow()
  })

  it('keeps text that fits and marks a cut', () => {
    expect(truncate('abc', 3)).toBe('abc')
    expect(truncate('abcdef', 4)).toBe('abc…')
  })
})
