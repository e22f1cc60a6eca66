// What a watch knows between two looks, and the few ways it changes: a status seen, progress read, the facts a
// verdict is decided from. Each look of watch.ts reads the state and changes it through these functions.
import type { ActionExecutionDetail } from '@aws-sdk/client-codepipeline'
import { describeError, errorCode } from '../aws-errors.js'
import { isActionEnded, isTerminal } from '../facts/codepipeline.js'
import type { StageRow } from '../result.js'
import { pendingApproval, waitingLine } from './approval.js'
import { pipelineUrl } from './links.js'
import {
  NOT_STARTED,
  buildStages,
  formatElapsed,
  formatTransition,
  latestRuns,
  transitions,
  whereItEnded,
} from './progress.js'
import type { ExecutionRead } from './reads.js'
import type { ReadKind } from './schedule.js'
import type { StatusFacts } from './verdict.js'
import type { WatchContext, Watched } from './watch.js'

export interface WatchState {
  /** What was seen so far: the watch's result when it ends. */
  seen: Watched
  read: ExecutionRead
  /** When the execution started (when known): predictions count from it. */
  startedAt?: number
  progressFetched: boolean
  /** Progress looks since the last status look. */
  progressStreak: number
  nextKind: ReadKind
  /** Progress showed a failed action or every action done: the end is near. */
  endSuspected: boolean
  /** When the status was first seen Failed (a stage with onFailure RETRY may still be retried). */
  failedSeenAt?: number
  /** The last decision note said (said once, not on every look). */
  lastNote?: string
  /** The stage table as the log has told it (a stage's end waits for the status: stopped, or done?). */
  logged: StageRow[]
}

/** How long a failed stage with onFailure RETRY may stay Failed before the failure is taken as final. */
const retryGraceMs = (intervalMs: number): number => Math.max(120_000, 3 * intervalMs)

/** `listed`: what the listing of executions said (the status stays empty when it was not listed). */
export function startWatch(
  ctx: WatchContext,
  executionId: string,
  listed: { startedAt?: number; status?: string },
): WatchState {
  const { deps, reader, pipelineName } = ctx
  const { startedAt, status = '' } = listed
  return {
    seen: {
      executionId,
      origin: startedAt ?? deps.now(),
      status,
      runs: [],
      stages: buildStages(ctx.shape, []),
      facts: { executionId, pipelineName, status },
      end: 'deadline',
    },
    read: { deps, reader, pipelineName, executionId },
    startedAt,
    progressFetched: false,
    progressStreak: 0,
    nextKind: 'progress',
    endSuspected: false,
    logged: buildStages(ctx.shape, []),
  }
}

/** One log line, on the execution's [mm:ss] clock. */
export function say(ctx: WatchContext, s: WatchState, line: string): void {
  ctx.deps.log.info(`${formatElapsed(ctx.deps.now() - s.seen.origin)} ${line}`)
}

/** Records the execution's status; a change is logged once. */
export function noteStatus(ctx: WatchContext, s: WatchState, status: string): void {
  if (status === s.seen.status) return
  say(ctx, s, `Execution ${s.seen.executionId}: ${status}`)
  s.seen.status = status
  if (status === 'Failed') s.failedSeenAt = ctx.deps.now()
}

/**
 * Records the progress read and logs each transition. `statusKnown`: the status was read with it, so a stage
 * whose actions are all done can be told as Succeeded or Stopped.
 */
export function applyProgress(
  ctx: WatchContext,
  s: WatchState,
  details: ActionExecutionDetail[],
  statusKnown = false,
): void {
  s.progressFetched = true
  s.seen.runs = latestRuns(details, ctx.shape)
  s.seen.stages = withStop(buildStages(ctx.shape, s.seen.runs), s.seen.status)
  logTransitions(ctx, s, statusKnown)
}

/** A status was read: the table again in its light (a stopped stage), and the stage ends held back until now. */
export function relogWithStatus(ctx: WatchContext, s: WatchState): void {
  if (!s.progressFetched) return
  s.seen.stages = withStop(buildStages(ctx.shape, s.seen.runs), s.seen.status)
  logTransitions(ctx, s, true)
}

/**
 * Logs what changed since the log last told the table. A stage whose actions all succeeded, with no later stage
 * started, is told only once a status confirms it: a stopped execution ends its stage Stopped, not Succeeded.
 */
