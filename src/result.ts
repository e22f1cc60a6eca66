// What a mode returns: plain data describing what happened. Reports (summary, outputs, Slack, e-mail,
// commit status) all render from this one object, so they cannot disagree. Modes never format output.
import type { Config } from './config/types.js'
import type { Mode } from './inputs.js'

export type Verdict = 'success' | 'failure'

/** One stage or action row of a pipeline table. */
export interface ActionRow {
  name: string
  status: string
  startedAt?: string // ISO-8601
  endedAt?: string
  durationSeconds?: number
  /** Console, CodeBuild or other link for this action; never its log (`logUrl`), which is linked as such. */
  url?: string
  /** Failure explanation: error code and message, failed build phase, … */
  error?: string
  /** CloudWatch Logs deep link of the build that failed. */
  logUrl?: string
  /** Last lines of that build's log. */
  logTail?: string[]
  /** Set when AWS ran it more than once in this execution (a stage retry): the attempt shown. */
  attempts?: number
}

export interface StageRow extends ActionRow {
  actions: ActionRow[]
}

export interface ExecutionReport {
  id: string
  status: string
  url?: string
  commit?: string
  version?: string
  startedAt?: string
  endedAt?: string
  stages: StageRow[]
  failedStage?: string
  failedAction?: string
}

export interface CreatePipelineDetails {
  kind: 'create-pipeline'
  pipelineName: string
  pipelineVersion?: number
  /** Undefined when the step failed before it could tell (an unexpected error). */
  change?: 'created' | 'updated' | 'unchanged' | 'planned'
  /** Readable diff lines (`+`/`-`/` ` prefixed) between the current and the desired declaration. */
  diff: string[]
  /** Stages and actions of the desired declaration (provider per action) for the summary table. */
  stages: { name: string; actions: { name: string; provider: string; runOrder: number }[] }[]
  /** Things the user should know (waited for a running execution, tags not applied, …). */
  notes: string[]
  execution?: ExecutionReport
  /** True when the started execution was AWS's own first execution of a fresh pipeline. */
  adoptedExecution?: boolean
  /** With `wait`: the execution followed was superseded; `execution` is the one that decided. */
  superseded?: MonitorDetails['superseded']
  /** With `wait`: the timeout ended the follow before the execution did. */
  timedOut?: boolean
}

export interface MonitorDetails {
  kind: 'monitor'
  pipelineName: string
  execution?: ExecutionReport
  /** When the followed execution was superseded: the original, while `execution` is the one that decided. */
  superseded?: { id: string; url?: string; commit?: string; successorCommitRelation?: string }
  timedOut?: boolean
  /** Recent executions (with revisions) when the commit's execution was never found. */
  recentExecutions?: { id: string; status: string; revision?: string; startedAt?: string }[]
}

/**
 * `pass`/`fail`: measured. `no-data`: AWS answered, with nothing to measure (on-missing-data decides).
 * `unverified`: AWS could not be read (errors outlived the retries until the deadline, or access denied): the
 * step fails, but it is no measured failure, so nothing is rolled back for it. `skip`: not checked.
 */
export type CheckStatus = 'pass' | 'fail' | 'no-data' | 'unverified' | 'skip'

export interface Check {
  name: string
  type: string
  status: CheckStatus
  value?: string | number | null
  threshold?: string | number | null
  message: string
  /**
   * false on a `fail` that measured nothing: the configuration names what does not exist (an alarm in
   * alarm-names, an API in api-name). The step fails, but no write acts on it (no hook answer, no rollback).
   */
  measured?: false
}

export interface ValidateDetails {
  kind: 'validate'
  cluster: string
  service: string
  checks: Check[]
  /** Bake rounds, each with its own checks, when bake-minutes > 0. */
  rounds?: { at: string; checks: Check[] }[]
  rollback?: { mode: 'pipeline' | 'service'; done: boolean; message: string }
  /** The pause-hook gate's answer to the deployment's PAUSE hook (pause-hook: gate or report-only). */
  hook?: HookReport
  /**
   * What could not be verified (checks AWS could not be read for, no data, partial window, no expected tag):
   * said plainly everywhere.
   */
  unverified: string[]
  /** With several services (`service`, one per line): each one's own details; `checks` then holds all rows. */
  services?: Omit<ValidateDetails, 'kind' | 'services'>[]
}

export interface HookReport {
  mode: 'gate' | 'report-only'
  /** The call made; undefined when none was. */
  action?: 'CONTINUE' | 'ROLLBACK'
  done: boolean
  message: string
}

export type ModeDetails = CreatePipelineDetails | MonitorDetails | ValidateDetails

export interface StepResult {
  mode: Mode
  verdict: Verdict
  /** One sentence saying why: the failure line, or what succeeded. */
  reason: string
  pipelineName?: string
  environment?: string
  version?: string
  commitSha?: string
  region: string
  details: ModeDetails
  /** The run was cancelled (SIGINT/SIGTERM): reported as such, no alert sent. */
  cancelled?: boolean
  /**
   * A failure only because something could not be read (AWS's answers ran out before the deadline, or access
   * was denied to a read): nothing measured a failed deploy. The step still fails and the commit status is
   * `failure`, but the reports say "could not be verified", not "failed", and nothing acts on it (no rollback,
   * stop or hook action).
   */
  unverified?: boolean
  /** Non-fatal problems to show as warning annotations. */
  warnings: string[]
  startedAt: string
  endedAt: string
}

/** What a mode decides about its step; the rest of the StepResult comes from the config. */
export interface ResultFields {
  verdict: Verdict
  reason: string
  details: ModeDetails
  /** When the step started and ended, in ms since the epoch on the mode's clock. */
  startedAt: number
  endedAt: number
  warnings?: string[]
  cancelled?: boolean
  unverified?: boolean
  /** The pipeline's name when the mode knows it better than the input (a definition file names it). */
  pipelineName?: string
}

/**
 * The one way a StepResult is built, by every mode and by main for a mode that never returned. Only a failure
 * that is not a cancel can be `unverified`: nothing else is "could not be verified".
 */
export function stepResult(config: Config, f: ResultFields): StepResult {
  return {
    mode: config.mode,
    verdict: f.verdict,
    reason: f.reason,
    pipelineName: f.pipelineName ?? ('pipelineName' in config ? config.pipelineName : undefined),
    environment: config.environment,
    version: config.version,
    commitSha: config.commitSha,
    region: config.region,
    details: f.details,
    cancelled: f.cancelled || undefined,
    unverified: (f.verdict === 'failure' && !f.cancelled && f.unverified) || undefined,
    warnings: f.warnings ?? [],
    startedAt: new Date(f.startedAt).toISOString(),
    endedAt: new Date(f.endedAt).toISOString(),
  }
}
