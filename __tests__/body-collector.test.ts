// The SDK clients' body collector against a real HTTP server: the bytes of each body as sent, whatever its framing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, get, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { collectBody } from '../src/body-collector.js'

/** `n` bytes that differ from one position to the next (so that a misplaced chunk shows). */
const bytes = (n: number): Buffer => Buffer.from(Array.from({ length: n }, (_, i) => (i * 7 + 3) % 256))

const BODIES: Record<string, (res: ServerResponse) => void> = {
  empty: (res) => res.writeHead(200, { 'content-length': '0' }).end(),
  'one chunk, Content-Length': (res) => res.writeHead(200, { 'content-length': '5' }).end(bytes(5)),
  'many chunks, Content-Length': (res) => {
    res.writeHead(200, { 'content-length': String(200_000) })
    for (let i = 0; i < 200_000; i += 30_000) res.write(bytes(200_000).subarray(i, i + 30_000))
    res.end()
  },
  'chunked, no Content-Length (grows as it arrives)': (res) => {
    res.writeHead(200)
    for (let i = 0; i < 5; i++) res.write(bytes(100_000).subarray(i * 20_000, (i + 1) * 20_000))
    res.end()
  },
}
const EXPECTED: Record<string, Buffer> = {
  empty: bytes(0),
  'one chunk, Content-Length': bytes(5),
  'many chunks, Content-Length': bytes(200_000),
  'chunked, no Content-Length (grows as it arrives)': bytes(100_000),
}

let server: Server
let base = ''
beforeAll(async () => {
  server = createServer((req, res) => {
    const name = decodeURIComponent(req.url!.slice(1))
    if (name === 'broken')
      return res.writeHead(200, { 'content-length': '1000' }).write(bytes(10), () => res.destroy())
    BODIES[name]!(res)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((r) => server.close(() => r())))

const response = (name: string): Promise<IncomingMessage> =>
  new Promise((resolve, reject) => get(`${base}/${encodeURIComponent(name)}`, resolve).on('error', reject))

describe('collectBody', () => {
  it.each(Object.keys(BODIES))('%s: the bytes as sent', async (name) => {
    const body = await collectBody(await response(name))
    expect(body).toBeInstanceOf(Uint8Array)
    expect(Buffer.from(body).equals(EXPECTED[name]!)).toBe(true)
  })

  it('a body cut short fails, as with the SDK collector', async () => {
    await expect(collectBody(await response('broken'))).rejects.toThrow()
  })
})
