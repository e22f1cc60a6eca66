// Where a deployment stands at a moment t (ms): counts, rollout state and each task slot's status, all
// computed from the deployment's record. Counts are the source of truth; per-task times only decorate them.
//
// A rolling deployment owns `desired` task slots. Slot i comes up at createdAt + duration·(i+1)/desired.
// The deployment it replaces (its `source`) loses its highest slots as the new one comes up, so the sum of
// running tasks stays at the desired count. A failing deployment's slots are launch attempts, one after the
// other, each stopping soon after it is launched.
import type { Deployment } from './model.js'

const HOUR = 3_600_000
/** Stopped tasks stay listable for about an hour, as on ECS. */
export const STOPPED_VISIBLE_MS = HOUR
/** Slot numbers of a plan's extra stopped tasks start here, far above any real slot. */
export const EXTRA_SLOT_BASE = 0xf000_0000_0000

const ms = (seconds: number) => seconds * 1000

/** A BLUE_GREEN, LINEAR or CANARY deployment (not a rollback deployment of the rolling kind). */
export function isNative(d: Deployment): boolean {
  return d.serviceDeployment.native !== undefined && d.rollbackOf === undefined
}

export function isFailing(d: Deployment): boolean {
  return d.plan.outcome === 'failure'
}

/** Slots the deployment ever launches (rolling deployments). */
export function capacity(d: Deployment): number {
  if (isFailing(d)) return 0
  if (d.plan.outcome === 'stuck') return Math.max(0, d.desired - d.plan.stuckTasks)
  return d.desired
}

function killedBy(d: Deployment, t: number): boolean {
  return d.killedAt !== undefined && d.killedAt <= t
}

/** Own slots up at t, frozen at the moment the deployment was killed. */
export function rampUp(d: Deployment, t: number): number {
  const at = Math.min(t, d.killedAt ?? Infinity)
  if (at < d.createdAt) return 0
  const cap = capacity(d)
  const duration = ms(d.plan.duration)
  if (duration <= 0 || d.desired === 0) return cap
  return Math.min(cap, Math.floor((d.desired * (at - d.createdAt)) / duration))
}

/** When the deployment reached COMPLETED, if it does (and was not killed before). */
export function completedAt(d: Deployment): number | undefined {
  if (d.plan.outcome !== 'success') return undefined
  const done = d.createdAt + ms(d.plan.duration)
  return d.killedAt !== undefined && d.killedAt < done ? undefined : done
}

/** When the circuit breaker marked the deployment FAILED, if it does. */
export function failedAt(d: Deployment): number | undefined {
  if (!isFailing(d) || !d.circuitBreaker.enable) return undefined
  const at = d.createdAt + ms(d.plan.failAfter)
  return d.killedAt !== undefined && d.killedAt < at ? undefined : at
}

export function attemptInterval(d: Deployment): number {
  return ms(d.plan.failAfter) / Math.max(1, d.threshold)
}

/** Launch attempts of a failing deployment made by t. */
export function attemptsMade(d: Deployment, t: number): number {
  const at = Math.min(t, d.killedAt ?? Infinity)
  if (at < d.createdAt) return 0
  const n = Math.floor((at - d.createdAt) / attemptInterval(d)) + 1
  return d.circuitBreaker.enable ? Math.min(d.threshold, n) : n
}

export function attemptTimes(d: Deployment, j: number): { createdAt: number; stoppedAt: number } {
  const interval = attemptInterval(d)
  const createdAt = d.createdAt + j * interval
  return { createdAt, stoppedAt: Math.min(createdAt + 0.8 * interval, d.killedAt ?? Infinity) }
}

/** Attempts that have failed by t (Deployment.failedTasks). */
export function failedTasks(d: Deployment, t: number): number {
  if (!isFailing(d)) return 0
  const made = attemptsMade(d, t)
  return made > 0 && attemptTimes(d, made - 1).stoppedAt > t ? made - 1 : made
}

