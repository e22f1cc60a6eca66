// rollback: pipeline — RollbackStage of the Deploy stage to the newest execution that succeeded in that
// stage before the one being rolled back, on the current pipeline version (RollbackStage refuses targets
// from older versions, and is not available in PARALLEL mode).
import {
  CodePipelineClient,
  GetPipelineCommand,
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  ListPipelineExecutionsCommand,
  RollbackStageCommand,
  type StageDeclaration,
} from '@aws-sdk/client-codepipeline'
import type { ModeDeps } from '../../deps.js'
import { describeError } from '../aws-errors.js'
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

export async function rollbackPipeline(
  deps: ModeDeps,
  pipelineName: string,
  t: Pick<Target, 'cluster' | 'service'>,
): Promise<RollbackResult> {
  const result = (done: boolean, message: string): RollbackResult => ({ mode: 'pipeline', done, message })
  const cp = deps.aws.get(CodePipelineClient)
  const opts = { abortSignal: deps.signal }
  try {
    const { pipeline } = await cp.send(new GetPipelineCommand({ name: pipelineName }), opts)
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
    const state = await cp.send(new GetPipelineStateCommand({ name: pipelineName }), opts)
    const current = state.stageStates?.find((s) => s.stageName === stageName)?.latestExecution
      ?.pipelineExecutionId
    if (!current) return result(false, `not possible: stage "${stageName}" has never run`)

    // Executions enter the stage one after another (not PARALLEL), and `current` is the stage's latest, so
    // every other execution that succeeded in it is older.
    const listed = await cp.send(
      new ListPipelineExecutionsCommand({
        pipelineName,
        maxResults: 100,
        filter: { succeededInStage: { stageName } },
      }),
      opts,
    )
    const candidates = (listed.pipelineExecutionSummaries ?? [])
      .filter((e) => e.pipelineExecutionId && e.pipelineExecutionId !== current)
      .sort((a, b) => (b.startTime?.getTime() ?? 0) - (a.startTime?.getTime() ?? 0))
      .slice(0, MAX_CANDIDATES)
    for (const c of candidates) {
      const { pipelineExecution } = await cp.send(
        new GetPipelineExecutionCommand({ pipelineName, pipelineExecutionId: c.pipelineExecutionId }),
        opts,
      )
      if (pipelineExecution?.pipelineVersion !== pipeline?.version) continue
      const started = await cp.send(
        new RollbackStageCommand({
          pipelineName,
          stageName,
          targetPipelineExecutionId: c.pipelineExecutionId,
        }),
        opts,
      )
      const commit = c.sourceRevisions?.[0]?.revisionId?.slice(0, 7)
      return result(
        true,
        `RollbackStage started execution ${started.pipelineExecutionId}: stage "${stageName}" goes back to execution ${c.pipelineExecutionId}${commit ? ` (commit ${commit})` : ''}, the last that succeeded in it before ${current} (not waited for)`,
      )
    }
    return result(
      false,
      `not possible: no execution succeeded in stage "${stageName}" before ${current} on the current pipeline version ${pipeline?.version}`,
    )
  } catch (e) {
    return result(false, `failed: ${describeError(e)}`)
  }
}
