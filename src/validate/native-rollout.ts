// The rollout wait of a service with one of ECS's own traffic-shifting strategies (BLUE_GREEN, LINEAR, CANARY):
// the service deployment is followed, its phase logged every round, until it ends; then DescribeServices is
// looked at once more (and waited for, should the old revision still be cleaning up). The deployment's own
// bake is fitted into the wait: when it cannot end in the time left, that is said at the first look.
import type { Service, ServiceDeployment } from '@aws-sdk/client-ecs'
import { AwsCallError } from '../aws-errors.js'
import { wasCancelled } from '../cancel.js'
import { bakeDoesNotFit, bakeFit, deploymentEnded } from './deployment-phase.js'
import { unreadableWhy } from './read.js'
import { waitBudget } from './rollout-verdict.js'
import { describeService, waitForRollout } from './service.js'
import { currentDeploymentArn, describeServiceDeployment, followDeployment } from './service-deployment.js'
import type { Step } from './step.js'

/** The service deployment as last seen: undefined when the service names none, an Error when unreadable. */
export interface DeploymentSeen {
  deployment: ServiceDeployment | Error | undefined
  timedOutAfterMs?: number
}

export interface NativeRollout {
  service: Service
  deployment: DeploymentSeen
  cancelled: boolean
  /** Set when DescribeServices did not settle before the wait's end. */
  timedOutAfterMs?: number
}

export async function followNativeRollout(step: Step, first: Service): Promise<NativeRollout> {
  const { config, deps, target, waitEnd } = step
  const arn = await currentDeploymentArn(deps, target, first, waitEnd)
  if (arn === undefined) return { service: first, deployment: { deployment: undefined }, cancelled: false }
  const budget = waitBudget(config.timeoutMs, config.bakeMs)
  let sd: ServiceDeployment
  try {
    sd = await describeServiceDeployment(deps, arn, waitEnd)
  } catch (e) {
    if (wasCancelled(e, deps.signal))
      return { service: first, deployment: { deployment: undefined }, cancelled: true }
    if (!(e instanceof AwsCallError)) throw e
    return { service: first, deployment: { deployment: new Error(unreadableWhy(e)) }, cancelled: false }
  }
  if (!config.waitForStable) return { service: first, deployment: { deployment: sd }, cancelled: false }
  const tooLong = bakeDoesNotFit(sd, waitEnd - deps.now(), budget)
  if (tooLong) deps.log.warning(`Rollout wait: ${tooLong}`)
  else if (!deploymentEnded(sd)) deps.log.info(`Rollout wait: ${bakeFit(sd, waitEnd - deps.now(), budget)}`)
  const followed = await followDeployment(deps, arn, { deadline: waitEnd, first: sd })
  const seen = { deployment: followed.deployment, timedOutAfterMs: followed.timedOutAfterMs }
  if (followed.cancelled) return { service: first, deployment: seen, cancelled: true }
  // The deployment's end is known; DescribeServices gives the service the other checks read (the first look
  // still serves when nothing was waited for: its first page of tasks is then used too).
  const now = followed.looks > 0 ? await describeService(deps, target, step.deadline) : first
  const settled = await waitForRollout(deps, target, now, waitEnd, budget)
  return {
    service: settled.service,
    deployment: seen,
    cancelled: settled.cancelled,
    timedOutAfterMs: settled.timedOutAfterMs,
  }
}
