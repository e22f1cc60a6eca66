// ECS's own blue/green, linear and canary deployments through the real SDK client: lifecycle stages over
// emulated time, Lambda and PAUSE hooks, ContinueServiceDeployment, and alarm- and breaker-triggered
// rollbacks (developer guide: blue/green, linear, canary deployments; pause hooks; API_ServiceDeployment).
import {
  ContinueServiceDeploymentCommand,
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  ECSClient,
  InvalidParameterException,
  type ServiceDeployment,
} from '@aws-sdk/client-ecs'
import {
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2'
import { startEmulator, type Emulator } from '../index.js'
import { targetGroupArn } from '../services/elbv2/index.js'
import { clientConfig } from './helpers.js'

let emu: Emulator
let ecs: ECSClient
afterEach(async () => {
  ecs.destroy()
  await emu.stop()
})

const MINUTE = 60_000

async function start(
  service: Record<string, unknown>,
  plan: Record<string, unknown> = {},
  more: Record<string, unknown> = {},
) {
  emu = await startEmulator({
    clock: 'manual',
    scenario: {
      ...more,
      ecs: {
        clusters: {
          prod: {
            services: {
              shop: {
                desiredCount: 2,
                taskDefinitions: [{ images: { app: 'shop:v1' } }, { images: { app: 'shop:v2' } }],
                deployments: [
                  { at: -86400, taskDefinition: 1 },
                  { at: 0, taskDefinition: 2, duration: 60, rollbackDuration: 30, ...plan },
                ],
                ...service,
              },
            },
          },
        },
      },
    } as never,
  })
  ecs = new ECSClient(clientConfig(emu))
}

async function look(): Promise<ServiceDeployment> {
  const { services } = await ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: ['shop'] }))
  const arn = services![0]!.currentServiceDeployment!
  const out = await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }))
  return out.serviceDeployments![0]!
}

async function at(ms: number): Promise<ServiceDeployment> {
  emu.clock.advance(ms)
  return look()
}

const phase = (d: ServiceDeployment) => [d.status, d.lifecycleStage]

describe('BLUE_GREEN', () => {
  it('passes its stages, keeps both revisions through the bake, then cleans up', async () => {
    await start({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5 })
    const first = await at(10_000)
    expect(phase(first)).toEqual(['IN_PROGRESS', 'SCALE_UP'])
    expect(first.deploymentConfiguration).toMatchObject({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5 })
    const baking = await at(60_000)
    expect(phase(baking)).toEqual(['IN_PROGRESS', 'BAKE_TIME'])
    expect(baking.targetServiceRevision?.requestedProductionTrafficWeight).toBe(100)
    const { services } = await ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: ['shop'] }))
    // Both revisions run during the bake: DescribeServices lists two deployments.
    expect(services![0]!.deployments).toHaveLength(2)
    const done = await at(5 * MINUTE)
    expect(phase(done)).toEqual(['SUCCESSFUL', 'CLEAN_UP'])
    const after = await ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: ['shop'] }))
    expect(after.services![0]!.deployments).toHaveLength(1)
  })

  it('an alarm in ALARM rolls it back, naming the alarm', async () => {
    await start(
      { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 10, alarms: { alarmNames: ['shop-5xx'], rollback: true } },
      { alarm: { after: 180, names: ['shop-5xx'] } },
    )
    const d = await at(4 * MINUTE)
    expect(d.status).toBe('ROLLBACK_SUCCESSFUL')
    expect(d.alarms).toEqual({
      status: 'TRIGGERED',
      alarmNames: ['shop-5xx'],
      triggeredAlarmNames: ['shop-5xx'],
    })
    expect(d.rollback?.startedAt).toEqual(new Date(emu.clock.now() - MINUTE))
    const { services } = await ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: ['shop'] }))
    expect(services![0]!.deployments!.map((x) => x.taskDefinition?.split('/')[1])).toEqual(['shop:1'])
  })

  it('a circuit breaker rolls it back with its count against its threshold', async () => {
    await start({ strategy: 'BLUE_GREEN' }, { outcome: 'failure', failAfter: 90 })
    const d = await at(3 * MINUTE)
    expect(d.status).toBe('ROLLBACK_SUCCESSFUL')
    expect(d.deploymentCircuitBreaker).toEqual({ status: 'TRIGGERED', failureCount: 3, threshold: 3 })
  })
})

describe('LINEAR and CANARY', () => {
  it('LINEAR shifts production traffic step by step', async () => {
    await start({
      strategy: 'LINEAR',
      linear: { stepPercent: 25, stepBakeTimeInMinutes: 2 },
      bakeTimeInMinutes: 1,
    })
    const step1 = await at(61_000)
    expect(phase(step1)).toEqual(['IN_PROGRESS', 'PRODUCTION_TRAFFIC_SHIFT'])
    expect(step1.targetServiceRevision?.requestedProductionTrafficWeight).toBe(25)
    expect((await at(2 * MINUTE)).targetServiceRevision?.requestedProductionTrafficWeight).toBe(50)
    expect(phase(await at(4 * MINUTE))).toEqual(['IN_PROGRESS', 'BAKE_TIME'])
    expect(phase(await at(MINUTE))).toEqual(['SUCCESSFUL', 'CLEAN_UP'])
  })

  it('CANARY sends canaryPercent for its bake, then the rest', async () => {
    await start({ strategy: 'CANARY', canary: { canaryPercent: 10, canaryBakeTimeInMinutes: 3 } })
    const canary = await at(2 * MINUTE)
    expect(phase(canary)).toEqual(['IN_PROGRESS', 'PRODUCTION_TRAFFIC_SHIFT'])
    expect(canary.targetServiceRevision?.requestedProductionTrafficWeight).toBe(10)
    expect(phase(await at(3 * MINUTE))).toEqual(['SUCCESSFUL', 'CLEAN_UP'])
  })
})

