// Target health tied to the ECS world: a target group's targets are the tasks of the ECS services that name it
// in `loadBalancers[]` (awsvpc: registered by their ENI's private address), as ECS registers and deregisters
// them. Elastic Load Balancing API reference, TargetHealth: states initial / healthy / unhealthy / draining,
// with the reason codes Elb.InitialHealthChecking, Target.ResponseCodeMismatch, Target.DeregistrationInProgress.
import type { Deployment, Service } from '../ecs/model.js'
import type { EcsState } from '../ecs/state.js'
import { deploymentSegments, segmentSize, slotAt, slotLife } from '../ecs/tasks.js'
import { isNative } from '../ecs/timeline.js'
import type { TargetGroupSpec } from './scenario.js'

export interface TargetHealthDescription {
  Target: { Id: string; Port: number; AvailabilityZone: string }
  HealthCheckPort: string
  TargetHealth: { State: string; Reason?: string; Description?: string }
}

const AZ = (region: string, slot: number): string => `${region}${'abc'[slot % 3]}`

const alternateOf = (lb: Record<string, unknown>): unknown =>
  (lb.advancedConfiguration as { alternateTargetGroupArn?: unknown } | undefined)?.alternateTargetGroupArn

export function servicesBehind(ecs: EcsState | undefined, arn: string): Service[] {
  if (!ecs) return []
  const out: Service[] = []
  for (const cluster of ecs.clusters.values())
    for (const s of cluster.services.values())
      if (s.loadBalancers.some((lb) => lb.targetGroupArn === arn || alternateOf(lb) === arn)) out.push(s)
  return out
}

/**
 * Whether deployment d's tasks are registered in target group `arn` at t. A blue/green, linear or canary
 * deployment registers its (green) tasks in the alternate target group while it runs (developer guide:
 * "Application Load Balancer resources for blue/green, linear, and canary deployments"); the old revision stays in
 * the primary one. The emulator keeps the two groups' roles fixed: once the deployment has cleaned up, its
 * tasks are listed in the primary group.
 */
function registeredIn(service: Service, d: Deployment, arn: string, t: number): boolean {
  const green = isNative(d) && !(d.cleanUpAt !== undefined && d.cleanUpAt <= t)
  return service.loadBalancers.some((lb) =>
    green && alternateOf(lb) !== undefined ? alternateOf(lb) === arn : lb.targetGroupArn === arn,
  )
}

export function targetHealth(
  ecs: EcsState | undefined,
  tg: TargetGroupSpec,
  arn: string,
  t: number,
): TargetHealthDescription[] {
  if (!ecs) return []
  const out: TargetHealthDescription[] = []
  const describe = (id: string, slot: number, health: TargetHealthDescription['TargetHealth']) =>
    out.push({
      Target: { Id: id, Port: tg.port, AvailabilityZone: AZ(ecs.names.region, slot) },
      HealthCheckPort: String(tg.port),
      TargetHealth: health,
    })
  for (const service of servicesBehind(ecs, arn)) {
    const newest = service.deployments.filter((d) => d.createdAt <= t).at(-1)
    let stale = tg.staleTargets
    for (const d of [...service.deployments].reverse()) {
      if (!registeredIn(service, d, arn, t)) continue
      for (const seg of [
        ...deploymentSegments(service, d, 'RUNNING', t),
        ...deploymentSegments(service, d, 'STOPPED', t),
      ]) {
        for (let i = 0; i < segmentSize(seg); i++) {
          const slot = slotAt(seg, i)
          const life = slotLife(service, d, slot, t)
          if (!life || life.startedAt === undefined) continue
          const ip = ecs.taskIpOf(d, slot)
          if (life.lastStatus === 'RUNNING') {
            if (t - life.startedAt < tg.initialFor * 1000)
              describe(ip, slot, {
                State: 'initial',
                Reason: 'Elb.InitialHealthChecking',
                Description: 'Initial health checks in progress',
              })
            else if (d === newest && slot < tg.unhealthy)
              describe(ip, slot, {
                State: 'unhealthy',
                Reason: 'Target.ResponseCodeMismatch',
                Description: 'Health checks failed with these codes: [502]',
              })
            else describe(ip, slot, { State: 'healthy' })
          } else if (life.stoppedAt !== undefined && d !== newest && stale > 0) {
            stale--
            describe(ip, slot, { State: 'healthy' })
          } else if (life.stoppedAt !== undefined && t - life.stoppedAt < tg.deregistrationDelay * 1000)
            describe(ip, slot, {
              State: 'draining',
              Reason: 'Target.DeregistrationInProgress',
              Description: 'Target deregistration is in progress',
            })
        }
      }
    }
  }
  return out
}
