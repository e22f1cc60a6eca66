// The `ecs:` section of a scenario, parsed into plain specs with every default filled in. Times are seconds
// relative to the moment the emulator starts (negative = history, positive = happens while a test runs).
import {
  bool,
  fail,
  known,
  list,
  nonEmpty,
  num,
  obj,
  oneOf,
  optNum,
  optStr,
  str,
  type NonEmpty,
  type Obj,
} from './read.js'
import {
  parseAlarmTrigger,
  parseStrategy,
  STRATEGY_KEYS,
  type AlarmTrigger,
  type StrategySpec,
} from './strategy.js'

export const CONTROLLERS = ['ECS', 'CODE_DEPLOY', 'EXTERNAL'] as const
export type Controller = (typeof CONTROLLERS)[number]
export const OUTCOMES = ['success', 'failure', 'stuck'] as const
export type Outcome = (typeof OUTCOMES)[number]
export const THRESHOLD_TYPES = ['BOUNDED_PERCENT', 'COUNT', 'UNBOUNDED_PERCENT'] as const

export interface ContainerSpec {
  name: string
  image: string
  essential: boolean
  /** A container with a health check reports HEALTHY/UNHEALTHY; without one, UNKNOWN. */
  healthCheck: boolean
}

export interface TaskDefinitionSpec {
  family: string
  revision: number
  containers: ContainerSpec[]
  cpu: string
  memory: string
}

/** How a stopped task of a failing deployment (or an extra stopped task) looks. */
export interface StopSpec {
  stopCode: string
  stoppedReason: string
  exitCode?: number
  containerReason?: string
}

export interface ExtraStoppedTask extends StopSpec {
  /** Seconds after the deployment started at which the task stopped. */
  after: number
}

/** What a deployment does over time. */
export interface PlanSpec {
  /** success: rolls out over `duration` and completes; failure: tasks fail until the circuit breaker trips
   * after `failAfter` (rolling back when configured); stuck: rolls out but `stuckTasks` old tasks never go. */
  outcome: Outcome
  duration: number
  failAfter: number
  rollbackDuration: number
  stuckTasks: number
  unhealthyTasks: number
  failure: StopSpec
  stoppedTasks: ExtraStoppedTask[]
  /** Native strategies with deployment alarms: the alarms that go into ALARM while the deployment runs. */
  alarm?: AlarmTrigger
}

export interface DeploymentSpec extends PlanSpec {
  /** Revision number of the service's family, or `family:revision`. */
  taskDefinition: string
  at: number
}

export interface CircuitBreakerSpec {
  enable: boolean
  rollback: boolean
  thresholdType: (typeof THRESHOLD_TYPES)[number]
  thresholdValue: number
}

export interface ServiceSpec {
  name: string
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE'
  desiredCount: number
  controller: Controller
  launchType: 'FARGATE' | 'EC2'
  /** Passed through to DescribeServices; an entry with `loadBalancerName` is a Classic Load Balancer. */
  loadBalancers: Obj[]
  circuitBreaker: CircuitBreakerSpec
  /** ROLLING (the default), or ECS's own BLUE_GREEN, LINEAR or CANARY with their bake, hooks and alarms. */
  deploymentStrategy: StrategySpec
  taskDefinitions: NonEmpty<TaskDefinitionSpec>
  deployments: NonEmpty<DeploymentSpec>
  /** Plans for deployments started while the emulator runs (deployImages, UpdateService), used in order;
   * the last one repeats. */
  onDeploy: PlanSpec[]
}

export interface ClusterSpec {
  name: string
  services: ServiceSpec[]
}

export interface EcsScenario {
  clusters: ClusterSpec[]
}

export const DEFAULT_ROLLOUT_SECONDS = 60

const DEFAULT_FAILURE: StopSpec = {
  stopCode: 'EssentialContainerExited',
  stoppedReason: 'Essential container in task exited',
  exitCode: 1,
}

