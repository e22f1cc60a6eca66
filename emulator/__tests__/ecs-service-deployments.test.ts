// The ServiceDeployments API through the real SDK client: what became of each deployment, and which task
// definition the service ran before it (the rollback target).
import {
  ClusterNotFoundException,
  DescribeServiceDeploymentsCommand,
  DescribeServiceRevisionsCommand,
  ECSClient,
  InvalidParameterException,
  ListServiceDeploymentsCommand,
  ServiceNotFoundException,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs'
import { startEmulator, type Emulator } from '../index.js'
import { clientConfig } from './helpers.js'
import { cloudwatchPlugin } from '../services/cloudwatch/index.js'
import { ecsPlugin } from '../services/ecs/index.js'
import { firstOf } from './must.js'
import { apigatewayPlugin } from '../services/apigateway/index.js'

let emu: Emulator
let ecs: ECSClient

async function start(scenario: string) {
  emu = await startEmulator({ scenario, plugins: [ecsPlugin, cloudwatchPlugin, apigatewayPlugin] })
  ecs = new ECSClient(clientConfig(emu))
}
afterEach(async () => {
  ecs.destroy()
  await emu.stop()
})

const list = (service: string, cluster = 'shop-prod', more: object = {}) =>
  ecs.send(new ListServiceDeploymentsCommand({ cluster, service, ...more }))

describe('after a circuit-breaker rollback (validate-rolled-back)', () => {
  beforeEach(() => start('validate-rolled-back'))

  it('lists the failed deployment as ROLLBACK_SUCCESSFUL, newest first', async () => {
    const out = await list('shop')
    expect(out.serviceDeployments!.map((d) => [d.status, d.statusReason])).toEqual([
      ['ROLLBACK_SUCCESSFUL', 'ECS deployment circuit breaker: tasks failed to start.'],
      ['SUCCESSFUL', undefined],
    ])
    const latest = firstOf(out.serviceDeployments)
    expect(latest).toMatchObject({
      serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/shop-prod/shop',
      clusterArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/shop-prod',
      createdAt: new Date('2026-03-02T11:50:00Z'),
      startedAt: new Date('2026-03-02T11:50:00Z'),
      finishedAt: new Date('2026-03-02T11:54:00Z'),
    })
    expect(latest.serviceDeploymentArn).toMatch(/:service-deployment\/shop-prod\/shop\/[A-Za-z0-9]{21}$/)
    expect(latest.targetServiceRevisionArn).toMatch(/:service-revision\/shop-prod\/shop\/\d{19}$/)
  })

  it('describes the rollback and leads to the task definition the service ran before', async () => {
    const latest = firstOf((await list('shop')).serviceDeployments)
    const out = await ecs.send(
      new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [latest.serviceDeploymentArn!] }),
    )
    const d = firstOf(out.serviceDeployments)
    expect(d).toMatchObject({
      status: 'ROLLBACK_SUCCESSFUL',
      deploymentCircuitBreaker: { status: 'TRIGGERED', failureCount: 3, threshold: 3 },
      rollback: {
        reason: 'ECS deployment circuit breaker: tasks failed to start.',
        startedAt: new Date('2026-03-02T11:53:00Z'),
      },
      targetServiceRevision: { arn: latest.targetServiceRevisionArn, runningTaskCount: 0 },
    })
    expect(d.sourceServiceRevisions).toHaveLength(1)
    expect(d.sourceServiceRevisions?.[0]).toMatchObject({ runningTaskCount: 3, pendingTaskCount: 0 })
    expect(d.rollback!.serviceRevisionArn).toBe(firstOf(d.sourceServiceRevisions).arn)
    const revisions = await ecs.send(
      new DescribeServiceRevisionsCommand({
        serviceRevisionArns: [d.rollback!.serviceRevisionArn!, d.targetServiceRevision!.arn!],
      }),
    )
    expect(revisions.serviceRevisions!.map((r) => [r.taskDefinition, r.containerImages?.[0]?.image])).toEqual(
      [
        [
          'arn:aws:ecs:us-east-1:123456789012:task-definition/shop:1',
          '123456789012.dkr.ecr.us-east-1.amazonaws.com/shop:v1.2.3',
        ],
        [
          'arn:aws:ecs:us-east-1:123456789012:task-definition/shop:2',
          '123456789012.dkr.ecr.us-east-1.amazonaws.com/shop:v1.2.4',
        ],
      ],
    )
  })

  it('filters by status and by creation time', async () => {
    const rolledBack = await list('shop', 'shop-prod', { status: ['ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED'] })
    expect(rolledBack.serviceDeployments).toHaveLength(1)
    const older = await list('shop', 'shop-prod', { createdAt: { before: new Date('2026-03-02T11:00:00Z') } })
    expect(older.serviceDeployments!.map((d) => d.status)).toEqual(['SUCCESSFUL'])
    const newer = await list('shop', 'shop-prod', { createdAt: { after: new Date('2026-03-02T11:00:00Z') } })
    expect(newer.serviceDeployments!.map((d) => d.status)).toEqual(['ROLLBACK_SUCCESSFUL'])
  })

  it('pages with maxResults and nextToken', async () => {
    const first = await list('shop', 'shop-prod', { maxResults: 1 })
    expect(first.serviceDeployments).toHaveLength(1)
    const second = await list('shop', 'shop-prod', { maxResults: 1, nextToken: first.nextToken })
    expect(second.serviceDeployments!.map((d) => d.status)).toEqual(['SUCCESSFUL'])
    expect(second.nextToken).toBeUndefined()
  })

  it('marks a deployment superseded by a newer one as STOPPED', async () => {
    await ecs.send(
      new UpdateServiceCommand({ cluster: 'shop-prod', service: 'shop', taskDefinition: 'shop:2' }),
    )
    emu.clock.advance(10_000)
    await ecs.send(
      new UpdateServiceCommand({ cluster: 'shop-prod', service: 'shop', forceNewDeployment: true }),
    )
    const statuses = (await list('shop')).serviceDeployments!.map((d) => d.status)
    expect(statuses.slice(0, 2)).toEqual(['IN_PROGRESS', 'STOPPED'])
  })

  it.each([
    ['an unknown service', { service: 'nope' }, ServiceNotFoundException],
    ['an unknown cluster', { cluster: 'nope' }, ClusterNotFoundException],
    ['an unknown status', { status: ['DONE'] }, InvalidParameterException],
    ['maxResults 0', { maxResults: 0 }, InvalidParameterException],
    ['a foreign nextToken', { nextToken: 'abc' }, InvalidParameterException],
  ])('ListServiceDeployments rejects %s', async (_case, change, type) => {
    const err = await ecs
      .send(new ListServiceDeploymentsCommand({ cluster: 'shop-prod', service: 'shop', ...change } as never))
      .catch((e) => e)
    expect(err).toBeInstanceOf(type)
  })

  it.each([
    ['no ARNs', []],
    ['21 ARNs', Array(21).fill('arn:x')],
  ])('DescribeServiceDeployments rejects %s', async (_case, arns) => {
    const err = await ecs
      .send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: arns }))
      .catch((e) => e)
    expect(err).toBeInstanceOf(InvalidParameterException)
  })

  it('reports unknown deployment and revision ARNs as MISSING failures', async () => {
    const arn = 'arn:aws:ecs:us-east-1:123456789012:service-deployment/shop-prod/shop/nope'
    const out = await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }))
    expect(out).toMatchObject({ serviceDeployments: [], failures: [{ arn, reason: 'MISSING' }] })
    const rev = await ecs.send(new DescribeServiceRevisionsCommand({ serviceRevisionArns: [arn] }))
    expect(rev).toMatchObject({ serviceRevisions: [], failures: [{ arn, reason: 'MISSING' }] })
  })
})

describe('deployments in flight', () => {
  beforeEach(() => start('validate-edge-cases'))

  it('a rollout in progress is IN_PROGRESS with the circuit breaker MONITORING', async () => {
    const d = firstOf((await list('huge', 'edge')).serviceDeployments)
    expect(d.status).toBe('IN_PROGRESS')
    const full = await ecs.send(
      new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [d.serviceDeploymentArn!] }),
    )
    expect(full.serviceDeployments![0]).toMatchObject({
      deploymentCircuitBreaker: { status: 'MONITORING', failureCount: 0, threshold: 200 },
      targetServiceRevision: { requestedTaskCount: 5000, runningTaskCount: 500 },
      sourceServiceRevisions: [{ runningTaskCount: 4500 }],
    })
  })

  it('a failed first deployment has nothing to roll back to: ROLLBACK_FAILED', async () => {
    const d = firstOf((await list('empty', 'edge')).serviceDeployments)
    expect(d.status).toBe('ROLLBACK_FAILED')
  })

  it('services on other controllers have no service deployments', async () => {
    expect((await list('bluegreen', 'edge')).serviceDeployments).toEqual([])
  })
})
