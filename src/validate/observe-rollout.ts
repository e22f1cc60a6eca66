// The first look at the service, and the wait for its rollout to settle (wait-for-stable); then the rollout
// check from what was seen. A service that could not be found, read or waited for ends the step here.
import type { Service } from '@aws-sdk/client-ecs'
import { AwsCallError } from '../aws-errors.js'
import { wasCancelled } from '../cancel.js'
import { seconds } from '../format.js'
import { cancelledWhile, Ending } from './finish.js'
import { unreadableRow, unreadableWhy } from './read.js'
import {
  judgeRollout,
  rolloutSettled,
  waitBudget,
  type DeploymentHistory,
  type RolloutJudgement,
} from './rollout-verdict.js'
import { failRow, notChecked } from './rows.js'
import { nativeStrategyOf } from './deployment-phase.js'
import { followNativeRollout, type DeploymentSeen } from './native-rollout.js'
import { describeService, progressLine, TargetNotFound, waitForRollout } from './service.js'
import type { Step } from './step.js'
import type { EarlyPage } from './tasks.js'

export interface ObservedRollout {
  /** The last look at the service that succeeded. */
  service: Service
  /** Whether that is the first look (no wait came in between): the first page of tasks belongs to it. */
  firstLook: boolean
  /** Set when the wait ended before the rollout settled. */
  timedOutAfterMs?: number
  /** Set when the wait ended because DescribeServices could not be read: why, and when it last could. */
  unreadable?: { why: string; lastLookAt?: number }
  /** For a BLUE_GREEN, LINEAR or CANARY service: its service deployment as last seen (native-rollout.ts). */
  deployment?: DeploymentSeen
}

/**
 * The service, once its rollout settled (or the wait ended); `early` is stopped when it will not be used.
 * `firstLook`: the first DescribeServices, when already asked for (several.ts).
 */
export async function observeRollout(
  step: Step,
  early: EarlyPage,
  firstLook?: Promise<Service>,
): Promise<ObservedRollout | Ending> {
  const { config, deps } = step
  try {
    return await deps.log.group(`Rollout of ECS service ${config.service} (cluster ${config.cluster})`, () =>
      lookThenWait(step, early, firstLook),
    )
  } catch (e) {
    early.stop()
    return unobserved(step, e)
  }
}

async function lookThenWait(
  step: Step,
  early: EarlyPage,
  firstLook?: Promise<Service>,
): Promise<ObservedRollout | Ending> {
  const { config, deps, target, deadline, waitEnd } = step
  const first = await (firstLook ?? describeService(deps, target, deadline))
  deps.log.info(progressLine(first))
  if (nativeStrategyOf(first)) return followNative(step, early, first)
  if (!config.waitForStable || rolloutSettled(first)) return { service: first, firstLook: true }
  const waited = await waitForRollout(
    deps,
    target,
    first,
    waitEnd,
    waitBudget(config.timeoutMs, config.bakeMs),
  )
  early.stop()
  const service = waited.service
  if (waited.cancelled)
    return cancelledWhile(nothing(), `cancelled while waiting for the rollout (${progressLine(service)})`)
  if (waited.unreadable === undefined) {
    deps.log.info(`Settled after ${waited.polls} more look(s): ${progressLine(service)}`)
    return { service, firstLook: false, timedOutAfterMs: waited.timedOutAfterMs }
  }
  const unreadable = { why: waited.unreadable, lastLookAt: waited.lastLookAt }
  return { service, firstLook: false, timedOutAfterMs: waited.timedOutAfterMs, unreadable }
}

/** ECS's own blue/green, linear and canary: the service deployment decides when the rollout has ended. */
async function followNative(step: Step, early: EarlyPage, first: Service): Promise<ObservedRollout | Ending> {
  const native = await followNativeRollout(step, first)
  const firstLook = native.service === first
  if (!firstLook) early.stop()
  if (native.cancelled)
    return cancelledWhile(
      nothing(),
      `cancelled while following the deployment (${progressLine(native.service)})`,
    )
  return {
    service: native.service,
    firstLook,
    timedOutAfterMs: native.timedOutAfterMs ?? native.deployment.timedOutAfterMs,
    deployment: native.deployment,
  }
}

const nothing = () => ({ checks: [], unverified: [] })

/** Why the service could not be looked at, as the step's end; anything but a failed AWS call is a bug. */
export function unobserved(step: Step, e: unknown): Ending {
  const { config, deps } = step
  if (wasCancelled(e, deps.signal)) return cancelledWhile(nothing(), 'cancelled while reading the service')
  if (e instanceof TargetNotFound) {
    const checks = [
      failRow('rollout', 'rollout', e.message),
      ...notChecked(config, 'the service could not be found'),
    ]
    const rollback =
      config.rollback === 'none'
        ? undefined
        : { mode: config.rollback, done: false, message: 'not attempted: the service was not found' }
    return new Ending({ checks, unverified: [], rollback }, `Validation failed: ${e.message}`)
  }
  if (e instanceof AwsCallError) {
    // DescribeServices could not be read until the deadline (or was refused): nothing was measured.
    const checks = [
      unreadableRow('rollout', 'rollout', unreadableWhy(e)),
      ...notChecked(config, 'the service could not be read'),
    ]
    return new Ending({ checks, unverified: [] })
  }
  throw e
}

/**
 * The rollout check. When the wait ended because DescribeServices could not be read, the state at the deadline
 * is not known, and an unfinished rollout seen earlier is no measured failure.
 */
export function judgeObserved(
  step: Step,
  observed: ObservedRollout,
  history: DeploymentHistory,
): RolloutJudgement {
  const { config, deps } = step
  const judged = judgeRollout({
    service: observed.service,
    history,
    timedOutAfterMs: observed.timedOutAfterMs,
    waitForStable: config.waitForStable,
    waitBudget: waitBudget(config.timeoutMs, config.bakeMs),
  })
  const unread = observed.unreadable
  if (unread === undefined || judged.check.status === 'pass') return judged
  const ago = unread.lastLookAt === undefined ? '' : ` (${seconds(deps.now() - unread.lastLookAt)} earlier)`
  const why = `${unread.why}; the last look that succeeded${ago} showed ${progressLine(observed.service)}`
  return { ...judged, check: unreadableRow('rollout', 'rollout', why, judged.check.threshold) }
}