export function parseEcsScenario(section: unknown, region: string, accountId: string): EcsScenario {
  const root = obj(section, 'ecs')
  known(root, 'ecs', ['clusters'])
  const clusters = obj(root.clusters, 'ecs.clusters')
  return {
    clusters: Object.entries(clusters).map(([name, raw]) => {
      const path = `ecs.clusters.${name}`
      const c = obj(raw, path)
      known(c, path, ['services'])
      const services = obj(c.services, `${path}.services`)
      return {
        name,
        services: Object.entries(services).map(([svc, s]) =>
          parseService(svc, obj(s, `${path}.services.${svc}`), `${path}.services.${svc}`, region, accountId),
        ),
      }
    }),
  }
}

function parseService(name: string, s: Obj, path: string, region: string, accountId: string): ServiceSpec {
  known(s, path, [
    'status',
    'desiredCount',
    'controller',
    'launchType',
    'loadBalancers',
    'circuitBreaker',
    'taskDefinitions',
    'deployments',
    'onDeploy',
    ...STRATEGY_KEYS,
  ])
  const desiredCount = num(s.desiredCount, `${path}.desiredCount`, 1, 0)
  const defaultImage = `${accountId}.dkr.ecr.${region}.amazonaws.com/${name}:latest`
  const rawDefs = list(s.taskDefinitions, `${path}.taskDefinitions`)
  const taskDefinitions = nonEmpty(
    (rawDefs.length ? rawDefs : [{ images: { app: defaultImage } }]).map((d, i) =>
      parseTaskDefinition(
        obj(d, `${path}.taskDefinitions.${i}`),
        `${path}.taskDefinitions.${i}`,
        name,
        i + 1,
      ),
    ),
    `${path}.taskDefinitions`,
  )
  const latest = taskDefinitions.at(-1) ?? taskDefinitions[0]
  const rawDeployments = list(s.deployments, `${path}.deployments`)
  const deployments = nonEmpty(
    (rawDeployments.length ? rawDeployments : [{ at: -3600 }]).map((d, i) =>
      parseDeployment(
        obj(d, `${path}.deployments.${i}`),
        `${path}.deployments.${i}`,
        String(latest.revision),
      ),
    ),
    `${path}.deployments`,
  )
  if (deployments[0].at > 0)
    fail(`${path}.deployments.0.at`, 'the first deployment must start at or before 0')
  let previous = deployments[0]
  for (const [i, d] of deployments.entries()) {
    if (d.at < previous.at) fail(`${path}.deployments.${i}.at`, 'deployments must be in time order')
    previous = d
  }
  const onDeployRaw = s.onDeploy === undefined ? [{}] : Array.isArray(s.onDeploy) ? s.onDeploy : [s.onDeploy]
  const cb = obj(s.circuitBreaker, `${path}.circuitBreaker`)
  known(cb, `${path}.circuitBreaker`, ['enable', 'rollback', 'thresholdType', 'thresholdValue'])
  const thresholdType = oneOf(
    cb.thresholdType,
    `${path}.circuitBreaker.thresholdType`,
    THRESHOLD_TYPES,
    'BOUNDED_PERCENT',
  )
  return {
    name,
    status: oneOf(s.status, `${path}.status`, ['ACTIVE', 'DRAINING', 'INACTIVE'] as const, 'ACTIVE'),
    desiredCount,
    controller: oneOf(s.controller, `${path}.controller`, CONTROLLERS, 'ECS'),
    launchType: oneOf(s.launchType, `${path}.launchType`, ['FARGATE', 'EC2'] as const, 'FARGATE'),
    loadBalancers: list(s.loadBalancers, `${path}.loadBalancers`).map((lb, i) =>
      obj(lb, `${path}.loadBalancers.${i}`),
    ),
    circuitBreaker: {
      enable: bool(cb.enable, `${path}.circuitBreaker.enable`, true),
      rollback: bool(cb.rollback, `${path}.circuitBreaker.rollback`, true),
      thresholdType,
      thresholdValue: num(
        cb.thresholdValue,
        `${path}.circuitBreaker.thresholdValue`,
        thresholdType === 'COUNT' ? 3 : 50,
        0,
      ),
    },
    deploymentStrategy: parseStrategy(s, path),
    taskDefinitions,
    deployments,
    onDeploy: onDeployRaw.map((p, i) => parsePlan(obj(p, `${path}.onDeploy.${i}`), `${path}.onDeploy.${i}`)),
  }
}

