// The action under GitHub's @github/local-action, which runs src/main.ts with its own stand-in for
// @actions/core: no `::add-mask::` line is consumed there, so a secret the action masked by writing that line
// itself would be printed in clear. Against the emulator, a monitor run with every secret input set.
import { afterEach, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmulator, type Emulator } from '../emulator/index.js'
import { ROOT } from './helpers/run-action.js'
import { execId, sha, shopScenario } from './monitor/scenarios.js'

const WEBHOOK = 'https://hooks.slack.com/services/T0LOCAL/B0ACTION/L0calAct10nW3bh00k'
const GITHUB_TOKEN = 'ghp_localActionToken0000000000000000000'

let emulator: Emulator | undefined
afterEach(async () => {
  await emulator?.stop()
  emulator = undefined
})

/** Runs src/main.ts under local-action; inputs go through its dotenv file (a shell drops `INPUT_PIPELINE-NAME`). */
function localAction(
  env: Record<string, string>,
  inputs: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'adp-local-action-'))
  const dotenv = join(dir, '.env')
  const lines = Object.entries(inputs).map(([name, value]) => `INPUT_${name.toUpperCase()}=${value}`)
  writeFileSync(dotenv, lines.join('\n') + '\n')
  const bin = join(ROOT, 'node_modules', '.bin', 'local-action')
  return new Promise((resolve, reject) => {
    const child = spawn(bin, [ROOT, 'src/main.ts', dotenv], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir, RUNNER_TEMP: dir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (d: Buffer) => (output += d.toString()))
    child.stderr.on('data', (d: Buffer) => (output += d.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, output }))
  })
}

describe('under @github/local-action', () => {
  it('a monitor run prints no secret', async () => {
    emulator = await startEmulator({
      scenario: {
        ...shopScenario({
          actions: Object.fromEntries(
            ['Build', 'UnitTest', 'IntegrationTest', 'Deploy'].map((a) => [a, { durationSeconds: 10 }]),
          ),
        }),
        start: undefined,
      },
      clock: { speed: 200 },
    })
    const run = await localAction(
      {
        ...emulator.env,
        AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
        AWS_SECRET_ACCESS_KEY: 'secret-example',
        GITHUB_REPOSITORY: 'acme/shop',
        GITHUB_API_URL: 'http://127.0.0.1:9/github-unreachable',
      },
      {
        mode: 'monitor',
        'pipeline-name': 'shop-staging',
        'commit-sha': sha(1),
        'poll-interval-seconds': '0.05',
        'timeout-minutes': '1',
        'slack-webhook-url': WEBHOOK,
        'github-token': GITHUB_TOKEN,
      },
    )
    // The run happened: local-action printed the execution it followed.
    expect(run.output).toContain(execId(1))
    for (const secret of [WEBHOOK, 'T0LOCAL/B0ACTION/L0calAct10nW3bh00k', GITHUB_TOKEN])
      expect(run.output).not.toContain(secret)
  }, 120_000)
})
