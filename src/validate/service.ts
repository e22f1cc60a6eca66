// Reads the ECS service: DescribeServices (with clear errors for a missing cluster or service), its latest
// service deployment, and the wait for the rollout to settle.
import {
  DescribeServicesCommand,
  ECSClient,
  type DescribeServicesCommandOutput,
  ListServiceDeploymentsCommand,
  type Service,
  type ServiceDeploymentBrief,
} from '@aws-sdk/client-ecs'
import type { ModeDeps } from '../deps.js'
import { seconds } from '../format.js'
import { AwsCallError, call, describeError, errorCode } from '../aws-errors.js'
import { wasCancelled } from '../cancel.js'
import { allPages, patiently, unreadableWhy } from './read.js'
import { FIRST_POLL_MS, nextPollDelay } from './poll-delay.js'
import type { DeploymentHistory } from './rollout-verdict.js'
import { primaryOf, primaryTaskSetOf, rolloutSettled, usesTaskSets } from './rollout-verdict.js'

/** The cluster or service named in the inputs does not exist: the user's to fix, said in one line. */
export class TargetNotFound extends Error {
  override name = 'TargetNotFound'
}

export interface Target {
  cluster: string
  service: string
  region: string
}

/** DescribeServices, retried on transient failures until `deadline` (read.ts). */
export async function describeService(deps: ModeDeps, t: Target, deadline: number): Promise<Service> {
  return (await describeServices(deps, t, [t.service], deadline))(t.service)
}

/**
 * DescribeServices for several services of one cluster in one call (at most 10, its limit; the config allows
 * no more), retried on transient failures until `deadline`. Returns each service's look: the service, or a
 * TargetNotFound naming it.
 */
export async function describeServices(
  deps: ModeDeps,
  t: Omit<Target, 'service'>,
  services: string[],
  deadline: number,
): Promise<(service: string) => Service> {
  const ecs = deps.aws.get(ECSClient)
  let out: DescribeServicesCommandOutput
  try {
    out = await patiently(deps, deadline, () =>
      call('ecs', 'DescribeServices', () =>
        ecs.send(new DescribeServicesCommand({ cluster: t.cluster, services }), { abortSignal: deps.signal }),
      ),
    )
  } catch (e) {
    if (errorCode(e) === 'ClusterNotFoundException') {
      throw new TargetNotFound(
        `ECS cluster "${t.cluster}" was not found in ${t.region}: check the cluster input (default "<project-name>-<environment>") and aws-region`,
      )
    }
    throw e
  }
  return (service) => serviceIn(out, { ...t, service })
}

/** `t.service` (a name or an ARN) as DescribeServices answered for it, or why it was not found. */
export function serviceIn(out: DescribeServicesCommandOutput, t: Target): Service {
  const name = t.service.split('/').at(-1) ?? t.service
  const found = out.services?.find((s) => s.serviceArn === t.service || s.serviceName === name)
  if (found) return found
  const failure = out.failures?.find((f) => f.arn === t.service || (f.arn ?? '').split('/').at(-1) === name)
  throw new TargetNotFound(
    `ECS service "${t.service}" was not found in cluster "${t.cluster}" (${failure?.reason ?? 'MISSING'}): check the service input (default "<project-name>")`,
  )
}

/** Deployments created this long before the oldest one DescribeServices lists are looked at too. */
export const HISTORY_MARGIN_MS = 60_000
const HISTORY_PAGE = 100

/**
 * The newest service deployment and what became of it (rolled back, stopped, successful). AWS does not
 * document the order ListServiceDeployments returns, so every page is read and the newest picked here. To
 * keep that to one call, the list is first limited to deployments created after the oldest deployment
 * DescribeServices shows (minus a minute): if any is found, the newest of all is among them. When none is
 * (a completed rollback leaves only the rollback's own deployment listed, created after the failed one), the
 * whole history is read.
 */
export async function readHistory(
  deps: ModeDeps,
  t: Target,
  service: Service,
  deadline: number,
): Promise<DeploymentHistory> {
  const created = (service.deployments ?? [])
    .map((d) => d.createdAt?.getTime())
    .filter((ms): ms is number => ms !== undefined)
  const after = created.length > 0 ? new Date(Math.min(...created) - HISTORY_MARGIN_MS) : undefined
  try {
    let all = after ? await listDeployments(deps, t, after, deadline) : []
    if (all.length === 0) all = await listDeployments(deps, t, undefined, deadline)
    const newest = all.reduce<ServiceDeploymentBrief | undefined>(
      (best, d) => (!best || (d.createdAt?.getTime() ?? 0) > (best.createdAt?.getTime() ?? 0) ? d : best),
      undefined,
    )
    return { kind: 'known', latest: newest }
  } catch (e) {
    return { kind: 'unavailable', reason: unreadableWhy(e) }
  }
}