function parseTaskDefinition(d: Obj, path: string, service: string, index: number): TaskDefinitionSpec {
  known(d, path, ['family', 'revision', 'containers', 'images', 'cpu', 'memory'])
  let containers: ContainerSpec[]
  if (d.images !== undefined) {
    containers = Object.entries(obj(d.images, `${path}.images`)).map(([name, image]) => ({
      name,
      image: str(image, `${path}.images.${name}`),
      essential: true,
      healthCheck: true,
    }))
  } else {
    containers = list(d.containers, `${path}.containers`).map((c, i) => {
      const cp = `${path}.containers.${i}`
      const co = obj(c, cp)
      known(co, cp, ['name', 'image', 'essential', 'healthCheck'])
      return {
        name: str(co.name, `${cp}.name`),
        image: str(co.image, `${cp}.image`),
        essential: bool(co.essential, `${cp}.essential`, true),
        healthCheck: bool(co.healthCheck, `${cp}.healthCheck`, true),
      }
    })
  }
  if (containers.length === 0) fail(path, 'needs `images` or `containers`')
  return {
    family: str(d.family, `${path}.family`, service),
    revision: num(d.revision, `${path}.revision`, index, 1),
    containers,
    cpu: String(d.cpu ?? '256'),
    memory: String(d.memory ?? '512'),
  }
}

function parseDeployment(d: Obj, path: string, latest: string): DeploymentSpec {
  const { taskDefinition, at, ...rest } = d
  return {
    ...parsePlan(rest, path),
    taskDefinition: taskDefinition === undefined ? latest : String(taskDefinition),
    at: num(at, `${path}.at`, -3600),
  }
}

function parsePlan(p: Obj, path: string): PlanSpec {
  known(p, path, [
    'outcome',
    'duration',
    'failAfter',
    'rollbackDuration',
    'stuckTasks',
    'unhealthyTasks',
    'failure',
    'stoppedTasks',
    'alarm',
  ])
  const f = obj(p.failure, `${path}.failure`)
  known(f, `${path}.failure`, ['stopCode', 'stoppedReason', 'exitCode', 'containerReason'])
  return {
    outcome: oneOf(p.outcome, `${path}.outcome`, OUTCOMES, 'success'),
    duration: num(p.duration, `${path}.duration`, DEFAULT_ROLLOUT_SECONDS, 0),
    failAfter: num(p.failAfter, `${path}.failAfter`, 90, 1),
    rollbackDuration: num(p.rollbackDuration, `${path}.rollbackDuration`, 30, 0),
    stuckTasks: num(p.stuckTasks, `${path}.stuckTasks`, 1, 0),
    unhealthyTasks: num(p.unhealthyTasks, `${path}.unhealthyTasks`, 0, 0),
    failure: parseStop(f, `${path}.failure`, DEFAULT_FAILURE),
    stoppedTasks: list(p.stoppedTasks, `${path}.stoppedTasks`).map((t, i) => {
      const tp = `${path}.stoppedTasks.${i}`
      const o = obj(t, tp)
      known(o, tp, ['after', 'stopCode', 'stoppedReason', 'exitCode', 'containerReason'])
      return { ...parseStop(o, tp, DEFAULT_FAILURE), after: num(o.after, `${tp}.after`, 0, 0) }
    }),
    alarm: parseAlarmTrigger(p.alarm, `${path}.alarm`),
  }
}

function parseStop(o: Obj, path: string, fallback: StopSpec): StopSpec {
  const exitCode = optNum(o.exitCode, `${path}.exitCode`)
  return {
    stopCode: str(o.stopCode, `${path}.stopCode`, fallback.stopCode),
    stoppedReason: str(o.stoppedReason, `${path}.stoppedReason`, fallback.stoppedReason),
    exitCode: o.exitCode === undefined && o.stopCode === undefined ? fallback.exitCode : exitCode,
    containerReason: optStr(o.containerReason, `${path}.containerReason`) ?? fallback.containerReason,
  }
}
