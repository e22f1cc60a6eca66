// Slack and GitHub answers that are not theirs — an HTML page (captive portal at 200, proxy error at 502), a body
// cut short by a reset, JSON that does not parse, a webhook 200 whose body is not `ok` — through the emulator's
// fault kinds: said plainly (status and media type, never the page), retried like a 5xx within the bound and
// the deadline, and never read as delivered.
import { afterEach, describe, expect, it } from '@jest/globals'
import type { Emulator } from '../../emulator/index.js'
import type { FaultRule } from '../../emulator/core/faults.js'
import { answerShape, excerpt, type HttpAnswer } from '../../src/report/http.js'
import { judgePostMessage, judgeWebhook, sendSlack } from '../../src/report/slack.js'
import { monitorFailure } from './fixtures.js'
import { TEST_SHA } from '../fixtures/inputs.js'
import { runReports, startReportEmulator, statusesOf, type Run } from './harness.js'

let emulator: Emulator | undefined
afterEach(async () => {
  await emulator?.stop()
  emulator = undefined
})

const base = { 'project-name': 'shop', environment: 'staging' }
const bot = { 'slack-bot-token': 'xoxb-1111-2222-abcdefABCDEF', 'slack-channel': 'C0123456789' }
const token = { 'github-token': 'ghs_0123456789abcdefSECRET' }

/** Nothing of a page or a raw body reached the log, the summary or the outputs. */
function expectNothingQuoted(run: Run) {
  const written = [run.stdout, run.summary, ...run.log.lines, ...Object.values(run.outputs)].join('\n')
  expect(written).not.toMatch(
    /<html|<!DOCTYPE|<title|Sign in to the network|Bad Gateway|the rest of this answer/i,
  )
}

const slackTargets = [
  {
    name: 'webhook',
    inputs: (e: Emulator) => ({ 'slack-webhook-url': `${e.url}/slack/webhook/T000/B000/XXXX` }),
    env: (): Record<string, string> => ({}),
    channel: 'Slack (webhook)',
  },
  {
    name: 'chat.postMessage',
    inputs: () => bot,
    env: (e: Emulator): Record<string, string> => ({ SLACK_API_URL: e.env.SLACK_API_URL }),
    channel: 'Slack (chat.postMessage)',
  },
]

describe.each(slackTargets)('Slack $name: an answer that is not Slack’s', ({ inputs, env, channel }) => {
  const cases: [string, FaultRule, string][] = [
    ['a captive portal page (HTTP 200)', { htmlRate: 1 }, '(HTTP 200, text/html)'],
    ['a proxy error page (HTTP 502)', { htmlRate: 1, htmlStatus: 502 }, '(HTTP 502, text/html)'],
    ['truncated JSON (HTTP 200)', { malformedRate: 1 }, '(HTTP 200, application/json'],
  ]

  it.each(cases)('%s: said plainly, retried up to the bound, not delivered', async (_, rule, shape) => {
    emulator = await startReportEmulator()
    emulator.setFaults({ rules: [{ service: 'slack', ...rule }] })
    const run = await runReports(emulator, {
      inputs: { ...base, mode: 'monitor', ...inputs(emulator) },
      result: monitorFailure(),
      env: env(emulator),
    })
    // Retried like a 5xx: every attempt of the delivery policy, then given up.
    expect(emulator.log.where({ service: 'slack' })).toHaveLength(5)
    expect(run.outcome.alertSent).toBe(false)
    expect(run.outputs['alert-sent']).toBe('false')
    const warning = run.log.lines.find((l) => l.startsWith('warning: Alert not delivered'))!
    expect(warning).toContain(`${channel}: Slack answered with something that is not Slack's answer ${shape}`)
    expect(warning).toContain('— the alert may not have been delivered (gave up after 5 attempts')
    expect(run.summary).toContain('alert NOT delivered')
    expectNothingQuoted(run)
  })

  it.each(cases)('%s once: the next attempt delivers', async (_, rule) => {
    emulator = await startReportEmulator()
    emulator.setFaults({ rules: [{ service: 'slack', firstCalls: 1, ...rule }] })
    const run = await runReports(emulator, {
      inputs: { ...base, mode: 'monitor', ...inputs(emulator) },
      result: monitorFailure(),
      env: env(emulator),
    })
    expect(emulator.log.where({ service: 'slack' })).toHaveLength(2)
    expect(run.outcome.alertSent).toBe(true)
    expect(run.log.lines.some((l) => l.startsWith(`${channel}: alert delivered`))).toBe(true)
  })

  it('a reset mid-answer: the broken connection is named, retried, and the step does not hang', async () => {
    emulator = await startReportEmulator()
    emulator.setFaults({ rules: [{ service: 'slack', resetRate: 1, firstCalls: 1 }] })
    const t = Date.now()
    const run = await runReports(emulator, {
      inputs: { ...base, mode: 'monitor', ...inputs(emulator) },
      result: monitorFailure(),
      env: env(emulator),
    })
    expect(Date.now() - t).toBeLessThan(5000)
    expect(emulator.log.where({ service: 'slack' }).map((e) => e.fault)).toEqual(['reset', undefined])
    // The first request was acted on before its answer was cut: Slack may show the alert twice, never zero times.
    expect(run.slack.messages.length).toBeGreaterThanOrEqual(1)
    expect(run.outcome.alertSent).toBe(true)
  })

  it('resets on every attempt: "may not have been delivered", not "could not reach"', async () => {
    emulator = await startReportEmulator()
    emulator.setFaults({ rules: [{ service: 'slack', resetRate: 1 }] })
    const run = await runReports(emulator, {
      inputs: { ...base, mode: 'monitor', ...inputs(emulator) },
      result: monitorFailure(),
      env: env(emulator),
    })
    const warning = run.log.lines.find((l) => l.startsWith('warning: Alert not delivered'))!
    expect(warning).toContain(
      'the connection broke while Slack was answering (HTTP 200, ECONNRESET) — the alert may not have been delivered',
    )
    expect(run.outcome.alertSent).toBe(false)
  })
})

