// Follows one pipeline execution to its end and judges it: the shared core of `monitor` and of
// create-pipeline's `wait: true`. Reads the pipeline's shape and recent history (to predict when changes are
// due), watches the execution, explains a failure, follows a successor when superseded, stops it on cancel.
import { shortSha } from '../commits.js'
import {
  CodePipelineClient,
  GetPipelineCommand,
  ListActionExecutionsCommand,
  StopPipelineExecutionCommand,
  type PipelineExecution,
} from '@aws-sdk/client-codepipeline'
import type { FollowConfig, RunContext } from '../config/types.js'
import type { ModeDeps } from '../deps.js'
import type { ExecutionReport, MonitorDetails, StageRow, Verdict } from '../result.js'
import { commitRelation } from './commit-relation.js'
import { describeError } from '../aws-errors.js'
import { waitForNextLook } from '../backoff.js'
import { AFTER_CANCEL_MS } from '../cancel.js'
import { isTerminal } from '../facts/codepipeline.js'
import { isoTime, minutes } from '../format.js'
import { explainFailures } from './explain.js'
import { listExecutions, newestFirst, successorOf, type ExecutionSummary } from './history.js'
import { executionUrl } from './links.js'
import { usualDurations, type UsualDurations } from './predict.js'
import { latestRuns, NOT_STARTED, type ActionRun } from './progress.js'
import { ExecutionReader, type ReadOutcome } from './reader.js'
import { plannedGap, ReadBudgets } from './schedule.js'
import { shapeOf } from './shape.js'
import { decide, judgeSuccessor, type CommitRelation } from './verdict.js'
import { watchExecution, type WatchContext, type Watched } from './watch.js'

export interface FollowRequest {
  pipelineName: string
  executionId: string
  commitSha?: string
  follow: FollowConfig
  /** ms epoch (deps.now() based): give up at this time. */
  deadline: number
  /** Links, GitHub API URL. */
  run: RunContext
  /** For the compare API (on-superseded: follow). */
  githubToken?: string
  region: string
  /** The whole timeout, for the "timed out after N min" line (default: from now to the deadline). */
  timeoutMs?: number
}

export interface FollowOutcome {
  verdict: Verdict
  /** One sentence. */
  reason: string
  /** The execution that decided the verdict. */
  execution: ExecutionReport
  superseded?: MonitorDetails['superseded']
  timedOut: boolean
  cancelled: boolean
  /** Things worth a warning annotation (a failure detail that could not be read, heavy throttling). */
  notes?: string[]
  /** The requested execution does not exist: `execution` is only its id, with no status to report. */
  notFound?: boolean
  /** The follow ended because AWS could not be read (not because the execution failed): not verified. */
  unverified?: boolean
}

/** What the caller may already have: monitor has read the budget and the execution list to find the commit. */
export interface FollowPrelude {
  reader?: ExecutionReader
  /** Recent executions (any order). */
  executions?: ExecutionSummary[]
}

/** Superseded executions followed in a row before giving up (a busy branch). */
const MAX_SUCCESSORS = 10
/** Past successful executions read to learn each action's usual duration. */
const HISTORY_SAMPLES = 2

export async function followExecution(req: FollowRequest, deps: ModeDeps): Promise<FollowOutcome> {
  return followWithPrelude(req, deps, {})
}

