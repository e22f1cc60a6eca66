// Stage and action progress of one execution: the declared pipeline shape filled with what AWS reports for
// this execution (ListActionExecutions), the transitions between two snapshots, and their log lines. Pure.
import { isActionEnded } from '../facts/codepipeline.js'
import { formatDuration, isoTime } from '../format.js'
import type { ActionRow, StageRow } from '../result.js'
import { approvalFailure, isManualApproval } from './approval.js'

export interface ShapeAction {
  name: string
  runOrder: number
  /** `CodeBuild`, `ECS`, `Manual`, … */
  provider?: string
}
export interface ShapeStage {
  name: string
  /** onFailure.result is RETRY: AWS retries the failed stage once by itself. */
  autoRetry: boolean
  /** onFailure.result is ROLLBACK: AWS rolls the failed stage back to its last successful execution. */
  rollsBack?: boolean
  /** The stage has beforeEntry / onSuccess / onFailure conditions: a rule may fail it. */
  conditions?: boolean
  actions: ShapeAction[]
}
/** The pipeline declaration as far as following an execution needs it. */
export interface PipelineShape {
  stages: ShapeStage[]
  /** `owner/repo` of the Git source action, when the pipeline has one. */
  sourceRepository?: string
}

/** One action execution of the followed execution (latest attempt per action). */
export interface ActionRun {
  stage: string
  action: string
  status: string
  startedAt?: number
  updatedAt?: number
  /** How many times this action ran in this execution (stage retries run it again). */
  attempts: number
  provider?: string
  externalExecutionId?: string
  externalExecutionUrl?: string
  summary?: string
  errorCode?: string
  errorMessage?: string
  /** A Commands action's CloudWatch Logs stream. */
  logStreamArn?: string
}

export const NOT_STARTED = 'NotStarted'

/**
 * Raw action executions (every attempt) → the latest attempt per stage/action. An action's provider is the one
 * its execution names, else the one the pipeline declares (`shape`): every reader of a run then sees the same.
 */
export function latestRuns(
  details: {
    stageName?: string
    actionName?: string
    status?: string
    startTime?: Date
    lastUpdateTime?: Date
    input?: { actionTypeId?: { provider?: string } }
    output?: {
      executionResult?: {
        externalExecutionId?: string
        externalExecutionUrl?: string
        externalExecutionSummary?: string
        errorDetails?: { code?: string; message?: string }
        logStreamARN?: string
      }
    }
  }[],
  shape?: PipelineShape,
): ActionRun[] {
  const byKey = new Map<string, ActionRun>()
  for (const d of details) {
    if (!d.stageName || !d.actionName) continue
    const key = `${d.stageName}\u0000${d.actionName}`
    const started = d.startTime?.getTime()
    const prev = byKey.get(key)
    const attempts = (prev?.attempts ?? 0) + 1
    if (prev && (prev.startedAt ?? 0) > (started ?? 0)) {
      prev.attempts = attempts
      continue
    }
    const result = d.output?.executionResult
    byKey.set(key, {
      stage: d.stageName,
      action: d.actionName,
      status: d.status ?? 'Unknown',
      startedAt: started,
      updatedAt: d.lastUpdateTime?.getTime(),
      attempts,
      provider: d.input?.actionTypeId?.provider ?? declaredProvider(shape, d.stageName, d.actionName),
      externalExecutionId: result?.externalExecutionId,
      externalExecutionUrl: result?.externalExecutionUrl,
      summary: result?.externalExecutionSummary,
      errorCode: result?.errorDetails?.code,
      errorMessage: result?.errorDetails?.message,
      logStreamArn: result?.logStreamARN,
    })
  }
  return [...byKey.values()]
}

function actionRow(name: string, run: ActionRun | undefined): ActionRow {
  if (!run) return { name, status: NOT_STARTED }
  const ended = isActionEnded(run.status)
  const row: ActionRow = { name, status: run.status, startedAt: isoTime(run.startedAt) }
  if (ended) row.endedAt = isoTime(run.updatedAt)
  if (ended && run.startedAt !== undefined && run.updatedAt !== undefined) {
    row.durationSeconds = Math.max(0, Math.round((run.updatedAt - run.startedAt) / 1000))
  }
  if (run.attempts > 1) row.attempts = run.attempts
  if (run.externalExecutionUrl) row.url = run.externalExecutionUrl
  const error = actionError(run)
  if (error) row.error = error
  return row
}

function declaredProvider(
  shape: PipelineShape | undefined,
  stage: string,
  action: string,
): string | undefined {
  return shape?.stages.find((s) => s.name === stage)?.actions.find((a) => a.name === action)?.provider
}

/** What CodePipeline says of a failed action: its error code and message, a Manual approval's answer. */
export function actionError(run: ActionRun): string | undefined {
  if (run.status !== 'Failed') return undefined
  if (isManualApproval(run)) return approvalFailure(run)
  return [run.errorCode, run.errorMessage ?? run.summary].filter(Boolean).join(': ') || undefined
}

/** The status of a stage from its actions' latest attempts. */
export function stageStatus(actions: ActionRow[]): string {
  const statuses = actions.map((a) => a.status)
  if (statuses.includes('Failed')) return 'Failed'
  if (statuses.includes('InProgress')) return 'InProgress'
  if (statuses.includes('Abandoned')) return 'Stopped'
  if (statuses.every((s) => s === NOT_STARTED)) return NOT_STARTED
  if (statuses.every((s) => s === 'Succeeded')) return 'Succeeded'
  return 'InProgress'
}

