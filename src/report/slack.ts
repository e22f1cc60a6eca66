// Delivers the Slack message: an incoming webhook (answers plain-text `ok`, or an error code with a non-200
// status) or chat.postMessage with a bot token (answers HTTP 200 with `ok:false` on failure: always checked).
// Anything else — an HTML page from a proxy or captive portal (whatever its status), a body cut short, JSON
// that does not parse, a webhook's 200 whose body is not `ok` — is not Slack's answer: the alert may or may not
// have been posted, so it is said plainly, never quoted beyond a sanitized excerpt, and retried like a 5xx.
import type { SlackTarget } from '../config/types.js'
import { realTimeOf, settleBy } from '../deadline.js'
import { AnswerCutError, answerShape, headerValue, isHtml, type HttpAnswer, type HttpPost } from './http.js'
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
        // The deadline is on deps' clock (a manual one in tests); the wait is in real time.
        const giveUpAt = deps.deadline === undefined ? undefined : realTimeOf(deps.deadline, deps.now)
        answer = await (giveUpAt === undefined ? request : settleBy(request, giveUpAt, 'Slack'))
      } catch (e) {
        if (e instanceof AnswerCutError) {
          const error = `the connection broke while Slack was answering (HTTP ${e.status}, ${e.code}) — ${MAYBE}`
          return { ok: false, retry: true, error }
        }
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

/** What follows an answer that is not Slack's: the alert's fate is unknown. */
const MAYBE = 'the alert may not have been delivered'

/** An answer that is not Slack's (a page, a cut or unparsable body): said plainly, retried like a 5xx. */
export function notSlacksAnswer(answer: HttpAnswer): AttemptResult {
  return {
    ok: false,
    retry: true,
    error: `Slack answered with something that is not Slack's answer (${answerShape(answer)}) — ${MAYBE}`,
  }
}

/**
 * Slack's incoming webhooks answer HTTP 200 with the plain text `ok` on success and a non-200 status with a
 * plain-text error code otherwise (reference §6.1): a 200 with any other body did not come from Slack's
 * webhook, so the alert is not known to be posted.
 */
export function judgeWebhook(answer: HttpAnswer, now: number): AttemptResult {
  if (isHtml(answer)) return notSlacksAnswer(answer)
  const text = answer.body.trim()
  if (answer.status >= 200 && answer.status < 300) {
    return text === 'ok' ? { ok: true, detail: 'webhook' } : notSlacksAnswer(answer)
  }
  const code = errorCodeOf(text)
  if (code === undefined && answer.status !== 429) return notSlacksAnswer(answer)
  return failure(answer, code, now)
}

/** chat.postMessage answers JSON with a boolean `ok` (HTTP 200 even for most errors, reference §6.2). */
export function judgePostMessage(answer: HttpAnswer, now: number): AttemptResult {
  if (isHtml(answer)) return notSlacksAnswer(answer)
  const json = parseObject(answer.body)
  if (answer.status === 200 && json?.ok === true) {
    const channel = typeof json.channel === 'string' ? excerptId(json.channel) : undefined
    const ts = typeof json.ts === 'string' ? excerptId(json.ts) : undefined
    return { ok: true, detail: `chat.postMessage to ${channel ?? 'the channel'} (ts ${ts ?? '?'})` }
  }
  const code = typeof json?.error === 'string' ? errorCodeOf(json.error) : undefined
  if (answer.status === 200) {
    if (json?.ok !== false) return notSlacksAnswer(answer)
    // HTTP 200 with ok:false: Slack's way of saying the message was NOT posted.
    const error = describe(`chat.postMessage answered ok:false`, code)
    return code && RETRYABLE_CODES.has(code)
      ? { ok: false, retry: true, error }
      : { ok: false, retry: false, error }
  }
  if (code === undefined && answer.status !== 429) return notSlacksAnswer(answer)
  return failure(answer, code, now)
}

function parseObject(body: string): Record<string, unknown> | undefined {
  try {
    const json: unknown = JSON.parse(body)
    return json && typeof json === 'object' && !Array.isArray(json)
      ? (json as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}

/** A channel ID or a ts as Slack writes them; anything else is not repeated. */
function excerptId(value: string): string | undefined {
  return /^[A-Za-z0-9._-]{1,40}$/.test(value) ? value : undefined
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
  const trimmed = text.trim()
  if (/^[a-z_]{2,60}$/.test(trimmed)) return trimmed
  const json = parseObject(trimmed)
  return typeof json?.error === 'string' && /^[a-z_]{2,60}$/.test(json.error) ? json.error : undefined
}
