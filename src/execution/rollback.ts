// A stage with onFailure ROLLBACK that failed: AWS starts a new execution of type ROLLBACK (trigger
// AutomatedRollback) that runs the stage again with the most recent execution that succeeded in it. The
// report names that execution and what it rolls back to; with follow-rollback it is watched to its end and its
// outcome named. The verdict stays a failure: the followed commit did not deploy.
import { shortSha } from '../commits.js'
import { waitForNextLook } from '../backoff.js'
import type { Following } from './follow-state.js'
import { listExecutions, newestFirst, type ExecutionSummary } from './history.js'
import type { ShapeStage } from './progress.js'
import { watchExecution, type WatchContext, type Watched } from './watch.js'

/** Listings made while waiting for the rollback execution to appear (AWS starts it as the stage fails). */
const LOOKS_FOR_ROLLBACK = 3

/** The sentence the failure reason ends with, when the failed stage rolls back on failure ('' otherwise). */
export async function rollbackNote(f: Following, ctx: WatchContext, failed: Watched): Promise<string> {
  const stage = rollingBackStage(ctx.shape.stages, failed)
  if (!stage) return ''
  const found = await findRollback(f, failed)
  const head = ` Stage ${stage} rolls back on failure:`
  if (found.kind === 'unread')
    return `${head} whether AWS started a rollback execution could not be read (${found.why}).`
  if (found.kind === 'none')
    return `${head} no rollback execution appeared${found.before ?? ''} (AWS rolls back only to an execution that succeeded in the stage on this pipeline version).`
  const { rollback, target } = found
  const started = `${head} AWS started rollback execution ${rollback.id} to execution ${rollback.rollbackTarget ?? '?'}${commitOf(target)}`
  if (!f.req.follow.followRollback) return `${started} (follow-rollback: true follows it).`
  const watched = await f.deps.log.group(`Rollback execution ${rollback.id}`, () =>
    watchExecution(ctx, rollback.id, { startedAt: rollback.startedAt, status: rollback.status }),
  )
  return `${started}; ${rollbackOutcome(watched, stage)}`
}

/** The failed stage, when it is declared to roll back on failure (pure). */
export function rollingBackStage(stages: ShapeStage[], failed: Watched): string | undefined {
  if (failed.status !== 'Failed' || failed.execution?.executionType === 'ROLLBACK') return undefined
  const name = failed.facts.failedStage
  return stages.find((s) => s.name === name)?.rollsBack ? name : undefined
}

/** How the rollback ended, in words (pure). */
export function rollbackOutcome(w: Watched, stage: string): string {
  if (w.end === 'cancelled') return 'following it was cancelled.'
  if (w.end === 'deadline') return `it was still ${w.status || 'running'} when the timeout ended.`
  if (w.end === 'error') return `it could not be followed: ${w.error}.`
  if (w.status === 'Succeeded')
    return `the rollback succeeded: stage ${stage} runs the earlier execution again.`
  const where = w.facts.failedStage
    ? ` in stage ${w.facts.failedStage}${w.facts.failedAction ? `, action ${w.facts.failedAction}` : ''}`
    : ''
  return `the rollback ended ${w.status}${where}.`
}

/** The newest ROLLBACK execution started since the failed one, and the execution it rolls back to. */
export function rollbackOf(
  failed: { id: string; startedAt?: number },
  list: ExecutionSummary[],
): { rollback: ExecutionSummary; target?: ExecutionSummary } | undefined {
  const rollback = newestFirst(list).find(
    (e) => e.type === 'ROLLBACK' && e.id !== failed.id && (e.startedAt ?? 0) >= (failed.startedAt ?? 0),
  )
  return rollback && { rollback, target: list.find((e) => e.id === rollback.rollbackTarget) }
}

type RollbackSearch =
  | { kind: 'found'; rollback: ExecutionSummary; target?: ExecutionSummary }
  | { kind: 'none'; before?: string }
  | { kind: 'unread'; why: string }

/** A listing that could not be read is said as such: never as "no rollback appeared". */
async function findRollback(f: Following, failed: Watched): Promise<RollbackSearch> {
  const self = { id: failed.executionId, startedAt: firstStart(failed) }
  for (let look = 0; look < LOOKS_FOR_ROLLBACK; look++) {
    const listed = await listExecutions(f.req.pipelineName, f.reader, f.deps, 1, undefined, 'explain')
    if (!listed.ok)
      return {
        kind: 'unread',
        why: listed.why === 'cancelled' ? 'the step was cancelled' : 'the step ran out of time',
      }
    const found = rollbackOf(self, listed.value)
    if (found) return { kind: 'found', ...found }
    if (await waitForNextLook(f.deps, f.req.follow.pollIntervalMs, f.req.deadline))
      return { kind: 'none', before: ' before the step ran out of time' }
  }
  return { kind: 'none' }
}

function firstStart(w: Watched): number | undefined {
  const starts = w.runs.map((r) => r.startedAt).filter((t): t is number => t !== undefined)
  return starts.length ? Math.min(...starts) : undefined
}

function commitOf(target: ExecutionSummary | undefined): string {
  const revision = target?.revisions[0]
  return revision ? ` (commit ${shortSha(revision)})` : ''
}
