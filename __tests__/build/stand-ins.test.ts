// The bundle's stand-ins (build/): @actions/core's view of @actions/http-client and @actions/exec, and the YAML
// parser. Each must do what the real module does once loaded, and load it only when asked.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { HttpClient } from '../../build/lazy-http-client.js'
import { getExecOutput } from '../../build/lazy-exec.js'
import * as lazyYaml from '../../build/lazy-yaml.js'

let server: Server
let url: string
const seen: { method?: string; body: string; auth?: string; agent?: string }[] = []

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = ''
    req.on('data', (d: Buffer) => (body += d.toString()))
    req.on('end', () => {
      seen.push({
        method: req.method,
        body,
        auth: req.headers.authorization,
        agent: req.headers['user-agent'],
      })
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('{"value":"token"}')
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
})
afterAll(() => new Promise<void>((r) => server.close(() => r())))

test('the HttpClient stand-in sends through the real client, with its constructor arguments', async () => {
  const handler = {
    prepareRequest: (o: { headers?: Record<string, string> }) => {
      o.headers = { ...o.headers, authorization: 'Bearer abc' }
    },
    canHandleAuthentication: () => false,
    handleAuthentication: () => Promise.reject(new Error('not used')),
  }
  const client = new HttpClient('ua-test', [handler], { allowRetries: false })
  const json = await client.getJson<{ value: string }>(url)
  expect(json.result).toEqual({ value: 'token' })
  const res = await client.post(url, 'hello', { 'content-type': 'text/plain' })
  expect(res.message.statusCode).toBe(200)
  expect(seen).toEqual([
    { method: 'GET', body: '', auth: 'Bearer abc', agent: expect.stringContaining('ua-test') },
    { method: 'POST', body: 'hello', auth: 'Bearer abc', agent: expect.stringContaining('ua-test') },
  ])
})

test('the exec stand-in runs the command through the real @actions/exec', async () => {
  const out = await getExecOutput(process.execPath, ['-e', 'process.stdout.write("ran")'], { silent: true })
  expect(out).toMatchObject({ exitCode: 0, stdout: 'ran' })
})

test('the YAML stand-in parses once ready() has loaded the real parser, and says so when asked too early', async () => {
  expect(() => lazyYaml.parse('a: 1')).toThrow(/used before ready\(\) loaded it/)
  await lazyYaml.ready()
  expect(lazyYaml.parse('a: [1, 2]')).toEqual({ a: [1, 2] })
  const doc = lazyYaml.parseDocument('a: [1', { prettyErrors: true })
  expect(doc.errors[0]).toBeInstanceOf(lazyYaml.YAMLParseError)
  expect(new Error('not YAML')).not.toBeInstanceOf(lazyYaml.YAMLParseError)
})
