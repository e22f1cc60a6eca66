// What a cancel looks like, said once. The runner cancels with SIGINT/SIGTERM; main aborts the step's
// AbortSignal; every wait (sleep) and every request takes that signal. Code that catches an error asks
// wasCancelled; code that has just waited asks `signal.aborted`.
import { isAbort } from './aws-errors.js'

/**
 * How long a request made after a cancel may take (stopping the followed execution, the last commit status):
 * the runner sends SIGTERM 7.5 s after SIGINT, and the step still has its summary to write.
 */
export const AFTER_CANCEL_MS = 4_000

/** Whether an error, or the end of a wait, is the step being cancelled rather than a failure. */
export function wasCancelled(e: unknown, signal: AbortSignal | undefined): boolean {
  return isAbort(e) || signal?.aborted === true
}
