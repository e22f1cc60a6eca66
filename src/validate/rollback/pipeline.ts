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

/** The pipeline's calls: its name, and each read retried on transient failures until the deadline. */
interface PipelineCalls {
  name: string
  cp: CodePipelineClient
  opts: { abortSignal: AbortSignal }
  read: <T>(operation: string, fn: () => Promise<T>) => Promise<T>
}

/** The stage to roll back, where it is now, and the pipeline version a target must have run on. */
interface StageToRollBack {
  stageName: string
  /** The stage's latest execution. */
  current: string
  version?: number
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
  const p: PipelineCalls = {
    name: pipelineName,
    cp: deps.aws.get(CodePipelineClient),
    opts: { abortSignal: deps.signal },
    read: (operation, fn) => patiently(deps, deadline, () => call('codepipeline', operation, fn)),
  }
  try {
    const stage = await stageToRollBack(p, t)
    if (typeof stage === 'string') return result(false, stage)
    const { stageName, current } = stage
    const listed = await p.read('ListPipelineExecutions', () =>
      p.cp.send(
        new ListPipelineExecutionsCommand({
          pipelineName,
          maxResults: 100,
          filter: { succeededInStage: { stageName } },
        }),
        p.opts,
      ),
    )
    const { candidates, judged } = rollbackCandidates(
      listed.pipelineExecutionSummaries ?? [],
      current,
      commitSha,
    )
    // What is rolled back: the newest execution of the judged commit, else the stage's latest.
    const from =
      judged && commitSha !== undefined
        ? `${judged.pipelineExecutionId} (commit ${shortSha(commitSha)}, being judged)`
        : current
    const target = await firstOnVersion(p, candidates.slice(0, MAX_CANDIDATES), stage.version)
    if (!target) {
      return result(
        false,
        `not possible: no execution succeeded in stage "${stageName}" before ${from} on the current pipeline version ${stage.version} (rollback executions cannot be targeted)`,
      )
    }
    const started = await call('codepipeline', 'RollbackStage', () =>
      p.cp.send(
        new RollbackStageCommand({
          pipelineName,
          stageName,
          targetPipelineExecutionId: target.pipelineExecutionId,
        }),
        p.opts,
      ),
    )
    const revision = target.sourceRevisions?.[0]?.revisionId
    const commit = revision && shortSha(revision)
    return result(
      true,
      `RollbackStage started execution ${started.pipelineExecutionId}: stage "${stageName}" goes back to execution ${target.pipelineExecutionId}${commit ? ` (commit ${commit})` : ''}, the last that succeeded in it before ${from} (not waited for)`,
    )
  } catch (e) {
    return result(false, `failed: ${describeError(e)}`)
  }
}

/** The stage that deploys the service and its latest execution; or why no rollback is possible or needed. */
async function stageToRollBack(
  p: PipelineCalls,
  t: Pick<Target, 'cluster' | 'service'>,
): Promise<StageToRollBack | string> {
  const { pipeline } = await p.read('GetPipeline', () =>
    p.cp.send(new GetPipelineCommand({ name: p.name }), p.opts),
  )
  if (pipeline?.executionMode === 'PARALLEL')
    return `not possible: pipeline "${p.name}" runs in PARALLEL mode, where CodePipeline offers no stage rollback`
  const stageName = deployStageOf(pipeline?.stages ?? [], t)
  if (!stageName)
    return `not possible: pipeline "${p.name}" has no stage that deploys ECS service "${t.service}"`
  const state = await p.read('GetPipelineState', () =>
    p.cp.send(new GetPipelineStateCommand({ name: p.name }), p.opts),
  )
  const latest = state.stageStates?.find((s) => s.stageName === stageName)?.latestExecution
  const current = latest?.pipelineExecutionId
  if (!current) return `not possible: stage "${stageName}" has never run`
  // A re-run after an earlier rollback: rolling back the rollback would redeploy what failed.
  if (latest.type === 'ROLLBACK')
    return `not needed: stage "${stageName}" was already rolled back (its latest execution ${current} is a ROLLBACK, ${latest.status}); no new rollback was started`
  return { stageName, current, version: pipeline?.version }
}

/** The first candidate that ran on the current pipeline version and is no rollback (RollbackStage's rules). */
async function firstOnVersion(
  p: PipelineCalls,
  candidates: PipelineExecutionSummary[],
  version: number | undefined,
): Promise<PipelineExecutionSummary | undefined> {
  for (const c of candidates) {
    const { pipelineExecution } = await p.read('GetPipelineExecution', () =>
      p.cp.send(
        new GetPipelineExecutionCommand({ pipelineName: p.name, pipelineExecutionId: c.pipelineExecutionId }),
        p.opts,
      ),
    )
    if (pipelineExecution?.pipelineVersion !== version) continue
    if (pipelineExecution?.executionType === 'ROLLBACK') continue
    return c
  }
  return undefined
}
