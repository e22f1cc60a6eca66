// A superseded execution and the one that replaced it: naming it (on-superseded fail/succeed), waiting for it
// to appear (on-superseded: follow), and judging the first execution by it — success only when it succeeded
// with a revision that contains the followed commit.
import { describeError } from '../aws-errors.js'
import { waitForNextLook } from '../backoff.js'
import type { ExecutionReport } from '../result.js'
import { commitRelation } from './commit-relation.js'
import type { FollowOutcome, Following, Original } from './follow-state.js'
import { listExecutions, successorOf, type ExecutionSummary } from './history.js'
import { finished } from './outcome.js'
import type { PipelineShape } from './progress.js'
import type { ReadOutcome } from './reader.js'
import { plannedGap } from './schedule.js'
import { decide, judgeSuccessor, type CommitRelation, type Decision } from './verdict.js'
import type { Watched } from './watch.js'

type Decided = Exclude<Decision, { kind: 'wait' }>
type Final = Extract<Decision, { kind: 'final' }>

/** on-superseded fail/succeed: the verdict's reason names the execution that replaced it (nice to have). */
export async function withSuccessorNamed(
  f: Following,
  decision: Decided,
  watched: Watched,
  of: ExecutionSummary,
  report: ExecutionReport,
): Promise<Decided> {
  if (decision.kind !== 'final' || watched.status !== 'Superseded' || f.original) return decision
  const by = await supersededBy(f, of, report)
  const again = by && decide({ ...watched.facts, supersededBy: by }, f.req.follow.onSuperseded)
  return again && again.kind === 'final' ? again : decision
}

/** The execution that superseded `of`, from one read of the newest executions; undefined if not found. */
async function supersededBy(
  f: Following,
  of: ExecutionSummary,
  report: ExecutionReport,
): Promise<{ id: string; revision?: string } | undefined> {
  try {
    const listed = await listExecutions(f.req.pipelineName, f.reader, f.deps, 1, undefined, 'setup')
    if (!listed.ok) return undefined
    const successor = successorIn(listed.value, of, report)
    return successor && { id: successor.id, revision: successor.revisions[0] }
  } catch (e) {
    f.deps.log.debug(`The superseding execution was not read: ${describeError(e)}`)
    return undefined
  }
}

/** on-superseded: follow — the execution that replaced `of`, waiting (within the deadline) for it to appear. */
export async function findSuccessor(
  f: Following,
  of: ExecutionSummary,
  report: ExecutionReport,
): Promise<ReadOutcome<ExecutionSummary>> {
  for (;;) {
    const listed = await listExecutions(f.req.pipelineName, f.reader, f.deps, 1)
    if (!listed.ok) return listed
    const successor = successorIn(listed.value, of, report)
    if (successor) return { ok: true, value: successor }
    const now = f.deps.now()
    const gap = plannedGap({ now, intervalMs: f.req.follow.pollIntervalMs }, f.reader.budget)
    const ended = await waitForNextLook(f.deps, gap, f.req.deadline)
    if (ended) return { ok: false, why: ended }
  }
}

/** The successor of `of` in the list; `of` as listed, else as watched (superseded when its report ended). */
function successorIn(
  list: ExecutionSummary[],
  of: ExecutionSummary,
  report: ExecutionReport,
): ExecutionSummary | undefined {
  const self = list.find((e) => e.id === of.id) ?? { ...of, updatedAt: Date.parse(report.endedAt ?? '') }
  return successorOf(self, list)
}

/** The first execution, judged by the successor that ended: `decision` is the successor's own verdict. */
export async function judgeBySuccessor(
  f: Following,
  original: Original,
  shape: PipelineShape,
  decision: Final,
  report: ExecutionReport,
): Promise<FollowOutcome> {
  const relation = await relationToSuccessor(f, original, shape, decision, report)
  const judged = judgeSuccessor({
    originalId: original.report.id,
    successorId: report.id,
    successor: decision,
    commit: original.commit,
    successorCommit: report.commit,
    relation,
  })
  return finished(f, judged.verdict, judged.reason, report, {
    id: original.report.id,
    url: original.report.url,
    commit: original.commit,
    successorCommitRelation: relation.kind === 'unverified' ? `unverified: ${relation.why}` : relation.how,
  })
}

/** Does the successor's revision contain the followed commit? Asked only of a successor that succeeded. */
async function relationToSuccessor(
  f: Following,
  original: Original,
  shape: PipelineShape,
  decision: Final,
  report: ExecutionReport,
): Promise<CommitRelation> {
  if (decision.verdict !== 'success') {
    return { kind: 'unverified', why: 'not compared: the newer execution did not succeed' }
  }
  return commitRelation({
    commit: original.commit,
    successorCommit: report.commit,
    repository: shape.sourceRepository ?? f.req.run.repository,
    token: f.req.githubToken,
    run: f.req.run,
    signal: f.deps.signal,
  })
}
