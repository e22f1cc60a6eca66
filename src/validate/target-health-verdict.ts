// Target health → one row per target group of the service. Pure.
//
// Every task of the new revision must be registered (by its ENI address, awsvpc) and `healthy`; any other
// target that is not leaving (draining / unused) still takes traffic, which for a release means the old
// revision still answers users.
import type { TargetHealthDescription } from '@aws-sdk/client-elastic-load-balancing-v2'
import type { Check } from '../result.js'
import type { TargetGroupHealth } from './load-balancers.js'
import { unreadableRow, unreadableWhy } from './read.js'
import type { TaskAddress } from './task-tally.js'
import { taskId } from './task-verdict.js'

export const targetGroupCheckName = (name: string): string => `target group ${name}`
const LEAVING = new Set(['draining', 'unused', 'unhealthy.draining'])
const LISTED = 5

const stateOf = (t: TargetHealthDescription): string => {
  const h = t.TargetHealth
  const why = [h?.Reason, h?.Description].filter(Boolean).join(': ')
  return `${h?.State ?? 'unknown'}${why ? ` (${why})` : ''}`
}

const listed = (items: string[]): string =>
  items.length > LISTED
    ? `${items.slice(0, LISTED).join(', ')} and ${items.length - LISTED} more`
    : items.join(', ')

/** `newTasks`: the running tasks of the new revision, as much of them as is matched and quoted. */
export function judgeTargetGroup(health: TargetGroupHealth, newTasks: TaskAddress[]): Check {
  const name = targetGroupCheckName(health.group.name)
  if (health.targets instanceof Error)
    return unreadableRow(name, 'traffic', unreadableWhy(health.targets), 'healthy')
  // Targets are matched to tasks by the task's ENI address (awsvpc). A task without one (bridge or host network
  // mode registers instance + port) cannot be matched: say so, never call it unregistered (a false failure would
  // roll a healthy release back).
  const unaddressed = newTasks.filter((task) => task.ip === undefined)
  if (unaddressed.length > 0)
    return {
      name,
      type: 'traffic',
      threshold: 'healthy',
      status: 'skip',
      value: null,
      message: `not verified: ${unaddressed.length} task${unaddressed.length === 1 ? ' has' : 's have'} no awsvpc address (${listed(unaddressed.map((t) => taskId(t.arn)))}), so their targets in ${health.group.name} could not be matched`,
    }
  const byId = new Map(health.targets.map((t) => [t.Target?.Id ?? '', t]))
  const ours = new Set<string>()
  const problems: string[] = []
  for (const { arn, ip } of newTasks) {
    const target = ip === undefined ? undefined : byId.get(ip)
    if (ip !== undefined) ours.add(ip)
    if (!target) problems.push(`task ${taskId(arn)} is not registered`)
    else if (target.TargetHealth?.State !== 'healthy')
      problems.push(`task ${taskId(arn)} (${ip}) is ${stateOf(target)}`)
  }
  const others = health.targets.filter((t) => !ours.has(t.Target?.Id ?? ''))
  const serving = others.filter((t) => !LEAVING.has(t.TargetHealth?.State ?? ''))
  const draining = others.length - serving.length
  if (serving.length > 0)
    problems.push(
      `${serving.length} target${serving.length === 1 ? '' : 's'} not of the new revision still take${serving.length === 1 ? 's' : ''} traffic: ${listed(serving.map((t) => `${t.Target?.Id ?? '?'} ${stateOf(t)}`))}`,
    )
  const base = { name, type: 'traffic', threshold: 'healthy' }
  if (problems.length > 0)
    return {
      ...base,
      status: 'fail',
      value: null,
      message: `in target group ${health.group.name}: ${listed(problems)}`,
    }
  const leaving = draining > 0 ? `; ${draining} old target${draining === 1 ? '' : 's'} draining` : ''
  return {
    ...base,
    status: 'pass',
    value: newTasks.length,
    message: `all ${newTasks.length} tasks of the new revision are registered and healthy in target group ${health.group.name}${leaving}`,
  }
}
