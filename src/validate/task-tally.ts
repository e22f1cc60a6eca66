// The running tasks as the checks need them, counted page by page as DescribeTasks answers: counters, the first
// few offenders of each kind the tasks check quotes, and the address of each task of the new revision (the
// target groups check matches every one of them). A service of 5,000 tasks is judged in the memory of one page
// of Task objects (dropped once counted) plus a short record per new task, not of the whole listing.
import type { Task } from '@aws-sdk/client-ecs'

/** How many offenders of each kind are kept: the check quotes three and counts the rest. */
export const EXAMPLES = 3

/** A count and the first few of what was counted. */
export interface Sample<T> {
  count: number
  examples: T[]
}

/** What the target groups check needs of a task: its ARN (quoted) and its ENI address (matched). */
export interface TaskAddress {
  arn?: string
  ip?: string
}

export interface TaskTally {
  listed: number
  running: number
  /** RUNNING and not UNHEALTHY, per task definition ARN ('' when absent): "good" once the PRIMARY's is known. */
  healthyRunningByTd: Map<string, number>
  /**
   * Tasks per task definition ARN, the first few with their place in the listing (so that the offenders on
   * other task definitions are quoted in listing order once the PRIMARY's is known).
   */
  byTd: Map<string, Sample<{ at: number; arn?: string; td?: string }>>
  notRunning: Sample<{ arn?: string; lastStatus?: string }>
  unhealthy: Sample<{ arn?: string; containers: string[] }>
  /** The new revision's task definition ARN, if known when counting began: its tasks' addresses are kept. */
  newRevisionTd?: string
  /** The addresses of the tasks on newRevisionTd, in listing order. */
  newRevision: TaskAddress[]
}

/** `newRevision`: the task definition whose tasks' addresses are kept (none when not given). */
export function emptyTally(newRevision?: string): TaskTally {
  return {
    listed: 0,
    running: 0,
    healthyRunningByTd: new Map(),
    byTd: new Map(),
    notRunning: { count: 0, examples: [] },
    unhealthy: { count: 0, examples: [] },
    newRevision: [],
    newRevisionTd: newRevision,
  }
}

function note<T>(sample: Sample<T>, example: T): void {
  sample.count++
  if (sample.examples.length < EXAMPLES) sample.examples.push(example)
}

/** The task's ENI address (awsvpc network mode); none in bridge or host mode. */
export function taskIpOf(task: Task): string | undefined {
  for (const a of task.attachments ?? [])
    for (const d of a.details ?? []) if (d.name === 'privateIPv4Address' && d.value) return d.value
  return undefined
}

export const addressOf = (task: Task): TaskAddress => ({ arn: task.taskArn, ip: taskIpOf(task) })

/** Counts one page of described tasks into the tally (in place: it is the only copy). */
export function addTasks(tally: TaskTally, tasks: Task[]): void {
  for (const t of tasks) {
    const at = tally.listed++
    const td = t.taskDefinitionArn ?? ''
    let onTd = tally.byTd.get(td)
    if (!onTd) tally.byTd.set(td, (onTd = { count: 0, examples: [] }))
    note(onTd, { at, arn: t.taskArn, td: t.taskDefinitionArn })
    if (t.lastStatus === 'RUNNING') {
      tally.running++
      if (t.healthStatus !== 'UNHEALTHY')
        tally.healthyRunningByTd.set(td, (tally.healthyRunningByTd.get(td) ?? 0) + 1)
    } else note(tally.notRunning, { arn: t.taskArn, lastStatus: t.lastStatus })
    if (t.healthStatus === 'UNHEALTHY') {
      const containers = (t.containers ?? []).filter((c) => c.healthStatus === 'UNHEALTHY')
      note(tally.unhealthy, { arn: t.taskArn, containers: containers.map((c) => c.name ?? '') })
    }
    if (tally.newRevisionTd !== undefined && t.taskDefinitionArn === tally.newRevisionTd)
      tally.newRevision.push(addressOf(t))
  }
}

/** The tally of a list already in memory (tests, callers holding the list). Pure. */
export function tallyOf(tasks: Task[]): TaskTally {
  const tally = emptyTally()
  addTasks(tally, tasks)
  return tally
}
