import { describe, expect, it } from '@jest/globals'
import type { Check } from '../../src/result.js'
import { judge, notMeasured, passedCount } from '../../src/validate/verdict.js'

const row = (name: string, status: Check['status'], message = `${name} says ${status}`): Check => ({
  name,
  type: 'x',
  status,
  message,
})
const target = { cluster: 'shop-staging', service: 'shop' }

describe('judge', () => {
  const cases: {
    name: string
    checks: Check[]
    policy: 'warn' | 'fail' | 'pass'
    verdict: string
    reason: RegExp
    unverified: number
    /** Which failure: only `measured` may trigger a rollback. */
    failure?: 'measured' | 'configuration' | 'unverified'
  }[] = [
    {
      name: 'all pass',
      checks: [row('rollout', 'pass'), row('tasks', 'pass')],
      policy: 'warn',
      verdict: 'success',
      reason: /passed: 2 of 2 checks passed$/,
      unverified: 0,
    },
    {
      name: 'a failure decides',
      checks: [row('rollout', 'pass'), row('tasks', 'fail', 'no task is RUNNING')],
      policy: 'warn',
      verdict: 'failure',
      reason: /service "shop" in cluster "shop-staging" failed: tasks — no task is RUNNING$/,
      unverified: 0,
      failure: 'measured',
    },
    {
      name: 'several failures: the first, and the others named',
      checks: [row('a', 'fail'), row('b', 'fail'), row('c', 'fail')],
      policy: 'warn',
      verdict: 'failure',
      reason: /a — a says fail \(and 2 more failed checks: b, c\)/,
      unverified: 0,
      failure: 'measured',
    },
    {
      name: 'no data under warn: green, not verified said plainly',
      checks: [row('rollout', 'pass'), row('api', 'no-data')],
      policy: 'warn',
      verdict: 'success',
      reason: /1 of 2 checks passed; 1 thing not verified/,
      unverified: 1,
    },
    {
      name: 'no data under fail: failure',
      checks: [row('rollout', 'pass'), row('api', 'no-data', 'no requests')],
      policy: 'fail',
      verdict: 'failure',
      reason: /api — no data \(on-missing-data: fail\) — no requests/,
      unverified: 1,
      failure: 'measured',
    },
    {
      name: 'no data under pass: green, still listed as not verified',
      checks: [row('api', 'no-data')],
      policy: 'pass',
      verdict: 'success',
      reason: /0 of 1 checks passed; 1 thing not verified/,
      unverified: 1,
    },
    {
      name: 'skips neither pass nor fail',
      checks: [row('rollout', 'pass'), row('version', 'skip')],
      policy: 'fail',
      verdict: 'success',
      reason: /1 of 2 checks passed$/,
      unverified: 0,
    },
    {
      name: 'a check that could not be read: failure, but not measured',
      checks: [row('rollout', 'pass'), row('tasks', 'unverified', 'could not be read: DescribeTasks failed')],
      policy: 'warn',
      verdict: 'failure',
      reason:
        /^Validation of service "shop" in cluster "shop-staging" could not be verified \(no check measured a failure\): tasks — could not be read: DescribeTasks failed$/,
      unverified: 1,
      failure: 'unverified',
    },
    {
      name: 'several unread checks: the first, and the others named',
      checks: [row('a', 'unverified'), row('b', 'pass'), row('c', 'unverified'), row('d', 'unverified')],
      policy: 'warn',
      verdict: 'failure',
      reason: /could not be verified .*: a — a says unverified \(and 2 more not verified: c, d\)$/,
      unverified: 3,
      failure: 'unverified',
    },
    {
      name: 'unverified is never a pass, whatever on-missing-data says',
      checks: [row('rollout', 'pass'), row('alarm', 'unverified')],
      policy: 'pass',
      verdict: 'failure',
      reason: /could not be verified/,
      unverified: 1,
      failure: 'unverified',
    },
    {
      name: 'a measured failure beside an unread check: measured, and the unread one named',
      checks: [row('tasks', 'unverified'), row('version', 'fail', 'runs v1'), row('api', 'pass')],
      policy: 'warn',
      verdict: 'failure',
      reason: /failed: version — runs v1; not verified: tasks$/,
      unverified: 1,
      failure: 'measured',
    },
    {
      name: 'no data under fail beside an unread check: measured (the user asked for it)',
      checks: [row('api', 'no-data'), row('alarm', 'unverified')],
      policy: 'fail',
      verdict: 'failure',
      reason: /failed: api — no data \(on-missing-data: fail\).*; not verified: alarm$/,
      unverified: 2,
      failure: 'measured',
    },
    {
      name: 'a name that names nothing: failure, but a configuration error (no rollback acts on it)',
      checks: [row('rollout', 'pass'), { ...row('typo', 'fail', 'no alarm named "typo"'), measured: false }],
      policy: 'warn',
      verdict: 'failure',
      reason: /failed: typo — no alarm named "typo"$/,
      unverified: 0,
      failure: 'configuration',
    },
    {
      name: 'a name that names nothing beside a measured failure: measured, the measured failure first',
      checks: [{ ...row('typo', 'fail'), measured: false }, row('tasks', 'fail', 'no task is RUNNING')],
      policy: 'warn',
      verdict: 'failure',
      reason: /failed: tasks — no task is RUNNING \(and 1 more failed check: typo\)$/,
      unverified: 0,
      failure: 'measured',
    },
    {
      name: 'a name that names nothing beside an unread check: a configuration error, the unread said',
      checks: [row('alarm', 'unverified'), { ...row('typo', 'fail'), measured: false }],
      policy: 'warn',
      verdict: 'failure',
      reason: /failed: typo — typo says fail; not verified: alarm$/,
      unverified: 1,
      failure: 'configuration',
    },
    {
      name: 'no data under warn beside an unread check: not measured',
      checks: [row('api', 'no-data'), row('alarm', 'unverified')],
      policy: 'warn',
      verdict: 'failure',
      reason: /could not be verified .*: alarm/,
      unverified: 2,
      failure: 'unverified',
    },
  ]
  it.each(cases)('$name', ({ checks, policy, verdict, reason, unverified, failure }) => {
    const j = judge(checks, policy, target)
    expect(j.verdict).toBe(verdict)
    expect(j.reason).toMatch(reason)
    expect(j.unverified).toHaveLength(unverified)
    expect(j.failure).toBe(failure)
  })
  it('unread checks come first in the unverified list, then no data, then notes', () => {
    const j = judge(
      [row('api', 'no-data'), row('tasks', 'unverified', 'could not be read: x')],
      'warn',
      target,
      ['version: not verified'],
    )
    expect(j.unverified).toEqual([
      'tasks: could not be read: x',
      'api: api says no-data',
      'version: not verified',
    ])
  })
  it('a rollback not made says why: not measured, and what could not be verified', () => {
    expect(notMeasured([row('tasks', 'unverified'), row('a', 'pass'), row('b', 'unverified')])).toBe(
      'not done — nothing was rolled back because the failure was not measured: tasks, b could not be verified, and a rollback acts only on a measured failure',
    )
  })
  it('a rollback not made for a name that names nothing says so', () => {
    expect(notMeasured([{ ...row('typo', 'fail'), measured: false }, row('b', 'unverified')])).toBe(
      'not done — "typo": the configuration names no such alarm/API — a configuration error, not a measurement of the release; no rollback',
    )
  })
  it('notes join the unverified list', () => {
    expect(judge([row('a', 'pass')], 'warn', target, ['version: not verified']).unverified).toEqual([
      'version: not verified',
    ])
  })
})

describe('passedCount: what a passing service says after "passed: " (several services say it per service)', () => {
  it.each<[Check['status'][], string[], string]>([
    [['pass', 'pass'], [], '2 of 2 checks passed'],
    [['pass', 'unverified'], ['a'], '1 of 2 checks passed; 1 thing not verified'],
    [['pass', 'no-data', 'skip'], ['a', 'b'], '1 of 3 checks passed; 2 things not verified'],
  ])('%j, %j → %s', (statuses, unverified, text) => {
    expect(
      passedCount(
        statuses.map((s, i) => row(`c${i}`, s)),
        unverified,
      ),
    ).toBe(text)
  })

  it("is the tail of judge()'s reason, so the two cannot drift", () => {
    const checks = [row('a', 'pass'), row('b', 'no-data')]
    const j = judge(checks, 'warn', target, [])
    expect(j.verdict).toBe('success')
    expect(j.reason.endsWith(`passed: ${passedCount(checks, j.unverified)}`)).toBe(true)
  })
})
