// Follows one pipeline execution to its end and judges it: the shared core of `monitor` and of
// create-pipeline's `wait: true`. (First version: the signature other modes compile against.)
import { CodePipelineClient, GetPipelineExecutionCommand } from '@aws-sdk/client-codepipeline'
import type { FollowConfig, RunContext } from '../config/types.js'
import type { ModeDeps } from '../deps.js'
import type { ExecutionReport, MonitorDetails, Verdict } from '../result.js'

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
}

const TERMINAL = new Set(['Succeeded', 'Failed', 'Stopped', 'Superseded', 'Cancelled'])

export async function followExecution(req: FollowRequest, deps: ModeDeps): Promise<FollowOutcome> {
  const client = deps.aws.get(CodePipelineClient)
  let status = 'Unknown'
  while (!deps.signal.aborted && deps.now() < req.deadline) {
    const out = await client.send(
      new GetPipelineExecutionCommand({
        pipelineName: req.pipelineName,
        pipelineExecutionId: req.executionId,
      }),
    )
    status = out.pipelineExecution?.status ?? 'Unknown'
    if (TERMINAL.has(status)) break
    await deps.sleep(req.follow.pollIntervalMs, deps.signal)
  }
  const execution: ExecutionReport = { id: req.executionId, status, commit: req.commitSha, stages: [] }
  const timedOut = !TERMINAL.has(status) && !deps.signal.aborted
  return {
    verdict: status === 'Succeeded' ? 'success' : 'failure',
    reason: `Execution ${req.executionId} of ${req.pipelineName}: ${status}.`,
    execution,
    timedOut,
    cancelled: deps.signal.aborted,
  }
}
