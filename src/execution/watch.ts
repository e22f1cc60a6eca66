// Watches one execution until its verdict is decided, the deadline passes or the run is cancelled. Each look
// is one read (reads.ts): the status or the progress. The planner picks which and when; see schedule.ts.
import type { PipelineExecution } from '@aws-sdk/client-codepipeline'
import { waitForNextLook } from '../backoff.js'
import type { FollowConfig } from '../config/types.js'
import type { ModeDeps } from '../deps.js'
import { isTerminal } from '../facts/codepipeline.js'
import type { StageRow } from '../result.js'
import { nextExpectation, type Expectation, type UsualDurations } from './predict.js'
import type { PendingApproval } from './approval.js'
import type { ActionRun, PipelineShape } from './progress.js'
import type { ExecutionReader } from './reader.js'
import { readProgress, readStatus } from './reads.js'
import { plannedGap, type ReadKind } from './schedule.js'
import { decide, type Decision, type StatusFacts } from './verdict.js'
import {
  applyProgress,
  endAs,
  endLooksNear,
  isIdle,
  endWithError,
  factsNow,
  noteApproval,
  noteStatus,
  relogWithStatus,
  say,
  startWatch,
  type WatchState,
} from './watch-state.js'

export interface WatchContext {
  pipelineName: string
  follow: FollowConfig
  deadline: number
  deps: ModeDeps
  reader: ExecutionReader
  shape: PipelineShape
  usual: UsualDurations
  /** For the console link of a pending approval. */
  region: string
}

export interface Watched {
  executionId: string
  /** The zero of the log's [mm:ss] clock: the execution's start, else when the watch began. */
  origin: number
  /** Last status seen (AWS's name; empty when none was read). */
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
  /** The manual approval the execution waited on when last seen. */
  approval?: PendingApproval
}

/** A look either ends the watch, or says whether the status must be asked at once. */
type Look = { ended: Watched } | { ended?: undefined; confirm: boolean }

/** A status look at least every this many looks: Stopping, Superseded and Cancelled show only in the status. */
const STATUS_EVERY = 6

/**
 * Which read the next look makes (pure). Progress (ListActionExecutions) is the usual look: it carries both the
 * progress and the first sign of the end (a failed action, the last stage done). The status answers what
 * progress cannot show: whether a sign of the end is the end, and what an idle execution (nothing running) is.
 */
export function chooseLook(s: {
  progressFetched: boolean
  /** Progress looks since the last status look. */
  progressStreak: number
  /** A failed action, or every action done. */
  endSuspected: boolean
  /** Nothing runs: waiting between stages (superseded? stopped?) or not started yet. */
  idle: boolean
}): ReadKind {
  if (!s.progressFetched) return 'progress'
  // A sign of the end or an idle run: the status says what it means, then progress what changed since.
  if (s.endSuspected || s.idle) return s.progressStreak > 0 ? 'status' : 'progress'
  return s.progressStreak >= STATUS_EVERY ? 'status' : 'progress'
}

export async function watchExecution(
  ctx: WatchContext,
  executionId: string,
  /** What the listing of executions said of it: when it started, its status then. */
  opts: { startedAt?: number; status?: string } = {},
): Promise<Watched> {
  const s = startWatch(ctx, executionId, opts)
  // What was seen so far stays in the report when AWS stops answering mid-watch.
  try {
    return await lookUntilTheEnd(ctx, s)
  } catch (e) {
    return endWithError(ctx, s, e)
  }
}

async function lookUntilTheEnd(ctx: WatchContext, s: WatchState): Promise<Watched> {
  for (;;) {
    const look = s.nextKind === 'status' ? await lookAtStatus(ctx, s) : await lookAtProgress(ctx, s)
    if (look.ended) return look.ended
    const next = planNextLook(ctx, s, look.confirm)
    s.nextKind = next.kind
    const ended = await waitForNextLook(ctx.deps, next.gap, ctx.deadline)
    if (ended === 'cancelled') return endAs(ctx, s, 'cancelled')
    if (ended === 'deadline') return lastLook(ctx, s)
  }
}

