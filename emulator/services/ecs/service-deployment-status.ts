// The ServiceDeployments API's view of a deployment at t: one record per deployment the user started, whose
// status also tells what happened to it afterwards (rolled back, stopped by a newer one).
import type { ServiceDeploymentRecord } from './model.js'
import { nativeAt } from './native.js'
import { completedAt, failedAt, failedTasks } from './timeline.js'

export type ServiceDeploymentStatus =
  | 'PENDING'
  | 'IN_PROGRESS'
  | 'SUCCESSFUL'
  | 'STOPPED'
  | 'ROLLBACK_IN_PROGRESS'
  | 'ROLLBACK_SUCCESSFUL'
  | 'ROLLBACK_FAILED'

export const CIRCUIT_BREAKER_REASON = 'ECS deployment circuit breaker: tasks failed to start.'

export interface StatusAt {
  status: ServiceDeploymentStatus
  statusReason?: string
  finishedAt?: number
  rollbackStartedAt?: number
}

const TERMINAL = new Set<ServiceDeploymentStatus>([
  'SUCCESSFUL',
  'STOPPED',
  'ROLLBACK_SUCCESSFUL',
  'ROLLBACK_FAILED',
])

export function isTerminal(status: ServiceDeploymentStatus): boolean {
  return TERMINAL.has(status)
}

export function serviceDeploymentStatus(rec: ServiceDeploymentRecord, t: number): StatusAt {
  const d = rec.deployment
  if (rec.stoppedAt !== undefined && rec.stoppedAt <= t) {
    return {
      status: 'STOPPED',
      statusReason: 'The service deployment was stopped because a newer service deployment started.',
      finishedAt: rec.stoppedAt,
    }
  }
  if (t < d.createdAt) return { status: 'PENDING' }
  if (rec.native) {
    const n = nativeAt(rec, t)
    return {
      status: n.status,
      statusReason: n.rollback?.reason,
      finishedAt: n.finishedAt,
      rollbackStartedAt: n.rollback?.startedAt,
    }
  }
  const done = completedAt(d)
  if (done !== undefined)
    return done <= t ? { status: 'SUCCESSFUL', finishedAt: done } : { status: 'IN_PROGRESS' }
  const failed = failedAt(d)
  if (failed === undefined || failed > t) return { status: 'IN_PROGRESS' }
  if (d.rollback) {
    const back = completedAt(d.rollback)
    return back !== undefined && back <= t
      ? {
          status: 'ROLLBACK_SUCCESSFUL',
          statusReason: CIRCUIT_BREAKER_REASON,
          finishedAt: back,
          rollbackStartedAt: failed,
        }
      : { status: 'ROLLBACK_IN_PROGRESS', statusReason: CIRCUIT_BREAKER_REASON, rollbackStartedAt: failed }
  }
  if (d.circuitBreaker.rollback) {
    return {
      status: 'ROLLBACK_FAILED',
      statusReason: `${CIRCUIT_BREAKER_REASON} There is no previous service revision to roll back to.`,
      finishedAt: failed,
    }
  }
  return { status: 'STOPPED', statusReason: CIRCUIT_BREAKER_REASON, finishedAt: failed }
}

export function circuitBreakerView(rec: ServiceDeploymentRecord, t: number) {
  const d = rec.deployment
  if (!d.circuitBreaker.enable) return { status: 'DISABLED', failureCount: 0, threshold: d.threshold }
  const failed = rec.native
    ? nativeAt(rec, t).rollback?.cause === 'breaker'
      ? failedAt(d)
      : undefined
    : failedAt(d)
  const status =
    failed !== undefined && failed <= t
      ? 'TRIGGERED'
      : isTerminal(serviceDeploymentStatus(rec, t).status)
        ? 'MONITORING_COMPLETE'
        : 'MONITORING'
  return { status, failureCount: failedTasks(d, t), threshold: d.threshold }
}
