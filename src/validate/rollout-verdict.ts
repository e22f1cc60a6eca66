// DescribeServices (and the service's deployment history) → the rollout check. Pure.
//
// "One deployment, running = desired" is not enough: after a circuit-breaker rollback the rollback is the
// PRIMARY deployment and completes on the OLD task definition, which looks exactly like a healthy service.
// So the latest service deployment's own status (ListServiceDeployments) decides whether it was rolled
// back, with the service events as a second witness when that API cannot be read.
import type { Deployment, Service, ServiceDeploymentBrief, ServiceEvent, TaskSet } from '@aws-sdk/client-ecs'
import { capitalise, minutesValue, waitedFor } from '../format.js'
import type { Check } from '../result.js'

export type DeploymentHistory =
  { kind: 'known'; latest?: ServiceDeploymentBrief } | { kind: 'unavailable'; reason: string }

export interface RolloutInput {
  service: Service
  history: DeploymentHistory
  /** Set when waiting ended because the step's timeout ran out. */
  timedOutAfterMs?: number
  waitForStable: boolean
  /** What the wait was allowed (see waitBudget); "timeout-minutes" when not given. */
  waitBudget?: string
}

/**
 * What bounded the rollout wait: the step's timeout, less the bake's time when there is a bake (the bake is
 * kept its time inside the timeout). Said in full, so a wait shorter than timeout-minutes is not a mystery.
 */
export function waitBudget(timeoutMs: number, bakeMs: number): string {
  return bakeMs > 0
    ? `timeout-minutes ${minutesValue(timeoutMs)} − bake-minutes ${minutesValue(bakeMs)}, kept for the bake`
    : `timeout-minutes ${minutesValue(timeoutMs)}`
}

export interface RolloutJudgement {
  check: Check
  /** The PRIMARY deployment's task definition: what every task must run. */
  primaryTaskDefinition?: string
  /** When the rollout ended (ms): metric windows start no earlier. */
  rolloutEndedAt?: number
  /** Things not verified about the rollout, said plainly in the report. */
  unverified: string[]
}

export type Controller = 'ECS' | 'CODE_DEPLOY' | 'EXTERNAL'

export function controllerOf(service: Service): Controller {
  return (service.deploymentController?.type as Controller | undefined) ?? 'ECS'
}

/** Services whose deployments carry a rolloutState: the ECS controller, not behind a Classic Load Balancer. */
export function hasRolloutState(service: Service): boolean {
  const classic = (service.loadBalancers ?? []).some((lb) => lb.loadBalancerName)
  return controllerOf(service) === 'ECS' && !classic
}

export function primaryOf(service: Service): Deployment | undefined {
  return (service.deployments ?? []).find((d) => d.status === 'PRIMARY')
}

/**
 * CODE_DEPLOY and EXTERNAL services: AWS lists no deployments for them and reports their state in task sets
 * (PRIMARY serves production traffic; ACTIVE ones are being brought up or drained).
 */
export function usesTaskSets(service: Service): boolean {
  return controllerOf(service) !== 'ECS' && (service.deployments ?? []).length === 0
}

export function primaryTaskSetOf(service: Service): TaskSet | undefined {
  return (service.taskSets ?? []).find((s) => s.status === 'PRIMARY')
}

/** What every task must run: the PRIMARY deployment's task definition, or the PRIMARY task set's. */
export function primaryTaskDefinitionOf(service: Service): string | undefined {
  return usesTaskSets(service)
    ? primaryTaskSetOf(service)?.taskDefinition
    : primaryOf(service)?.taskDefinition
}

/** A task set is steady: STEADY_STATE (ECS's own test, health included) and running = computed desired. */
export function taskSetSteady(set: TaskSet): boolean {
  return set.stabilityStatus === 'STEADY_STATE' && set.runningCount === set.computedDesiredCount
}

/** The steady-state test of AWS's ServicesStable waiter. */
export function isSteady(service: Service): boolean {
  return (service.deployments ?? []).length === 1 && service.runningCount === service.desiredCount
}

