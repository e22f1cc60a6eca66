// The `codepipeline` section of a scenario: pipelines, their per-action timelines, and scheduled executions.
// Times are seconds relative to the scenario start (negative = before it).
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { SCENARIO_DIR } from '../../core/scenario.js'
import type { PipelineDeclaration } from './declaration.js'

export type BuildPhaseType =
  | 'SUBMITTED'
  | 'QUEUED'
  | 'PROVISIONING'
  | 'DOWNLOAD_SOURCE'
  | 'INSTALL'
  | 'PRE_BUILD'
  | 'BUILD'
  | 'POST_BUILD'
  | 'UPLOAD_ARTIFACTS'
  | 'FINALIZING'

/** What one action does when it runs. Every field is optional; defaults come per provider/category. */
export interface ActionTimeline {
  durationSeconds?: number
  outcome?: 'Succeeded' | 'Failed'
  /** errorDetails of a failed action (default for CodeBuild: JobFailed / "Build terminated with state: FAILED"). */
  error?: { code?: string; message: string }
  summary?: string
  /** The CodeBuild build behind a CodeBuild action. */
  build?: {
    /** Phase that fails when the outcome is Failed (default BUILD). */
    failedPhase?: BuildPhaseType
    /** contexts[].message of the failed phase. */
    message?: string
    /** Lines the build prints (GetLogEvents), spread over the failing (or BUILD) phase. */
    logLines?: string[]
    /** exportedEnvironmentVariables and the action's output variables. */
    exportedVariables?: Record<string, string>
  }
  /** Images an ECS deploy action rolls out (default: one image named after the service, tagged VERSION). */
  images?: { name: string; imageUri: string }[]
  /**
   * A Manual approval left to a person: it waits for PutApprovalResult (Approved → Succeeded, Rejected →
   * Failed) and, unanswered, fails when it expires after 7 days. Without it, an approval is answered after
   * `durationSeconds` with `outcome`, as if a person did.
   */
  approval?: 'pending'
  /** Lines a Commands action prints to its CloudWatch Logs stream (/aws/codepipeline/<pipeline>). */
  logLines?: string[]
  /** The next attempt when the stage is retried (default: the same, but Succeeded). */
  retry?: ActionTimeline
}

export interface ScheduledExecution {
  /** Fixed execution id (default: generated). */
  id?: string
  /** Start, in seconds from the scenario start. */
  at: number
  /** Commit SHA the source action delivers (default: the branch head at `at`). */
  commit?: string
  /** triggerType (default: WebhookV2 for V2 pipelines, Webhook for V1). */
  trigger?: string
  /** Per-action timelines for this execution only, by action name. */
  actions?: Record<string, ActionTimeline>
  variables?: Record<string, string>
  /** Someone stops it (StopPipelineExecution) at `at` seconds from the scenario start, if it still runs. */
  stop?: { at: number; abandon?: boolean; reason?: string }
}

export interface PipelineScenario {
  /** The declaration, or the name of a file in emulator/scenarios/pipelines/ (.yaml or .json) holding it. */
  declaration: PipelineDeclaration | string
  /** When the pipeline was created, in seconds from the scenario start (default: before its first execution). */
  createdAt?: number
  /**
   * Per-action timelines, by action name, for every execution of this pipeline (API-started ones included).
   * Stage-condition rules are looked up here too, by rule name (`outcome`, `summary`, `error`).
   */
  actions?: Record<string, ActionTimeline>
  executions?: ScheduledExecution[]
}

export interface CodePipelineSection {
  pipelines?: PipelineScenario[]
  /** Timelines by provider (`CodeBuild`) or category (`Test`) for every pipeline, over the built-in defaults. */
  defaults?: Record<string, ActionTimeline>
  /**
   * Per-action timelines for every execution that builds this commit, on any pipeline, API-started ones
   * included ("this commit's integration tests fail"). Over the pipeline's `actions`, under the execution's.
   */
  commits?: Record<string, Record<string, ActionTimeline>>
}

export function parseSection(section: unknown): CodePipelineSection {
  if (section === undefined || section === null) return {}
  if (typeof section !== 'object' || Array.isArray(section))
    throw new Error('scenario.codepipeline must be an object')
  const s = section as CodePipelineSection
  for (const p of s.pipelines ?? []) {
    if (typeof p.declaration === 'string') p.declaration = loadDeclaration(p.declaration)
    if (!p.declaration?.name)
      throw new Error('scenario.codepipeline.pipelines[] needs a declaration with a name')
    for (const e of p.executions ?? []) {
      if (typeof e.at !== 'number')
        throw new Error(`scenario execution of ${p.declaration.name} needs a numeric "at"`)
    }
  }
  return s
}

function loadDeclaration(name: string): PipelineDeclaration {
  for (const ext of ['.yaml', '.yml', '.json']) {
    const file = join(SCENARIO_DIR, 'pipelines', name + ext)
    if (existsSync(file)) return parseYaml(readFileSync(file, 'utf8')) as PipelineDeclaration
  }
  throw new Error(`No pipeline declaration "${name}" in ${join(SCENARIO_DIR, 'pipelines')}`)
}
