// The end of a validate step, whichever way it ends: the checks so far → the verdict, its reason, the
// warnings and the details the reports render. A step that ends early returns an Ending instead of throwing.
import { stepResult, type StepResult, type ValidateDetails } from '../result.js'
import type { Step } from './step.js'
import { judge, noDataLine, notMeasured } from './verdict.js'

/** What the step found: the details, less what the config says. */
export type Findings = Omit<ValidateDetails, 'kind' | 'cluster' | 'service'>

/** The step ends before its last part: a cancel, or a service that could not be found or read. */
export class Ending {
  constructor(
    readonly findings: Findings,
    /** Said instead of the verdict's reason. */
    readonly reason?: string,
    readonly cancelled = false,
  ) {}
}

/** A cancel: nothing more is looked at and nothing is rolled back; what was found so far is reported. */
export function cancelledWhile(findings: Findings, reason: string): Ending {
  return new Ending(findings, reason, true)
}

export function finish(step: Step, end: Findings | Ending): StepResult {
  const { findings, reason, cancelled } =
    end instanceof Ending ? end : { findings: end, reason: undefined, cancelled: false }
  const { config, deps, target, startedAt } = step
  const judgement = judge(findings.checks, config.onMissingData, target, findings.unverified)
  // A failure that was not measured (unread, or a name that names nothing) is never acted on, and the report says so.
  const notActedOn = judgement.failure === 'unverified' || judgement.failure === 'configuration'
  const rollback =
    findings.rollback ??
    (notActedOn && config.rollback !== 'none' && !cancelled
      ? { mode: config.rollback, done: false, message: notMeasured(findings.checks) }
      : undefined)
  const details: ValidateDetails = {
    kind: 'validate',
    cluster: config.cluster,
    service: config.service,
    ...findings,
    rollback,
    unverified: judgement.unverified,
  }
  const verdict = cancelled ? 'failure' : judgement.verdict
  return stepResult(config, {
    verdict,
    reason:
      reason ??
      (rollback && verdict === 'failure'
        ? `${judgement.reason}. Rollback (${rollback.mode}): ${rollback.message}`
        : judgement.reason),
    details,
    cancelled,
    unverified: judgement.failure === 'unverified',
    warnings: cancelled ? [] : warnings(step, findings, judgement.unverified),
    startedAt,
    endedAt: deps.now(),
  })
}

/** What AWS could not be read for is warned about whatever on-missing-data says. */
function warnings(step: Step, findings: Findings, unverified: string[]): string[] {
  const unread = new Set(findings.checks.filter((c) => c.status === 'unverified').map(noDataLine))
  return unverified
    .filter((u) => step.config.onMissingData !== 'pass' || unread.has(u))
    .map((u) => `Not verified — ${u}`)
}