/** Every declared stage and action, with this execution's progress (actions that never ran: NotStarted). */
export function buildStages(shape: PipelineShape, runs: ActionRun[]): StageRow[] {
  const rows: StageRow[] = []
  const find = (stage: string, action: string) => runs.find((r) => r.stage === stage && r.action === action)
  const stages = shape.stages.map((s) => ({
    name: s.name,
    actions: [...s.actions].sort((a, b) => a.runOrder - b.runOrder).map((a) => a.name),
  }))
  // Actions this execution ran that the current declaration no longer has (the pipeline changed since).
  for (const run of runs) {
    let stage = stages.find((s) => s.name === run.stage)
    if (!stage) stages.push((stage = { name: run.stage, actions: [] }))
    if (!stage.actions.includes(run.action)) stage.actions.push(run.action)
  }
  for (const stage of stages) {
    const actions = stage.actions.map((a) => actionRow(a, find(stage.name, a)))
    const status = stageStatus(actions)
    const starts = actions.map((a) => a.startedAt).filter((t): t is string => !!t)
    const ends = actions.map((a) => a.endedAt).filter((t): t is string => !!t)
    const row: StageRow = { name: stage.name, status, actions }
    // A stage AWS retried by itself: its row says so (its duration spans every attempt).
    const attempts = Math.max(1, ...actions.map((a) => a.attempts ?? 1))
    if (attempts > 1) row.attempts = attempts
    if (starts.length) row.startedAt = starts.sort()[0]
    if (status !== 'InProgress' && status !== NOT_STARTED && ends.length) {
      row.endedAt = ends.sort()[ends.length - 1]
      if (row.startedAt && row.endedAt) {
        row.durationSeconds = Math.round((Date.parse(row.endedAt) - Date.parse(row.startedAt)) / 1000)
      }
    }
    rows.push(row)
  }
  return rows
}

export interface Transition {
  stage: string
  /** Undefined for a stage-level transition. */
  action?: string
  status: string
  durationSeconds?: number
  error?: string
  /** The attempt, when AWS ran it more than once in this execution (a stage retry). */
  attempt?: number
  /** A stage seen Failed and now running again: AWS retries it by itself. */
  retrying?: boolean
}

/** What changed between two snapshots, stage by stage, actions before their stage's own line. */
export function transitions(before: StageRow[], after: StageRow[]): Transition[] {
  const out: Transition[] = []
  for (const stage of after) {
    const prev = before.find((s) => s.name === stage.name)
    for (const action of stage.actions) {
      const old = prev?.actions.find((a) => a.name === action.name)
      const was = old?.status ?? NOT_STARTED
      // A new attempt is a change even when the status reads the same (the failed attempt was not seen).
      if (action.status !== was || (action.attempts ?? 1) > (old?.attempts ?? 1)) {
        out.push({
          stage: stage.name,
          action: action.name,
          status: action.status,
          durationSeconds: action.durationSeconds,
          error: action.error,
          attempt: action.attempts,
        })
      }
    }
    const was = prev?.status ?? NOT_STARTED
    if (stage.status === 'InProgress' && was === 'Failed') {
      out.push({ stage: stage.name, status: stage.status, attempt: stage.attempts, retrying: true })
    } else if (stage.status !== was && stage.status !== 'InProgress') {
      out.push({
        stage: stage.name,
        status: stage.status,
        durationSeconds: stage.durationSeconds,
        attempt: stage.attempts,
      })
    }
  }
  return out
}

/** Elapsed time as a fixed-width clock, `[04:05]` or `[1:02:03]`. */
export function formatElapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000))
  const hh = Math.floor(s / 3600)
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0')
  const ss = String(s % 60).padStart(2, '0')
  return hh > 0 ? `[${hh}:${mm}:${ss}]` : `[${mm}:${ss}]`
}

export function formatTransition(t: Transition, elapsedMs: number): string {
  const subject = t.action ? `${t.stage} › ${t.action}` : `Stage ${t.stage}`
  const duration = t.status !== 'InProgress' ? formatDuration(t.durationSeconds) : undefined
  const took = duration ? ` after ${duration}` : ''
  const error = t.error ? ` — ${t.error}` : ''
  if (t.retrying)
    return `${formatElapsed(elapsedMs)} ${subject}: failed, AWS is retrying it (stage onFailure: RETRY)`
  return `${formatElapsed(elapsedMs)} ${subject}: ${t.status}${took}${attemptNote(t.status, t.attempt)}${error}`
}

/** ` (attempt 2, after a failed attempt that AWS retried)` — empty for a first attempt. */
export function attemptNote(status: string, attempt: number | undefined): string {
  if (!attempt || attempt < 2) return ''
  if (status === 'InProgress') return ` (retry, attempt ${attempt})`
  if (status === 'Succeeded') return ` (attempt ${attempt}: an earlier attempt failed and AWS retried it)`
  return ` (attempt ${attempt})`
}

/** Where a failed, stopped or cancelled execution ended: the stage and action to name in the failure line. */
export function whereItEnded(stages: StageRow[]): { stage?: string; action?: string } {
  const failed = stages.find((s) => s.status === 'Failed')
  if (failed) return { stage: failed.name, action: failed.actions.find((a) => a.status === 'Failed')?.name }
  const unfinished = [...stages].reverse().find((s) => s.status !== NOT_STARTED && s.status !== 'Succeeded')
  if (!unfinished) return {}
  const action = unfinished.actions.find((a) => ['Abandoned', 'InProgress', 'Failed'].includes(a.status))
  return { stage: unfinished.name, action: action?.name }
}
