// Mode dispatch. Each mode is loaded on demand, so a run pays only for the SDK clients its mode uses.
import type { Config } from './config/types.js'
import type { ModeDeps } from './deps.js'
import type { Mode } from './inputs.js'
import type { StepResult } from './result.js'

export interface ModeModule<C extends Config = Config> {
  run(config: C, deps: ModeDeps): Promise<StepResult>
}

/** A mode without a loader has not landed in this version: dispatch says so plainly. */
export const modeLoaders: Record<Mode, (() => Promise<ModeModule<any>>) | undefined> = {
  'create-pipeline': () => import('./pipeline/run.js'),
  monitor: () => import('./monitor/run.js'),
  // One service or several (service: one per line).
  validate: () => import('./validate/several.js').then((m) => ({ run: m.runServices })),
}
