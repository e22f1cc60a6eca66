// The pause-hook gate (pause-hook: gate | report-only): wait until this release's service deployment is
// paused at a PAUSE lifecycle hook (AWAITING_ACTION), check the new revision only over the bake window, answer
// the hook with ContinueServiceDeployment — CONTINUE on a pass, ROLLBACK on a measured failure, nothing when
// the result could not be verified (the hook then takes its own timeout action) — and follow the deployment to
// its end and judge that. report-only makes the same checks and no call. Developer guide: "Pause hooks for
// Amazon ECS service deployments", "Continuing service deployments"; API reference: ContinueServiceDeployment.
import type { DeploymentLifecycleHookDetail, Service, ServiceDeployment } from '@aws-sdk/client-ecs'
import type { HookReport, StepResult } from '../../result.js'
import type { Check } from '../../result.js'
import { bake, type BakeWatch } from '../bake.js'
import {
  stillPausedRow,
  judgeDeployment,
  nativeStrategyOf,
  pausedHook,
  phaseLine,
  deploymentEnded,
} from '../deployment-phase.js'
import { cancelledWhile, Ending, finish } from '../finish.js'
import { healthRound } from '../health.js'
import { unobserved } from '../observe-rollout.js'
import { unreadableRow } from '../read.js'
import { waitBudget } from '../rollout-verdict.js'
import { failRow } from '../rows.js'
import { describeService } from '../service.js'
import { describeServiceDeployment, followDeployment } from '../service-deployment.js'
import type { Step } from '../step.js'
import { judge } from '../verdict.js'
import { answerFor } from './answer.js'
import { continueServiceDeployment } from './continue.js'
import { checkNewTasks, judgeNewRevision } from './new-revision.js'

export const PAUSE_CHECK = 'pause hook'
/** The answer is sent this long before the hook expires, at the latest: a late answer is refused. */
export const ANSWER_MARGIN_MS = 60_000

interface Paused {
  service: Service
  arn: string
  deployment: ServiceDeployment
  hook: DeploymentLifecycleHookDetail & { hookId: string }
  seenAt: number
}

interface AtPause {
  checks: Check[]
  rounds: { at: string; checks: Check[] }[]
  cancelled: boolean
}

export async function gateAtPauseHook(step: Step): Promise<StepResult> {
  const release = await findRelease(step)
  if (release instanceof Ending) return finish(step, release)
  const paused = await waitForPause(step, release)
  if (paused instanceof Ending) return finish(step, paused)
  const checked = await checkAtPause(step, paused)
  if (checked.cancelled)
    return finish(
      step,
      cancelledWhile({ ...checked, unverified: [] }, 'cancelled while checking at the pause hook'),
    )
  const hook = await answerHook(step, paused, checked.checks)
  const end = await followToEnd(step, paused, hook)
  // The reason leads with what decided: the deployment's end after an answer, else the checks at the pause.
  const checks = hook.done ? [...end, ...checked.checks] : [...checked.checks, ...end]
  return finish(step, { checks, rounds: checked.rounds, unverified: [], hook })
}

/** This release's service deployment: the service's current one, of a strategy that has lifecycle hooks. */
async function findRelease(step: Step): Promise<{ service: Service; arn: string } | Ending> {
  const { deps, target, deadline } = step
  let service: Service
  try {
    service = await describeService(deps, target, deadline)
  } catch (e) {
    return unobserved(step, e)
  }
  const arn = service.currentServiceDeployment
  const strategy = nativeStrategyOf(service)
  const hooks = service.deploymentConfiguration?.lifecycleHooks ?? []
  const refuse = (why: string) => new Ending({ checks: [failRow(PAUSE_CHECK, 'gate', why)], unverified: [] })
  if (!strategy)
    return refuse(
      `pause-hook: ${step.config.pauseHook} needs a BLUE_GREEN, LINEAR or CANARY service; "${target.service}" deploys with ${service.deploymentConfiguration?.strategy ?? 'ROLLING'}, which has no lifecycle hooks`,
    )
  if (!hooks.some((h) => h.targetType === 'PAUSE'))
    return refuse(`the ${strategy} service "${target.service}" has no PAUSE lifecycle hook to answer`)
  if (!arn) return refuse(`service "${target.service}" names no current service deployment`)
  return { service, arn }
}

/** Follows the deployment until it waits at a PAUSE hook; an end, a timeout or an unreadable look ends the step. */
async function waitForPause(
  step: Step,
  release: { service: Service; arn: string },
): Promise<Paused | Ending> {
  const { config, deps, startedAt } = step
  const until = startedAt + config.timeoutMs - config.bakeMs
  const followed = await deps.log.group(`Waiting for the deployment to pause at its PAUSE hook`, () =>
    followDeployment(deps, release.arn, {
      deadline: until,
      done: (sd) => deploymentEnded(sd) || pausedHook(sd) !== undefined,
    }),
  )
  const sd = followed.deployment
  if (followed.cancelled)
    return cancelledWhile({ checks: [], unverified: [] }, 'cancelled while waiting for the pause hook')
  const hook = sd instanceof Error ? undefined : pausedHook(sd)
  if (sd instanceof Error || !hook?.hookId) {
    const row = judgeDeployment({
      deployment: sd,
      timedOutAfterMs: followed.timedOutAfterMs,
      waitBudget: waitBudget(config.timeoutMs, config.bakeMs),
    })
    const never: Check =
      sd instanceof Error
        ? unreadableRow(PAUSE_CHECK, 'gate', `the deployment could not be followed: ${sd.message}`)
        : {
            name: PAUSE_CHECK,
            type: 'gate',
            status: 'skip',
            value: null,
            threshold: null,
            message: `not answered: the deployment never waited at a PAUSE hook while validate looked (${phaseLine(sd)}); nothing was called`,
          }
    return new Ending({ checks: [row, never], unverified: [] })
  }
  deps.log.info(
    `Paused at ${sd.lifecycleStage}: PAUSE hook ${hook.hookId} awaits action until ${hook.expiresAt?.toISOString()} (then ${hook.timeoutAction})`,
  )
  return { ...release, deployment: sd, hook: { ...hook, hookId: hook.hookId }, seenAt: deps.now() }
}

