// The pause-hook gate's answer to the hook, from the verdict on the new revision. Pure.
//
// Only a measured verdict acts: a pass answers CONTINUE, a measured failure ROLLBACK. A verdict that could
// not be verified (a read failed) answers nothing: the hook keeps waiting and takes its own timeout action —
// the same rule that keeps `rollback` from acting on what was not measured (rollback/on-failure.ts).
import type { DeploymentLifecycleHookDetail } from '@aws-sdk/client-ecs'
import type { PauseHookMode } from '../../config/types.js'
import type { Judgement } from '../verdict.js'

export type HookAction = 'CONTINUE' | 'ROLLBACK'

export interface HookAnswer {
  /** The call to make; undefined: no call. */
  action?: HookAction
  /** Why, in one sentence, for the log and the report. */
  why: string
}

/** What the hook does when nobody answers it, said plainly. */
export function ownTimeout(hook: DeploymentLifecycleHookDetail): string {
  return `the hook keeps waiting and takes its own timeout action (${hook.timeoutAction ?? 'its configured action'}) at ${hook.expiresAt?.toISOString() ?? 'its timeout'}`
}

export function answerFor(
  judgement: Pick<Judgement, 'verdict' | 'failure'>,
  mode: Exclude<PauseHookMode, 'off'>,
  hook: DeploymentLifecycleHookDetail,
): HookAnswer {
  const measured =
    judgement.verdict === 'success'
      ? { action: 'CONTINUE' as const, why: 'the new revision passed every check' }
      : judgement.failure === 'measured'
        ? { action: 'ROLLBACK' as const, why: 'a check measured a failure of the new revision' }
        : undefined
  if (measured === undefined)
    return {
      why: `no call: the result could not be verified (a read failed, nothing measured a failure), and the gate acts only on a measured verdict — ${ownTimeout(hook)}`,
    }
  if (mode === 'report-only')
    return {
      why: `no call (pause-hook: report-only): ${measured.why}, so the gate would have answered ${measured.action} — ${ownTimeout(hook)} unless someone answers it`,
    }
  return measured
}
