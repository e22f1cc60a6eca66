// What a cancel looks like, said once. The runner cancels with SIGINT/SIGTERM; main aborts the step's
// AbortSignal; every wait (sleep) and every request takes that signal. Code that catches an error asks
// wasCancelled; code that has just waited asks `signal.aborted`.
import { isAbort } from './aws-errors.js'

/** Whether an error, or the end of a wait, is the step being cancelled rather than a failure. */
export function wasCancelled(e: unknown, signal: AbortSignal | undefined): boolean {
  return isAbort(e) || signal?.aborted === true
}
