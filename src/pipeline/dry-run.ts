// The dry-run step: what a real run would do — the plan (its diff is already in the details), the executions it
// would wait for, the execution it would start — said without changing anything.
import { shortSha } from '../commits.js'
import type { CreatePipelineConfig } from '../config/types.js'
import { readPatiently } from '../backoff.js'
import { runningExecutions } from './in-flight.js'
import type { Plan } from './plan.js'
import { keepOnFailure, type Done, type StepContext } from './step.js'

export async function dryRun(
  step: StepContext,
  plan: Plan,
  exists: boolean,
): Promise<{ reason: string; done: Done }> {
  const { deps, name } = step
  const would =
    plan.action === 'create'
      ? 'would be created'
      : plan.action === 'update'
        ? 'would be updated'
        : 'is unchanged'
  const waits = exists && plan.declarationChanged
  const running = waits ? await keepOnFailure({ change: 'planned' }, () => wouldWaitFor(step)) : []
  deps.log.info(`Dry run: pipeline ${name} ${would}; nothing was changed.`)
  return {
    reason: `Dry run: pipeline "${name}" ${would}${plan.action === 'none' ? '' : ' (see the diff)'}; nothing was changed.`,
    done: {
      change: 'planned',
      notes: [...running, ...wouldStart(step.config), 'Dry run: nothing was changed.'],
    },
  }
}

/** The running executions a real update would wait for, as a note. */
async function wouldWaitFor({ cp, deps, name, patience }: StepContext): Promise<string[]> {
  const running = await readPatiently(() => runningExecutions(cp, name, deps.signal), deps, patience)
  if (running.length === 0) return []
  return [
    `Execution ${running.map((e) => e.pipelineExecutionId).join(', ')} is running: a real run would wait for it to end before updating.`,
  ]
}

function wouldStart(config: CreatePipelineConfig): string[] {
  if (!config.startExecution || !config.commitSha) return []
  return [
    `A real run would start an execution of ${shortSha(config.commitSha)}${config.version ? ` with VERSION=${config.version}` : ''}.`,
  ]
}
