import { describe, expect, it } from '@jest/globals'
import type { Deployment, Service, Task } from '@aws-sdk/client-ecs'
import { judgeBakeService, judgeBakeTasks } from '../../src/validate/bake-verdict.js'

const TD = (n: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/shop:${n}`
const T0 = Date.parse('2026-11-26T12:00:00Z')
const dep = (over: Partial<Deployment> = {}): Deployment => ({
  id: 'ecs-svc/2',
  status: 'PRIMARY',
  taskDefinition: TD(2),
  rolloutState: 'COMPLETED',
  failedTasks: 0,
  ...over,
})
const svc = (over: Partial<Service> = {}, deployments = [dep()]): Service => ({
  serviceName: 'shop',
  status: 'ACTIVE',
  desiredCount: 3,
  runningCount: 3,
  deploymentController: { type: 'ECS' },
  deployments,
  ...over,
})
const before = svc()

describe('judgeBakeService', () => {
  it.each([
    ['unchanged and full', svc(), 'pass', /3 of 3 tasks running, still ecs-svc\/2 on shop:2/],
    [
      'a task down (crashed, not yet replaced)',
      svc({ runningCount: 2 }),
      'fail',
      /2 of 3 desired tasks are running/,
    ],
    [
      'failed launches rising',
      svc({}, [dep({ failedTasks: 2 })]),
      'fail',
      /2 task launch\(es\) of the deployment failed during the bake/,
    ],
    [
      'a new deployment (or a rollback) replaced the one baked',
      svc({}, [
        dep({ id: 'ecs-svc/3', taskDefinition: TD(1), rolloutState: 'IN_PROGRESS' }),
        dep({ status: 'ACTIVE' }),
      ]),
      'fail',
      /PRIMARY deployment changed during the bake: ecs-svc\/3 on shop:1 replaced ecs-svc\/2 on shop:2/,
    ],
    [
      'a rollout FAILED',
      svc({}, [dep({ rolloutState: 'FAILED', rolloutStateReason: 'circuit breaker' })]),
      'fail',
      /^Deployment ecs-svc\/2 FAILED \(circuit breaker\)/,
    ],
    ['no longer ACTIVE', svc({ status: 'DRAINING' }), 'fail', /is DRAINING, not ACTIVE/],
  ])('%s → %s', (_name, now, status, message) => {
    const row = judgeBakeService(before, now)
    expect(row.status).toBe(status)
    expect(row.message).toMatch(message)
  })

  it('task-set services: the PRIMARY task set must stay the same and STEADY_STATE', () => {
    const sets = (stability: string, id = 'ecs-svc/7') =>
      svc(
        {
          deploymentController: { type: 'CODE_DEPLOY' },
          taskSets: [{ id, status: 'PRIMARY', taskDefinition: TD(2), stabilityStatus: stability as never }],
        },
        [],
      )
    expect(judgeBakeService(sets('STEADY_STATE'), sets('STEADY_STATE')).status).toBe('pass')
    expect(judgeBakeService(sets('STEADY_STATE'), sets('STABILIZING')).message).toMatch(
      /PRIMARY task set is STABILIZING/,
    )
    expect(judgeBakeService(sets('STEADY_STATE'), sets('STEADY_STATE', 'ecs-svc/8')).message).toMatch(
      /PRIMARY task set changed during the bake/,
    )
  })
})

describe('judgeBakeTasks', () => {
  const running = (n: number): Task[] =>
    Array.from({ length: n }, (_, i) => ({
      taskArn: `arn:task/${i}`,
      lastStatus: 'RUNNING',
      taskDefinitionArn: TD(2),
    }))
  const stopped = (at: number, stopCode: string): Task => ({
    taskArn: 'arn:task/dead',
    lastStatus: 'STOPPED',
    stopCode: stopCode as never,
    stoppedReason: 'Essential container in task exited',
    stoppedAt: new Date(at),
  })
  const input = (stoppedSince: Task[]) => ({
    tasks: running(3),
    missing: [],
    desiredCount: 3,
    primaryTaskDefinition: TD(2),
    stoppedSince,
    since: T0,
  })
  it.each([
    ['all running, nothing stopped', [], 'pass', /all 3 tasks RUNNING/],
    [
      'a crash before the bake does not count',
      [stopped(T0 - 1, 'EssentialContainerExited')],
      'pass',
      /all 3/,
    ],
    [
      'a scale-in or deployment stop is no crash',
      [stopped(T0 + 1, 'ServiceSchedulerInitiated')],
      'pass',
      /all 3/,
    ],
    [
      'a crash during the bake fails, even though it was replaced',
      [stopped(T0 + 1, 'EssentialContainerExited')],
      'fail',
      /^1 task crashed during the bake \(replaced by the scheduler\): dead EssentialContainerExited/,
    ],
    [
      // The same definition of a crash as the tasks check before the bake (isCrash, facts/ecs.ts).
      'a non-zero exit under any stop code but an ordered one is a crash too',
      [{ ...stopped(T0 + 1, 'SpotInterruption'), containers: [{ name: 'app', exitCode: 139 }] }],
      'fail',
      /^1 task crashed during the bake \(replaced by the scheduler\): dead SpotInterruption/,
    ],
  ])('%s → %s', (_name, stoppedSince, status, message) => {
    const row = judgeBakeTasks(input(stoppedSince))
    expect(row).toMatchObject({ name: 'tasks during bake', status })
    expect(row.message).toMatch(message)
  })
})
