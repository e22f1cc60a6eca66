// The one client factory: shared options, a client per class and region, and HTTPS_PROXY/NO_PROXY.
import { createServer, type Server } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { CodePipelineClient, ListPipelinesCommand } from '@aws-sdk/client-codepipeline'
import { SNSClient } from '@aws-sdk/client-sns'
import { createAwsClients } from '../src/aws.js'
import { startEmulator, type Emulator } from '../emulator/index.js'

/** A CONNECT proxy that records the targets it tunnels to. */
async function startProxy(): Promise<{ url: string; targets: string[]; server: Server }> {
  const targets: string[] = []
  const server = createServer((_req, res) => res.writeHead(405).end())
  server.on('connect', (req, socket, head) => {
    targets.push(req.url ?? '')
    const [host, port] = (req.url ?? '').split(':')
    const upstream = connect(Number(port), host, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(socket)
      socket.pipe(upstream)
    })
    upstream.on('error', () => socket.destroy())
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, targets, server }
}

let emulator: Emulator
let proxy: Awaited<ReturnType<typeof startProxy>>
const saved = { ...process.env }
beforeAll(async () => {
  emulator = await startEmulator({ scenario: {} })
  proxy = await startProxy()
})
afterAll(async () => {
  await emulator.stop()
  proxy.server.closeAllConnections()
  await new Promise((r) => proxy.server.close(r))
})
afterEach(() => {
  for (const k of ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'AWS_ENDPOINT_URL']) {
    if (saved[k] === undefined) delete process.env[k]
    else process.env[k] = saved[k]
  }
})

describe('createAwsClients', () => {
  it('builds one client per class and region, with the step region by default', async () => {
    const aws = await createAwsClients({ region: 'eu-west-1', maxAttempts: 4 })
    const a = aws.get(CodePipelineClient)
    expect(aws.get(CodePipelineClient)).toBe(a)
    expect(await a.config.region()).toBe('eu-west-1')
    expect(await a.config.maxAttempts()).toBe(4)
    expect(await aws.get(SNSClient, { region: 'us-west-2' }).config.region()).toBe('us-west-2')
    expect(aws.get(SNSClient)).not.toBe(aws.get(SNSClient, { region: 'us-west-2' }))
  })

  it('once: a client of its own, one attempt and no retry strategy, for a write that must not be sent twice', async () => {
    const retryStrategy = { acquireInitialRetryToken: () => undefined }
    const aws = await createAwsClients({ region: 'eu-west-1', maxAttempts: 4 }, process.env, {
      retryStrategy,
    })
    const once = aws.get(CodePipelineClient, { once: true })
    expect(once).not.toBe(aws.get(CodePipelineClient))
    expect(aws.get(CodePipelineClient, { once: true })).toBe(once)
    expect(await once.config.maxAttempts()).toBe(1)
    expect(await once.config.region()).toBe('eu-west-1')
    expect(await aws.get(CodePipelineClient).config.retryStrategy()).toBe(retryStrategy)
    expect(await once.config.retryStrategy()).not.toBe(retryStrategy)
  })

  it('once: a 500 is not retried', async () => {
    Object.assign(process.env, emulator.env)
    delete process.env.HTTP_PROXY
    const aws = await createAwsClients({ region: 'us-east-1', maxAttempts: 3 }, process.env)
    emulator.setFaults({ rules: [{ operation: 'ListPipelines', errorRate: 1, errorStatus: 500 }] })
    const before = emulator.log.entries.length
    await expect(
      aws.get(CodePipelineClient, { once: true }).send(new ListPipelinesCommand({})),
    ).rejects.toThrow()
    emulator.setFaults({ rules: [] })
    expect(emulator.log.entries.slice(before).filter((e) => e.operation === 'ListPipelines')).toHaveLength(1)
  })

  it('sends AWS calls through HTTP(S)_PROXY', async () => {
    Object.assign(process.env, emulator.env, { HTTP_PROXY: proxy.url })
    delete process.env.NO_PROXY
    const aws = await createAwsClients({ region: 'us-east-1', maxAttempts: 1 }, process.env)
    const before = proxy.targets.length
    await aws.get(CodePipelineClient).send(new ListPipelinesCommand({}))
    expect(proxy.targets.slice(before)).toContain(new URL(emulator.url).host)
  })

  it('goes direct for hosts NO_PROXY exempts', async () => {
    Object.assign(process.env, emulator.env, { HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' })
    const aws = await createAwsClients({ region: 'us-east-1', maxAttempts: 1 }, process.env)
    const before = proxy.targets.length
    await aws.get(CodePipelineClient).send(new ListPipelinesCommand({}))
    expect(proxy.targets.length).toBe(before)
  })
})

describe('the cut-off', () => {
  it('ends a request that never gets an answer with DeadlineExceeded, not retried by the SDK', async () => {
    const sockets = new Set<import('node:net').Socket>()
    const silent = createServer(() => undefined) // accepts, reads the request, never answers
    silent.on('connection', (s) => sockets.add(s))
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r))
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`
    const env = {
      ...process.env,
      AWS_ENDPOINT_URL: url,
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'x',
    }
    const cutoff = Date.now() + 300
    const aws = await createAwsClients({ region: 'us-east-1', maxAttempts: 5 }, env, { cutoff: () => cutoff })
    const saved = process.env.AWS_ENDPOINT_URL
    process.env.AWS_ENDPOINT_URL = url
    try {
      const err = await aws
        .get(CodePipelineClient)
        .send(new ListPipelinesCommand({}))
        .then(
          () => undefined,
          (e: unknown) => e as { name: string; $metadata?: { attempts?: number } },
        )
      expect(err?.name).toBe('DeadlineExceeded')
      expect(err?.$metadata?.attempts ?? 1).toBe(1)
    } finally {
      if (saved === undefined) delete process.env.AWS_ENDPOINT_URL
      else process.env.AWS_ENDPOINT_URL = saved
      for (const s of sockets) s.destroy()
      await new Promise((r) => silent.close(r))
    }
  })

  it('keeps the caller’s own abort a cancel (AbortError)', async () => {
    Object.assign(process.env, emulator.env)
    const aws = await createAwsClients({ region: 'us-east-1', maxAttempts: 1 }, process.env, {
      cutoff: () => Date.now() + 60_000,
    })
    const err = await aws
      .get(CodePipelineClient)
      .send(new ListPipelinesCommand({}), { abortSignal: AbortSignal.abort() })
      .then(
        () => undefined,
        (e: unknown) => e as { name: string },
      )
    expect(err?.name).toBe('AbortError')
  })
})
