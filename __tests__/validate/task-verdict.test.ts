import { describe, expect, it } from '@jest/globals'
import type { Task } from '@aws-sdk/client-ecs'
import type { Service } from '@aws-sdk/client-ecs'
import type { RolloutJudgement } from '../../src/validate/rollout-verdict.js'
import {
  crashesOf,
  describeStop,
  judgeServiceTasks,
  judgeTasks,
  taskId,
} from '../../src/validate/task-verdict.js'

const TD = (n: number) => `arn:aws:ecs:us-east-1:123456789012:task-definition/shop:${n}`
const task = (id: string, over: Partial<Task> = {}): Task => ({
  taskArn: `arn:aws:ecs:us-east-1:123456789012:task/shop-staging/${id}`,
  taskDefinitionArn: TD(2),
  lastStatus: 'RUNNING',
  desiredStatus: 'RUNNING',
  healthStatus: 'HEALTHY',
  ...over,
})
const healthy = (n: number) => Array.from({ length: n }, (_, i) => task(`t${i}`))

describe('judgeTasks', () => {
  const cases: {
    name: string
    tasks: Task[]
    desired: number
    stopped?: Task[]
    status: string
    value?: string
    message: RegExp
  }[] = [
    {
      name: 'all running on the PRIMARY task definition',
      tasks: healthy(3),
      desired: 3,
      status: 'pass',
      value: '3/3',
      message: /all 3 tasks RUNNING on shop:2, none UNHEALTHY/,
    },
    {
      name: 'zero running with tasks desired',
      tasks: [],
      desired: 2,
      status: 'fail',
      value: '0/2',
      message: /no task is RUNNING \(2 desired\)/,
    },
    {
      name: 'zero desired, zero tasks: nothing to check',
      tasks: [],
      desired: 0,
      status: 'skip',
      message: /desires 0 tasks/,
    },
    {
      name: 'a task still on the old task definition',
      tasks: [...healthy(2), task('old1', { taskDefinitionArn: TD(1) })],
      desired: 3,
      status: 'fail',
      value: '2/3',
      message: /1 on another task definition than the PRIMARY deployment's shop:2 \(old1 on shop:1\)/,
    },
    {
      name: 'an unhealthy task names its container',
      tasks: [
        ...healthy(1),
        task('sick', { healthStatus: 'UNHEALTHY', containers: [{ name: 'app', healthStatus: 'UNHEALTHY' }] }),
      ],
      desired: 2,
      status: 'fail',
      message: /1 UNHEALTHY \(sick container app\)/,
    },
    {
      name: 'a pending task is not running',
      tasks: [...healthy(1), task('p1', { lastStatus: 'PENDING' })],
      desired: 2,
      status: 'fail',
      message: /only 1 of 2 desired tasks are RUNNING; 1 not RUNNING \(p1 PENDING\)/,
    },
    {
      name: 'stopped tasks of the deployment are reported with stop code, reason and exit codes',
      tasks: [],
      desired: 1,
      stopped: [
        task('s1', {
          lastStatus: 'STOPPED',
          stopCode: 'EssentialContainerExited',
          stoppedReason: 'Essential container in task exited',
          containers: [
            { name: 'app', exitCode: 137, reason: 'OutOfMemoryError: Container killed due to memory usage' },
          ],
        }),
      ],
      status: 'fail',
      message:
        /1 task stopped recently: s1 EssentialContainerExited: Essential container in task exited \(app exit 137 OutOfMemoryError/,
    },
  ]
  it.each(cases)('$name', ({ tasks, desired, stopped, status, value, message }) => {
    const row = judgeTasks({
      tasks,
      desiredCount: desired,
      primaryTaskDefinition: TD(2),
      missing: [],
      stopped,
    })
    expect(row.status).toBe(status)
    if (value) expect(row.value).toBe(value)
    expect(row.message).toMatch(message)
  })

  it('lists at most three examples', () => {
    const old = Array.from({ length: 5 }, (_, i) => task(`o${i}`, { taskDefinitionArn: TD(1) }))
    expect(
      judgeTasks({ tasks: old, desiredCount: 5, primaryTaskDefinition: TD(2), missing: [] }).message,
    ).toMatch(/o2 on shop:1 and 2 more/)
  })

  it('describes a stop without containers', () => {
    expect(
      describeStop(task('x', { stopCode: 'TaskFailedToStart', stoppedReason: 'CannotPullContainerError' })),
    ).toBe('x TaskFailedToStart: CannotPullContainerError')
  })
})

describe('crashes of the PRIMARY deployment', () => {
  const stopped = (id: string, startedBy: string, over: Partial<Task> = {}): Task =>
    task(id, { lastStatus: 'STOPPED', desiredStatus: 'STOPPED', startedBy, ...over })
  const exit = (code: number) => [{ name: 'app', exitCode: code }]

  it('only the given deployments count, newest first; other deployments are no fallback', () => {
    const crash: Partial<Task> = { stopCode: 'EssentialContainerExited', containers: exit(1) }
    const all = [
      stopped('old', 'ecs-svc/1', { ...crash, stoppedAt: new Date(1000) }),
      stopped('a', 'ecs-svc/2', { ...crash, stoppedAt: new Date(2000) }),
      stopped('b', 'ecs-svc/2', { ...crash, stoppedAt: new Date(3000) }),
      stopped('scaled', 'ecs-svc/2', { stopCode: 'ServiceSchedulerInitiated' }),
    ]
    expect(crashesOf(all, ['ecs-svc/2']).map((t) => taskId(t.taskArn))).toEqual(['b', 'a'])
    expect(crashesOf(all, ['ecs-svc/3'])).toEqual([])
  })

  it('the value counts what the threshold asks for: one PENDING and one on the old task definition → 1/3', () => {
    const row = judgeTasks({
      tasks: [
        task('ok'),
        task('pending', { lastStatus: 'PENDING' }),
        task('old', { taskDefinitionArn: TD(1) }),
      ],
      desiredCount: 3,
      primaryTaskDefinition: TD(2),
      missing: [],
    })
    expect(row).toMatchObject({ status: 'fail', value: '1/3', threshold: '3 RUNNING, healthy, on shop:2' })
    expect(row.message).toMatch(/1 not RUNNING \(pending PENDING\); 1 on another task definition/)
  })

  it('crashes fail the check even with running = desired; quoted with stop code, reason and exit codes', () => {
    const row = judgeTasks({
      tasks: healthy(2),
      desiredCount: 2,
      primaryTaskDefinition: TD(2),
      missing: [],
      crashed: [
        stopped('oom', 'ecs-svc/2', {
          stopCode: 'EssentialContainerExited',
          stoppedReason: 'Essential container in task exited',
          containers: [{ name: 'app', exitCode: 137, reason: 'OutOfMemoryError' }],
        }),
      ],
    })
    expect(row.status).toBe('fail')
    expect(row.message).toBe(
      '1 task of the PRIMARY deployment crashed and was replaced (oom EssentialContainerExited: Essential container in task exited (app exit 137 OutOfMemoryError))',
    )
  })
})

describe('judgeServiceTasks: the running listing, the stopped tasks and what could not be read', () => {
  const service: Service = {
    desiredCount: 2,
    deployments: [{ id: 'ecs-svc/2', status: 'PRIMARY', taskDefinition: TD(2), rolloutState: 'COMPLETED' }],
  }
  const rollout: RolloutJudgement = {
    check: { name: 'rollout', type: 'rollout', status: 'pass', message: 'ok' },
    primaryTaskDefinition: TD(2),
    unverified: [],
  }
  const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' })
  const crash = task('c', {
    lastStatus: 'STOPPED',
    startedBy: 'ecs-svc/2',
    stopCode: 'EssentialContainerExited',
    containers: [{ name: 'app', exitCode: 1 }],
  })
  const cases: {
    name: string
    running: Task[] | Error
    stopped: Task[] | Error
    status: string
    message: RegExp
    notes: RegExp[]
  }[] = [
    {
      name: 'both listed, all well: pass',
      running: healthy(2),
      stopped: [],
      status: 'pass',
      message: /^all 2 tasks RUNNING/,
      notes: [],
    },
    {
      name: 'a crash of the PRIMARY deployment among the stopped: fail',
      running: healthy(2),
      stopped: [crash],
      status: 'fail',
      message: /crashed and was replaced/,
      notes: [],
    },
    {
      name: 'the running tasks could not be listed: not verified',
      running: throttled,
      stopped: [],
      status: 'unverified',
      message: /^could not be read: .*Rate exceeded/,
      notes: [],
    },
    {
      name: 'the stopped tasks could not be listed and the rest passes: not verified (a crash loop could hide)',
      running: healthy(2),
      stopped: throttled,
      status: 'unverified',
      message:
        /^could not be read: the stopped tasks \(.*Rate exceeded.*\), so crashes of the PRIMARY deployment could not be ruled out; all 2 tasks RUNNING/,
      notes: [],
    },
    {
      name: 'the stopped tasks could not be listed and the running ones fail anyway: fail, and a note',
      running: healthy(1),
      stopped: throttled,
      status: 'fail',
      message: /only 1 of 2 desired tasks are RUNNING/,
      notes: [/^crashed tasks: the stopped tasks could not be listed \(.*Rate exceeded/],
    },
  ]
  it.each(cases)('$name', ({ running, stopped, status, message, notes }) => {
    const listing = running instanceof Error ? running : { tasks: running, missing: [] }
    const { row, notes: said } = judgeServiceTasks({ running: listing, stopped, service, rollout })
    expect(row.status).toBe(status)
    expect(row.message).toMatch(message)
    expect(said).toEqual(notes.map((n) => expect.stringMatching(n)))
  })
})