describe('Commit status: an answer that is not GitHub’s', () => {
  const inputs = { ...base, mode: 'monitor', 'status-context': 'deploy/staging', ...token }

  it.each<[string, FaultRule, string]>([
    ['a captive portal page (HTTP 200)', { htmlRate: 1 }, '(HTTP 200, text/html)'],
    ['a proxy error page (HTTP 502)', { htmlRate: 1, htmlStatus: 502 }, '(HTTP 502, text/html)'],
    ['truncated JSON (HTTP 200)', { malformedRate: 1 }, '(HTTP 200, application/json'],
    [
      'a reset mid-body (HTTP 201, nothing readable)',
      { resetRate: 1 },
      '(HTTP 201, application/json, empty body)',
    ],
  ])('%s: said plainly, retried, never read as posted', async (_, rule, shape) => {
    emulator = await startReportEmulator()
    emulator.setFaults({ rules: [{ service: 'github', ...rule }] })
    const run = await runReports(emulator, { inputs, result: monitorFailure() })
    // reportStart and reportEnd: 3 attempts each.
    expect(emulator.log.where({ service: 'github' })).toHaveLength(6)
    const warnings = run.log.lines.filter((l) => l.startsWith('warning: Could not post commit status'))
    expect(warnings).toHaveLength(2)
    for (const w of warnings) {
      expect(w).toContain(`GitHub answered with something that is not GitHub's answer ${shape}`)
      expect(w).toContain('— the commit status may not have been posted (gave up after 3 attempts')
    }
    expect(run.summary).toContain('not updated')
    expectNothingQuoted(run)
  })

  it('a page once: the next attempt posts the status', async () => {
    emulator = await startReportEmulator()
    emulator.setFaults({ rules: [{ service: 'github', htmlRate: 1, htmlStatus: 502, firstCalls: 1 }] })
    const run = await runReports(emulator, { inputs, result: monitorFailure() })
    expect(emulator.log.where({ service: 'github' }).map((e) => e.status)).toEqual([502, 201, 201])
    expect(statusesOf(run, TEST_SHA).map((s) => s.state)).toEqual(['pending', 'failure'])
    expect(run.log.lines.some((l) => l.startsWith('warning:'))).toBe(false)
  })
})

