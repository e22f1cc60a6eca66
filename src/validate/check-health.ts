// The health of the service in CloudWatch (API error rate, metric checks, alarms): the first round, then the
// bake while nothing has failed. Not looked at when the rollout did not pass.
import type { Service } from '@aws-sdk/client-ecs'
import type { Check } from '../result.js'
import { bake, breached, summary, type BakeOutcome } from './bake.js'
import { bakeWatch } from './bake-watch.js'
import type { EcsChecks } from './check-ecs.js'
import { cancelledWhile, type Ending, type Findings } from './finish.js'
import type { FirstRound } from './first-round.js'
import { healthRound, type HealthConfig, type HealthRound } from './health.js'
import { healthNotChecked } from './rows.js'
import type { Step } from './step.js'
import { describeWindow } from './window.js'

/** Every check, ECS and CloudWatch; a cancel (during the bake, or before) ends the step with them. */
export async function checkHealth(
  step: Step,
  service: Service,
  ecs: EcsChecks,
  firstRound: Promise<FirstRound | undefined>,
  health: HealthConfig,
): Promise<Findings | Ending> {
  const { config, deps } = step
  const watched: BakeOutcome =
    ecs.rollout.check.status === 'pass'
      ? await watch(step, service, ecs, await firstRound, health)
      : { rounds: [], cancelled: false }
  const findings = findingsOf(step, ecs, watched.rounds, health)
  if (watched.cancelled || deps.signal.aborted)
    return cancelledWhile(
      findings,
      config.bakeMs > 0 ? 'cancelled during the bake' : 'cancelled while checking the service',
    )
  return findings
}

/** The first round, logged; then the bake, unless the step is decided already. */
async function watch(
  step: Step,
  service: Service,
  ecs: EcsChecks,
  first: FirstRound | undefined,
  health: HealthConfig,
): Promise<BakeOutcome> {
  const { config, deps, deadline } = step
  if (first) {
    await deps.log.group('CloudWatch metrics and alarms', async () => {
      if (first.waited) deps.log.info(first.waited)
      for (const c of first.checks) deps.log.info(`${c.name} ${c.status}: ${c.message}`)
      deps.log.info(summary(first))
    })
  }
  // A failed or unverified ECS check decides the step already: baking would not change the verdict.
  const ecsDecided = ecs.checks.some((c) => c.status === 'fail' || c.status === 'unverified')
  if (config.bakeMs === 0 || ecsDecided || (first && breached(first)))
    return { rounds: first ? [first] : [], cancelled: false }
  const endedAt = ecs.rollout.rolloutEndedAt
  // Without CloudWatch checks the bake still watches the service: an empty first round (no calls).
  const start = first ?? (await healthRound(deps, health, endedAt, deadline))
  return deps.log.group('Bake', () =>
    bake(deps, health, endedAt, start, config.bakeMs, bakeWatch(deps, step.target, service), deadline),
  )
}

/**
 * The last round decides, and says what is finally not verified: the bake stops at its first breach, so a
 * breach is always the last round, and an earlier round's missing data was looked at again since.
 */
function findingsOf(step: Step, ecs: EcsChecks, rounds: HealthRound[], health: HealthConfig): Findings {
  const { config } = step
  const notes = [...ecs.notes]
  let checks: Check[] = []
  if (ecs.rollout.check.status !== 'pass') {
    const why =
      ecs.rollout.check.status === 'unverified'
        ? 'the rollout could not be verified'
        : 'the rollout did not succeed'
    checks = healthNotChecked(config, health, why)
  }
  const decisive = rounds.at(-1)
  if (decisive) {
    checks = decisive.checks
    // A rate names its own gaps; a metric check reads one period as long as the window, so only the window's.
    notes.push(...decisive.partial)
    if (decisive.window.partial && health.metricChecks.length > 0)
      notes.push(
        `metric checks: ${describeWindow(decisive.window)}; the rest of the asked window predates the rollout`,
      )
  }
  return {
    checks: [...ecs.checks, ...checks],
    rounds:
      config.bakeMs > 0 && rounds.length > 0
        ? rounds.map((r) => ({ at: new Date(r.at).toISOString(), checks: r.checks }))
        : undefined,
    unverified: notes,
  }
}
