import type { ExecutionSummary } from '../../src/execution/history.js'

/** One entry of ListPipelineExecutions, as read (`revisions`: the source revisions). */
export const summary = (
  id: string,
  startedAt: number,
  status: string,
  revisions: string[],
  extra: Partial<ExecutionSummary> = {},
): ExecutionSummary => ({
  id,
  startedAt,
  status,
  revisions,
  ...extra,
})
