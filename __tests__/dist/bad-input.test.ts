// A bad input through the built action, as the runner sees it: exit 1, one ::error line naming the input, a
// summary listing it, no request, and no secret anywhere but its own ::add-mask:: line. One row per mode (and
// one without any input) of the shared table, whose every row config refuses in-process
// (__tests__/config/bad-inputs.test.ts).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { BAD_INPUTS } from '../fixtures/bad-inputs.js'
import { startRecordingServer } from '../helpers/recording-server.js'
import { runAction } from '../helpers/run-action.js'

const ROWS = [
  'no inputs at all',
  // The refused value is itself a secret: masked first, never echoed.
  'http Slack webhook on a public host',
  // A file read from the workspace the runner gives.
  'unparsable pipeline-definition',
  'bake not below timeout',
  // From the outside attack: it ran, and Node's overflowing timer ended it at once as "timed out".
  'timeout past a job\'s longest run',
]
const SECRET_INPUTS = ['slack-bot-token', 'github-token', 'slack-webhook-url']
const rows = ROWS.map((name) => {
  const row = BAD_INPUTS.find((r) => r.name === name)
  if (!row) throw new Error(`no row "${name}" in the bad-input table`)
  return row
})

let server: Awaited<ReturnType<typeof startRecordingServer>>
beforeAll(async () => (server = await startRecordingServer()))
afterAll(() => server.stop())

describe('bad input through dist/index.js', () => {
  it.each(rows)('$name → names "$input"', async ({ inputs, env, files, input }) => {
    const before = server.requests.length
    const run = await runAction({
      inputs,
      files,
      env: { AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL: server.url, GITHUB_API_URL: server.url, ...env },
    })
    expect(run.exitCode).toBe(1)
    expect(run.errors).toEqual([expect.stringContaining(`Input "${input}"`)])
    expect(server.requests.length).toBe(before)
    expect(run.summary).toMatch(/^## ❌ Invalid inputs/)
    expect(run.outputs.result).toBe('failure')
    expect(run.summary).toContain(`**${input}**`)
    for (const secret of SECRET_INPUTS.map((name) => inputs[name]).filter((s): s is string => !!s)) {
      expect(run.stdout.split('\n').filter((l) => l.includes(secret))).toEqual([`::add-mask::${secret}`])
      expect(run.stderr).not.toContain(secret)
      expect(run.summary).not.toContain(secret)
    }
  })
})
