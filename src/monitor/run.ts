// The monitor mode: find the execution (given, or the newest one of the commit, waiting for it to appear),
// follow it to its end and return the verdict with everything the reports need.
import { shortSha } from '../commits.js'
import type { MonitorConfig } from '../config/types.js'
import type { ModeDeps } from '../deps.js'
import { followExecution, type FollowOutcome } from '../execution/follow.js'
import { newestFirst, type ExecutionSummary } from '../execution/history.js'
import { ExecutionReader } from '../execution/reader.js'
import { followBudget } from '../execution/schedule.js'
import { isoTime, minutes } from '../format.js'
import { stepResult, type MonitorDetails, type StepResult, type Verdict } from '../result.js'
import { findByCommit } from './find.js'

const RECENT_SHOWN = 5

/** The execution to follow, or why none was found for the commit. */
type Target =
  | { ok: true; executionId: string; executions?: ExecutionSummary[] }
  | { ok: false; why: 'cancelled' | 'deadline'; commit: string; seen: ExecutionSummary[]; unread?: string }

/** What the monitor ends with, before the fields every result carries. */
interface Ending {
  verdict: Verdict
  reason: string
  details: Omit<MonitorDetails, 'kind' | 'pipelineName'>
  cancelled?: boolean
  warnings?: string[]
  unverified?: boolean
}

export async function run(config: MonitorConfig, deps: ModeDeps): Promise<StepResult> {
  const startedAt = deps.now()
  const deadline = startedAt + config.timeoutMs
  const reader = new ExecutionReader(deps, followBudget(config.follow.pollIntervalMs, startedAt), deadline)
  const target = await whichExecution(config, reader, deps)
  const ending = target.ok
    ? endingOf(await follow(config, target, reader, deps))
    : noExecutionOfCommit(config, target)
  const { details, ...rest } = ending
  return stepResult(config, {
    ...rest,
    details: { kind: 'monitor', pipelineName: config.pipelineName, ...details },
    startedAt,
    endedAt: deps.now(),
  })
}

/** execution-id when given; else the newest execution of commit-sha, waiting for one to appear. */
async function whichExecution(
  config: MonitorConfig,
  reader: ExecutionReader,
  deps: ModeDeps,
): Promise<Target> {
  if (config.executionId) return { ok: true, executionId: config.executionId }
  const commit = config.commitSha!
  const search = { pipelineName: config.pipelineName, commit, intervalMs: config.follow.pollIntervalMs }
  const found = await deps.log.group(`Finding the execution of commit ${shortSha(commit)}`, () =>
    findByCommit(search, reader, deps),
  )
  if (!found.ok) return { ...found, commit }
  return { ok: true, executionId: found.value.match.id, executions: found.value.seen }
}

function follow(
  config: MonitorConfig,
  target: Extract<Target, { ok: true }>,
  reader: ExecutionReader,
  deps: ModeDeps,
): Promise<FollowOutcome> {
  const request = {
    pipelineName: config.pipelineName,
    executionId: target.executionId,
    commitSha: config.commitSha,
    follow: config.follow,
    deadline: reader.deadline,
    run: config.run,
    githubToken: config.reporting.githubToken,
    region: config.region,
    timeoutMs: config.timeoutMs,
  }
  return followExecution(request, deps, { reader, executions: target.executions })
}

function endingOf(outcome: FollowOutcome): Ending {
  return {
    verdict: outcome.verdict,
    reason: outcome.reason,
    details: {
      // No such execution: no execution-status output, no table of an execution that never was.
      execution: outcome.notFound ? undefined : outcome.execution,
      superseded: outcome.superseded,
      timedOut: outcome.timedOut || undefined,
    },
    cancelled: outcome.cancelled,
    warnings: outcome.notes,
    unverified: outcome.unverified,
  }
}

/**
 * No execution of the commit appeared before the deadline, or the executions could not be listed (then not
 * verified: nothing says the commit did not run), or the run was cancelled while waiting.
 */
function noExecutionOfCommit(config: MonitorConfig, target: Extract<Target, { ok: false }>): Ending {
  const what = `execution of ${config.pipelineName} for commit ${shortSha(target.commit)}`
  if (target.why === 'cancelled') {
    return {
      verdict: 'failure',
      reason: `Cancelled while waiting for an ${what}.`,
      details: {},
      cancelled: true,
    }
  }
  const recent = newestFirst(target.seen).slice(0, RECENT_SHOWN)
  const within = minutes(config.timeoutMs)
  const head = target.unread
    ? `No ${what} was found within ${within}: the executions of ${config.pipelineName} could not be read (last attempt: ${target.unread}).`
    : `No ${what} appeared within ${within}.`
  return {
    verdict: 'failure',
    reason: head + latestExecutions(recent, !target.unread),
    unverified: !!target.unread || undefined,
    details: {
      timedOut: true,
      recentExecutions: recent.map((e) => ({
        id: e.id,
        status: e.status,
        revision: e.revisions[0],
        startedAt: isoTime(e.startedAt),
      })),
    },
  }
}

/** The latest executions read; "none" only when the listing answered (an unread one says nothing). */
function latestExecutions(recent: ExecutionSummary[], listed: boolean): string {
  if (recent.length)
    return ` The latest executions: ${recent.map((e) => `${e.id} ${e.status} (revision ${e.revisions[0] ? shortSha(e.revisions[0]) : 'none'})`).join('; ')}.`
  return listed ? ' The pipeline has no executions.' : ''
}
