// The built action's reports, run as the runner runs it, against the emulator's Slack, SNS and GitHub: the
// alert and the commit status of a failure on the PR head SHA, an undelivered alert that never replaces the
// verdict (and fails the step only with fail-on-alert-error), a cancelled run, and no secret anywhere.
import { afterEach, describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import type { StatusesState } from '../../emulator/services/github/statuses.js'
import type { SlackState } from '../../emulator/services/slack/index.js'
import type { SnsState } from '../../emulator/services/sns/index.js'
import { runAction, TEST_SHA, type RunResult } from '../helpers/run-action.js'

let emulator: Emulator | undefined
afterEach(async () => {
  await emulator?.stop()
  emulator = undefined
})

const TOPIC = 'arn:aws:sns:us-east-1:123456789012:deploy-alerts'
const GITHUB_TOKEN = 'ghs_D1stL3akT0k3nABCDEFGHIJ'
const PR_HEAD = 'feedc0de00000000000000000000000000000001'
const ROLE = 'arn:aws:iam::123456789012:role/pipeline-role'
const CONNECTION = 'arn:aws:codeconnections:us-east-1:123456789012:connection/0a1b2c3d-4e5f-6789-abcd-ef0123456789'

const state = (e: Emulator) => ({
  slack: e.world.states.slack as SlackState,
  sns: e.world.states.sns as SnsState,
  statuses: (sha: string) => (e.world.states.github as StatusesState).statuses.get(`octo-org/shop@${sha}`) ?? [],
})

function secretForms(secret: string): string[] {
  return [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]
}

/** Every place a secret could leak to, but its own ::add-mask:: line. */
function leaks(r: RunResult, e: Emulator, secrets: string[]): string[] {
  const places: [string, string][] = [
    ['summary', r.summary],
    ['stderr', r.stderr],
    ...Object.entries(r.outputs).map(([k, v]): [string, string] => [`output ${k}`, v]),
    ['payloads', JSON.stringify(e.log.entries.map((x) => x.params))],
    ...r.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .map((l, i): [string, string] => [`stdout ${i}`, l]),
  ]
  return secrets.flatMap((s) => secretForms(s).flatMap((f) => places.filter(([, t]) => t.includes(f)).map(([w]) => `${w}: ${f}`)))
}

describe('dist: reports', () => {
  it('a monitor failure on a pull request: Slack, e-mail, status pending → failure on the head SHA, no secret anywhere', async () => {
    emulator = await startEmulator({ scenario: { sns: { topics: [TOPIC] } } })
    const webhook = `${emulator.url}/slack/webhook/T000/B000/D1stW3bh00kS3cr3t`
    const r = await runAction({
      inputs: {
        mode: 'monitor',
        'project-name': 'shop',
        environment: 'staging',
        'slack-webhook-url': webhook,
        'sns-topic-arn': TOPIC,
        'github-token': GITHUB_TOKEN,
        'status-context': 'deploy/staging',
      },
      env: { ...emulator.env },
      eventName: 'pull_request',
      event: { pull_request: { number: 7, head: { sha: PR_HEAD } } },
    })
    expect(r.exitCode).toBe(1)
    const s = state(emulator)
    expect(s.slack.messages).toHaveLength(1)
    expect(s.sns.published).toHaveLength(1)
    expect(s.statuses(TEST_SHA)).toEqual([])
    expect(s.statuses(PR_HEAD).map((x) => x.state)).toEqual(['pending', 'failure'])
    expect(r.outputs['alert-sent']).toBe('true')
    // The failure line is the verdict's own, once.
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error'))
    // It names the call that failed (the first read of the monitor), then AWS's code and message.
    expect(errors).toEqual([
      expect.stringMatching(/^::error::monitor failed: ListPipelineExecutions failed — PipelineNotFoundException: /),
    ])
    expect(leaks(r, emulator, [webhook, 'T000/B000/D1stW3bh00kS3cr3t', GITHUB_TOKEN])).toEqual([])
    expect(r.stdout).toContain(`::add-mask::${webhook}`)
  })

  describe('an undelivered alert after a success (create-pipeline dry run)', () => {
    const inputs = {
      mode: 'create-pipeline',
      'project-name': 'shop',
      environment: 'staging',
      'role-arn': ROLE,
      'connection-arn': CONNECTION,
      'dry-run': 'true',
      'notify-on': 'always',
      'slack-webhook-url': 'http://127.0.0.1:9/services/T0/B0/unreachableS3cr3t',
    }

    it('is a warning and alert-sent=false; the step succeeds', async () => {
      emulator = await startEmulator()
      const r = await runAction({ inputs, env: { ...emulator.env } })
      expect(r.outputs.result).toBe('success')
      expect(r.outputs['alert-sent']).toBe('false')
      expect(r.exitCode).toBe(0)
      expect(r.stdout).toMatch(/^::warning::Alert not delivered — Slack \(webhook\): could not reach Slack: ECONNREFUSED/m)
      expect(leaks(r, emulator, [inputs['slack-webhook-url']])).toEqual([])
    })

    it('fails the step with fail-on-alert-error, the verdict output unchanged', async () => {
      emulator = await startEmulator()
      const r = await runAction({ inputs: { ...inputs, 'fail-on-alert-error': 'true' }, env: { ...emulator.env } })
      expect(r.outputs.result).toBe('success')
      expect(r.outputs['alert-sent']).toBe('false')
      expect(r.exitCode).toBe(1)
      expect(r.stdout).toMatch(/^::error::Alert not delivered — Slack \(webhook\): could not reach Slack: ECONNREFUSED/m)
    })
  })

  it('a cancelled run: commit status error, no alert, the summary says cancelled', async () => {
    emulator = await startEmulator({ scenario: 'healthy-release' })
    const r = await runAction({
      inputs: {
        mode: 'monitor',
        'project-name': 'shop',
        environment: 'staging',
        // A commit no execution runs: monitor waits for it until cancelled.
        'commit-sha': 'abababababababababababababababababababab',
        'slack-webhook-url': emulator.env.SLACK_WEBHOOK_URL,
        'notify-on': 'always',
        'github-token': GITHUB_TOKEN,
        'status-context': 'deploy/staging',
      },
      env: { ...emulator.env },
      signal: { name: 'SIGINT', whenStdout: /Commit status "deploy\/staging": pending/ },
    })
    const s = state(emulator)
    expect(s.slack.messages).toHaveLength(0)
    expect(s.statuses('abababababababababababababababababababab').map((x) => x.state)).toEqual(['pending', 'error'])
    expect(r.summary).toMatch(/^## ⏹️ Deployment pipeline cancelled/)
    expect(r.exitCode).toBe(1)
  })
})
