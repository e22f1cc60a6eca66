// A native service deployment (ECS's own BLUE_GREEN, LINEAR or CANARY) → its phase in one line, what its own
// bake still needs, the PAUSE hook it waits at, and its check row. Pure.
//
// DescribeServices can show the new revision's deployment COMPLETED while the service deployment is still
// shifting traffic or baking with both revisions up; only the service deployment's own `status` says the
// release is done. So a deployment that is IN_PROGRESS — at any lifecycle stage, BAKE_TIME included — is never
// a pass. API reference: API_ServiceDeployment (status, lifecycleStage, lifecycleHookDetails, rollback,
// deploymentCircuitBreaker, alarms), API_DeploymentConfiguration (strategy, bakeTimeInMinutes,
// linearConfiguration, canaryConfiguration).
import type { DeploymentLifecycleHookDetail, Service, ServiceDeployment } from '@aws-sdk/client-ecs'
import { minutes, waitedFor } from '../format.js'
import type { Check } from '../result.js'

export const DEPLOYMENT_CHECK = 'deployment'
const ROW = { name: DEPLOYMENT_CHECK, type: 'rollout', threshold: 'service deployment SUCCESSFUL' }
const MINUTE = 60_000

export type NativeStrategy = 'BLUE_GREEN' | 'LINEAR' | 'CANARY'

/** The service's strategy when it is one of ECS's own traffic-shifting ones (not ROLLING). */
export function nativeStrategyOf(service: Service): NativeStrategy | undefined {
  const s = service.deploymentConfiguration?.strategy
  return s === 'BLUE_GREEN' || s === 'LINEAR' || s === 'CANARY' ? s : undefined
}

