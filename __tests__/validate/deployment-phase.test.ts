// A native service deployment → its row, its rollback's cause, what its own bake still needs. Table-driven.
import type { ServiceDeployment } from '@aws-sdk/client-ecs'
import { describe, expect, it } from '@jest/globals'
import {
  bakeDoesNotFit,
  judgeDeployment,
  ownTimeLeftMs,
  pausedHook,
  rollbackCause,
} from '../../src/validate/deployment-phase.js'

const bg = (more: Partial<ServiceDeployment>): ServiceDeployment => ({
  status: 'IN_PROGRESS',
  deploymentConfiguration: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 10 },
  targetServiceRevision: { runningTaskCount: 3, requestedTaskCount: 3 },
  ...more,
})

describe('judgeDeployment', () => {
  it.each<[string, ServiceDeployment, string, RegExp]>([
    [
      'SUCCESSFUL passes',
      bg({ status: 'SUCCESSFUL', lifecycleStage: 'CLEAN_UP' }),
      'pass',
      /BLUE_GREEN deployment SUCCESSFUL/,
    ],
    [
      'IN_PROGRESS at BAKE_TIME fails',
      bg({ lifecycleStage: 'BAKE_TIME' }),
      'fail',
      /still IN_PROGRESS at BAKE_TIME.*never a pass/,
    ],
    ['PENDING fails', bg({ status: 'PENDING' }), 'fail', /still PENDING/],
    [
      'STOPPED fails with ECS’s reason',
      bg({ status: 'STOPPED', statusReason: 'a newer one' }),
      'fail',
      /was STOPPED: a newer one/,
    ],
    [
      'a rollback names its alarm',
      bg({ status: 'ROLLBACK_SUCCESSFUL', alarms: { status: 'TRIGGERED', triggeredAlarmNames: ['a-5xx'] } }),
      'fail',
      /rolled back \(ROLLBACK_SUCCESSFUL\) because CloudWatch alarm "a-5xx" went into ALARM/,
    ],
  ])('%s', (_, sd, status, message) => {
    const row = judgeDeployment({ deployment: sd, waitBudget: 'timeout-minutes 10' })
    expect(row.status).toBe(status)
    expect(row.message).toMatch(message)
  })

  it('an unreadable deployment is unverified, never pass or fail', () => {
    expect(judgeDeployment({ deployment: new Error('denied'), waitBudget: '' }).status).toBe('unverified')
    expect(judgeDeployment({ deployment: undefined, waitBudget: '' }).status).toBe('unverified')
  })
})

describe('rollbackCause', () => {
  it.each<[string, Partial<ServiceDeployment>, RegExp]>([
    [
      'alarms',
      { alarms: { status: 'TRIGGERED', triggeredAlarmNames: ['a', 'b'] } },
      /CloudWatch alarms "a", "b" went into ALARM/,
    ],
    [
      'the breaker',
      { deploymentCircuitBreaker: { status: 'TRIGGERED', failureCount: 4, threshold: 3 } },
      /4 failed tasks against its threshold of 3/,
    ],
    [
      'a hook that timed out',
      { lifecycleHookDetails: [{ targetType: 'PAUSE', status: 'TIMED_OUT', timeoutAction: 'ROLLBACK' }] },
      /PAUSE hook timed out and its timeout action is ROLLBACK/,
    ],
    ['ECS’s own words otherwise', { statusReason: 'manual' }, /ECS says: manual/],
  ])('%s', (_, more, cause) => {
    expect(rollbackCause(bg({ status: 'ROLLBACK_SUCCESSFUL', ...more }))).toMatch(cause)
  })
})

describe('the deployment’s own time', () => {
  it.each<[string, ServiceDeployment, number]>([
    ['blue/green before the shift: its bake', bg({ lifecycleStage: 'SCALE_UP' }), 10],
    ['at BAKE_TIME: nothing more can be counted', bg({ lifecycleStage: 'BAKE_TIME' }), 0],
    [
      'linear before the shift: the steps too',
      bg({
        lifecycleStage: 'TEST_TRAFFIC_SHIFT',
        deploymentConfiguration: {
          strategy: 'LINEAR',
          bakeTimeInMinutes: 5,
          linearConfiguration: { stepPercent: 25, stepBakeTimeInMinutes: 2 },
        },
      }),
      5 + 3 * 2,
    ],
    [
      'canary before the shift: the canary’s bake too',
      bg({
        lifecycleStage: 'SCALE_UP',
        deploymentConfiguration: {
          strategy: 'CANARY',
          bakeTimeInMinutes: 1,
          canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 4 },
        },
      }),
      5,
    ],
  ])('%s', (_, sd, minutes) => {
    expect(ownTimeLeftMs(sd).ms).toBe(minutes * 60_000)
  })

  it('says when it cannot fit in the wait, and not when it can', () => {
    const sd = bg({ lifecycleStage: 'SCALE_UP' })
    expect(bakeDoesNotFit(sd, 5 * 60_000, 'timeout-minutes 5')).toMatch(
      /at least 10 min .* 5 min left \(timeout-minutes 5\)/,
    )
    expect(bakeDoesNotFit(sd, 11 * 60_000, 'timeout-minutes 11')).toBeUndefined()
  })
})

it('pausedHook: only a PAUSE hook AWAITING_ACTION', () => {
  const hook = { hookId: 'h', targetType: 'PAUSE', status: 'AWAITING_ACTION' } as const
  expect(pausedHook(bg({ lifecycleHookDetails: [hook] }))).toEqual(hook)
  expect(
    pausedHook(bg({ lifecycleHookDetails: [{ ...hook, targetType: 'AWS_LAMBDA', status: 'IN_PROGRESS' }] })),
  ).toBeUndefined()
  expect(pausedHook(bg({ lifecycleHookDetails: [{ ...hook, status: 'TIMED_OUT' }] }))).toBeUndefined()
})
