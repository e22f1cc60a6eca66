// The fault kinds a hostile network adds to throttling, 5xx, drops and denials — accept-and-never-answer,
// reset mid-body, an HTML page, truncated JSON — through the real SDK v3 clients (JSON 1.1, query-compatible
// JSON 1.0, awsQuery) and raw fetch (Slack, GitHub), deterministic like every other kind.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch'
import { CodePipelineClient, ListPipelinesCommand } from '@aws-sdk/client-codepipeline'
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns'
import { NodeHttpHandler } from '@smithy/node-http-handler'
import { startEmulator, type Emulator } from '../index.js'
import { clientConfig } from './helpers.js'
import type { FaultRule } from '../core/faults.js'
import type { SnsState } from '../services/sns/index.js'
import type { SlackState } from '../services/slack/index.js'

const TOPIC = 'arn:aws:sns:us-east-1:123456789012:deploy-alerts'
let emu: Emulator
let clients: { cp: CodePipelineClient; cw: CloudWatchClient; sns: SNSClient }

beforeAll(async () => {
  emu = await startEmulator({ scenario: { sns: { topics: ['deploy-alerts'] } } })
  const config = {
    endpoint: emu.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIAEMULATOR', secretAccessKey: 'secret' },
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler({ requestTimeout: 300, throwOnRequestTimeout: true }),
  }
  clients = {
    cp: new CodePipelineClient(config),
    cw: new CloudWatchClient(config),
    sns: new SNSClient(config),
  }
})
afterAll(async () => {
  Object.values(clients).forEach((c) => c.destroy())
  await emu.stop()
})
beforeEach(() => {
  emu.setFaults(undefined)
  emu.log.clear()
})

const published = () => (emu.world.states.sns as SnsState).published.length

/** One call per wire protocol, and what it is called in the log. */
const calls = [
  {
    protocol: 'JSON 1.1 (CodePipeline)',
    service: 'codepipeline',
    send: (signal?: AbortSignal) => clients.cp.send(new ListPipelinesCommand({}), { abortSignal: signal }),
  },
  {
    protocol: 'JSON 1.0 (CloudWatch)',
    service: 'monitoring',
    send: (signal?: AbortSignal) => clients.cw.send(new DescribeAlarmsCommand({}), { abortSignal: signal }),
  },
  {
    protocol: 'awsQuery (SNS)',
    service: 'sns',
    send: (signal?: AbortSignal) =>
      clients.sns.send(new PublishCommand({ TopicArn: TOPIC, Message: 'm' }), { abortSignal: signal }),
  },
]

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected the call to fail')
    },
    (e: unknown) => e as Error & { code?: string; cause?: Error; $metadata?: { httpStatusCode?: number } },
  )

