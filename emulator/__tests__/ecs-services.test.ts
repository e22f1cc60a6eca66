// ECS services through the real SDK client: DescribeServices, UpdateService and deployImages, with rollouts,
// circuit-breaker rollbacks and the controllers that have no rolloutState.
import {
  ClusterNotFoundException,
  DescribeServicesCommand,
  ECSClient,
  InvalidParameterException,
  ServiceNotFoundException,
  ClientException,
  UpdateServiceCommand,
  type Service,
  waitUntilServicesStable,
} from '@aws-sdk/client-ecs'
import { startEmulator, type EcsDeployTarget, type Emulator } from '../index.js'
import { clientConfig } from './helpers.js'
import { cloudwatchPlugin } from '../services/cloudwatch/index.js'
import { ecsPlugin } from '../services/ecs/index.js'
import { firstOf } from './must.js'
import { apigatewayPlugin } from '../services/apigateway/index.js'

const ECR = '123456789012.dkr.ecr.us-east-1.amazonaws.com'
let emu: Emulator
let ecs: ECSClient

async function start(scenario: string | object) {
  emu = await startEmulator({
    scenario: scenario as never,
    plugins: [ecsPlugin, cloudwatchPlugin, apigatewayPlugin],
    start: '2026-03-02T12:00:00Z',
  })
  ecs = new ECSClient(clientConfig(emu))
}
afterEach(async () => {
  ecs?.destroy()
  await emu?.stop()
})

async function describe1(cluster: string, service: string): Promise<Service> {
  const out = await ecs.send(new DescribeServicesCommand({ cluster, services: [service] }))
  expect(out.failures).toEqual([])
  return firstOf(out.services)
}
const seconds = (n: number) => emu.clock.advance(n * 1000)
const deploy = () => emu.world.states.ecs as EcsDeployTarget
const revisionOf = (s: Service) => s.taskDefinition!.split(':').pop()

describe('DescribeServices', () => {
  beforeEach(() => start('validate-healthy'))

  it('describes a steady service the way ECS does', async () => {
    const s = await describe1('shop-prod', 'shop')
    expect(s).toMatchObject({
      serviceName: 'shop',
      serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/shop-prod/shop',
      clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/shop-prod',
      status: 'ACTIVE',
      desiredCount: 3,
      runningCount: 3,
      pendingCount: 0,
      taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/shop:2',
      deploymentController: { type: 'ECS' },
      deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } },
      launchType: 'FARGATE',
    })
    expect(s.deployments).toHaveLength(1)
    expect(s.deployments![0]).toMatchObject({
      status: 'PRIMARY',
      runningCount: 3,
      desiredCount: 3,
      rolloutState: 'COMPLETED',
      failedTasks: 0,
    })
    expect(s.deployments?.[0]?.id).toMatch(/^ecs-svc\/\d{19}$/)
    expect(s.deployments?.[0]?.createdAt).toEqual(new Date('2026-03-02T11:00:00Z'))
    expect(s.currentServiceDeployment).toMatch(
      /^arn:aws:ecs:us-east-1:123456789012:service-deployment\/shop-prod\/shop\//,
    )
    expect(s.events?.[0]?.message).toBe('(service shop) has reached a steady state.')
    expect(s.events?.[1]?.message).toBe(
      `(service shop) (deployment ${s.deployments?.[0]?.id}) deployment completed.`,
    )
    const times = s.events!.map((e) => e.createdAt!.getTime())
    expect([...times].sort((a, b) => b - a)).toEqual(times) // newest first
  })

  it('reports a missing service in failures, not as an error', async () => {
    const out = await ecs.send(
      new DescribeServicesCommand({ cluster: 'shop-prod', services: ['shop', 'nope'] }),
    )
    expect(out.services!.map((s) => s.serviceName)).toEqual(['shop'])
    expect(out.failures).toEqual([
      { arn: 'arn:aws:ecs:us-east-1:123456789012:service/shop-prod/nope', reason: 'MISSING' },
    ])
  })

  it('accepts service and cluster ARNs', async () => {
    const out = await ecs.send(
      new DescribeServicesCommand({
        cluster: 'arn:aws:ecs:us-east-1:123456789012:cluster/shop-prod',
        services: ['arn:aws:ecs:us-east-1:123456789012:service/shop-prod/shop'],
      }),
    )
    expect(out.services?.[0]?.serviceName).toBe('shop')
  })

  it.each([
    ['an unknown cluster', { cluster: 'nope', services: ['shop'] }, ClusterNotFoundException],
    [
      'more than 10 services',
      { cluster: 'shop-prod', services: Array(11).fill('shop') },
      InvalidParameterException,
    ],
    ['no services', { cluster: 'shop-prod', services: [] }, InvalidParameterException],
  ])('rejects %s', async (_case, input, type) => {
    const err = await ecs.send(new DescribeServicesCommand(input)).catch((e) => e)
    expect(err).toBeInstanceOf(type)
  })
})

