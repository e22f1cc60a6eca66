// Runs the monitor mode in-process against the emulator, through the real SDK on the emulator's manual clock:
// each sleep advances the clock, and a hook may act on AWS (stop, update, approve) once a moment has passed.
import { startEmulator, type Emulator, type FaultConfig, type Scenario } from '../../emulator/index.js'
import { monitorConfig } from '../helpers/config.js'
import { emulatorDeps } from '../helpers/deps.js'
import { run } from '../../src/monitor/run.js'
import { toOutputs } from '../../src/report/outputs.js'
import type { MonitorDetails } from '../../src/result.js'

let emulator: Emulator | undefined

/** Stops the emulator the last monitor() started (call it in afterEach). */
export async function stopMonitorEmulator(): Promise<void> {
  await emulator?.stop()
  emulator = undefined
}

export interface Options {
  inputs?: Record<string, string>
  faults?: FaultConfig
  maxAttempts?: number
  /** Runs once when emulator time passes `at` seconds from the scenario start. */
  at?: { seconds: number; fn: (e: Emulator, abort: AbortController) => Promise<void> }
  github?: boolean
}

export async function monitor(scenario: Scenario, opts: Options = {}) {
  emulator = await startEmulator({ scenario, faults: opts.faults })
  const e = emulator
  const abort = new AbortController()
  const deps = await emulatorDeps(e, { maxAttempts: opts.maxAttempts ?? 3, signal: abort.signal })
  const start = e.clock.now()
  let hook = opts.at
  deps.sleep = async (ms) => {
    e.clock.advance(ms)
    if (hook && e.clock.now() - start >= hook.seconds * 1000) {
      const h = hook
      hook = undefined
      await h.fn(e, abort)
    }
  }
  const config = monitorConfig(
    { 'pipeline-name': 'shop-staging', 'timeout-minutes': '30', 'github-token': 'ghs_test', ...opts.inputs },
    { GITHUB_API_URL: `${e.url}/github`, GITHUB_REPOSITORY: 'acme/shop' },
  )
  const result = await run(config, deps)
  const details = result.details as MonitorDetails
  return { result, details, outputs: toOutputs(result, false), lines: deps.log.lines, emulator: e, start }
}
