// The pause-hook gate's checks of the new revision only, while the deployment waits at the hook: its tasks as
// the service deployment counts them, each of its tasks (ListTasks/DescribeTasks, judged by the new revision's
// task definition, so the old revision's tasks that still serve production are not counted), and its targets
// in the test (alternate) target groups.
import {
  DescribeServiceRevisionsCommand,
  ECSClient,
  type Service,
  type ServiceDeployment,
} from '@aws-sdk/client-ecs'
import { call } from '../../aws-errors.js'
import type { Check } from '../../result.js'
import { patiently, unreadableRow, unreadableWhy } from '../read.js'
import { shortTd } from '../rollout-verdict.js'
import type { Step } from '../step.js'
import { describeTargetGroups, readTargetHealth } from '../load-balancers.js'
import type { TaskAddress } from '../task-tally.js'
import { judgeTargetGroup, targetGroupCheckName } from '../target-health-verdict.js'
import { tallyRunningTasks, type RunningTally } from '../tasks.js'
import { checkVersion } from '../version.js'
import { versionSkipped } from '../version-verdict.js'

export const NEW_REVISION_CHECK = 'new revision'
export const NEW_TASKS_CHECK = 'tasks of the new revision'

/** The service deployment's own count of the new revision: running = requested > 0. Pure. */
export function judgeNewRevision(sd: ServiceDeployment): Check {
  const t = sd.targetServiceRevision
  const running = t?.runningTaskCount ?? 0
  const requested = t?.requestedTaskCount ?? 0
  const base = { name: NEW_REVISION_CHECK, type: 'rollout', threshold: 'running = requested > 0' }
  const ok = requested > 0 && running === requested
  return {
    ...base,
    status: ok ? 'pass' : 'fail',
    value: `${running}/${requested}`,
    message: ok
      ? `${running} of ${requested} tasks of the new revision running (${t?.pendingTaskCount ?? 0} pending)`
      : `${running} of ${requested} tasks of the new revision are running (${t?.pendingTaskCount ?? 0} pending)`,
  }
}

/** The new revision's task definition (DescribeServiceRevisions). */
async function taskDefinitionOf(step: Step, revisionArn: string, deadline: number): Promise<string> {
  const { deps } = step
  const ecs = deps.aws.get(ECSClient)
  const out = await patiently(deps, deadline, () =>
    call('ecs', 'DescribeServiceRevisions', () =>
      ecs.send(new DescribeServiceRevisionsCommand({ serviceRevisionArns: [revisionArn] }), {
        abortSignal: deps.signal,
      }),
    ),
  )
  const td = out.serviceRevisions?.[0]?.taskDefinition
  if (!td) throw new Error(`service revision ${revisionArn} was not found`)
  return td
}

/** The target groups that carry the test traffic: each load balancer's alternate target group. */
export function testTargetGroupArnsOf(service: Service): string[] {
  const arns = (service.loadBalancers ?? [])
    .map((lb) => lb.advancedConfiguration?.alternateTargetGroupArn)
    .filter((a): a is string => !!a)
  return [...new Set(arns)]
}

/**
 * The new revision's tasks (every one RUNNING and not UNHEALTHY, as many as the deployment requests) and, for
 * each test target group, every one of them registered and healthy there: the rows of both.
 */
export async function checkNewTasks(
  step: Step,
  service: Service,
  sd: ServiceDeployment,
  deadline: number,
): Promise<Check[]> {
  const requested = sd.targetServiceRevision?.requestedTaskCount ?? 0
  const arn = sd.targetServiceRevision?.arn
  const threshold = `${requested} RUNNING, none UNHEALTHY`
  const groups = testTargetGroupArnsOf(service)
  const unread = (why: string): Check[] => [
    unreadableRow(NEW_TASKS_CHECK, 'task', why, threshold),
    ...groups.map((g) => unreadableRow(targetGroupCheckName(g), 'traffic', why, 'healthy')),
  ]
  if (!arn) return unread('the service deployment names no target revision')
  let td: string
  let tally: RunningTally
  try {
    td = await taskDefinitionOf(step, arn, deadline)
    tally = await tallyRunningTasks(step.deps, step.target, { deadline, newRevision: td })
  } catch (e) {
    return unread(unreadableWhy(e))
  }
  const good = tally.tasks.healthyRunningByTd.get(td) ?? 0
  const ours = tally.tasks.byTd.get(td)?.count ?? 0
  const ok = requested > 0 && good >= requested
  const tasks: Check = {
    name: NEW_TASKS_CHECK,
    type: 'task',
    threshold,
    status: ok ? 'pass' : 'fail',
    value: good,
    message: ok
      ? `${good} tasks on ${shortTd(td)} RUNNING and not UNHEALTHY`
      : `${good} of ${requested} tasks on ${shortTd(td)} are RUNNING and not UNHEALTHY (${ours} listed)`,
  }
  return [tasks, ...(await testGroupRows(step, groups, tally.tasks.newRevision, deadline))]
}

/** One DescribeTargetGroups for the test groups, then a DescribeTargetHealth per group. */
async function testGroupRows(
  step: Step,
  arns: string[],
  newTasks: TaskAddress[],
  deadline: number,
): Promise<Check[]> {
  if (arns.length === 0) return []
  try {
    const groups = await describeTargetGroups(step.deps, arns, deadline)
    const health = await Promise.all(groups.map((g) => readTargetHealth(step.deps, g, deadline)))
    return health.map((h) => judgeTargetGroup(h, newTasks))
  } catch (e) {
    return arns.map((a) => unreadableRow(targetGroupCheckName(a), 'traffic', unreadableWhy(e), 'healthy'))
  }
}

/**
 * With expected-image-tag: whether the paused deployment is this release's. One that is not (its images lack
 * the tag) is not validate's to answer: its row is `unverified`, so the gate makes no call on it.
 */
export async function checkReleaseVersion(
  step: Step,
  sd: ServiceDeployment,
  deadline: number,
): Promise<Check> {
  const expected = step.config.expectedImageTag
  if (expected === undefined) return versionSkipped()
  const arn = sd.targetServiceRevision?.arn
  if (!arn)
    return unreadableRow('version', 'version', 'the service deployment names no target revision', expected)
  try {
    const row = await checkVersion(step.deps, expected, await taskDefinitionOf(step, arn, deadline), deadline)
    return row.status === 'fail'
      ? {
          ...row,
          status: 'unverified',
          message: `the deployment paused at the hook is not this release's, so validate does not answer it: ${row.message}`,
        }
      : row
  } catch (e) {
    return unreadableRow('version', 'version', unreadableWhy(e), expected)
  }
}