async function lookAtStatus(ctx: WatchContext, s: WatchState): Promise<Look> {
  const out = await readStatus(s.read)
  if (!out.ok) return { ended: await readFailed(ctx, s, out.why) }
  const progressJustRead = s.progressStreak > 0
  s.progressStreak = 0
  s.seen.execution = out.value.pipelineExecution
  const status = s.seen.execution?.status ?? ''
  noteStatus(ctx, s, status)
  relogWithStatus(ctx, s)
  if (!isTerminal(status)) {
    noteApproval(ctx, s)
    return { confirm: false }
  }
  // The end: the table and the failure point must be exact — read progress again unless the look just before
  // this one did (it showed the sign of the end that this status look confirms).
  if (!progressJustRead) {
    const progress = await readProgress(s.read)
    if (!progress.ok && progress.why === 'cancelled') return { ended: endAs(ctx, s, 'cancelled') }
    // A terminal status is known: a progress read lost to throttling at the deadline must not turn
    // a verified verdict into a timeout — decide from what is known.
    if (progress.ok) applyProgress(ctx, s, progress.value, true)
  }
  const decision = decideNow(ctx, s)
  if (decision.kind !== 'wait') return { ended: { ...s.seen, decision, end: 'decided' } }
  if (decision.note && decision.note !== s.lastNote) say(ctx, s, decision.note)
  s.lastNote = decision.note
  return { confirm: false }
}

async function lookAtProgress(ctx: WatchContext, s: WatchState): Promise<Look> {
  const out = await readProgress(s.read)
  if (!out.ok) return { ended: await readFailed(ctx, s, out.why) }
  s.progressStreak++
  applyProgress(ctx, s, out.value)
  noteApproval(ctx, s)
  // A failed action, or every action done: the status will say what it means — look now.
  const wasSuspected = s.endSuspected
  s.endSuspected = endLooksNear(s.seen)
  // The first sign of the end: ask the status at once (later signs wait for the dense looks below).
  return { confirm: s.endSuspected && !wasSuspected }
}

/** A read gave up: at the deadline one last look still judges a run that just ended; a cancel ends here. */
function readFailed(
  ctx: WatchContext,
  s: WatchState,
  why: 'cancelled' | 'deadline',
): Promise<Watched> | Watched {
  return why === 'deadline' ? lastLook(ctx, s) : endAs(ctx, s, why)
}

/**
 * At the deadline: one last look, so a run that ended during the last wait is judged, not timed out.
 * When the progress read fails there, the status alone decides (the table may then lag a little).
 */
async function lastLook(ctx: WatchContext, s: WatchState): Promise<Watched> {
  const out = await readStatus(s.read, true)
  if (out.ok && out.value.pipelineExecution) {
    s.seen.execution = out.value.pipelineExecution
    const status = s.seen.execution.status ?? s.seen.status
    noteStatus(ctx, s, status)
    relogWithStatus(ctx, s)
    if (isTerminal(status)) {
      const progress = await readProgress(s.read, { final: true })
      if (progress.ok) applyProgress(ctx, s, progress.value, true)
      const decision = decideNow(ctx, s)
      if (decision.kind !== 'wait') return { ...s.seen, decision, end: 'decided' }
    }
  }
  return endAs(ctx, s, 'deadline')
}

/** The facts as seen now, kept for the report, and the verdict they give. */
function decideNow(ctx: WatchContext, s: WatchState): Decision {
  s.seen.facts = factsNow(ctx, s)
  return decide(s.seen.facts, ctx.follow.onSuperseded)
}

/**
 * Plans the next look: which read (what was seen) and when (the planner, then the budget's wait).
 * `confirm`: the first sign of the end — ask the status at once.
 */
function planNextLook(ctx: WatchContext, s: WatchState, confirm: boolean): { kind: ReadKind; gap: number } {
  if (confirm) return { kind: 'status', gap: 0 }
  const now = ctx.deps.now()
  const next = expectedChange(ctx, s, now)
  const gap = plannedGap({ now, intervalMs: ctx.follow.pollIntervalMs, next }, ctx.reader.budget)
  const kind = chooseLook({
    progressFetched: s.progressFetched,
    progressStreak: s.progressStreak,
    endSuspected: s.endSuspected,
    idle: isIdle(s.seen),
  })
  return { kind, gap }
}

/** The next change due: the end, once progress suggests it; else what past runs predict. */
function expectedChange(ctx: WatchContext, s: WatchState, now: number): Expectation | undefined {
  if (s.endSuspected) {
    return { at: now, spreadMs: ctx.follow.pollIntervalMs, terminal: true, stage: '', action: '' }
  }
  return nextExpectation(ctx.shape, s.seen.runs, ctx.usual, now, s.startedAt).next
}
