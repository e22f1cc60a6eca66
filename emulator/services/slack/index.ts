// Slack's two ways in: an incoming webhook (`POST /slack/webhook/T…/B…/…`, answering plain-text `ok` or an
// error code with a non-200 status) and the Web API's chat.postMessage (`POST /slack/api/chat.postMessage`,
// answering HTTP 200 `{ok:true, channel, ts}` or HTTP 200 `{ok:false, error}`); both answer 429 with
// Retry-After when rate limited. Received messages are kept in `world.states.slack.messages` for tests.
import { must } from '../../core/must.js'
import type {
  EmulatorPlugin,
  HttpRequest,
  HttpResponse,
  HttpRoute,
  RequestContext,
} from '../../core/types.js'
import { checkMessage } from './blocks.js'
import { parseSlackScenario, type SlackScenario, type SlackScriptedAnswer } from './scenario.js'

export interface SlackMessageRecord {
  endpoint: 'webhook' | 'chat.postMessage'
  /** Webhook path or channel. */
  to: string
  ts: string
  payload: Record<string, unknown>
}

export interface SlackState {
  messages: SlackMessageRecord[]
}

const WEBHOOK = /^\/slack\/webhook\/(.+)$/
const API = /^\/slack\/api\/([A-Za-z.]+)$/

export const slackPlugin: EmulatorPlugin = {
  scenarioKey: 'slack',
  create(section, world) {
    const scenario = parseSlackScenario(section)
    const state: SlackState = { messages: [] }
    world.states.slack = state
    const script = (scenario.script ?? []).map((a) => ({ ...a, left: a.times ?? Infinity }))
    return { routes: [slackRoute(scenario, state, script)] }
  },
}

type Scripted = SlackScriptedAnswer & { left: number }

function slackRoute(scenario: SlackScenario, state: SlackState, script: Scripted[]): HttpRoute {
  let seq = 0
  const ts = (ctx: RequestContext) => {
    seq += 1
    return `${Math.floor(ctx.clock.now() / 1000)}.${String(seq).padStart(6, '0')}`
  }
  return {
    service: 'slack',
    match(req) {
      if (WEBHOOK.test(req.path)) return 'webhook'
      const m = API.exec(req.path)
      return m ? m[1] : undefined
    },
    handle(req, ctx) {
      const webhook = WEBHOOK.exec(req.path)
      const endpoint = webhook ? 'webhook' : API.exec(req.path)![1]
      if (endpoint !== 'webhook' && endpoint !== 'chat.postMessage')
        return api(200, { ok: false, error: 'unknown_method' })
      if (req.method !== 'POST') {
        return endpoint === 'webhook'
          ? plain(405, 'invalid_method')
          : api(200, { ok: false, error: 'invalid_request' })
      }
      const scripted = script.find((a) => a.left > 0 && (a.endpoint === undefined || a.endpoint === endpoint))
      if (scripted) {
        scripted.left -= 1
        const answer = scriptedAnswer(endpoint, scripted)
        if (answer) return answer
      }
      return endpoint === 'webhook'
        ? handleWebhook(must(webhook?.[1], 'the webhook path'), req, scenario, state, ts(ctx))
        : handlePostMessage(req, scenario, state, ts(ctx))
    },
  }
}

function scriptedAnswer(endpoint: string, a: SlackScriptedAnswer): HttpResponse | undefined {
  const status = a.status ?? (endpoint === 'webhook' ? 500 : 200)
  if (status === 429) {
    const headers = { 'retry-after': String(a.retryAfter ?? 1) }
    return endpoint === 'webhook'
      ? {
          ...plain(429, a.error ?? 'rate_limited'),
          headers: { 'content-type': 'text/plain; charset=utf-8', ...headers },
        }
      : {
          ...api(429, { ok: false, error: a.error ?? 'ratelimited' }),
          headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
        }
  }
  if (endpoint === 'webhook') return plain(status, a.error ?? 'rollup_error')
  if (status === 200) return api(200, { ok: false, error: a.error ?? 'internal_error' })
  return {
    status,
    headers: { 'content-type': 'text/html' },
    body: `<html><body><h1>${status}</h1></body></html>`,
  }
}

function handleWebhook(
  path: string,
  req: HttpRequest,
  scenario: SlackScenario,
  state: SlackState,
  ts: string,
): HttpResponse {
  const known = scenario.webhooks
    ? scenario.webhooks.includes(path)
    : /^T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]+$/.test(path)
  if (!known) return plain(404, 'no_service')
  let payload: Record<string, unknown>
  try {
    payload = parseBody(req)
  } catch {
    return plain(400, 'invalid_payload')
  }
  const error = checkMessage(payload)
  if (error) return plain(400, error === 'msg_blocks_too_long' ? 'invalid_blocks' : error)
  state.messages.push({ endpoint: 'webhook', to: path, ts, payload })
  return plain(200, 'ok')
}

function handlePostMessage(
  req: HttpRequest,
  scenario: SlackScenario,
  state: SlackState,
  ts: string,
): HttpResponse {
  let payload: Record<string, unknown>
  try {
    payload = parseBody(req)
  } catch {
    return api(200, { ok: false, error: 'invalid_json' })
  }
  const auth = header(req, 'authorization')
  const token = auth?.startsWith('Bearer ')
    ? auth.slice(7)
    : typeof payload.token === 'string'
      ? payload.token
      : undefined
  if (!token) return api(200, { ok: false, error: 'not_authed' })
  const valid = scenario.tokens ? scenario.tokens.includes(token) : /^xox[bp]-/.test(token)
  if (!valid) return api(200, { ok: false, error: 'invalid_auth' })
  const channel = typeof payload.channel === 'string' ? payload.channel : ''
  if (!channel) return api(200, { ok: false, error: 'channel_not_found' })
  if (scenario.channels && !scenario.channels.includes(channel))
    return api(200, { ok: false, error: 'channel_not_found' })
  if (scenario.notInChannel?.includes(channel)) return api(200, { ok: false, error: 'not_in_channel' })
  const error = checkMessage(payload)
  if (error) return api(200, { ok: false, error })
  const { token: _token, ...stored } = payload
  state.messages.push({ endpoint: 'chat.postMessage', to: channel, ts, payload: stored })
  const id = /^[CGD][A-Z0-9]+$/.test(channel) ? channel : `C${hash(channel)}`
  return api(200, {
    ok: true,
    channel: id,
    ts,
    message: { type: 'message', subtype: 'bot_message', text: payload.text, ts },
  })
}

function parseBody(req: HttpRequest): Record<string, unknown> {
  const type = header(req, 'content-type') ?? ''
  if (type.startsWith('application/x-www-form-urlencoded')) {
    const form = Object.fromEntries(new URLSearchParams(req.body))
    if (typeof form.blocks === 'string') return { ...form, blocks: JSON.parse(form.blocks) }
    if (typeof form.payload === 'string') return JSON.parse(form.payload)
    return form
  }
  const parsed = JSON.parse(req.body) as unknown
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object')
  return parsed as Record<string, unknown>
}

function header(req: HttpRequest, name: string): string | undefined {
  const v = req.headers[name]
  return Array.isArray(v) ? v[0] : v
}

function plain(status: number, body: string): HttpResponse {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body }
}

function api(status: number, body: unknown): HttpResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
  }
}

function hash(s: string): string {
  let h = 0
  for (const c of s) h = (h * 31 + c.charCodeAt(0)) >>> 0
  return h.toString(36).toUpperCase().padStart(8, '0').slice(0, 10)
}
