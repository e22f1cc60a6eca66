// Where a native (BLUE_GREEN, LINEAR, CANARY) service deployment stands at t: its lifecycle stage, its hooks,
// traffic shift and rollback, computed from its record and the answers ContinueServiceDeployment gave. Pure.
//
// Stages in order (API_ServiceDeployment lifecycleStage): PRE_SCALE_UP → SCALE_UP (the green tasks start, over
// the plan's `duration`) → POST_SCALE_UP → TEST_TRAFFIC_SHIFT → POST_TEST_TRAFFIC_SHIFT →
// PRODUCTION_TRAFFIC_SHIFT (all at once for BLUE_GREEN; stepPercent every stepBakeTimeInMinutes for LINEAR,
// the bake not applied after 100 %; canaryPercent for canaryBakeTimeInMinutes, then the rest, for CANARY) →
// POST_PRODUCTION_TRAFFIC_SHIFT → BAKE_TIME (bakeTimeInMinutes, both revisions running) → CLEAN_UP (the blue
// tasks stop) → SUCCESSFUL. A hook at a stage holds it: a Lambda hook for `lambdaSeconds`, then SUCCEEDED
// (continue) or FAILED (roll back); a PAUSE hook is AWAITING_ACTION until ContinueServiceDeployment answers it
// or `timeoutInMinutes` pass (TIMED_OUT, then its timeout action). Until the deployment ends, a tripped
// circuit breaker or a deployment alarm in ALARM (with rollback on) rolls it back: the blue revision takes
// the traffic again at once (it never stopped), and the green tasks stop over the plan's rollbackDuration.
import type { Deployment, HookRun, ServiceDeploymentRecord } from './model.js'
import { CIRCUIT_BREAKER_REASON } from './service-deployment-status.js'
import type { HookAction, Stage } from './strategy.js'
import { STAGES } from './strategy.js'
import { failedAt } from './timeline.js'

const MINUTE = 60_000

export interface HookView {
  hookId: string
  targetType: 'AWS_LAMBDA' | 'PAUSE'
  targetArn?: string
  status: 'AWAITING_ACTION' | 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT'
  expiresAt?: number
  timeoutAction?: HookAction
}

export type RollbackCause = 'breaker' | 'alarm' | 'hook'

export interface NativeAt {
  status: 'IN_PROGRESS' | 'SUCCESSFUL' | 'ROLLBACK_IN_PROGRESS' | 'ROLLBACK_SUCCESSFUL'
  stage: Stage
  /** The hooks of the stage the deployment is at (or stopped at), as lifecycleHookDetails lists them. */
  hooks: HookView[]
  finishedAt?: number
  rollback?: { startedAt: number; reason: string; cause: RollbackCause }
  /** The green revision's share of production and test traffic, in percent. */
  productionWeight: number
  testWeight: number
  triggeredAlarms: string[]
}

/** What stops the walk before the stage's end: a circuit breaker or an alarm, whichever comes first. */
interface Interrupt {
  at: number
  cause: RollbackCause
  reason: string
}

function interruptOf(rec: ServiceDeploymentRecord): Interrupt | undefined {
  const d = rec.deployment
  const run = rec.native
  const found: Interrupt[] = []
  const broke = failedAt(d)
  if (broke !== undefined) found.push({ at: broke, cause: 'breaker', reason: CIRCUIT_BREAKER_REASON })
  if (run?.alarm && run.spec.alarms?.rollback)
    found.push({
      at: run.alarm.at,
      cause: 'alarm',
      reason: `ECS deployment alarm(s) triggered: ${run.alarm.names.join(', ')}.`,
    })
  return found.sort((a, b) => a.at - b.at)[0]
}

/** How long a stage itself takes (hooks come on top), in ms. */
function stageMs(rec: ServiceDeploymentRecord, stage: Stage): number {
  const d = rec.deployment
  const spec = rec.native!.spec
  if (stage === 'SCALE_UP') return d.plan.outcome === 'success' ? d.plan.duration * 1000 : Infinity
  if (stage === 'BAKE_TIME') return spec.bakeTimeInMinutes * MINUTE
  if (stage !== 'PRODUCTION_TRAFFIC_SHIFT') return 0
  if (spec.strategy === 'LINEAR')
    return (steps(spec.linear.stepPercent) - 1) * spec.linear.stepBakeTimeInMinutes * MINUTE
  if (spec.strategy === 'CANARY') return (spec.canary?.canaryBakeTimeInMinutes ?? 0) * MINUTE
  return 0
}

const steps = (percent: number): number => Math.ceil(100 / percent)

/** The green revision's production share `elapsed` ms into PRODUCTION_TRAFFIC_SHIFT. */
function shiftWeight(rec: ServiceDeploymentRecord, elapsed: number): number {
  const spec = rec.native!.spec
  if (spec.strategy === 'LINEAR') {
    const bake = spec.linear.stepBakeTimeInMinutes * MINUTE
    const done = bake === 0 ? Infinity : Math.floor(elapsed / bake) + 1
    return Math.min(100, spec.linear.stepPercent * done)
  }
  if (spec.strategy === 'CANARY') return spec.canary?.canaryPercent ?? 100
  return 100
}

