// What CodePipeline's statuses mean, written down once (AWS CodePipeline API reference: PipelineExecution,
// ActionExecution). Every mode and report asks here instead of listing statuses itself.

/** Execution statuses after which an execution never changes again on its own. */
export const TERMINAL_EXECUTION_STATUSES: ReadonlySet<string> = new Set([
  'Succeeded',
  'Failed',
  'Stopped',
  'Superseded',
  'Cancelled',
])

/** Execution statuses of an execution still in flight: an UpdatePipeline would cancel it. */
export const RUNNING_EXECUTION_STATUSES: ReadonlySet<string> = new Set(['InProgress', 'Stopping'])

/** Action execution statuses after which that attempt of the action is over. */
export const ENDED_ACTION_STATUSES: ReadonlySet<string> = new Set(['Succeeded', 'Failed', 'Abandoned'])

/** Whether an execution with this status has ended for good (Stopping has not: actions are still finishing). */
export function isTerminal(status: string | undefined): boolean {
  return TERMINAL_EXECUTION_STATUSES.has(status ?? '')
}

/** Whether an execution with this status is still in flight. */
export function isRunning(status: string | undefined): boolean {
  return RUNNING_EXECUTION_STATUSES.has(status ?? '')
}

/** Whether this attempt of an action is over. */
export function isActionEnded(status: string | undefined): boolean {
  return ENDED_ACTION_STATUSES.has(status ?? '')
}
