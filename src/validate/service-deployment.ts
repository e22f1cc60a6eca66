// Reads one service deployment (DescribeServiceDeployments) and follows it: a look per round, its phase
// logged every round, until it ends, pauses at a PAUSE hook (when asked to stop there) or the deadline passes.
import {
  DescribeServiceDeploymentsCommand,
  ECSClient,
  type Service,
  type ServiceDeployment,
} from '@aws-sdk/client-ecs'
import { AwsCallError, call } from '../aws-errors.js'
import { wasCancelled } from '../cancel.js'
import type { ModeDeps } from '../deps.js'
import { deploymentEnded, phaseLine } from './deployment-phase.js'
import { patiently, unreadableWhy } from './read.js'
import { FIRST_POLL_MS, nextPollDelay } from './poll-delay.js'
import { readHistory, type Target } from './service.js'

/** DescribeServiceDeployments for one ARN, retried on transient failures until `deadline`. */
export async function describeServiceDeployment(
  deps: ModeDeps,
  arn: string,
  deadline: number,
): Promise<ServiceDeployment> {
  const ecs = deps.aws.get(ECSClient)
  const out = await patiently(deps, deadline, () =>
    call('ecs', 'DescribeServiceDeployments', () =>
      ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }), {
        abortSignal: deps.signal,
      }),
    ),
  )
  const found = out.serviceDeployments?.[0]
  if (!found)
    throw new AwsCallError(
      { service: 'ecs', operation: 'DescribeServiceDeployments' },
      new Error(`service deployment ${arn} not found (${out.failures?.[0]?.reason ?? 'MISSING'})`),
    )
  return found
}

/**
 * The service deployment of the release: the one DescribeServices names (`currentServiceDeployment`), else the
 * newest ListServiceDeployments lists (readHistory); undefined when neither names one.
 */
export async function currentDeploymentArn(
  deps: ModeDeps,
  target: Target,
  service: Service,
  deadline: number,
): Promise<string | undefined> {
  if (service.currentServiceDeployment) return service.currentServiceDeployment
  const history = await readHistory(deps, target, service, deadline)
  return history.kind === 'known' ? history.latest?.serviceDeploymentArn : undefined
}

export interface Followed {
  /** The last look; an Error when the deployment could not be read (then nothing later is known). */
  deployment: ServiceDeployment | Error
  /** Set when the deadline passed before the deployment ended (or paused, when asked to stop there). */
  timedOutAfterMs?: number
  cancelled: boolean
  looks: number
}

/**
 * Looks at the deployment until `done(it)` (by default: it ended) or `deadline`; the first look is `first`
 * when given. Each look's phase is logged (the phase is what a reader follows a blue/green deployment by);
 * the interval grows while nothing changes and starts over when something does.
 */
export async function followDeployment(
  deps: ModeDeps,
  arn: string,
  opts: { deadline: number; first?: ServiceDeployment; done?: (sd: ServiceDeployment) => boolean },
): Promise<Followed> {
  const done = opts.done ?? deploymentEnded
  const started = deps.now()
  let looks = 0
  let round = 0
  let delay = FIRST_POLL_MS
  let seen = ''
  let sd: ServiceDeployment | undefined = opts.first
  for (;;) {
    if (deps.signal.aborted) return { deployment: sd ?? new Error('cancelled'), cancelled: true, looks }
    if (sd === undefined) {
      try {
        looks++
        sd = await describeServiceDeployment(deps, arn, opts.deadline)
      } catch (e) {
        if (wasCancelled(e, deps.signal))
          return { deployment: new Error('cancelled'), cancelled: true, looks }
        if (!(e instanceof AwsCallError)) throw e
        return { deployment: new Error(unreadableWhy(e)), cancelled: false, looks }
      }
    }
    const line = phaseLine(sd)
    deps.log.info(`Round ${++round}: ${line}`)
    delay = nextPollDelay(delay, line !== seen)
    seen = line
    if (done(sd)) return { deployment: sd, cancelled: false, looks }
    const left = opts.deadline - deps.now()
    if (left <= 0) return { deployment: sd, cancelled: false, looks, timedOutAfterMs: deps.now() - started }
    await deps.sleep(Math.min(delay, left), deps.signal)
    sd = undefined
  }
}
