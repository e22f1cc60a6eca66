// The reporting section: where alerts go (Slack, SNS), when (notify-on), the commit status, and whether a
// failed alert fails the step.
import { Inputs, type Mode } from '../inputs.js'
import { SLACK_CHANNEL } from './constraints.js'
import { parseArn, parseBoolean, parseEnum, parseLinkUrl, parseWebhookUrl, shown } from './parse.js'
import type { Reader } from './reader.js'
import type { DeploymentTarget, ReportingConfig, SlackTarget } from './types.js'

export function readReporting(
  r: Reader,
  mode: Mode | undefined,
  region: string | undefined,
): ReportingConfig | undefined {
  const slack = readSlack(r)
  const notifyOn = r.parse(Inputs.NotifyOn, (i, v) =>
    parseEnum(i, v, ['failure', 'always', 'never'] as const),
  )
  const snsTopicArn = r.parse(Inputs.SnsTopicArn, (i, v) => parseArn(i, v, 'topic', region))
  const githubToken = r.optional(Inputs.GithubToken)
  const statusContext = r.optional(Inputs.StatusContext)
  if (statusContext !== undefined && githubToken === undefined && !r.has(Inputs.GithubToken))
    r.problem(
      Inputs.StatusContext,
      `is ${shown(statusContext)} but github-token is empty: a commit status is posted with a token that may write statuses; accepted: set github-token too (e.g. \${{ github.token }} with permissions: statuses: write), or leave status-context empty.`,
    )
  const statusFinal =
    r.optional(Inputs.StatusFinal) === undefined
      ? mode === 'validate'
      : r.parse(Inputs.StatusFinal, parseBoolean)
  const deployment = readDeployment(r, githubToken)
  const failOnAlertError = r.parse(Inputs.FailOnAlertError, parseBoolean)
  if (notifyOn === undefined || statusFinal === undefined || failOnAlertError === undefined) return undefined
  return {
    slack,
    notifyOn,
    snsTopicArn,
    githubToken,
    statusContext,
    statusFinal,
    deployment,
    failOnAlertError,
  }
}

/** The GitHub deployment: an environment name (with an optional URL), and a token to post it with. */
function readDeployment(r: Reader, githubToken: string | undefined): DeploymentTarget | undefined {
  const environment = r.optional(Inputs.DeploymentEnvironment)
  const url = r.parse(Inputs.EnvironmentUrl, parseLinkUrl)
  if (environment === undefined) {
    if (url !== undefined)
      r.problem(
        Inputs.EnvironmentUrl,
        'is set but deployment-environment is not; accepted: set deployment-environment (the GitHub environment the URL belongs to), or leave environment-url empty.',
      )
    return undefined
  }
  if (githubToken === undefined && !r.has(Inputs.GithubToken))
    r.problem(
      Inputs.DeploymentEnvironment,
      `is ${shown(environment)} but github-token is empty: a deployment is posted with a token that may write deployments; accepted: set github-token too (e.g. \${{ github.token }} with permissions: deployments: write), or leave deployment-environment empty.`,
    )
  return { environment, ...(url !== undefined ? { url } : {}) }
}

/** A webhook, or a bot token with a channel: one of the two, whole, or none. */
function readSlack(r: Reader): SlackTarget | undefined {
  const webhook = r.parse(Inputs.SlackWebhookUrl, parseWebhookUrl)
  const botToken = r.optional(Inputs.SlackBotToken)
  const channel = r.name(Inputs.SlackChannel, SLACK_CHANNEL)
  if (webhook !== undefined && botToken !== undefined)
    return r.problem(
      Inputs.SlackBotToken,
      'set either slack-webhook-url or slack-bot-token with slack-channel, not both.',
    )
  if (webhook !== undefined) return { kind: 'webhook', url: webhook }
  if (botToken !== undefined) {
    if (channel !== undefined) return { kind: 'bot', token: botToken, channel }
    if (r.has(Inputs.SlackChannel)) return undefined
    return r.problem(
      Inputs.SlackChannel,
      'is required with slack-bot-token: the channel ID (e.g. "C0123456789") or name to post to.',
    )
  }
  if (channel !== undefined && !r.given(Inputs.SlackBotToken))
    r.problem(
      Inputs.SlackBotToken,
      'slack-channel is set but slack-bot-token is not; chat.postMessage needs a bot token (or use slack-webhook-url instead).',
    )
  return undefined
}