/** The bake at the pause: as long as bake-minutes, but ending before the hook expires so the answer counts. */
function bakeAtPause(step: Step, paused: Paused): number {
  const { config, deps } = step
  const room = answerBy(step, paused) - deps.now()
  if (room < config.bakeMs) {
    deps.log.warning(
      `The PAUSE hook expires at ${paused.hook.expiresAt?.toISOString()}: the bake at the pause is cut to ${Math.max(0, Math.round(room / 1000))} s (bake-minutes asks ${Math.round(config.bakeMs / 1000)} s) so the answer comes before the hook's own timeout`,
    )
    return Math.max(0, room)
  }
  return config.bakeMs
}

/** The reads at the pause may retry until then at the latest: an answer after the hook expired is no answer. */
function answerBy(step: Step, paused: Paused): number {
  const expires = paused.hook.expiresAt?.getTime() ?? Infinity
  return Math.min(step.deadline, expires - ANSWER_MARGIN_MS)
}

/** The checks of the new revision at the pause, round after round over the bake, stopping at a breach. */
async function checkAtPause(step: Step, paused: Paused): Promise<AtPause> {
  const { config, deps } = step
  const deadline = answerBy(step, paused)
  return deps.log.group(`Checks of the new revision at the pause`, async () => {
    const bakeMs = bakeAtPause(step, paused)
    // Metric windows start at the pause when there is a bake (test traffic reaches the new revision then).
    const since = bakeMs > 0 ? paused.seenAt : undefined
    const [tasks, health] = await Promise.all([
      checkNewTasks(step, paused.service, paused.deployment, deadline),
      healthRound(deps, config, since, deadline),
    ])
    const first = { ...health, checks: [judgeNewRevision(paused.deployment), ...tasks, ...health.checks] }
    for (const c of first.checks) deps.log.info(`${c.name} ${c.status}: ${c.message}`)
    if (bakeMs === 0) return { checks: first.checks, rounds: [], cancelled: false }
    const baked = await bake(deps, config, since, first, bakeMs, pauseWatch(step, paused), deadline)
    const last = baked.rounds.at(-1) ?? first
    const rounds = baked.rounds.map((r) => ({ at: new Date(r.at).toISOString(), checks: r.checks }))
    return { checks: last.checks, rounds, cancelled: baked.cancelled }
  })
}

/** Each bake round re-reads the deployment (still paused, new revision whole); the end re-counts its tasks. */
function pauseWatch(step: Step, paused: Paused): BakeWatch {
  return {
    service: async (deadline) => {
      try {
        const sd = await describeServiceDeployment(step.deps, paused.arn, deadline)
        const still = pausedHook(sd)?.hookId === paused.hook.hookId
        return still
          ? judgeNewRevision(sd)
          : failRow(PAUSE_CHECK, 'gate', `the deployment no longer waits at the hook: ${phaseLine(sd)}`)
      } catch (e) {
        return unreadableRow(PAUSE_CHECK, 'gate', e instanceof Error ? e.message : String(e))
      }
    },
    tasks: (deadline) => checkNewTasks(step, paused.service, paused.deployment, deadline),
  }
}

/** Answers the hook from the verdict on the new revision (answer.ts): the one write, made only on a measured verdict. */
async function answerHook(step: Step, paused: Paused, checks: Check[]): Promise<HookReport> {
  const { config, deps, target } = step
  const mode = config.pauseHook === 'report-only' ? 'report-only' : 'gate'
  const judgement = judge(checks, config.onMissingData, target)
  const answer = answerFor(judgement, mode, paused.hook)
  return deps.log.group(`Pause hook (${mode})`, async () => {
    if (answer.action === undefined) {
      deps.log.info(answer.why)
      return { mode, done: false, message: answer.why }
    }
    const made = await continueServiceDeployment(deps, paused.arn, paused.hook.hookId, answer.action)
    const message = `${made.message}: ${answer.why}`
    deps.log.info(message)
    return { mode, action: answer.action, done: made.done, message }
  })
}

/**
 * After an answer, the deployment is followed to its end and judged (a CONTINUE still has its traffic shift
 * and bake ahead). With report-only, someone else may answer: it is followed until the deadline too. When the
 * result could not be verified, nothing will move it but its own timeout: it is looked at once more.
 */
async function followToEnd(step: Step, paused: Paused, hook: HookReport): Promise<Check[]> {
  const { config, deps, deadline } = step
  const waitBudgetSaid = waitBudget(config.timeoutMs, 0)
  const unanswered = !hook.done && hook.mode === 'gate'
  const followed = await deps.log.group(`Following the deployment to its end`, () =>
    followDeployment(deps, paused.arn, { deadline, ...(unanswered ? { done: () => true } : {}) }),
  )
  const sd = followed.deployment
  if (!(sd instanceof Error) && pausedHook(sd)?.hookId === paused.hook.hookId)
    return [stillPausedRow(sd, hook.action ? `${hook.action} was not accepted` : 'no answer was sent')]
  return [
    judgeDeployment({
      deployment: sd,
      timedOutAfterMs: followed.timedOutAfterMs,
      waitBudget: waitBudgetSaid,
    }),
  ]
}
