// The typed configuration each mode receives: every input parsed, validated and defaulted.
import type { Mode } from '../inputs.js'

export type OnSuperseded = 'follow' | 'fail' | 'succeed'
export type ExecutionMode = 'QUEUED' | 'SUPERSEDED' | 'PARALLEL'
export type OnMissingData = 'warn' | 'fail' | 'pass'
export type NotifyOn = 'failure' | 'always' | 'never'
export type RollbackMode = 'none' | 'pipeline' | 'service'
export type SourceTrigger = 'push' | 'none'

/** Where the run comes from: the GitHub context, used for links, statuses and alerts. */
export interface RunContext {
  serverUrl: string
  apiUrl: string
  /** `owner/repo` of the workflow run (not necessarily the pipeline's source repository). */
  repository?: string
  runId?: string
  runAttempt?: string
  workflow?: string
  job?: string
  eventName?: string
  actor?: string
  /** Link to the workflow run, when the run id is known. */
  runUrl?: string
}

export type SlackTarget = { kind: 'webhook'; url: string } | { kind: 'bot'; token: string; channel: string }

export interface ReportingConfig {
  slack?: SlackTarget
  notifyOn: NotifyOn
  snsTopicArn?: string
  githubToken?: string
  /** When set, a commit status with this context is posted on `commitSha`. */
  statusContext?: string
  /** Whether this step may conclude the commit status with `success`. */
  statusFinal: boolean
  /** When set, the release is a GitHub deployment of `commitSha` to this environment (Environments page). */
  deployment?: DeploymentTarget
  failOnAlertError: boolean
}

export interface DeploymentTarget {
  /** The GitHub environment's name (the job's `environment:` name when the job declares one). */
  environment: string
  /** Where the deployed service answers: the deployment's "View deployment" link. */
  url?: string
}

/** How an execution is followed: `monitor`, and `create-pipeline` with `wait`. */
export interface FollowConfig {
  pollIntervalMs: number
  onSuperseded: OnSuperseded
  stopOnCancel: boolean
  /** A failed stage rolled back by AWS (onFailure ROLLBACK): follow the rollback execution to its end. */
  followRollback: boolean
}

export interface CommonConfig {
  mode: Mode
  projectName?: string
  environment?: string
  /** Release version (default: the first 7 characters of the commit). */
  version?: string
  region: string
  pipelineName?: string
  /** Full commit SHA this run is about (the PR head on pull_request events). */
  commitSha?: string
  /** Bound on all waiting in this step. */
  timeoutMs: number
  maxAttempts: number
  reporting: ReportingConfig
  run: RunContext
}

export interface Tag {
  key: string
  value: string
}

export interface CreatePipelineConfig extends CommonConfig {
  mode: 'create-pipeline'
  pipelineName: string
  roleArn?: string
  connectionArn?: string
  repository: string
  branch: string
  artifactBucket: string
  buildProject: string
  testProject: string
  cluster: string
  service: string
  imageDefinitionsFile: string
  executionMode: ExecutionMode
  sourceTrigger: SourceTrigger
  /** A manual approval stage before Deploy; undefined without `approval: true`. */
  approval?: ApprovalStage
  /** The Deploy stage rolls back by itself when it fails (V2 `onFailure: ROLLBACK`). */
  rollbackOnFailure: boolean
  /** A user-supplied declaration that replaces the generated one (parsed; AWS has the last word on it). */
  pipelineDefinition?: { path: string; declaration: Record<string, unknown> }
  tags: Tag[]
  startExecution: boolean
  wait: boolean
  dryRun: boolean
  follow: FollowConfig
}

/** What approvers are told: CodePipeline's Approval/Manual action configuration, each part optional. */
export interface ApprovalStage {
  /** NotificationArn: the SNS topic notified when an execution waits. */
  snsTopicArn?: string
  /** ExternalEntityLink: what approvers should look at. */
  reviewUrl?: string
  /** CustomData: a note for approvers. */
  comment?: string
}

export interface MonitorConfig extends CommonConfig {
  mode: 'monitor'
  pipelineName: string
  executionId?: string
  follow: FollowConfig
}

export interface MetricQuery {
  namespace: string
  metric: string
  dimensions: Record<string, string>
  stat: string
}

export type MetricCheck = {
  name: string
  max?: number
  min?: number
} & (
  | { kind: 'metric'; query: MetricQuery }
  | { kind: 'expression'; expression: string; metrics: Record<string, MetricQuery> }
)

/** What validate does on a measured failure; rolling back a pipeline needs one, and the type says so. */
export type RollbackChoice =
  { rollback: Exclude<RollbackMode, 'pipeline'> } | { rollback: 'pipeline'; pipelineName: string }

export type ValidateConfig = ValidateOptions & RollbackChoice

interface ValidateOptions extends CommonConfig {
  mode: 'validate'
  cluster: string
  /** The service judged: the first of `services`. */
  service: string
  /**
   * Every service of the release (`service`, one per line, at most 10): each judged and reported, the step's
   * verdict the worst of them. One service is the usual case, and its run is unchanged.
   */
  services?: string[]
  waitForStable: boolean
  expectedImageTag?: string
  /** The API Gateway API (REST or HTTP, found by name) whose 5XX rate is checked; undefined without api-name. */
  api?: { name: string; stage?: string }
  maxErrorRate: number
  windowMinutes: number
  metricChecks: MetricCheck[]
  alarmNames: string[]
  onMissingData: OnMissingData
  bakeMs: number
  /** The pause-hook gate: answer this release's PAUSE hook from the checks (`gate`), report only, or `off`. */
  pauseHook: PauseHookMode
}

export type PauseHookMode = 'off' | 'gate' | 'report-only'

export type Config = CreatePipelineConfig | MonitorConfig | ValidateConfig
