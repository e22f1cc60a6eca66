// What every part of one validate step is given: its config, the outside world, the service, and time.
import type { ValidateConfig } from '../config/types.js'
import type { ModeDeps } from '../deps.js'
import type { Target } from './service.js'

export interface Step {
  config: ValidateConfig
  deps: ModeDeps
  target: Target
  startedAt: number
  /** The step's deadline: every read may retry transient failures until then. */
  deadline: number
  /** The end of any wait for the rollout (or for a pause): the bake keeps its time inside the step's timeout. */
  waitEnd: number
}

export function startStep(config: ValidateConfig, deps: ModeDeps): Step {
  const startedAt = deps.now()
  return {
    config,
    deps,
    target: { cluster: config.cluster, service: config.service, region: config.region },
    startedAt,
    deadline: startedAt + config.timeoutMs,
    waitEnd: startedAt + config.timeoutMs - config.bakeMs,
  }
}