export async function followWithPrelude(
  req: FollowRequest,
  deps: ModeDeps,
  prelude: FollowPrelude,
): Promise<FollowOutcome> {
  const timeoutMs = req.timeoutMs ?? Math.max(0, req.deadline - deps.now())
  const reader =
    prelude.reader ??
    new ExecutionReader(deps, new ReadBudgets(req.follow.pollIntervalMs, deps.now()), req.deadline)
  const notes: string[] = []
  // Declared before any read: timedOut() and cancelled() read it, and the first reads can already end there.
  let original: { report: ExecutionReport; commit?: string } | undefined
  const client = deps.aws.get(CodePipelineClient)
  const blank = (id: string, status = 'Unknown'): ExecutionReport => ({
    id,
    status,
    url: executionUrl(req.region, req.pipelineName, id),
    commit: req.commitSha,
    stages: [],
  })

  // The pipeline's shape (every stage and action for the table) and its recent history.
  const pipeline = await reader.read(
    { service: 'codepipeline', operation: 'GetPipeline' },
    (abortSignal) => client.send(new GetPipelineCommand({ name: req.pipelineName }), { abortSignal }),
    { kind: 'free' },
  )
  if (!pipeline.ok)
    return interrupted(pipeline.why, blank(req.executionId), `the pipeline ${req.pipelineName}`)
  const shape = shapeOf(pipeline.value.pipeline)
  let executions = prelude.executions
  if (!executions) {
    const listed = await listExecutions(req.pipelineName, reader, deps, 1, undefined, 'free')
    if (!listed.ok)
      return interrupted(listed.why, blank(req.executionId), `the executions of ${req.pipelineName}`)
    executions = listed.value
  }
  const usual = await learnDurations(req, deps, reader, executions)
  deps.log.info(
    `Following execution ${req.executionId} of ${req.pipelineName}${req.commitSha ? ` (commit ${shortSha(req.commitSha)})` : ''}: ` +
      `at most one AWS read per ${req.follow.pollIntervalMs / 1000}s on average` +
      (usual.size > 0 ? `, timed from ${usual.size} action durations of past runs.` : '.') +
      ' Lines start with [mm:ss], the time since the execution started.',
  )

  const ctx: WatchContext = {
    pipelineName: req.pipelineName,
    follow: req.follow,
    deadline: req.deadline,
    deps,
    reader,
    shape,
    usual,
  }

  let current: ExecutionSummary = executions.find((e) => e.id === req.executionId) ?? {
    id: req.executionId,
    status: 'Unknown',
    revisions: req.commitSha ? [req.commitSha] : [],
  }
  for (let hop = 0; ; hop++) {
    const watched = await deps.log.group(`Execution ${current.id}`, () =>
      watchExecution(ctx, current.id, { startedAt: current.startedAt }),
    )
    const report = await reportOf(watched, current)
    if (watched.end === 'cancelled') return cancelled(report)
    if (watched.end === 'deadline') return timedOut(report)
    if (watched.end === 'error' && watched.notFound && hop === 0) {
      // A wrong id (or one older than AWS keeps): a plain failure, not an execution with status "Unknown".
      return {
        ...done(
          'failure',
          `No execution ${current.id} in pipeline ${req.pipelineName}: check execution-id (executions are kept 12 months).`,
          report,
        ),
        notFound: true,
      }
    }
    if (watched.end === 'error') {
      // The execution's state could not be read (access denied, expired credentials…): not verified.
      return {
        ...done(
          'failure',
          `Stopped following execution ${report.id} of ${req.pipelineName} (last status ${report.status}): ${watched.error}`,
          report,
          original && { id: original.report.id, url: original.report.url, commit: original.commit },
        ),
        unverified: true,
      }
    }
    let decision = watched.decision!
    if (decision.kind === 'final' && watched.status === 'Superseded' && !original) {
      // on-superseded fail/succeed: name the execution that replaced it (one list read, nice to have).
      const by = await supersededBy(current, report)
      const again = by && decide({ ...watched.facts, supersededBy: by }, req.follow.onSuperseded)
      if (again && again.kind === 'final') decision = again
    }
    if (decision.kind === 'final') {
      if (!original) return done(decision.verdict, decision.reason, report)
      const relation: CommitRelation =
        decision.verdict === 'success'
          ? await commitRelation({
              commit: original.commit,
              successorCommit: report.commit,
              repository: shape.sourceRepository ?? req.run.repository,
              token: req.githubToken,
              run: req.run,
              signal: deps.signal,
            })
          : { kind: 'unverified', why: 'not compared: the newer execution did not succeed' }
      const judged = judgeSuccessor({
        originalId: original.report.id,
        successorId: report.id,
        successor: decision,
        commit: original.commit,
        successorCommit: report.commit,
        relation,
      })
      return done(judged.verdict, judged.reason, report, {
        id: original.report.id,
        url: original.report.url,
        commit: original.commit,
        successorCommitRelation:
          relation.kind === 'unverified' ? `unverified: ${relation.why}` : relation.how,
      })
    }

    // Superseded, on-superseded: follow — judge by the execution that replaced it.
    if (!original) original = { report, commit: req.commitSha ?? report.commit }
    if (hop >= MAX_SUCCESSORS) {
      return done(
        'failure',
        `Execution ${original.report.id} was superseded ${hop + 1} times in a row; gave up following at ${current.id}.`,
        report,
        { id: original.report.id, url: original.report.url, commit: original.commit },
      )
    }
    const successor = await findSuccessor(current, report)
    if (!successor.ok) {
      if (successor.why === 'cancelled') return cancelled(report)
      return timedOut(report)
    }
    deps.log.info(
      `Execution ${current.id} was superseded by ${successor.value.id}` +
        `${successor.value.revisions[0] ? ` (revision ${shortSha(successor.value.revisions[0])})` : ''}; following it.`,
    )
    current = successor.value
  }

  function done(
    verdict: Verdict,
    reason: string,
    execution: ExecutionReport,
    superseded?: MonitorDetails['superseded'],
  ): FollowOutcome {
    return { verdict, reason, execution, superseded, timedOut: false, cancelled: false, notes: withStats() }
  }

  function withStats(): string[] {
    const { calls, throttled, transient } = reader.stats
    if (throttled + transient > 0) {
      deps.log.info(
        `AWS reads: ${calls}, of which ${throttled} throttled and ${transient} failed transiently (waited out).`,
      )
    }
    return notes
  }

  /** `unread`: what could not be read before the deadline (default: the execution, when no status was read). */
  function timedOut(execution: ExecutionReport, unread?: string): FollowOutcome {
    const where = execution.failedStage ?? runningStage(execution.stages)
    const unreadable = notRead(execution, unread)
    return {
      verdict: 'failure',
      reason:
        `Timed out after ${minutes(timeoutMs)} following execution ${execution.id} of ${req.pipelineName}; ` +
        `last status ${execution.status}${where ? ` (stage ${where})` : ''}${unreadable}.`,
      execution,
      superseded: original && {
        id: original.report.id,
        url: original.report.url,
        commit: original.commit,
      },
      timedOut: true,
      cancelled: false,
      notes: withStats(),
      // Timed out because AWS's answers ran out, not while watching a slow execution: not verified.
      unverified: unreadable !== '' || undefined,
    }
  }

  async function cancelled(execution: ExecutionReport): Promise<FollowOutcome> {
    let what = 'it keeps running (stop-on-cancel is false)'
    if (req.follow.stopOnCancel && !isTerminal(execution.status)) {
      try {
        // deps.signal is already aborted: the stop gets its own short deadline.
        await client.send(
          new StopPipelineExecutionCommand({
            pipelineName: req.pipelineName,
            pipelineExecutionId: execution.id,
            reason: 'The GitHub workflow run following this execution was cancelled.',
          }),
          { abortSignal: AbortSignal.timeout(AFTER_CANCEL_MS) },
        )
        what = 'it was asked to stop (StopPipelineExecution)'
        execution = { ...execution, status: 'Stopping' }
      } catch (e) {
        what = `stopping it failed: ${describeError(e)}`
        notes.push(`Could not stop execution ${execution.id}: ${describeError(e)}`)
      }
    }
    const where = runningStage(execution.stages)
    return {
      verdict: 'failure',
      reason: `Cancelled while following execution ${execution.id} of ${req.pipelineName} (last status ${execution.status}${where ? `, stage ${where}` : ''}); ${what}.`,
      execution,
      superseded: original && { id: original.report.id, url: original.report.url, commit: original.commit },
      timedOut: false,
      cancelled: true,
      notes: withStats(),
    }
  }

  function interrupted(
    why: 'cancelled' | 'deadline',
    execution: ExecutionReport,
    unread: string,
  ): Promise<FollowOutcome> | FollowOutcome {
    return why === 'cancelled' ? cancelled(execution) : timedOut(execution, unread)
  }

  /** `: <what> could not be read (<the last failure>)` when AWS's answers ran out, so its state is unverified. */
  function notRead(execution: ExecutionReport, unread?: string): string {
    const failure = reader.lastFailure
    if (!failure) return ''
    const what = unread ?? (execution.status === 'Unknown' ? `execution ${execution.id}` : undefined)
    if (!what) return ''
    return `: ${what} could not be read (last attempt: ${failure})`
  }

  /** The execution report, with failure explanations for failed actions and a failure line that uses them. */
  async function reportOf(w: Watched, summary: ExecutionSummary): Promise<ExecutionReport> {
    const report: ExecutionReport = {
      ...blank(w.executionId, w.status),
      commit:
        commitOfExecution(w.execution) ?? summary.revisions[0] ?? (original ? undefined : req.commitSha),
      version: w.execution?.variables?.find((v) => v.name === 'VERSION')?.resolvedValue,
      startedAt: isoTime(summary.startedAt ?? firstStart(w.stages)),
      stages: w.stages,
      failedStage: w.facts.failedStage,
      failedAction: w.facts.failedAction,
    }
    if (isTerminal(w.status)) {
      report.endedAt = lastEnd(w.stages) ?? isoTime(deps.now())
    }
    if (w.end !== 'decided' || !w.runs.some((r) => r.status === 'Failed')) return report
    const { explanations, notes: more } = await explainFailures(w.runs, reader, deps, req.region)
    notes.push(...more)
    for (const [run, ex] of explanations) {
      const row = rowOf(w.stages, run)
      if (!row) continue
      if (ex.error) row.error = ex.error
      if (ex.logUrl) row.logUrl = ex.logUrl
      if (ex.logTail?.length) row.logTail = ex.logTail
      if (ex.url && !row.url) row.url = ex.url
    }
    const failed = w.runs.find((r) => r.stage === w.facts.failedStage && r.action === w.facts.failedAction)
    const ex = failed && explanations.get(failed)
    if (ex?.error && w.decision?.kind === 'final') {
      const failure = ex.logUrl ? `${ex.error} (log: ${ex.logUrl})` : ex.error
      const again = decide({ ...w.facts, failure }, req.follow.onSuperseded)
      if (again.kind === 'final') w.decision = again
    }
    return report
  }

  /** The execution that superseded `of`, from one read of the newest executions; undefined if not found. */
  async function supersededBy(
    of: ExecutionSummary,
    report: ExecutionReport,
  ): Promise<{ id: string; revision?: string } | undefined> {
    try {
      const listed = await listExecutions(req.pipelineName, reader, deps, 1, undefined, 'free')
      if (!listed.ok) return undefined
      const self = listed.value.find((e) => e.id === of.id) ?? {
        ...of,
        updatedAt: Date.parse(report.endedAt ?? ''),
      }
      const successor = successorOf(self, listed.value)
      return successor && { id: successor.id, revision: successor.revisions[0] }
    } catch (e) {
      deps.log.debug(`The superseding execution was not read: ${describeError(e)}`)
      return undefined
    }
  }

  async function findSuccessor(
    of: ExecutionSummary,
    report: ExecutionReport,
  ): Promise<ReadOutcome<ExecutionSummary>> {
    for (;;) {
      const listed = await listExecutions(req.pipelineName, reader, deps, 1)
      if (!listed.ok) return listed
      const self = listed.value.find((e) => e.id === of.id) ?? {
        ...of,
        updatedAt: Date.parse(report.endedAt ?? ''),
      }
      const successor = successorOf(self, listed.value)
      if (successor) return { ok: true, value: successor }
      const now = deps.now()
      const gap = plannedGap(
        { now, intervalMs: req.follow.pollIntervalMs, lastChangeAt: now },
        reader.budgets,
        'progress',
      )
      const ended = await waitForNextLook(deps, gap, req.deadline)
      if (ended) return { ok: false, why: ended }
    }
  }
}

