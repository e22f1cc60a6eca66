// The ECS emulator's world: clusters, services, task definitions and deployment records, plus the two ways
// a deployment starts at run time (UpdateService, and deployImages for the CodePipeline ECS deploy action).
import { must } from '../../core/must.js'
import { AwsError, type EcsDeployTarget, type World } from '../../core/types.js'
import { EcsNames, lastSegment, taskIp } from './ids.js'
import type {
  Cluster,
  Deployment,
  NativeRun,
  Service,
  ServiceDeploymentRecord,
  ServiceRevision,
  TaskDefinition,
} from './model.js'
import { DEFAULT_ROLLOUT_SECONDS, type ContainerSpec, type EcsScenario, type PlanSpec } from './scenario.js'
import { isTerminal, serviceDeploymentStatus } from './service-deployment-status.js'
import { settle } from './native.js'
import { completedAt, failedAt } from './timeline.js'

const SUCCESS_PLAN: PlanSpec = {
  outcome: 'success',
  duration: DEFAULT_ROLLOUT_SECONDS,
  failAfter: 90,
  rollbackDuration: 30,
  stuckTasks: 0,
  unhealthyTasks: 0,
  failure: {
    stopCode: 'EssentialContainerExited',
    stoppedReason: 'Essential container in task exited',
    exitCode: 1,
  },
  stoppedTasks: [],
}

export class EcsState implements EcsDeployTarget {
  readonly names: EcsNames
  readonly clusters = new Map<string, Cluster>()
  private readonly families = new Map<string, TaskDefinition[]>()
  /** Task id prefix → deployment, so DescribeTasks finds a task without any per-task record. */
  readonly byTaskPrefix = new Map<string, { service: Service; deployment: Deployment }>()
  readonly serviceDeploymentsByArn = new Map<string, { service: Service; record: ServiceDeploymentRecord }>()
  readonly revisionsByArn = new Map<string, { service: Service; revision: ServiceRevision }>()

  /** The address of slot `slot` of deployment d (ids.ts taskIp). */
  taskIpOf(d: Deployment, slot: number): string {
    return taskIp([...this.byTaskPrefix.keys()].indexOf(d.taskPrefix), slot)
  }

  constructor(
    scenario: EcsScenario,
    private readonly world: World,
  ) {
    this.names = new EcsNames(world.region, world.accountId, () => world.random())
    const t0 = world.clock.now()
    for (const c of scenario.clusters) {
      const cluster: Cluster = { name: c.name, arn: this.names.cluster(c.name), services: new Map() }
      this.clusters.set(c.name, cluster)
      for (const s of c.services) {
        for (const td of s.taskDefinitions)
          this.addTaskDefinition(td.family, td.revision, td, t0 - 86_400_000)
        const first = t0 + s.deployments[0].at * 1000
        const service: Service = {
          name: s.name,
          arn: this.names.service(c.name, s.name),
          cluster,
          status: s.status,
          desiredCount: s.desiredCount,
          controller: s.controller,
          launchType: s.launchType,
          loadBalancers: s.loadBalancers,
          circuitBreaker: s.circuitBreaker,
          strategy: s.deploymentStrategy,
          createdAt: first,
          deployments: [],
          serviceDeployments: [],
          onDeploy: s.onDeploy,
          deploysStarted: 0,
        }
        cluster.services.set(s.name, service)
        for (const [i, d] of s.deployments.entries()) {
          const ref = /^\d+$/.test(d.taskDefinition)
            ? `${s.taskDefinitions[0].family}:${d.taskDefinition}`
            : d.taskDefinition
          const td = this.findTaskDefinition(ref)
          if (!td)
            throw new Error(
              `scenario ecs.clusters.${c.name}.services.${s.name}.deployments.${i}: no task definition ${ref}`,
            )
          this.startDeployment(service, td, d, t0 + d.at * 1000)
        }
      }
    }
  }

  // --- lookups (throwing the errors ECS throws) ---

  cluster(ref: string | undefined): Cluster {
    const name = lastSegment(ref ?? 'default')
    const cluster = this.clusters.get(name)
    if (!cluster || (ref?.startsWith('arn:') && ref !== cluster.arn))
      throw new AwsError('ClusterNotFoundException', 'Cluster not found.')
    return cluster
  }

  findService(cluster: Cluster, ref: string): Service | undefined {
    const service = cluster.services.get(lastSegment(ref))
    if (!service) return undefined
    // ECS accepts both ARN formats: with the cluster segment (current) and without it (legacy).
    if (ref.startsWith('arn:') && ref !== service.arn && ref !== this.names.legacyService(service.name))
      return undefined
    return service
  }

