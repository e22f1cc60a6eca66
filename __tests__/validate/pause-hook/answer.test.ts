// The gate's answer from the verdict: only a measured verdict acts; report-only never calls. Table-driven.
import { describe, expect, it } from '@jest/globals'
import { answerFor } from '../../../src/validate/pause-hook/answer.js'

const hook = { hookId: 'h', timeoutAction: 'ROLLBACK' as const, expiresAt: new Date('2026-03-02T12:30:00Z') }

describe('answerFor', () => {
  it.each<
    [
      string,
      { verdict: 'success' | 'failure'; failure?: 'measured' | 'unverified' },
      'gate' | 'report-only',
      string | undefined,
      RegExp,
    ]
  >([
    ['a pass continues', { verdict: 'success' }, 'gate', 'CONTINUE', /passed every check/],
    [
      'a measured failure rolls back',
      { verdict: 'failure', failure: 'measured' },
      'gate',
      'ROLLBACK',
      /measured a failure/,
    ],
    [
      'an unverified result calls nothing',
      { verdict: 'failure', failure: 'unverified' },
      'gate',
      undefined,
      /no call: the result could not be verified.*own timeout action \(ROLLBACK\) at 2026-03-02T12:30:00.000Z/,
    ],
    [
      'report-only on a pass calls nothing',
      { verdict: 'success' },
      'report-only',
      undefined,
      /would have answered CONTINUE/,
    ],
    [
      'report-only on a failure calls nothing',
      { verdict: 'failure', failure: 'measured' },
      'report-only',
      undefined,
      /would have answered ROLLBACK/,
    ],
    [
      'report-only, unverified',
      { verdict: 'failure', failure: 'unverified' },
      'report-only',
      undefined,
      /could not be verified/,
    ],
  ])('%s', (_, judgement, mode, action, why) => {
    const answer = answerFor(judgement, mode, hook)
    expect(answer.action).toBe(action)
    expect(answer.why).toMatch(why)
  })
})
