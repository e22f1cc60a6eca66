// The commit status steps: `pending` when the step starts, the verdict's state when it ends — each retried
// within its bound, a failure said as a warning (and a summary line), never a changed verdict. What state is due
// is commit-status.ts's decision; one POST is github-status.ts's.
import { AFTER_CANCEL_MS } from '../cancel.js'
import { shortSha } from '../commits.js'
import type { Config } from '../config/types.js'
import type { GitHubClient } from '../github.js'
import type { StepResult } from '../result.js'
import type { Redactor } from '../secrets.js'
import { endStatus, startStatus, type StatusUpdate } from './commit-status.js'
import type { ReportDeps } from './deps.js'
import { postStatus, statusTarget, type StatusDelivery, type StatusTarget } from './github-status.js'
import { deliverToGitHub } from './github-delivery.js'
import type { DeliveryLine } from './summary.js'

/** The commit status's state carried from reportStart to reportEnd. */
export interface StatusSession {
  /** The commit status could not be posted at the start for a reason that will not change (403/404). */
  statusBlocked?: boolean
  /** The pending status was posted. */
  statusPosted?: boolean
  /** Why the status could not be posted at the start (first line, redacted). */
  statusProblem?: string
}

const STATUS_TIMEOUT_MS = 10_000

/** The commit status becomes `pending`; what went wrong is a warning, and remembered for the summary. */
export async function postPendingStatus(
  config: Config,
  deps: ReportDeps,
  redact: Redactor,
): Promise<StatusSession> {
  const target = statusTarget(config)
  if (!target) return {}
  if ('problem' in target) {
    deps.log.warning(redact(target.problem))
    return { statusBlocked: true, statusProblem: redact(target.problem) }
  }
  const r = await sendStatus(config, deps, redact, target, startStatus(config), STATUS_TIMEOUT_MS)
  if (!r.ok) {
    deps.log.warning(redact(r.error))
    return { statusBlocked: r.forbidden, statusProblem: firstLine(redact(r.error)) }
  }
  deps.log.info(`Commit status "${target.context}": pending on ${shortSha(target.sha)}`)
  return { statusPosted: true }
}

/** The commit status the verdict calls for (after a cancel: one short attempt); its summary line. */
export async function postFinalStatus(
  result: StepResult,
  config: Config,
  deps: ReportDeps,
  session: StatusSession,
  redact: Redactor,
): Promise<DeliveryLine | undefined> {
  const target = statusTarget(config)
  if (!target) return undefined
  const channel = `Commit status "${target.context}"`
  if ('problem' in target || session.statusBlocked)
    return { channel, ok: false, text: `not posted: ${session.statusProblem ?? 'see the warnings'}` }
  const due = endStatus(result, config.reporting.statusFinal)
  const update = { ...due, description: redact(due.description) }
  const timeout = result.cancelled ? AFTER_CANCEL_MS : STATUS_TIMEOUT_MS
  const r = await sendStatus(config, deps, redact, target, update, timeout, result.cancelled ? 1 : 3)
  if (r.ok) {
    deps.log.info(`Commit status "${target.context}": ${update.state} on ${shortSha(target.sha)}`)
    return { channel, ok: true, text: `${update.state} — ${update.description}` }
  }
  deps.log.warning(redact(r.error))
  return { channel, ok: false, text: `not updated (${update.state} was due): ${firstLine(redact(r.error))}` }
}

/** One status, retried as alerts are (github-delivery.ts); none after a cancel. */
async function sendStatus(
  config: Config,
  deps: ReportDeps,
  redact: Redactor,
  target: StatusTarget,
  update: StatusUpdate,
  timeoutMs: number,
  attempts = 3,
): Promise<StatusDelivery> {
  const post = (client: GitHubClient, t: number) => postStatus(client, target, update, t)
  return deliverToGitHub(config, deps, redact, 'Commit status', post, { timeoutMs, attempts })
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? ''
}
