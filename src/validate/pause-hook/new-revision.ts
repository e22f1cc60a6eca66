// The pause-hook gate's checks of the new revision only, while the deployment waits at the hook: its tasks as
// the service deployment counts them, and each of its tasks (ListTasks/DescribeTasks, judged by the new
// revision's task definition, so the old revision's tasks that still serve production are not counted).
import { DescribeServiceRevisionsCommand, ECSClient, type ServiceDeployment } from '@aws-sdk/client-ecs'
import { call } from '../../aws-errors.js'
import type { Check } from '../../result.js'
import { patiently, unreadableRow, unreadableWhy } from '../read.js'
import { shortTd } from '../rollout-verdict.js'
import type { Step } from '../step.js'
import { tallyRunningTasks } from '../tasks.js'

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

/** Every running task of the new revision RUNNING and not UNHEALTHY, as many as the deployment requests. */
export async function checkNewTasks(step: Step, sd: ServiceDeployment, deadline: number): Promise<Check> {
  const requested = sd.targetServiceRevision?.requestedTaskCount ?? 0
  const arn = sd.targetServiceRevision?.arn
  const base = { name: NEW_TASKS_CHECK, type: 'task', threshold: `${requested} RUNNING, none UNHEALTHY` }
  if (!arn) return unreadableRow(NEW_TASKS_CHECK, 'task', 'the service deployment names no target revision')
  try {
    const td = await taskDefinitionOf(step, arn, deadline)
    const { tasks } = await tallyRunningTasks(step.deps, step.target, { deadline })
    const ours = tasks.byTd.get(td)?.count ?? 0
    const good = tasks.healthyRunningByTd.get(td) ?? 0
    const ok = requested > 0 && good >= requested
    return {
      ...base,
      status: ok ? 'pass' : 'fail',
      value: good,
      message: ok
        ? `${good} tasks on ${shortTd(td)} RUNNING and not UNHEALTHY`
        : `${good} of ${requested} tasks on ${shortTd(td)} are RUNNING and not UNHEALTHY (${ours} listed)`,
    }
  } catch (e) {
    return unreadableRow(NEW_TASKS_CHECK, 'task', unreadableWhy(e), base.threshold)
  }
}
