// The first round of CloudWatch checks, started as soon as the rollout passed, while the tasks are still
// being read. It does not log: its lines are printed after the ECS checks, in their own group.
import { seconds } from '../format.js'
import { hasHealthChecks, hasMetrics, healthRound, type HealthConfig, type HealthRound } from './health.js'
import type { RolloutJudgement } from './rollout-verdict.js'
import type { Step } from './step.js'
import { firstFullMinuteAt } from './window.js'

export type FirstRound = HealthRound & {
  /** Set when the round first waited for a complete minute of metrics: said in the log. */
  waited?: string
}

/** The first round when there is one to make: the rollout passed and CloudWatch checks are configured. */
export async function startFirstRound(
  step: Step,
  rollout: RolloutJudgement,
  health: Promise<HealthConfig>,
): Promise<FirstRound | undefined> {
  if (rollout.check.status !== 'pass') return undefined
  const config = await health
  return hasHealthChecks(config) ? firstRound(step, rollout, config) : undefined
}

/** When the rollout has just ended (and there is no bake), first wait for one complete minute of metrics. */
async function firstRound(step: Step, rollout: RolloutJudgement, config: HealthConfig): Promise<FirstRound> {
  const { deps, startedAt } = step
  const { bakeMs, timeoutMs } = step.config
  const ended = rollout.rolloutEndedAt
  let waited: string | undefined
  if (hasMetrics(config) && ended !== undefined && bakeMs === 0) {
    const ready = firstFullMinuteAt(ended)
    if (deps.now() < ready && ready <= startedAt + timeoutMs) {
      waited = `The rollout ended at ${new Date(ended).toISOString()}: waited ${seconds(ready - deps.now(), 'up')} for the first complete minute of metrics of the new version`
      await deps.sleep(ready - deps.now(), deps.signal)
    }
  }
  return { ...(await healthRound(deps, config, ended, startedAt + timeoutMs)), waited }
}
