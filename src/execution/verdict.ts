// Turns AWS statuses into a verdict: a pure decision table, so what "green" means is written down once.
import { shortSha } from '../commits.js'
import type { OnSuperseded } from '../config/types.js'
import type { Verdict } from '../result.js'

/** What was seen of one execution. */
export interface StatusFacts {
  executionId: string
  pipelineName: string
  /** PipelineExecutionStatus as AWS sent it. */
  status: string
  /** Stage that failed, or where a stopped/cancelled execution was. */
  failedStage?: string
  failedAction?: string
  /** Short explanation of the failure (error code and message, failed build phase). */
  failure?: string
  /** With status Superseded: the newer execution that replaced it, when it was found. */
  supersededBy?: { id: string; revision?: string }
  /** A stage with onFailure RETRY failed and AWS has not finished retrying it. */
  autoRetryPending?: boolean
  /** Stopped: the reason given to the stop ('' when none was given); undefined when it was not read. */
  stopReason?: string
}

export type Decision =
  | { kind: 'wait'; note?: string }
  | { kind: 'final'; verdict: Verdict; reason: string }
  /** Superseded under on-superseded: follow: judge by the execution that replaced it. */
  | { kind: 'follow-successor' }

function where(f: StatusFacts): string {
  if (f.failedStage && f.failedAction) return ` in stage ${f.failedStage}, action ${f.failedAction}`
  if (f.failedStage) return ` in stage ${f.failedStage}`
  return ''
}

/** AWS's stop reason (stopTrigger.reason), quoted: it is whatever the person who stopped it typed. */
function stopReason(f: StatusFacts): string {
  if (f.stopReason === undefined) return ''
  return f.stopReason ? `; the reason given: "${f.stopReason}"` : '; no reason was given'
}

function because(f: StatusFacts): string {
  return f.failure ? `: ${f.failure}` : ''
}

export function decide(f: StatusFacts, onSuperseded: OnSuperseded): Decision {
  const subject = `Execution ${f.executionId} of ${f.pipelineName}`
  switch (f.status) {
    case 'Succeeded':
      return { kind: 'final', verdict: 'success', reason: `${subject} succeeded.` }
    case 'Failed':
      if (f.autoRetryPending) {
        return { kind: 'wait', note: `stage ${f.failedStage ?? '?'} failed; AWS retries it automatically` }
      }
      return { kind: 'final', verdict: 'failure', reason: `${subject} failed${where(f)}${because(f)}.` }
    case 'Stopped':
      return {
        kind: 'final',
        verdict: 'failure',
        reason: `${subject} was stopped${where(f)}${stopReason(f)}${because(f)}.`,
      }
    case 'Cancelled':
      return {
        kind: 'final',
        verdict: 'failure',
        reason: `${subject} was cancelled${where(f)} (the pipeline was changed before it finished)${because(f)}.`,
      }
    case 'Superseded': {
      if (onSuperseded === 'follow') return { kind: 'follow-successor' }
      const by = f.supersededBy
      const newer = by
        ? `newer execution ${by.id}${by.revision ? ` (commit ${shortSha(by.revision)})` : ''}`
        : 'a newer execution'
      if (onSuperseded === 'succeed') {
        return {
          kind: 'final',
          verdict: 'success',
          reason: `${subject} was superseded by ${newer}; on-superseded is "succeed", so this is not checked further.`,
        }
      }
      return {
        kind: 'final',
        verdict: 'failure',
        reason: `${subject} was superseded by ${newer} before it finished (on-superseded: fail).`,
      }
    }
    default:
      // InProgress, Stopping (not terminal: in-flight actions are still finishing) and anything new.
      return { kind: 'wait' }
  }
}

/** How the successor's revision relates to the followed commit (GitHub compare of commit...successor). */
export type CommitRelation =
  | { kind: 'contains'; how: 'ahead' | 'identical' | 'same-commit' }
  | { kind: 'unrelated'; how: 'behind' | 'diverged' }
  | { kind: 'unverified'; why: string }

export interface SuccessorFacts {
  originalId: string
  successorId: string
  /** Verdict and reason of the successor, judged on its own. */
  successor: { verdict: Verdict; reason: string }
  commit?: string
  successorCommit?: string
  relation: CommitRelation
}

const short = (sha?: string): string => (sha ? shortSha(sha) : 'unknown')

/**
 * on-superseded: follow. Success only when the successor succeeded AND its revision contains the commit;
 * anything not verified is a failure that says so.
 */
export function judgeSuccessor(f: SuccessorFacts): { verdict: Verdict; reason: string } {
  const head = `Execution ${f.originalId} was superseded by ${f.successorId}`
  if (f.successor.verdict === 'failure') {
    return { verdict: 'failure', reason: `${head}, which did not succeed: ${f.successor.reason}` }
  }
  const commit = short(f.commit)
  const other = short(f.successorCommit)
  switch (f.relation.kind) {
    case 'contains':
      return {
        verdict: 'success',
        reason: `${head}, which succeeded with revision ${other}${f.relation.how === 'same-commit' ? ' (the same commit)' : `, containing commit ${commit}`}.`,
      }
    case 'unrelated':
      return {
        verdict: 'failure',
        reason: `${head}, which succeeded, but commit ${commit} was replaced by an unrelated revision ${other} (compare: ${f.relation.how}); ${commit} was not deployed.`,
      }
    case 'unverified':
      return {
        verdict: 'failure',
        reason: `${head}, which succeeded with revision ${other}, but whether it contains commit ${commit} could not be verified: ${f.relation.why}.`,
      }
  }
}
