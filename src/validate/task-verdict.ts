// Described tasks → the tasks check. Pure.
import type { Service, Task } from '@aws-sdk/client-ecs'
import { isCrash } from '../facts/ecs.js'
import type { Check } from '../result.js'
import { unreadableRow, unreadableWhy } from './read.js'
import { primaryOf, primaryTaskSetOf, shortTd, type RolloutJudgement } from './rollout-verdict.js'
import { EXAMPLES, tallyOf, type Sample, type TaskTally } from './task-tally.js'

export interface TasksInput {
  /** Every task ListTasks returned (desired status RUNNING), described: as a list, or counted page by page. */
  tasks: Task[] | TaskTally
  desiredCount: number
  primaryTaskDefinition?: string
  /** Task ARNs listed but gone by the time they were described (DescribeTasks failures). */
  missing: string[]
  /** Stopped tasks to quote as context (those of the deployments judged), when something is wrong. */
  stopped?: Task[]
  /**
   * Tasks of the PRIMARY deployment that crashed (stopped tasks whose `startedBy` is its id, see isCrash in
   * facts/ecs.ts). The scheduler replaces them, so running = desired can hide a crash loop: any fails the check.
   */
  crashed?: Task[]
}

export const taskId = (arn: string | undefined): string => (arn ? arn.slice(arn.lastIndexOf('/') + 1) : '?')

function some<T>(tasks: T[], describe: (t: T) => string, count = tasks.length): string {
  const shown = tasks.slice(0, EXAMPLES).map(describe).join(', ')
  return count > EXAMPLES ? `${shown} and ${count - EXAMPLES} more` : shown
}

const someOf = <T>(sample: Sample<T>, describe: (t: T) => string): string =>
  some(sample.examples, describe, sample.count)

/** The tasks on another task definition than the PRIMARY's: counted, and the first few in listing order. */
function notOn(tally: TaskTally, primaryTd: string): Sample<{ at: number; arn?: string; td?: string }> {
  const others = [...tally.byTd].filter(([td]) => td !== primaryTd).map(([, sample]) => sample)
  return {
    count: others.reduce((n, s) => n + s.count, 0),
    examples: others
      .flatMap((s) => s.examples)
      .sort((a, b) => a.at - b.at)
      .slice(0, EXAMPLES),
  }
}

/** `EssentialContainerExited: Essential container in task exited (app exit 1)`. */
export function describeStop(t: Task): string {
  const exits = (t.containers ?? [])
    .filter((c) => c.exitCode !== undefined || c.reason)
    .map((c) =>
      `${c.name} ${c.exitCode !== undefined ? `exit ${c.exitCode}` : ''}${c.reason ? ` ${c.reason}` : ''}`.trim(),
    )
  return `${taskId(t.taskArn)} ${t.stopCode ?? 'stopped'}: ${t.stoppedReason ?? 'no reason given'}${exits.length ? ` (${exits.join('; ')})` : ''}`
}

export function judgeTasks(input: TasksInput): Check {
  const { desiredCount, primaryTaskDefinition } = input
  const tally = Array.isArray(input.tasks) ? tallyOf(input.tasks) : input.tasks
  const running = tally.running
  // The value counts what the threshold asks for (RUNNING, not UNHEALTHY, on the PRIMARY task definition),
  // so it never reads "3/3" beside a message about a PENDING task or one on the old task definition.
  const good = primaryTaskDefinition
    ? (tally.healthyRunningByTd.get(primaryTaskDefinition) ?? 0)
    : [...tally.healthyRunningByTd.values()].reduce((a, b) => a + b, 0)
  const base = {
    name: 'tasks',
    type: 'task',
    value: `${good}/${desiredCount}`,
    threshold: `${desiredCount} RUNNING, healthy, on ${shortTd(primaryTaskDefinition)}`,
  }
  if (desiredCount === 0 && tally.listed === 0) {
    return { ...base, status: 'skip', message: 'the service desires 0 tasks: there are no tasks to check' }
  }
  const problems: string[] = []
  if (running === 0) problems.push(`no task is RUNNING (${desiredCount} desired)`)
  else if (running < desiredCount)
    problems.push(`only ${running} of ${desiredCount} desired tasks are RUNNING`)
  if (tally.notRunning.count > 0) {
    problems.push(
      `${tally.notRunning.count} not RUNNING (${someOf(tally.notRunning, (t) => `${taskId(t.arn)} ${t.lastStatus}`)})`,
    )
  }
  if (primaryTaskDefinition) {
    const old = notOn(tally, primaryTaskDefinition)
    if (old.count > 0) {
      problems.push(
        `${old.count} on another task definition than the PRIMARY deployment's ${shortTd(primaryTaskDefinition)} (${someOf(old, (t) => `${taskId(t.arn)} on ${shortTd(t.td)}`)})`,
      )
    }
  }
  if (tally.unhealthy.count > 0) {
    problems.push(
      `${tally.unhealthy.count} UNHEALTHY (${someOf(tally.unhealthy, (t) => `${taskId(t.arn)}${t.containers.length ? ` container ${t.containers.join(', ')}` : ''}`)})`,
    )
  }
  const crashed = input.crashed ?? []
  if (crashed.length > 0) {
    problems.push(
      `${crashed.length} task${crashed.length === 1 ? '' : 's'} of the PRIMARY deployment crashed and ${crashed.length === 1 ? 'was' : 'were'} replaced (${some(crashed, describeStop)})`,
    )
  }
  const stopped = (input.stopped ?? []).filter((t) => !crashed.some((c) => c.taskArn === t.taskArn))
  const stoppedNote = stopped.length
    ? `. ${stopped.length} task${stopped.length === 1 ? '' : 's'} stopped recently: ${some(stopped, describeStop)}`
    : ''
  const missingNote = input.missing.length
    ? ` (${input.missing.length} listed tasks were gone when described)`
    : ''
  if (problems.length > 0) {
    return { ...base, status: 'fail', message: `${problems.join('; ')}${missingNote}${stoppedNote}` }
  }
  return {
    ...base,
    status: 'pass',
    message: `all ${running} tasks RUNNING on ${shortTd(primaryTaskDefinition)}, none UNHEALTHY${missingNote}${stoppedNote}`,
  }
}

