// What a follow is asked, what it ends with, and the state its steps share: the request, the reader every AWS
// read goes through, the notes gathered on the way, and — once the first execution was superseded and its
// successor is followed — that first execution.
import type { FollowConfig, RunContext } from '../config/types.js'
import type { ModeDeps } from '../deps.js'
import type { ExecutionReport, MonitorDetails, Verdict } from '../result.js'
import type { ExecutionSummary } from './history.js'
import { executionUrl } from './links.js'
import { ExecutionReader } from './reader.js'
import { followBudget } from './schedule.js'

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

/** The first execution followed, once it was superseded and its successor is followed instead. */
export interface Original {
  report: ExecutionReport
  commit?: string
}

/** One follow's state, handed to each of its steps. */
export interface Following {
  req: FollowRequest
  deps: ModeDeps
  reader: ExecutionReader
  /** The whole timeout, for the "timed out after N min" line. */
  timeoutMs: number
  /** Warnings gathered on the way (a failure detail that could not be read, a stop that failed). */
  notes: string[]
  /** Set when the first execution was superseded (on-superseded: follow); never changed after. */
  original?: Original
}

export function startFollowing(req: FollowRequest, deps: ModeDeps, reader?: ExecutionReader): Following {
  return {
    req,
    deps,
    timeoutMs: req.timeoutMs ?? Math.max(0, req.deadline - deps.now()),
    reader:
      reader ?? new ExecutionReader(deps, followBudget(req.follow.pollIntervalMs, deps.now()), req.deadline),
    notes: [],
  }
}

/** The report of an execution nothing was read of yet. */
export function blankReport(f: Following, id: string, status = ''): ExecutionReport {
  return {
    id,
    status,
    url: executionUrl(f.req.region, f.req.pipelineName, id),
    commit: f.req.commitSha,
    stages: [],
  }
}

/** The superseded first execution, for the result (undefined while the first execution is followed). */
export function supersededDetails(f: Following): MonitorDetails['superseded'] {
  const original = f.original
  return original && { id: original.report.id, url: original.report.url, commit: original.commit }
}
