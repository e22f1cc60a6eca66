// rollback: pipeline — RollbackStage of the Deploy stage to the newest execution that succeeded in that
// stage before the commit being judged, on the current pipeline version (RollbackStage refuses targets from
// older versions and of the ROLLBACK type, and is not available in PARALLEL mode). Never a second rollback.
import { sameCommit, shortSha } from '../../commits.js'
import {
  CodePipelineClient,
  GetPipelineCommand,
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  ListPipelineExecutionsCommand,
  RollbackStageCommand,
  type PipelineExecutionSummary,
  type StageDeclaration,
} from '@aws-sdk/client-codepipeline'
import type { ModeDeps } from '../../deps.js'
import { call, describeError } from '../../aws-errors.js'
import { patiently } from '../read.js'
import type { Target } from '../service.js'
import type { RollbackResult } from './service.js'

/** How many older successful executions are checked for the current pipeline version before giving up. */
const MAX_CANDIDATES = 10

/** The stage that deploys this service: its ECS action names the cluster and service; else "Deploy". */
export function deployStageOf(
  stages: StageDeclaration[],
  t: Pick<Target, 'cluster' | 'service'>,
): string | undefined {
  const deploys = (s: StageDeclaration) =>
    (s.actions ?? []).some(
      (a) =>
        a.actionTypeId?.category === 'Deploy' &&
        (a.actionTypeId.provider === 'ECS' || a.actionTypeId.provider === 'CodeDeployToECS') &&
        (a.configuration?.ServiceName === undefined || a.configuration.ServiceName === t.service) &&
        (a.configuration?.ClusterName === undefined || a.configuration.ClusterName === t.cluster),
    )
  return (stages.find(deploys) ?? stages.find((s) => s.name === 'Deploy'))?.name
}

/**
 * The executions RollbackStage may target, best first. Candidates succeeded in the stage; the target is the
 * newest of them that
 * - is not the stage's latest execution (RollbackStage refuses it) and is not a ROLLBACK execution (AWS: "You
 *   cannot roll back to a target execution ID that is a rollback execution type"). A ROLLBACK execution
 *   ran its own target's revision, so the executions between it and that target, which it rolled back, are
 *   passed over too and its target is the next candidate;
 * - started before the newest execution of the commit being judged, and does not carry that commit: rolling
 *   "back" to the version that failed validation, or to one newer than it, is no rollback.
 * Pure.
 */
export function rollbackCandidates(
  succeeded: PipelineExecutionSummary[],
  current: string,
  commitSha: string | undefined,
): { candidates: PipelineExecutionSummary[]; judged?: PipelineExecutionSummary } {
  const newestFirst = [...succeeded]
    .filter((e) => e.pipelineExecutionId)
    .sort((a, b) => (b.startTime?.getTime() ?? 0) - (a.startTime?.getTime() ?? 0))
  const carries = (e: PipelineExecutionSummary) =>
    commitSha !== undefined && (e.sourceRevisions ?? []).some((r) => sameCommit(r.revisionId, commitSha))
  const judged = newestFirst.find(carries)
  const before = judged?.startTime?.getTime() ?? Infinity
  const out: PipelineExecutionSummary[] = []
  let skipUntil: string | undefined
  for (const e of newestFirst) {
    if (skipUntil !== undefined) {
      if (e.pipelineExecutionId !== skipUntil) continue
      skipUntil = undefined
    }
    if (e.executionType === 'ROLLBACK') {
      skipUntil = e.rollbackMetadata?.rollbackTargetPipelineExecutionId
      continue
    }
    if (e.pipelineExecutionId === current || carries(e)) continue
    if ((e.startTime?.getTime() ?? 0) >= before) continue
    out.push(e)
  }
  return { candidates: out, judged }
}

export async function rollbackPipeline(
  deps: ModeDeps,
  pipelineName: string,
  t: Pick<Target, 'cluster' | 'service'>,
  commitSha: string | undefined,
  /** Its reads are retried on transient failures until then; a read that still fails means no rollback. */
  deadline: number,
): Promise<RollbackResult> {
  const result = (done: boolean, message: string): RollbackResult => ({ mode: 'pipeline', done, message })
  const cp = deps.aws.get(CodePipelineClient)
  const opts = { abortSignal: deps.signal }
  const read = <T>(operation: string, fn: () => Promise<T>): Promise<T> =>
    patiently(deps, deadline, () => call('codepipeline', operation, fn))
  try {
    const { pipeline } = await read('GetPipeline', () =>
      cp.send(new GetPipelineCommand({ name: pipelineName }), opts),
    )
    if (pipeline?.executionMode === 'PARALLEL') {
      return result(
        false,
        `not possible: pipeline "${pipelineName}" runs in PARALLEL mode, where CodePipeline offers no stage rollback`,
      )
    }
    const stageName = deployStageOf(pipeline?.stages ?? [], t)
    if (!stageName)
      return result(
        false,
        `not possible: pipeline "${pipelineName}" has no stage that deploys ECS service "${t.service}"`,
      )
    const state = await read('GetPipelineState', () =>
      cp.send(new GetPipelineStateCommand({ name: pipelineName }), opts),
    )
    const latest = state.stageStates?.find((s) => s.stageName === stageName)?.latestExecution
    const current = latest?.pipelineExecutionId
    if (!current) return result(false, `not possible: stage "${stageName}" has never run`)
    if (latest.type === 'ROLLBACK') {
      // A re-run after an earlier rollback: rolling back the rollback would redeploy what failed.
      return result(
        false,
        `not needed: stage "${stageName}" was already rolled back (its latest execution ${current} is a ROLLBACK, ${latest.status}); no new rollback was started`,
      )
    }

    const listed = await read('ListPipelineExecutions', () =>
      cp.send(
        new ListPipelineExecutionsCommand({
          pipelineName,
          maxResults: 100,
          filter: { succeededInStage: { stageName } },
        }),
        opts,
      ),
    )
    const { candidates, judged } = rollbackCandidates(
      listed.pipelineExecutionSummaries ?? [],
      current,
      commitSha,
    )
    // What is rolled back: the newest execution of the judged commit, else the stage's latest.
    const from = judged
      ? `${judged.pipelineExecutionId} (commit ${shortSha(commitSha!)}, being judged)`
      : current
    for (const c of candidates.slice(0, MAX_CANDIDATES)) {
      const { pipelineExecution } = await read('GetPipelineExecution', () =>
        cp.send(
          new GetPipelineExecutionCommand({ pipelineName, pipelineExecutionId: c.pipelineExecutionId }),
          opts,
        ),
      )
      if (pipelineExecution?.pipelineVersion !== pipeline?.version) continue
      if (pipelineExecution?.executionType === 'ROLLBACK') continue
      const started = await call('codepipeline', 'RollbackStage', () =>
        cp.send(
          new RollbackStageCommand({
            pipelineName,
            stageName,
            targetPipelineExecutionId: c.pipelineExecutionId,
          }),
          opts,
        ),
      )
      const revision = c.sourceRevisions?.[0]?.revisionId
      const commit = revision && shortSha(revision)
      return result(
        true,
        `RollbackStage started execution ${started.pipelineExecutionId}: stage "${stageName}" goes back to execution ${c.pipelineExecutionId}${commit ? ` (commit ${commit})` : ''}, the last that succeeded in it before ${from} (not waited for)`,
      )
    }
    return result(
      false,
      `not possible: no execution succeeded in stage "${stageName}" before ${from} on the current pipeline version ${pipeline?.version} (rollback executions cannot be targeted)`,
    )
  } catch (e) {
    return result(false, `failed: ${describeError(e)}`)
  }
}
