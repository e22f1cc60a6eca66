// Every shape a job summary takes, as the modes report it: monitor (success, failure with the failed build's
// log in its reason, timeout, manual approval, stopped, superseded, rollback, never found), create-pipeline
// (created, updated, unchanged, started, followed, dry run, failure) and validate (pass, fail, unverified,
// several services, the pause-hook gate). Built from the hand-built results of fixtures.ts.
import type { ExecutionReport, MonitorDetails, StepResult, ValidateDetails } from '../../src/result.js'
import { approvalTimeoutReason } from '../../src/execution/approval.js'
import { executionUrl, logStreamUrl, pipelineUrl } from '../../src/execution/links.js'
import {
  createSuccess,
  createFailure,
  monitorSuccess,
  monitorFailure,
  validateSuccess,
  validateFailure,
} from './fixtures.js'
import { firstOf, nth } from '../helpers/must.js'

const NEWER = 'f1e2d3c4-0000-4e7f-8a9b-0c1d2e3f4a5b'
const NEWER_SHA = 'fedcba9876543210fedcba9876543210fedcba98'

const monitorOf = (r: StepResult) => r.details as MonitorDetails
const executionOf = (r: StepResult): ExecutionReport => monitorOf(r).execution!
const validateOf = (r: StepResult) => r.details as ValidateDetails

/** The failed build's explanation and its log link, in the reason as the monitor writes it (execution-report.ts). */
export function monitorFailureAsReported(): StepResult {
  const r = monitorFailure()
  const build = firstOf(nth(executionOf(r).stages, 1).actions)
  r.reason = `Execution e2f9a1c4-5b6d-4e7f-8a9b-0c1d2e3f4a5b of shop-staging failed in stage Build, action Build: ${build.error} (log: ${build.logUrl}).`
  return r
}

function twoFailedActions(): StepResult {
  const r = monitorFailureAsReported()
  const build = nth(executionOf(r).stages, 1)
  build.actions.push({
    name: 'Lint',
    status: 'Failed',
    durationSeconds: 40,
    error: 'COMMAND_EXECUTION_ERROR in phase BUILD: Error while executing command: npm run lint.',
    logUrl: logStreamUrl('us-east-1', '/aws/codebuild/shop-staging-lint', 'd4e5f6'),
    logTail: ['error  no-unused-vars'],
  })
  return r
}

function timedOut(): StepResult {
  const r = monitorSuccess()
  r.verdict = 'failure'
  r.reason =
    'Timed out after 30 min following execution e2f9a1c4-5b6d-4e7f-8a9b-0c1d2e3f4a5b of shop-staging; last status InProgress (stage Deploy).'
  const ex = executionOf(r)
  ex.status = 'InProgress'
  delete ex.endedAt
  const deploy = nth(ex.stages, 3)
  deploy.status = 'InProgress'
  delete deploy.endedAt
  firstOf(deploy.actions).status = 'InProgress'
  monitorOf(r).timedOut = true
  return r
}

function approvalTimeout(): StepResult {
  const r = timedOut()
  const since = Date.parse('2026-11-05T10:05:10Z')
  const approval = {
    stage: 'Deploy',
    action: 'Approve',
    since,
    url: pipelineUrl('us-east-1', 'shop-staging'),
  }
  r.reason = approvalTimeoutReason(
    approval,
    since + 1_800_000,
    'Execution e2f9a1c4-5b6d-4e7f-8a9b-0c1d2e3f4a5b of shop-staging',
    '30 min',
  )
  firstOf(nth(executionOf(r).stages, 3).actions).name = 'Approve'
  return r
}

function stopped(): StepResult {
  const r = monitorSuccess()
  r.verdict = 'failure'
  r.reason =
    'Execution e2f9a1c4-5b6d-4e7f-8a9b-0c1d2e3f4a5b of shop-staging was stopped in stage Deploy; the reason given: "wrong build".'
  const ex = executionOf(r)
  ex.status = 'Stopped'
  ex.failedStage = 'Deploy'
  const deploy = nth(ex.stages, 3)
  deploy.status = 'Stopped'
  firstOf(deploy.actions).status = 'Abandoned'
  return r
}

function superseded(): StepResult {
  const r = monitorSuccess()
  const original = executionOf(r)
  const newer: ExecutionReport = {
    ...structuredClone(original),
    id: NEWER,
    url: executionUrl('us-east-1', 'shop-staging', NEWER),
    commit: NEWER_SHA,
  }
  firstOf(firstOf(newer.stages).actions).url = `https://github.com/octo-org/shop/commit/${NEWER_SHA}`
  r.reason = `Execution ${original.id} of shop-staging was superseded by ${NEWER}, which succeeded with revision fedcba9, containing commit 0123456.`
  monitorOf(r).execution = newer
  monitorOf(r).superseded = {
    id: original.id,
    url: original.url,
    commit: original.commit,
    successorCommitRelation: 'ahead',
  }
  return r
}

