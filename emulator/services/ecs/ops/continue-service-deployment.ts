// ContinueServiceDeployment: answers a PAUSE hook that is AWAITING_ACTION with CONTINUE (the default) or
// ROLLBACK. API reference: API_ContinueServiceDeployment.html; developer guide "Continuing service
// deployments": the hook must be AWAITING_ACTION and the deployment IN_PROGRESS.
import { AwsError, type RequestContext } from '../../../core/types.js'
import { nativeAt, settle } from '../native.js'
import { serviceDeploymentStatus } from '../service-deployment-status.js'
import type { EcsState } from '../state.js'

export function continueServiceDeployment(state: EcsState) {
  return (input: any, ctx: RequestContext) => {
    const now = ctx.clock.now()
    const found = state.serviceDeploymentsByArn.get(String(input.serviceDeploymentArn))
    if (!found || found.record.deployment.createdAt > now)
      throw new AwsError(
        'ServiceDeploymentNotFoundException',
        `The service deployment ${String(input.serviceDeploymentArn)} does not exist.`,
      )
    const { record } = found
    const action = input.action ?? 'CONTINUE'
    // The emulator's words: AWS documents the conditions, not the message of the refusal.
    const status = serviceDeploymentStatus(record, now).status
    if (status !== 'IN_PROGRESS')
      throw new AwsError('InvalidParameterException', `The service deployment is ${status}, not IN_PROGRESS.`)
    const hook = record.native
      ? nativeAt(record, now).hooks.find((h) => h.hookId === input.hookId)
      : undefined
    if (!hook || hook.targetType !== 'PAUSE' || hook.status !== 'AWAITING_ACTION')
      throw new AwsError(
        'InvalidParameterException',
        `The lifecycle hook ${String(input.hookId)} is not a PAUSE hook awaiting action.`,
      )
    record.native!.decisions.set(hook.hookId, { action, at: now })
    settle(record)
    return { serviceDeploymentArn: record.arn }
  }
}
