// The gate's answer from the checks at the pause: CONTINUE only when every check measured and passed, ROLLBACK
// only on a measured failure of this release's deployment, otherwise no call; report-only never calls.
// Table-driven.
import { describe, expect, it } from '@jest/globals'
import type { Check, CheckStatus } from '../../../src/result.js'
import { answerFor } from '../../../src/validate/pause-hook/answer.js'

const hook = { hookId: 'h', timeoutAction: 'ROLLBACK' as const, expiresAt: new Date('2026-03-02T12:30:00Z') }

const row = (name: string, status: CheckStatus): Check => ({
  name,
  type: 'test',
  status,
  value: null,
  threshold: null,
  message: `${name} is ${status}`,
})
const tasks = row('tasks of the new revision', 'pass')
/** An alarm-names entry that names no alarm: a `fail` that measured nothing. */
const typo: Check = { ...row('shop-green-5xxx', 'fail'), measured: false }

describe('answerFor', () => {
  it.each<[string, Check[], 'gate' | 'report-only', string | undefined, RegExp]>([
    [
      'every check passes: continue',
      [tasks, row('version', 'skip')],
      'gate',
      'CONTINUE',
      /passed every check/,
    ],
    [
      'a measured failure rolls back, naming it',
      [tasks, row('shop-green-5xx', 'fail')],
      'gate',
      'ROLLBACK',
      /measured a failure of the new revision \(shop-green-5xx\)/,
    ],
    [
      'a measured failure beside an unread check still rolls back',
      [row('shop-green-5xx', 'fail'), row('latency', 'unverified')],
      'gate',
      'ROLLBACK',
      /measured a failure/,
    ],
    [
      'an unread check and nothing failed: no call',
      [tasks, row('latency', 'unverified')],
      'gate',
      undefined,
      /no call: the result could not be verified \(could not be read: latency;.*own timeout action \(ROLLBACK\) at 2026-03-02T12:30:00.000Z/,
    ],
    [
      'a check with no data: no call, said plainly',
      [tasks, row('target group shop-green 5XX rate', 'no-data')],
      'gate',
      undefined,
      /no call: target group shop-green 5XX rate had no data at the pause, so the new revision was not measured there \(CONTINUE needs every check measured and passing\)/,
    ],
    [
      'not this release’s deployment (version unverified) and a failure: no ROLLBACK',
      [row('version', 'unverified'), row('shop-green-5xx', 'fail')],
      'gate',
      undefined,
      /no call: the paused deployment was not verified as this release's \(version is unverified\)/,
    ],
    [
      'version could not be read and all else passes: no CONTINUE',
      [row('version', 'unverified'), tasks],
      'gate',
      undefined,
      /not verified as this release's/,
    ],
    [
      'version measured as this release’s: the failure rolls back',
      [row('version', 'pass'), row('shop-green-5xx', 'fail')],
      'gate',
      'ROLLBACK',
      /measured a failure/,
    ],
    [
      'an alarm name that names nothing, all else passes: no call (neither CONTINUE nor ROLLBACK)',
      [tasks, row('version', 'pass'), typo],
      'gate',
      undefined,
      /no call: "shop-green-5xxx": the configuration names no such alarm\/API — a configuration error, not a measurement of the release; no rollback — the hook keeps waiting/,
    ],
    [
      'a name that names nothing beside an unread check: no call, the typo said',
      [typo, row('latency', 'unverified')],
      'gate',
      undefined,
      /a configuration error/,
    ],
    [
      'a name that names nothing beside a measured failure: the measured failure rolls back',
      [typo, row('shop-green-5xx', 'fail')],
      'gate',
      'ROLLBACK',
      /measured a failure of the new revision \(shop-green-5xx\)$/,
    ],
    [
      'report-only on a pass calls nothing',
      [tasks],
      'report-only',
      undefined,
      /would have answered CONTINUE/,
    ],
    [
      'report-only on a failure calls nothing',
      [row('shop-green-5xx', 'fail')],
      'report-only',
      undefined,
      /would have answered ROLLBACK/,
    ],
    [
      'report-only, unverified',
      [row('latency', 'unverified')],
      'report-only',
      undefined,
      /could not be verified/,
    ],
    [
      'report-only, no data',
      [row('latency', 'no-data')],
      'report-only',
      undefined,
      /had no data at the pause/,
    ],
  ])('%s', (_, checks, mode, action, why) => {
    const answer = answerFor(checks, mode, hook)
    expect(answer.action).toBe(action)
    expect(answer.why).toMatch(why)
  })
})
