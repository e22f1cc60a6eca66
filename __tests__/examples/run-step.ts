// One step of an example, run as the runner would run `uses: octo-org/aws-deploy-pipeline@v1`: its `with:` values
// evaluated against the simulated context, every other input at its action.yml default (evaluated too:
// `github-token` is `${{ github.token }}`), then main's runStep in-process with the real @actions/core writing
// the output and summary files, the real SDK clients over HTTP to the emulator on its manual clock.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as core from '@actions/core'
import { parse } from 'yaml'
import type { Emulator, RequestLogEntry } from '../../emulator/index.js'
import { createAwsClients } from '../../src/aws.js'
import { readConfig } from '../../src/config/read.js'
import type { InputName } from '../../src/inputs.js'
import { runStep } from '../../src/main.js'
import { createRedactor, secretsOf } from '../../src/secrets.js'
import { inStepProcess } from '../helpers/in-step-process.js'
import { parseOutputFile, ROOT } from '../helpers/run-action.js'
import { interpolate, type Context } from './expressions.js'

export interface StepRun {
  inputs: Record<string, string>
  outputs: Record<string, string>
  summary: string
  stdout: string
  /** Every request the emulator received during the step (AWS, Slack, SNS, GitHub). */
  calls: RequestLogEntry[]
}

const ACTION_INPUTS = (
  parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>
  }
).inputs

/** The inputs the runner hands the action: the step's `with:` over action.yml's defaults, all evaluated. */
export function stepInputs(withValues: Record<string, unknown>, context: Context): Record<string, string> {
  const inputs: Record<string, string> = {}
  for (const [name, spec] of Object.entries(ACTION_INPUTS))
    if (spec.default !== undefined) inputs[name] = interpolate(String(spec.default), context)
  for (const [name, value] of Object.entries(withValues)) {
    if (!(name in ACTION_INPUTS)) throw new Error(`with: ${name} is not an input of action.yml`)
    inputs[name] = interpolate(String(value), context)
  }
  return inputs
}

export async function runActionStep(
  emulator: Emulator,
  inputs: Record<string, string>,
  runnerEnv: Record<string, string>,
): Promise<StepRun> {
  const dir = mkdtempSync(join(tmpdir(), 'adp-example-'))
  const files = { GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STEP_SUMMARY: join(dir, 'summary') }
  for (const f of Object.values(files)) writeFileSync(f, '')
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...emulator.env,
    ...runnerEnv,
    ...files,
    GITHUB_WORKSPACE: dir,
  }
  const firstCall = emulator.log.entries.length
  const { stdout } = await inStepProcess(env, async () => {
    const config = readConfig((name: InputName) => inputs[name] ?? '', { env, mask: core.setSecret })
    const cutoff = { at: Date.now() + 60_000 }
    await runStep(config, {
      core,
      aws: await createAwsClients(config, env, { cutoff: () => cutoff.at }),
      cutoff,
      redact: createRedactor(secretsOf(config, env)),
      startedAt: emulator.clock.now(),
      now: () => emulator.clock.now(),
      sleep: async (ms) => emulator.clock.advance(ms),
      signal: new AbortController().signal,
      env,
    })
  })
  const run = {
    inputs,
    outputs: parseOutputFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
    stdout,
    calls: emulator.log.entries.slice(firstCall),
  }
  rmSync(dir, { recursive: true, force: true })
  return run
}