describe('a rolling deployment (UpdateService)', () => {
  beforeEach(() => start('validate-healthy'))

  it('rolls out over the scenario duration: PRIMARY + ACTIVE, then one COMPLETED deployment', async () => {
    const out = await ecs.send(
      new UpdateServiceCommand({ cluster: 'shop-prod', service: 'shop', forceNewDeployment: true }),
    )
    expect(out.service!.deployments!.map((d) => [d.status, d.rolloutState])).toEqual([
      ['PRIMARY', 'IN_PROGRESS'],
      ['ACTIVE', 'COMPLETED'],
    ])
    seconds(30) // half of the default 60 s
    let s = await describe1('shop-prod', 'shop')
    expect(s.deployments!.map((d) => d.runningCount)).toEqual([1, 2])
    expect(s.runningCount! + s.pendingCount!).toBe(5)
    seconds(30)
    s = await describe1('shop-prod', 'shop')
    expect(s.deployments).toHaveLength(1)
    expect(s.deployments![0]).toMatchObject({ status: 'PRIMARY', rolloutState: 'COMPLETED', runningCount: 3 })
    expect(s.events?.[0]?.message).toBe('(service shop) has reached a steady state.')
  })

  it('deploys a named task definition revision', async () => {
    await ecs.send(
      new UpdateServiceCommand({ cluster: 'shop-prod', service: 'shop', taskDefinition: 'shop:1' }),
    )
    seconds(60)
    expect(revisionOf(await describe1('shop-prod', 'shop'))).toBe('1')
  })

  it.each([
    ['an unknown task definition', { taskDefinition: 'shop:99' }, ClientException],
    ['an unknown service', { service: 'nope' }, ServiceNotFoundException],
    ['an unknown cluster', { cluster: 'nope' }, ClusterNotFoundException],
  ])('rejects %s', async (_case, change, type) => {
    const input = { cluster: 'shop-prod', service: 'shop', forceNewDeployment: true, ...change }
    const err = await ecs.send(new UpdateServiceCommand(input)).catch((e) => e)
    expect(err).toBeInstanceOf(type)
  })
})

