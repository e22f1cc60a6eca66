// The pause-hook gate (pause-hook: gate | report-only): wait until this release's service deployment is
// paused at a PAUSE lifecycle hook (AWAITING_ACTION), check the new revision only over the bake window, answer
// the hook with ContinueServiceDeployment — CONTINUE when every check measured and passed, ROLLBACK on a
// measured failure, nothing otherwise (answer.ts; the hook then takes its own timeout action) — and follow the deployment to
// its end and judge that. report-only makes the same checks and no call. Developer guide: "Pause hooks for
// Amazon ECS service deployments", "Continuing service deployments"; API reference: ContinueServiceDeployment.
import type { Check, HookReport, StepResult } from '../../result.js'
import { judgeDeployment, pausedHook, stillPausedRow } from '../deployment-phase.js'
import { cancelledWhile, Ending, finish } from '../finish.js'
import { waitBudget } from '../rollout-verdict.js'
import { followDeployment } from '../service-deployment.js'
import type { Step } from '../step.js'
import { VERSION_NOT_VERIFIED } from '../version-verdict.js'
import { answerFor } from './answer.js'
import { checkAtPause } from './at-pause.js'
import { continueServiceDeployment } from './continue.js'
import { findRelease, waitForPause, type Paused } from './wait.js'

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
  const notes = checks.some((c) => c.name === 'version' && c.status === 'skip') ? [VERSION_NOT_VERIFIED] : []
  return finish(step, { checks, rounds: checked.rounds, unverified: notes, hook })
}

/** Answers the hook from the verdict on the new revision (answer.ts): the one write, made only on a measured verdict. */
async function answerHook(step: Step, paused: Paused, checks: Check[]): Promise<HookReport> {
  const { config, deps } = step
  const mode = config.pauseHook === 'report-only' ? 'report-only' : 'gate'
  const answer = answerFor(checks, mode, paused.hook)
  return deps.log.group(`Pause hook (${mode})`, async () => {
    if (answer.action === undefined) {
      deps.log.info(answer.why)
      return { mode, done: false, message: answer.why }
    }
    const hook = { serviceDeploymentArn: paused.arn, hookId: paused.hook.hookId }
    const made = await continueServiceDeployment(deps, hook, answer.action, step.deadline)
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
