// The emulator's Elastic Load Balancing v2 through the real SDK client (awsQuery): target groups, target
// health tied to the ECS service's tasks, and the ALB metrics in CloudWatch with no datapoint for zero 5XX.
import { afterEach, describe, expect, it } from '@jest/globals'
import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch'
import { DescribeTasksCommand, ECSClient, ListTasksCommand } from '@aws-sdk/client-ecs'
import {
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2'
import { startEmulator, type Emulator } from '../index.js'
import { loadBalancerArn, targetGroupArn } from '../services/elbv2/index.js'
import { clientConfig } from './helpers.js'

let emulator: Emulator
afterEach(() => emulator.stop())

const TG = targetGroupArn('us-east-1', '123456789012', 'shop-tg')
const LB = loadBalancerArn('us-east-1', '123456789012', 'shop', 'application')

async function start(tg: Record<string, unknown> = {}) {
  emulator = await startEmulator({
    scenario: {
      ecs: {
        clusters: {
          prod: {
            services: {
              shop: {
                desiredCount: 3,
                loadBalancers: [{ targetGroupArn: TG, containerName: 'app', containerPort: 8080 }],
              },
            },
          },
        },
      },
      elbv2: {
        loadBalancers: { shop: { type: 'application' } },
        targetGroups: { 'shop-tg': { loadBalancer: 'shop', ...tg } },
      },
      cloudwatch: { metrics: [] },
    },
  })
  const config = clientConfig(emulator)
  return {
    elb: new ElasticLoadBalancingV2Client(config),
    ecs: new ECSClient(config),
    cw: new CloudWatchClient(config),
  }
}

describe('Elastic Load Balancing v2', () => {
  it('describes a target group with its load balancer', async () => {
    const { elb } = await start()
    const out = await elb.send(new DescribeTargetGroupsCommand({ TargetGroupArns: [TG] }))
    expect(out.TargetGroups).toEqual([
      expect.objectContaining({ TargetGroupArn: TG, Protocol: 'HTTP', LoadBalancerArns: [LB] }),
    ])
  })

  it('answers TargetGroupNotFound for an unknown target group', async () => {
    const { elb } = await start()
    await expect(
      elb.send(
        new DescribeTargetHealthCommand({
          TargetGroupArn: targetGroupArn('us-east-1', '123456789012', 'gone'),
        }),
      ),
    ).rejects.toMatchObject({ name: 'TargetGroupNotFoundException' })
  })

  it('registers every running task by its ENI address, healthy unless told', async () => {
    const { elb, ecs } = await start({ unhealthy: 1 })
    const arns = (await ecs.send(new ListTasksCommand({ cluster: 'prod', serviceName: 'shop' }))).taskArns
    const tasks = (await ecs.send(new DescribeTasksCommand({ cluster: 'prod', tasks: arns }))).tasks ?? []
    const ips = tasks.map(
      (t) => t.attachments?.[0]?.details?.find((d) => d.name === 'privateIPv4Address')?.value,
    )
    const health = await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: TG }))
    const targets = health.TargetHealthDescriptions ?? []
    expect(targets.map((t) => t.Target?.Id).sort()).toEqual([...ips].sort())
    expect(targets.map((t) => t.TargetHealth?.State).sort()).toEqual(['healthy', 'healthy', 'unhealthy'])
    expect(targets.find((t) => t.TargetHealth?.State === 'unhealthy')?.TargetHealth?.Reason).toBe(
      'Target.ResponseCodeMismatch',
    )
  })

  it('publishes RequestCount every minute and HTTPCode_Target_5XX_Count only for minutes with errors', async () => {
    const { cw } = await start({
      traffic: {
        from: -600,
        to: 0,
        requestsPerMinute: 100,
        errors: [{ from: -300, to: -240, perMinute: 7 }],
      },
    })
    const now = emulator.world.clock.now()
    const dims = [
      { Name: 'TargetGroup', Value: TG.slice(TG.indexOf(':targetgroup/') + 1) },
      { Name: 'LoadBalancer', Value: LB.slice(LB.indexOf(':loadbalancer/') + 14) },
    ]
    const q = (Id: string, MetricName: string) => ({
      Id,
      MetricStat: {
        Metric: { Namespace: 'AWS/ApplicationELB', MetricName, Dimensions: dims },
        Period: 60,
        Stat: 'Sum',
      },
    })
    const out = await cw.send(
      new GetMetricDataCommand({
        StartTime: new Date(now - 3_600_000),
        EndTime: new Date(now),
        MetricDataQueries: [q('r', 'RequestCount'), q('e', 'HTTPCode_Target_5XX_Count')],
      }),
    )
    const byId = new Map(out.MetricDataResults?.map((r) => [r.Id, r.Values ?? []]))
    expect(byId.get('r')).toHaveLength(10)
    expect(byId.get('e')).toEqual([7])
  })
})
