// reportStart/reportEnd through the emulator's Slack, SNS and GitHub endpoints: the alert of each mode's
// failure, retries and their bound, undelivered alerts that never change the verdict, and commit statuses.
import { afterEach, describe, expect, it } from '@jest/globals'
import type { Emulator } from '../../emulator/index.js'
import {
  ALL,
  createFailure,
  monitorFailure,
  monitorSuccess,
  validateFailure,
  validateSuccess,
} from './fixtures.js'
import { runReports, startReportEmulator, statusesOf } from './harness.js'
import { PIPELINE_INPUTS, PR_HEAD, TEST_SHA, TOPIC } from '../fixtures/inputs.js'
import { firstOf, must } from '../helpers/must.js'

let emulator: Emulator | undefined
afterEach(async () => {
  await emulator?.stop()
  emulator = undefined
})

// role-arn and connection-arn are only read in create-pipeline mode; required there.
const base = PIPELINE_INPUTS
const WEBHOOK_PATH = 'T000/B000/XXXX'
const webhook = (e: Emulator) => ({ 'slack-webhook-url': `${e.url}/slack/webhook/${WEBHOOK_PATH}` })
const bot = { 'slack-bot-token': 'xoxb-1111-2222-abcdefABCDEF', 'slack-channel': 'C0123456789' }

describe("Slack alert of each mode's failure", () => {
  const failures = { monitor: monitorFailure, 'create-pipeline': createFailure, validate: validateFailure }
  it.each(Object.entries(failures))('%s', async (mode, make) => {
    emulator = await startReportEmulator()
    const run = await runReports(emulator, {
      inputs: { ...base, mode, ...webhook(emulator) },
      result: make(),
    })
    expect(run.outcome).toEqual({ alertSent: true })
    expect(run.outputs['alert-sent']).toBe('true')
    expect(run.slack.messages).toHaveLength(1)
    const { payload } = firstOf(run.slack.messages)
    const blocks = payload.blocks as { type: string; text?: { text: string } }[]
    const texts = JSON.stringify(blocks)
    expect(blocks[0]?.text?.text).toMatch(/^❌ .* failed: staging · 1\.4\.2$/)
    if (mode === 'monitor') expect(texts).toContain('Stage Build › Build: Failed')
    if (mode === 'validate') expect(texts).toContain('value 0.0431, threshold 0.01')
    if (mode === 'create-pipeline') expect(texts).toContain('InvalidStructureException')
    expect(texts).toContain('https://github.com/octo-org/shop/actions/runs/4242|Workflow run')
    expect(run.log.lines).toContain('Slack (webhook): alert delivered (webhook)')
  })
})

