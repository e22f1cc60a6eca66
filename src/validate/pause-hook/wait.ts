// The pause-hook gate's first part: this release's service deployment, followed until it waits at a PAUSE
// hook (AWAITING_ACTION). A service without such a hook, an end before any pause, a timeout or an unreadable
// look ends the step with a row that says which.
import type { DeploymentLifecycleHookDetail, Service, ServiceDeployment } from '@aws-sdk/client-ecs'
import type { Check } from '../../result.js'
import {
  deploymentEnded,
  judgeDeployment,
  nativeStrategyOf,
  pausedHook,
  phaseLine,
} from '../deployment-phase.js'
import { cancelledWhile, Ending } from '../finish.js'
import { unobserved } from '../observe-rollout.js'
import { unreadableRow } from '../read.js'
import { waitBudget } from '../rollout-verdict.js'
import { failRow } from '../rows.js'
import { describeService } from '../service.js'
import { currentDeploymentArn, followDeployment } from '../service-deployment.js'
import type { Step } from '../step.js'
import { checkDeploymentVersion, readTaskDefinition } from './new-revision.js'

export const PAUSE_CHECK = 'pause hook'

export interface Paused {
  service: Service
  arn: string
  deployment: ServiceDeployment
  hook: DeploymentLifecycleHookDetail & { hookId: string }
  /** When validate first saw it paused (ms): metric windows at the pause start there. */
  seenAt: number
}

/** This release's service deployment: the service's current one, of a strategy that has lifecycle hooks. */
export async function findRelease(step: Step): Promise<{ service: Service; arn: string } | Ending> {
  const { deps, target, deadline } = step
  let service: Service
  try {
    service = await describeService(deps, target, deadline)
  } catch (e) {
    return unobserved(step, e)
  }
  const arn = await currentDeploymentArn(deps, target, service, deadline)
  const strategy = nativeStrategyOf(service)
  const hooks = service.deploymentConfiguration?.lifecycleHooks ?? []
  const refuse = (why: string) => new Ending({ checks: [failRow(PAUSE_CHECK, 'gate', why)], unverified: [] })
  if (!strategy)
    return refuse(
      `pause-hook: ${step.config.pauseHook} needs a BLUE_GREEN, LINEAR or CANARY service; "${target.service}" deploys with ${service.deploymentConfiguration?.strategy ?? 'ROLLING'}, which has no lifecycle hooks`,
    )
  if (!hooks.some((h) => h.targetType === 'PAUSE'))
    return refuse(`the ${strategy} service "${target.service}" has no PAUSE lifecycle hook to answer`)
  if (!arn) return refuse(`service "${target.service}" names no current service deployment`)
  return { service, arn }
}

/**
 * Follows the deployment until it waits at a PAUSE hook; an end, a timeout or an unreadable look ends the step.
 * A deployment that never paused while validate watched was not checked at a pause: its `pause hook` row is
 * `unverified` (the step cannot pass on it), and with expected-image-tag its version is still checked.
 */
export async function waitForPause(
  step: Step,
  release: { service: Service; arn: string },
): Promise<Paused | Ending> {
  const { config, deps, waitEnd } = step
  const followed = await deps.log.group(`Waiting for the deployment to pause at its PAUSE hook`, () =>
    followDeployment(deps, release.arn, {
      deadline: waitEnd,
      done: (sd) => deploymentEnded(sd) || pausedHook(sd) !== undefined,
    }),
  )
  const sd = followed.deployment
  if (followed.cancelled)
    return cancelledWhile({ checks: [], unverified: [] }, 'cancelled while waiting for the pause hook')
  const hook = sd instanceof Error ? undefined : pausedHook(sd)
  if (sd instanceof Error || !hook?.hookId) {
    const row = judgeDeployment({
      deployment: sd,
      timedOutAfterMs: followed.timedOutAfterMs,
      waitBudget: waitBudget(config.timeoutMs, config.bakeMs),
    })
    if (sd instanceof Error) {
      const never = unreadableRow(PAUSE_CHECK, 'gate', `the deployment could not be followed: ${sd.message}`)
      return new Ending({ checks: [row, never], unverified: [] })
    }
    return new Ending({ checks: [row, neverPaused(sd), ...(await versionOf(step, sd))], unverified: [] })
  }
  deps.log.info(
    `Paused at ${sd.lifecycleStage}: PAUSE hook ${hook.hookId} awaits action until ${hook.expiresAt?.toISOString()} (then ${hook.timeoutAction})`,
  )
  return { ...release, deployment: sd, hook: { ...hook, hookId: hook.hookId }, seenAt: deps.now() }
}

/** The gate saw no pause: nothing of the new revision was checked at one, and no call was made. */
function neverPaused(sd: ServiceDeployment): Check {
  return {
    name: PAUSE_CHECK,
    type: 'gate',
    status: 'unverified',
    value: null,
    threshold: null,
    message: `the gate saw no pause: the deployment never waited at a PAUSE hook while validate watched (${phaseLine(sd)}), so nothing of the new revision was checked at the pause and no call was made`,
  }
}

/** With expected-image-tag, the version of the deployment validate saw end (a mismatch fails, as anywhere). */
async function versionOf(step: Step, sd: ServiceDeployment): Promise<Check[]> {
  if (step.config.expectedImageTag === undefined) return []
  const td = await readTaskDefinition(step, sd, step.deadline)
  return [await checkDeploymentVersion(step, td, step.deadline)]
}
