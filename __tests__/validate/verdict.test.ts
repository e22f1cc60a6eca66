import { describe, expect, it } from '@jest/globals'
import type { Check } from '../../src/result.js'
import { judge } from '../../src/validate/verdict.js'

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
    },
    {
      name: 'several failures: the first, and the others named',
      checks: [row('a', 'fail'), row('b', 'fail'), row('c', 'fail')],
      policy: 'warn',
      verdict: 'failure',
      reason: /a — a says fail \(and 2 more failed checks: b, c\)/,
      unverified: 0,
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
  ]
  it.each(cases)('$name', ({ checks, policy, verdict, reason, unverified }) => {
    const j = judge(checks, policy, target)
    expect(j.verdict).toBe(verdict)
    expect(j.reason).toMatch(reason)
    expect(j.unverified).toHaveLength(unverified)
  })
  it('notes join the unverified list', () => {
    expect(judge([row('a', 'pass')], 'warn', target, ['version: not verified']).unverified).toEqual([
      'version: not verified',
    ])
  })
})
