// The deadline's bound, measured: the built action with every endpoint (AWS, Slack, GitHub, SNS) accepting
// connections and never answering, each mode, timeout-minutes 0.05 (3 s). Prints how far past timeout-minutes the
// process ended (spawn to exit), beside the documented bound (src/deadline.ts OVERRUN_BOUND_MS).
import { startEmulator } from '../emulator/index.js'
import { OVERRUN_BOUND_MS } from '../src/deadline.js'
import { runAction } from '../__tests__/helpers/run-action.js'
import type { BenchRow } from './cold-start.js'

const TIMEOUT_MINUTES = 0.05
const TOPIC = 'arn:aws:sns:us-east-1:123456789012:deploy-alerts'
const WORKER_INPUTS: Record<string, Record<string, string>> = {
  monitor: { 'pipeline-name': 'shop-staging', 'commit-sha': '1'.repeat(40) },
  validate: { cluster: 'shop-prod', service: 'shop', 'api-name': 'shop-prod' },
  'create-pipeline': {
    'project-name': 'shop',
    environment: 'staging',
    'role-arn': 'arn:aws:iam::123456789012:role/pipeline-role',
    'connection-arn':
      'arn:aws:codeconnections:us-east-1:123456789012:connection/0a1b2c3d-4e5f-6789-abcd-ef0123456789',
  },
}

async function overrunMs(mode: string): Promise<number> {
  const emulator = await startEmulator({
    scenario: { sns: { topics: [TOPIC] } } as never,
    faults: { rules: [{ hangRate: 1 }] },
  })
  try {
    const started = Date.now()
    await runAction({
      inputs: {
        mode,
        ...WORKER_INPUTS[mode],
        'timeout-minutes': String(TIMEOUT_MINUTES),
        'github-token': 'ghs_benchtoken0123456789',
        'status-context': 'deploy/bench',
        'slack-webhook-url': `${emulator.url}/slack/webhook/T0/B0/benchbenchbench`,
        'sns-topic-arn': TOPIC,
        'notify-on': 'always',
      },
      env: { ...emulator.env, GITHUB_API_URL: `${emulator.url}/github` },
      timeoutMs: 120_000,
    })
    return Date.now() - started - TIMEOUT_MINUTES * 60_000
  } finally {
    await emulator.stop()
  }
}

export async function benchDeadline(): Promise<{ rows: BenchRow[] }> {
  const rows: BenchRow[] = []
  for (const mode of Object.keys(WORKER_INPUTS)) {
    const ms = await overrunMs(mode)
    rows.push({
      name: `${mode}: every endpoint hangs, past timeout-minutes`,
      value: `${(ms / 1000).toFixed(1)} s`,
      reference: `bound ${OVERRUN_BOUND_MS / 1000} s (docs/security.md)`,
    })
  }
  return { rows }
}