describe('judging one answer', () => {
  const answer = (status: number, type: string, body: string): HttpAnswer => ({
    status,
    headers: type ? { 'content-type': type } : {},
    body,
  })

  it.each<[string, HttpAnswer, (r: ReturnType<typeof judgeWebhook>) => void]>([
    ['200 ok', answer(200, 'text/plain', 'ok'), (r) => expect(r.ok).toBe(true)],
    [
      // Slack's webhook says `ok` and nothing else on success (reference §6.1): anything else is not its answer.
      '200 with another body',
      answer(200, 'text/plain', 'Accepted, thank you'),
      (r) =>
        expect(r).toEqual({
          ok: false,
          retry: true,
          error:
            'Slack answered with something that is not Slack\'s answer (HTTP 200, text/plain: "Accepted, thank you") — the alert may not have been delivered',
        }),
    ],
    ['200 empty', answer(200, '', ''), (r) => expect(!r.ok && r.error).toContain('(HTTP 200, empty body)')],
    [
      '404 no_service: Slack’s own error, not retried',
      answer(404, 'text/plain', 'no_service'),
      (r) => expect(r).toMatchObject({ ok: false, retry: false }),
    ],
    [
      '403 page: a proxy, retried',
      answer(403, 'text/html', '<h1>Forbidden</h1>'),
      (r) => expect(r).toMatchObject({ ok: false, retry: true }),
    ],
    [
      'HTML without a content type',
      answer(200, '', '<!doctype html><p>hi</p>'),
      (r) => expect(!r.ok && r.error).toContain('(HTTP 200) —'),
    ],
  ])('webhook: %s', (_, a, check) => check(judgeWebhook(a, 0)))

  it.each<[string, HttpAnswer, boolean | 'retry' | 'final']>([
    ['ok:true', answer(200, 'application/json', '{"ok":true,"channel":"C1","ts":"1.000001"}'), true],
    [
      'ok:false channel_not_found',
      answer(200, 'application/json', '{"ok":false,"error":"channel_not_found"}'),
      'final',
    ],
    ['ok:false ratelimited', answer(200, 'application/json', '{"ok":false,"error":"ratelimited"}'), 'retry'],
    ['ok is not a boolean', answer(200, 'application/json', '{"ok":"yes"}'), 'retry'],
    ['a JSON array', answer(200, 'application/json', '[true]'), 'retry'],
    ['cut JSON', answer(200, 'application/json', '{"ok":tr'), 'retry'],
    ['a 502 page', answer(502, 'text/html', '<html><title>502</title></html>'), 'retry'],
    ['a 400 with no error code', answer(400, 'text/plain', 'Bad request'), 'retry'],
  ])('chat.postMessage: %s', (_, a, expected) => {
    const r = judgePostMessage(a, 0)
    if (expected === true) expect(r.ok).toBe(true)
    else expect(r).toMatchObject({ ok: false, retry: expected === 'retry' })
  })

  it('an excerpt is one short line with no control character, HTML, mention or quote', () => {
    const hostile = `<!channel> @here \u001b[31mred\u0007\r\n::error::x "quoted" \`code\` &amp; ${'long '.repeat(40)}`
    const e = excerpt(hostile)
    expect(e.length).toBeLessThanOrEqual(80)
    // eslint-disable-next-line no-control-regex
    expect(e).not.toMatch(/[\n\r<>@!&"`\u0000-\u001f\u007f]/)
    expect(e).toMatch(/^channel here 31mred ::error::x quoted code amp; long long/)
    const shape = answerShape(answer(200, 'text/plain', hostile))
    expect(shape).not.toMatch(/<!channel>|@here|\n/)
  })

  it('a page is never quoted, only named', () => {
    expect(answerShape(answer(502, 'text/html; charset=utf-8', '<html><title>Evil <!here></title>'))).toBe(
      'HTTP 502, text/html',
    )
  })
})

describe('within the deadline', () => {
  it('pages are retried until the deadline, not past it', async () => {
    let t = 0
    const deadline = 2_500
    const requests: number[] = []
    const r = await sendSlack(
      { kind: 'webhook', url: 'https://hooks.slack.com/services/T0/B0/x' },
      { text: 'x', blocks: [], unfurl_links: false, unfurl_media: false },
      {
        http: async () => {
          requests.push(t)
          return { status: 200, headers: { 'content-type': 'text/html' }, body: '<html></html>' }
        },
        env: {},
        now: () => t,
        sleep: async (ms) => void (t += ms),
        deadline,
      },
      { boundMs: 60_000, maxAttempts: 10, baseDelayMs: 1_000 },
    )
    // 0, 1 s, then 3 s would pass the deadline.
    expect(requests).toEqual([0, 1000])
    expect(!r.ok && r.error).toMatch(
      /not Slack's answer \(HTTP 200, text\/html\).*the wait would pass the deadline/,
    )
  })
})
