// The only place that reads inputs. Turns the strings GitHub passes into a typed, validated config per
// mode, applying every default and naming convention of the interface spec, before any network call.
import { readFileSync } from 'node:fs'
import * as runner from './runner.js'
import { defaultVersion } from './text.js'
import { Defaults, Inputs, Modes, SecretInputs, type InputName, type Mode } from './inputs.js'
import { InputError, InputErrors } from './config/input-error.js'
import { parseMetricChecks } from './config/metric-checks.js'
import {
  parseArn,
  parseBoolean,
  parseCommitSha,
  parseEnum,
  parseExecutionId,
  parseLines,
  parseNonNegative,
  parsePipelineName,
  parsePositive,
  parseRate,
  parseRegion,
  parseRepository,
  parseTags,
  parseWebhookUrl,
} from './config/parse.js'
import { loadPipelineDefinition } from './config/pipeline-definition.js'
import type {
  Config,
  CreatePipelineConfig,
  FollowConfig,
  MonitorConfig,
  ReportingConfig,
  RunContext,
  SlackTarget,
  ValidateConfig,
} from './config/types.js'

export type { Config } from './config/types.js'
export { InputError, InputErrors } from './config/input-error.js'

/** Reads one raw input ('' when absent). The default reads the runner's INPUT_* variables. */
export type InputSource = (name: InputName) => string

export interface ConfigEnvironment {
  env: NodeJS.ProcessEnv
  /** Registers a secret with the runner so it is masked in logs (core.setSecret). */
  mask: (secret: string) => void
}

export function readConfigFromRunner(): Config {
  return readConfig((name) => runner.getInput(name), { env: process.env, mask: runner.setSecret })
}

/** Collects every input problem, then throws them together (one ::error line) or returns the config. */
export function readConfig(source: InputSource, { env, mask }: ConfigEnvironment): Config {
  for (const name of SecretInputs) {
    const secret = source(name).trim()
    if (secret !== '') mask(secret)
    // A webhook's path (T…/B…/token) is as secret as the whole URL, and error messages quote paths.
    if (name === Inputs.SlackWebhookUrl && secret !== '') {
      const path = URL.canParse(secret) ? new URL(secret).pathname : ''
      if (path.length > 12) mask(path)
    }
  }
  const errors: InputError[] = []
  const reader = new Reader(source, errors)
  const config = build(reader, env)
  if (errors.length > 0 || config === undefined) throw new InputErrors(errors)
  return config
}

/** Reads inputs, recording problems instead of stopping at the first. */
class Reader {
  constructor(
    private readonly source: InputSource,
    private readonly errors: InputError[],
  ) {}

  raw(name: InputName): string {
    const literal = (Defaults as Partial<Record<InputName, string>>)[name]
    const value = this.source(name).trim()
    return value === '' ? (literal ?? '') : value
  }

  optional(name: InputName): string | undefined {
    const v = this.raw(name)
    return v === '' ? undefined : v
  }

  /** Parses a present value; records the error and returns undefined when it is bad. */
  parse<T>(name: InputName, parser: (input: string, value: string) => T): T | undefined {
    const v = this.optional(name)
    return v === undefined ? undefined : this.attempt(() => parser(name, v))
  }

  attempt<T>(fn: () => T): T | undefined {
    try {
      return fn()
    } catch (e) {
      if (e instanceof InputError) this.errors.push(e)
      else throw e
      return undefined
    }
  }

  /** Whether a problem is already recorded for `input` (a bad value should not also read as a missing one). */
  has(input: InputName): boolean {
    return this.errors.some((e) => e.input === input)
  }

  problem(input: InputName, message: string): undefined {
    this.errors.push(new InputError(input, message))
    return undefined
  }
}

function readEvent(env: NodeJS.ProcessEnv): Record<string, any> {
  const path = env.GITHUB_EVENT_PATH
  if (!path) return {}
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, any>
  } catch {
    return {}
  }
}