/** Whether waiting for the rollout can stop: it finished (either way), or it can no longer succeed. */
export function rolloutSettled(service: Service): boolean {
  if (service.status !== 'ACTIVE') return true
  if (usesTaskSets(service)) {
    const set = primaryTaskSetOf(service)
    return !set || taskSetSteady(set) // without a PRIMARY task set there is nothing to wait for
  }
  if (!hasRolloutState(service)) return isSteady(service)
  const deployments = service.deployments ?? []
  // A FAILED deployment (still listed while ECS rolls it back) decides: no need to wait for the rollback.
  if (deployments.some((d) => d.rolloutState === 'FAILED')) return true
  return primaryOf(service)?.rolloutState === 'COMPLETED' && isSteady(service)
}

const ROLLBACK_STATUSES = new Set([
  'ROLLBACK_REQUESTED',
  'ROLLBACK_IN_PROGRESS',
  'ROLLBACK_SUCCESSFUL',
  'ROLLBACK_FAILED',
])
const ROLLBACK_EVENT = /rolling back|deployment failed|circuit breaker|unable to consistently start tasks/i

/** Service events since `since` that say a deployment failed or was rolled back, newest first. */
export function failureEvents(events: ServiceEvent[] | undefined, since: number): ServiceEvent[] {
  return (events ?? []).filter(
    (e) => (e.createdAt?.getTime() ?? 0) >= since && ROLLBACK_EVENT.test(e.message ?? ''),
  )
}

export function latestEvents(service: Service, n = 3): string[] {
  return (service.events ?? []).slice(0, n).map((e) => e.message ?? '')
}

/** The events worth quoting: those about a failure or rollback first (they explain it), else the newest. */
const quoteEvents = (service: Service): string => {
  const failures = failureEvents(service.events, 0)
    .slice(0, 2)
    .map((e) => e.message ?? '')
  const events = failures.length > 0 ? failures : latestEvents(service)
  return events.length
    ? ` ${failures.length > 0 ? 'Service events' : 'Latest service events'}: ${events.map((m) => `"${m}"`).join('; ')}`
    : ''
}

/**
 * What a rollback status means for what runs now. Only ROLLBACK_SUCCESSFUL puts the previous task definition
 * back; after ROLLBACK_FAILED the PRIMARY may still be the failing definition (or there was none before).
 */
export function rollbackProblem(
  status: string,
  reason: string | undefined,
  service: Service,
  primary: Deployment,
): string {
  const why = `${status}${reason ? `: ${reason}` : ''}`
  if (status === 'ROLLBACK_SUCCESSFUL')
    return `the latest deployment was rolled back (${why}); the service now runs the previous task definition ${shortTd(primary.taskDefinition)}`
  if (status === 'ROLLBACK_FAILED') {
    const running = service.runningCount ?? 0
    const runs =
      running === 0
        ? `nothing runs (0 of ${service.desiredCount ?? 0} tasks)`
        : `${running} of ${service.desiredCount ?? 0} tasks run (PRIMARY deployment on ${shortTd(primary.taskDefinition)})`
    return `the latest deployment failed and its rollback failed too (${why}); ${runs}`
  }
  return `the latest deployment is being rolled back (${why}); the service is not yet back on a working task definition`
}

const ROLLOUT_ROW = { name: 'rollout', type: 'rollout', threshold: 'COMPLETED, running = desired > 0' }

export function judgeRollout(input: RolloutInput): RolloutJudgement {
  const { service } = input
  const name = service.serviceName ?? 'service'
  const primary = primaryOf(service)
  const unverified: string[] = []
  const fail = (value: string, message: string): RolloutJudgement => ({
    check: { ...ROLLOUT_ROW, status: 'fail', value, message },
    primaryTaskDefinition: primary?.taskDefinition,
    unverified,
  })

  if (service.status !== 'ACTIVE') {
    return fail(service.status ?? 'UNKNOWN', `service "${name}" is ${service.status}, not ACTIVE`)
  }
  if (usesTaskSets(service)) return judgeTaskSets(input)
  if (!primary)
    return fail('NO_DEPLOYMENT', `service "${name}" has no PRIMARY deployment.${quoteEvents(service)}`)

  const withState = hasRolloutState(service)
  const problems = [
    ...deploymentProblems(input, primary, unverified),
    ...steadyStateProblems(service, primary),
  ]
  const controller = controllerOf(service)
  const fallback = withState
    ? ''
    : ` (${controller === 'ECS' ? 'behind a Classic Load Balancer' : `${controller} controller`}: no rolloutState, judged by the steady-state test)`
  if (!withState) {
    unverified.push(
      `rollout: the ${controller === 'ECS' ? 'Classic Load Balancer' : controller} service reports no rolloutState; it was judged by the steady-state test (one deployment, running = desired), which cannot see a rollback`,
    )
  }
  const value = withState ? (primary.rolloutState ?? 'UNKNOWN') : isSteady(service) ? 'STEADY' : 'NOT_STEADY'
  if (problems.length > 0) {
    return fail(value, `${capitalise(problems.join('; '))}${fallback}.${quoteEvents(service)}`)
  }
  return {
    check: {
      ...ROLLOUT_ROW,
      status: 'pass',
      value,
      message: `deployment ${primary.id} on ${shortTd(primary.taskDefinition)}: ${service.runningCount} of ${service.desiredCount} tasks running, one deployment${withState ? ', rollout COMPLETED' : ''}${fallback}`,
    },
    primaryTaskDefinition: primary.taskDefinition,
    rolloutEndedAt: rolloutEndedAt(input.history, primary),
    unverified,
  }
}

