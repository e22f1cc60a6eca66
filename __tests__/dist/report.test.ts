// The built action's reports as the runner sees them, against the emulator's Slack, SNS and GitHub: a failure
// on a pull request (alert, commit status on the head SHA, no secret anywhere), an undelivered alert that never
// replaces the verdict (and fails the step only with fail-on-alert-error), and a run the runner cancels with
// SIGINT. What each report says is proven in-process (__tests__/report/).
import { afterEach, describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import type { StatusesState } from '../../emulator/services/github/statuses.js'
import type { SlackState } from '../../emulator/services/slack/index.js'
import type { SnsState } from '../../emulator/services/sns/index.js'
import { PIPELINE_INPUTS, PR_HEAD, TEST_SHA, TOPIC } from '../fixtures/inputs.js'
import { leaksIn, stdoutPlaces } from '../helpers/leaks.js'
import { runAction, type RunResult } from '../helpers/run-action.js'

let emulator: Emulator | undefined
afterEach(async () => {
  await emulator?.stop()
  emulator = undefined
})

const GITHUB_TOKEN = 'ghs_D1stL3akT0k3nABCDEFGHIJ'

const state = (e: Emulator) => ({
  slack: e.world.states.slack as SlackState,
  sns: e.world.states.sns as SnsState,
  statuses: (sha: string) =>
    (e.world.states.github as StatusesState).statuses.get(`octo-org/shop@${sha}`) ?? [],
})

/** Every place a secret could leak to: what the step wrote, and what the emulator received. */
function leaks(r: RunResult, e: Emulator, secrets: string[]): string[] {
  const places: [string, string][] = [
    ['summary', r.summary],
    ['stderr', r.stderr],
    ...Object.entries(r.outputs).map(([k, v]): [string, string] => [`output ${k}`, v]),
    ['payloads', JSON.stringify(e.log.entries.map((x) => x.params))],
    ...stdoutPlaces(r.stdout),
  ]
  return leaksIn(places, secrets)
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
    // The verdict's own line, once: the call that failed (the monitor's first read), AWS's code and message.
    expect(r.errors).toEqual([
      expect.stringMatching(
        /^::error::monitor failed: ListPipelineExecutions failed — PipelineNotFoundException: /,
      ),
    ])
    expect(leaks(r, emulator, [webhook, 'T000/B000/D1stW3bh00kS3cr3t', GITHUB_TOKEN])).toEqual([])
    expect(r.stdout).toContain(`::add-mask::${webhook}`)
  })

  describe('an undelivered alert after a success (create-pipeline dry run)', () => {
    const webhook = 'http://127.0.0.1:9/services/T0/B0/unreachableS3cr3t'
    const inputs = {
      mode: 'create-pipeline',
      ...PIPELINE_INPUTS,
      'dry-run': 'true',
      'notify-on': 'always',
      'slack-webhook-url': webhook,
    }

    it('is a warning and alert-sent=false; the step succeeds', async () => {
      emulator = await startEmulator()
      const r = await runAction({ inputs, env: { ...emulator.env } })
      expect(r.outputs.result).toBe('success')
      expect(r.outputs['alert-sent']).toBe('false')
      expect(r.exitCode).toBe(0)
      expect(r.errors).toEqual([])
      expect(r.warnings).toEqual([
        expect.stringMatching(
          /^::warning::Alert not delivered — Slack \(webhook\): could not reach Slack: ECONNREFUSED/,
        ),
      ])
      expect(leaks(r, emulator, [webhook])).toEqual([])
    })

    it('fails the step with fail-on-alert-error, the verdict output unchanged', async () => {
      emulator = await startEmulator()
      const r = await runAction({
        inputs: { ...inputs, 'fail-on-alert-error': 'true' },
        env: { ...emulator.env },
      })
      expect(r.outputs.result).toBe('success')
      expect(r.outputs['alert-sent']).toBe('false')
      expect(r.exitCode).toBe(1)
      expect(r.errors).toEqual([
        expect.stringMatching(
          /^::error::Alert not delivered — Slack \(webhook\): could not reach Slack: ECONNREFUSED/,
        ),
      ])
    })
  })

  it('SIGINT (the runner cancels): commit status error, no alert, exit 1, the summary says cancelled', async () => {
    emulator = await startEmulator({ scenario: 'healthy-release' })
    const commit = 'ab'.repeat(20)
    const r = await runAction({
      inputs: {
        mode: 'monitor',
        'project-name': 'shop',
        environment: 'staging',
        // A commit no execution runs: monitor waits for it until cancelled.
        'commit-sha': commit,
        'slack-webhook-url': `${emulator.url}/slack/webhook/T000/B000/C4nc3lS3cr3t`,
        'notify-on': 'always',
        'github-token': GITHUB_TOKEN,
        'status-context': 'deploy/staging',
      },
      env: { ...emulator.env },
      signal: { name: 'SIGINT', whenStdout: /Commit status "deploy\/staging": pending/ },
    })
    const s = state(emulator)
    expect(s.slack.messages).toHaveLength(0)
    expect(s.statuses(commit).map((x) => x.state)).toEqual(['pending', 'error'])
    expect(r.summary).toMatch(/^## ⏹️ Deployment pipeline cancelled/)
    expect(r.exitCode).toBe(1)
    expect(r.errors).toEqual([expect.stringMatching(/^::error::Cancelled: /)])
  })
})
