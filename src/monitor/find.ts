// Which execution the monitor follows for a commit: the newest one that runs it, waiting (within the deadline)
// for one to appear — a pipeline started by the push can start a little later. The choice is a pure function.
import { sameCommit, shortSha } from '../commits.js'
import { waitForNextLook } from '../backoff.js'
import type { ModeDeps } from '../deps.js'
import { listExecutions, newestFirst, type ExecutionSummary } from '../execution/history.js'
import type { ExecutionReader } from '../execution/reader.js'
import { plannedGap } from '../execution/schedule.js'

/** Pages of 100 executions searched for the commit on the first look; later looks read only the newest page. */
const FIRST_SEARCH_PAGES = 3

/** The newest execution of the commit; a rollback execution only when no standard one exists. */
export function executionOfCommit(list: ExecutionSummary[], commit: string): ExecutionSummary | undefined {
  const matches = newestFirst(list).filter((e) => e.revisions.some((r) => sameCommit(r, commit)))
  return matches.find((e) => e.type !== 'ROLLBACK') ?? matches[0]
}

export interface CommitSearch {
  pipelineName: string
  commit: string
  /** poll-interval-seconds, in ms: the read budget's pace while waiting. */
  intervalMs: number
}

/**
 * `seen`: every execution read, the newest read of each (the failure line lists the latest of them).
 * `unread`: the listing itself ran out of answers (its last failure, naming the call): the commit was not
 * looked for, so its absence is unverified — never "no execution appeared".
 */
export type Found =
  | { ok: true; value: { match: ExecutionSummary; seen: ExecutionSummary[] } }
  | { ok: false; why: 'cancelled' | 'deadline'; seen: ExecutionSummary[]; unread?: string }

/** The newest execution of the commit, waiting (within the reader's deadline) for one to appear. */
export async function findByCommit(
  search: CommitSearch,
  reader: ExecutionReader,
  deps: ModeDeps,
): Promise<Found> {
  const { pipelineName, commit } = search
  let seen: ExecutionSummary[] = []
  for (let look = 0; ; look++) {
    const pages = look === 0 ? FIRST_SEARCH_PAGES : 1
    const enough = (soFar: ExecutionSummary[]) => !!executionOfCommit(soFar, commit)
    const listed = await listExecutions(pipelineName, reader, deps, pages, enough)
    if (!listed.ok)
      return { ...listed, seen, unread: listed.why === 'deadline' ? reader.lastFailure : undefined }
    seen = merge(seen, listed.value)
    const match = executionOfCommit(seen, commit)
    if (match) {
      deps.log.info(`Execution ${match.id} runs commit ${shortSha(commit)} (${match.status}).`)
      return { ok: true, value: { match, seen } }
    }
    if (look === 0) {
      deps.log.info(
        `No execution of ${pipelineName} runs commit ${shortSha(commit)} yet; waiting for one to appear (a pipeline started by the push can start a little later).`,
      )
    }
    const gap = plannedGap({ now: deps.now(), intervalMs: search.intervalMs }, reader.budget)
    const ended = await waitForNextLook(deps, gap, reader.deadline)
    if (ended) return { ok: false, why: ended, seen }
  }
}

/** Newer reads replace older ones of the same execution. */
function merge(old: ExecutionSummary[], fresh: ExecutionSummary[]): ExecutionSummary[] {
  const ids = new Set(fresh.map((e) => e.id))
  return [...fresh, ...old.filter((e) => !ids.has(e.id))]
}
