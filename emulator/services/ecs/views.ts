// DescribeServices' picture of a service at t: PRIMARY and ACTIVE deployments, counts, events.
import { serviceEvents } from './events.js'
import { hasRolloutState, type Deployment, type Service } from './model.js'
import type { EcsState } from './state.js'
import { failedTasks, pendingCount, rolloutState, runningCount, updatedAt } from './timeline.js'
import { CIRCUIT_BREAKER_REASON } from './service-deployment-status.js'
import type { CircuitBreakerSpec } from './scenario.js'
import type { StrategySpec } from './strategy.js'

const date = (ms: number) => new Date(Math.round(ms))

/** The deployments DescribeServices lists at t, PRIMARY first. */
export function shownDeployments(
  service: Service,
  t: number,
): { d: Deployment; status: 'PRIMARY' | 'ACTIVE' }[] {
  const visible = service.deployments.filter((d) => d.createdAt <= t)
  // A native deployment being rolled back hands PRIMARY back to the revision it was replacing at once.
  const current = visible.filter((d) => d.retiredAt === undefined || d.retiredAt > t)
  const primary = current[current.length - 1]
  if (!primary) return []
  const shown: { d: Deployment; status: 'PRIMARY' | 'ACTIVE' }[] = [{ d: primary, status: 'PRIMARY' }]
  for (const d of [...visible].reverse()) {
    if (d === primary) continue
    // A failed deployment stays listed while its rollback is under way.
    const rollingBackFrom = primary.rollbackOf === d && rolloutState(primary, t) !== 'COMPLETED'
    if (runningCount(d, t) + pendingCount(d, t) > 0 || rollingBackFrom) shown.push({ d, status: 'ACTIVE' })
  }
  return shown
}

function rolloutReason(d: Deployment, t: number): string {
  const state = rolloutState(d, t)
  if (state === 'FAILED') return CIRCUIT_BREAKER_REASON
  return state === 'COMPLETED' ? `ECS deployment ${d.id} completed.` : `ECS deployment ${d.id} in progress.`
}

export function deploymentView(service: Service, d: Deployment, status: 'PRIMARY' | 'ACTIVE', t: number) {
  const running = runningCount(d, t)
  const pending = pendingCount(d, t)
  const rollout = hasRolloutState(service)
  return {
    id: d.id,
    status,
    taskDefinition: d.taskDefinition.arn,
    desiredCount: status === 'PRIMARY' ? d.desired : running + pending,
    pendingCount: pending,
    runningCount: running,
    failedTasks: failedTasks(d, t),
    createdAt: date(d.createdAt),
    updatedAt: date(updatedAt(d, t)),
    launchType: service.launchType,
    platformVersion: service.launchType === 'FARGATE' ? '1.4.0' : undefined,
    platformFamily: service.launchType === 'FARGATE' ? 'Linux' : undefined,
    rolloutState: rollout ? rolloutState(d, t) : undefined,
    rolloutStateReason: rollout ? rolloutReason(d, t) : undefined,
  }
}

/**
 * A CODE_DEPLOY or EXTERNAL service's deployment as the task set DescribeServices shows instead (AWS lists
 * no `deployments` for these controllers). STEADY_STATE when running = computed desired and nothing pends
 * (health is already folded into the counts here).
 */
export function taskSetView(
  state: EcsState,
  service: Service,
  d: Deployment,
  status: 'PRIMARY' | 'ACTIVE',
  t: number,
) {
  const running = runningCount(d, t)
  const pending = pendingCount(d, t)
  const desired = status === 'PRIMARY' ? d.desired : running + pending
  const steady = running === desired && pending === 0
  const percent = service.desiredCount > 0 ? Math.min(100, (100 * desired) / service.desiredCount) : 100
  return {
    id: d.id,
    taskSetArn: state.names.taskSet(service.cluster.name, service.name, d.id),
    serviceArn: service.arn,
    clusterArn: service.cluster.arn,
    startedBy: service.controller === 'CODE_DEPLOY' ? 'CodeDeploy' : undefined,
    externalId:
      service.controller === 'CODE_DEPLOY' ? `d-${d.taskPrefix.slice(0, 9).toUpperCase()}` : undefined,
    status,
    taskDefinition: d.taskDefinition.arn,
    computedDesiredCount: desired,
    pendingCount: pending,
    runningCount: running,
    createdAt: date(d.createdAt),
    updatedAt: date(updatedAt(d, t)),
    launchType: service.launchType,
    platformVersion: service.launchType === 'FARGATE' ? '1.4.0' : undefined,
    platformFamily: service.launchType === 'FARGATE' ? 'Linux' : undefined,
    loadBalancers: service.loadBalancers,
    serviceRegistries: [],
    scale: { value: percent, unit: 'PERCENT' },
    stabilityStatus: steady ? 'STEADY_STATE' : 'STABILIZING',
    stabilityStatusAt: date(updatedAt(d, t)),
  }
}

