// The only place that reads inputs. Turns the strings GitHub passes into a typed, validated config per
// mode, applying every default and naming convention of the interface spec, before any network call.
// Each section has its file: common.ts, reporting.ts, create-pipeline.ts, monitor.ts, validate.ts.
import * as runner from '../runner.js'
import { Inputs, SecretInputs } from '../inputs.js'
import { commonSection, readCommonInputs } from './common.js'
import { readCreatePipeline } from './create-pipeline.js'
import { InputError, InputErrors } from './input-error.js'
import { readMonitor } from './monitor.js'
import { Reader, type InputSource } from './reader.js'
import { readReporting } from './reporting.js'
import type { Config } from './types.js'
import { readValidate } from './validate.js'

export type { Config } from './types.js'
export { InputError, InputErrors } from './input-error.js'
export type { InputSource } from './reader.js'

export interface ConfigEnvironment {
  env: NodeJS.ProcessEnv
  /** Registers a secret with the runner so it is masked in logs (core.setSecret). */
  mask: (secret: string) => void
}

/** The inputs written in YAML: only a run that sets one needs the YAML parser. */
const YAML_INPUTS = [Inputs.MetricChecks, Inputs.PipelineDefinition]

export async function readConfigFromRunner(): Promise<Config> {
  if (YAML_INPUTS.some((name) => runner.getInput(name) !== '')) await yamlParserReady()
  return readConfig((name) => runner.getInput(name), { env: process.env, mask: runner.setSecret })
}

/**
 * In the bundle `yaml` is a stand-in whose parser is loaded on demand (build/lazy-yaml.ts): a run without a YAML
 * input, most monitor runs among them, never compiles it. Elsewhere `yaml` is the real module, always ready.
 */
async function yamlParserReady(): Promise<void> {
  const yaml = (await import('yaml')) as { ready?: () => Promise<void> }
  await yaml.ready?.()
}

/** Collects every input problem, then throws them together (one ::error line) or returns the config. */
export function readConfig(source: InputSource, { env, mask }: ConfigEnvironment): Config {
  maskSecrets(source, mask)
  const errors: InputError[] = []
  const reader = new Reader(source, errors)
  const config = build(reader, env)
  reader.flushDerived()
  if (errors.length > 0 || config === undefined) throw new InputErrors(errors)
  return config
}

function maskSecrets(source: InputSource, mask: (secret: string) => void): void {
  for (const name of SecretInputs) {
    const secret = source(name).trim()
    if (secret !== '') mask(secret)
    // A webhook's path (T…/B…/token) is as secret as the whole URL, and error messages quote paths.
    if (name === Inputs.SlackWebhookUrl && secret !== '') {
      const path = URL.canParse(secret) ? new URL(secret).pathname : ''
      if (path.length > 12) mask(path)
    }
  }
}

/** The common section and reporting, then the mode's own section. */
function build(r: Reader, env: NodeJS.ProcessEnv): Config | undefined {
  const inputs = readCommonInputs(r, env)
  const reporting = readReporting(r, inputs.mode, inputs.region)
  const common = commonSection(inputs, reporting, env)
  if (common === undefined) return undefined
  switch (common.mode) {
    case 'create-pipeline':
      return readCreatePipeline(r, env, common)
    case 'monitor':
      return readMonitor(r, common)
    case 'validate':
      return readValidate(r, common)
  }
}
