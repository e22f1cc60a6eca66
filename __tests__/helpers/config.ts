// Builds a typed config from input strings the way the runner would, for in-process mode tests.
import { readConfig, type Config } from '../../src/config/read.js'
import type { CreatePipelineConfig, MonitorConfig, ValidateConfig } from '../../src/config/types.js'
import type { InputName } from '../../src/inputs.js'
import { TEST_SHA } from '../fixtures/inputs.js'

export const TEST_ENV = {
  AWS_REGION: 'us-east-1',
  GITHUB_REPOSITORY: 'octo-org/shop',
  GITHUB_SHA: TEST_SHA,
  GITHUB_RUN_ID: '4242',
  GITHUB_SERVER_URL: 'https://github.com',
}

/** `env` is laid over TEST_ENV; a variable set to undefined is unset. */
export function configFrom(
  inputs: Partial<Record<InputName, string>>,
  env: Record<string, string | undefined> = {},
): Config {
  return readConfig((name) => inputs[name] ?? '', { env: { ...TEST_ENV, ...env }, mask: () => {} })
}

type Inputs = Partial<Record<InputName, string>>
export const createPipelineConfig = (inputs: Inputs, env?: Record<string, string>) =>
  configFrom({ mode: 'create-pipeline', ...inputs }, env) as CreatePipelineConfig
export const monitorConfig = (inputs: Inputs, env?: Record<string, string>) =>
  configFrom({ mode: 'monitor', ...inputs }, env) as MonitorConfig
export const validateConfig = (inputs: Inputs, env?: Record<string, string>) =>
  configFrom({ mode: 'validate', ...inputs }, env) as ValidateConfig