  service(cluster: Cluster, ref: string): Service {
    const service = this.findService(cluster, ref)
    if (!service) throw new AwsError('ServiceNotFoundException', 'Service not found.')
    return service
  }

  /** `family`, `family:revision` or a task definition ARN; a bare family means its latest revision. */
  findTaskDefinition(ref: string): TaskDefinition | undefined {
    const body = ref.startsWith('arn:')
      ? ref.slice(ref.indexOf('task-definition/') + 'task-definition/'.length)
      : ref
    if (
      ref.startsWith('arn:') &&
      !ref.startsWith(`arn:aws:ecs:${this.world.region}:${this.world.accountId}:task-definition/`)
    ) {
      return undefined
    }
    const [family = '', revision] = body.split(':') // split returns at least one part
    const revisions = this.families.get(family)
    if (!revisions?.length) return undefined
    if (revision === undefined) return revisions[revisions.length - 1]
    return revisions.find((td) => String(td.revision) === revision)
  }

  /** The newest deployment that has started by t (a native deployment rolled back by then no longer counts). */
  primaryAt(service: Service, t: number): Deployment | undefined {
    return service.deployments.findLast(
      (d) => d.createdAt <= t && (d.retiredAt === undefined || d.retiredAt > t),
    )
  }

  // --- changes ---

  registerTaskDefinition(
    family: string,
    containers: ContainerSpec[],
    at: number,
    like?: TaskDefinition,
  ): TaskDefinition {
    const revisions = this.families.get(family) ?? []
    const revision = (revisions[revisions.length - 1]?.revision ?? 0) + 1
    return this.addTaskDefinition(
      family,
      revision,
      { containers, cpu: like?.cpu ?? '256', memory: like?.memory ?? '512' },
      at,
    )
  }

  private addTaskDefinition(
    family: string,
    revision: number,
    spec: { containers: ContainerSpec[]; cpu: string; memory: string },
    at: number,
  ): TaskDefinition {
    const revisions = this.families.get(family) ?? []
    if (revisions.some((td) => td.revision === revision))
      throw new Error(`scenario: task definition ${family}:${revision} defined twice`)
    const td: TaskDefinition = {
      arn: this.names.taskDefinition(family, revision),
      family,
      revision,
      containers: spec.containers.map((c) => ({ ...c })),
      cpu: spec.cpu,
      memory: spec.memory,
      registeredAt: at,
    }
    revisions.push(td)
    revisions.sort((a, b) => a.revision - b.revision)
    this.families.set(family, revisions)
    return td
  }

  /** The plan for a deployment started at run time: back to a version that ran fine → success; else the
   * scenario's next `onDeploy` plan. */
  planFor(service: Service, td: TaskDefinition): PlanSpec {
    const known = service.deployments.some((d) => d.taskDefinition === td && completedAt(d) !== undefined)
    if (known) return SUCCESS_PLAN
    const plan = service.onDeploy[Math.min(service.deploysStarted, service.onDeploy.length - 1)]
    service.deploysStarted++
    return must(plan, `an onDeploy plan for service ${service.name}`)
  }

  startDeployment(service: Service, td: TaskDefinition, plan: PlanSpec, at: number): Deployment {
    // A rollback scheduled for later is cancelled by a newer deployment.
    for (const future of service.deployments.filter((d) => d.createdAt > at)) this.forget(service, future)
    const previous = this.primaryAt(service, at)
    let source: Deployment | undefined
    if (previous) {
      const done = completedAt(previous)
      if (done !== undefined && done <= at) source = previous
      else {
        source = previous.source
        previous.killedAt = at
      }
      const rec = previous.serviceDeployment
      if (!isTerminal(serviceDeploymentStatus(rec, at).status)) rec.stoppedAt = at
    }
    const revision: ServiceRevision = {
      arn: this.names.serviceRevision(service.cluster.name, service.name),
      taskDefinition: td,
      createdAt: at,
    }
    this.revisionsByArn.set(revision.arn, { service, revision })
    const record = {
      arn: this.names.serviceDeployment(service.cluster.name, service.name),
      native: source ? this.nativeRun(service, plan, at) : undefined,
    } as ServiceDeploymentRecord
    const d = this.newDeployment(service, td, revision, plan, at, source, record)
    record.deployment = d
    service.serviceDeployments.push(record)
    this.serviceDeploymentsByArn.set(record.arn, { service, record })
    // Blue/green, linear and canary roll back by sending the traffic back to the old revision (native.ts).
    if (record.native) {
      settle(record)
      return d
    }
    const failed = failedAt(d)
    if (failed !== undefined && service.circuitBreaker.rollback && source) {
      const back = { ...SUCCESS_PLAN, duration: plan.rollbackDuration }
      d.rollback = this.newDeployment(
        service,
        source.taskDefinition,
        source.revision,
        back,
        failed,
        source,
        record,
      )
      d.rollback.rollbackOf = d
    }
    return d
  }