/** The commit the run is about: the PR head on pull_request events, not the merge commit GITHUB_SHA names. */
function commitFromEvent(env: NodeJS.ProcessEnv): string | undefined {
  const event = readEvent(env)
  const name = env.GITHUB_EVENT_NAME ?? ''
  if (name.startsWith('pull_request') && event.pull_request?.head?.sha)
    return String(event.pull_request.head.sha)
  if (name === 'workflow_run' && event.workflow_run?.head_sha) return String(event.workflow_run.head_sha)
  return env.GITHUB_SHA || undefined
}

function runContext(env: NodeJS.ProcessEnv): RunContext {
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/$/, '')
  const repository = env.GITHUB_REPOSITORY || undefined
  const runId = env.GITHUB_RUN_ID || undefined
  return {
    serverUrl,
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/$/, ''),
    repository,
    runId,
    runAttempt: env.GITHUB_RUN_ATTEMPT || undefined,
    workflow: env.GITHUB_WORKFLOW || undefined,
    job: env.GITHUB_JOB || undefined,
    eventName: env.GITHUB_EVENT_NAME || undefined,
    actor: env.GITHUB_ACTOR || undefined,
    runUrl: repository && runId ? `${serverUrl}/${repository}/actions/runs/${runId}` : undefined,
  }
}

function build(r: Reader, env: NodeJS.ProcessEnv): Config | undefined {
  const modeRaw = r.optional(Inputs.Mode)
  const mode =
    modeRaw === undefined
      ? r.problem(Inputs.Mode, `is required; accepted: ${Modes.map((m) => `"${m}"`).join(', ')}.`)
      : r.parse(Inputs.Mode, (i, v) => parseEnum<Mode>(i, v, Modes))

  const projectName = r.optional(Inputs.ProjectName)
  const environment = r.optional(Inputs.Environment)
  const base = projectName && environment ? `${projectName}-${environment}` : undefined

  const regionRaw = r.optional(Inputs.AwsRegion) ?? (env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined)
  const region =
    regionRaw === undefined
      ? r.problem(
          Inputs.AwsRegion,
          'no region was given and neither AWS_REGION nor AWS_DEFAULT_REGION is set; set aws-region (e.g. "us-east-1") or configure credentials with aws-actions/configure-aws-credentials first.',
        )
      : r.attempt(() => parseRegion(Inputs.AwsRegion, regionRaw))

  const commitRaw = r.optional(Inputs.CommitSha) ?? commitFromEvent(env)
  const commitSha =
    commitRaw === undefined ? undefined : r.attempt(() => parseCommitSha(Inputs.CommitSha, commitRaw))
  const version = r.optional(Inputs.Version) ?? defaultVersion(commitSha)

  const pipelineNameRaw = r.optional(Inputs.PipelineName) ?? base
  const pipelineName =
    pipelineNameRaw === undefined
      ? undefined
      : r.attempt(() => parsePipelineName(Inputs.PipelineName, pipelineNameRaw))

  const timeoutMinutes = r.parse(Inputs.TimeoutMinutes, parsePositive)
  const maxAttempts = r.parse(Inputs.MaxAttempts, (i, v) => parsePositive(i, v, { integer: true, max: 20 }))
  const reporting = readReporting(r, mode)
  const run = runContext(env)

  if (
    mode === undefined ||
    region === undefined ||
    timeoutMinutes === undefined ||
    maxAttempts === undefined ||
    !reporting
  ) {
    return undefined
  }
  const common = {
    projectName,
    environment,
    version,
    region,
    commitSha,
    timeoutMs: timeoutMinutes * 60_000,
    maxAttempts,
    reporting,
    run,
  }
  const needPipeline = (): string | undefined =>
    pipelineName ??
    (pipelineNameRaw === undefined
      ? r.problem(
          Inputs.PipelineName,
          'is required: set pipeline-name, or project-name and environment (it defaults to "<project-name>-<environment>").',
        )
      : undefined)

  switch (mode) {
    case 'create-pipeline':
      return readCreatePipeline(r, env, {
        ...common,
        mode,
        pipelineName: needPipeline(),
        base,
        timeoutMinutes,
      })
    case 'monitor':
      return readMonitor(r, { ...common, mode, pipelineName: needPipeline() })
    case 'validate':
      return readValidate(r, { ...common, mode, pipelineName, base, timeoutMinutes })
  }
}

