// The state the CodePipeline emulator keeps: pipelines, their executions, stage runs and action runs.
import type { Commit } from '../repositories/index.js'
import { must } from '../../core/must.js'
import type { ActionDeclaration, PipelineDeclaration, StageDeclaration } from './declaration.js'
import type { ActionPlan } from './plans.js'
import type { ActionTimeline } from './scenario.js'

export type ExecutionStatus =
  'Cancelled' | 'InProgress' | 'Stopped' | 'Stopping' | 'Succeeded' | 'Superseded' | 'Failed'
export type StageStatus =
  'Cancelled' | 'InProgress' | 'Failed' | 'Stopped' | 'Stopping' | 'Succeeded' | 'Skipped'
export type ActionStatus = 'InProgress' | 'Abandoned' | 'Succeeded' | 'Failed'

export interface ActionRun {
  actionExecutionId: string
  executionId: string
  stageName: string
  actionName: string
  declaration: ActionDeclaration
  pipelineVersion: number
  attempt: number
  startTime: number
  endTime: number
  status: ActionStatus
  lastUpdateTime: number
  plan: ActionPlan
  externalExecutionId?: string
  externalExecutionUrl?: string
  summary?: string
  errorDetails?: { code: string; message: string }
  outputVariables?: Record<string, string>
  buildId?: string
  /** A Manual approval's token (GetPipelineState; ListActionExecutions' externalExecutionId). */
  token?: string
  /** When PutApprovalResult answered it. */
  answeredAt?: number
  /** A Commands action's log stream (ActionExecutionResult.logStreamARN). */
  logStreamArn?: string
}

/** One rule of a stage condition, evaluated once (ruleStates[].latestExecution). */
export interface RuleRun {
  ruleName: string
  ruleExecutionId: string
  status: 'Succeeded' | 'Failed'
  summary?: string
  errorDetails?: { code: string; message: string }
  at: number
}

/** A stage's beforeEntry or onSuccess condition as evaluated in one stage run. */
export interface ConditionRun {
  /** The condition's `result` when its rules fail (FAIL, ROLLBACK, SKIP…). */
  result: string
  status: 'Succeeded' | 'Failed'
  summary?: string
  rules: RuleRun[]
  at: number
}

export interface StageRun {
  stageName: string
  executionId: string
  status: StageStatus
  startTime: number
  endTime?: number
  attempt: number
  autoRetries: number
  /** Actions run in the current attempt, and the run orders still to go. */
  attemptActions: ActionDeclaration[]
  groups: number[]
  groupIndex: number
  current: ActionRun[]
  runs: ActionRun[]
  beforeEntry?: ConditionRun
  onSuccess?: ConditionRun
}

export interface Execution {
  id: string
  pipelineName: string
  pipelineVersion: number
  declaration: PipelineDeclaration
  status: ExecutionStatus
  statusSummary?: string
  startTime: number
  lastUpdateTime: number
  trigger: { triggerType: string; triggerDetail: string }
  executionMode: string
  executionType: 'STANDARD' | 'ROLLBACK'
  rollbackTargetId?: string
  commit?: Commit
  repository?: string
  branch?: string
  /** Source revisions are reported once the source action has succeeded. */
  revisionKnown: boolean
  variables: { name: string; resolvedValue: string }[]
  plans?: Record<string, ActionTimeline>
  /** Stage the execution is in or waiting for. */
  stageIndex: number
  state: 'waiting' | 'running' | 'done'
  waitingSince?: number
  onlyStage?: string
  stages: Map<string, StageRun>
  stop?: { abandon: boolean; doneAt?: number }
  stopTrigger?: { reason: string }
}

export interface PipelineRecord {
  name: string
  arn: string
  /** Declarations by version (index = version - 1), defaults filled in. */
  versions: PipelineDeclaration[]
  created: number
  updated: number
  tags: { key: string; value: string }[]
  executions: Execution[]
  /** Scheduled starts not yet reached. */
  pending: { at: number; start: () => void }[]
  actionTimelines?: Record<string, ActionTimeline>
  /** Idempotency: clientRequestToken → execution id. */
  tokens: Map<string, string>
}

export function currentDeclaration(p: PipelineRecord): PipelineDeclaration {
  return must(p.versions.at(-1), `a declaration of pipeline ${p.name}`)
}

/** The stage an execution is in or waiting for. */
export function currentStage(e: Execution): StageDeclaration | undefined {
  return e.declaration.stages[e.stageIndex]
}

/** The run of the stage a running execution is in. */
export function currentStageRun(e: Execution): StageRun | undefined {
  const stage = currentStage(e)
  return stage && e.stages.get(stage.name)
}
