// Runs the built dist/index.js in monitor mode against a fresh emulator at 200× real time, so that a pipeline
// ends in seconds: shop-staging, commit 1, a quick poll interval and a one-minute timeout unless told otherwise.
// Nothing run this way may count calls or measure time (the clock is fast, the machine may be busy).
import { startEmulator, type Emulator, type Scenario } from '../../emulator/index.js'
import type { SlackState } from '../../emulator/services/slack/index.js'
import { sha, shopScenario, type ShopOptions } from '../monitor/scenarios.js'
import { runAction, type RunOptions } from './run-action.js'

let emulator: Emulator | undefined

/** Stops the emulator the last runMonitor() started (call it in afterEach). */
export async function stopMonitorRun(): Promise<void> {
  await emulator?.stop()
  emulator = undefined
}

export interface MonitorRunOptions {
  signal?: RunOptions['signal']
  /** Act on AWS once stdout matches, as a person would (answer the approval the run waits on). */
  act?: { whenStdout: RegExp; then: (e: Emulator) => Promise<void> }
  /** Alert to the emulator's Slack webhook (read it with slackMessages()). */
  slack?: boolean
}

export async function runMonitor(
  scenario: ShopOptions | Scenario,
  inputs: Record<string, string> = {},
  opts: MonitorRunOptions = {},
) {
  const full = 'codepipeline' in scenario ? scenario : shopScenario(scenario as ShopOptions)
  const e = (emulator = await startEmulator({
    scenario: { ...full, start: undefined },
    clock: { speed: 200 },
  }))
  const slack: Record<string, string> = opts.slack
    ? { 'slack-webhook-url': `${e.url}/slack/webhook/T000/B000/XXXX` }
    : {}
  const act = opts.act
  return runAction({
    inputs: {
      mode: 'monitor',
      'pipeline-name': 'shop-staging',
      'commit-sha': sha(1),
      'poll-interval-seconds': '0.05',
      'timeout-minutes': '1',
      ...slack,
      ...inputs,
    },
    env: { ...e.env, GITHUB_REPOSITORY: 'acme/shop' },
    signal: opts.signal,
    act: act && { whenStdout: act.whenStdout, then: () => act.then(e) },
  })
}

/** The Slack messages the last run posted: their payloads as Slack received them. */
export function slackMessages(): Record<string, unknown>[] {
  return ((emulator?.world.states.slack as SlackState | undefined)?.messages ?? []).map((m) => m.payload)
}
