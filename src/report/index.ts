// Everything a step tells the outside world, rendered from one StepResult: outputs, job summary, alerts
// (Slack, e-mail through SNS) and the commit status. Reports never read AWS state, and a failed delivery never
// changes the verdict: it becomes a warning (or fails the step with fail-on-alert-error).
import { appendFile } from 'node:fs/promises'
import * as core from '@actions/core'
import { AFTER_CANCEL_MS } from '../cancel.js'
import type { Config } from '../config/types.js'
import type { ModeDeps } from '../deps.js'
import { createGitHubClient, type GitHubClient } from '../github.js'
import type { StepResult } from '../result.js'
import { ACTION_NAME, ACTION_VERSION } from '../version.js'
import { buildAlert, shouldNotify } from './alert.js'
import { deliveryProblemEffect, type ProblemEffect } from './alert-policy.js'
import { endStatus, startStatus, type StatusUpdate } from './commit-status.js'
import { renderEmail } from './email.js'
import { postStatus, statusTarget, type StatusDelivery, type StatusTarget } from './github-status.js'
import { actionsHttpPost, type HttpPost } from './http.js'
import { toOutputs } from './outputs.js'
import { withRetries, type AttemptResult, type Delivery, type RetryPolicy } from './retry.js'
import { createRedactor, secretsOf, type Redactor } from '../secrets.js'
import { sendSlack } from './slack.js'
import { renderSlackMessage } from './slack-message.js'
import { publishEmail } from './sns.js'
import { renderSummary, type DeliveryLine } from './summary.js'
import { shortSha } from '../commits.js'

export interface ReportDeps extends Pick<ModeDeps, 'log' | 'env' | 'aws' | 'now' | 'sleep'> {
  /** Aborted when the runner cancels the step: delivery stops retrying (default: never). */
  signal?: AbortSignal
  /** HTTP POST for Slack (default: @actions/http-client, proxy-aware). */
  http?: HttpPost
  /** GitHub client factory (default: src/github.ts). */
  github?: (token: string) => Promise<GitHubClient>
  /** Slack retry bound (default: retry.ts DELIVERY_POLICY). */
  slackPolicy?: RetryPolicy
  /**
   * No delivery attempt starts or waits past this instant (ms since the epoch), and requests still in flight are
   * given up on then (main: the step's deadline, or the reporting bound after it). Default: none.
   */
  deadline?: number
  /** The step's redactor (main builds it once); default: one from the config's secrets. */
  redact?: Redactor
  /** Sets a step output (default: @actions/core's setOutput). */
  output?: (name: string, value: string) => void
}

/** State carried from reportStart to reportEnd. */
export interface ReportSession {
  /** The commit status could not be posted at the start for a reason that will not change (403/404). */
  statusBlocked?: boolean
  /** The pending status was posted. */
  statusPosted?: boolean
  /** Why the status could not be posted at the start (first line, redacted). */
  statusProblem?: string
}

/** What main needs to know: whether an alert went out, and a delivery problem it must still say. */
export interface ReportOutcome {
  alertSent: boolean
  /**
   * A delivery problem main says after the verdict's own line, the way alert-policy.ts decided: set when
   * fail-on-alert-error makes an undelivered alert the step's business (reportEnd says the others itself, as a
   * warning with a hint), or when reporting threw.
   */
  problem?: { line: string; effect: ProblemEffect }
}

const STATUS_TIMEOUT_MS = 10_000
/** A commit status: up to 3 attempts (1 s, 2 s apart, or as Retry-After says) within 30 s. */
const STATUS_RETRY_POLICY: RetryPolicy = { boundMs: 30_000, maxAttempts: 3, baseDelayMs: 1_000 }

