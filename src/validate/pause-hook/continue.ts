// The pause-hook gate's one write: ContinueServiceDeployment with the answer. Sent once, with no SDK retry: an
// answer whose response was lost (a reset, a timeout, a 5xx, an answer that cannot be parsed) may have been
// applied, and a second one to the same hook is refused — so a lost answer is not sent again; the deployment is
// re-read instead, and the report says what happened: the hook was answered (it moved on) or it was not. Only a
// throttled answer, refused before it was applied, is sent again, while the deadline allows.
import { ContinueServiceDeploymentCommand, ECSClient, type ServiceDeployment } from '@aws-sdk/client-ecs'
import { backoffMs } from '../../backoff.js'
import { call, describeError, isAbort, isThrottling, isTimeout, isTransient } from '../../aws-errors.js'
import type { ModeDeps } from '../../deps.js'
import { pausedHook, phaseLine } from '../deployment-phase.js'
import { describeServiceDeployment } from '../service-deployment.js'
import type { HookAction } from './answer.js'

export interface HookCall {
  action: HookAction
  /** The hook was answered: ECS accepted the call, or the deployment moved on after its response was lost. */
  done: boolean
  message: string
}

export interface HookToAnswer {
  serviceDeploymentArn: string
  hookId: string
}

/** A throttled answer is sent again at most this many times (it was refused, not applied). */
const THROTTLED_RESENDS = 3
const THROTTLE_INTERVAL_MS = 1_000

export async function continueServiceDeployment(
  deps: ModeDeps,
  hook: HookToAnswer,
  action: HookAction,
  deadline: number,
): Promise<HookCall> {
  for (let resends = 0; ; resends++) {
    try {
      await sendOnce(deps, hook, action)
      return {
        action,
        done: true,
        message: `ContinueServiceDeployment ${action} was accepted for hook ${hook.hookId}`,
      }
    } catch (e) {
      if (isThrottling(e) && resends < THROTTLED_RESENDS && (await waitedOut(deps, resends, deadline)))
        continue
      if (!answerMayBeLost(e)) return refused(action, e)
      return afterLostAnswer(deps, hook, action, e, deadline)
    }
  }
}

/** One ContinueServiceDeployment, on a client that never retries it (aws.ts `once`). */
async function sendOnce(deps: ModeDeps, hook: HookToAnswer, action: HookAction): Promise<void> {
  const ecs = deps.aws.get(ECSClient, { once: true })
  await call('ecs', 'ContinueServiceDeployment', () =>
    ecs.send(new ContinueServiceDeploymentCommand({ ...hook, action }), { abortSignal: deps.signal }),
  )
}

/** The back-off before a throttled answer is sent again; false when the deadline or a cancel comes first. */
async function waitedOut(deps: ModeDeps, resends: number, deadline: number): Promise<boolean> {
  const ms = backoffMs(resends + 1, THROTTLE_INTERVAL_MS)
  if (deps.now() + ms >= deadline) return false
  await deps.sleep(ms, deps.signal)
  return !deps.signal.aborted
}

/** The call may have reached ECS and been applied, though its response never came back whole. */
export function answerMayBeLost(e: unknown): boolean {
  if (isAbort(e) || isThrottling(e)) return false
  // isTimeout: the SDK's request timeout, and the step's cut-off (DeadlineExceeded), which the SDK does not retry.
  return isTransient(e) || isTimeout(e)
}

function refused(action: HookAction, e: unknown): HookCall {
  return { action, done: false, message: `ContinueServiceDeployment ${action} failed: ${describeError(e)}` }
}

/** The response was lost: the deployment says whether the hook was answered. */
async function afterLostAnswer(
  deps: ModeDeps,
  hook: HookToAnswer,
  action: HookAction,
  e: unknown,
  deadline: number,
): Promise<HookCall> {
  const lost = `ContinueServiceDeployment ${action}: its response was lost (${describeError(e)})`
  let sd: ServiceDeployment
  try {
    sd = await describeServiceDeployment(deps, hook.serviceDeploymentArn, deadline)
  } catch (reread) {
    return {
      action,
      done: false,
      message: `${lost}, and the deployment could not be read again (${describeError(reread)}): whether hook ${hook.hookId} was answered is not known`,
    }
  }
  if (pausedHook(sd)?.hookId === hook.hookId)
    return {
      action,
      done: false,
      message: `${lost}; not answered: the deployment still waits at hook ${hook.hookId} — ${phaseLine(sd)}`,
    }
  return {
    action,
    done: true,
    message: `${lost}; answered: the deployment moved on past hook ${hook.hookId} — ${phaseLine(sd)}`,
  }
}
