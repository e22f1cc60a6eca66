// stop-on-cancel: when the workflow run is cancelled, ask AWS to stop the execution it was following.
import { CodePipelineClient, StopPipelineExecutionCommand } from '@aws-sdk/client-codepipeline'
import { describeError } from '../aws-errors.js'
import { AFTER_CANCEL_MS } from '../cancel.js'
import { isTerminal } from '../facts/codepipeline.js'
import type { ExecutionReport } from '../result.js'
import type { Following } from './follow-state.js'

/** The execution after the stop (status Stopping when asked), and what became of it, for the reason. */
export async function stopOnCancel(
  f: Following,
  execution: ExecutionReport,
): Promise<{ execution: ExecutionReport; what: string }> {
  if (!f.req.follow.stopOnCancel || isTerminal(execution.status)) {
    return { execution, what: 'it keeps running (stop-on-cancel is false)' }
  }
  try {
    // deps.signal is already aborted: the stop gets its own short deadline.
    await f.deps.aws.get(CodePipelineClient).send(
      new StopPipelineExecutionCommand({
        pipelineName: f.req.pipelineName,
        pipelineExecutionId: execution.id,
        reason: 'The GitHub workflow run following this execution was cancelled.',
      }),
      { abortSignal: AbortSignal.timeout(AFTER_CANCEL_MS) },
    )
    return {
      execution: { ...execution, status: 'Stopping' },
      what: 'it was asked to stop (StopPipelineExecution)',
    }
  } catch (e) {
    f.notes.push(`Could not stop execution ${execution.id}: ${describeError(e)}`)
    return { execution, what: `stopping it failed: ${describeError(e)}` }
  }
}