describe.each(calls)('$protocol through the SDK', ({ service, send }) => {
  const only = (rule: FaultRule) => emu.setFaults({ rules: [{ service, ...rule }] })

  it('hang: no answer until the client gives up (its request timeout)', async () => {
    only({ hangRate: 1 })
    const t = Date.now()
    const err = await failure(send())
    expect(err.name).toBe('TimeoutError')
    expect(Date.now() - t).toBeGreaterThanOrEqual(250)
    expect(emu.log.entries).toMatchObject([{ service, fault: 'hang', status: 0 }])
  })

  it('hang: no answer until the client gives up (an AbortSignal.timeout)', async () => {
    only({ hangRate: 1 })
    const err = await failure(send(AbortSignal.timeout(100)))
    expect(err.name).toBe('AbortError')
    // The reason: the cause (one realm), or its text (the SDK's wrapper when jest's realm is another).
    expect(err.cause?.name ?? err.message).toMatch(/TimeoutError/)
  })

  it('reset: status and headers arrive, the body is cut off by a reset', async () => {
    only({ resetRate: 1 })
    const before = published()
    const err = await failure(send())
    // Node's "aborted" ECONNRESET (wrapped by the SDK when jest's realm differs from Node's).
    expect(err.code ?? err.message).toMatch(/ECONNRESET|aborted/)
    expect(emu.log.entries).toMatchObject([{ service, fault: 'reset', status: 200 }])
    // The operation ran before the answer was cut: its effects happened.
    if (service === 'sns') expect(published()).toBe(before + 1)
  })

  it.each([
    [200, 200],
    [502, 502],
  ] as const)(
    'html %i: a page instead of the answer; the operation never ran',
    async (htmlStatus, status) => {
      only({ htmlRate: 1, htmlStatus })
      const before = published()
      const err = await failure(send())
      expect(err.$metadata?.httpStatusCode).toBe(status)
      const response = (err as unknown as { $response: { headers: Record<string, string> } }).$response
      expect(response.headers['content-type']).toMatch(/^text\/html/)
      expect(emu.log.entries).toMatchObject([{ service, fault: 'html', status }])
      expect(published()).toBe(before)
    },
  )

  it('malformed: HTTP 200 whose body does not parse; the operation ran', async () => {
    only({ malformedRate: 1 })
    const before = published()
    const err = await failure(send())
    expect(err.$metadata?.httpStatusCode).toBe(200)
    expect(emu.log.entries).toMatchObject([{ service, fault: 'malformed', status: 200 }])
    if (service === 'sns') expect(published()).toBe(before + 1)
  })

  it('firstCalls: only the first request is hit; the next one is answered', async () => {
    only({ malformedRate: 1, resetRate: 1, firstCalls: 1 })
    await failure(send())
    await expect(send()).resolves.toBeDefined()
    expect(emu.log.entries.map((e) => e.fault)).toEqual(['reset', undefined])
  })
})

describe('what the SDK retries itself', () => {
  let cp: CodePipelineClient
  beforeAll(() => {
    cp = new CodePipelineClient(clientConfig(emu, { maxAttempts: 2 }))
  })
  afterAll(() => cp.destroy())

  it.each<[string, FaultRule, (string | undefined)[]]>([
    ['a reset', { resetRate: 1 }, ['reset', undefined]],
    ['a 502 page', { htmlRate: 1, htmlStatus: 502 }, ['html', undefined]],
    ['a 200 page: not retried', { htmlRate: 1 }, ['html']],
    ['truncated JSON: not retried', { malformedRate: 1 }, ['malformed']],
  ])('%s', async (_, rule, faults) => {
    emu.setFaults({ rules: [{ operation: 'ListPipelines', firstAttempts: 1, ...rule }] })
    await cp.send(new ListPipelinesCommand({})).catch(() => undefined)
    expect(emu.log.entries.map((e) => e.fault)).toEqual(faults)
  })
})

