// The emulator's Slack endpoints answer as Slack does: webhook plain-text `ok` / error codes with a non-200
// status, chat.postMessage HTTP 200 with ok true/false, 429 with Retry-After, Block Kit limits.
import { afterEach, describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator } from '../index.js'
import { slackPlugin, type SlackState } from '../services/slack/index.js'
import type { SlackScenario } from '../services/slack/scenario.js'

let emulator: Emulator
afterEach(() => emulator.stop())

async function start(slack: SlackScenario = {}) {
  emulator = await startEmulator({ scenario: { slack }, plugins: [slackPlugin] })
}

const message = { text: 'hello', blocks: [{ type: 'header', text: { type: 'plain_text', text: 'Hi' } }] }

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${emulator.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: res.status, retryAfter: res.headers.get('retry-after'), text: await res.text() }
}

describe('incoming webhook', () => {
  it.each([
    ['a good message', {}, 'T000/B000/XXXX', message, 200, 'ok'],
    ['an unknown webhook', { webhooks: ['T000/B000/OTHER'] }, 'T000/B000/XXXX', message, 404, 'no_service'],
    ['a body that is not JSON', {}, 'T000/B000/XXXX', '{nope', 400, 'invalid_payload'],
    ['no text and no blocks', {}, 'T000/B000/XXXX', {}, 400, 'no_text'],
    [
      '51 blocks',
      {},
      'T000/B000/XXXX',
      { text: 'x', blocks: Array(51).fill({ type: 'divider' }) },
      400,
      'invalid_blocks',
    ],
    [
      'a header over 150',
      {},
      'T000/B000/XXXX',
      { blocks: [{ type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } }] },
      400,
      'invalid_blocks',
    ],
  ])('%s', async (_name, scenario, path, body, status, text) => {
    await start(scenario as SlackScenario)
    expect(await post(`/slack/webhook/${path}`, body)).toMatchObject({ status, text })
  })

  it('scripted 429 with Retry-After, then ok; messages are recorded', async () => {
    await start({ script: [{ endpoint: 'webhook', status: 429, retryAfter: 7, times: 1 }] })
    expect(await post('/slack/webhook/T000/B000/XXXX', message)).toMatchObject({
      status: 429,
      retryAfter: '7',
    })
    expect(await post('/slack/webhook/T000/B000/XXXX', message)).toMatchObject({ status: 200, text: 'ok' })
    expect((emulator.world.states.slack as SlackState).messages).toHaveLength(1)
  })
})

describe('chat.postMessage', () => {
  const auth = { authorization: 'Bearer xoxb-1-2-abc' }
  it('answers ok:true with channel and ts', async () => {
    await start()
    const r = await post('/slack/api/chat.postMessage', { channel: 'C0123456789', ...message }, auth)
    expect(r.status).toBe(200)
    expect(JSON.parse(r.text)).toMatchObject({
      ok: true,
      channel: 'C0123456789',
      ts: expect.stringMatching(/^\d+\.\d{6}$/),
    })
  })

  it.each([
    ['no token', {}, {}, 'not_authed'],
    ['a bad token', {}, { authorization: 'Bearer nope' }, 'invalid_auth'],
    ['an unknown channel', { channels: ['C1'] }, auth, 'channel_not_found'],
    ['a channel the bot is not in', { notInChannel: ['C0123456789'] }, auth, 'not_in_channel'],
    [
      'a scripted failure',
      { script: [{ endpoint: 'chat.postMessage', error: 'internal_error' }] },
      auth,
      'internal_error',
    ],
  ])('%s → HTTP 200 ok:false', async (_name, scenario, headers, error) => {
    await start(scenario as SlackScenario)
    const r = await post('/slack/api/chat.postMessage', { channel: 'C0123456789', ...message }, headers)
    expect(r.status).toBe(200)
    expect(JSON.parse(r.text)).toEqual({ ok: false, error })
  })
})
