// What the bundle loads before a valid monitor run's first AWS request: a budget in bytes, not a timing (the
// timings are npm run bench's). It catches a static import that puts a big module back on every run's path, as
// @actions/core's OIDC client (undici) and the SDK's CommonJS builds were before build/ (build/README.md).
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from '@jest/globals'
import { DIST, nodeBinary, ROOT } from '../helpers/run-action.js'

/** 3,043 kB before build/; 926 kB with the report code loaded before the mode; 842 kB since it waits for the mode. */
const BUDGET_KB = 900

it(`a valid monitor run loads at most ${BUDGET_KB} kB of JavaScript before its first AWS request`, async () => {
  const server = createServer((req, res) => {
    req.resume()
    res.writeHead(400, { 'x-amzn-errortype': 'PipelineNotFoundException' })
    res.end('{"__type":"PipelineNotFoundException","message":"start-up"}')
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const dir = mkdtempSync(join(tmpdir(), 'adp-start-up-'))
  const report = join(dir, 'loaded.json')
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    RUNNER_TEMP: dir,
    LOADED_REPORT: report,
    INPUT_MODE: 'monitor',
    'INPUT_PIPELINE-NAME': 'shop-staging',
    'INPUT_EXECUTION-ID': '11111111-2222-3333-4444-555555555555',
    'INPUT_MAX-ATTEMPTS': '1',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'x',
    AWS_ENDPOINT_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
  }
  const hook = join(ROOT, 'bench', 'loaded-hook.mjs')
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(nodeBinary(), ['--import', hook, DIST], { env, stdio: 'ignore' })
      child.on('error', reject)
      child.on('close', () => resolve())
    })
  } finally {
    server.close()
  }
  const loaded = JSON.parse(readFileSync(report, 'utf8')) as { when: string; bytes: number }
  expect(loaded.when).toBe('first request')
  expect(Math.round(loaded.bytes / 1000)).toBeLessThanOrEqual(BUDGET_KB)
})
