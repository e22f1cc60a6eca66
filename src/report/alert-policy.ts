// What an undelivered alert does to the step — fail-on-alert-error — decided here and nowhere else. A report
// that could not be published at all (reporting threw) is treated the same way.
import type { StepResult } from '../result.js'

/** How the step says a delivery problem: fail the step, an error line (it failed already), or a warning. */
export type ProblemEffect = 'fail' | 'error' | 'warning'

/**
 * Without fail-on-alert-error a delivery problem is a warning and the verdict alone decides the step; with it, a
 * step that succeeded fails, and one that failed (or was cancelled) says the problem as an error. Pure.
 */
export function deliveryProblemEffect(result: StepResult, failOnAlertError: boolean): ProblemEffect {
  if (!failOnAlertError) return 'warning'
  return result.verdict === 'success' && !result.cancelled ? 'fail' : 'error'
}
