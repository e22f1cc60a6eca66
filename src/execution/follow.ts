// Follows one pipeline execution to its end and judges it: the shared core of `monitor` and of
// create-pipeline's `wait: true`. Reads the pipeline's shape and recent history (to predict when changes are
// due), watches the execution, explains a failure, follows a successor when superseded, stops it on cancel.
import { shortSha } from '../commits.js'
import type { ModeDeps } from '../deps.js'
import type { ExecutionReport } from '../result.js'
import { reportOf } from './execution-report.js'
import {
  blankReport,
  startFollowing,
  type FollowOutcome,
  type FollowPrelude,
  type FollowRequest,
  type Following,
  type Original,
} from './follow-state.js'
import type { ExecutionSummary } from './history.js'
import { cancelled, finished, gaveUp, interrupted, notFound, timedOut, unreadable } from './outcome.js'
import { prepare, type Setup } from './setup.js'
import { rollbackNote } from './rollback.js'
import { findSuccessor, judgeBySuccessor, withSuccessorNamed } from './successor.js'
import { watchExecution, type WatchContext, type Watched } from './watch.js'

export type { FollowOutcome, FollowPrelude, FollowRequest } from './follow-state.js'

/** Superseded executions followed in a row before giving up (a busy branch). */
const MAX_SUCCESSORS = 10

/** `prelude`: what the caller already read (monitor: the read budget, the executions it searched). */
export async function followExecution(
  req: FollowRequest,
  deps: ModeDeps,
  prelude: FollowPrelude = {},
): Promise<FollowOutcome> {
  const f = startFollowing(req, deps, prelude.reader)
  const setup = await prepare(f, prelude.executions)
  if (!setup.ok) return interrupted(f, setup.why, blankReport(f, req.executionId), setup.unread)
  announce(f, setup.value)
  return followChain(f, watchContext(f, setup.value), firstExecution(req, setup.value.executions))
}

/** Watches the execution and, while it is superseded (on-superseded: follow), each successor in turn. */
async function followChain(f: Following, ctx: WatchContext, first: ExecutionSummary): Promise<FollowOutcome> {
  let current = first
  for (let hop = 0; ; hop++) {
    // The report's reads may add to the execution's log (a failed stage condition): inside its group.
    const { watched, report, decision } = await f.deps.log.group(`Execution ${current.id}`, async () => {
      const seen = { startedAt: current.startedAt, status: current.status }
      const watched = await watchExecution(ctx, current.id, seen)
      return { watched, ...(await reportOf(f, watched, current)) }
    })
    if (watched.end !== 'decided' || !decision) return endedUndecided(f, watched, report, hop)
    const named = await withSuccessorNamed(f, decision, watched, current, report)
    if (named.kind === 'final') {
      const reason = named.reason + (await rollbackNote(f, ctx, watched))
      if (!f.original) return finished(f, named.verdict, reason, report)
      return judgeBySuccessor(f, f.original, ctx.shape, named, report)
    }
    // Superseded, on-superseded: follow — judge by the execution that replaced it.
    const original = rememberOriginal(f, report)
    if (hop >= MAX_SUCCESSORS) return gaveUp(f, original, report, hop)
    const successor = await findSuccessor(f, current, report)
    if (!successor.ok) return interrupted(f, successor.why, report)
    sayFollowing(f, current, successor.value)
    current = successor.value
  }
}

/** The watch ended without a verdict: cancelled, out of time, or AWS could not be read. */
function endedUndecided(
  f: Following,
  watched: Watched,
  report: ExecutionReport,
  hop: number,
): Promise<FollowOutcome> | FollowOutcome {
  if (watched.end === 'cancelled') return cancelled(f, report)
  // Nothing of the execution itself was read (its listed status aside): say so.
  const unread = !watched.execution && !watched.runs.length ? `execution ${watched.executionId}` : undefined
  if (watched.end === 'deadline') return timedOut(f, report, unread, watched.approval)
  if (watched.notFound && hop === 0) return notFound(f, report)
  return unreadable(f, report, watched.error)
}

/** The first execution, kept once it was superseded: the result is about its commit. */
function rememberOriginal(f: Following, report: ExecutionReport): Original {
  f.original ??= { report, commit: f.req.commitSha ?? report.commit }
  return f.original
}

function announce(f: Following, setup: Setup): void {
  const { req, deps } = f
  const usual = setup.usual
  deps.log.info(
    `Following execution ${req.executionId} of ${req.pipelineName}${req.commitSha ? ` (commit ${shortSha(req.commitSha)})` : ''}: ` +
      `at most one AWS read per ${req.follow.pollIntervalMs / 1000}s on average, set-up included (reads that explain a failure come on top)` +
      (usual.size > 0 ? `, timed from ${usual.size} action durations of past runs.` : '.') +
      ' Lines start with [mm:ss], the time since the execution started.',
  )
}

function sayFollowing(f: Following, current: ExecutionSummary, successor: ExecutionSummary): void {
  const revision = successor.revisions[0]
  f.deps.log.info(
    `Execution ${current.id} was superseded by ${successor.id}` +
      `${revision ? ` (revision ${shortSha(revision)})` : ''}; following it.`,
  )
}

function watchContext(f: Following, setup: Setup): WatchContext {
  const { req, deps, reader } = f
  return {
    pipelineName: req.pipelineName,
    follow: req.follow,
    deadline: req.deadline,
    deps,
    reader,
    shape: setup.shape,
    usual: setup.usual,
    region: req.region,
  }
}

/** The requested execution as listed, or what is known of it when it is not among the newest. */
function firstExecution(req: FollowRequest, executions: ExecutionSummary[]): ExecutionSummary {
  return (
    executions.find((e) => e.id === req.executionId) ?? {
      id: req.executionId,
      status: '',
      revisions: req.commitSha ? [req.commitSha] : [],
    }
  )
}
