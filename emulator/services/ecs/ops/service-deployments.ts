// ListServiceDeployments, DescribeServiceDeployments and DescribeServiceRevisions: the newer API that tells
// what became of each deployment (rolled back, stopped) and which revision the service ran before it.
import { AwsError, type RequestContext } from '../../../core/types.js'
import type { Deployment, Service, ServiceDeploymentRecord } from '../model.js'
import { decodeToken, encodeToken, pageSize, toMillis } from '../paging.js'
import { circuitBreakerView, serviceDeploymentStatus } from '../service-deployment-status.js'
import type { EcsState } from '../state.js'
import { imageDigest } from '../tasks.js'
import { nativeAt } from '../native.js'
import { pendingCount, runningCount } from '../timeline.js'
import { deploymentConfigurationView } from '../views.js'

const STATUSES = [
  'PENDING',
  'SUCCESSFUL',
  'STOPPED',
  'STOP_REQUESTED',
  'IN_PROGRESS',
  'ROLLBACK_REQUESTED',
  'ROLLBACK_IN_PROGRESS',
  'ROLLBACK_SUCCESSFUL',
  'ROLLBACK_FAILED',
]
const MAX_DESCRIBE = 20
const date = (ms: number | undefined) => (ms === undefined ? undefined : new Date(Math.round(ms)))

export function listServiceDeployments(state: EcsState) {
  return (input: any, ctx: RequestContext) => {
    if (typeof input.service !== 'string' || input.service === '')
      throw new AwsError('InvalidParameterException', 'Service cannot be empty.')
    const statuses: unknown = input.status
    if (statuses !== undefined && (!Array.isArray(statuses) || statuses.some((s) => !STATUSES.includes(s)))) {
      throw new AwsError(
        'InvalidParameterException',
        `Invalid status filter. Valid values: ${STATUSES.join(', ')}.`,
      )
    }
    const cluster = state.cluster(input.cluster)
    const service = state.service(cluster, input.service)
    const size = pageSize(input.maxResults, 20)
    const before = toMillis(input.createdAt?.before)
    const after = toMillis(input.createdAt?.after)
    const key = [
      service.arn,
      (statuses as string[] | undefined)?.join(',') ?? '',
      before ?? '',
      after ?? '',
    ].join('|')
    const offset = decodeToken(input.nextToken, key)
    const now = ctx.clock.now()
    const all = service.controller === 'ECS' ? service.serviceDeployments : []
    const matching = all
      .filter((r) => {
        const created = r.deployment.createdAt
        if (
          created > now ||
          (before !== undefined && created >= before) ||
          (after !== undefined && created <= after)
        )
          return false
        return !statuses || (statuses as string[]).includes(serviceDeploymentStatus(r, now).status)
      })
      .reverse() // newest first
    const page = matching.slice(offset, offset + size)
    return {
      serviceDeployments: page.map((r) => {
        const s = serviceDeploymentStatus(r, now)
        return {
          serviceDeploymentArn: r.arn,
          serviceArn: service.arn,
          clusterArn: cluster.arn,
          createdAt: date(r.deployment.createdAt),
          startedAt: date(r.deployment.createdAt),
          finishedAt: date(s.finishedAt),
          targetServiceRevisionArn: r.deployment.revision.arn,
          status: s.status,
          statusReason: s.statusReason,
        }
      }),
      nextToken: offset + size < matching.length ? encodeToken(key, offset + size) : undefined,
    }
  }
}

function revisionCounts(deployments: (Deployment | undefined)[], revisionArn: string, t: number) {
  let running = 0
  let pending = 0
  let requested = 0
  for (const d of deployments) {
    if (!d || d.revision.arn !== revisionArn || d.createdAt > t) continue
    const r = runningCount(d, t)
    const p = pendingCount(d, t)
    running += r
    pending += p
    requested += r + p
  }
  return {
    arn: revisionArn,
    requestedTaskCount: requested,
    runningTaskCount: running,
    pendingTaskCount: pending,
  }
}

/** The lifecycle fields of a BLUE_GREEN, LINEAR or CANARY deployment (native.ts); none for ROLLING. */
function lifecycleView(r: ServiceDeploymentRecord, t: number) {
  if (!r.native) return {}
  const n = nativeAt(r, t)
  return {
    lifecycleStage: n.stage,
    lifecycleHookDetails: n.hooks.map((h) => ({ ...h, expiresAt: date(h.expiresAt) })),
    weights: {
      requestedTestTrafficWeight: n.testWeight,
      requestedProductionTrafficWeight: n.productionWeight,
    },
  }
}

