// The first round of CloudWatch checks, started as soon as the rollout passed, while the tasks are still
// being read. It does not log: its lines are printed after the ECS checks, in their own group.
import { hasHealthChecks, healthRound, type HealthRound } from './health.js'
import type { RolloutJudgement } from './rollout-verdict.js'
import type { Step } from './step.js'
import { firstFullMinuteAt } from './window.js'

export type FirstRound = HealthRound & {
  /** Set when the round first waited for a complete minute of metrics: said in the log. */
  waited?: string
}

/** The first round when there is one to make: the rollout passed and CloudWatch checks are configured. */
export function startFirstRound(step: Step, rollout: RolloutJudgement): Promise<FirstRound | undefined> {
  return rollout.check.status === 'pass' && hasHealthChecks(step.config)
    ? firstRound(step, rollout)
    : Promise.resolve(undefined)
}

/** When the rollout has just ended (and there is no bake), first wait for one complete minute of metrics. */
async function firstRound(step: Step, rollout: RolloutJudgement): Promise<FirstRound> {
  const { config, deps, startedAt } = step
  const ended = rollout.rolloutEndedAt
  const metrics = config.api !== undefined || config.metricChecks.length > 0
  let waited: string | undefined
  if (metrics && ended !== undefined && config.bakeMs === 0) {
    const ready = firstFullMinuteAt(ended)
    if (deps.now() < ready && ready <= startedAt + config.timeoutMs) {
      waited = `The rollout ended at ${new Date(ended).toISOString()}: waited ${Math.ceil((ready - deps.now()) / 1000)} s for the first complete minute of metrics of the new version`
      await deps.sleep(ready - deps.now(), deps.signal)
    }
  }
  return { ...(await healthRound(deps, config, ended, startedAt + config.timeoutMs)), waited }
}