function readReporting(r: Reader, mode: Mode | undefined): ReportingConfig | undefined {
  const webhook = r.parse(Inputs.SlackWebhookUrl, parseWebhookUrl)
  const botToken = r.optional(Inputs.SlackBotToken)
  const channel = r.optional(Inputs.SlackChannel)
  let slack: SlackTarget | undefined
  if (webhook !== undefined && botToken !== undefined) {
    r.problem(
      Inputs.SlackBotToken,
      'set either slack-webhook-url or slack-bot-token with slack-channel, not both.',
    )
  } else if (webhook !== undefined) {
    slack = { kind: 'webhook', url: webhook }
  } else if (botToken !== undefined) {
    if (channel === undefined)
      r.problem(
        Inputs.SlackChannel,
        'is required with slack-bot-token: the channel ID (e.g. "C0123456789") or name to post to.',
      )
    else slack = { kind: 'bot', token: botToken, channel }
  } else if (channel !== undefined) {
    r.problem(
      Inputs.SlackBotToken,
      'slack-channel is set but slack-bot-token is not; chat.postMessage needs a bot token (or use slack-webhook-url instead).',
    )
  }
  const notifyOn = r.parse(Inputs.NotifyOn, (i, v) =>
    parseEnum(i, v, ['failure', 'always', 'never'] as const),
  )
  const snsTopicArn = r.parse(Inputs.SnsTopicArn, (i, v) => parseArn(i, v, 'topic'))
  const statusFinal =
    r.optional(Inputs.StatusFinal) === undefined
      ? mode === 'validate'
      : r.parse(Inputs.StatusFinal, parseBoolean)
  const failOnAlertError = r.parse(Inputs.FailOnAlertError, parseBoolean)
  if (notifyOn === undefined || statusFinal === undefined || failOnAlertError === undefined) return undefined
  return {
    slack,
    notifyOn,
    snsTopicArn,
    githubToken: r.optional(Inputs.GithubToken),
    statusContext: r.optional(Inputs.StatusContext),
    statusFinal,
    failOnAlertError,
  }
}

function readFollow(r: Reader): FollowConfig | undefined {
  const pollSeconds = r.parse(Inputs.PollIntervalSeconds, parsePositive)
  const onSuperseded = r.parse(Inputs.OnSuperseded, (i, v) =>
    parseEnum(i, v, ['follow', 'fail', 'succeed'] as const),
  )
  const stopOnCancel = r.parse(Inputs.StopOnCancel, parseBoolean)
  if (pollSeconds === undefined || onSuperseded === undefined || stopOnCancel === undefined) return undefined
  return { pollIntervalMs: pollSeconds * 1000, onSuperseded, stopOnCancel }
}

type Common = Omit<CreatePipelineConfig, keyof CreatePipelineOnly | 'mode' | 'pipelineName'>
type CreatePipelineOnly = Omit<CreatePipelineConfig, keyof MonitorConfig> & { follow: FollowConfig }

function derived(r: Reader, name: InputName, fallback: string | undefined, what: string): string | undefined {
  const v = r.optional(name) ?? fallback
  if (v === undefined)
    r.problem(name, `is required: set it, or project-name and environment (it defaults to ${what}).`)
  return v
}

