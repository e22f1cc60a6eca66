// The webhook URL, the bot token and the GitHub token appear nowhere the step writes — stdout, the summary,
// every output, the `report` JSON, every payload the emulator received — in none of its forms (plain, encoded,
// escaped: helpers/leaks.ts), except each one's own ::add-mask:: line (which the runner consumes). Even when an
// error message quotes them.
import { afterEach, describe, expect, it } from '@jest/globals'
import type { Emulator } from '../../emulator/index.js'
import { monitorFailure } from './fixtures.js'
import { runReports, startReportEmulator, type Run } from './harness.js'
import { TOPIC } from '../fixtures/inputs.js'
import { leaksIn, stdoutPlaces } from '../helpers/leaks.js'

let emulator: Emulator | undefined
afterEach(async () => {
  await emulator?.stop()
  emulator = undefined
})

const GITHUB_TOKEN = 'ghs_L3akT3st0k3nABCDEFGHIJKLMNOP'
const BOT_TOKEN = 'xoxb-9999-8888-L3akB0tT0k3n"quote'

function leaks(run: Run, emulator: Emulator, secrets: string[]): string[] {
  const places: [string, string][] = [
    ['summary', run.summary],
    ...Object.entries(run.outputs).map(([k, v]): [string, string] => [`output ${k}`, v]),
    ['slack payloads', JSON.stringify(run.slack.messages.map((m) => m.payload))],
    ['sns messages', JSON.stringify(run.sns.published)],
    ['commit statuses', JSON.stringify([...run.statuses.statuses.values()])],
    ['request log params', JSON.stringify(emulator.log.entries.map((e) => e.params))],
    ...stdoutPlaces(run.stdout),
  ]
  return leaksIn(places, secrets)
}

function withQuotedSecrets(secrets: string[]) {
  const result = monitorFailure()
  // An AWS error or a mode's warning that quotes a secret must not carry it anywhere.
  result.reason += ` (while calling ${secrets[0]})`
  result.warnings = secrets.map(
    (s) => `something mentioned ${encodeURIComponent(s)} and ${JSON.stringify(s)}`,
  )
  return result
}

describe('no secret leaves the step', () => {
  it('webhook URL and GitHub token', async () => {
    emulator = await startReportEmulator()
    const url = `${emulator.url}/slack/webhook/T000/B000/L3akW3bh00kS3cr3t`
    const run = await runReports(emulator, {
      runnerLog: true,
      inputs: {
        mode: 'monitor',
        'project-name': 'shop',
        environment: 'staging',
        'slack-webhook-url': url,
        'github-token': GITHUB_TOKEN,
        'status-context': 'deploy/staging',
        'sns-topic-arn': TOPIC,
        'notify-on': 'always',
      },
      result: withQuotedSecrets([url, GITHUB_TOKEN]),
    })
    expect(run.slack.messages).toHaveLength(1)
    expect(run.sns.published).toHaveLength(1)
    expect([...run.statuses.statuses.values()].flat()).toHaveLength(2)
    expect(leaks(run, emulator, [url, 'T000/B000/L3akW3bh00kS3cr3t', GITHUB_TOKEN])).toEqual([])
    // Each secret's own mask line is there (the runner consumes it).
    expect(run.stdout).toContain(`::add-mask::${url}`)
    expect(run.stdout).toContain(`::add-mask::${GITHUB_TOKEN}`)
  })

  it('bot token, and an undelivered alert whose error could quote the request', async () => {
    emulator = await startReportEmulator({
      slack: { script: [{ endpoint: 'chat.postMessage', status: 503 }] },
    })
    const run = await runReports(emulator, {
      runnerLog: true,
      env: { SLACK_API_URL: emulator.env.SLACK_API_URL },
      inputs: {
        mode: 'monitor',
        'project-name': 'shop',
        environment: 'staging',
        'slack-bot-token': BOT_TOKEN,
        'slack-channel': 'C0123456789',
        'github-token': GITHUB_TOKEN,
        'status-context': 'deploy/staging',
      },
      result: withQuotedSecrets([BOT_TOKEN, GITHUB_TOKEN]),
    })
    expect(run.outcome.alertSent).toBe(false)
    expect(emulator.log.where({ service: 'slack' }).length).toBeGreaterThan(1)
    expect(leaks(run, emulator, [BOT_TOKEN, GITHUB_TOKEN])).toEqual([])
    expect(run.stdout).toContain('::warning::Alert not delivered')
  })
})
