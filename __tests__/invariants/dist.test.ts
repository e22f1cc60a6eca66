// The invariant matrix's runner-contract cases: the built dist/index.js, run as the runner runs it, (1) with every
// endpoint accepting connections and never answering — AWS, Slack, GitHub and SNS together — must still end
// within timeout-minutes plus the documented bound (src/deadline.ts), with its summary, outputs and one ::error
// line; (2) with hostile text in every field, must keep every invariant on the real stdout.
import { afterEach, describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { OVERRUN_BOUND_MS } from '../../src/deadline.js'
import { runAction } from '../helpers/run-action.js'
import { sha, shopScenario } from '../monitor/scenarios.js'
import { AWS_SECRET, GITHUB_TOKEN, hostileText, TOPIC, violations, WEBHOOK_PATH } from './harness.js'

let emulator: Emulator | undefined
afterEach(async () => {
  await emulator?.stop()
  emulator = undefined
})

/** Process start-up and the runner's own file writes, on a busy 2-core machine. */
const SPAWN_SLACK_MS = 4_000

async function monitorStep(opts: { hang?: boolean; hostile?: boolean; timeoutMinutes: string }) {
  emulator = await startEmulator({
    scenario: { ...shopScenario(), sns: { topics: [TOPIC] } } as never,
    clock: { speed: 200 },
    start: Date.now(),
    faults: opts.hang ? { rules: [{ hangRate: 1 }] } : undefined,
  })
  const webhook = `${emulator.url}${WEBHOOK_PATH}`
  if (opts.hostile) emulator.setHostileText(hostileText(webhook))
  const started = Date.now()
  const run = await runAction({
    inputs: {
      mode: 'monitor',
      'pipeline-name': 'shop-staging',
      'commit-sha': sha(1),
      'poll-interval-seconds': '0.05',
      'timeout-minutes': opts.timeoutMinutes,
      'github-token': GITHUB_TOKEN,
      'status-context': 'deploy/staging',
      'slack-webhook-url': webhook,
      'sns-topic-arn': TOPIC,
      'notify-on': 'always',
    },
    env: {
      ...emulator.env,
      AWS_SECRET_ACCESS_KEY: AWS_SECRET,
      GITHUB_REPOSITORY: 'acme/shop',
      GITHUB_API_URL: `${emulator.url}/github`,
    },
    timeoutMs: 60_000,
  })
  const elapsedMs = Date.now() - started
  const bodies = (service: string) =>
    JSON.stringify(emulator!.log.entries.filter((e) => e.service === service).map((e) => e.params))
  return {
    ...run,
    elapsedMs,
    asStepRun: {
      stdout: run.stdout,
      summary: run.summary,
      outputs: run.outputs,
      report: {},
      slack: bodies('slack'),
      sns: bodies('sns'),
      github: bodies('github'),
      calls: [],
      hookAnswers: [],
      elapsedMs: 0,
      timeoutMs: 0,
      emulator: emulator!,
    },
  }
}

describe('dist: every endpoint hangs', () => {
  it('ends within timeout-minutes plus the bound, with a summary, outputs and one ::error line', async () => {
    const timeoutMs = 0.02 * 60_000
    const run = await monitorStep({ hang: true, timeoutMinutes: '0.02' })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('failure')
    expect(run.summary).toMatch(/could not be verified|Timed out/i)
    expect(run.stdout.split('\n').filter((l) => l.startsWith('::error::'))).toHaveLength(1)
    // The one bound this suite checks in real time: the deadline is the product's promise (docs/security.md).
    expect(run.elapsedMs).toBeLessThan(timeoutMs + OVERRUN_BOUND_MS + SPAWN_SLACK_MS)
    expect(violations(run.asStepRun)).toEqual([])
  })
})

describe('dist: hostile text in every field', () => {
  it('a monitor run keeps every invariant on the real stdout', async () => {
    const run = await monitorStep({ hostile: true, timeoutMinutes: '1' })
    expect(run.outputs.result).toBe('success')
    expect(violations(run.asStepRun)).toEqual([])
  })
})

describe('dist: inputs refused before any request', () => {
  // From the outside attack on the bundle: a refused run left GITHUB_OUTPUT empty. Every invariant holds on this
  // path too — result output, summary, no forged command from the hostile value, no secret, no crash text.
  it('a hostile, over-long input with secrets set: one ::error, result=failure, a summary, nothing sent', async () => {
    emulator = await startEmulator({ scenario: {} as never })
    const run = await runAction({
      inputs: {
        mode: 'monitor',
        'pipeline-name': `shop\n::add-mask::x\r::error::forged ##[warning]old ${'p'.repeat(120)}`,
        'github-token': GITHUB_TOKEN,
        'slack-webhook-url': `${emulator.url}${WEBHOOK_PATH}`,
      },
      env: { ...emulator.env, AWS_SECRET_ACCESS_KEY: AWS_SECRET },
    })
    expect(run.exitCode).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(emulator.log.entries).toEqual([])
    const stepRun = {
      stdout: run.stdout,
      summary: run.summary,
      outputs: run.outputs,
      report: {},
      slack: '[]',
    }
    expect(
      violations({
        ...stepRun,
        sns: '[]',
        github: '[]',
        calls: [],
        hookAnswers: [],
        elapsedMs: 0,
        timeoutMs: 0,
        emulator,
      }),
    ).toEqual([])
  })
})

describe('dist: a refused input that quotes another input carrying a secret', () => {
  // From the outside attack on the bundle: an error quoting approval-comment or approval-review-url printed the
  // Slack webhook they carried, whole or cut short by the quote's 80 characters (where redaction cannot find it).
  const webhook = 'https://hooks.slack.com/services/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'
  it.each([
    ['approval-comment', `ping ${webhook} ${'x'.repeat(1000)}`],
    ['approval-review-url', `${webhook}?${'x'.repeat(1000)}`],
    ['approval-review-url', 'http://hooks.slack.com/services/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'],
  ])('%s: the error names the input, never the secret, not even in part', async (input, value) => {
    emulator = await startEmulator({ scenario: {} as never })
    const run = await runAction({
      inputs: {
        mode: 'create-pipeline',
        'project-name': 'shop',
        environment: 'staging',
        'connection-arn':
          'arn:aws:codeconnections:us-east-1:123456789012:connection/0a1b2c3d-4e5f-6789-abcd-ef0123456789',
        'role-arn': 'arn:aws:iam::123456789012:role/shop-codepipeline',
        approval: 'true',
        [input]: value,
        'slack-webhook-url': webhook,
      },
      env: emulator.env,
    })
    expect(run.exitCode).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toContain(`Input "${input}"`)
    expect(emulator.log.entries).toEqual([])
    // ::add-mask:: lines carry the secret by design: the runner reads and swallows them.
    const printed = run.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n')
    for (const text of [printed, run.summary]) expect(text).not.toContain('Zq9xK3m')
  })
})
