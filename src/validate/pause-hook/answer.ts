// The pause-hook gate's answer to the hook, from the checks it made at the pause. Pure.
//
// Only a measured verdict acts, and only on this release's deployment:
//   - no call while the version row is anything but pass or skip: with expected-image-tag, a deployment not
//     shown to be this release's is not validate's to answer, whatever its other rows say;
//   - ROLLBACK when a check measured a failure (a `fail` row that measured the release);
//   - no call when the configuration names an alarm or API that does not exist (a `fail` row that measured
//     nothing, measured.ts): the step fails, but a typo is no verdict on the new revision either way;
//   - CONTINUE only when every check measured and passed (pass, or skip: not configured);
//   - otherwise no call: a check that could not be read (`unverified`) or that had nothing to measure
//     (`no-data`, whatever on-missing-data says: the step's verdict may pass on it, the answer does not) leaves
//     the hook waiting, and it takes its own timeout action — the same rule that keeps `rollback` from acting on
//     what was not measured (rollback/on-failure.ts).
import type { DeploymentLifecycleHookDetail } from '@aws-sdk/client-ecs'
import type { PauseHookMode } from '../../config/types.js'
import type { Check } from '../../result.js'
import { configurationError, measuredFailure, notAMeasurement } from '../measured.js'

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

const names = (checks: Check[]): string => checks.map((c) => c.name).join(', ')
const measuredPass = (c: Check): boolean => c.status === 'pass' || c.status === 'skip'

/** The call the checks at the pause decide, and why; undefined action: no call (the why says which rule). */
function decide(checks: Check[]): HookAnswer {
  const version = checks.find((c) => c.name === 'version')
  if (version && !measuredPass(version))
    return { why: `no call: the paused deployment was not verified as this release's (${version.message})` }
  const failed = checks.filter(measuredFailure)
  if (failed.length > 0)
    return {
      action: 'ROLLBACK',
      why: `a check measured a failure of the new revision (${names(failed)})`,
    }
  const misconfigured = checks.filter(configurationError)
  if (misconfigured.length > 0) return { why: `no call: ${notAMeasurement(misconfigured)}` }
  const unread = checks.filter((c) => c.status === 'unverified')
  if (unread.length > 0)
    return {
      why: `no call: the result could not be verified (could not be read: ${names(unread)}; nothing measured a failure), and the gate acts only on a measured verdict`,
    }
  const noData = checks.filter((c) => c.status === 'no-data')
  if (noData.length > 0)
    return {
      why: `no call: ${names(noData)} had no data at the pause, so the new revision was not measured there (CONTINUE needs every check measured and passing)`,
    }
  return { action: 'CONTINUE', why: 'the new revision passed every check' }
}

export function answerFor(
  checks: Check[],
  mode: Exclude<PauseHookMode, 'off'>,
  hook: DeploymentLifecycleHookDetail,
): HookAnswer {
  const decided = decide(checks)
  if (decided.action === undefined) return { why: `${decided.why} — ${ownTimeout(hook)}` }
  if (mode === 'report-only')
    return {
      why: `no call (pause-hook: report-only): ${decided.why}, so the gate would have answered ${decided.action} — ${ownTimeout(hook)} unless someone answers it`,
    }
  return decided
}