describe('lifecycle hooks', () => {
  const pause = (action = 'ROLLBACK') => ({
    strategy: 'BLUE_GREEN',
    bakeTimeInMinutes: 2,
    lifecycleHooks: [
      {
        targetType: 'PAUSE',
        lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'],
        timeoutInMinutes: 30,
        timeoutAction: action,
      },
    ],
  })

  it('a PAUSE hook awaits action until ContinueServiceDeployment CONTINUE', async () => {
    await start(pause())
    const paused = await at(2 * MINUTE)
    expect(phase(paused)).toEqual(['IN_PROGRESS', 'POST_TEST_TRAFFIC_SHIFT'])
    const hook = paused.lifecycleHookDetails![0]!
    expect(hook).toMatchObject({ targetType: 'PAUSE', status: 'AWAITING_ACTION', timeoutAction: 'ROLLBACK' })
    expect(hook.hookId).toMatch(/^ecs-pause-/)
    expect(hook.expiresAt).toEqual(new Date(emu.clock.now() - MINUTE + 30 * MINUTE))
    // Still paused ten minutes later.
    expect(phase(await at(10 * MINUTE))).toEqual(['IN_PROGRESS', 'POST_TEST_TRAFFIC_SHIFT'])
    await ecs.send(
      new ContinueServiceDeploymentCommand({
        serviceDeploymentArn: paused.serviceDeploymentArn,
        hookId: hook.hookId,
        action: 'CONTINUE',
      }),
    )
    expect(phase(await at(1000))).toEqual(['IN_PROGRESS', 'BAKE_TIME'])
    expect(phase(await at(2 * MINUTE))).toEqual(['SUCCESSFUL', 'CLEAN_UP'])
  })

  it('ROLLBACK rolls it back; a second answer is refused', async () => {
    await start(pause())
    const paused = await at(2 * MINUTE)
    const hookId = paused.lifecycleHookDetails![0]!.hookId
    const answer = (action: 'CONTINUE' | 'ROLLBACK') =>
      ecs.send(
        new ContinueServiceDeploymentCommand({
          serviceDeploymentArn: paused.serviceDeploymentArn,
          hookId,
          action,
        }),
      )
    await answer('ROLLBACK')
    expect((await look()).status).toBe('ROLLBACK_IN_PROGRESS')
    await expect(answer('CONTINUE')).rejects.toBeInstanceOf(InvalidParameterException)
    expect((await at(MINUTE)).status).toBe('ROLLBACK_SUCCESSFUL')
  })

  it('unanswered, the hook times out and takes its timeout action', async () => {
    await start(pause('ROLLBACK'))
    const d = await at(32 * MINUTE)
    expect(d.status).toBe('ROLLBACK_SUCCESSFUL')
    expect(d.lifecycleHookDetails![0]!.status).toBe('TIMED_OUT')
  })

  it('a Lambda hook runs, then the deployment goes on (or rolls back when it FAILED)', async () => {
    const lambda = (result: string) => ({
      strategy: 'BLUE_GREEN',
      lifecycleHooks: [
        {
          targetType: 'AWS_LAMBDA',
          hookTargetArn: 'arn:aws:lambda:us-east-1:123456789012:function:smoke',
          lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'],
          lambdaSeconds: 30,
          lambdaResult: result,
        },
      ],
    })
    await start(lambda('SUCCEEDED'))
    const running = await at(70_000)
    expect(running.lifecycleHookDetails![0]).toMatchObject({
      targetType: 'AWS_LAMBDA',
      status: 'IN_PROGRESS',
    })
    expect((await at(MINUTE)).status).toBe('SUCCESSFUL')
    ecs.destroy()
    await emu.stop()
    await start(lambda('FAILED'))
    expect((await at(3 * MINUTE)).status).toBe('ROLLBACK_SUCCESSFUL')
  })
})

describe('target groups', () => {
  const BLUE = targetGroupArn('us-east-1', '123456789012', 'blue')
  const GREEN = targetGroupArn('us-east-1', '123456789012', 'green')

  it('the new revision registers in the alternate (test) target group while it runs, the old stays in the primary', async () => {
    await start(
      {
        strategy: 'BLUE_GREEN',
        bakeTimeInMinutes: 2,
        loadBalancers: [
          {
            targetGroupArn: BLUE,
            containerName: 'app',
            containerPort: 8080,
            advancedConfiguration: { alternateTargetGroupArn: GREEN },
          },
        ],
      },
      {},
      {
        elbv2: {
          loadBalancers: { shop: {} },
          targetGroups: {
            blue: { loadBalancer: 'shop', initialFor: 0 },
            green: { loadBalancer: 'shop', initialFor: 0 },
          },
        },
      },
    )
    const elb = new ElasticLoadBalancingV2Client(clientConfig(emu))
    const targets = async (arn: string) =>
      (
        (await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: arn }))).TargetHealthDescriptions ??
        []
      ).map((t) => t.TargetHealth?.State)
    emu.clock.advance(2 * MINUTE)
    expect(await targets(BLUE)).toEqual(['healthy', 'healthy'])
    expect(await targets(GREEN)).toEqual(['healthy', 'healthy'])
    elb.destroy()
  })
})