describe('Slack delivery', () => {
  it('chat.postMessage with a bot token, answer checked', async () => {
    emulator = await startReportEmulator()
    const run = await runReports(emulator, {
      inputs: { ...base, mode: 'monitor', ...bot },
      result: monitorFailure(),
      env: { SLACK_API_URL: emulator.env.SLACK_API_URL },
    })
    expect(run.outcome.alertSent).toBe(true)
    expect(run.slack.messages[0]).toMatchObject({ endpoint: 'chat.postMessage', to: 'C0123456789' })
    expect(run.log.lines.some((l) => /chat\.postMessage to C0123456789 \(ts \d+\.\d{6}\)/.test(l))).toBe(true)
  })

  it('429 then success: waits Retry-After and delivers', async () => {
    emulator = await startReportEmulator({
      slack: { script: [{ endpoint: 'webhook', status: 429, retryAfter: 3, times: 1 }] },
    })
    const before = emulator.clock.now()
    const run = await runReports(emulator, {
      inputs: { ...base, mode: 'monitor', ...webhook(emulator) },
      result: monitorFailure(),
    })
    expect(run.outcome.alertSent).toBe(true)
    expect(emulator.log.where({ service: 'slack' }).map((e) => e.status)).toEqual([429, 200])
    expect(emulator.clock.now() - before).toBeGreaterThanOrEqual(3000)
  })

  it('5xx until the bound: gives up, warns, and the verdict stays', async () => {
    emulator = await startReportEmulator({ slack: { script: [{ endpoint: 'webhook', status: 503 }] } })
    const run = await runReports(emulator, {
      inputs: { ...base, mode: 'monitor', ...webhook(emulator) },
      result: monitorSuccess(),
    })
    // notify-on defaults to failure: nothing sent for a success.
    expect(emulator.log.where({ service: 'slack' })).toHaveLength(0)
    const again = await runReports(emulator, {
      inputs: { ...base, mode: 'monitor', 'notify-on': 'always', ...webhook(emulator) },
      result: monitorSuccess(),
    })
    const attempts = emulator.log.where({ service: 'slack' })
    expect(attempts.length).toBe(5)
    expect(attempts.every((e) => e.status === 503)).toBe(true)
    expect(again.outcome).toEqual({ alertSent: false })
    expect(again.outputs.result).toBe('success')
    expect(again.outputs['alert-sent']).toBe('false')
    const warning = again.log.lines.find((l) => l.startsWith('warning: Alert not delivered'))
    expect(warning).toContain('Slack answered HTTP 503 rollup_error (gave up after')
    expect(warning).toContain('The verdict (success) is unchanged')
    expect(again.summary).toContain('alert NOT delivered')
    expect(run.outputs['alert-sent']).toBe('false')
  })

  it('chat.postMessage ok:false is a failed delivery, not retried', async () => {
    emulator = await startReportEmulator({ slack: { channels: ['C0999999999'] } })
    const run = await runReports(emulator, {
      inputs: { ...base, mode: 'validate', ...bot },
      result: validateFailure(),
      env: { SLACK_API_URL: emulator.env.SLACK_API_URL },
    })
    expect(run.outcome.alertSent).toBe(false)
    expect(emulator.log.where({ service: 'slack' })).toHaveLength(1)
    expect(run.log.lines.find((l) => l.startsWith('warning: Alert not delivered'))).toContain(
      'chat.postMessage answered ok:false channel_not_found (check slack-channel',
    )
  })

  it('an unreachable webhook is a warning, quickly', async () => {
    emulator = await startReportEmulator()
    const run = await runReports(emulator, {
      inputs: {
        ...base,
        mode: 'monitor',
        'slack-webhook-url': 'http://127.0.0.1:9/services/T0/B0/unreachable0secret',
      },
      result: monitorFailure(),
    })
    expect(run.outcome.alertSent).toBe(false)
    const warning = run.log.lines.find((l) => l.startsWith('warning: Alert not delivered'))!
    expect(warning).toContain('could not reach Slack: ECONNREFUSED')
    expect(warning).not.toContain('unreachable0secret')
  })

  it('a removed webhook (404 no_service) says what to do', async () => {
    emulator = await startReportEmulator({ slack: { webhooks: ['T000/B000/OTHER'] } })
    const run = await runReports(emulator, {
      inputs: { ...base, mode: 'monitor', ...webhook(emulator) },
      result: monitorFailure(),
    })
    expect(run.log.lines.find((l) => l.startsWith('warning: Alert not delivered'))).toContain(
      'HTTP 404 no_service (the webhook was removed or disabled',
    )
  })

  it('fail-on-alert-error turns an undelivered alert into a step failure line, verdict unchanged', async () => {
    emulator = await startReportEmulator({
      slack: { script: [{ endpoint: 'webhook', status: 410, error: 'channel_is_archived' }] },
    })
    const run = await runReports(emulator, {
      inputs: {
        ...base,
        mode: 'monitor',
        'notify-on': 'always',
        'fail-on-alert-error': 'true',
        ...webhook(emulator),
      },
      result: monitorSuccess(),
    })
    expect(run.outcome).toEqual({
      alertSent: false,
      problem: {
        line: expect.stringContaining(
          'Alert not delivered — Slack (webhook): Slack answered HTTP 410 channel_is_archived',
        ),
        effect: 'fail',
      },
    })
    expect(run.outputs.result).toBe('success')
    expect(run.log.lines.some((l) => l.startsWith('warning: Alert not delivered'))).toBe(false)
    // The summary agrees with the exit code: the step failed, said at the top, the verdict unchanged.
    const top = run.summary.split('\n').slice(0, 3).join('\n')
    expect(top).toContain('✅ Deployment pipeline succeeded')
    expect(top).toContain('> ❌ **This step failed** because the alert could not be delivered')
    expect(top).toContain('The verdict is unchanged: success.')
  })

  it('without fail-on-alert-error an undelivered alert does not say the step failed', async () => {
    emulator = await startReportEmulator({
      slack: { script: [{ endpoint: 'webhook', status: 410, error: 'channel_is_archived' }] },
    })
    const run = await runReports(emulator, {
      inputs: { ...base, mode: 'monitor', 'notify-on': 'always', ...webhook(emulator) },
      result: monitorSuccess(),
    })
    expect(run.outcome.problem).toBeUndefined()
    expect(run.summary).not.toContain('This step failed')
    expect(run.summary).toContain('alert NOT delivered')
  })

  it('a cancelled run sends no alert', async () => {
    emulator = await startReportEmulator()
    const result = monitorFailure()
    result.cancelled = true
    const run = await runReports(emulator, {
      inputs: {
        ...base,
        mode: 'monitor',
        'notify-on': 'always',
        ...webhook(emulator),
        'sns-topic-arn': TOPIC,
      },
      result,
    })
    expect(run.slack.messages).toHaveLength(0)
    expect(run.sns.published).toHaveLength(0)
    expect(run.log.lines).toContain('Alerts: none sent (the run was cancelled)')
    expect(run.summary).toMatch(/^## ⏹️ Deployment pipeline cancelled/)
  })
})

describe('E-mail through SNS', () => {
  it('publishes the same alert: subject and plain-text body', async () => {
    emulator = await startReportEmulator()
    const run = await runReports(emulator, {
      inputs: { ...base, mode: 'monitor', ...webhook(emulator), 'sns-topic-arn': TOPIC },
      result: monitorFailure(),
    })
    expect(run.outcome.alertSent).toBe(true)
    expect(run.sns.published).toHaveLength(1)
    const mail = firstOf(run.sns.published)
    expect(mail.subject).toBe('[FAILED] Deployment pipeline failed: staging 1.4.2')
    expect(mail.message).toContain('Stage Build › Build: Failed')
    expect(
      run.log.lines.some((l) => /^E-mail \(SNS\): alert delivered \(message [0-9a-f-]{36}\)$/.test(l)),
    ).toBe(true)
  })

  it('a topic that does not exist: warning naming it, alert-sent false', async () => {
    emulator = await startReportEmulator()
    const missing = 'arn:aws:sns:us-east-1:123456789012:nobody-home'
    const run = await runReports(emulator, {
      inputs: { ...base, mode: 'monitor', 'sns-topic-arn': missing },
      result: monitorFailure(),
    })
    expect(run.outcome.alertSent).toBe(false)
    expect(run.log.lines.find((l) => l.startsWith('warning: Alert not delivered'))).toContain(
      `E-mail (SNS): SNS Publish to ${missing} failed: NotFoundException: Topic does not exist (the topic does not exist`,
    )
  })
})

describe('Commit status', () => {
  const token = { 'github-token': 'ghs_0123456789abcdefSECRET' }
  const pr = {
    env: { GITHUB_EVENT_NAME: 'pull_request' },
    event: { pull_request: { number: 7, head: { sha: PR_HEAD }, merge_commit_sha: TEST_SHA } },
  }

  it('pending at the start, failure at the end, on the pull request head TEST_SHA', async () => {
    emulator = await startReportEmulator()
    const result = monitorFailure()
    result.commitSha = PR_HEAD
    const run = await runReports(emulator, {
      inputs: { ...base, mode: 'monitor', 'status-context': 'deploy/staging', ...token },
      result,
      ...pr,
    })
    expect(statusesOf(run, TEST_SHA)).toEqual([])
    const statuses = statusesOf(run, PR_HEAD)
    expect(statuses.map((s) => s.state)).toEqual(['pending', 'failure'])
    expect(statuses[0]?.description).toBe('Following shop-staging for feedc0d…')
    expect(statuses[1]).toMatchObject({
      context: 'deploy/staging',
      target_url: 'https://github.com/octo-org/shop/actions/runs/4242',
      description: expect.stringMatching(/^Stage Build failed: action Build .{20,}…$/),
    })
    expect(must(statuses[1]?.description, 'a description').length).toBeLessThanOrEqual(140)
    expect(run.log.lines).toEqual(
      expect.arrayContaining([
        'Commit status "deploy/staging": pending on feedc0d',
        'Commit status "deploy/staging": failure on feedc0d',
      ]),
    )
  })

  it('a non-final success stays pending and says what passed so far', async () => {
    emulator = await startReportEmulator()
    const run = await runReports(emulator, {
      inputs: { ...base, mode: 'monitor', 'status-context': 'deploy/staging', ...token },
      result: monitorSuccess(),
    })
    const statuses = statusesOf(run, TEST_SHA)
    expect(statuses.map((s) => s.state)).toEqual(['pending', 'pending'])
    expect(statuses[1]?.description).toMatch(/^Deployment pipeline succeeded: .* — awaiting the final check$/)
  })

  it('the final step (validate by default) concludes with success', async () => {
    emulator = await startReportEmulator()
    const run = await runReports(emulator, {
      inputs: { ...base, mode: 'validate', 'status-context': 'deploy/staging', ...token },
      result: validateSuccess(),
    })
    expect(statusesOf(run, TEST_SHA).map((s) => s.state)).toEqual(['pending', 'success'])
  })

  it('a cancelled run ends in error', async () => {
    emulator = await startReportEmulator()
    const result = validateSuccess()
    result.cancelled = true
    const run = await runReports(emulator, {
      inputs: { ...base, mode: 'validate', 'status-context': 'deploy/staging', ...token },
      result,
    })
    const last = statusesOf(run, TEST_SHA).at(-1)!
    expect(last.state).toBe('error')
    expect(last.description).toContain('Cancelled')
  })

  it('a 429 from GitHub is retried after its Retry-After, then the status is posted', async () => {
    emulator = await startReportEmulator()
    emulator.setFaults({ rules: [{ service: 'github', throttleRate: 1, firstCalls: 1 }] })
    const before = emulator.clock.now()
    const run = await runReports(emulator, {
      inputs: { ...base, mode: 'monitor', 'status-context': 'deploy/staging', ...token },
      result: monitorFailure(),
    })
    const calls = emulator.log.where({ service: 'github' })
    expect(calls.map((c) => c.status)).toEqual([429, 201, 201])
    // Retry-After: 1 (the emulator's), waited on the step's clock.
    expect(emulator.clock.now() - before).toBeGreaterThanOrEqual(1000)
    expect(statusesOf(run, TEST_SHA).map((s) => s.state)).toEqual(['pending', 'failure'])
  })

  it('a token without statuses: write: one warning with the permissions lines, no second attempt', async () => {
    emulator = await startReportEmulator({ github: { tokens: { ghs_readonly0000: { statuses: 'read' } } } })
    const run = await runReports(emulator, {
      inputs: {
        ...base,
        mode: 'monitor',
        'status-context': 'deploy/staging',
        'github-token': 'ghs_readonly0000',
      },
      result: monitorFailure(),
    })
    const warnings = run.log.lines.filter((l) => l.includes('statuses: write'))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('Resource not accessible by integration (HTTP 403)')
    expect(warnings[0]).toContain('add `permissions: { statuses: write }` to the workflow or job.')
    expect(emulator.log.where({ service: 'github' })).toHaveLength(1)
    expect(run.summary).toContain('Commit status "deploy/staging": not posted: Could not post commit status')
    // The fix is whole in the summary, as inline code.
    expect(run.summary).toContain('add `permissions: { statuses: write }` to the workflow or job.')
  })

  it('an unknown repository (404) is a warning', async () => {
    emulator = await startReportEmulator({ github: { repositories: { 'octo-org/other': {} } } })
    const run = await runReports(emulator, {
      inputs: { ...base, mode: 'monitor', 'status-context': 'deploy/staging', ...token },
      result: monitorFailure(),
    })
    expect(run.log.lines.find((l) => l.includes('HTTP 404'))).toContain(
      'the repository was not found or the token cannot see it',
    )
  })
})

describe('Summary and outputs agree with the alert', () => {
  it.each(Object.entries(ALL))('%s', async (_name, make) => {
    emulator = await startReportEmulator()
    const result = make()
    const run = await runReports(emulator, {
      inputs: { ...base, mode: result.mode, 'notify-on': 'always', ...webhook(emulator) },
      result,
    })
    const header = firstOf(firstOf(run.slack.messages).payload.blocks as { text: { text: string } }[]).text
      .text
    const heading = firstOf(run.summary.split('\n'))
    // Same icon, headline and target in both.
    expect(heading.replace(/\\/g, '').replace(/^## /, '')).toBe(header)
    expect(run.outputs.result).toBe(result.verdict)
    expect(JSON.parse(must(run.outputs.report, 'the report output'))).toMatchObject({
      verdict: result.verdict,
      alertSent: true,
    })
  })
})
