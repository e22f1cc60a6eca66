import { describe, expect, it } from '@jest/globals'
import { deliveryProblemEffect } from '../../src/report/alert-policy.js'
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
