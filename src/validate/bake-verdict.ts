// What the bake re-checks in ECS, and the verdict on it. Pure.
//
// Each round looks at the service only (one DescribeServices): running = desired, the same PRIMARY deployment
// (or task set) as when the bake began, no FAILED rollout, no failed launches. A crash loop shows as running
// below desired or as failedTasks rising, but only if a look happens to catch it: ECS replaces a crashed task
// within seconds, and failedTasks is only counted until a deployment has running tasks. So when the bake
// ends, one full pass over the tasks (ListTasks/DescribeTasks, as before the bake) and over the tasks that
// stopped since the bake began (one page of STOPPED tasks) tells for sure.
import type { Service, Task } from '@aws-sdk/client-ecs'
import { isCrash } from '../facts/ecs.js'
import { capitalise } from '../format.js'
import type { Check } from '../result.js'
import { primaryOf, primaryTaskSetOf, shortTd, usesTaskSets } from './rollout-verdict.js'
import { describeStop, judgeTasks, type TasksInput } from './task-verdict.js'

export const BAKE_SERVICE_CHECK = 'service during bake'
export const BAKE_TASKS_CHECK = 'tasks during bake'

/** The PRIMARY deployment (or task set) a bake must keep seeing. */
function primaryUnit(s: Service): { id?: string; taskDefinition?: string; failedTasks: number } {
  if (usesTaskSets(s)) {
    const set = primaryTaskSetOf(s)
    return { id: set?.id, taskDefinition: set?.taskDefinition, failedTasks: 0 }
  }
  const p = primaryOf(s)
  return { id: p?.id, taskDefinition: p?.taskDefinition, failedTasks: p?.failedTasks ?? 0 }
}

export function judgeBakeService(before: Service, now: Service): Check {
  const base = { name: BAKE_SERVICE_CHECK, type: 'rollout', threshold: 'running = desired, same deployment' }
  const was = primaryUnit(before)
  const is = primaryUnit(now)
  const problems: string[] = []
  if (now.status !== 'ACTIVE') problems.push(`the service is ${now.status}, not ACTIVE`)
  if (is.id !== was.id) {
    problems.push(
      `the PRIMARY ${usesTaskSets(now) ? 'task set' : 'deployment'} changed during the bake: ${is.id ?? 'none'} on ${shortTd(is.taskDefinition)} replaced ${was.id} on ${shortTd(was.taskDefinition)} (a new deployment or a rollback)`,
    )
  }
  const failed = (now.deployments ?? []).find((d) => d.rolloutState === 'FAILED')
  if (failed)
    problems.push(`deployment ${failed.id} FAILED (${failed.rolloutStateReason ?? 'no reason given'})`)
  if (is.id === was.id && is.failedTasks > was.failedTasks) {
    problems.push(
      `${is.failedTasks - was.failedTasks} task launch(es) of the deployment failed during the bake`,
    )
  }
  const set = usesTaskSets(now) ? primaryTaskSetOf(now) : undefined
  if (set && set.stabilityStatus !== 'STEADY_STATE')
    problems.push(`the PRIMARY task set is ${set.stabilityStatus}`)
  const running = now.runningCount ?? 0
  const desired = now.desiredCount ?? 0
  if (running < desired) problems.push(`${running} of ${desired} desired tasks are running`)
  const value = `${running}/${desired}`
  if (problems.length > 0) {
    return { ...base, status: 'fail', value, message: capitalise(problems.join('; ')) }
  }
  return {
    ...base,
    status: 'pass',
    value,
    message: `${running} of ${desired} tasks running, still ${is.id} on ${shortTd(is.taskDefinition)}`,
  }
}

/** The end-of-bake pass: every task as before the bake, and no task crashed since the bake began. */
export function judgeBakeTasks(input: TasksInput & { stoppedSince: Task[]; since: number }): Check {
  const crashed = input.stoppedSince.filter((t) => (t.stoppedAt?.getTime() ?? 0) >= input.since && isCrash(t))
  const row = { ...judgeTasks({ ...input, stopped: undefined }), name: BAKE_TASKS_CHECK }
  if (crashed.length === 0) return row
  const shown = crashed.slice(0, 3).map(describeStop).join(', ')
  const more = crashed.length > 3 ? ` and ${crashed.length - 3} more` : ''
  return {
    ...row,
    status: 'fail',
    message: `${crashed.length} task${crashed.length === 1 ? '' : 's'} crashed during the bake (replaced by the scheduler): ${shown}${more}; at the end: ${row.message}`,
  }
}