/** ServiceDeploymentAlarms: the deployment's alarms, and those that triggered its rollback. */
function alarmsView(r: ServiceDeploymentRecord, t: number) {
  const alarms = r.native?.spec.alarms
  if (!alarms) return { status: 'DISABLED', alarmNames: [], triggeredAlarmNames: [] }
  const n = nativeAt(r, t)
  const status =
    n.rollback?.cause === 'alarm'
      ? 'TRIGGERED'
      : n.status === 'IN_PROGRESS'
        ? 'MONITORING'
        : 'MONITORING_COMPLETE'
  return { status, alarmNames: alarms.alarmNames, triggeredAlarmNames: n.triggeredAlarms }
}

function serviceDeploymentView(service: Service, r: ServiceDeploymentRecord, t: number) {
  const d = r.deployment
  const s = serviceDeploymentStatus(r, t)
  const involved = [d, d.source, d.rollback]
  const target = revisionCounts(involved, d.revision.arn, t)
  const { weights, ...lifecycle } = lifecycleView(r, t)
  return {
    serviceDeploymentArn: r.arn,
    serviceArn: service.arn,
    clusterArn: service.cluster.arn,
    createdAt: date(d.createdAt),
    startedAt: date(d.createdAt),
    finishedAt: date(s.finishedAt),
    stoppedAt: date(s.status === 'STOPPED' ? s.finishedAt : undefined),
    updatedAt: date(Math.max(d.createdAt, s.finishedAt ?? s.rollbackStartedAt ?? d.createdAt)),
    sourceServiceRevisions: d.source ? [revisionCounts(involved, d.source.revision.arn, t)] : [],
    targetServiceRevision: {
      ...target,
      requestedTaskCount:
        s.status === 'IN_PROGRESS' || s.status === 'SUCCESSFUL' ? d.desired : target.requestedTaskCount,
      ...weights,
    },
    status: s.status,
    statusReason: s.statusReason,
    ...lifecycle,
    deploymentConfiguration: deploymentConfigurationView(
      d.circuitBreaker,
      r.native?.spec ?? service.strategy,
    ),
    rollback:
      s.rollbackStartedAt !== undefined && d.source
        ? {
            reason: s.statusReason,
            startedAt: date(s.rollbackStartedAt),
            serviceRevisionArn: d.source.revision.arn,
          }
        : undefined,
    deploymentCircuitBreaker: circuitBreakerView(r, t),
    alarms: alarmsView(r, t),
  }
}

function arnList(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || value.length === 0)
    throw new AwsError('InvalidParameterException', `${what} cannot be empty.`)
  if (value.length > MAX_DESCRIBE)
    throw new AwsError('InvalidParameterException', `${what} cannot have more than ${MAX_DESCRIBE} elements.`)
  return value.map(String)
}

export function describeServiceDeployments(state: EcsState) {
  return (input: any, ctx: RequestContext) => {
    const arns = arnList(input.serviceDeploymentArns, 'serviceDeploymentArns')
    const now = ctx.clock.now()
    const serviceDeployments = []
    const failures = []
    for (const arn of arns) {
      const found = state.serviceDeploymentsByArn.get(arn)
      if (found && found.record.deployment.createdAt <= now)
        serviceDeployments.push(serviceDeploymentView(found.service, found.record, now))
      else failures.push({ arn, reason: 'MISSING' })
    }
    return { serviceDeployments, failures }
  }
}

export function describeServiceRevisions(state: EcsState) {
  return (input: any, ctx: RequestContext) => {
    const arns = arnList(input.serviceRevisionArns, 'serviceRevisionArns')
    const now = ctx.clock.now()
    const serviceRevisions = []
    const failures = []
    for (const arn of arns) {
      const found = state.revisionsByArn.get(arn)
      if (!found || found.revision.createdAt > now) {
        failures.push({ arn, reason: 'MISSING' })
        continue
      }
      const { service, revision } = found
      serviceRevisions.push({
        serviceRevisionArn: revision.arn,
        serviceArn: service.arn,
        clusterArn: service.cluster.arn,
        taskDefinition: revision.taskDefinition.arn,
        launchType: service.launchType,
        platformVersion: service.launchType === 'FARGATE' ? '1.4.0' : undefined,
        platformFamily: service.launchType === 'FARGATE' ? 'Linux' : undefined,
        loadBalancers: service.loadBalancers,
        serviceRegistries: [],
        containerImages: revision.taskDefinition.containers.map((c) => ({
          containerName: c.name,
          image: c.image,
          imageDigest: imageDigest(c.image),
        })),
        guardDutyEnabled: false,
        createdAt: date(revision.createdAt),
      })
    }
    return { serviceRevisions, failures }
  }
}
