// validate: judge the deployed ECS service (rollout, tasks, version) and its health in CloudWatch (API error
// rate, metric checks, alarms), optionally bake, and roll back on failure. Returns data; reports render it.
//
// Every read retries transient failures until the step's deadline (read.ts). A check whose reads still
// failed is `unverified`: the step fails saying what could not be read and why, but only a measured failure
// (a `fail` row) may trigger a rollback. A step that ends early (a cancel, a service that could not be found
// or read) gets an Ending from the part that saw it, and finishes with what was found so far.
import type { ValidateConfig } from '../config/types.js'
import type { ModeDeps } from '../deps.js'
import type { StepResult } from '../result.js'
import { checkEcs, startEcsReads } from './check-ecs.js'
import { checkHealth } from './check-health.js'
import { Ending, finish } from './finish.js'
import { startFirstRound } from './first-round.js'
import { healthConfigOf } from './health.js'
import { judgeObserved, observeRollout } from './observe-rollout.js'
import type { RunOptions } from './run-options.js'
import { rollBackIfMeasured } from './rollback/on-failure.js'
import { gateAtPauseHook } from './pause-hook/gate.js'
import { startStep } from './step.js'
import { askFirstPage } from './tasks.js'

export async function run(
  config: ValidateConfig,
  deps: ModeDeps,
  options: RunOptions = {},
): Promise<StepResult> {
  const step = startStep(config, deps)
  // ECS's PAUSE hook: validate checks the new revision while the deployment waits, and answers the hook.
  if (config.pauseHook !== 'off') return gateAtPauseHook(step)
  // ListTasks pages are the critical path at scale: the first is asked for alongside the first
  // DescribeServices, and used only if that first look is the one judged (no wait in between).
  const early = askFirstPage(deps, step.target, step.deadline)
  const observed = await observeRollout(step, early, options.firstLook)
  if (observed instanceof Ending) return finish(step, observed)

  const reads = startEcsReads(step, observed, early)
  const history = await reads.history
  const rollout = judgeObserved(step, observed, history)
  // CloudWatch's first round runs while the tasks are being read (once the target groups are known).
  const health = Promise.all([reads.groups, reads.api]).then(([groups, api]) =>
    healthConfigOf(config, groups instanceof Error ? [] : groups, api),
  )
  const firstRound = startFirstRound(step, rollout, health)
  const ecs = await checkEcs(step, observed, rollout, reads, early, options)
  if (ecs instanceof Ending) return finish(step, ecs)

  const findings = await checkHealth(step, observed.service, ecs, firstRound, await health)
  if (findings instanceof Ending) return finish(step, findings)
  const rollback = await rollBackIfMeasured(step, findings.checks, observed.service, history)
  return finish(step, { ...findings, rollback })
}
