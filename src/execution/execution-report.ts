// What the result shows of a watched execution: its report (status, commit, version, times, the stage table),
// with the explanation of each failed action in its row, and the failure line refined with that explanation.
import type { PipelineExecution } from '@aws-sdk/client-codepipeline'
import { isTerminal } from '../facts/codepipeline.js'
import { isoTime } from '../format.js'
import type { ActionRow, ExecutionReport, StageRow } from '../result.js'
import { needsEndingReads, readEnding, withEnding } from './ending.js'
import { explainFailures, type Explanation } from './explain.js'
import { blankReport, type Following } from './follow-state.js'
import type { ExecutionSummary } from './history.js'
import { formatTransition, whereItEnded, type ActionRun } from './progress.js'
import { decide } from './verdict.js'
import type { Watched } from './watch.js'

export interface Reported {
  report: ExecutionReport
  /** The watch's decision; a failure verdict's reason names why the failed action failed, when that was read. */
  decision: Watched['decision']
}

export async function reportOf(f: Following, watched: Watched, summary: ExecutionSummary): Promise<Reported> {
  const w = watched.end === 'decided' && needsEndingReads(watched) ? await ended(f, watched) : watched
  const report = reportWithoutExplanations(f, w, summary)
  if (w.end !== 'decided' || !w.runs.some((r) => r.status === 'Failed'))
    return { report, decision: redecided(f, w) }
  const failure = await explainInRows(f, w)
  return { report, decision: withFailure(f, w, failure) }
}

/** The watch as AWS says it ended: the stage it stopped or failed in, the stop's reason, a failed condition. */
async function ended(f: Following, w: Watched): Promise<Watched> {
  const ending = await readEnding(f, w)
  const stages = withEnding(w.stages, ending, w.status)
  // No action failed, so the watch's log has not told it: the stage and the rule that failed it.
  if (ending.stage && ending.condition) {
    const failed = { stage: ending.stage, status: 'Failed', error: ending.condition }
    f.deps.log.info(formatTransition(failed, f.deps.now() - w.origin))
  }
  const at = ending.stage ? whereItEnded(stages) : undefined
  const facts = {
    ...w.facts,
    failedStage: at?.stage ?? w.facts.failedStage,
    failedAction: at ? at.action : w.facts.failedAction,
    stopReason: ending.stopReason,
    failure: ending.condition ?? w.facts.failure,
  }
  return { ...w, stages, facts }
}

/** The decision from the facts as they now stand (a stop's reason, a failed condition). */
function redecided(f: Following, w: Watched): Watched['decision'] {
  if (w.decision?.kind !== 'final') return w.decision
  const again = decide(w.facts, f.req.follow.onSuperseded)
  return again.kind === 'final' ? again : w.decision
}

function reportWithoutExplanations(f: Following, w: Watched, summary: ExecutionSummary): ExecutionReport {
  const report: ExecutionReport = {
    ...blankReport(f, w.executionId, w.status),
    commit:
      commitOfExecution(w.execution) ?? summary.revisions[0] ?? (f.original ? undefined : f.req.commitSha),
    version: w.execution?.variables?.find((v) => v.name === 'VERSION')?.resolvedValue,
    startedAt: isoTime(summary.startedAt ?? firstStart(w.stages)),
    stages: w.stages,
    failedStage: w.facts.failedStage,
    failedAction: w.facts.failedAction,
  }
  if (isTerminal(w.status)) {
    report.endedAt = lastEnd(w.stages) ?? isoTime(f.deps.now())
  }
  return report
}

/** Explains the failed actions into their rows of the table; returns the explanation of the one that failed it. */
async function explainInRows(f: Following, w: Watched): Promise<Explanation | undefined> {
  const { explanations, notes } = await explainFailures(w.runs, f.reader, f.deps, f.req.region)
  f.notes.push(...notes)
  for (const [run, ex] of explanations) {
    const row = rowOf(w.stages, run)
    if (row) explainRow(row, ex)
  }
  const failed = w.runs.find((r) => r.stage === w.facts.failedStage && r.action === w.facts.failedAction)
  return failed && explanations.get(failed)
}

/**
 * An action's row with its explanation: the error, the log and its tail, and the action's page, which the row
 * keeps only when it is not the log itself (CodeBuild's page can be): every report then links each once.
 */
export function explainRow(row: ActionRow, ex: Explanation): void {
  if (ex.error) row.error = ex.error
  if (ex.logUrl) row.logUrl = ex.logUrl
  if (ex.logTail?.length) row.logTail = ex.logTail
  if (ex.url && !row.url) row.url = ex.url
  if (row.url && row.url === row.logUrl) delete row.url
}

/** The decision again, with the failed action's error (and log link) in its reason. */
function withFailure(f: Following, w: Watched, ex: Explanation | undefined): Watched['decision'] {
  if (!ex?.error || w.decision?.kind !== 'final') return w.decision
  const failure = ex.logUrl ? `${ex.error} (log: ${ex.logUrl})` : ex.error
  const again = decide({ ...w.facts, failure }, f.req.follow.onSuperseded)
  return again.kind === 'final' ? again : w.decision
}

function commitOfExecution(execution: PipelineExecution | undefined): string | undefined {
  return execution?.artifactRevisions?.find((r) => r.revisionId)?.revisionId
}

function rowOf(stages: StageRow[], run: ActionRun) {
  return stages.find((s) => s.name === run.stage)?.actions.find((a) => a.name === run.action)
}

function firstStart(stages: StageRow[]): number | undefined {
  const t = stages.map((s) => s.startedAt).filter((x): x is string => !!x)
  return t.length ? Math.min(...t.map(Date.parse)) : undefined
}

function lastEnd(stages: StageRow[]): string | undefined {
  const t = stages.flatMap((s) => s.actions.map((a) => a.endedAt)).filter((x): x is string => !!x)
  return t.length ? t.sort()[t.length - 1] : undefined
}
