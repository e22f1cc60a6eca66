// The ECS emulator's records. Nothing here holds per-moment state: counts and statuses are computed from
// these records at the clock's `now` (timeline.ts), so a manual clock can jump anywhere.
import type { CircuitBreakerSpec, ContainerSpec, Controller, PlanSpec } from './scenario.js'
import type { HookAction, HookSpec, Stage, StrategySpec } from './strategy.js'

export interface TaskDefinition {
  arn: string
  family: string
  revision: number
  containers: ContainerSpec[]
  cpu: string
  memory: string
  registeredAt: number
}

/** A service revision (the ServiceDeployments API): one per deployment the user started. */
export interface ServiceRevision {
  arn: string
  taskDefinition: TaskDefinition
  createdAt: number
}

/** One deployment as DescribeServices lists it (`ecs-svc/…`). A circuit-breaker rollback is its own
 * deployment here, while the ServiceDeployments API shows it as the state of the failed one. */
export interface Deployment {
  id: string
  /** 20 hex characters; a task id is this prefix + the task's slot number in 12 hex characters. */
  taskPrefix: string
  taskDefinition: TaskDefinition
  revision: ServiceRevision
  createdAt: number
  desired: number
  plan: PlanSpec
  /** The deployment whose tasks this one replaces (undefined for a service's first deployment). */
  source?: Deployment
  /** Later deployments that replace this one's tasks, oldest first. */
  drainers: Deployment[]
  /** Set when a newer deployment started before this one finished: its tasks stop at that moment. */
  killedAt?: number
  /** Circuit-breaker threshold, fixed at creation (it depends on the desired count). */
  threshold: number
  circuitBreaker: CircuitBreakerSpec
  /** For a rollback deployment: the failed deployment it rolls back. */
  rollbackOf?: Deployment
  /** For a failed deployment: its rollback deployment (created ahead, with a future createdAt). */
  rollback?: Deployment
  /** The ServiceDeployments API record; a rollback deployment shares the failed deployment's. */
  serviceDeployment: ServiceDeploymentRecord
  /** A native (blue/green, linear, canary) deployment's end as known now (native.ts settle): when the old
   * revision's tasks stop (CLEAN_UP), or when a rollback made the old revision PRIMARY again. */
  cleanUpAt?: number
  retiredAt?: number
}

export interface ServiceDeploymentRecord {
  arn: string
  /** The deployment the user started (not its rollback). */
  deployment: Deployment
  /** When a newer user deployment started before this one reached a terminal state. */
  stoppedAt?: number
  /** Set for a BLUE_GREEN, LINEAR or CANARY deployment: its lifecycle (native.ts). */
  native?: NativeRun
}

/** One lifecycle hook of a native deployment, at one stage. */
export interface HookRun {
  id: string
  spec: HookSpec
  stage: Stage
}

/** What a native deployment was started with, and the answers ContinueServiceDeployment gave its hooks. */
export interface NativeRun {
  spec: StrategySpec
  hooks: HookRun[]
  decisions: Map<string, { action: HookAction; at: number }>
  /** When the deployment's alarms go into ALARM (ms), and which. */
  alarm?: { at: number; names: string[] }
}

export interface Service {
  name: string
  arn: string
  cluster: Cluster
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE'
  desiredCount: number
  controller: Controller
  launchType: 'FARGATE' | 'EC2'
  loadBalancers: Record<string, unknown>[]
  circuitBreaker: CircuitBreakerSpec
  strategy: StrategySpec
  createdAt: number
  /** Oldest first; may end with a rollback deployment whose createdAt is still in the future. */
  deployments: Deployment[]
  serviceDeployments: ServiceDeploymentRecord[]
  onDeploy: PlanSpec[]
  deploysStarted: number
}

export interface Cluster {
  name: string
  arn: string
  services: Map<string, Service>
}

/** True when DescribeServices shows rolloutState for this service: ECS controller, no Classic Load Balancer. */
export function hasRolloutState(service: Service): boolean {
  return service.controller === 'ECS' && !service.loadBalancers.some((lb) => 'loadBalancerName' in lb)
}