  /** The lifecycle of a BLUE_GREEN, LINEAR or CANARY deployment; none for ROLLING. */
  private nativeRun(service: Service, plan: PlanSpec, at: number): NativeRun | undefined {
    const spec = service.strategy
    if (spec.strategy === 'ROLLING') return undefined
    const hooks = spec.lifecycleHooks.flatMap((h) =>
      h.lifecycleStages.map((stage) => ({
        id: `${h.targetType === 'PAUSE' ? 'ecs-pause' : 'ecs-hook'}-${this.names.alnum(43)}`,
        spec: h,
        stage,
      })),
    )
    const alarm = plan.alarm && { at: at + plan.alarm.after * 1000, names: plan.alarm.names }
    return { spec, hooks, decisions: new Map(), alarm }
  }

  private newDeployment(
    service: Service,
    td: TaskDefinition,
    revision: ServiceRevision,
    plan: PlanSpec,
    at: number,
    source: Deployment | undefined,
    record: ServiceDeploymentRecord,
  ): Deployment {
    const d: Deployment = {
      id: this.names.deploymentId(),
      taskPrefix: this.names.hex(20),
      taskDefinition: td,
      revision,
      createdAt: at,
      desired: service.desiredCount,
      plan,
      source,
      drainers: [],
      threshold: threshold(service, service.desiredCount),
      circuitBreaker: { ...service.circuitBreaker },
      serviceDeployment: record,
    }
    source?.drainers.push(d)
    service.deployments.push(d)
    this.byTaskPrefix.set(d.taskPrefix, { service, deployment: d })
    return d
  }

  private forget(service: Service, d: Deployment): void {
    service.deployments = service.deployments.filter((x) => x !== d)
    if (d.source) d.source.drainers = d.source.drainers.filter((x) => x !== d)
    if (d.rollbackOf) d.rollbackOf.rollback = undefined
    this.byTaskPrefix.delete(d.taskPrefix)
  }

  /** EcsDeployTarget: what the CodePipeline ECS deploy action does with an imagedefinitions.json. */
  deployImages(clusterRef: string, serviceRef: string, images: { name: string; imageUri: string }[]): void {
    const now = this.world.clock.now()
    const service = this.service(this.cluster(clusterRef), serviceRef)
    assertDeployable(service)
    const current = this.primaryAt(service, now)?.taskDefinition
    if (!current) throw new AwsError('ClientException', `Service ${service.name} has no task definition.`)
    const containers = current.containers.map((c) => ({ ...c }))
    for (const image of images) {
      const container = containers.find((c) => c.name === image.name)
      if (!container) {
        throw new AwsError(
          'InvalidParameterException',
          `The container ${image.name} does not exist in the task definition ${current.arn}.`,
        )
      }
      container.image = image.imageUri
    }
    const td = this.registerTaskDefinition(current.family, containers, now, current)
    this.startDeployment(service, td, this.planFor(service, td), now)
  }
}

/** Rolling updates are ECS-controller business; other controllers refuse them the way ECS does. */
export function assertDeployable(service: Service): void {
  if (service.status !== 'ACTIVE') throw new AwsError('ServiceNotActiveException', 'Service was not ACTIVE.')
  if (service.controller === 'CODE_DEPLOY') {
    throw new AwsError(
      'InvalidParameterException',
      'Unable to update task definition on services with a CODE_DEPLOY deployment controller. Use AWS CodeDeploy to trigger a new deployment.',
    )
  }
  if (service.controller === 'EXTERNAL') {
    throw new AwsError(
      'InvalidParameterException',
      'Unable to update task definition on services with a EXTERNAL deployment controller. Use task sets to deploy.',
    )
  }
}

/** The circuit breaker's failed-task threshold (ECS: 50 % of desired, clamped to 3..200, by default). */
export function threshold(service: Service, desired: number): number {
  const { thresholdType, thresholdValue } = service.circuitBreaker
  if (thresholdType === 'COUNT') return Math.max(1, Math.round(thresholdValue))
  const raw = Math.ceil((desired * thresholdValue) / 100)
  return thresholdType === 'UNBOUNDED_PERCENT' ? Math.max(1, raw) : Math.min(200, Math.max(3, raw))
}
