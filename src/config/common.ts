// The common section: what every mode reads (mode, project-name, environment, region, commit, version,
// pipeline name, timeout-minutes, max-attempts). Reporting is its own section (reporting.ts).
import { defaultVersion } from '../commits.js'
import { Inputs, Modes, type Mode } from '../inputs.js'
import { PIPELINE_NAME, PIPELINE_VARIABLE_VALUE } from './constraints.js'
import { DEFAULT_NAMES, derivation, type ProjectNames } from './default-names.js'
import { nameParser, parseCommitSha, parseEnum, parsePositive, parseRegion } from './parse.js'
import type { Reader } from './reader.js'
import { commitFromEvent, runContext } from './run-context.js'
import type { CommonConfig, ReportingConfig } from './types.js'

/** The common inputs as read: each undefined when missing or bad (its problem is then recorded). */

/**
 * The longest a job may run: 5 days on a self-hosted runner, 6 hours on GitHub's (GitHub Actions usage limits).
 * Past it no step is still running to see the deadline — and past about 35,791 minutes Node's timers overflow
 * and fire at once, which would end a healthy step as timed out.
 */
export const MAX_TIMEOUT_MINUTES = 7200
export interface CommonInputs {
  mode?: Mode
  names: ProjectNames
  region?: string
  commitSha?: string
  version?: string
  /** pipeline-name, or its default when the mode may use it; undefined when neither is there. */
  pipelineName?: string
  timeoutMinutes?: number
  maxAttempts?: number
}

/** What every mode's config shares, whole: the mode and the pipeline name are each mode's to type. */
export type Shared = Omit<CommonConfig, 'mode' | 'pipelineName'>

export interface CommonSection {
  mode: Mode
  shared: Shared
  names: ProjectNames
  pipelineName?: string
  /** timeout-minutes as given, for messages that quote it. */
  timeoutMinutes: number
}

export function readCommonInputs(r: Reader, env: NodeJS.ProcessEnv): CommonInputs {
  const modeRaw = r.optional(Inputs.Mode)
  const mode = readMode(r, modeRaw)
  const names = { projectName: r.optional(Inputs.ProjectName), environment: r.optional(Inputs.Environment) }
  const region = readRegion(r, env)
  const commitRaw = r.optional(Inputs.CommitSha) ?? commitFromEvent(env)
  const commitSha =
    commitRaw === undefined ? undefined : r.attempt(() => parseCommitSha(Inputs.CommitSha, commitRaw))
  // VERSION reaches StartPipelineExecution only after a create or update: checked here, before either.
  const version = r.parse(Inputs.Version, nameParser(PIPELINE_VARIABLE_VALUE)) ?? defaultVersion(commitSha)
  // validate needs a pipeline only for rollback: pipeline; a derived name it will not use is not judged.
  const rollbackRaw = r.optional(Inputs.Rollback)
  const judgePipeline = modeRaw !== 'validate' || rollbackRaw === 'pipeline'
  const pipelineName = r.name(
    Inputs.PipelineName,
    PIPELINE_NAME,
    judgePipeline ? derivation(Inputs.PipelineName, names) : undefined,
  )
  const timeoutMinutes = r.parse(Inputs.TimeoutMinutes, (i, v) =>
    parsePositive(i, v, { max: MAX_TIMEOUT_MINUTES }),
  )
  const maxAttempts = r.parse(Inputs.MaxAttempts, (i, v) => parsePositive(i, v, { integer: true, max: 20 }))
  return { mode, names, region, commitSha, version, pipelineName, timeoutMinutes, maxAttempts }
}

function readMode(r: Reader, raw: string | undefined): Mode | undefined {
  return raw === undefined
    ? r.problem(Inputs.Mode, `is required; accepted: ${Modes.map((m) => `"${m}"`).join(', ')}.`)
    : r.parse(Inputs.Mode, (i, v) => parseEnum<Mode>(i, v, Modes))
}

function readRegion(r: Reader, env: NodeJS.ProcessEnv): string | undefined {
  const raw = r.optional(Inputs.AwsRegion) ?? (env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined)
  return raw === undefined
    ? r.problem(
        Inputs.AwsRegion,
        'no region was given and neither AWS_REGION nor AWS_DEFAULT_REGION is set; set aws-region (e.g. "us-east-1") or configure credentials with aws-actions/configure-aws-credentials first.',
      )
    : r.attempt(() => parseRegion(Inputs.AwsRegion, raw))
}

/** The common section, when every part of it was read (each missing one has recorded its problem). */
export function commonSection(
  c: CommonInputs,
  reporting: ReportingConfig | undefined,
  env: NodeJS.ProcessEnv,
): CommonSection | undefined {
  const { mode, region, timeoutMinutes, maxAttempts } = c
  if (mode === undefined || region === undefined || timeoutMinutes === undefined) return undefined
  if (maxAttempts === undefined || reporting === undefined) return undefined
  const shared: Shared = {
    ...c.names,
    version: c.version,
    region,
    commitSha: c.commitSha,
    timeoutMs: timeoutMinutes * 60_000,
    maxAttempts,
    reporting,
    run: runContext(env),
  }
  return { mode, shared, names: c.names, pipelineName: c.pipelineName, timeoutMinutes }
}

/** The pipeline name of a mode that needs one (create-pipeline, monitor); its problem recorded when missing. */
export function requirePipelineName(r: Reader, c: CommonSection): string | undefined {
  if (c.pipelineName !== undefined) return c.pipelineName
  const byDefault = DEFAULT_NAMES[Inputs.PipelineName]
  if (r.given(Inputs.PipelineName) || byDefault.value(c.names) !== undefined) return undefined
  if (r.derivedFailed(byDefault.from)) return undefined
  return r.problem(
    Inputs.PipelineName,
    'is required: set pipeline-name, or project-name and environment (it defaults to "<project-name>-<environment>").',
  )
}
