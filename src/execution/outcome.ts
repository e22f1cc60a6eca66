// How a follow ends: each ending as one function that words its reason, so the follow reads as a list of
// steps. Every ending carries the notes gathered on the way and logs the read counts when AWS pushed back.
import type { ExecutionReport, MonitorDetails, StageRow, Verdict } from '../result.js'
import { minutes } from '../format.js'
import { supersededDetails, type FollowOutcome, type Following, type Original } from './follow-state.js'
import { approvalTimeoutReason, type PendingApproval } from './approval.js'
import { NOT_STARTED } from './progress.js'
import { stopOnCancel } from './stop.js'

/** The execution ended and was judged. */
export function finished(
  f: Following,
  verdict: Verdict,
  reason: string,
  execution: ExecutionReport,
  superseded?: MonitorDetails['superseded'],
): FollowOutcome {
  return { verdict, reason, execution, superseded, timedOut: false, cancelled: false, notes: withStats(f) }
}

/** A wrong id (or one older than AWS keeps): a plain failure, not an execution with status "Unknown". */
export function notFound(f: Following, execution: ExecutionReport): FollowOutcome {
  const reason = `No execution ${execution.id} in pipeline ${f.req.pipelineName}: check execution-id (executions are kept 12 months).`
  return { ...finished(f, 'failure', reason, execution), notFound: true }
}

/** The execution's state could not be read (access denied, expired credentials…): not verified. */
export function unreadable(
  f: Following,
  execution: ExecutionReport,
  error: string | undefined,
): FollowOutcome {
  const reason = `Stopped following execution ${execution.id} of ${f.req.pipelineName} (${lastStatus(execution.status)}): ${error}`
  return { ...finished(f, 'failure', reason, execution, supersededDetails(f)), unverified: true }
}

/** Superseded too many times in a row (a busy branch): stop following successors. */
export function gaveUp(
  f: Following,
  original: Original,
  execution: ExecutionReport,
  hop: number,
): FollowOutcome {
  const reason = `Execution ${original.report.id} was superseded ${hop + 1} times in a row; gave up following at ${execution.id}.`
  return finished(f, 'failure', reason, execution, supersededDetails(f))
}

/** The deadline or a cancel came first. `unread`: what could not be read before the deadline. */
export function interrupted(
  f: Following,
  why: 'cancelled' | 'deadline',
  execution: ExecutionReport,
  unread?: string,
): Promise<FollowOutcome> | FollowOutcome {
  return why === 'cancelled' ? cancelled(f, execution) : timedOut(f, execution, unread)
}

/**
 * `unread`: what could not be read before the deadline (default: the execution, when no status was read).
 * `approval`: the manual approval the execution was waiting on — the timeout then says so, and where to answer.
 */
export function timedOut(
  f: Following,
  execution: ExecutionReport,
  unread?: string,
  approval?: PendingApproval,
): FollowOutcome {
  const where = execution.failedStage ?? runningStage(execution.stages)
  const unreadable = notRead(f, execution, unread)
  const subject = `Execution ${execution.id} of ${f.req.pipelineName}`
  return {
    verdict: 'failure',
    reason:
      approval && !unreadable
        ? approvalTimeoutReason(approval, f.deps.now(), subject, minutes(f.timeoutMs))
        : `Timed out after ${minutes(f.timeoutMs)} following execution ${execution.id} of ${f.req.pipelineName}; ` +
          `${lastStatus(execution.status)}${where ? ` (stage ${where})` : ''}${unreadable}.`,
    execution,
    superseded: supersededDetails(f),
    timedOut: true,
    cancelled: false,
    notes: withStats(f),
    // Timed out because AWS's answers ran out, not while watching a slow execution: not verified.
    unverified: unreadable !== '' || undefined,
  }
}

/** The workflow run was cancelled: stop the execution when stop-on-cancel says so, and say what became of it. */
export async function cancelled(f: Following, execution: ExecutionReport): Promise<FollowOutcome> {
  const stop = await stopOnCancel(f, execution)
  const where = runningStage(stop.execution.stages)
  return {
    verdict: 'failure',
    reason: `Cancelled while following execution ${stop.execution.id} of ${f.req.pipelineName} (${lastStatus(stop.execution.status)}${where ? `, stage ${where}` : ''}); ${stop.what}.`,
    execution: stop.execution,
    superseded: supersededDetails(f),
    timedOut: false,
    cancelled: true,
    notes: withStats(f),
  }
}

/** The notes, after logging the read counts when AWS throttled or failed transiently. */
function withStats(f: Following): string[] {
  const { calls, throttled, transient } = f.reader.stats
  if (throttled + transient > 0) {
    f.deps.log.info(
      `AWS reads: ${calls}, of which ${throttled} throttled and ${transient} failed transiently (waited out).`,
    )
  }
  return f.notes
}

/** `: <what> could not be read (<the last failure>)` when AWS's answers ran out, so its state is unverified. */
function notRead(f: Following, execution: ExecutionReport, unread?: string): string {
  const failure = f.reader.lastFailure
  if (!failure) return ''
  const what = unread ?? (execution.status === '' ? `execution ${execution.id}` : undefined)
  if (!what) return ''
  return `: ${what} could not be read (last attempt: ${failure})`
}

/** The stage the execution was in, with the actions in progress there. */
function runningStage(stages: StageRow[]): string | undefined {
  const stage = [...stages].reverse().find((s) => s.status !== NOT_STARTED && s.status !== 'Succeeded')
  if (!stage) return undefined
  const busy = stage.actions.filter((a) => a.status === 'InProgress').map((a) => a.name)
  return busy.length ? `${stage.name}, action ${busy.join(', ')} in progress` : stage.name
}

/** The status last seen, in AWS's words; said so when none was read (the status itself stays empty). */
function lastStatus(status: string): string {
  return status ? `last status ${status}` : 'no status read yet'
}
