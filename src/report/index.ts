// Everything a step tells the outside world, rendered from one StepResult: outputs, job summary, alerts
// (Slack, e-mail through SNS), the commit status and the GitHub deployment. Reports never read AWS state, and a failed delivery never
// changes the verdict: it becomes a warning (or fails the step with fail-on-alert-error).
import { appendFile } from 'node:fs/promises'
import * as core from '@actions/core'
import type { Config } from '../config/types.js'
import type { StepResult } from '../result.js'
import type { Redactor } from '../secrets.js'
import { unchangedVerdictWarning, undeliveredAlert, type DeliveryProblem } from './alert-policy.js'
import { redactorOf, type ReportDeps } from './deps.js'
import { toOutputs } from './outputs.js'
import { sendAlerts } from './send-alerts.js'
import { endDeployment, startDeployment, type DeploymentSession } from './deployment-report.js'
import { postFinalStatus, postPendingStatus, type StatusSession } from './status-report.js'
import { startIsReported } from './start.js'
import { renderSummary, type SummaryContext } from './summary.js'

export type { ReportDeps } from './deps.js'

/** State carried from reportStart to reportEnd. */
export type ReportSession = StatusSession & DeploymentSession

/** What main needs to know: whether an alert went out, and a delivery problem it must still say. */
export interface ReportOutcome {
  alertSent: boolean
  /**
   * A delivery problem main says after the verdict's own line, the way alert-policy.ts decided: set when
   * fail-on-alert-error makes an undelivered alert the step's business (reportEnd says the others itself, as a
   * warning with a hint), or when reporting threw.
   */
  problem?: DeliveryProblem
}

/**
 * Called once the config is valid, before the mode runs: the commit status becomes `pending`, the deployment
 * `in_progress`.
 */
export async function reportStart(config: Config, deps: ReportDeps): Promise<ReportSession> {
  if (!startIsReported(config)) return {}
  const redact = redactorOf(config, deps)
  const status = await postPendingStatus(config, deps, redact)
  return { ...status, ...(await startDeployment(config, deps, redact)) }
}

/** Publishes the result: alerts, commit status, outputs, summary. Never throws for a delivery problem. */
export async function reportEnd(
  result: StepResult,
  config: Config,
  deps: ReportDeps,
  session: ReportSession = {},
): Promise<ReportOutcome> {
  const redact = redactorOf(config, deps)
  const redacted = redactResult(result, redact)
  // Alerts first: their outcome is an output and a summary line.
  const alerts = await sendAlerts(redacted, config, deps, redact)
  const status = await postFinalStatus(redacted, config, deps, session, redact)
  const deployment = await endDeployment(redacted, config, deps, session, redact)
  const problem = undeliveredAlert(redacted, alerts.failures, config.reporting.failOnAlertError)
  writeOutputs(redacted, alerts.sent, deps, redact)
  await writeSummary(
    redacted,
    {
      run: config.run,
      deliveries: [...alerts.lines, status, deployment].filter((l) => l !== undefined),
      // With fail-on-alert-error the step fails although the verdict stands: the summary must say so at the top.
      alertFailure: problem && problem.effect !== 'warning' ? problem.line : undefined,
    },
    deps,
    redact,
  )
  for (const w of redacted.warnings) deps.log.warning(redact(w))
  if (!problem) return { alertSent: alerts.sent }
  // main says this line after the verdict's own (fails the step with it when the verdict is a success).
  if (problem.effect !== 'warning') return { alertSent: alerts.sent, problem }
  deps.log.warning(unchangedVerdictWarning(redacted, problem))
  return { alertSent: alerts.sent }
}

/**
 * Redacted once, before anything renders it: Markdown escaping or truncation would otherwise turn a secret quoted
 * in an AWS message into a form the redactor no longer recognises. The alert, the summary and the outputs are all
 * built from this copy.
 */
function redactResult(result: StepResult, redact: Redactor): StepResult {
  return JSON.parse(redact(JSON.stringify(result))) as StepResult
}

function writeOutputs(result: StepResult, alertSent: boolean, deps: ReportDeps, redact: Redactor): void {
  const setOutput = deps.output ?? core.setOutput
  for (const [name, value] of Object.entries(toOutputs(result, alertSent))) setOutput(name, redact(value))
}

/** Appends the job summary; a summary that cannot be written is a warning, never a failed step. */
async function writeSummary(
  result: StepResult,
  context: SummaryContext,
  deps: ReportDeps,
  redact: Redactor,
): Promise<void> {
  const summaryPath = deps.env.GITHUB_STEP_SUMMARY
  if (!summaryPath) return
  const summary = redact(renderSummary(result, context))
  try {
    await appendFile(summaryPath, summary)
  } catch (e) {
    deps.log.warning(`Could not write the job summary: ${(e as Error).message}`)
  }
}