function readCreatePipeline(
  r: Reader,
  env: NodeJS.ProcessEnv,
  c: Common & { mode: 'create-pipeline'; pipelineName?: string; base?: string; timeoutMinutes: number },
): CreatePipelineConfig | undefined {
  const definitionPath = r.optional(Inputs.PipelineDefinition)
  const pipelineDefinition =
    definitionPath === undefined
      ? undefined
      : r.attempt(() => loadPipelineDefinition(definitionPath, env.GITHUB_WORKSPACE || process.cwd()))
  const generated = definitionPath === undefined
  const roleArn = r.parse(Inputs.RoleArn, (i, v) => parseArn(i, v, 'role'))
  if (roleArn === undefined && generated && r.optional(Inputs.RoleArn) === undefined) {
    r.problem(
      Inputs.RoleArn,
      'is required for create-pipeline: the ARN of the CodePipeline service role, e.g. arn:aws:iam::123456789012:role/codepipeline-service-role.',
    )
  }
  const connectionArn = r.parse(Inputs.ConnectionArn, (i, v) => parseArn(i, v, 'connection'))
  if (connectionArn === undefined && generated && r.optional(Inputs.ConnectionArn) === undefined) {
    r.problem(
      Inputs.ConnectionArn,
      'is required for create-pipeline: the ARN of the CodeConnections connection to GitHub (Developer Tools → Settings → Connections).',
    )
  }
  const repositoryRaw = r.optional(Inputs.Repository) ?? (env.GITHUB_REPOSITORY || undefined)
  const repository =
    repositoryRaw === undefined
      ? r.problem(Inputs.Repository, 'is required (GITHUB_REPOSITORY is not set): "owner/repo".')
      : r.attempt(() => parseRepository(Inputs.Repository, repositoryRaw))
  const branch = derived(r, Inputs.Branch, c.environment, '<environment>')
  const artifactBucket = derived(
    r,
    Inputs.ArtifactBucket,
    c.base && `${c.base}-artifacts`,
    '"<project-name>-<environment>-artifacts"',
  )
  const buildProject = derived(
    r,
    Inputs.BuildProject,
    c.base && `${c.base}-build`,
    '"<project-name>-<environment>-build"',
  )
  const testProject = derived(
    r,
    Inputs.TestProject,
    c.base && `${c.base}-test`,
    '"<project-name>-<environment>-test"',
  )
  const cluster = derived(r, Inputs.Cluster, c.base, '"<project-name>-<environment>"')
  const service = derived(r, Inputs.Service, c.projectName, '<project-name>')
  const executionMode = r.parse(Inputs.ExecutionMode, (i, v) =>
    parseEnum(i, v, ['QUEUED', 'SUPERSEDED', 'PARALLEL'] as const, { caseInsensitive: true }),
  )
  const sourceTrigger = r.parse(Inputs.SourceTrigger, (i, v) => parseEnum(i, v, ['push', 'none'] as const))
  const tags = r.parse(Inputs.Tags, parseTags) ?? []
  const startExecution = r.parse(Inputs.StartExecution, parseBoolean)
  const wait = r.parse(Inputs.Wait, parseBoolean)
  const dryRun = r.parse(Inputs.DryRun, parseBoolean)
  const follow = readFollow(r)
  if (wait && startExecution === false) {
    r.problem(
      Inputs.Wait,
      'is "true" but start-execution is "false"; wait follows the execution that start-execution starts, so set start-execution: true too.',
    )
  }
  if (startExecution && c.commitSha === undefined && !r.has(Inputs.CommitSha)) {
    r.problem(
      Inputs.CommitSha,
      'is required with start-execution (it pins the source revision): no commit-sha was given and GITHUB_SHA is not set.',
    )
  }
  const imageDefinitionsFile = r.raw(Inputs.ImageDefinitionsFile)
  const all = [
    c.pipelineName,
    repository,
    branch,
    artifactBucket,
    buildProject,
    testProject,
    cluster,
    service,
  ]
  if (all.some((v) => v === undefined) || !executionMode || !sourceTrigger || startExecution === undefined)
    return undefined
  if (wait === undefined || dryRun === undefined || !follow) return undefined
  const { base: _base, timeoutMinutes: _t, ...common } = c
  return {
    ...common,
    pipelineName: c.pipelineName!,
    roleArn,
    connectionArn,
    repository: repository!,
    branch: branch!,
    artifactBucket: artifactBucket!,
    buildProject: buildProject!,
    testProject: testProject!,
    cluster: cluster!,
    service: service!,
    imageDefinitionsFile,
    executionMode,
    sourceTrigger,
    pipelineDefinition,
    tags,
    startExecution,
    wait,
    dryRun,
    follow,
  }
}