function weightsAt(stage: Stage): { test: number; production: number } {
  const i = STAGES.indexOf(stage)
  return {
    test: i >= STAGES.indexOf('TEST_TRAFFIC_SHIFT') ? 100 : 0,
    production: i > STAGES.indexOf('PRODUCTION_TRAFFIC_SHIFT') ? 100 : 0,
  }
}

/** A hook's outcome if nothing else intervenes: when it ends and how. */
function hookEnd(
  rec: ServiceDeploymentRecord,
  h: HookRun,
  start: number,
): { at: number; action: HookAction; status: HookView['status'] } {
  if (h.spec.targetType === 'AWS_LAMBDA') {
    const ok = h.spec.lambdaResult === 'SUCCEEDED'
    return {
      at: start + h.spec.lambdaSeconds * 1000,
      action: ok ? 'CONTINUE' : 'ROLLBACK',
      status: ok ? 'SUCCEEDED' : 'FAILED',
    }
  }
  const answer = rec.native!.decisions.get(h.id)
  const expires = start + h.spec.timeoutInMinutes * MINUTE
  if (answer && answer.at < expires) return { at: answer.at, action: answer.action, status: 'SUCCEEDED' }
  return { at: expires, action: h.spec.timeoutAction, status: 'TIMED_OUT' }
}

function hookView(h: HookRun, start: number, status: HookView['status']): HookView {
  const pause = h.spec.targetType === 'PAUSE'
  return {
    hookId: h.id,
    targetType: h.spec.targetType,
    targetArn: h.spec.hookTargetArn,
    status,
    expiresAt: pause ? start + h.spec.timeoutInMinutes * MINUTE : undefined,
    timeoutAction: pause ? h.spec.timeoutAction : undefined,
  }
}

export function nativeAt(rec: ServiceDeploymentRecord, t: number): NativeAt {
  const d = rec.deployment
  const stop = interruptOf(rec)
  let at = d.createdAt
  const rolledBack = (i: Interrupt, stage: Stage, hooks: HookView[]): NativeAt => {
    const back = i.at + d.plan.rollbackDuration * 1000
    return {
      status: back <= t ? 'ROLLBACK_SUCCESSFUL' : 'ROLLBACK_IN_PROGRESS',
      stage,
      hooks,
      finishedAt: back <= t ? back : undefined,
      rollback: { startedAt: i.at, reason: i.reason, cause: i.cause },
      productionWeight: 0,
      testWeight: 0,
      triggeredAlarms: i.cause === 'alarm' ? (rec.native?.alarm?.names ?? []) : [],
    }
  }
  const inProgress = (stage: Stage, hooks: HookView[], production?: number): NativeAt => ({
    status: 'IN_PROGRESS',
    stage,
    hooks,
    productionWeight: production ?? weightsAt(stage).production,
    testWeight: weightsAt(stage).test,
    triggeredAlarms: [],
  })
  for (const stage of STAGES) {
    const hooks: HookView[] = []
    for (const h of rec.native!.hooks.filter((x) => x.stage === stage)) {
      const start = at
      const end = hookEnd(rec, h, start)
      if (stop && stop.at <= Math.min(end.at, t)) return rolledBack(stop, stage, hooks)
      if (end.at > t) {
        const waiting = h.spec.targetType === 'PAUSE' ? 'AWAITING_ACTION' : 'IN_PROGRESS'
        return inProgress(stage, [...hooks, hookView(h, start, waiting)])
      }
      hooks.push(hookView(h, start, end.status))
      if (end.action === 'ROLLBACK') {
        const reason = `ECS deployment lifecycle hook ${h.id} (${h.spec.targetType}) ${end.status === 'TIMED_OUT' ? 'timed out with action ROLLBACK' : 'asked for a rollback'}.`
        return rolledBack({ at: end.at, cause: 'hook', reason }, stage, hooks)
      }
      at = end.at
    }
    const end = at + stageMs(rec, stage)
    if (stop && stop.at <= Math.min(end, t)) return rolledBack(stop, stage, hooks)
    if (end > t)
      return inProgress(
        stage,
        hooks,
        stage === 'PRODUCTION_TRAFFIC_SHIFT' ? shiftWeight(rec, t - at) : undefined,
      )
    at = end
  }
  return {
    status: 'SUCCESSFUL',
    stage: 'CLEAN_UP',
    hooks: [],
    finishedAt: at,
    productionWeight: 100,
    testWeight: 100,
    triggeredAlarms: [],
  }
}

/**
 * Writes down what DescribeServices needs from the lifecycle as it is now known (no further answers
 * assumed): when the blue tasks stop (success), or when blue becomes PRIMARY again and green stops
 * (rollback). Called when the deployment starts and after each ContinueServiceDeployment.
 */
export function settle(rec: ServiceDeploymentRecord): void {
  const d: Deployment = rec.deployment
  const end = nativeAt(rec, Infinity)
  d.cleanUpAt = end.status === 'SUCCESSFUL' ? end.finishedAt : undefined
  d.retiredAt = end.rollback?.startedAt
  // A deployment stopped by a newer one keeps the moment it was stopped (state.ts startDeployment).
  if (rec.stoppedAt === undefined)
    d.killedAt = end.rollback ? end.rollback.startedAt + d.plan.rollbackDuration * 1000 : undefined
}
