// The Elastic Load Balancing v2 plugin (awsQuery, API version 2015-12-01): DescribeTargetGroups and
// DescribeTargetHealth over the scenario's `elbv2:` section, with targets taken from the ECS world
// (targets.ts), and each target group's Application Load Balancer metrics published into CloudWatch
// (metrics.ts). Registered as world.states.elbv2.
import { AwsError, type EmulatorPlugin } from '../../core/types.js'
import type { MetricStore } from '../cloudwatch/series.js'
import type { EcsState } from '../ecs/state.js'
import { albMetrics } from './metrics.js'
import { parseElbv2Scenario, type TargetGroupSpec } from './scenario.js'
import { targetHealth } from './targets.js'

/** A stable 16-hex id per name, so a scenario (or a test) can write the ARN ECS's loadBalancers[] names. */
export function elbId(name: string): string {
  let h = 0x811c9dc5
  let out = ''
  for (let round = 0; out.length < 16; round++) {
    for (const ch of `${round}:${name}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0
    out += h.toString(16).padStart(8, '0')
  }
  return out.slice(0, 16)
}

export function targetGroupArn(region: string, accountId: string, name: string): string {
  return `arn:aws:elasticloadbalancing:${region}:${accountId}:targetgroup/${name}/${elbId(`tg:${name}`)}`
}

export function loadBalancerArn(region: string, accountId: string, name: string, type: string): string {
  const kind = type === 'network' ? 'net' : 'app'
  return `arn:aws:elasticloadbalancing:${region}:${accountId}:loadbalancer/${kind}/${name}/${elbId(`lb:${name}`)}`
}

const notFound = (): AwsError =>
  new AwsError(
    'TargetGroupNotFoundException',
    'One or more target groups not found',
    400,
    'TargetGroupNotFound',
  )

export const elbv2Plugin: EmulatorPlugin = {
  scenarioKey: 'elbv2',
  create(section, world) {
    const scenario = parseElbv2Scenario(section ?? {})
    const lbArns = new Map(
      scenario.loadBalancers.map((lb) => [
        lb.name,
        loadBalancerArn(world.region, world.accountId, lb.name, lb.type),
      ]),
    )
    const groups = new Map<string, TargetGroupSpec>()
    for (const tg of scenario.targetGroups)
      groups.set(tg.arn ?? targetGroupArn(world.region, world.accountId, tg.name), tg)
    publishMetrics(world.states.cloudwatch as MetricStore | undefined, groups, lbArns)
    world.states.elbv2 = { groups }

    const view = (arn: string, tg: TargetGroupSpec) => {
      const lb = tg.loadBalancer ? lbArns.get(tg.loadBalancer) : undefined
      return {
        TargetGroupArn: arn,
        TargetGroupName: tg.name,
        Protocol: tg.protocol,
        Port: tg.port,
        TargetType: 'ip',
        HealthCheckEnabled: true,
        ProtocolVersion: tg.protocol.startsWith('HTTP') ? 'HTTP1' : undefined,
        LoadBalancerArns: lb ? [lb] : [],
      }
    }
    const describeTargetGroups = (input: { TargetGroupArns?: string[]; Names?: string[] }) => {
      const picked = [...groups].filter(
        ([arn, tg]) =>
          (!input.TargetGroupArns?.length || input.TargetGroupArns.includes(arn)) &&
          (!input.Names?.length || input.Names.includes(tg.name)),
      )
      const asked = (input.TargetGroupArns?.length ?? 0) + (input.Names?.length ?? 0)
      if (asked > 0 && picked.length < asked) throw notFound()
      return { TargetGroups: picked.map(([arn, tg]) => view(arn, tg)) }
    }
    const describeTargetHealth = (input: { TargetGroupArn: string }) => {
      const tg = groups.get(input.TargetGroupArn)
      if (!tg) throw notFound()
      const ecs = world.states.ecs as EcsState | undefined
      return { TargetHealthDescriptions: targetHealth(ecs, tg, input.TargetGroupArn, world.clock.now()) }
    }
    return {
      services: [
        {
          name: 'elasticloadbalancing',
          targetPrefix: 'ElasticLoadBalancing_v10',
          protocol: 'awsQuery',
          model: 'elbv2',
          operations: {
            DescribeTargetGroups: describeTargetGroups,
            DescribeTargetHealth: describeTargetHealth,
          },
        },
      ],
    }
  },
}

function publishMetrics(
  store: MetricStore | undefined,
  groups: Map<string, TargetGroupSpec>,
  lbArns: Map<string, string>,
): void {
  if (!store) return
  for (const [arn, tg] of groups) {
    const lb = tg.loadBalancer ? lbArns.get(tg.loadBalancer) : undefined
    if (!lb || !tg.traffic) continue
    store.add(
      albMetrics(tg, {
        TargetGroup: arn.slice(arn.indexOf(':targetgroup/') + 1),
        LoadBalancer: lb.slice(lb.indexOf(':loadbalancer/') + ':loadbalancer/'.length),
      }),
    )
  }
}
