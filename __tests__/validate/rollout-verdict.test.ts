import { describe, expect, it } from '@jest/globals'
import type { Deployment, Service, TaskSet } from '@aws-sdk/client-ecs'
import {
  judgeRollout,
  rolloutSettled,
  waitBudget,
  type DeploymentHistory,
} from '../../src/validate/rollout-verdict.js'

const TD = (n: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/shop:${n}`
const T0 = Date.parse('2026-11-26T12:00:00Z')

function dep(over: Partial<Deployment> = {}): Deployment {
  return {
    id: 'ecs-svc/2',
    status: 'PRIMARY',
    taskDefinition: TD(2),
    desiredCount: 2,
    runningCount: 2,
    rolloutState: 'COMPLETED',
    rolloutStateReason: 'ECS deployment ecs-svc/2 completed.',
    createdAt: new Date(T0),
    updatedAt: new Date(T0 + 60_000),
    ...over,
  }
}
function svc(over: Partial<Service> = {}, deployments: Deployment[] = [dep()]): Service {
  return {
    serviceName: 'shop',
    status: 'ACTIVE',
    desiredCount: 2,
    runningCount: 2,
    pendingCount: 0,
    deploymentController: { type: 'ECS' },
    deployments,
    events: [{ createdAt: new Date(T0 + 60_000), message: '(service shop) has reached a steady state.' }],
    ...over,
  }
}
/** A CODE_DEPLOY or EXTERNAL service as AWS shows it: no deployments, task sets. */
function taskSet(over: Partial<TaskSet> = {}): TaskSet {
  return {
    id: 'ecs-svc/7',
    status: 'PRIMARY',
    taskDefinition: TD(2),
    computedDesiredCount: 2,
    runningCount: 2,
    pendingCount: 0,
    stabilityStatus: 'STEADY_STATE',
    stabilityStatusAt: new Date(T0 + 120_000),
    createdAt: new Date(T0),
    ...over,
  }
}
const withSets = (sets: TaskSet[], type = 'CODE_DEPLOY', over: Partial<Service> = {}): Service =>
  svc({ deploymentController: { type: type as never }, taskSets: sets, ...over }, [])
const known = (status?: string, extra: Record<string, unknown> = {}): DeploymentHistory => ({
  kind: 'known',
  latest: status
    ? ({ status, serviceDeploymentArn: 'arn:sd', createdAt: new Date(T0), ...extra } as never)
    : undefined,
})

describe('judgeRollout', () => {
  const cases: {
    name: string
    service: Service
    history: DeploymentHistory
    status: string
    value?: string
    message: RegExp
    timedOut?: number
  }[] = [
    {
      name: 'healthy: COMPLETED, one deployment, running = desired',
      service: svc(),
      history: known('SUCCESSFUL', { finishedAt: new Date(T0 + 90_000) }),
      status: 'pass',
      value: 'COMPLETED',
      message: /deployment ecs-svc\/2 on shop:2: 2 of 2 tasks running, one deployment, rollout COMPLETED/,
    },
    {
      name: 'rollout FAILED quotes the reason and the latest events',
      service: svc(
        {
          runningCount: 0,
          events: [
            { message: '(service shop) (deployment ecs-svc/2) deployment failed: tasks failed to start.' },
          ],
        },
        [
          dep({
            rolloutState: 'FAILED',
            rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
            runningCount: 0,
          }),
        ],
      ),
      history: known('ROLLBACK_FAILED', { statusReason: 'no previous revision' }),
      status: 'fail',
      value: 'FAILED',
      message:
        /The latest deployment failed and its rollback failed too \(ROLLBACK_FAILED: no previous revision\); nothing runs \(0 of \d+ tasks\).*Service events: "\(service shop\) \(deployment ecs-svc\/2\) deployment failed/,
    },
    {
      name: 'rollback completed on the old task definition: stable, yet a failure',
      service: svc({}, [dep({ id: 'ecs-svc/3', taskDefinition: TD(1) })]),
      history: known('ROLLBACK_SUCCESSFUL', {
        statusReason: 'ECS deployment circuit breaker: tasks failed to start.',
      }),
      status: 'fail',
      value: 'COMPLETED',
      message:
        /The latest deployment was rolled back \(ROLLBACK_SUCCESSFUL: ECS deployment circuit breaker.*now runs the previous task definition shop:1/,
    },
    {
      name: 'rollback under way: the failed deployment is still listed',
      service: svc({ runningCount: 3 }, [
        dep({ id: 'ecs-svc/3', taskDefinition: TD(1), rolloutState: 'IN_PROGRESS' }),
        dep({ status: 'ACTIVE', rolloutState: 'FAILED', runningCount: 1 }),
      ]),
      history: known('ROLLBACK_IN_PROGRESS'),
      status: 'fail',
      message: /rolled back \(ROLLBACK_IN_PROGRESS\).*2 deployments are still active/,
    },
    {
      name: 'rollback completed, history unreadable: the events witness it',
      service: svc(
        {
          events: [
            {
              createdAt: new Date(T0 + 1000),
              message: '(service shop) rolling back to deployment ecs-svc/1.',
            },
            {
              createdAt: new Date(T0 + 1000),
              message: '(service shop) (deployment ecs-svc/2) deployment failed: tasks failed to start.',
            },
          ],
        },
        [dep({ id: 'ecs-svc/3', taskDefinition: TD(1), createdAt: new Date(T0 + 1000) })],
      ),
      history: { kind: 'unavailable', reason: 'AccessDeniedException: not allowed' },
      status: 'fail',
      message:
        /the service events report a failed or rolled-back deployment: "\(service shop\) rolling back/i,
    },
    {
      name: 'still in progress after the timeout',
      service: svc({ runningCount: 1 }, [
        dep({ rolloutState: 'IN_PROGRESS', runningCount: 1 }),
        dep({ status: 'ACTIVE', taskDefinition: TD(1), runningCount: 1, id: 'ecs-svc/1' }),
      ]),
      history: known('IN_PROGRESS'),
      timedOut: 600_000,
      status: 'fail',
      value: 'IN_PROGRESS',
      message:
        /still IN_PROGRESS after waiting 600 s.*2 deployments are still active.*ecs-svc\/1 on shop:1 running 1.*1 of 2 desired tasks are running/,
    },
    {
      name: 'zero desired is never a pass',
      service: svc({ desiredCount: 0, runningCount: 0 }, [dep({ desiredCount: 0, runningCount: 0 })]),
      history: known('SUCCESSFUL'),
      status: 'fail',
      message: /desires 0 tasks/,
    },
    {
      name: 'zero running with tasks desired',
      service: svc({ runningCount: 0 }, [dep({ runningCount: 0 })]),
      history: known('SUCCESSFUL'),
      status: 'fail',
      message: /0 of 2 desired tasks are running/,
    },
    {
      name: 'draining service',
      service: svc({ status: 'DRAINING' }),
      history: known(),
      status: 'fail',
      message: /is DRAINING, not ACTIVE/,
    },
    {
      name: 'CODE_DEPLOY: judged by the PRIMARY task set, said so',
      service: withSets([taskSet()]),
      history: known(),
      status: 'pass',
      value: 'STEADY_STATE',
      message:
        /PRIMARY task set ecs-svc\/7 on shop:2: 2 of 2 tasks running, STEADY_STATE \(CODE_DEPLOY controller: no deployments, judged by the PRIMARY task set\)/,
    },
    {
      name: 'CODE_DEPLOY: the old task set during the termination wait is listed, not failed',
      service: withSets([taskSet(), taskSet({ id: 'ecs-svc/6', status: 'ACTIVE', taskDefinition: TD(1) })]),
      history: known(),
      status: 'pass',
      message: /1 other task set\(s\) still present: ecs-svc\/6 ACTIVE on shop:1 running 2/,
    },
    {
      name: 'CODE_DEPLOY: PRIMARY task set STABILIZING at the timeout',
      service: withSets([taskSet({ stabilityStatus: 'STABILIZING', runningCount: 1 })]),
      history: known(),
      timedOut: 600_000,
      status: 'fail',
      value: 'STABILIZING',
      message:
        /PRIMARY task set ecs-svc\/7 is still STABILIZING after waiting 600 s.*1 of 2 tasks of the PRIMARY task set are running/,
    },
    {
      name: 'EXTERNAL: no PRIMARY task set',
      service: withSets([taskSet({ status: 'ACTIVE' })], 'EXTERNAL'),
      history: known(),
      status: 'fail',
      value: 'NO_TASK_SET',
      message: /has no PRIMARY task set \(ecs-svc\/7 ACTIVE\)/,
    },
    {
      name: 'Classic Load Balancer: steady-state fallback, not steady',
      service: svc({ loadBalancers: [{ loadBalancerName: 'classic' }], runningCount: 1 }, [
        dep({ rolloutState: undefined, runningCount: 1 }),
      ]),
      history: known(),
      status: 'fail',
      value: 'NOT_STEADY',
      message: /behind a Classic Load Balancer/,
    },
  ]
  it.each(cases)('$name', ({ service, history, status, value, message, timedOut }) => {
    const j = judgeRollout({ service, history, waitForStable: true, timedOutAfterMs: timedOut })
    expect(j.check.status).toBe(status)
    if (value) expect(j.check.value).toBe(value)
    expect(j.check.message).toMatch(message)
  })

  it('the rollout ended when its service deployment finished; else at the PRIMARY update', () => {
    expect(
      judgeRollout({
        service: svc(),
        history: known('SUCCESSFUL', { finishedAt: new Date(T0 + 90_000) }),
        waitForStable: true,
      }).rolloutEndedAt,
    ).toBe(T0 + 90_000)
    expect(judgeRollout({ service: svc(), history: known(), waitForStable: true }).rolloutEndedAt).toBe(
      T0 + 60_000,
    )
  })

  it('no rolloutState and unreadable history are listed as not verified', () => {
    const classic = judgeRollout({
      service: svc({ loadBalancers: [{ loadBalancerName: 'classic' }] }, [dep({ rolloutState: undefined })]),
      history: known(),
      waitForStable: true,
    })
    expect(classic.unverified.join()).toMatch(/Classic Load Balancer service reports no rolloutState/)
    const external = judgeRollout({
      service: withSets([taskSet()], 'EXTERNAL'),
      history: known(),
      waitForStable: true,
    })
    expect(external.primaryTaskDefinition).toBe(TD(2))
    expect(external.unverified.join()).toMatch(
      /EXTERNAL service lists no deployments .* judged by its PRIMARY task set .* rollback detection is not available for EXTERNAL services/,
    )
    const denied = judgeRollout({
      service: svc(),
      history: { kind: 'unavailable', reason: 'AccessDenied' },
      waitForStable: true,
    })
    expect(denied.check.status).toBe('pass')
    expect(denied.unverified.join()).toMatch(/deployment history could not be read \(AccessDenied\)/)
  })

  it('without wait-for-stable an unfinished rollout fails and says it was not waited for', () => {
    const j = judgeRollout({
      service: svc({}, [dep({ rolloutState: 'IN_PROGRESS' })]),
      history: known('IN_PROGRESS'),
      waitForStable: false,
    })
    expect(j.check.message).toMatch(/wait-for-stable is false/)
  })
})

describe('rolloutSettled', () => {
  it.each([
    ['COMPLETED and steady', svc(), true],
    ['IN_PROGRESS', svc({}, [dep({ rolloutState: 'IN_PROGRESS' })]), false],
    ['PRIMARY FAILED', svc({}, [dep({ rolloutState: 'FAILED' })]), true],
    [
      'rolling back (an ACTIVE deployment FAILED)',
      svc({}, [dep({ rolloutState: 'IN_PROGRESS' }), dep({ status: 'ACTIVE', rolloutState: 'FAILED' })]),
      true,
    ],
    ['CODE_DEPLOY: PRIMARY task set steady', withSets([taskSet()]), true],
    [
      'CODE_DEPLOY: PRIMARY task set STABILIZING',
      withSets([taskSet({ stabilityStatus: 'STABILIZING' })]),
      false,
    ],
    [
      'EXTERNAL: STEADY_STATE but running < desired',
      withSets([taskSet({ runningCount: 1 })], 'EXTERNAL'),
      false,
    ],
    ['INACTIVE', svc({ status: 'INACTIVE' }), true],
  ])('%s → %s', (_name, service, settled) => expect(rolloutSettled(service as Service)).toBe(settled))
})

describe('waitBudget', () => {
  it.each([
    [4 * 60_000, 0, 'timeout-minutes 4'],
    [4 * 60_000, 3 * 60_000, 'timeout-minutes 4 − bake-minutes 3, kept for the bake'],
    [3_000, 0, 'timeout-minutes 0.05'],
  ])('timeout %d ms, bake %d ms → %s', (timeoutMs, bakeMs, said) => {
    expect(waitBudget(timeoutMs, bakeMs)).toBe(said)
  })
})
