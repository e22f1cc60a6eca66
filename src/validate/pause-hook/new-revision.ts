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
import { describeTargetGroups, readTargetHealth, type TargetGroup } from '../load-balancers.js'
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

/** The new revision's task definition (DescribeServiceRevisions); an Error (its message says why) if unread. */
export async function readTaskDefinition(
  step: Step,
  sd: ServiceDeployment,
  deadline: number,
): Promise<string | Error> {
  const arn = sd.targetServiceRevision?.arn
  if (!arn) return new Error('the service deployment names no target revision')
  const { deps } = step
  const ecs = deps.aws.get(ECSClient)
  try {
    const out = await patiently(deps, deadline, () =>
      call('ecs', 'DescribeServiceRevisions', () =>
        ecs.send(new DescribeServiceRevisionsCommand({ serviceRevisionArns: [arn] }), {
          abortSignal: deps.signal,
        }),
      ),
    )
    const td = out.serviceRevisions?.[0]?.taskDefinition
    return td ?? new Error(`service revision ${arn} was not found`)
  } catch (e) {
    return new Error(unreadableWhy(e))
  }
}

/** The target groups that carry the test traffic: each load balancer's alternate target group. */
export function testTargetGroupArnsOf(service: Service): string[] {
  const arns = (service.loadBalancers ?? [])
    .map((lb) => lb.advancedConfiguration?.alternateTargetGroupArn)
    .filter((a): a is string => !!a)
  return [...new Set(arns)]
}

/** A target group's name from its ARN (…:targetgroup/<name>/<id>), for rows about a group that was not read. */
export function targetGroupNameOf(arn: string): string {
  return arn.split(':targetgroup/')[1]?.split('/')[0] ?? arn
}

/** What the gate reads once at the pause and every check there shares. */
export interface PauseReads {
  /** The new revision's task definition, or why it could not be read. */
  taskDefinition: string | Error
  /** The test target groups (none without a load balancer), or why DescribeTargetGroups failed. */
  testGroups: { arns: string[]; described: TargetGroup[] | Error }
}

/** The reads the checks at the pause share, each made once: the task definition and the test target groups. */
export async function readAtPause(
  step: Step,
  service: Service,
  sd: ServiceDeployment,
  deadline: number,
): Promise<PauseReads> {
  const arns = testTargetGroupArnsOf(service)
  const [taskDefinition, described] = await Promise.all([
    readTaskDefinition(step, sd, deadline),
    arns.length === 0
      ? []
      : describeTargetGroups(step.deps, arns, deadline).catch((e: unknown) => new Error(unreadableWhy(e))),
  ])
  return { taskDefinition, testGroups: { arns, described } }
}

/**
 * The new revision's tasks (every one RUNNING and not UNHEALTHY, as many as the deployment requests) and, for
 * each test target group, every one of them registered and healthy there: the rows of both.
 */
export async function checkNewTasks(
  step: Step,
  sd: ServiceDeployment,
  reads: PauseReads,
  deadline: number,
): Promise<Check[]> {
  const requested = sd.targetServiceRevision?.requestedTaskCount ?? 0
  const threshold = `${requested} RUNNING, none UNHEALTHY`
  const { taskDefinition: td, testGroups } = reads
  const unread = (why: string): Check[] => [
    unreadableRow(NEW_TASKS_CHECK, 'task', why, threshold),
    ...unreadGroups(testGroups.arns, why),
  ]
  if (td instanceof Error) return unread(td.message)
  let tally: RunningTally
  try {
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
  return [tasks, ...(await testGroupRows(step, testGroups, tally.tasks.newRevision, deadline))]
}

const unreadGroups = (arns: string[], why: string): Check[] =>
  arns.map((a) => unreadableRow(targetGroupCheckName(targetGroupNameOf(a)), 'traffic', why, 'healthy'))

/** A DescribeTargetHealth per test group (described once at the pause). */
async function testGroupRows(
  step: Step,
  groups: PauseReads['testGroups'],
  newTasks: TaskAddress[],
  deadline: number,
): Promise<Check[]> {
  if (groups.described instanceof Error) return unreadGroups(groups.arns, groups.described.message)
  const health = await Promise.all(groups.described.map((g) => readTargetHealth(step.deps, g, deadline)))
  return health.map((h) => judgeTargetGroup(h, newTasks))
}

/**
 * With expected-image-tag: the version of a deployment's new revision, judged as validate judges any (images
 * without the tag fail). Skipped without the input.
 */
export async function checkDeploymentVersion(
  step: Step,
  taskDefinition: string | Error,
  deadline: number,
): Promise<Check> {
  const expected = step.config.expectedImageTag
  if (expected === undefined) return versionSkipped()
  if (taskDefinition instanceof Error)
    return unreadableRow('version', 'version', taskDefinition.message, expected)
  try {
    return await checkVersion(step.deps, expected, taskDefinition, deadline)
  } catch (e) {
    return unreadableRow('version', 'version', unreadableWhy(e), expected)
  }
}

/**
 * With expected-image-tag: whether the paused deployment is this release's. One that is not (its images lack
 * the tag) is not validate's to answer: its row is `unverified`, and the gate makes no call (answer.ts).
 */
export async function checkReleaseVersion(
  step: Step,
  taskDefinition: string | Error,
  deadline: number,
): Promise<Check> {
  const row = await checkDeploymentVersion(step, taskDefinition, deadline)
  return row.status === 'fail'
    ? {
        ...row,
        status: 'unverified',
        message: `the deployment paused at the hook is not this release's, so validate does not answer it: ${row.message}`,
      }
    : row
}
