// The ECS checks: the deployment history, the tasks (RUNNING, and one page of STOPPED) and the version, read
// at once; the rollout, tasks and version rows from them.
import type { Task } from '@aws-sdk/client-ecs'
import type { Check } from '../result.js'
import { cancelledWhile, type Ending } from './finish.js'
import type { ObservedRollout } from './observe-rollout.js'
import { unreadableRow, unreadableWhy } from './read.js'
import {
  controllerOf,
  primaryTaskDefinitionOf,
  type DeploymentHistory,
  type RolloutJudgement,
} from './rollout-verdict.js'
import { readHistory } from './service.js'
import type { Step } from './step.js'
import { judgeServiceTasks } from './task-verdict.js'
import { collectTasks, type EarlyPage, type TaskListing } from './tasks.js'
import { checkVersion } from './version.js'
import { VERSION_NOT_VERIFIED, versionSkipped } from './version-verdict.js'

/** The ECS reads in flight; a listing that failed is its error, a version that could not be read its row. */
export interface EcsReads {
  history: Promise<DeploymentHistory>
  running: Promise<TaskListing | Error>
  stopped: Promise<Task[] | Error>
  version: Promise<Check>
}

export function startEcsReads(step: Step, observed: ObservedRollout, early: EarlyPage): EcsReads {
  const { config, deps, target, deadline } = step
  const service = observed.service
  const primaryTd = primaryTaskDefinitionOf(service)
  const expected = config.expectedImageTag
  return {
    history:
      controllerOf(service) === 'ECS'
        ? readHistory(deps, target, service, deadline)
        : Promise.resolve({ kind: 'known' }),
    running: collectTasks(deps, target, {
      desiredStatus: 'RUNNING',
      firstPage: observed.firstLook ? early.page : undefined,
      deadline,
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
  }
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
): Promise<EcsChecks | Ending> {
  const { deps } = step
  const [running, version, stopped] = await Promise.all([reads.running, reads.version, reads.stopped])
  early.stop()
  const tasks = judgeServiceTasks({ running, stopped, service: observed.service, rollout })
  const checks = [rollout.check, tasks.row, version]
  await deps.log.group('ECS checks', async () => {
    for (const c of checks) deps.log.info(`${c.name} ${c.status}: ${c.message}`)
  })
  if (deps.signal.aborted)
    return cancelledWhile({ checks, unverified: rollout.unverified }, 'cancelled while checking the service')
  const notes = [
    ...rollout.unverified,
    ...tasks.notes,
    ...(version.status === 'skip' ? [VERSION_NOT_VERIFIED] : []),
  ]
  return { rollout, checks, notes }
}
