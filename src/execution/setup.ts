// The reads a follow starts with, paid from the read budget like every look: the pipeline's shape (every stage and action for
// the table), its recent executions, and how long each action usually takes (from past successful runs).
import { CodePipelineClient, GetPipelineCommand } from '@aws-sdk/client-codepipeline'
import { describeError } from '../aws-errors.js'
import type { Following } from './follow-state.js'
import { listExecutions, newestFirst, type ExecutionSummary } from './history.js'
import { usualDurations, type UsualDurations } from './predict.js'
import { latestRuns, type ActionRun, type PipelineShape } from './progress.js'
import { readProgress } from './reads.js'
import { shapeOf } from './shape.js'

/** Past successful executions read to learn each action's usual duration. */
const HISTORY_SAMPLES = 2

export interface Setup {
  shape: PipelineShape
  /** Recent executions (any order). */
  executions: ExecutionSummary[]
  usual: UsualDurations
}

/** The set-up, or what could not be read before a cancel or the deadline. */
export type Prepared =
  { ok: true; value: Setup } | { ok: false; why: 'cancelled' | 'deadline'; unread: string }

/** `known`: the executions the caller already read (monitor, to find the commit's execution). */
export async function prepare(f: Following, known?: ExecutionSummary[]): Promise<Prepared> {
  const name = f.req.pipelineName
  const pipeline = await f.reader.read(
    { service: 'codepipeline', operation: 'GetPipeline' },
    (abortSignal) =>
      f.deps.aws.get(CodePipelineClient).send(new GetPipelineCommand({ name }), { abortSignal }),
    { kind: 'setup' },
  )
  if (!pipeline.ok) return { ok: false, why: pipeline.why, unread: `the pipeline ${name}` }
  const shape = shapeOf(pipeline.value.pipeline)
  const listed = known
    ? { ok: true as const, value: known }
    : await listExecutions(name, f.reader, f.deps, 1, undefined, 'setup')
  if (!listed.ok) return { ok: false, why: listed.why, unread: `the executions of ${name}` }
  const usual = await learnDurations(f, listed.value)
  return { ok: true, value: { shape, executions: listed.value, usual } }
}

/** Each action's usual duration, from the newest successful executions before this one. Nice to have. */
async function learnDurations(f: Following, executions: ExecutionSummary[]): Promise<UsualDurations> {
  const history: ActionRun[][] = []
  for (const past of pastSuccesses(executions, f.req.executionId)) {
    const runs = await pastRuns(f, past.id)
    if (runs) history.push(runs)
  }
  return usualDurations(history)
}

/** The newest successful executions that started before the followed one (pure). */
function pastSuccesses(executions: ExecutionSummary[], executionId: string): ExecutionSummary[] {
  const self = executions.find((e) => e.id === executionId)
  return newestFirst(executions)
    .filter((e) => e.id !== executionId && e.status === 'Succeeded')
    .filter((e) => !self?.startedAt || (e.startedAt ?? 0) < self.startedAt)
    .slice(0, HISTORY_SAMPLES)
}

/** The action runs of a past execution (one page); undefined when they could not be read (two attempts). */
async function pastRuns(f: Following, executionId: string): Promise<ActionRun[] | undefined> {
  const read = { deps: f.deps, reader: f.reader, pipelineName: f.req.pipelineName, executionId }
  try {
    const out = await readProgress(read, { attempts: 2, kind: 'setup', pages: 1 })
    return out.ok ? latestRuns(out.value) : undefined
  } catch (err) {
    f.deps.log.debug(`Past execution ${executionId} not read: ${describeError(err)}`)
    return undefined
  }
}
