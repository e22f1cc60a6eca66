// The ECS checks: the deployment history, the tasks (RUNNING, and one page of STOPPED) and the version, read
// at once; the rollout, tasks and version rows from them.
import type { Task } from '@aws-sdk/client-ecs'
import type { Check } from '../result.js'
import { cancelledWhile, type Ending } from './finish.js'
import type { ObservedRollout } from './observe-rollout.js'
import type { RunOptions } from './run-options.js'
import { unreadableRow, unreadableWhy } from './read.js'
import { judgeDeployment } from './deployment-phase.js'
import {
  controllerOf,
  primaryTaskDefinitionOf,
  waitBudget,
  type DeploymentHistory,
  type RolloutJudgement,
} from './rollout-verdict.js'
import { readHistory } from './service.js'
import {
  describeTargetGroups,
  readTargetHealth,
  targetGroupArnsOf,
  type TargetGroup,
  type TargetGroupHealth,
} from './load-balancers.js'
import { judgeTargetGroup, targetGroupCheckName } from './target-health-verdict.js'
import type { Step } from './step.js'
import type { ApiChoice } from './api-choice.js'
import { lookUpApi } from './api-lookup.js'
import { judgeServiceTasks } from './task-verdict.js'
import { collectTasks, tallyRunningTasks, type EarlyPage, type RunningTally } from './tasks.js'
import { checkVersion } from './version.js'
import { VERSION_NOT_VERIFIED, versionSkipped } from './version-verdict.js'

/** The ECS reads in flight; a listing that failed is its error, a version that could not be read its row. */
export interface EcsReads {
  history: Promise<DeploymentHistory>
  /** Counted page by page: a service of any size is judged in the memory of a page (task-tally.ts). */
  running: Promise<RunningTally | Error>
  stopped: Promise<Task[] | Error>
  version: Promise<Check>
  /** The service's target groups (one DescribeTargetGroups), read alongside the tasks; none without load balancers. */
  groups: Promise<TargetGroup[] | Error>
  /** Their targets (a DescribeTargetHealth per group). */
  traffic: Promise<TargetGroupHealth[] | Error>
  /** The API api-name names (GetRestApis and GetApis), or its row; undefined without api-name. */
  api: Promise<ApiChoice | undefined>
}

export function startEcsReads(step: Step, observed: ObservedRollout, early: EarlyPage): EcsReads {
  const { config, deps, target, deadline } = step
  const service = observed.service
  const primaryTd = primaryTaskDefinitionOf(service)
  const expected = config.expectedImageTag
  const groups = readGroups(step, targetGroupArnsOf(service))
  return {
    history:
      controllerOf(service) === 'ECS'
        ? readHistory(deps, target, service, deadline)
        : Promise.resolve({ kind: 'known' }),
    running: tallyRunningTasks(deps, target, {
      firstPage: observed.firstLook ? early.page : undefined,
      deadline,
      newRevision: primaryTd,
    }).catch((e: unknown) => e as Error),
    // One page of STOPPED tasks, always, alongside the RUNNING listing (no wall time added): the scheduler
    // replaces crashed tasks, so a crash-looping service can show running = desired. Newest first (ECS keeps
    // stopped tasks about an hour), so one page holds the recent crashes.
    stopped: collectTasks(deps, target, { desiredStatus: 'STOPPED', maxPages: 1, deadline }).then(
      (l) => l.tasks,
      (e: unknown) => e as Error,
    ),
    version:
      expected && primaryTd
        ? checkVersion(deps, expected, primaryTd, deadline).catch((e: unknown) =>
            unreadableRow('version', 'version', unreadableWhy(e), expected),
          )
        : Promise.resolve(versionSkipped()),
    groups,
    api: lookUpApi(deps, config, deadline),
    traffic: groups.then((found): Promise<TargetGroupHealth[] | Error> | Error =>
      found instanceof Error ? found : Promise.all(found.map((g) => readTargetHealth(deps, g, deadline))),
    ),
  }
}

/** One DescribeTargetGroups for all the service's groups. */
async function readGroups(step: Step, arns: string[]): Promise<TargetGroup[] | Error> {
  if (arns.length === 0) return []
  try {
    return await describeTargetGroups(step.deps, arns, step.deadline)
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e))
  }
}

/** A row per target group: the new revision's tasks registered and healthy, nothing else taking traffic. */
function trafficRows(
  traffic: TargetGroupHealth[] | Error,
  arns: string[],
  running: RunningTally | Error,
): Check[] {
  if (traffic instanceof Error)
    return arns.map((a) =>
      unreadableRow(targetGroupCheckName(a), 'traffic', unreadableWhy(traffic), 'healthy'),
    )
  if (running instanceof Error)
    return traffic.map((t) =>
      unreadableRow(
        targetGroupCheckName(t.group.name),
        'traffic',
        `the tasks could not be read: ${unreadableWhy(running)}`,
        'healthy',
      ),
    )
  return traffic.map((t) => judgeTargetGroup(t, running.tasks.newRevision))
}

/** A native (blue/green, linear, canary) service's own deployment: its row first, as it decides the rollout. */
function deploymentRow(step: Step, observed: ObservedRollout): Check[] {
  if (observed.deployment === undefined) return []
  const { config } = step
  return [
    judgeDeployment({ ...observed.deployment, waitBudget: waitBudget(config.timeoutMs, config.bakeMs) }),
  ]
}

/** Said when nothing about the service's traffic could be looked at. */
export const NO_TRAFFIC_HEALTH =
  'no traffic health was measured: the service has no load balancer target groups and no api-name is set'

/** The note for a service without target groups; one of several leaves api-name to the first service. */
export function noTrafficHealth(options: RunOptions): string {
  const first = options.stepWideChecksWith
  return first
    ? `no traffic health of this service was measured: it has no load balancer target groups (api-name, metric-checks and alarm-names are judged with ${first})`
    : NO_TRAFFIC_HEALTH
}

export interface EcsChecks {
  rollout: RolloutJudgement
  /** The rollout, tasks and version rows. */
  checks: Check[]
  /** What could not be verified about them. */
  notes: string[]
}

/** The ECS rows, logged; a cancel during these reads ends the step (it is no failed check). */
export async function checkEcs(
  step: Step,
  observed: ObservedRollout,
  rollout: RolloutJudgement,
  reads: EcsReads,
  early: EarlyPage,
  options: RunOptions,
): Promise<EcsChecks | Ending> {
  const { deps } = step
  const [running, version, stopped, traffic] = await Promise.all([
    reads.running,
    reads.version,
    reads.stopped,
    reads.traffic,
  ])
  early.stop()
  const tasks = judgeServiceTasks({ running, stopped, service: observed.service, rollout })
  const arns = targetGroupArnsOf(observed.service)
  const targets = trafficRows(traffic, arns, running)
  const checks = [...deploymentRow(step, observed), rollout.check, tasks.row, version, ...targets]
  await deps.log.group('ECS checks', async () => {
    for (const c of checks) deps.log.info(`${c.name} ${c.status}: ${c.message}`)
  })
  if (deps.signal.aborted)
    return cancelledWhile({ checks, unverified: rollout.unverified }, 'cancelled while checking the service')
  const notes = [
    ...rollout.unverified,
    ...(arns.length === 0 && !step.config.api ? [noTrafficHealth(options)] : []),
    ...tasks.notes,
    ...(version.status === 'skip' ? [VERSION_NOT_VERIFIED] : []),
  ]
  return { rollout, checks, notes }
}