/** Called once the config is valid, before the mode runs: the commit status becomes `pending`. */
export async function reportStart(config: Config, deps: ReportDeps): Promise<ReportSession> {
  const session: ReportSession = {}
  const redact = redactorOf(config, deps)
  const target = statusTarget(config)
  if (!target) return session
  if ('problem' in target) {
    deps.log.warning(redact(target.problem))
    session.statusBlocked = true
    session.statusProblem = redact(target.problem)
    return session
  }
  const update = startStatus(config)
  const r = await sendStatus(config, deps, target, update, STATUS_TIMEOUT_MS)
  if (r.ok) {
    session.statusPosted = true
    deps.log.info(`Commit status "${target.context}": pending on ${shortSha(target.sha)}`)
  } else {
    deps.log.warning(redact(r.error))
    session.statusBlocked = r.forbidden
    session.statusProblem = redact(r.error).split('\n')[0]
  }
  return session
}

/** Publishes the result: alerts, commit status, outputs, summary. Never throws for a delivery problem. */
export async function reportEnd(
  result: StepResult,
  config: Config,
  deps: ReportDeps,
  session: ReportSession = {},
): Promise<ReportOutcome> {
  const redact = redactorOf(config, deps)
  // Redacted once, before anything renders it: Markdown escaping or truncation would otherwise turn a secret
  // quoted in an AWS message into a form the redactor no longer recognises. The alert, the summary and the
  // outputs are all built from this copy.
  result = JSON.parse(redact(JSON.stringify(result))) as StepResult
  const reporting = config.reporting
  const deliveries: DeliveryLine[] = []
  const alertFailures: string[] = []

  // Alerts first: their outcome is an output and a summary line.
  const channels = (reporting.slack ? 1 : 0) + (reporting.snsTopicArn ? 1 : 0)
  let alertSent = false
  if (channels > 0 && shouldNotify(result, reporting.notifyOn)) {
    // Built from the redacted result (and the run's URL): nothing in it needs redacting again.
    const alert = buildAlert(result, config.run)
    const jobs: Promise<[string, Delivery]>[] = []
    if (reporting.slack) {
      const slack = reporting.slack
      const message = renderSlackMessage(alert)
      deps.log.debug(
        `Slack message: ${message.blocks.length} blocks, ${JSON.stringify(message).length} characters`,
      )
      const http = deps.http ?? actionsHttpPost(`${ACTION_NAME}/${ACTION_VERSION}`)
      jobs.push(
        sendSlack(
          slack,
          message,
          {
            http,
            env: deps.env,
            now: deps.now,
            sleep: deps.sleep,
            signal: deps.signal,
            deadline: deps.deadline,
          },
          deps.slackPolicy,
        ).then((d) => [`Slack (${slack.kind === 'webhook' ? 'webhook' : 'chat.postMessage'})`, d]),
      )
    }
    if (reporting.snsTopicArn) {
      const email = renderEmail(alert)
      jobs.push(publishEmail(deps.aws, reporting.snsTopicArn, email).then((d) => ['E-mail (SNS)', d]))
    }
    const results = await Promise.all(jobs)
    for (const [channel, d] of results) {
      if (d.ok) {
        deps.log.info(`${channel}: alert delivered${d.detail ? ` (${redact(d.detail)})` : ''}`)
        deliveries.push({ channel, ok: true, text: 'alert delivered' })
      } else {
        const error = redact(d.error)
        alertFailures.push(`${channel}: ${error}`)
        deliveries.push({ channel, ok: false, text: `alert NOT delivered: ${error}` })
      }
    }
    // alert-sent is true only when every configured channel took the alert.
    alertSent = results.every(([, d]) => d.ok)
  } else if (channels > 0) {
    const why = result.cancelled ? 'the run was cancelled' : `notify-on is "${reporting.notifyOn}"`
    deps.log.info(`Alerts: none sent (${why})`)
    deliveries.push({ channel: 'Alerts', ok: true, text: `none sent: ${why}` })
  }

  // Commit status.
  const target = statusTarget(config)
  if (target && !('problem' in target) && !session.statusBlocked) {
    const due = endStatus(result, reporting.statusFinal)
    const update = { ...due, description: redact(due.description) }
    const timeout = result.cancelled ? AFTER_CANCEL_MS : STATUS_TIMEOUT_MS
    const r = await sendStatus(config, deps, target, update, timeout, result.cancelled ? 1 : 3)
    const channel = `Commit status "${target.context}"`
    if (r.ok) {
      deps.log.info(`Commit status "${target.context}": ${update.state} on ${shortSha(target.sha)}`)
      deliveries.push({ channel, ok: true, text: `${update.state} — ${update.description}` })
    } else {
      deps.log.warning(redact(r.error))
      deliveries.push({
        channel,
        ok: false,
        text: `not updated (${update.state} was due): ${redact(r.error).split('\n')[0]}`,
      })
    }
  } else if (target) {
    const context = 'problem' in target ? reporting.statusContext! : target.context
    deliveries.push({
      channel: `Commit status "${context}"`,
      ok: false,
      text: `not posted: ${session.statusProblem ?? 'see the warnings'}`,
    })
  }

  const line = `Alert not delivered — ${alertFailures.join('; ')}`
  const effect = deliveryProblemEffect(result, reporting.failOnAlertError)
  // With fail-on-alert-error the step fails although the verdict stands: the summary must say so at the top.
  const alertFailure = alertFailures.length > 0 && effect !== 'warning' ? line : undefined
  const setOutput = deps.output ?? core.setOutput
  for (const [name, value] of Object.entries(toOutputs(result, alertSent))) setOutput(name, redact(value))
  const summaryPath = deps.env.GITHUB_STEP_SUMMARY
  if (summaryPath) {
    const summary = redact(renderSummary(result, { run: config.run, deliveries, alertFailure }))
    try {
      await appendFile(summaryPath, summary)
    } catch (e) {
      deps.log.warning(`Could not write the job summary: ${(e as Error).message}`)
    }
  }
  for (const w of result.warnings) deps.log.warning(redact(w))

  if (alertFailures.length === 0) return { alertSent }
  // main says this line after the verdict's own (fails the step with it when the verdict is a success).
  if (effect !== 'warning') return { alertSent, problem: { line, effect } }
  deps.log.warning(
    `${line}. The verdict (${result.cancelled ? 'cancelled' : result.verdict}) is unchanged; set fail-on-alert-error: true to fail the step instead.`,
  )
  return { alertSent }
}