/**
 * What went wrong with the latest deployment: it failed or was rolled back (its status in the history, a
 * FAILED deployment, else the service events), or it has not finished. Adds to `unverified` what the history
 * could not tell.
 */
function deploymentProblems(input: RolloutInput, primary: Deployment, unverified: string[]): string[] {
  const { service, history } = input
  const problems: string[] = []
  const latest = history.kind === 'known' ? history.latest : undefined
  if (latest && ROLLBACK_STATUSES.has(latest.status ?? '')) {
    problems.push(rollbackProblem(latest.status ?? '', latest.statusReason, service, primary))
  } else if (latest?.status === 'STOPPED') {
    problems.push(`the latest deployment was STOPPED${latest.statusReason ? `: ${latest.statusReason}` : ''}`)
  }
  const failed = (service.deployments ?? []).find((d) => d.rolloutState === 'FAILED')
  if (failed && problems.length === 0) {
    problems.push(
      `deployment ${failed.id} FAILED (${failed.rolloutStateReason ?? 'no reason given'})${failed !== primary ? ' and is being rolled back' : ''}`,
    )
  }
  if (history.kind === 'unavailable' && hasRolloutState(service)) {
    // Without the history, the events are the only witness of a rollback that has already completed.
    const since = (primary.createdAt?.getTime() ?? 0) - 5 * 60_000
    const witnessed = failureEvents(service.events, since)
    if (witnessed.length > 0 && problems.length === 0) {
      problems.push(
        `the service events report a failed or rolled-back deployment: "${witnessed[0]?.message ?? ''}"`,
      )
    }
    unverified.push(
      `rollout: the deployment history could not be read (${history.reason}); a completed rollback was looked for in the service events only`,
    )
  }
  const unfinished = hasRolloutState(service) ? unfinishedProblem(input, primary, problems) : undefined
  return unfinished === undefined ? problems : [...problems, unfinished]
}

/** The rollout has not finished, or FAILED, when nothing else has said so already. */
function unfinishedProblem(input: RolloutInput, primary: Deployment, problems: string[]): string | undefined {
  if (primary.rolloutState === 'IN_PROGRESS' && problems.length === 0) {
    return input.timedOutAfterMs !== undefined
      ? `the rollout is still IN_PROGRESS ${waitedFor(input.timedOutAfterMs, input.waitBudget ?? 'timeout-minutes')}`
      : `the rollout is still IN_PROGRESS${input.waitForStable ? '' : ' (wait-for-stable is false, so it was not waited for)'}`
  }
  if (primary.rolloutState === 'FAILED' && !problems.some((p) => p.includes('FAILED')))
    return `the rollout FAILED: ${primary.rolloutStateReason ?? 'no reason given'}`
  return undefined
}

/** The steady-state facts: one deployment, running = desired > 0. */
function steadyStateProblems(service: Service, primary: Deployment): string[] {
  const deployments = service.deployments ?? []
  const problems: string[] = []
  if (deployments.length > 1) {
    problems.push(
      `${deployments.length} deployments are still active (old tasks not yet replaced: ${deployments
        .filter((d) => d !== primary)
        .map((d) => `${d.id} on ${shortTd(d.taskDefinition)} running ${d.runningCount}`)
        .join(', ')})`,
    )
  }
  if ((service.desiredCount ?? 0) === 0) problems.push('the service desires 0 tasks: nothing is deployed')
  else if (service.runningCount !== service.desiredCount) {
    problems.push(`${service.runningCount} of ${service.desiredCount} desired tasks are running`)
  }
  return problems
}