export type RunningTasks = Pick<TasksInput, 'tasks' | 'missing'>

export interface ServiceTasks {
  /** The RUNNING tasks, described (as a list or counted page by page), or why they could not be listed. */
  running: RunningTasks | Error
  /** One page of STOPPED tasks, newest first, or why it could not be listed. */
  stopped: Task[] | Error
  service: Service
  rollout: RolloutJudgement
}

/**
 * The tasks row of the service, and what could not be verified about it. Running = desired can hide a crash
 * loop (the scheduler replaces crashed tasks), so without the stopped tasks a passing row is not verified.
 */
export function judgeServiceTasks(input: ServiceTasks): { row: Check; notes: string[] } {
  const { running, stopped } = input
  if (running instanceof Error)
    return { row: unreadableRow('tasks', 'task', unreadableWhy(running)), notes: [] }
  const row = judgeRunning(running, stopped instanceof Error ? [] : stopped, input)
  if (!(stopped instanceof Error)) return { row, notes: [] }
  const why = unreadableWhy(stopped)
  if (row.status !== 'pass')
    return { row, notes: [`crashed tasks: the stopped tasks could not be listed (${why})`] }
  return {
    row: {
      ...row,
      status: 'unverified',
      message: `could not be read: the stopped tasks (${why}), so crashes of the PRIMARY deployment could not be ruled out; ${row.message}`,
    },
    notes: [],
  }
}

/** The RUNNING tasks judged; when something is wrong, the stopped tasks of the deployments judged say why. */
function judgeRunning(
  listing: RunningTasks,
  stopped: Task[],
  { service, rollout }: Pick<ServiceTasks, 'service' | 'rollout'>,
): Check {
  const primary = primaryOf(service)
  // Service tasks carry their deployment's (or task set's) id in startedBy.
  const primaryIds = [primary?.id, primaryTaskSetOf(service)?.id].filter((id): id is string => !!id)
  const input = {
    tasks: listing.tasks,
    desiredCount: service.desiredCount ?? 0,
    primaryTaskDefinition: rollout.primaryTaskDefinition,
    missing: listing.missing,
    crashed: crashesOf(stopped, primaryIds),
  }
  const row = judgeTasks(input)
  const rolloutOk = rollout.check.status === 'pass'
  if (row.status !== 'fail' && rolloutOk && (primary?.failedTasks ?? 0) === 0) return row
  const ids = [
    ...(service.deployments ?? []).filter((d) => d.rolloutState === 'FAILED' || d === primary),
    ...(service.taskSets ?? []),
  ].map((d) => d.id ?? '')
  return judgeTasks({ ...input, stopped: stoppedOf(stopped, ids) })
}

/**
 * The stopped tasks worth showing: those of the deployments being judged (service tasks carry the deployment
 * id in `startedBy`), newest first. After a completed rollback the failed deployment is no longer listed, so
 * without a match the tasks that crashed are shown. Pure.
 */
export function stoppedOf(stopped: Task[], deploymentIds: string[]): Task[] {
  const ours = stopped.filter((task) => deploymentIds.includes(task.startedBy ?? ''))
  return newestFirst(ours.length > 0 ? ours : stopped.filter(isCrash))
}

/** The crashes of the given deployments only (no fallback), newest first. Pure. */
export function crashesOf(stopped: Task[], deploymentIds: string[]): Task[] {
  return newestFirst(stopped.filter((task) => deploymentIds.includes(task.startedBy ?? '') && isCrash(task)))
}

const newestFirst = (tasks: Task[]): Task[] =>
  [...tasks].sort((a, b) => (b.stoppedAt?.getTime() ?? 0) - (a.stoppedAt?.getTime() ?? 0))
