// The deployment steps: the release's GitHub deployment is `in_progress` when a step starts and takes the
// verdict's state when it ends — with the commit status's semantics (commit-status.ts decides; `pending` is a
// deployment's `in_progress`). A failure is a warning (and a summary line), never a changed verdict.
import { AFTER_CANCEL_MS } from '../cancel.js'
import type { Config } from '../config/types.js'
import type { StepResult } from '../result.js'
import type { Redactor } from '../secrets.js'
import { endStatus, startStatus, type StatusUpdate } from './commit-status.js'
import type { ReportDeps } from './deps.js'
import { deliverToGitHub } from './github-delivery.js'
import {
  deploymentRef,
  postDeployment,
  type DeploymentRef,
  type DeploymentUpdate,
} from './github-deployment.js'
import type { DeliveryLine } from './summary.js'

/** The deployment's state carried from reportStart to reportEnd. */
export interface DeploymentSession {
  /** The deployment found or created at the start. */
  deploymentId?: number
  /** Why it could not be posted at the start for a reason that will not change (403/404, a missing input). */
  deploymentProblem?: string
}

const DEPLOYMENT_TIMEOUT_MS = 10_000

/** A commit status's state as a deployment's: `pending` is `in_progress` (the Environments page's word). */
export function deploymentUpdate(status: StatusUpdate): DeploymentUpdate {
  return { state: status.state === 'pending' ? 'in_progress' : status.state, description: status.description }
}

/** The deployment becomes `in_progress`; what went wrong is a warning, and remembered for the summary. */
export async function startDeployment(
  config: Config,
  deps: ReportDeps,
  redact: Redactor,
): Promise<DeploymentSession> {
  const ref = deploymentRef(config)
  if (!ref) return {}
  if ('problem' in ref) {
    deps.log.warning(redact(ref.problem))
    return { deploymentProblem: redact(ref.problem) }
  }
  const update = deploymentUpdate(startStatus(config))
  const r = await send(config, deps, redact, ref, update, DEPLOYMENT_TIMEOUT_MS, 3)
  if (!r.ok) {
    deps.log.warning(redact(r.error))
    return r.forbidden ? { deploymentProblem: firstLine(redact(r.error)) } : {}
  }
  deps.log.info(`Deployment to "${ref.environment}": in_progress (#${r.deploymentId})`)
  return { deploymentId: r.deploymentId }
}

/** The deployment status the verdict calls for (after a cancel: one short attempt); its summary line. */
export async function endDeployment(
  result: StepResult,
  config: Config,
  deps: ReportDeps,
  session: DeploymentSession,
  redact: Redactor,
): Promise<DeliveryLine | undefined> {
  const ref = deploymentRef(config)
  if (!ref) return undefined
  const channel = `Deployment to "${config.reporting.deployment!.environment}"`
  if ('problem' in ref || session.deploymentProblem)
    return { channel, ok: false, text: `not posted: ${session.deploymentProblem ?? 'see the warnings'}` }
  const due = deploymentUpdate(endStatus(result, config.reporting.statusFinal))
  const update = { ...due, description: redact(due.description) }
  const timeout = result.cancelled ? AFTER_CANCEL_MS : DEPLOYMENT_TIMEOUT_MS
  const r = await send(
    config,
    deps,
    redact,
    ref,
    update,
    timeout,
    result.cancelled ? 1 : 3,
    session.deploymentId,
  )
  if (r.ok) {
    deps.log.info(`Deployment to "${ref.environment}": ${update.state} (#${r.deploymentId})`)
    return { channel, ok: true, text: `${update.state} — ${update.description}` }
  }
  deps.log.warning(redact(r.error))
  return { channel, ok: false, text: `not updated (${update.state} was due): ${firstLine(redact(r.error))}` }
}

async function send(
  config: Config,
  deps: ReportDeps,
  redact: Redactor,
  ref: DeploymentRef,
  update: DeploymentUpdate,
  timeoutMs: number,
  attempts: number,
  known?: number,
) {
  let deploymentId = known
  const r = await deliverToGitHub(
    config,
    deps,
    redact,
    'Deployment',
    async (client, t) => {
      const posted = await postDeployment(client, ref, update, t, deploymentId)
      deploymentId = posted.deploymentId ?? deploymentId
      return posted
    },
    { timeoutMs, attempts },
  )
  return { ...r, deploymentId }
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? ''
}