/** How many of d's slots its drainers have left running at t. */
function drainLimit(d: Deployment, t: number): number {
  let limit = d.desired
  for (const x of d.drainers) {
    if (x.createdAt > t) break
    if (isNative(x)) {
      // Blue/green, linear and canary keep the old revision whole until CLEAN_UP.
      if (x.cleanUpAt !== undefined && x.cleanUpAt <= t) limit = 0
      continue
    }
    const up = rampUp(x, t)
    const replaced = x.desired === 0 ? d.desired : Math.floor((d.desired * up) / x.desired)
    limit = Math.min(limit, d.desired - replaced)
  }
  return limit
}

/** ECS launches a task a little before it is up (image pull, health checks): it is PENDING meanwhile. */
function launchLead(d: Deployment): number {
  const duration = ms(d.plan.duration)
  return Math.min(duration, Math.max(30_000, duration / Math.max(1, d.desired)))
}

/** Slots launched by t (frozen at the moment the deployment was killed). */
export function launchedSlots(d: Deployment, t: number): number {
  const at = Math.min(t, d.killedAt ?? Infinity)
  if (at < d.createdAt || isFailing(d)) return 0
  const cap = capacity(d)
  const duration = ms(d.plan.duration)
  if (duration <= 0 || d.desired === 0) return cap
  return Math.min(cap, Math.floor((d.desired * (at - d.createdAt + launchLead(d))) / duration))
}

/** Slots [0, alive) exist and are not stopped at t: launched, not killed, not yet replaced. */
export function aliveSlots(d: Deployment, t: number): number {
  if (killedBy(d, t)) return 0
  return Math.min(launchedSlots(d, t), drainLimit(d, t))
}

export function runningCount(d: Deployment, t: number): number {
  return Math.min(aliveSlots(d, t), rampUp(d, t))
}

export function pendingCount(d: Deployment, t: number): number {
  if (t < d.createdAt || killedBy(d, t)) return 0
  if (isFailing(d)) {
    const made = attemptsMade(d, t)
    return made > 0 && attemptTimes(d, made - 1).stoppedAt > t ? 1 : 0
  }
  return aliveSlots(d, t) - runningCount(d, t)
}

/** When slot i of a rolling deployment came up. */
export function slotStartedAt(d: Deployment, i: number): number {
  const duration = ms(d.plan.duration)
  return duration <= 0 || d.desired === 0 ? d.createdAt : d.createdAt + (duration * (i + 1)) / d.desired
}

/** When slot i of a rolling deployment stopped (killed, or replaced by a drainer); undefined if it has not. */
export function slotStoppedAt(d: Deployment, i: number, t: number): number | undefined {
  if (killedBy(d, t)) return d.killedAt
  let best: number | undefined
  for (const x of d.drainers) {
    if (x.createdAt > t) break
    if (isNative(x)) {
      const at = x.cleanUpAt
      if (at !== undefined && at <= t) best = best === undefined ? at : Math.min(best, at)
      continue
    }
    // x must have `need` slots up for d's slot i to go.
    const need = x.desired === 0 ? 0 : Math.ceil(((d.desired - i) * x.desired) / d.desired)
    if (need > capacity(x)) continue
    const at = need === 0 ? x.createdAt : slotStartedAt(x, need - 1)
    if (at > t || (x.killedAt !== undefined && at > x.killedAt)) continue
    best = best === undefined ? at : Math.min(best, at)
  }
  return best
}

export type RolloutState = 'IN_PROGRESS' | 'COMPLETED' | 'FAILED'

export function rolloutState(d: Deployment, t: number): RolloutState {
  const done = completedAt(d)
  if (done !== undefined && done <= t) return 'COMPLETED'
  const failed = failedAt(d)
  if (failed !== undefined && failed <= t) return 'FAILED'
  return 'IN_PROGRESS'
}

/** Moments at which something visible about d changed, up to t (for `updatedAt`). */
export function updatedAt(d: Deployment, t: number): number {
  let last = d.createdAt
  for (const at of [completedAt(d), failedAt(d), d.killedAt])
    if (at !== undefined && at <= t && at > last) last = at
  return last
}
