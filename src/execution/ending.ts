// What AWS says of how an execution ended, beyond its actions: why it was stopped (ListPipelineExecutions'
// stopTrigger) and which stage it stopped in, or which stage-condition rule failed it (GetPipelineState's
// condition states, exact while the execution is still the stage's latest). Read once, when the end is seen;
// nice to have: a read that fails leaves a note, and the verdict stands on the status.
import { CodePipelineClient, GetPipelineStateCommand, type StageState } from '@aws-sdk/client-codepipeline'
import { describeError } from '../aws-errors.js'
import type { StageRow } from '../result.js'
import type { Following } from './follow-state.js'
import { listExecutions } from './history.js'
import type { Watched } from './watch.js'

export interface Ending {
  /** GetPipelineState answered: `stage` is what AWS says, not a guess. */
  stateRead: boolean
  /** Stopped: the reason given ('' when none was given); undefined when it could not be read. */
  stopReason?: string
  /** The stage AWS says the execution stopped or failed in (its latest run of that stage). */
  stage?: string
  /** A failed stage condition, worded: `beforeEntry condition failed: rule NoOpenAlarms Failed — …`. */
  condition?: string
}

/**
 * Whether the end needs these reads: a stop, or a failure no failed action explains (a beforeEntry or onSuccess
 * condition's rule failed the stage).
 */
export function needsEndingReads(w: Watched): boolean {
  if (w.status === 'Stopped') return true
  return w.status === 'Failed' && !w.runs.some((r) => r.status === 'Failed')
}

export async function readEnding(f: Following, w: Watched): Promise<Ending> {
  const state = await readState(f)
  const ending: Ending = { stateRead: state !== undefined }
  const ours = (state ?? []).filter((s) => s.latestExecution?.pipelineExecutionId === w.executionId)
  if (w.status === 'Stopped') {
    ending.stage = ours.find((s) => s.latestExecution?.status === 'Stopped')?.stageName
    ending.stopReason = await readStopReason(f, w.executionId)
  } else {
    const failed = ours.find((s) => s.latestExecution?.status === 'Failed')
    ending.stage = failed?.stageName
    ending.condition = failed && failedCondition(failed)
  }
  return ending
}

const KINDS = [
  ['beforeEntry', 'beforeEntryConditionState'],
  ['onSuccess', 'onSuccessConditionState'],
  ['onFailure', 'onFailureConditionState'],
] as const

/** The failed condition of a stage and its failed rules, with what each saw (pure). */
export function failedCondition(stage: StageState): string | undefined {
  for (const [kind, key] of KINDS) {
    const state = stage[key]
    const conditionFailed = ['Failed', 'Errored'].includes(state?.latestExecution?.status ?? '')
    const rules = (state?.conditionStates ?? [])
      .flatMap((c) => c.ruleStates ?? [])
      .filter((r) => r.latestExecution?.status === 'Failed')
    if (!conditionFailed && rules.length === 0) continue
    const said = rules.map((r) => {
      const saw = r.latestExecution?.summary ?? r.latestExecution?.errorDetails?.message
      return `rule ${r.ruleName ?? '?'} ${r.latestExecution?.status}${saw ? ` — ${saw}` : ''}`
    })
    return `${kind} condition ${state?.latestExecution?.status ?? 'Failed'}${said.length ? `: ${said.join('; ')}` : ''}`
  }
  return undefined
}

/** The table as AWS ended it: the stage it stopped in is Stopped (a stop between stages leaves them as run). */
export function withEnding(stages: StageRow[], ending: Ending, status: string): StageRow[] {
  if (!ending.stateRead) return stages
  return stages.map((st) => {
    if (st.name === ending.stage) {
      const row = { ...st, status: status === 'Stopped' ? 'Stopped' : 'Failed' }
      if (ending.condition) row.error = ending.condition
      return row
    }
    // The stop was seen while this stage looked current; AWS says it stopped elsewhere.
    return status === 'Stopped' && st.status === 'Stopped' ? { ...st, status: 'Succeeded' } : st
  })
}

async function readState(f: Following): Promise<StageState[] | undefined> {
  const name = f.req.pipelineName
  try {
    const out = await f.reader.read(
      { service: 'codepipeline', operation: 'GetPipelineState' },
      (abortSignal) =>
        f.deps.aws.get(CodePipelineClient).send(new GetPipelineStateCommand({ name }), { abortSignal }),
      { attempts: 3, kind: 'explain' },
    )
    if (out.ok) return out.value.stageStates ?? []
  } catch (e) {
    f.notes.push(`The state of pipeline ${name} could not be read: ${describeError(e)}`)
  }
  return undefined
}

async function readStopReason(f: Following, executionId: string): Promise<string | undefined> {
  try {
    const out = await listExecutions(f.req.pipelineName, f.reader, f.deps, 1, undefined, 'explain')
    if (out.ok) return out.value.find((e) => e.id === executionId)?.stopReason
  } catch (e) {
    f.notes.push(`Why execution ${executionId} was stopped could not be read: ${describeError(e)}`)
  }
  return undefined
}