describe('deployImages (the CodePipeline ECS deploy action)', () => {
  it('registers a new revision with the images and rolls it out', async () => {
    await start('validate-healthy')
    deploy().deployImages('shop-prod', 'shop', [{ name: 'app', imageUri: `${ECR}/shop:v1.3.0` }])
    let s = await describe1('shop-prod', 'shop')
    expect(revisionOf(s)).toBe('3')
    expect(s.deployments![0]).toMatchObject({ rolloutState: 'IN_PROGRESS' })
    seconds(60)
    s = await describe1('shop-prod', 'shop')
    expect(s.deployments).toHaveLength(1)
    expect(s.deployments?.[0]?.rolloutState).toBe('COMPLETED')
  })

  it('fails and rolls back when the scenario says so, ending on the old task definition', async () => {
    await start({
      ecs: {
        clusters: {
          c: {
            services: {
              web: {
                desiredCount: 2,
                taskDefinitions: [{ images: { app: `${ECR}/web:v1` } }],
                onDeploy: { outcome: 'failure', failAfter: 60, rollbackDuration: 20 },
              },
            },
          },
        },
      },
    })
    deploy().deployImages('c', 'web', [{ name: 'app', imageUri: `${ECR}/web:v2` }])
    seconds(60)
    let s = await describe1('c', 'web')
    expect(
      s.deployments!.map((d) => [d.status, d.rolloutState, revisionOf({ taskDefinition: d.taskDefinition })]),
    ).toEqual([
      ['PRIMARY', 'IN_PROGRESS', '1'],
      ['ACTIVE', 'FAILED', '2'],
      ['ACTIVE', 'COMPLETED', '1'],
    ])
    seconds(20)
    s = await describe1('c', 'web')
    // The trap: one deployment, running = desired, COMPLETED — on the old version.
    expect(s.deployments).toHaveLength(1)
    expect(s.deployments![0]).toMatchObject({ rolloutState: 'COMPLETED', runningCount: 2, desiredCount: 2 })
    expect(revisionOf(s)).toBe('1')
    const messages = s.events!.map((e) => e.message)
    expect(messages.some((m) => /^\(service web\) rolling back to deployment ecs-svc\/\d+\.$/.test(m!))).toBe(
      true,
    )
    expect(
      messages.some((m) =>
        /\(deployment ecs-svc\/\d+\) deployment failed: tasks failed to start\.$/.test(m!),
      ),
    ).toBe(true)
  })

  it.each([
    ['an unknown container', 'shop-prod', 'shop', 'nope', InvalidParameterException],
    ['an unknown service', 'shop-prod', 'nope', 'app', ServiceNotFoundException],
    ['an unknown cluster', 'nope', 'shop', 'app', ClusterNotFoundException],
  ])('throws on %s', async (_case, cluster, service, container, type) => {
    await start('validate-healthy')
    expect(() =>
      deploy().deployImages(cluster, service, [{ name: container, imageUri: `${ECR}/x:1` }]),
    ).toThrow(expect.objectContaining({ code: type.name }))
  })
})

describe('a deployment rolled back by the circuit breaker (validate-rolled-back)', () => {
  beforeEach(() => start('validate-rolled-back'))

  it('looks steady: one PRIMARY deployment, COMPLETED, running = desired, on the old task definition', async () => {
    const s = await describe1('shop-prod', 'shop')
    expect(s.deployments).toHaveLength(1)
    expect(s.deployments![0]).toMatchObject({ status: 'PRIMARY', rolloutState: 'COMPLETED', runningCount: 3 })
    expect(s.runningCount).toBe(s.desiredCount)
    expect(s.taskDefinition).toBe('arn:aws:ecs:us-east-1:123456789012:task-definition/shop:1')
  })

  it("satisfies the SDK's ServicesStable waiter, which is why a validator must not stop there", async () => {
    const result = await waitUntilServicesStable(
      { client: ecs, maxWaitTime: 5, minDelay: 1, maxDelay: 1 },
      { cluster: 'shop-prod', services: ['shop'] },
    )
    expect(result.state).toBe('SUCCESS')
  })

  it('tells the truth in its events, newest first', async () => {
    const s = await describe1('shop-prod', 'shop')
    const messages = s.events!.map((e) => e.message!)
    const failed = messages.findIndex((m) => m.endsWith('deployment failed: tasks failed to start.'))
    const rolling = messages.findIndex((m) =>
      /^\(service shop\) rolling back to deployment ecs-svc\/\d+\.$/.test(m),
    )
    expect(messages[0]).toBe('(service shop) has reached a steady state.')
    expect(rolling).toBeGreaterThan(0)
    expect(failed).toBeGreaterThan(rolling) // the failure happened first, so it is listed after
  })
})