describe('HTTP routes through fetch (Slack, GitHub)', () => {
  const routes = [
    {
      name: 'Slack webhook',
      service: 'slack',
      path: '/slack/webhook/T000/B000/XXXX',
      body: { text: 'hello' },
    },
    {
      name: 'Slack chat.postMessage',
      service: 'slack',
      path: '/slack/api/chat.postMessage',
      body: { channel: 'C0DEPLOY', text: 'hello' },
      headers: { authorization: 'Bearer xoxb-emulator' },
    },
    {
      name: 'GitHub commit status',
      service: 'github',
      path: `/github/repos/acme/shop/statuses/${'a'.repeat(40)}`,
      body: { state: 'success', context: 'deploy' },
      headers: { authorization: 'Bearer ghs_emulator' },
    },
  ]

  describe.each(routes)('$name', ({ service, path, body, headers }) => {
    const post = (signal?: AbortSignal) =>
      fetch(`${emu.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
        signal,
      })

    it('hang: no answer until the client gives up', async () => {
      emu.setFaults({ rules: [{ service, hangRate: 1 }] })
      // The client gives up once the emulator holds the request: a fixed 100 ms timeout could end, on a busy
      // machine, before the request even arrived (and then nothing is logged).
      const giveUp = new AbortController()
      const answer = failure(post(giveUp.signal))
      while (emu.log.entries.length === 0) await new Promise((r) => setTimeout(r, 5))
      giveUp.abort(new DOMException('The client gave up', 'TimeoutError'))
      const err = await answer
      expect(err.name).toBe('TimeoutError')
      expect(emu.log.entries).toMatchObject([{ service, fault: 'hang' }])
    })

    it('reset: the status arrives, reading the body fails', async () => {
      emu.setFaults({ rules: [{ service, resetRate: 1 }] })
      const res = await post()
      expect(res.status).toBeLessThan(300)
      await expect(res.text()).rejects.toThrow()
      expect(emu.log.entries).toMatchObject([{ service, fault: 'reset' }])
    })

    it('throttle: 429 with Retry-After 1, or as retryAfterSeconds says', async () => {
      emu.setFaults({
        rules: [
          { service, throttleRate: 1, firstCalls: 1 },
          { service, throttleRate: 1, retryAfterSeconds: 60 },
        ],
      })
      for (const retryAfter of ['1', '60']) {
        const res = await post()
        expect(res.status).toBe(429)
        expect(res.headers.get('retry-after')).toBe(retryAfter)
      }
    })

    it('html: HTTP 200 with a captive portal page; the route never ran', async () => {
      const slackBefore = (emu.world.states.slack as SlackState).messages.length
      emu.setFaults({ rules: [{ service, htmlRate: 1 }] })
      const res = await post()
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/^text\/html/)
      expect(await res.text()).toMatch(/<title>Sign in to the network<\/title>/)
      expect((emu.world.states.slack as SlackState).messages.length).toBe(slackBefore)
    })

    it('html 502: a proxy error page', async () => {
      emu.setFaults({ rules: [{ service, htmlRate: 1, htmlStatus: 502 }] })
      const res = await post()
      expect(res.status).toBe(502)
      expect(await res.text()).toMatch(/502 Bad Gateway/)
    })

    it('malformed: HTTP 200, a JSON content type, JSON that does not parse', async () => {
      emu.setFaults({ rules: [{ service, malformedRate: 1 }] })
      const res = await post()
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/json/)
      const text = await res.text()
      expect(text.length).toBeGreaterThan(0)
      expect(() => JSON.parse(text)).toThrow()
    })
  })
})

describe('determinism and bounds', () => {
  it('decides the same way for the same seed', async () => {
    const run = async () => {
      emu.setFaults({ seed: 11, rules: [{ service: 'codepipeline', malformedRate: 0.5, htmlRate: 0.3 }] })
      emu.log.clear()
      for (let i = 0; i < 8; i++) await clients.cp.send(new ListPipelinesCommand({})).catch(() => undefined)
      return emu.log.entries.map((e) => e.fault ?? 'ok')
    }
    const first = await run()
    expect(await run()).toEqual(first)
    expect(new Set(first).size).toBeGreaterThan(1)
  })

  it.each(['hangRate', 'resetRate', 'htmlRate', 'malformedRate'])('refuses %s outside 0..1', (k) => {
    expect(() => emu.setFaults({ rules: [{ [k]: 1.5 }] })).toThrow(`${k} must be within 0..1`)
  })

  it('stop() ends promptly while requests hang, and the clients see the connection close', async () => {
    const other = await startEmulator({ scenario: {} })
    other.setFaults({ rules: [{ hangRate: 1 }] })
    const pending = [
      fetch(`${other.url}/github/repos/a/b/statuses/${'b'.repeat(40)}`, { method: 'POST', body: '{}' }),
      fetch(`${other.url}/slack/webhook/T000/B000/XXXX`, { method: 'POST', body: '{}' }),
    ].map((p) =>
      p.then(
        () => 'answered',
        () => 'closed',
      ),
    )
    await new Promise((r) => setTimeout(r, 100))
    expect(other.log.entries.map((e) => e.fault)).toEqual(['hang', 'hang'])
    const t = Date.now()
    await other.stop()
    expect(Date.now() - t).toBeLessThan(1000)
    expect(await Promise.all(pending)).toEqual(['closed', 'closed'])
  })
})
