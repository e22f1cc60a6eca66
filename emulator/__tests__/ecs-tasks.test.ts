// ECS tasks through the real SDK client: ListTasks (with the SDK paginator, at 5,000 tasks), DescribeTasks and
// DescribeTaskDefinition, over the awkward services of validate-edge-cases.
import {
  ClientException,
  ClusterNotFoundException,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ECSClient,
  InvalidParameterException,
  ListTasksCommand,
  ServiceNotFoundException,
  paginateListTasks,
  type Task,
} from '@aws-sdk/client-ecs'
import { startEmulator, type Emulator } from '../index.js'
import { clientConfig } from './helpers.js'
import { cloudwatchPlugin } from '../services/cloudwatch/index.js'
import { ecsPlugin } from '../services/ecs/index.js'
import { firstOf } from './must.js'

let emu: Emulator
let ecs: ECSClient

beforeAll(async () => {
  emu = await startEmulator({ scenario: 'validate-edge-cases', plugins: [ecsPlugin, cloudwatchPlugin] })
  ecs = new ECSClient(clientConfig(emu))
})
afterAll(async () => {
  ecs.destroy()
  await emu.stop()
})

async function allTaskArns(serviceName: string, desiredStatus?: 'RUNNING' | 'STOPPED'): Promise<string[]> {
  const arns: string[] = []
  for await (const page of paginateListTasks(
    { client: ecs },
    { cluster: 'edge', serviceName, desiredStatus },
  )) {
    arns.push(...page.taskArns!)
  }
  return arns
}

async function describeAll(arns: string[]): Promise<Task[]> {
  const pages = []
  for (let i = 0; i < arns.length; i += 100) {
    pages.push(ecs.send(new DescribeTasksCommand({ cluster: 'edge', tasks: arns.slice(i, i + 100) })))
  }
  return (await Promise.all(pages)).flatMap((p) => p.tasks!)
}

describe('ListTasks', () => {
  it('pages a 5,000-task service mid-rollout with the SDK paginator, each task once, quickly', async () => {
    const started = Date.now()
    const arns = await allTaskArns('huge')
    const tasks = await describeAll(arns)
    expect(Date.now() - started).toBeLessThan(15_000) // ~1 s alone; generous for a loaded CI runner
    // 60 s into a 600 s rollout: 500 new tasks up, 250 more launched (PENDING), 4,500 old ones still running.
    expect(arns).toHaveLength(5250)
    expect(new Set(arns).size).toBe(5250)
    expect(tasks).toHaveLength(5250)
    const count = new Map<string, number>()
    for (const t of tasks) {
      const key = `${t.taskDefinitionArn!.split('/').pop()} ${t.lastStatus}`
      count.set(key, (count.get(key) ?? 0) + 1)
    }
    expect(Object.fromEntries(count)).toEqual({
      'huge:2 RUNNING': 500,
      'huge:2 PENDING': 250,
      'huge:1 RUNNING': 4500,
    })
  })

  it('honours maxResults and returns an opaque nextToken', async () => {
    const first = await ecs.send(new ListTasksCommand({ cluster: 'edge', serviceName: 'big', maxResults: 7 }))
    expect(first.taskArns).toHaveLength(7)
    expect(first.nextToken).toEqual(expect.any(String))
    const second = await ecs.send(
      new ListTasksCommand({
        cluster: 'edge',
        serviceName: 'big',
        maxResults: 7,
        nextToken: first.nextToken,
      }),
    )
    expect(second.taskArns).toHaveLength(7)
    expect(second.taskArns).not.toContain(first.taskArns![0])
  })

  it('lists the tasks of every service of the cluster without serviceName', async () => {
    const arns: string[] = []
    for await (const page of paginateListTasks({ client: ecs }, { cluster: 'edge' }))
      arns.push(...page.taskArns!)
    expect(arns.length).toBeGreaterThan(6000)
  })

  it('lists recently stopped tasks with desiredStatus STOPPED', async () => {
    const stopped = await allTaskArns('crashing', 'STOPPED')
    expect(stopped).toHaveLength(2)
    expect(await allTaskArns('crashing')).toHaveLength(2)
  })

  it('lists nothing for a service with zero running tasks', async () => {
    expect(await allTaskArns('empty')).toEqual([])
  })

  it.each([
    ['maxResults 0', { maxResults: 0 }, InvalidParameterException],
    ['maxResults 101', { maxResults: 101 }, InvalidParameterException],
    ['a foreign nextToken', { nextToken: 'bm90IGEgdG9rZW4' }, InvalidParameterException],
    [
      'a token of another query',
      { serviceName: 'single', nextToken: 'TOKEN_OF_BIG' },
      InvalidParameterException,
    ],
    ['an unknown service', { serviceName: 'nope' }, ServiceNotFoundException],
    ['an unknown cluster', { cluster: 'nope' }, ClusterNotFoundException],
  ])('rejects %s', async (_case, change, type) => {
    let input: Record<string, unknown> = { cluster: 'edge', serviceName: 'big', ...change }
    if (input.nextToken === 'TOKEN_OF_BIG') {
      const page = await ecs.send(
        new ListTasksCommand({ cluster: 'edge', serviceName: 'big', maxResults: 1 }),
      )
      input = { ...input, nextToken: page.nextToken }
    }
    const err = await ecs.send(new ListTasksCommand(input)).catch((e) => e)
    expect(err).toBeInstanceOf(type)
  })
})

