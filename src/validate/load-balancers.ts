// The service's own front door: its target groups (DescribeTargetGroups, one call for all of them) and each
// group's targets (DescribeTargetHealth, one call per group), every read patient (read.ts).
import type { Service } from '@aws-sdk/client-ecs'
import {
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
  type TargetHealthDescription,
} from '@aws-sdk/client-elastic-load-balancing-v2'
import { call } from '../aws-errors.js'
import type { ModeDeps } from '../deps.js'
import { patiently, type ReadDeps } from './read.js'

export interface TargetGroup {
  arn: string
  name: string
  /** `targetgroup/<name>/<id>`: the TargetGroup dimension of its metrics. */
  dimension: string
  /** `app/<name>/<id>` of an Application Load Balancer in front of it (LoadBalancer dimension), if any. */
  albDimension?: string
}

export interface TargetGroupHealth {
  group: TargetGroup
  /** The targets, or why they could not be read. */
  targets: TargetHealthDescription[] | Error
}

/** The target group ARNs a service names in loadBalancers[] (a Classic Load Balancer has none: skipped). */
export function targetGroupArnsOf(service: Service): string[] {
  const arns = (service.loadBalancers ?? []).map((lb) => lb.targetGroupArn).filter((a): a is string => !!a)
  return [...new Set(arns)]
}

const after = (arn: string, marker: string): string => arn.slice(arn.indexOf(marker) + marker.length)

export async function describeTargetGroups(
  deps: ReadDeps & Pick<ModeDeps, 'aws'>,
  arns: string[],
  deadline: number,
): Promise<TargetGroup[]> {
  const elb = deps.aws.get(ElasticLoadBalancingV2Client)
  const out = await patiently(deps, deadline, () =>
    call('elasticloadbalancing', 'DescribeTargetGroups', () =>
      elb.send(new DescribeTargetGroupsCommand({ TargetGroupArns: arns }), { abortSignal: deps.signal }),
    ),
  )
  return (out.TargetGroups ?? []).map((tg) => {
    const arn = tg.TargetGroupArn ?? ''
    const alb = (tg.LoadBalancerArns ?? []).find((lb) => lb.includes(':loadbalancer/app/'))
    return {
      arn,
      name: tg.TargetGroupName ?? arn,
      dimension: `targetgroup/${after(arn, ':targetgroup/')}`,
      albDimension: alb ? after(alb, ':loadbalancer/') : undefined,
    }
  })
}

/**
 * Every target of the group, in one unfiltered call: DescribeTargetHealth has no paging, and asking in pieces
 * (`Targets`) answers only for the targets named, so a registered target that is not a task of the new revision
 * (the old revision, another service) — the one the check fails on — would go unseen. The price is one large
 * answer for a large group: 1 MB of XML at 5,000 targets, about 18 MiB of peak RSS (docs/develop.md).
 */
export function readTargetHealth(
  deps: ReadDeps & Pick<ModeDeps, 'aws'>,
  group: TargetGroup,
  deadline: number,
): Promise<TargetGroupHealth> {
  const elb = deps.aws.get(ElasticLoadBalancingV2Client)
  return patiently(deps, deadline, () =>
    call('elasticloadbalancing', 'DescribeTargetHealth', () =>
      elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: group.arn }), { abortSignal: deps.signal }),
    ),
  ).then(
    (out) => ({ group, targets: out.TargetHealthDescriptions ?? [] }),
    (e: unknown) => ({ group, targets: e instanceof Error ? e : new Error(String(e)) }),
  )
}