function logTransitions(ctx: WatchContext, s: WatchState, statusKnown: boolean): void {
  const held = new Set<string>()
  for (const t of transitions(s.logged, s.seen.stages)) {
    if (!statusKnown && !t.action && t.status === 'Succeeded' && isFrontier(s.seen.stages, t.stage)) {
      held.add(t.stage)
      continue
    }
    ctx.deps.log.info(formatTransition(t, ctx.deps.now() - s.seen.origin))
  }
  s.logged = s.seen.stages.map((st) => {
    const before = s.logged.find((x) => x.name === st.name)
    return held.has(st.name) && before ? { ...st, status: before.status } : st
  })
}

/** No stage after this one has started. */
function isFrontier(stages: StageRow[], name: string): boolean {
  const i = stages.findIndex((st) => st.name === name)
  return stages.slice(i + 1).every((st) => st.status === NOT_STARTED)
}

/**
 * While the execution is Stopping or Stopped, the stage it was in (the last one started, unless it failed) has
 * that status: AWS stops a stage even when its running actions finish successfully (stop and wait).
 */
export function withStop(stages: StageRow[], status: string): StageRow[] {
  if (status !== 'Stopping' && status !== 'Stopped') return stages
  const last = [...stages].reverse().find((st) => st.status !== NOT_STARTED)
  if (!last || last.status === 'Failed') return stages
  return stages.map((st) => (st === last ? { ...st, status } : st))
}

/** Each round while a manual approval waits: say which, for how long, and where a person answers it. */
export function noteApproval(ctx: WatchContext, s: WatchState): void {
  const now = ctx.deps.now()
  const url = pipelineUrl(ctx.region, ctx.pipelineName)
  s.seen.approval = pendingApproval(s.seen.runs, now, url)
  if (s.seen.approval) say(ctx, s, waitingLine(s.seen.approval, now))
}

/**
 * A failed action with nothing left running (AWS lets the stage's running actions finish first), or every action
 * of the last stage done: the status will say what it means.
 */
export function endLooksNear(seen: Watched): boolean {
  const lastStage = seen.stages[seen.stages.length - 1]
  const allDone = !!lastStage && lastStage.actions.every((a) => isActionEnded(a.status))
  const failed = seen.runs.some((r) => r.status === 'Failed' || r.status === 'Abandoned')
  return (failed && !seen.runs.some((r) => r.status === 'InProgress')) || allDone
}

/** Progress was read and nothing runs: between stages (waiting, superseded, stopped) or not started yet. */
export function isIdle(seen: Watched): boolean {
  return !seen.runs.some((r) => r.status === 'InProgress') && !endLooksNear(seen)
}

/** The facts a verdict is decided from, as seen now. */
export function factsNow(ctx: WatchContext, s: WatchState): StatusFacts {
  const { seen, read } = s
  const at = whereItEnded(seen.stages)
  const ended = isTerminal(seen.status) && seen.status !== 'Succeeded'
  return {
    executionId: read.executionId,
    pipelineName: ctx.pipelineName,
    status: seen.status,
    failedStage: ended ? at.stage : undefined,
    failedAction: ended ? at.action : undefined,
    autoRetryPending: autoRetryPending(ctx, s, at),
  }
}

/** A stage with onFailure RETRY failed for the first time, recently: AWS will run it again. */
function autoRetryPending(
  ctx: WatchContext,
  s: WatchState,
  at: { stage?: string; action?: string },
): boolean {
  const { seen } = s
  const failedRun = seen.runs.find((r) => r.stage === at.stage && r.action === at.action)
  const stage = ctx.shape.stages.find((st) => st.name === at.stage)
  if (seen.status !== 'Failed' || !stage?.autoRetry || (failedRun?.attempts ?? 1) >= 2) return false
  const now = ctx.deps.now()
  return now - (s.failedSeenAt ?? now) < retryGraceMs(ctx.follow.pollIntervalMs)
}

/** The watch ends without a verdict; what was seen stays in the result. */
export function endAs(ctx: WatchContext, s: WatchState, end: 'deadline' | 'cancelled'): Watched {
  return { ...s.seen, facts: factsNow(ctx, s), end }
}

/** AWS answered with an error that waiting cannot fix (access denied, expired credentials, no such execution). */
export function endWithError(ctx: WatchContext, s: WatchState, e: unknown): Watched {
  const notFound = errorCode(e) === 'PipelineExecutionNotFoundException' || undefined
  return { ...s.seen, facts: factsNow(ctx, s), end: 'error', error: describeError(e), notFound }
}
