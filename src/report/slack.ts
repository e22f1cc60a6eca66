// Delivers the Slack message: an incoming webhook (answers plain-text `ok`, or an error code with a non-200
// status) or chat.postMessage with a bot token (answers HTTP 200 with `ok:false` on failure: always checked).
import type { SlackTarget } from '../config/types.js'
import { settleBy } from '../deadline.js'
import { headerValue, type HttpAnswer, type HttpPost } from './http.js'
import {
  isTransientNetworkError,
  networkErrorText,
  parseRetryAfter,
  withRetries,
  type AttemptResult,
  type Delivery,
  type RetryClock,
  type RetryPolicy,
} from './retry.js'
import type { SlackMessage } from './slack-message.js'

/** chat.postMessage goes here unless SLACK_API_URL overrides it (tests; Slack Enterprise proxies). */
export const DEFAULT_SLACK_API_URL = 'https://slack.com/api/'

export function slackApiUrl(env: NodeJS.ProcessEnv): string {
  const base = env.SLACK_API_URL?.trim() || DEFAULT_SLACK_API_URL
  return base.endsWith('/') ? base : `${base}/`
}

/** What an error code means, for the one warning line a user reads. */
const HINTS: Record<string, string> = {
  no_service: 'the webhook was removed or disabled; create a new one',
  invalid_token: 'the webhook or token was revoked',
  invalid_auth: 'the bot token is not valid',
  not_authed: 'no bot token was sent',
  token_revoked: 'the bot token was revoked',
  account_inactive: 'the bot user is deactivated',
  missing_scope: 'the bot token lacks the chat:write scope',
  channel_not_found: 'check slack-channel (use the channel ID, e.g. C0123456789)',
  not_in_channel: 'invite the bot to the channel (/invite @your-bot)',
  is_archived: 'the channel is archived',
  channel_is_archived: 'the channel is archived',
  action_prohibited: 'a workspace admin restricted this webhook',
  invalid_blocks: 'Slack rejected the message blocks',
  msg_too_long: 'the message was too long',
}

/** Slack error codes that can succeed on a later attempt. */
const RETRYABLE_CODES = new Set([
  'ratelimited',
  'rate_limited',
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
])

export interface SlackDeps extends RetryClock {
  http: HttpPost
  env: NodeJS.ProcessEnv
}

export async function sendSlack(
  target: SlackTarget,
  message: SlackMessage,
  deps: SlackDeps,
  policy?: RetryPolicy,
): Promise<Delivery> {
  const body = target.kind === 'webhook' ? message : { channel: target.channel, ...message }
  const url = target.kind === 'webhook' ? target.url : `${slackApiUrl(deps.env)}chat.postMessage`
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' }
  if (target.kind === 'bot') headers.authorization = `Bearer ${target.token}`
  const payload = JSON.stringify(body)
  return withRetries(
    async () => {
      let answer: HttpAnswer
      try {
        const request = deps.http(url, payload, headers)
        answer = await (deps.deadline === undefined ? request : settleBy(request, deps.deadline, 'Slack'))
      } catch (e) {
        const error = `could not reach Slack: ${networkErrorText(e)}`
        return isTransientNetworkError(e)
          ? { ok: false, retry: true, error }
          : { ok: false, retry: false, error }
      }
      return target.kind === 'webhook'
        ? judgeWebhook(answer, deps.now())
        : judgePostMessage(answer, deps.now())
    },
    deps,
    policy,
  )
}

export function judgeWebhook(answer: HttpAnswer, now: number): AttemptResult {
  const text = answer.body.trim().slice(0, 200)
  if (answer.status >= 200 && answer.status < 300) return { ok: true, detail: 'webhook' }
  return failure(answer, errorCodeOf(text) ?? text, now)
}

export function judgePostMessage(answer: HttpAnswer, now: number): AttemptResult {
  let json: { ok?: boolean; error?: string; channel?: string; ts?: string } | undefined
  try {
    json = JSON.parse(answer.body)
  } catch {
    json = undefined
  }
  if (answer.status === 200 && json?.ok === true) {
    return { ok: true, detail: `chat.postMessage to ${json.channel ?? 'the channel'} (ts ${json.ts ?? '?'})` }
  }
  const code = json?.error ?? errorCodeOf(answer.body.trim().slice(0, 200))
  if (answer.status === 200) {
    // HTTP 200 with ok:false: Slack's way of saying the message was NOT posted.
    const error = describe(`chat.postMessage answered ok:false`, code)
    return code && RETRYABLE_CODES.has(code)
      ? { ok: false, retry: true, error }
      : { ok: false, retry: false, error }
  }
  return failure(answer, code, now)
}

function failure(answer: HttpAnswer, code: string | undefined, now: number): AttemptResult {
  const error = describe(`Slack answered HTTP ${answer.status}`, code)
  if (answer.status === 429) {
    return {
      ok: false,
      retry: true,
      error,
      retryAfterMs: parseRetryAfter(headerValue(answer.headers, 'retry-after'), now) ?? 1000,
    }
  }
  if (answer.status >= 500) return { ok: false, retry: true, error }
  return { ok: false, retry: false, error }
}

function describe(prefix: string, code: string | undefined): string {
  if (!code) return prefix
  const hint = HINTS[code]
  return `${prefix} ${code}${hint ? ` (${hint})` : ''}`
}

/** A Slack error code is one lowercase word (`no_service`); anything else (an HTML error page) is not. */
function errorCodeOf(text: string): string | undefined {
  if (/^[a-z_]{2,60}$/.test(text)) return text
  try {
    const json = JSON.parse(text) as { error?: unknown }
    return typeof json.error === 'string' ? json.error : undefined
  } catch {
    return undefined
  }
}
