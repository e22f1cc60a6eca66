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

/** A delivery problem the step must still say, and how. */
export interface DeliveryProblem {
  line: string
  effect: ProblemEffect
}

/** The alerts that did not go out (`<channel>: <error>` each) as one problem; undefined when all did. Pure. */
export function undeliveredAlert(
  result: StepResult,
  failures: string[],
  failOnAlertError: boolean,
): DeliveryProblem | undefined {
  if (failures.length === 0) return undefined
  return {
    line: `Alert not delivered — ${failures.join('; ')}`,
    effect: deliveryProblemEffect(result, failOnAlertError),
  }
}

/** The warning an undelivered alert is without fail-on-alert-error: the verdict stands, and how to change that. */
export function unchangedVerdictWarning(result: StepResult, problem: DeliveryProblem): string {
  return `${problem.line}. The verdict (${result.cancelled ? 'cancelled' : result.verdict}) is unchanged; set fail-on-alert-error: true to fail the step instead.`
}