function rolledBack(): StepResult {
  const r = monitorFailureAsReported()
  r.reason = r.reason.replace(
    /\.$/,
    '. Stage Build rolls back on failure: AWS started rollback execution 77aa to execution 66bb (commit 89abcde) (follow-rollback: true follows it).',
  )
  return r
}

function neverFound(): StepResult {
  const r = monitorFailure()
  r.reason = `No execution of shop-staging for commit 0123456 appeared within 5 min. The latest executions: ${NEWER} Succeeded (revision fedcba9).`
  r.details = {
    kind: 'monitor',
    pipelineName: 'shop-staging',
    timedOut: true,
    recentExecutions: [
      { id: NEWER, status: 'Succeeded', revision: NEWER_SHA, startedAt: '2026-11-05T09:50:00Z' },
    ],
  }
  return r
}

/** create-pipeline, `change` set, and an execution started (`started`) or followed to its end (`followed`). */
function created(): StepResult {
  const r = createSuccess()
  r.reason = 'Pipeline shop-staging created (version 1).'
  Object.assign(r.details, { change: 'created', pipelineVersion: 1, diff: [], notes: [] })
  return r
}

function unchanged(): StepResult {
  const r = createSuccess()
  r.reason = 'Pipeline shop-staging is unchanged (version 4).'
  Object.assign(r.details, { change: 'unchanged', diff: [], notes: [] })
  return r
}

function planned(): StepResult {
  const r = createSuccess()
  r.reason = 'Dry run: pipeline shop-staging would be updated (Build environment variables changed).'
  Object.assign(r.details, { change: 'planned' })
  return r
}

function started(): StepResult {
  const r = createSuccess()
  const ex = structuredClone(executionOf(monitorSuccess()))
  ex.status = 'InProgress'
  delete ex.endedAt
  ex.stages = ex.stages.slice(0, 1)
  r.reason = `Pipeline shop-staging updated to version 4; started execution ${ex.id}.`
  Object.assign(r.details, { execution: ex })
  return r
}

function followed(failed: boolean): () => StepResult {
  return () => {
    const r = createSuccess()
    const from = failed ? monitorFailureAsReported() : monitorSuccess()
    r.verdict = from.verdict
    r.reason = from.reason
    Object.assign(r.details, { execution: executionOf(from) })
    return r
  }
}

function adopted(): StepResult {
  const r = followed(false)()
  Object.assign(r.details, { change: 'created', pipelineVersion: 1, diff: [], adoptedExecution: true })
  return r
}

function unverifiedValidate(): StepResult {
  const r = validateSuccess()
  r.verdict = 'failure'
  r.unverified = true
  r.reason = 'Validation of shop-staging/shop could not be verified: tasks could not be read (AccessDenied).'
  const d = validateOf(r)
  nth(d.checks, 1).status = 'unverified'
  nth(d.checks, 1).message = 'ecs:DescribeTasks was denied (AccessDenied).'
  d.unverified = ['tasks: ecs:DescribeTasks was denied (AccessDenied); nothing was rolled back for it.']
  return r
}

function severalServices(): StepResult {
  const shop = validateOf(validateSuccess())
  const cart = { ...validateOf(validateFailure()), service: 'cart' }
  const r = validateFailure()
  r.reason = `${r.reason} (and not passing either: cart)`
  const per = [shop, cart].map(({ kind: _kind, ...rest }) => rest)
  r.details = {
    kind: 'validate',
    cluster: 'shop-staging',
    service: 'shop, cart',
    checks: per.flatMap((d) => d.checks.map((c) => ({ ...c, name: `${d.service}: ${c.name}` }))),
    unverified: per.flatMap((d) => d.unverified.map((u) => `${d.service}: ${u}`)),
    services: per,
  }
  return r
}

function pauseHookGate(): StepResult {
  const r = validateFailure()
  delete validateOf(r).rollback
  validateOf(r).hook = {
    mode: 'gate',
    action: 'ROLLBACK',
    done: true,
    message: 'ContinueServiceDeployment ROLLBACK sent to deployment ecs-svc/1234: the test traffic breached.',
  }
  return r
}

export const SUMMARY_SHAPES: Record<string, () => StepResult> = {
  'monitor success': monitorSuccess,
  'monitor failure': monitorFailureAsReported,
  'monitor failure, two failed actions': twoFailedActions,
  'monitor timeout': timedOut,
  'monitor manual approval timeout': approvalTimeout,
  'monitor stopped': stopped,
  'monitor superseded': superseded,
  'monitor rollback': rolledBack,
  'monitor, commit never ran': neverFound,
  'create-pipeline created': created,
  'create-pipeline updated': createSuccess,
  'create-pipeline unchanged': unchanged,
  'create-pipeline started': started,
  'create-pipeline followed, succeeded': followed(false),
  'create-pipeline followed, failed': followed(true),
  'create-pipeline adopted first execution': adopted,
  'create-pipeline dry run': planned,
  'create-pipeline failure': createFailure,
  'validate pass': validateSuccess,
  'validate fail': validateFailure,
  'validate unverified': unverifiedValidate,
  'validate several services': severalServices,
  'validate pause-hook gate': pauseHookGate,
}
