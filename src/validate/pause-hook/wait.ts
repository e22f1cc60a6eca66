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

/** Follows the deployment until it waits at a PAUSE hook; an end, a timeout or an unreadable look ends the step. */
export async function waitForPause(
  step: Step,
  release: { service: Service; arn: string },
): Promise<Paused | Ending> {
  const { config, deps, startedAt } = step
  const until = startedAt + config.timeoutMs - config.bakeMs
  const followed = await deps.log.group(`Waiting for the deployment to pause at its PAUSE hook`, () =>
    followDeployment(deps, release.arn, {
      deadline: until,
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
    const never: Check =
      sd instanceof Error
        ? unreadableRow(PAUSE_CHECK, 'gate', `the deployment could not be followed: ${sd.message}`)
        : {
            name: PAUSE_CHECK,
            type: 'gate',
            status: 'skip',
            value: null,
            threshold: null,
            message: `not answered: the deployment never waited at a PAUSE hook while validate looked (${phaseLine(sd)}); nothing was called`,
          }
    return new Ending({ checks: [row, never], unverified: [] })
  }
  deps.log.info(
    `Paused at ${sd.lifecycleStage}: PAUSE hook ${hook.hookId} awaits action until ${hook.expiresAt?.toISOString()} (then ${hook.timeoutAction})`,
  )
  return { ...release, deployment: sd, hook: { ...hook, hookId: hook.hookId }, seenAt: deps.now() }
}
