// The apply step: makes the planned change — CreatePipeline, or UpdatePipeline once no execution runs (an update
// would cancel it) and then the tags — and says what it did, even when a later call of it fails.
import type { CurrentPipeline, Plan } from './plan.js'
import { applyTags, createPipeline, updatePipeline } from './apply.js'
import { minutes } from '../format.js'
import { waitUntilIdle } from './in-flight.js'
import { keepOnFailure, Stop, type Done, type StepContext } from './step.js'
import { hasTagChanges } from './tags.js'

export interface Applied {
  done: Done
  /** This run created the pipeline: AWS has started a first execution by itself. */
  created: boolean
}

export async function apply(
  step: StepContext,
  plan: Plan,
  current: CurrentPipeline | undefined,
): Promise<Applied> {
  if (plan.action === 'create') return { done: await create(step), created: true }
  if (plan.action === 'update' && current) return { done: await update(step, plan, current), created: false }
  return { done: { change: 'unchanged' }, created: false }
}

async function create({ cp, deps, desired, config, name }: StepContext): Promise<Done> {
  const out = await deps.log.group(`Create pipeline ${name}`, () =>
    createPipeline(cp, desired.declaration, config.tags),
  )
  deps.log.info(`Created pipeline ${name} (version ${out.version}).`)
  return { change: 'created', pipelineVersion: out.version }
}

async function update(step: StepContext, plan: Plan, current: CurrentPipeline): Promise<Done> {
  return step.deps.log.group(`Update pipeline ${step.name}`, async () => {
    const declared = plan.declarationChanged ? await updateDeclaration(step, current) : {}
    return updateTags(step, plan, current, declared)
  })
}

/** UpdatePipeline, once every running execution has ended; refused when one still runs at the deadline. */
async function updateDeclaration(step: StepContext, current: CurrentPipeline): Promise<Done> {
  const { cp, deps, desired, name } = step
  const waited = await waitForIdle(step)
  const out = await keepOnFailure({ notes: waited }, () =>
    updatePipeline(cp, desired.declaration, current.version),
  )
  deps.log.info(`Updated pipeline ${name} to version ${out.version}.`)
  return { change: 'updated', pipelineVersion: out.version, notes: waited }
}

/** Waits for the running executions to end; what it waited for, as a note. */
async function waitForIdle({ cp, deps, config, name, patience }: StepContext): Promise<string[]> {
  const idle = await waitUntilIdle(cp, name, deps, {
    deadline: patience.deadline,
    pollMs: config.follow.pollIntervalMs,
  })
  if (idle.stillRunning) {
    const id = idle.stillRunning.pipelineExecutionId
    throw new Stop(
      idle.cancelled
        ? `Pipeline "${name}" was not updated: cancelled while waiting for execution ${id} to end.`
        : `Pipeline "${name}" was not updated: execution ${id} was still ${idle.stillRunning.status} when timeout-minutes ran out, after ${minutes(config.timeoutMs)}; an update would have cancelled it. Re-run when it has ended.`,
      idle.cancelled,
    )
  }
  if (idle.waitedFor.length === 0) return []
  return [
    `Waited ${minutes(idle.waitedMs)} for execution ${idle.waitedFor.join(', ')} to end before updating (an update cancels running executions).`,
  ]
}

/** The tag changes, after the declaration's update (`declared`: what that did). */
async function updateTags(
  step: StepContext,
  plan: Plan,
  current: CurrentPipeline,
  declared: Done,
): Promise<Done> {
  const { tagChanges } = plan
  const { arn } = current
  if (!tagChanges || !hasTagChanges(tagChanges) || !arn) return declared
  await keepOnFailure(declared, () => applyTags(step.cp, arn, tagChanges))
  step.deps.log.info(`Updated the pipeline's tags.`)
  const onlyTags = plan.declarationChanged
    ? []
    : ['Only the tags changed: the declaration and its version stay as they were.']
  return { ...declared, change: 'updated', notes: [...(declared.notes ?? []), ...onlyTags] }
}
