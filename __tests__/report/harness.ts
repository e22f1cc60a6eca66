// Runs reportStart/reportEnd in-process against the emulator's Slack, GitHub and SNS endpoints, the way
// main.ts does, and collects everything the step wrote: stdout, outputs, the summary, and what the emulator got.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as core from '@actions/core'
import { startEmulator, type Emulator, type Scenario } from '../../emulator/index.js'
import { githubPlugin } from '../../emulator/services/github/index.js'
import type { GitHubState } from '../../emulator/services/github/index.js'
import { slackPlugin, type SlackState } from '../../emulator/services/slack/index.js'
import { snsPlugin, type SnsState } from '../../emulator/services/sns/index.js'
import { readConfig, type Config } from '../../src/config/read.js'
import { openDoor } from '../../src/door.js'
import { createRedactor, secretsOf } from '../../src/secrets.js'
import type { InputName } from '../../src/inputs.js'
import { reportEnd, reportStart, type ReportDeps, type ReportOutcome } from '../../src/report/index.js'
import type { StepResult } from '../../src/result.js'
import { parseOutputFile } from '../helpers/run-action.js'
import { emulatorDeps, type TestLogger } from '../helpers/deps.js'
import { TEST_ENV } from '../helpers/config.js'
import { TOPIC } from '../fixtures/inputs.js'

export async function startReportEmulator(scenario: Scenario = {}): Promise<Emulator> {
  return startEmulator({
    scenario: { sns: { topics: [TOPIC] }, ...scenario },
    plugins: [slackPlugin, githubPlugin, snsPlugin],
  })
}

export interface Run {
  outcome: ReportOutcome
  config: Config
  log: TestLogger
  stdout: string
  outputs: Record<string, string>
  summary: string
  slack: SlackState
  statuses: GitHubState
  sns: SnsState
}

export interface RunOptions {
  inputs: Partial<Record<InputName, string>>
  result: StepResult
  env?: Record<string, string>
  event?: Record<string, unknown>
  /** Log through @actions/core to stdout (as on the runner) instead of the test logger. */
  runnerLog?: boolean
  /** Laid over the emulator's deps (e.g. a reporting `deadline`). */
  deps?: (base: ReportDeps) => Partial<ReportDeps>
}

/** config (secrets masked as on the runner) → reportStart → reportEnd, capturing what was written. */
export async function runReports(emulator: Emulator, opts: RunOptions): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'adp-report-'))
  const files = { output: join(dir, 'output'), summary: join(dir, 'summary'), event: join(dir, 'event.json') }
  for (const f of Object.values(files)) writeFileSync(f, '')
  writeFileSync(files.event, JSON.stringify(opts.event ?? {}))
  const env: Record<string, string> = {
    ...TEST_ENV,
    GITHUB_API_URL: emulator.env.GITHUB_API_URL,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_STEP_SUMMARY: files.summary,
    ...opts.env,
  }
  const previousOutput = process.env.GITHUB_OUTPUT
  process.env.GITHUB_OUTPUT = files.output
  let stdout = ''
  const write = process.stdout.write.bind(process.stdout)
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString()
    return true
  }) as typeof process.stdout.write
  try {
    const config = readConfig((name) => opts.inputs[name] ?? '', { env, mask: core.setSecret })
    const base = await emulatorDeps(emulator)
    const deps: ReportDeps = {
      ...base,
      env: { ...base.env, ...env },
      // Through the door, as main logs: redacted and inert.
      log: opts.runnerLog ? openDoor(core, createRedactor(secretsOf(config, env))) : base.log,
    }
    Object.assign(deps, opts.deps?.(deps))
    const session = await reportStart(config, deps)
    const outcome = await reportEnd(opts.result, config, deps, session)
    return {
      outcome,
      config,
      log: base.log,
      stdout,
      outputs: parseOutputFile(readFileSync(files.output, 'utf8')),
      summary: readFileSync(files.summary, 'utf8'),
      slack: emulator.world.states.slack as SlackState,
      statuses: emulator.world.states.github as GitHubState,
      sns: emulator.world.states.sns as SnsState,
    }
  } finally {
    process.stdout.write = write
    if (previousOutput === undefined) delete process.env.GITHUB_OUTPUT
    else process.env.GITHUB_OUTPUT = previousOutput
  }
}

export function statusesOf(run: Run, sha: string) {
  return run.statuses.statuses.get(`octo-org/shop@${sha}`) ?? []
}
