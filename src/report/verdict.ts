// How a StepResult is named in every report, so the summary, Slack, e-mail and the commit status agree.
import { isTerminal } from '../facts/codepipeline.js'
import type { ExecutionReport, HookReport, ModeDetails, MonitorDetails, StepResult } from '../result.js'

export type Outcome = 'success' | 'failure' | 'cancelled'

export function outcomeOf(result: StepResult): Outcome {
  return result.cancelled ? 'cancelled' : result.verdict
}

export const outcomeIcon: Record<Outcome, string> = { success: '✅', failure: '❌', cancelled: '⏹️' }

/** The icon of a failure that was not measured: something could not be read (StepResult.unverified). */
export const UNVERIFIED_ICON = '⚠️'

/** A failure only because something could not be read: reported as "could not be verified", never "failed". */
export function isUnverifiedFailure(result: StepResult): boolean {
  return !result.cancelled && result.verdict === 'failure' && result.unverified === true
}

/** The icon every report puts before the headline. */
export function iconOf(result: StepResult): string {
  return isUnverifiedFailure(result) ? UNVERIFIED_ICON : outcomeIcon[outcomeOf(result)]
}

export function executionOf(result: StepResult): ExecutionReport | undefined {
  const d = result.details
  return d.kind === 'validate' ? undefined : d.execution
}

/** How following an execution ended (monitor, and create-pipeline with `wait`). */
export function followOf(d: ModeDetails): Pick<MonitorDetails, 'timedOut' | 'superseded'> {
  if (d.kind === 'validate') return {}
  const f = d as Pick<MonitorDetails, 'timedOut' | 'superseded'>
  return { timedOut: f.timedOut, superseded: f.superseded }
}

/** What the step was about, in the seed's words: "Deployment pipeline", "Deployment validation", … */
export function subjectOf(result: StepResult): string {
  const d = result.details
  if (d.kind === 'validate') return 'Deployment validation'
  if (d.kind === 'monitor' || d.execution) return 'Deployment pipeline'
  return 'Pipeline setup'
}

/**
 * "Deployment pipeline failed", "Deployment validation passed", "Pipeline created", "Deployment validation could
 * not be verified", …
 */
export function headlineOf(result: StepResult): string {
  const d = result.details
  const subject = subjectOf(result)
  if (result.cancelled) return `${subject} cancelled`
  if (isUnverifiedFailure(result)) return `${subject} could not be verified`
  if (result.verdict === 'failure') {
    if (followOf(d).timedOut) return `${subject} timed out`
    return `${subject} failed`
  }
  if (d.kind === 'validate')
    return d.unverified.length > 0 ? `${subject} passed, partly unverified` : `${subject} passed`
  if (d.kind === 'create-pipeline' && !d.execution) {
    return d.change === 'planned' ? 'Pipeline change planned (dry run)' : `Pipeline ${d.change ?? 'checked'}`
  }
  // Started but not followed (no `wait`): what is true now is that it runs, not that it succeeded.
  if (d.kind === 'create-pipeline' && d.execution && !isTerminal(d.execution.status))
    return `Pipeline ${d.change ?? 'checked'}; execution ${d.execution.id} started — following it is the monitor's job`
  return `${subject} succeeded`
}

/** `production · 1.4.2` (what a reader needs to know which deploy this is). */
export function targetOf(result: StepResult): string {
  const where = result.environment ?? result.pipelineName
  return [where, result.version].filter((v): v is string => !!v).join(' · ')
}

/** What became of the gate's answer to the PAUSE hook, after "Pause hook (gate): ": `CONTINUE sent`, `no call`, … */
export function hookAnswerOf(hook: HookReport): string {
  if (!hook.action) return 'no call'
  return `${hook.action} ${hook.done ? 'sent' : 'not accepted'}`
}