async function sendStatus(
  config: Config,
  deps: ReportDeps,
  target: StatusTarget,
  update: StatusUpdate,
  timeoutMs: number,
  attempts = 3,
): Promise<StatusDelivery> {
  let client: GitHubClient
  try {
    const token = config.reporting.githubToken!
    client = await (deps.github ?? ((t: string) => createGitHubClient(t, config.run)))(token)
  } catch (e) {
    return { ok: false, attempts: 0, error: `Could not create the GitHub client: ${(e as Error).message}` }
  }
  // Retried as alerts are: Retry-After honoured, exponential back-off otherwise, no attempt after a cancel.
  let last: StatusDelivery = { ok: false, attempts: 0, error: 'not attempted' }
  const redact = redactorOf(config, deps)
  const delivery = await withRetries(
    async (): Promise<AttemptResult> => {
      const left = deps.deadline === undefined ? timeoutMs : deps.deadline - deps.now()
      last = await postStatus(client, target, update, Math.max(0, Math.min(timeoutMs, left)))
      if (last.ok) return { ok: true }
      if (!last.retryable) return { ok: false, retry: false, error: last.error }
      deps.log.debug(redact(`Commit status attempt failed (${last.error})`))
      return { ok: false, retry: true, error: last.error, retryAfterMs: last.retryAfterMs }
    },
    {
      now: deps.now,
      sleep: deps.sleep,
      signal: deps.signal,
      deadline: deps.deadline,
    },
    { ...STATUS_RETRY_POLICY, maxAttempts: attempts },
  )
  return delivery.ok ? delivery : { ...last, attempts: delivery.attempts, error: delivery.error }
}

function redactorOf(config: Config, deps: ReportDeps): Redactor {
  return deps.redact ?? createRedactor(secretsOf(config, deps.env))
}