async function listDeployments(
  deps: ModeDeps,
  t: Target,
  after: Date | undefined,
  deadline: number,
): Promise<ServiceDeploymentBrief[]> {
  const ecs = deps.aws.get(ECSClient)
  const pages = await allPages(
    deps,
    deadline,
    (nextToken) =>
      call('ecs', 'ListServiceDeployments', () =>
        ecs.send(
          new ListServiceDeploymentsCommand({
            cluster: t.cluster,
            service: t.service,
            createdAt: after ? { after } : undefined,
            maxResults: HISTORY_PAGE,
            nextToken,
          }),
          { abortSignal: deps.signal },
        ),
      ),
    (page) => page.nextToken,
  )
  return pages.flatMap((page) => page.serviceDeployments ?? [])
}

export interface WaitOutcome {
  service: Service
  /** Set when the deadline passed before the rollout settled. */
  timedOutAfterMs?: number
  polls: number
  cancelled: boolean
  /**
   * Set when the wait ended because DescribeServices could not be read (its failures outlived the retries
   * until the deadline, or it was refused): why. `service` is then the last look that succeeded, so the
   * state at the deadline is not known.
   */
  unreadable?: string
  /** When that last successful look was (ms). */
  lastLookAt?: number
}

/** What changes between two looks at a rollout; a change means the end may be near, so look again soon. */
function fingerprint(s: Service): string {
  const set = primaryTaskSetOf(s)
  if (usesTaskSets(s))
    return [s.runningCount, s.pendingCount, set?.id, set?.stabilityStatus, set?.runningCount].join('|')
  const p = primaryOf(s)
  return [s.runningCount, s.pendingCount, s.deployments?.length, p?.id, p?.rolloutState, p?.failedTasks].join(
    '|',
  )
}

/**
 * Polls DescribeServices until the rollout settled (COMPLETED or FAILED, or steady without a rolloutState)
 * or the deadline passes. The SDK's waitUntilServicesStable is not used: it sleeps on real timers (tests
 * could not drive it); its only test is "one deployment, running = desired", so it keeps polling a FAILED
 * rollout until its own timeout and reports a service that a circuit breaker rolled back as stable; and it
 * turns every error into "retry", so a permission error is waited out to the timeout. Here the SDK retries
 * each call on throttling (max-attempts); when it gives up on throttling, a 5xx or a dropped connection, the
 * look is made again after a back-off (read.ts) until the deadline; a cancel ends the wait as cancelled. A
 * look that still could not be read ends the wait with `unreadable`: the rollout's state is then not known.
 */
export async function waitForRollout(
  deps: ModeDeps,
  t: Target,
  first: Service,
  deadline: number,
  /** What bounds the wait, for the log (waitBudget in rollout-verdict.ts). */
  budget?: string,
): Promise<WaitOutcome> {
  const started = deps.now()
  let service = first
  let lastLookAt = started
  let polls = 0
  let delay = FIRST_POLL_MS
  let seen = fingerprint(first)
  const upTo = `up to ${seconds(Math.max(0, deadline - started))}${budget ? `: ${budget}` : ''}`
  deps.log.info(`Waiting for the rollout of ${t.service} (${upTo}): ${progressLine(first)}`)
  while (!rolloutSettled(service)) {
    if (deps.signal.aborted) return { service, polls, cancelled: true }
    const left = deadline - deps.now()
    if (left <= 0) return { service, polls, cancelled: false, timedOutAfterMs: deps.now() - started }
    await deps.sleep(Math.min(delay, left), deps.signal)
    if (deps.signal.aborted) return { service, polls, cancelled: true }
    try {
      polls++
      service = await describeService(deps, t, deadline)
      lastLookAt = deps.now()
    } catch (e) {
      if (wasCancelled(e, deps.signal)) return { service, polls, cancelled: true }
      // Only a failed AWS call is a look that could not be read; anything else is a bug, not an outage.
      if (!(e instanceof AwsCallError)) throw e
      deps.log.info(`DescribeServices could not be read: ${describeError(e)}`)
      return {
        service,
        polls,
        cancelled: false,
        timedOutAfterMs: deps.now() - started,
        unreadable: unreadableWhy(e),
        lastLookAt,
      }
    }
    const now = fingerprint(service)
    if (now !== seen) deps.log.info(progressLine(service))
    delay = nextPollDelay(delay, now !== seen)
    seen = now
  }
  return { service, polls, cancelled: false }
}

export function progressLine(s: Service): string {
  if (usesTaskSets(s)) {
    const set = primaryTaskSetOf(s)
    const state = set
      ? `PRIMARY task set ${set.stabilityStatus ?? 'without stabilityStatus'}`
      : 'no PRIMARY task set'
    return `${state}, ${s.runningCount}/${s.desiredCount} running, ${s.pendingCount ?? 0} pending, ${s.taskSets?.length ?? 0} task set(s)`
  }
  const p = primaryOf(s)
  const state = p?.rolloutState ? `rollout ${p.rolloutState}` : 'no rolloutState'
  return `${state}, ${s.runningCount}/${s.desiredCount} running, ${s.pendingCount ?? 0} pending, ${s.deployments?.length ?? 0} deployment(s)`
}