describe('controllers without rolloutState', () => {
  beforeEach(() => start('validate-edge-cases'))

  it('classic (ECS behind a Classic Load Balancer) has a deployment without rolloutState, and is steady', async () => {
    const s = await describe1('edge', 'classic')
    expect(s.deploymentController).toEqual({ type: 'ECS' })
    expect(s.deployments).toHaveLength(1)
    expect(firstOf(s.deployments).rolloutState).toBeUndefined()
    expect(firstOf(s.deployments).rolloutStateReason).toBeUndefined()
    expect(s.taskSets).toBeUndefined()
    expect(s.runningCount).toBe(2)
  })

  it.each([
    ['bluegreen', 'CODE_DEPLOY', 'CodeDeploy'],
    ['external', 'EXTERNAL', undefined],
  ])('%s (%s) reports no deployments, only its PRIMARY task set, steady', async (name, type, startedBy) => {
    const s = await describe1('edge', name)
    expect(s.deploymentController).toEqual({ type })
    expect(s.deployments).toEqual([])
    expect(s.taskSets).toHaveLength(1)
    expect(s.taskSets![0]).toMatchObject({
      status: 'PRIMARY',
      stabilityStatus: 'STEADY_STATE',
      computedDesiredCount: 2,
      runningCount: 2,
      pendingCount: 0,
      taskDefinition: expect.stringMatching(new RegExp(`task-definition/${name}:1$`)),
      taskSetArn: expect.stringMatching(new RegExp(`:task-set/edge/${name}/ecs-svc/\\d+$`)),
      scale: { value: 100, unit: 'PERCENT' },
    })
    expect(s.taskSets?.[0]?.startedBy).toBe(startedBy)
    expect(s.runningCount).toBe(2)
  })

  it('refuses a rolling update on a CODE_DEPLOY service', async () => {
    const err = await ecs
      .send(new UpdateServiceCommand({ cluster: 'edge', service: 'bluegreen', forceNewDeployment: true }))
      .catch((e) => e)
    expect(err).toBeInstanceOf(InvalidParameterException)
    expect(err.message).toMatch(/CODE_DEPLOY deployment controller/)
  })
})

describe('awkward services (validate-edge-cases)', () => {
  beforeEach(() => start('validate-edge-cases'))

  it('stuck: the old deployment keeps one task, the new one never completes', async () => {
    const s = await describe1('edge', 'stuck')
    expect(s.deployments!.map((d) => [d.status, d.runningCount, d.rolloutState])).toEqual([
      ['PRIMARY', 3, 'IN_PROGRESS'],
      ['ACTIVE', 1, 'COMPLETED'],
    ])
    expect(s.runningCount).toBe(s.desiredCount)
  })

  it('empty: a failed first deployment leaves zero tasks running', async () => {
    const s = await describe1('edge', 'empty')
    expect(s).toMatchObject({ runningCount: 0, desiredCount: 2 })
    expect(s.deployments).toHaveLength(1)
    expect(s.deployments![0]).toMatchObject({
      rolloutState: 'FAILED',
      rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
      failedTasks: 3,
    })
  })

  it('no-breaker: a failing deployment stays IN_PROGRESS and keeps failing tasks', async () => {
    const before = firstOf((await describe1('edge', 'no-breaker')).deployments)
    expect(before).toMatchObject({ status: 'PRIMARY', rolloutState: 'IN_PROGRESS', runningCount: 0 })
    seconds(120)
    const s = await describe1('edge', 'no-breaker')
    expect(s.deployments?.[0]?.failedTasks).toBeGreaterThan(before.failedTasks!)
    expect(s.deployments![1]).toMatchObject({ status: 'ACTIVE', runningCount: 2 })
    expect(
      s.events!.some((e) => e.message!.includes('is unable to consistently start tasks successfully')),
    ).toBe(true)
  })

  it('huge: 5,000 tasks roll out proportionally', async () => {
    let s = await describe1('edge', 'huge')
    expect(s.deployments!.map((d) => d.runningCount)).toEqual([500, 4500])
    seconds(540)
    s = await describe1('edge', 'huge')
    expect(s.deployments!.map((d) => d.runningCount)).toEqual([5000])
  })
})