export function serviceView(state: EcsState, service: Service, t: number) {
  const shown = shownDeployments(service, t)
  const views = shown.map(({ d, status }) => ({ d, view: deploymentView(service, d, status, t) }))
  const deployments = views.map(({ view }) => view)
  const revisions = new Map<
    string,
    { arn: string; requestedTaskCount: number; runningTaskCount: number; pendingTaskCount: number }
  >()
  for (const { d, view } of views) {
    const r = revisions.get(d.revision.arn) ?? {
      arn: d.revision.arn,
      requestedTaskCount: 0,
      runningTaskCount: 0,
      pendingTaskCount: 0,
    }
    r.requestedTaskCount += view.desiredCount
    r.runningTaskCount += view.runningCount
    r.pendingTaskCount += view.pendingCount
    revisions.set(d.revision.arn, r)
  }
  const current = [...service.serviceDeployments].reverse().find((r) => r.deployment.createdAt <= t)
  const ecs = service.controller === 'ECS'
  return {
    serviceArn: service.arn,
    serviceName: service.name,
    clusterArn: service.cluster.arn,
    loadBalancers: service.loadBalancers,
    serviceRegistries: [],
    status: service.status,
    desiredCount: service.desiredCount,
    runningCount: deployments.reduce((n, d) => n + d.runningCount, 0),
    pendingCount: deployments.reduce((n, d) => n + d.pendingCount, 0),
    launchType: service.launchType,
    platformVersion: service.launchType === 'FARGATE' ? 'LATEST' : undefined,
    platformFamily: service.launchType === 'FARGATE' ? 'Linux' : undefined,
    taskDefinition: shown[0]?.d.taskDefinition.arn,
    deploymentConfiguration: ecs
      ? deploymentConfigurationView(service.circuitBreaker, service.strategy)
      : { maximumPercent: 200, minimumHealthyPercent: 100 },
    // CODE_DEPLOY and EXTERNAL services report task sets, never deployments.
    deployments: ecs ? deployments : [],
    taskSets: ecs ? undefined : shown.map(({ d, status }) => taskSetView(state, service, d, status, t)),
    events: serviceEvents(service, t),
    createdAt: date(service.createdAt),
    currentServiceDeployment: ecs ? current?.arn : undefined,
    currentServiceRevisions: ecs ? [...revisions.values()] : undefined,
    placementConstraints: [],
    placementStrategy: [],
    healthCheckGracePeriodSeconds: service.loadBalancers.length ? 60 : 0,
    schedulingStrategy: 'REPLICA',
    deploymentController: { type: service.controller },
    createdBy: `arn:aws:iam::${state.names.accountId}:role/deployer`,
    enableECSManagedTags: false,
    propagateTags: 'NONE',
    enableExecuteCommand: false,
  }
}

/** DeploymentConfiguration as DescribeServices and DescribeServiceDeployments show it. */
export function deploymentConfigurationView(breaker: CircuitBreakerSpec, spec: StrategySpec) {
  const native = spec.strategy !== 'ROLLING'
  return {
    deploymentCircuitBreaker: { enable: breaker.enable, rollback: breaker.rollback },
    maximumPercent: 200,
    minimumHealthyPercent: 100,
    alarms: spec.alarms
      ? { alarmNames: spec.alarms.alarmNames, rollback: spec.alarms.rollback, enable: true }
      : undefined,
    strategy: spec.strategy,
    bakeTimeInMinutes: native ? spec.bakeTimeInMinutes : undefined,
    lifecycleHooks: native
      ? spec.lifecycleHooks.map((h) => ({
          targetType: h.targetType,
          hookTargetArn: h.hookTargetArn,
          lifecycleStages: h.lifecycleStages,
          timeoutConfiguration:
            h.targetType === 'PAUSE'
              ? { timeoutInMinutes: h.timeoutInMinutes, action: h.timeoutAction }
              : undefined,
        }))
      : undefined,
    linearConfiguration: spec.strategy === 'LINEAR' ? spec.linear : undefined,
    canaryConfiguration: spec.strategy === 'CANARY' ? spec.canary : undefined,
  }
}