const TERMINAL = new Set(['SUCCESSFUL', 'STOPPED', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED'])

/** Whether the deployment reached its end (either way): nothing more will change. */
export function deploymentEnded(sd: ServiceDeployment): boolean {
  return TERMINAL.has(sd.status ?? '')
}

/** The PAUSE hook the deployment waits at, if any. */
export function pausedHook(sd: ServiceDeployment): DeploymentLifecycleHookDetail | undefined {
  return (sd.lifecycleHookDetails ?? []).find(
    (h) => h.targetType === 'PAUSE' && h.status === 'AWAITING_ACTION',
  )
}

const pct = (n: number | undefined): string => (n === undefined ? '?' : `${Math.round(n * 10) / 10} %`)

/** `BLUE_GREEN IN_PROGRESS at BAKE_TIME — production traffic 100 %, test 100 %; new revision 3/3 running`. */
export function phaseLine(sd: ServiceDeployment): string {
  const strategy = sd.deploymentConfiguration?.strategy ?? 'ROLLING'
  const stage = sd.lifecycleStage ? ` at ${sd.lifecycleStage}` : ''
  const target = sd.targetServiceRevision
  const traffic =
    target?.requestedProductionTrafficWeight !== undefined
      ? `production traffic ${pct(target.requestedProductionTrafficWeight)}, test ${pct(target.requestedTestTrafficWeight)}; `
      : ''
  const tasks = `new revision ${target?.runningTaskCount ?? 0}/${target?.requestedTaskCount ?? 0} running`
  const hooks = (sd.lifecycleHookDetails ?? [])
    .map(
      (h) =>
        `; ${h.targetType} hook ${h.status}${h.status === 'AWAITING_ACTION' ? ` until ${h.expiresAt?.toISOString()} (then ${h.timeoutAction})` : ''}`,
    )
    .join('')
  return `${strategy} deployment ${sd.status ?? 'UNKNOWN'}${stage} — ${traffic}${tasks}${hooks}`
}

/** What made ECS roll the deployment back, named: the alarms, the breaker's count, a hook, or ECS's reason. */
export function rollbackCause(sd: ServiceDeployment): string {
  const alarms = sd.alarms
  if (alarms?.status === 'TRIGGERED' || (alarms?.triggeredAlarmNames ?? []).length > 0)
    return `CloudWatch alarm${(alarms?.triggeredAlarmNames ?? []).length === 1 ? '' : 's'} ${(alarms?.triggeredAlarmNames ?? []).map((a) => `"${a}"`).join(', ') || '(not named)'} went into ALARM`
  const breaker = sd.deploymentCircuitBreaker
  if (breaker?.status === 'TRIGGERED')
    return `the circuit breaker tripped: ${breaker.failureCount ?? '?'} failed tasks against its threshold of ${breaker.threshold ?? '?'}`
  const hook = (sd.lifecycleHookDetails ?? []).find((h) => h.status === 'FAILED' || h.status === 'TIMED_OUT')
  if (hook)
    return hook.status === 'TIMED_OUT'
      ? `the ${hook.targetType} hook timed out and its timeout action is ${hook.timeoutAction ?? 'ROLLBACK'}`
      : `the ${hook.targetType} hook ${hook.targetArn ?? hook.hookId ?? ''} FAILED`
  return sd.statusReason ? `ECS says: ${sd.statusReason}` : 'ECS gave no reason'
}

/**
 * The least time the deployment still needs by its own configuration: the traffic shift's step or canary
 * bakes not yet begun, and the bake (bakeTimeInMinutes). At BAKE_TIME the bake has begun (when is not
 * reported), so nothing is counted: it needs at most the bake.
 */
export function ownTimeLeftMs(sd: ServiceDeployment): { ms: number; said: string } {
  const c = sd.deploymentConfiguration
  const bake = (c?.bakeTimeInMinutes ?? 0) * MINUTE
  const order = ['PRODUCTION_TRAFFIC_SHIFT', 'POST_PRODUCTION_TRAFFIC_SHIFT', 'BAKE_TIME', 'CLEAN_UP']
  const at = order.indexOf(sd.lifecycleStage ?? '')
  if (at >= 1) return { ms: 0, said: `bakeTimeInMinutes ${c?.bakeTimeInMinutes ?? 0}` }
  let shift = 0
  let shiftSaid = ''
  if (at === -1 && c?.strategy === 'LINEAR' && c.linearConfiguration) {
    const { stepPercent = 10, stepBakeTimeInMinutes = 6 } = c.linearConfiguration
    const steps = Math.ceil(100 / stepPercent) - 1
    shift = steps * stepBakeTimeInMinutes * MINUTE
    shiftSaid = ` + ${steps} linear step(s) × ${stepBakeTimeInMinutes} min`
  } else if (at === -1 && c?.strategy === 'CANARY' && c.canaryConfiguration) {
    shift = (c.canaryConfiguration.canaryBakeTimeInMinutes ?? 0) * MINUTE
    shiftSaid = ` + the canary's ${c.canaryConfiguration.canaryBakeTimeInMinutes ?? 0} min`
  }
  return { ms: bake + shift, said: `bakeTimeInMinutes ${c?.bakeTimeInMinutes ?? 0}${shiftSaid}` }
}

/** How the deployment's own time still to come fits in the wait, said either way. */
export function bakeFit(sd: ServiceDeployment, waitLeftMs: number, budget: string): string {
  const own = ownTimeLeftMs(sd)
  return (
    bakeDoesNotFit(sd, waitLeftMs, budget) ??
    `the ${sd.deploymentConfiguration?.strategy ?? ''} deployment needs at least ${minutes(own.ms)} more by its own configuration (${own.said}); the wait has ${minutes(Math.max(0, waitLeftMs))} (${budget})`
  )
}

/** Said when the deployment's own bake cannot end within the time the wait has; undefined when it can. */
export function bakeDoesNotFit(
  sd: ServiceDeployment,
  waitLeftMs: number,
  budget: string,
): string | undefined {
  const own = ownTimeLeftMs(sd)
  if (own.ms <= waitLeftMs) return undefined
  return `the ${sd.deploymentConfiguration?.strategy ?? ''} deployment still needs at least ${minutes(own.ms)} by its own configuration (${own.said}) but the wait has ${minutes(Math.max(0, waitLeftMs))} left (${budget}): it will still be IN_PROGRESS when the wait ends — raise timeout-minutes`
}

export interface DeploymentJudgementInput {
  /** The last look at the service deployment; an Error when it could not be read. */
  deployment: ServiceDeployment | Error | undefined
  /** Set when the wait for its end ran out. */
  timedOutAfterMs?: number
  waitBudget: string
}

/**
 * The row of a deployment that still waits at its PAUSE hook because validate sent no answer (report-only,
 * or a result that could not be verified): its end is not known, so it is neither a pass nor a failure.
 */
export function stillPausedRow(sd: ServiceDeployment, why: string): Check {
  return {
    ...ROW,
    status: 'unverified',
    value: sd.status ?? null,
    message: `its end is not known: it still waits at the PAUSE hook (${why}) — ${phaseLine(sd)}`,
  }
}

/** The service deployment's row: SUCCESSFUL passes; still in progress, rolled back or stopped fails. */
export function judgeDeployment(input: DeploymentJudgementInput): Check {
  const sd = input.deployment
  if (sd === undefined)
    return {
      ...ROW,
      status: 'unverified',
      value: null,
      message: 'the service names no current service deployment',
    }
  if (sd instanceof Error)
    return { ...ROW, status: 'unverified', value: null, message: `could not be read: ${sd.message}` }
  const status = sd.status ?? 'UNKNOWN'
  const fail = (message: string): Check => ({ ...ROW, status: 'fail', value: status, message })
  if (status === 'SUCCESSFUL') return { ...ROW, status: 'pass', value: status, message: phaseLine(sd) }
  if (status.startsWith('ROLLBACK'))
    return fail(`the deployment was rolled back (${status}) because ${rollbackCause(sd)} — ${phaseLine(sd)}`)
  if (status === 'STOPPED' || status === 'STOP_REQUESTED')
    return fail(`the deployment was ${status}${sd.statusReason ? `: ${sd.statusReason}` : ''}`)
  const hook = pausedHook(sd)
  const paused = hook
    ? `; it waits at a PAUSE hook for ContinueServiceDeployment until ${hook.expiresAt?.toISOString()} (then ${hook.timeoutAction}) — validate answers it only with pause-hook: gate`
    : ''
  const waited =
    input.timedOutAfterMs !== undefined ? ` ${waitedFor(input.timedOutAfterMs, input.waitBudget)}` : ''
  return fail(
    `the deployment is still ${status}${sd.lifecycleStage ? ` at ${sd.lifecycleStage}` : ''}${waited}, and a deployment in progress is never a pass${paused} — ${phaseLine(sd)}`,
  )
}
