// Everything a step tells the outside world, rendered from one StepResult: outputs, job summary,
// alerts and the commit status. Reports never read AWS state.
import * as core from '@actions/core'
import type { Config } from '../config.js'
import type { ModeDeps } from '../deps.js'
import type { StepResult } from '../result.js'
import { toOutputs } from './outputs.js'
import { renderSummary } from './summary.js'

/** Called once the config is valid, before the mode runs. */
export async function reportStart(_config: Config, _deps: Pick<ModeDeps, 'log' | 'env'>): Promise<void> {}

/** Publishes the result. Returns whether the step must fail because an alert could not be delivered. */
export async function reportEnd(
  result: StepResult,
  _config: Config,
  _deps: Pick<ModeDeps, 'log' | 'env'>,
): Promise<void> {
  const alertSent = false
  for (const [name, value] of Object.entries(toOutputs(result, alertSent))) core.setOutput(name, value)
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(renderSummary(result)).write()
  for (const w of result.warnings) core.warning(w)
}
