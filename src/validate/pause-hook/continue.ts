// The pause-hook gate's one write: ContinueServiceDeployment with the answer. Made once: a CONTINUE or ROLLBACK
// that may have reached ECS is not sent again (a second answer to the same hook is refused anyway), so only the
// SDK's own retries of throttling apply.
import { ContinueServiceDeploymentCommand, ECSClient } from '@aws-sdk/client-ecs'
import { call, describeError } from '../../aws-errors.js'
import type { ModeDeps } from '../../deps.js'
import type { HookAction } from './answer.js'

export interface HookCall {
  action: HookAction
  done: boolean
  message: string
}

export async function continueServiceDeployment(
  deps: ModeDeps,
  serviceDeploymentArn: string,
  hookId: string,
  action: HookAction,
): Promise<HookCall> {
  const ecs = deps.aws.get(ECSClient)
  try {
    await call('ecs', 'ContinueServiceDeployment', () =>
      ecs.send(new ContinueServiceDeploymentCommand({ serviceDeploymentArn, hookId, action }), {
        abortSignal: deps.signal,
      }),
    )
    return {
      action,
      done: true,
      message: `ContinueServiceDeployment ${action} was accepted for hook ${hookId}`,
    }
  } catch (e) {
    return { action, done: false, message: `ContinueServiceDeployment ${action} failed: ${describeError(e)}` }
  }
}
