// Watches one execution until its verdict is decided, the deadline passes or the run is cancelled. Each look
// is one read: GetPipelineExecution (the status: cheap, and the only source of Superseded/Stopped) or
// ListActionExecutions filtered by the execution (progress: exact in every execution mode, unlike
// GetPipelineState). The planner picks which and when; see schedule.ts.
import {
  CodePipelineClient,
  GetPipelineExecutionCommand,
  ListActionExecutionsCommand,
  type ActionExecutionDetail,
  type PipelineExecution,
} from '@aws-sdk/client-codepipeline'
import type { FollowConfig } from '../config/types.js'
import type { ModeDeps } from '../deps.js'
import type { StageRow } from '../result.js'
import { nextExpectation, type Expectation, type UsualDurations } from './predict.js'
import {
  buildStages,
  formatElapsed,
  formatTransition,
  latestRuns,
  transitions,
  whereItEnded,
  type ActionRun,
  type PipelineShape,
} from './progress.js'
import { describeError, errorCode } from '../aws-errors.js'
import { waitForNextLook } from '../backoff.js'
import { isActionEnded, isTerminal } from '../facts/codepipeline.js'
import type { ExecutionReader, ReadOutcome } from './reader.js'
import { desiredGap, type ReadKind } from './schedule.js'
import { decide, type Decision, type StatusFacts } from './verdict.js'

export interface WatchContext {
  pipelineName: string
  follow: FollowConfig
  deadline: number
  deps: ModeDeps
  reader: ExecutionReader
  shape: PipelineShape
  usual: UsualDurations
}

export interface Watched {
  executionId: string
  /** Last status seen ('Unknown' when none was read). */
  status: string
  execution?: PipelineExecution
  runs: ActionRun[]
  stages: StageRow[]
  facts: StatusFacts
  /** Set when end is 'decided': a final verdict, or follow the successor. */
  decision?: Exclude<Decision, { kind: 'wait' }>
  /** 'error': AWS answered with an error that waiting cannot fix (access denied, expired credentials…). */
  end: 'decided' | 'deadline' | 'cancelled' | 'error'
  error?: string
  /** With end 'error': AWS has no such execution (PipelineExecutionNotFoundException). */
  notFound?: boolean
}

/** How long a failed stage with onFailure RETRY may stay Failed before the failure is taken as final. */
const retryGraceMs = (intervalMs: number): number => Math.max(120_000, 3 * intervalMs)

/** Which read the next look makes (pure). Either read sees the end; only the status sees Superseded/Stopped. */
export function chooseLook(s: {
  now: number
  next?: Expectation
  progressFetched: boolean
  /** Progress looks since the last status look. */
  progressStreak: number
  statusAffordable: boolean
  progressAffordable: boolean
}): ReadKind {
  if (!s.progressFetched) return 'progress'
  if (s.progressStreak >= 2) return 'status'
  const due = s.next && s.now >= s.next.at - s.next.spreadMs
  // The end is due: the status says it (progress when the status budget is spent).
  if (due && s.next!.terminal) return s.statusAffordable || !s.progressAffordable ? 'status' : 'progress'
  // An action's end is due: progress shows it, and refines the prediction of the rest.
  if (due) return s.progressAffordable ? 'progress' : 'status'
  // Steady looks alternate, so both budgets are spent evenly.
  const preferred: ReadKind = s.progressStreak === 0 ? 'progress' : 'status'
  const other: ReadKind = preferred === 'status' ? 'progress' : 'status'
  return (preferred === 'status' ? s.statusAffordable : s.progressAffordable) ? preferred : other
}