describe('DescribeTasks', () => {
  it('describes a running service task with the fields a validator reads', async () => {
    const arn = firstOf(await allTaskArns('single'))
    const out = await ecs.send(new DescribeTasksCommand({ cluster: 'edge', tasks: [arn] }))
    expect(out.failures).toEqual([])
    const t = firstOf(out.tasks)
    expect(t).toMatchObject({
      taskArn: arn,
      clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/edge',
      taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/single:1',
      group: 'service:single',
      lastStatus: 'RUNNING',
      desiredStatus: 'RUNNING',
      healthStatus: 'HEALTHY',
      launchType: 'FARGATE',
    })
    expect(t.startedBy).toMatch(/^ecs-svc\/\d{19}$/)
    expect(arn).toMatch(/^arn:aws:ecs:us-east-1:123456789012:task\/edge\/[0-9a-f]{32}$/)
    expect(t.containers?.[0]).toMatchObject({
      name: 'app',
      image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/single:v1',
      lastStatus: 'RUNNING',
      healthStatus: 'HEALTHY',
    })
    expect(t.containers?.[0]?.imageDigest).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(t.createdAt).toBeInstanceOf(Date)
    expect(t.startedAt).toBeInstanceOf(Date)
  })

  it('accepts bare task ids and reports unknown tasks as MISSING failures', async () => {
    const arn = firstOf(await allTaskArns('single'))
    const id = arn.split('/').pop()!
    const unknown = 'arn:aws:ecs:us-east-1:123456789012:task/edge/0123456789abcdef0123456789abcdef'
    const out = await ecs.send(new DescribeTasksCommand({ cluster: 'edge', tasks: [id, unknown, 'garbage'] }))
    expect(out.tasks!.map((t) => t.taskArn)).toEqual([arn])
    expect(out.failures).toEqual([
      { arn: unknown, reason: 'MISSING' },
      { arn: 'arn:aws:ecs:us-east-1:123456789012:task/edge/garbage', reason: 'MISSING' },
    ])
  })

  it('shows the task stuck on the old task definition', async () => {
    const tasks = await describeAll(await allTaskArns('stuck'))
    const old = tasks.filter((t) => t.taskDefinitionArn!.endsWith('/stuck:1'))
    expect(tasks).toHaveLength(4)
    expect(old).toHaveLength(1)
    expect(old[0]).toMatchObject({ lastStatus: 'RUNNING', desiredStatus: 'RUNNING' })
    expect(old[0]?.containers?.[0]?.image).toBe('123456789012.dkr.ecr.us-east-1.amazonaws.com/stuck:v1')
  })

  it('shows an UNHEALTHY task and its unhealthy container', async () => {
    const tasks = await describeAll(await allTaskArns('unhealthy'))
    expect(tasks.map((t) => t.healthStatus).sort()).toEqual(['HEALTHY', 'HEALTHY', 'UNHEALTHY'])
    const sick = tasks.find((t) => t.healthStatus === 'UNHEALTHY')!
    expect(sick.lastStatus).toBe('RUNNING')
    expect(sick.containers?.[0]?.healthStatus).toBe('UNHEALTHY')
  })

  it('shows stopped tasks with stopCode, reason and exit codes', async () => {
    const crashed = await describeAll(await allTaskArns('crashing', 'STOPPED'))
    expect(crashed.map((t) => [t.stopCode, t.containers?.[0]?.exitCode, t.containers?.[0]?.reason])).toEqual(
      expect.arrayContaining([
        ['EssentialContainerExited', 137, 'OutOfMemoryError: Container killed due to memory usage'],
        ['EssentialContainerExited', 2, undefined],
      ]),
    )
    for (const t of crashed) {
      expect(t).toMatchObject({
        lastStatus: 'STOPPED',
        desiredStatus: 'STOPPED',
        stoppedReason: 'Essential container in task exited',
      })
      expect(t.stoppedAt!.getTime()).toBeGreaterThan(t.startedAt!.getTime())
    }
    const failed = await describeAll(await allTaskArns('empty', 'STOPPED'))
    expect(failed).toHaveLength(3)
    for (const t of failed) {
      expect(t.stopCode).toBe('TaskFailedToStart')
      expect(t.stoppedReason).toMatch(/^CannotPullContainerError/)
      expect(t.startedAt).toBeUndefined()
    }
  })

  it('describes a task with two containers', async () => {
    const arn = firstOf(await allTaskArns('big'))
    const t = firstOf((await ecs.send(new DescribeTasksCommand({ cluster: 'edge', tasks: [arn] }))).tasks)
    expect(t.containers!.map((c) => c.name)).toEqual(['app', 'envoy'])
  })

  it.each([
    ['no tasks', { tasks: [] }, InvalidParameterException],
    ['101 tasks', { tasks: Array(101).fill('x') }, InvalidParameterException],
    ['an unknown cluster', { cluster: 'nope', tasks: ['x'] }, ClusterNotFoundException],
  ])('rejects %s', async (_case, change, type) => {
    const err = await ecs
      .send(new DescribeTasksCommand({ ...{ cluster: 'edge', tasks: ['x'] }, ...change }))
      .catch((e) => e)
    expect(err).toBeInstanceOf(type)
  })
})

describe('DescribeTaskDefinition', () => {
  it.each(['stuck', 'stuck:2', 'arn:aws:ecs:us-east-1:123456789012:task-definition/stuck:2'])(
    'finds %s with its container images',
    async (ref) => {
      const out = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: ref }))
      expect(out.taskDefinition).toMatchObject({
        taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/stuck:2',
        family: 'stuck',
        revision: 2,
        status: 'ACTIVE',
        containerDefinitions: [
          { name: 'app', image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/stuck:v2' },
        ],
      })
    },
  )

  it('rejects an unknown task definition with ClientException', async () => {
    const err = await ecs
      .send(new DescribeTaskDefinitionCommand({ taskDefinition: 'stuck:9' }))
      .catch((e) => e)
    expect(err).toBeInstanceOf(ClientException)
  })
})