/** Each action's usual duration, from the newest successful executions before this one. Nice to have. */
async function learnDurations(
  req: FollowRequest,
  deps: ModeDeps,
  reader: ExecutionReader,
  executions: ExecutionSummary[],
): Promise<UsualDurations> {
  const self = executions.find((e) => e.id === req.executionId)
  const past = newestFirst(executions)
    .filter((e) => e.id !== req.executionId && e.status === 'Succeeded')
    .filter((e) => !self?.startedAt || (e.startedAt ?? 0) < self.startedAt)
    .slice(0, HISTORY_SAMPLES)
  const client = deps.aws.get(CodePipelineClient)
  const history: ActionRun[][] = []
  for (const e of past) {
    try {
      const out = await reader.read(
        { service: 'codepipeline', operation: 'ListActionExecutions' },
        (abortSignal) =>
          client.send(
            new ListActionExecutionsCommand({
              pipelineName: req.pipelineName,
              filter: { pipelineExecutionId: e.id },
              maxResults: 100,
            }),
            { abortSignal },
          ),
        { attempts: 2, kind: 'free' },
      )
      if (out.ok) history.push(latestRuns(out.value.actionExecutionDetails ?? []))
    } catch (err) {
      deps.log.debug(`Past execution ${e.id} not read: ${describeError(err)}`)
    }
  }
  return usualDurations(history)
}

function commitOfExecution(execution: PipelineExecution | undefined): string | undefined {
  return execution?.artifactRevisions?.find((r) => r.revisionId)?.revisionId
}

function rowOf(stages: StageRow[], run: ActionRun) {
  return stages.find((s) => s.name === run.stage)?.actions.find((a) => a.name === run.action)
}

function runningStage(stages: StageRow[]): string | undefined {
  const stage = [...stages].reverse().find((s) => s.status !== NOT_STARTED && s.status !== 'Succeeded')
  if (!stage) return undefined
  const busy = stage.actions.filter((a) => a.status === 'InProgress').map((a) => a.name)
  return busy.length ? `${stage.name}, action ${busy.join(', ')} in progress` : stage.name
}

function firstStart(stages: StageRow[]): number | undefined {
  const t = stages.map((s) => s.startedAt).filter((x): x is string => !!x)
  return t.length ? Math.min(...t.map(Date.parse)) : undefined
}

function lastEnd(stages: StageRow[]): string | undefined {
  const t = stages.flatMap((s) => s.actions.map((a) => a.endedAt)).filter((x): x is string => !!x)
  return t.length ? t.sort()[t.length - 1] : undefined
}
