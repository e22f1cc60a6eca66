import { describe, expect, it } from '@jest/globals'
import {
  deliveryProblemEffect,
  unchangedVerdictWarning,
  undeliveredAlert,
} from '../../src/report/alert-policy.js'
import type { StepResult } from '../../src/result.js'
import { monitorFailure, monitorSuccess } from './fixtures.js'

describe('deliveryProblemEffect: what an undelivered alert does to the step', () => {
  const results: Record<string, StepResult> = {
    success: monitorSuccess(),
    failure: monitorFailure(),
    cancelled: { ...monitorFailure(), cancelled: true },
  }
  it.each([
    // verdict, fail-on-alert-error → effect
    ['success', false, 'warning'],
    ['failure', false, 'warning'],
    ['cancelled', false, 'warning'],
    ['success', true, 'fail'],
    ['failure', true, 'error'],
    ['cancelled', true, 'error'],
  ] as const)('%s, fail-on-alert-error %s → %s', (verdict, failOnAlertError, effect) => {
    expect(deliveryProblemEffect(results[verdict]!, failOnAlertError)).toBe(effect)
  })
})

describe('undeliveredAlert: the one line every undelivered channel is said in', () => {
  it('is nothing when every channel took the alert', () => {
    expect(undeliveredAlert(monitorFailure(), [], true)).toBeUndefined()
  })

  it('names each channel that did not, with the effect fail-on-alert-error decides', () => {
    const failures = ['Slack (webhook): HTTP 404 no_service', 'E-mail (SNS): SNS Publish to t failed']
    expect(undeliveredAlert(monitorSuccess(), failures, true)).toEqual({
      line: 'Alert not delivered — Slack (webhook): HTTP 404 no_service; E-mail (SNS): SNS Publish to t failed',
      effect: 'fail',
    })
  })

  it.each([
    ['failure', monitorFailure(), 'The verdict (failure) is unchanged'],
    ['cancelled', { ...monitorFailure(), cancelled: true }, 'The verdict (cancelled) is unchanged'],
  ])(
    'as a warning after a %s, says the verdict stands and how to fail the step instead',
    (_, result, says) => {
      const problem = undeliveredAlert(result, ['Slack (webhook): x'], false)!
      expect(problem.effect).toBe('warning')
      expect(unchangedVerdictWarning(result, problem)).toBe(
        `Alert not delivered — Slack (webhook): x. ${says}; set fail-on-alert-error: true to fail the step instead.`,
      )
    },
  )
})
