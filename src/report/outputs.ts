// Step outputs, all derived from the one StepResult.
import { Outputs, type OutputName } from '../inputs.js'
import type { ExecutionReport, StepResult } from '../result.js'

function executionOf(result: StepResult): ExecutionReport | undefined {
  const d = result.details
  return d.kind === 'validate' ? undefined : d.execution
}

export function toOutputs(result: StepResult, alertSent: boolean): Partial<Record<OutputName, string>> {
  const out: Partial<Record<OutputName, string>> = {
    [Outputs.Result]: result.verdict,
    [Outputs.AlertSent]: String(alertSent),
  }
  if (result.pipelineName) out[Outputs.PipelineName] = result.pipelineName
  const d = result.details
  if (d.kind === 'create-pipeline') {
    if (d.change) out[Outputs.PipelineChange] = d.change
    if (d.pipelineVersion !== undefined) out[Outputs.PipelineVersion] = String(d.pipelineVersion)
  }
  if (d.kind === 'validate') out[Outputs.Checks] = JSON.stringify(d.checks)
  const execution = executionOf(result)
  if (execution) {
    out[Outputs.ExecutionId] = execution.id
    out[Outputs.ExecutionStatus] = execution.status
    if (execution.url) out[Outputs.ExecutionUrl] = execution.url
    if (execution.failedStage) out[Outputs.FailedStage] = execution.failedStage
    if (execution.failedAction) out[Outputs.FailedAction] = execution.failedAction
  }
  out[Outputs.Report] = JSON.stringify({ ...result, alertSent })
  return out
}