/** When the rollout ended: the latest deployment's end when it succeeded, else the PRIMARY's last change. */
function rolloutEndedAt(history: DeploymentHistory, primary: Deployment): number | undefined {
  const latest = history.kind === 'known' ? history.latest : undefined
  return (
    (latest?.status === 'SUCCESSFUL' ? latest.finishedAt?.getTime() : undefined) ??
    primary.updatedAt?.getTime() ??
    primary.createdAt?.getTime()
  )
}

/**
 * CODE_DEPLOY and EXTERNAL services, judged by the PRIMARY task set (AWS gives them no deployments, so no
 * rolloutState and no service deployment history: whether CodeDeploy rolled back cannot be seen in ECS).
 */
function judgeTaskSets(input: RolloutInput): RolloutJudgement {
  const { service } = input
  const name = service.serviceName ?? 'service'
  const controller = controllerOf(service)
  const sets = service.taskSets ?? []
  const primary = primaryTaskSetOf(service)
  const base = {
    name: 'rollout',
    type: 'rollout',
    threshold: 'PRIMARY task set STEADY_STATE, running = desired > 0',
  }
  const unverified = [
    `rollout: the ${controller} service lists no deployments (AWS reports task sets for this controller), so it was judged by its PRIMARY task set (STEADY_STATE, running = desired); rollback detection is not available for ${controller} services — ${controller === 'CODE_DEPLOY' ? 'a CodeDeploy rollback' : 'a rollback by the external controller'} to the old task definition is caught only by expected-image-tag`,
  ]
  const fallback = ` (${controller} controller: no deployments, judged by the PRIMARY task set)`
  const fail = (value: string, message: string): RolloutJudgement => ({
    check: {
      ...base,
      status: 'fail',
      value,
      message: `${capitalise(message)}${fallback}.${quoteEvents(service)}`,
    },
    primaryTaskDefinition: primary?.taskDefinition,
    unverified,
  })
  if (!primary) {
    return fail(
      'NO_TASK_SET',
      `service "${name}" has no PRIMARY task set${sets.length ? ` (${sets.map((s) => `${s.id} ${s.status}`).join(', ')})` : ''}`,
    )
  }
  const problems: string[] = []
  const desired = primary.computedDesiredCount ?? 0
  if (primary.stabilityStatus !== 'STEADY_STATE') {
    problems.push(
      input.timedOutAfterMs !== undefined
        ? `the PRIMARY task set ${primary.id} is still ${primary.stabilityStatus ?? 'not steady'} ${waitedFor(input.timedOutAfterMs, input.waitBudget ?? 'timeout-minutes')}`
        : `the PRIMARY task set ${primary.id} is ${primary.stabilityStatus ?? 'not steady'}${input.waitForStable ? '' : ' (wait-for-stable is false, so it was not waited for)'}`,
    )
  }
  if (desired === 0) problems.push('the PRIMARY task set desires 0 tasks: nothing is deployed')
  else if (primary.runningCount !== desired) {
    problems.push(`${primary.runningCount ?? 0} of ${desired} tasks of the PRIMARY task set are running`)
  }
  const value = primary.stabilityStatus ?? 'UNKNOWN'
  if (problems.length > 0) return fail(value, problems.join('; '))
  const others = sets.filter((s) => s !== primary)
  const otherNote = others.length
    ? `; ${others.length} other task set(s) still present: ${others.map((s) => `${s.id} ${s.status} on ${shortTd(s.taskDefinition)} running ${s.runningCount ?? 0}`).join(', ')}`
    : ''
  return {
    check: {
      ...base,
      status: 'pass',
      value,
      message: `PRIMARY task set ${primary.id} on ${shortTd(primary.taskDefinition)}: ${primary.runningCount} of ${desired} tasks running, STEADY_STATE${otherNote}${fallback}`,
    },
    primaryTaskDefinition: primary.taskDefinition,
    rolloutEndedAt: (primary.stabilityStatusAt ?? primary.updatedAt ?? primary.createdAt)?.getTime(),
    unverified,
  }
}

/** `family:revision` of a task definition ARN. */
export function shortTd(arn: string | undefined): string {
  return arn ? arn.slice(arn.lastIndexOf('/') + 1) : 'unknown task definition'
}
