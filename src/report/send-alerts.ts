// The alerts step: when notify-on asks for one, the Slack message and the e-mail (SNS) go out side by side, and
// each channel's outcome becomes a summary line — an undelivered one also a failure line for alert-policy.ts.
import type { Config, ReportingConfig, SlackTarget } from '../config/types.js'
import type { StepResult } from '../result.js'
import type { Redactor } from '../secrets.js'
import { ACTION_NAME, ACTION_VERSION } from '../version.js'
import { buildAlert, shouldNotify, type Alert } from './alert.js'
import type { ReportDeps } from './deps.js'
import { renderEmail } from './email.js'
import { actionsHttpPost } from './http.js'
import type { Delivery } from './retry.js'
import { sendSlack } from './slack.js'
import { renderSlackMessage } from './slack-message.js'
import { publishEmail } from './sns.js'
import type { DeliveryLine } from './summary.js'

export interface AlertsOutcome {
  /** Every configured channel took the alert (false when none was sent). */
  sent: boolean
  /** One line per channel, or one saying why none was sent: for the summary. */
  lines: DeliveryLine[]
  /** `<channel>: <error>` for each channel that did not take the alert. */
  failures: string[]
}

/** Sends the alert of a redacted result to every configured channel. Never throws for a delivery problem. */
export async function sendAlerts(
  result: StepResult,
  config: Config,
  deps: ReportDeps,
  redact: Redactor,
): Promise<AlertsOutcome> {
  const { reporting } = config
  if (!reporting.slack && !reporting.snsTopicArn) return { sent: false, lines: [], failures: [] }
  if (!shouldNotify(result, reporting.notifyOn)) return noneSent(result, reporting, deps)
  // Built from the redacted result (and the run's URL): nothing in it needs redacting again.
  const alert = buildAlert(result, config.run)
  const delivered = await Promise.all(deliveries(alert, reporting, deps))
  return tally(delivered, deps, redact)
}

function noneSent(result: StepResult, reporting: ReportingConfig, deps: ReportDeps): AlertsOutcome {
  const why = result.cancelled ? 'the run was cancelled' : `notify-on is "${reporting.notifyOn}"`
  deps.log.info(`Alerts: none sent (${why})`)
  return { sent: false, lines: [{ channel: 'Alerts', ok: true, text: `none sent: ${why}` }], failures: [] }
}

/** One delivery per configured channel, each named as the summary names it. */
function deliveries(
  alert: Alert,
  reporting: ReportingConfig,
  deps: ReportDeps,
): Promise<[string, Delivery]>[] {
  const jobs: Promise<[string, Delivery]>[] = []
  if (reporting.slack) jobs.push(toSlack(alert, reporting.slack, deps))
  if (reporting.snsTopicArn) jobs.push(toEmail(alert, reporting.snsTopicArn, deps))
  return jobs
}

async function toSlack(alert: Alert, slack: SlackTarget, deps: ReportDeps): Promise<[string, Delivery]> {
  const message = renderSlackMessage(alert)
  deps.log.debug(
    `Slack message: ${message.blocks.length} blocks, ${JSON.stringify(message).length} characters`,
  )
  const http = deps.http ?? actionsHttpPost(`${ACTION_NAME}/${ACTION_VERSION}`)
  const { env, now, sleep, signal, deadline } = deps
  const delivery = await sendSlack(
    slack,
    message,
    { http, env, now, sleep, signal, deadline },
    deps.slackPolicy,
  )
  return [`Slack (${slack.kind === 'webhook' ? 'webhook' : 'chat.postMessage'})`, delivery]
}

async function toEmail(alert: Alert, topicArn: string, deps: ReportDeps): Promise<[string, Delivery]> {
  return ['E-mail (SNS)', await publishEmail(deps.aws, topicArn, renderEmail(alert))]
}

/** Logs each channel's outcome; alert-sent is true only when every configured channel took the alert. */
function tally(delivered: [string, Delivery][], deps: ReportDeps, redact: Redactor): AlertsOutcome {
  const lines: DeliveryLine[] = []
  const failures: string[] = []
  for (const [channel, d] of delivered) {
    if (d.ok) {
      deps.log.info(`${channel}: alert delivered${d.detail ? ` (${redact(d.detail)})` : ''}`)
      lines.push({ channel, ok: true, text: 'alert delivered' })
    } else {
      const error = redact(d.error)
      failures.push(`${channel}: ${error}`)
      lines.push({ channel, ok: false, text: `alert NOT delivered: ${error}` })
    }
  }
  return { sent: delivered.every(([, d]) => d.ok), lines, failures }
}
