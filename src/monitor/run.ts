// The monitor mode: find the execution (given, or the newest one of the commit, waiting for it to appear),
// follow it to its end and return the verdict with everything the reports need.
import { shortSha } from '../commits.js'
import type { MonitorConfig } from '../config/types.js'
import { waitForNextLook } from '../backoff.js'
import type { ModeDeps } from '../deps.js'
import { isoTime, minutes } from '../format.js'
import { stepResult, type MonitorDetails, type StepResult, type Verdict } from '../result.js'
import { followWithPrelude, type FollowOutcome } from '../execution/follow.js'
import {
  executionOfCommit,
  listExecutions,
  newestFirst,
  type ExecutionSummary,
} from '../execution/history.js'
import { ExecutionReader } from '../execution/reader.js'
import { plannedGap, ReadBudgets } from '../execution/schedule.js'

/** Pages of 100 executions searched for the commit on the first look; later looks read only the newest page. */
const FIRST_SEARCH_PAGES = 3
const RECENT_SHOWN = 5

export async function run(config: MonitorConfig, deps: ModeDeps): Promise<StepResult> {
  const started = deps.now()
  const deadline = started + config.timeoutMs
  const reader = new ExecutionReader(deps, new ReadBudgets(config.follow.pollIntervalMs, started), deadline)
  const result = (
    verdict: Verdict,
    reason: string,
    details: Omit<MonitorDetails, 'kind' | 'pipelineName'>,
    extra: { cancelled?: boolean; warnings?: string[]; unverified?: boolean } = {},
  ): StepResult =>
    stepResult(config, {
      verdict,
      reason,
      details: { kind: 'monitor', pipelineName: config.pipelineName, ...details },
      ...extra,
      startedAt: started,
      endedAt: deps.now(),
    })

  let executionId = config.executionId
  let executions: ExecutionSummary[] | undefined
  if (!executionId) {
    const commit = config.commitSha!
    const found = await deps.log.group(`Finding the execution of commit ${shortSha(commit)}`, () =>
      findByCommit(config.pipelineName, commit, reader, deps, config.follow.pollIntervalMs),
    )
    if (!found.ok) {
      if (found.why === 'cancelled') {
        return result(
          'failure',
          `Cancelled while waiting for an execution of ${config.pipelineName} for commit ${shortSha(commit)}.`,
          {},
          { cancelled: true },
        )
      }
      const recent = newestFirst(found.seen).slice(0, RECENT_SHOWN)
      const listing = recent.length
        ? ` The latest executions: ${recent.map((e) => `${e.id} ${e.status} (revision ${e.revisions[0] ? shortSha(e.revisions[0]) : 'none'})`).join('; ')}.`
        : ' The pipeline has no executions.'
      return result(
        'failure',
        `No execution of ${config.pipelineName} for commit ${shortSha(commit)} appeared within ${minutes(config.timeoutMs)}.${listing}`,
        {
          timedOut: true,
          recentExecutions: recent.map((e) => ({
            id: e.id,
            status: e.status,
            revision: e.revisions[0],
            startedAt: isoTime(e.startedAt),
          })),
        },
      )
    }
    executionId = found.value.match.id
    executions = found.value.seen
  }

  const outcome: FollowOutcome = await followWithPrelude(
    {
      pipelineName: config.pipelineName,
      executionId,
      commitSha: config.commitSha,
      follow: config.follow,
      deadline,
      run: config.run,
      githubToken: config.reporting.githubToken,
      region: config.region,
      timeoutMs: config.timeoutMs,
    },
    deps,
    { reader, executions },
  )
  return result(
    outcome.verdict,
    outcome.reason,
    {
      // No such execution: no execution-status output, no table of an execution that never was.
      execution: outcome.notFound ? undefined : outcome.execution,
      superseded: outcome.superseded,
      timedOut: outcome.timedOut || undefined,
    },
    { cancelled: outcome.cancelled, warnings: outcome.notes, unverified: outcome.unverified },
  )
}

type Found =
  | { ok: true; value: { match: ExecutionSummary; seen: ExecutionSummary[] } }
  | { ok: false; why: 'cancelled' | 'deadline'; seen: ExecutionSummary[] }

/** The newest execution of the commit, waiting (within the deadline) for one to appear. */
async function findByCommit(
  pipelineName: string,
  commit: string,
  reader: ExecutionReader,
  deps: ModeDeps,
  intervalMs: number,
): Promise<Found> {
  let seen: ExecutionSummary[] = []
  let pages = FIRST_SEARCH_PAGES
  const waitingSince = deps.now()
  for (;;) {
    const listed = await listExecutions(
      pipelineName,
      reader,
      deps,
      pages,
      (soFar) => !!executionOfCommit(soFar, commit),
    )
    if (!listed.ok) return { ...listed, seen }
    seen = merge(seen, listed.value)
    const match = executionOfCommit(seen, commit)
    if (match) {
      deps.log.info(`Execution ${match.id} runs commit ${shortSha(commit)} (${match.status}).`)
      return { ok: true, value: { match, seen } }
    }
    if (pages === FIRST_SEARCH_PAGES) {
      deps.log.info(
        `No execution of ${pipelineName} runs commit ${shortSha(commit)} yet; waiting for one to appear (a pipeline started by the push can start a little later).`,
      )
    }
    pages = 1
    const gap = plannedGap(
      { now: deps.now(), intervalMs, lastChangeAt: waitingSince },
      reader.budgets,
      'progress',
    )
    const ended = await waitForNextLook(deps, gap, reader.deadline)
    if (ended) return { ok: false, why: ended, seen }
  }
}

/** Newer reads replace older ones of the same execution. */
function merge(old: ExecutionSummary[], fresh: ExecutionSummary[]): ExecutionSummary[] {
  const ids = new Set(fresh.map((e) => e.id))
  return [...fresh, ...old.filter((e) => !ids.has(e.id))]
}