export async function watchExecution(
  ctx: WatchContext,
  executionId: string,
  opts: { startedAt?: number } = {},
): Promise<Watched> {
  const { deps, reader, shape } = ctx
  const client = deps.aws.get(CodePipelineClient)
  const intervalMs = ctx.follow.pollIntervalMs
  const origin = opts.startedAt ?? deps.now()
  const w: Watched = {
    executionId,
    status: 'Unknown',
    runs: [],
    stages: buildStages(shape, []),
    facts: { executionId, pipelineName: ctx.pipelineName, status: 'Unknown' },
    end: 'deadline',
  }
  let progressFetched = false
  let progressStreak = 0
  let nextKind: ReadKind = 'status'
  let endSuspected = false
  let lastChangeAt = deps.now()
  let failedSeenAt: number | undefined
  let lastNote: string | undefined

  const say = (line: string) => deps.log.info(line)
  const elapsed = () => deps.now() - origin

  const readProgress = async (final = false): Promise<ReadOutcome<ActionExecutionDetail[]>> => {
    const details: ActionExecutionDetail[] = []
    let nextToken: string | undefined
    do {
      const out = await reader.read(
        { service: 'codepipeline', operation: 'ListActionExecutions' },
        (abortSignal) =>
          client.send(
            new ListActionExecutionsCommand({
              pipelineName: ctx.pipelineName,
              filter: { pipelineExecutionId: executionId },
              maxResults: 100,
              nextToken,
            }),
            { abortSignal },
          ),
        { final },
      )
      if (!out.ok) return out
      details.push(...(out.value.actionExecutionDetails ?? []))
      nextToken = out.value.nextToken
    } while (nextToken)
    return { ok: true, value: details }
  }

  /** Records the execution's status; a change is logged once and restarts the quiet-stretch clock. */
  const noteStatus = (status: string): void => {
    if (status === w.status) return
    say(`${formatElapsed(elapsed())} Execution ${executionId}: ${status}`)
    w.status = status
    lastChangeAt = deps.now()
    if (status === 'Failed') failedSeenAt = deps.now()
  }

  const applyProgress = (details: ActionExecutionDetail[]): boolean => {
    progressFetched = true
    w.runs = latestRuns(details)
    const stages = buildStages(shape, w.runs)
    const changes = transitions(w.stages, stages)
    for (const t of changes) say(formatTransition(t, elapsed()))
    w.stages = stages
    return changes.length > 0
  }

  const factsNow = (): StatusFacts => {
    const at = whereItEnded(w.stages)
    const failedRun = w.runs.find((r) => r.stage === at.stage && r.action === at.action)
    const stage = shape.stages.find((s) => s.name === at.stage)
    const retryPending =
      w.status === 'Failed' &&
      !!stage?.autoRetry &&
      (failedRun?.attempts ?? 1) < 2 &&
      deps.now() - (failedSeenAt ?? deps.now()) < retryGraceMs(intervalMs)
    return {
      executionId,
      pipelineName: ctx.pipelineName,
      status: w.status,
      failedStage: isTerminal(w.status) && w.status !== 'Succeeded' ? at.stage : undefined,
      failedAction: isTerminal(w.status) && w.status !== 'Succeeded' ? at.action : undefined,
      autoRetryPending: retryPending,
    }
  }

  const readStatus = (final = false) =>
    reader.read(
      { service: 'codepipeline', operation: 'GetPipelineExecution' },
      (abortSignal) =>
        client.send(
          new GetPipelineExecutionCommand({
            pipelineName: ctx.pipelineName,
            pipelineExecutionId: executionId,
          }),
          { abortSignal },
        ),
      { kind: 'status', final },
    )

  /**
   * At the deadline: one last look, so a run that ended during the last wait is judged, not timed out.
   * When the progress read fails there, the status alone decides (the table may then lag a little).
   */
  const lastLook = async (): Promise<Watched> => {
    const out = await readStatus(true)
    if (out.ok && out.value.pipelineExecution) {
      w.execution = out.value.pipelineExecution
      const status = w.execution.status ?? w.status
      noteStatus(status)
      if (isTerminal(status)) {
        const progress = await readProgress(true)
        if (progress.ok) applyProgress(progress.value)
        w.facts = factsNow()
        const decision = decide(w.facts, ctx.follow.onSuperseded)
        if (decision.kind !== 'wait') return { ...w, decision, end: 'decided' }
      }
    }
    return { ...w, facts: factsNow(), end: 'deadline' }
  }

  // What was seen so far stays in the report when AWS stops answering mid-watch.
  try {
    return await loop()
  } catch (e) {
    const notFound = errorCode(e) === 'PipelineExecutionNotFoundException' || undefined
    return { ...w, facts: factsNow(), end: 'error', error: describeError(e), notFound }
  }

  async function loop(): Promise<Watched> {
    for (;;) {
      let confirm = false
      if (nextKind === 'status') {
        const out = await readStatus()
        if (!out.ok) return out.why === 'deadline' ? lastLook() : { ...w, facts: factsNow(), end: out.why }
        progressStreak = 0
        w.execution = out.value.pipelineExecution
        const status = w.execution?.status ?? 'Unknown'
        noteStatus(status)
        if (isTerminal(status)) {
          // The end: one more progress read, so the table and the failure point are exact.
          const progress = await readProgress()
          if (!progress.ok && progress.why === 'cancelled')
            return { ...w, facts: factsNow(), end: 'cancelled' }
          // A terminal status is known: a progress read lost to throttling at the deadline must not turn
          // a verified verdict into a timeout — decide from what is known.
          if (progress.ok) applyProgress(progress.value)
          w.facts = factsNow()
          const decision = decide(w.facts, ctx.follow.onSuperseded)
          if (decision.kind !== 'wait') return { ...w, decision, end: 'decided' }
          if (decision.note && decision.note !== lastNote) say(`${formatElapsed(elapsed())} ${decision.note}`)
          lastNote = decision.note
        }
      } else {
        const out = await readProgress()
        if (!out.ok) return out.why === 'deadline' ? lastLook() : { ...w, facts: factsNow(), end: out.why }
        progressStreak++
        if (applyProgress(out.value)) lastChangeAt = deps.now()
        // A failed action, or every action done: the status will say what it means — look now.
        const lastStage = w.stages[w.stages.length - 1]
        const allDone = !!lastStage && lastStage.actions.every((a) => isActionEnded(a.status))
        const wasSuspected = endSuspected
        endSuspected = w.runs.some((r) => r.status === 'Failed' || r.status === 'Abandoned') || allDone
        // The first sign of the end: ask the status at once (later signs wait for the dense looks below).
        confirm = endSuspected && !wasSuspected
      }

      // Plan the next look: when (the planner), which read (the state and the budgets), then the budget's wait.
      const at = deps.now()
      const expectation: Expectation | undefined = endSuspected
        ? { at, spreadMs: intervalMs, terminal: true, stage: '', action: '' }
        : nextExpectation(shape, w.runs, ctx.usual, at, opts.startedAt).next
      let gap = 0
      if (confirm) nextKind = 'status'
      else {
        const want = desiredGap({ now: at, intervalMs, next: expectation, lastChangeAt })
        const t = at + want
        nextKind = chooseLook({
          now: t,
          next: expectation,
          progressFetched,
          progressStreak,
          statusAffordable: reader.budgets.affordable('status', t),
          progressAffordable: reader.budgets.affordable('progress', t),
        })
        gap = want + reader.budgets.waitFor(nextKind, t)
      }
      const ended = await waitForNextLook(deps, gap, ctx.deadline)
      if (ended === 'cancelled') return { ...w, facts: factsNow(), end: 'cancelled' }
      if (ended === 'deadline') return lastLook()
    }
  }
}