function readMonitor(
  r: Reader,
  c: Common & { mode: 'monitor'; pipelineName?: string },
): MonitorConfig | undefined {
  const executionId = r.parse(Inputs.ExecutionId, parseExecutionId)
  if (r.optional(Inputs.ExecutionId) === undefined && c.commitSha === undefined && !r.has(Inputs.CommitSha)) {
    r.problem(
      Inputs.CommitSha,
      'is required when execution-id is empty (the execution is found by its commit): no commit-sha was given and GITHUB_SHA is not set.',
    )
  }
  const follow = readFollow(r)
  if (c.pipelineName === undefined || !follow) return undefined
  return { ...c, pipelineName: c.pipelineName, executionId, follow }
}

function readValidate(
  r: Reader,
  c: Common & { mode: 'validate'; pipelineName?: string; base?: string; timeoutMinutes: number },
): ValidateConfig | undefined {
  const cluster = derived(r, Inputs.Cluster, c.base, '"<project-name>-<environment>"')
  const service = derived(r, Inputs.Service, c.projectName, '<project-name>')
  const waitForStable = r.parse(Inputs.WaitForStable, parseBoolean)
  const apiNameRaw = r.optional(Inputs.ApiName) ?? c.base
  if (apiNameRaw === undefined) {
    r.problem(
      Inputs.ApiName,
      'is required: set it (or "none" to skip the API error-rate check), or project-name and environment (it defaults to "<project-name>-<environment>").',
    )
  }
  const apiStage = r.optional(Inputs.ApiStage)
  const api =
    apiNameRaw === undefined || apiNameRaw === 'none' ? undefined : { name: apiNameRaw, stage: apiStage }
  const maxErrorRate = r.parse(Inputs.MaxErrorRate, parseRate)
  const windowMinutes = r.parse(Inputs.WindowMinutes, (i, v) =>
    parsePositive(i, v, { integer: true, max: 1440 }),
  )
  const metricChecks = r.attempt(() => parseMetricChecks(r.raw(Inputs.MetricChecks)))
  const alarmNames = parseLines(r.raw(Inputs.AlarmNames))
  if (alarmNames.length > 100)
    r.problem(
      Inputs.AlarmNames,
      `lists ${alarmNames.length} alarms; accepted: at most 100 (DescribeAlarms' limit).`,
    )
  const onMissingData = r.parse(Inputs.OnMissingData, (i, v) =>
    parseEnum(i, v, ['warn', 'fail', 'pass'] as const),
  )
  const bakeMinutes = r.parse(Inputs.BakeMinutes, parseNonNegative)
  if (bakeMinutes !== undefined && bakeMinutes > 0 && bakeMinutes >= c.timeoutMinutes) {
    r.problem(
      Inputs.BakeMinutes,
      `is ${bakeMinutes} but must be below timeout-minutes (${c.timeoutMinutes}): the bake runs inside the step's timeout.`,
    )
  }
  const rollback = r.parse(Inputs.Rollback, (i, v) =>
    parseEnum(i, v, ['none', 'pipeline', 'service'] as const),
  )
  if (rollback === 'pipeline' && c.pipelineName === undefined) {
    r.problem(
      Inputs.PipelineName,
      'is required with rollback: pipeline (set pipeline-name, or project-name and environment).',
    )
  }
  if (
    !cluster ||
    !service ||
    waitForStable === undefined ||
    maxErrorRate === undefined ||
    windowMinutes === undefined
  )
    return undefined
  if (!metricChecks || !onMissingData || bakeMinutes === undefined || !rollback) return undefined
  const { base: _base, timeoutMinutes: _t, ...common } = c
  return {
    ...common,
    cluster,
    service,
    waitForStable,
    expectedImageTag: r.optional(Inputs.ExpectedImageTag),
    api,
    maxErrorRate,
    windowMinutes,
    metricChecks,
    alarmNames,
    onMissingData,
    bakeMs: bakeMinutes * 60_000,
    rollback,
  }
}
