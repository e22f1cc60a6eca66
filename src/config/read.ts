// The only place that reads inputs. Turns the strings GitHub passes into a typed, validated config per
// mode, applying every default and naming convention of the interface spec, before any network call.
import { readFileSync } from 'node:fs'
import * as runner from '../runner.js'
import { defaultVersion } from '../commits.js'
import { Defaults, Inputs, Modes, SecretInputs, type InputName, type Mode } from '../inputs.js'
import { InputError, InputErrors } from './input-error.js'
import { parseMetricChecks } from './metric-checks.js'
import {
  ALARM_NAME,
  CODEBUILD_PROJECT,
  CONFIGURATION_VALUE,
  DIMENSION_VALUE,
  ECS_NAME,
  GIT_BRANCH,
  IMAGE_TAG,
  PIPELINE_NAME,
  PIPELINE_VARIABLE_VALUE,
  S3_BUCKET,
  SLACK_CHANNEL,
  describeChar,
  partitionOf,
  type NameRule,
} from './constraints.js'
import {
  nameParser,
  parseArn,
  parseBoolean,
  parseCommitSha,
  parseEnum,
  parseExecutionId,
  parseLines,
  parseNonNegative,
  parsePositive,
  parseRate,
  parseRegion,
  parseRepository,
  parseTags,
  parseWebhookUrl,
  shown,
} from './parse.js'
import { loadPipelineDefinition } from './pipeline-definition.js'
import type {
  Config,
  CreatePipelineConfig,
  FollowConfig,
  MonitorConfig,
  ReportingConfig,
  RunContext,
  SlackTarget,
  ValidateConfig,
} from './types.js'

export type { Config } from './types.js'
export { InputError, InputErrors } from './input-error.js'

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
  const built = build(reader, env)
  reader.flushDerived()
  const config = built
  if (errors.length > 0 || config === undefined) throw new InputErrors(errors)
  return config
}

/** Inputs that hold several lines; every other input is one line. */
const MULTILINE: readonly InputName[] = [Inputs.Tags, Inputs.AlarmNames, Inputs.MetricChecks]
/** Inputs sent in an HTTP header: printable ASCII without spaces. */
const TOKENS: readonly InputName[] = [Inputs.GithubToken, Inputs.SlackBotToken]

/**
 * The first character that has no place in a single-line value (a line break, any other control character, a
 * Unicode line or paragraph separator), or in a multi-line one (control characters other than line breaks
 * and tabs). A line break in a name, URL or token would split a log line, an HTTP header or a workflow command.
 */
function breakingCharacter(value: string, multiline: boolean): string | undefined {
  const re = multiline ? /(?![\n\r\t])\p{Cc}/u : /[\p{Cc}\u2028\u2029]/u
  return re.exec(value)?.[0]
}

/** A name the action derives from other inputs when its own input is empty. */
interface Derivation {
  value: string
  /** The inputs it is made of, as the user set them. */
  from: InputName[]
}

/** Reads inputs, recording problems instead of stopping at the first. */
class Reader {
  /** Problems with derived names, by the inputs they derive from: reported once per set of inputs. */
  private readonly derivedProblems = new Map<
    string,
    { from: InputName[]; parts: string[]; fix: Set<string> }
  >()
  private readonly lineChecked = new Set<InputName>()

  constructor(
    private readonly source: InputSource,
    private readonly errors: InputError[],
  ) {}

  /** Whether the user set the input (a literal default does not count). */
  given(name: InputName): boolean {
    return this.source(name).trim() !== ''
  }

  raw(name: InputName): string {
    const literal = (Defaults as Partial<Record<InputName, string>>)[name]
    const value = this.source(name).trim()
    if (value !== '' && !this.lineChecked.has(name)) {
      this.lineChecked.add(name)
      this.checkCharacters(name, value)
    }
    if (value !== '' && this.has(name)) return ''
    return value === '' ? (literal ?? '') : value
  }

  private checkCharacters(name: InputName, value: string): void {
    const secret = SecretInputs.includes(name)
    const bad = breakingCharacter(value, MULTILINE.includes(name))
    if (bad !== undefined) {
      this.problem(
        name,
        `contains ${describeChar(bad)}${secret ? ' (value hidden: it is a secret)' : ''}; accepted: ${MULTILINE.includes(name) ? 'lines of text without control characters' : 'a single line without control characters'}.`,
      )
      return
    }
    if (TOKENS.includes(name) && !/^[\x21-\x7e]+$/.test(value)) {
      const ch = [...value].find((c) => !/^[\x21-\x7e]$/.test(c))!
      this.problem(
        name,
        `contains ${describeChar(ch)} (value hidden: it is a secret); accepted: the token as issued, printable ASCII without spaces (it is sent in an HTTP header).`,
      )
    }
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
    return this.errors.some((e) => e.inputs.includes(input))
  }

  /** Records a problem with `input`, unless one is already recorded for it (one message per input). */
  problem(input: InputName, message: string): undefined {
    if (!this.has(input)) this.errors.push(new InputError(input, message))
    return undefined
  }

  /**
   * A value held to an AWS/GitHub/Slack naming rule: the input when set, else the derived name. A derived name
   * that breaks the rule is blamed on the inputs it is made of, never on `name`, which the user did not set.
   */
  name(name: InputName, rule: NameRule, derived?: Derivation): string | undefined {
    if (this.optional(name) !== undefined) return this.parse(name, nameParser(rule))
    if (this.given(name) || derived === undefined) return undefined
    if (derived.from.some((f) => this.has(f))) return undefined
    const why = rule.problem(derived.value)
    if (why === undefined) return derived.value
    const key = derived.from.join('+')
    const entry = this.derivedProblems.get(key) ?? { from: derived.from, parts: [], fix: new Set<string>() }
    entry.parts.push(
      `${rule.what} ${shown(derived.value)}, which ${rule.owner} refuses because ${why} (accepted: ${rule.accepted})`,
    )
    entry.fix.add(name)
    this.derivedProblems.set(key, entry)
    return undefined
  }

  /** Whether a derived name from these inputs was refused (so it is not reported again as missing). */
  derivedFailed(from: InputName[]): boolean {
    return from.some((f) => this.has(f)) || this.derivedProblems.has(from.join('+'))
  }

  /** One error per set of inputs whose derived names were refused, naming those inputs. */
  flushDerived(): void {
    for (const { from, parts, fix } of this.derivedProblems.values()) {
      const verb = from.length > 1 ? 'give' : 'gives'
      const names = from.join(' and ')
      const problem =
        `${verb} ${parts.join('; and ')}. ` + `Change ${names}, or set ${[...fix].join(', ')} explicitly.`
      this.errors.push(new InputError(from[0]!, problem, from))
    }
    this.derivedProblems.clear()
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
  // VERSION reaches StartPipelineExecution only after a create or update: checked here, before either.
  const version = r.parse(Inputs.Version, nameParser(PIPELINE_VARIABLE_VALUE)) ?? defaultVersion(commitSha)

  const baseInputs: InputName[] = [Inputs.ProjectName, Inputs.Environment]
  const fromBase = (value: string | undefined): Derivation | undefined =>
    value === undefined ? undefined : { value, from: [Inputs.ProjectName, Inputs.Environment] }
  // validate needs a pipeline only for rollback: pipeline; a derived name it will not use is not judged.
  const rollbackRaw = r.optional(Inputs.Rollback)
  const judgePipeline = modeRaw !== 'validate' || rollbackRaw === 'pipeline'
  const pipelineName = r.name(Inputs.PipelineName, PIPELINE_NAME, judgePipeline ? fromBase(base) : undefined)
  const pipelineNameRaw = r.optional(Inputs.PipelineName) ?? base

  const timeoutMinutes = r.parse(Inputs.TimeoutMinutes, parsePositive)
  const maxAttempts = r.parse(Inputs.MaxAttempts, (i, v) => parsePositive(i, v, { integer: true, max: 20 }))
  const reporting = readReporting(r, mode, region)
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
    (pipelineNameRaw === undefined && !r.given(Inputs.PipelineName) && !r.derivedFailed(baseInputs)
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
      return readValidate(r, { ...common, mode, pipelineName, base, timeoutMinutes }, region)
  }
}

function readReporting(
  r: Reader,
  mode: Mode | undefined,
  region: string | undefined,
): ReportingConfig | undefined {
  const webhook = r.parse(Inputs.SlackWebhookUrl, parseWebhookUrl)
  const botToken = r.optional(Inputs.SlackBotToken)
  const channel = r.name(Inputs.SlackChannel, SLACK_CHANNEL)
  let slack: SlackTarget | undefined
  if (webhook !== undefined && botToken !== undefined) {
    r.problem(
      Inputs.SlackBotToken,
      'set either slack-webhook-url or slack-bot-token with slack-channel, not both.',
    )
  } else if (webhook !== undefined) {
    slack = { kind: 'webhook', url: webhook }
  } else if (botToken !== undefined) {
    if (channel === undefined && !r.has(Inputs.SlackChannel))
      r.problem(
        Inputs.SlackChannel,
        'is required with slack-bot-token: the channel ID (e.g. "C0123456789") or name to post to.',
      )
    else if (channel !== undefined) slack = { kind: 'bot', token: botToken, channel }
  } else if (channel !== undefined && !r.given(Inputs.SlackBotToken)) {
    r.problem(
      Inputs.SlackBotToken,
      'slack-channel is set but slack-bot-token is not; chat.postMessage needs a bot token (or use slack-webhook-url instead).',
    )
  }
  const notifyOn = r.parse(Inputs.NotifyOn, (i, v) =>
    parseEnum(i, v, ['failure', 'always', 'never'] as const),
  )
  const snsTopicArn = r.parse(Inputs.SnsTopicArn, (i, v) => parseArn(i, v, 'topic', region))
  const githubToken = r.optional(Inputs.GithubToken)
  const statusContext = r.optional(Inputs.StatusContext)
  if (statusContext !== undefined && githubToken === undefined && !r.has(Inputs.GithubToken))
    r.problem(
      Inputs.StatusContext,
      `is ${shown(statusContext)} but github-token is empty: a commit status is posted with a token that may write statuses; accepted: set github-token too (e.g. \${{ github.token }} with permissions: statuses: write), or leave status-context empty.`,
    )
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
    githubToken,
    statusContext,
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

/**
 * A name that defaults to one made of other inputs: held to `rule` either way, and required when neither the
 * input nor what it derives from is set.
 */
function derived(
  r: Reader,
  name: InputName,
  rule: NameRule,
  fallback: Derivation | undefined,
  what: string,
  from: InputName[] = fallback?.from ?? [Inputs.ProjectName, Inputs.Environment],
): string | undefined {
  const v = r.name(name, rule, fallback)
  if (v === undefined && !r.given(name) && !r.derivedFailed(from))
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
  const region = c.region
  const roleArn = r.parse(Inputs.RoleArn, (i, v) => parseArn(i, v, 'role', region))
  if (roleArn === undefined && generated && !r.given(Inputs.RoleArn)) {
    r.problem(
      Inputs.RoleArn,
      'is required for create-pipeline: the ARN of the CodePipeline service role, e.g. arn:aws:iam::123456789012:role/codepipeline-service-role.',
    )
  }
  const connectionArn = r.parse(Inputs.ConnectionArn, (i, v) => parseArn(i, v, 'connection', region))
  if (connectionArn === undefined && generated && !r.given(Inputs.ConnectionArn)) {
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
  const fromBase = (suffix: string): Derivation | undefined =>
    c.base === undefined
      ? undefined
      : { value: `${c.base}${suffix}`, from: [Inputs.ProjectName, Inputs.Environment] }
  const branch = derived(
    r,
    Inputs.Branch,
    GIT_BRANCH,
    fromInput(c.environment, Inputs.Environment),
    '<environment>',
    [Inputs.Environment],
  )
  const artifactBucket = derived(
    r,
    Inputs.ArtifactBucket,
    S3_BUCKET,
    fromBase('-artifacts'),
    '"<project-name>-<environment>-artifacts"',
  )
  const buildProject = derived(
    r,
    Inputs.BuildProject,
    CODEBUILD_PROJECT('the build project name'),
    fromBase('-build'),
    '"<project-name>-<environment>-build"',
  )
  const testProject = derived(
    r,
    Inputs.TestProject,
    CODEBUILD_PROJECT('the test project name'),
    fromBase('-test'),
    '"<project-name>-<environment>-test"',
  )
  const cluster = derived(
    r,
    Inputs.Cluster,
    ECS_NAME('the cluster name'),
    fromBase(''),
    '"<project-name>-<environment>"',
  )
  const service = derived(
    r,
    Inputs.Service,
    ECS_NAME('the service name'),
    fromInput(c.projectName, Inputs.ProjectName),
    '<project-name>',
    [Inputs.ProjectName],
  )
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
  const imageDefinitionsFile = r.parse(
    Inputs.ImageDefinitionsFile,
    nameParser(CONFIGURATION_VALUE('the image definitions file name')),
  )
  const all = [
    c.pipelineName,
    imageDefinitionsFile,
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
    imageDefinitionsFile: imageDefinitionsFile!,
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
  region: string | undefined,
): ValidateConfig | undefined {
  const base = fromInputs(c.base, [Inputs.ProjectName, Inputs.Environment])
  // ECS takes a cluster or service by short name or by ARN; an ARN must be of this partition and region.
  const cluster = derived(
    r,
    Inputs.Cluster,
    ecsNameOrArn(ECS_NAME('the cluster name'), 'cluster', region),
    base,
    '"<project-name>-<environment>"',
  )
  const service = derived(
    r,
    Inputs.Service,
    ecsNameOrArn(ECS_NAME('the service name'), 'service', region),
    fromInput(c.projectName, Inputs.ProjectName),
    '<project-name>',
    [Inputs.ProjectName],
  )
  const waitForStable = r.parse(Inputs.WaitForStable, parseBoolean)
  const apiName = r.name(Inputs.ApiName, DIMENSION_VALUE('the API name'), base)
  if (
    apiName === undefined &&
    !r.given(Inputs.ApiName) &&
    !r.derivedFailed([Inputs.ProjectName, Inputs.Environment])
  ) {
    r.problem(
      Inputs.ApiName,
      'is required: set it (or "none" to skip the API error-rate check), or project-name and environment (it defaults to "<project-name>-<environment>").',
    )
  }
  const apiStage = r.parse(Inputs.ApiStage, nameParser(DIMENSION_VALUE('the API stage')))
  const api = apiName === undefined || apiName === 'none' ? undefined : { name: apiName, stage: apiStage }
  const maxErrorRate = r.parse(Inputs.MaxErrorRate, parseRate)
  const windowMinutes = r.parse(Inputs.WindowMinutes, (i, v) =>
    parsePositive(i, v, { integer: true, max: 1440 }),
  )
  const metricChecks = r.attempt(() => parseMetricChecks(r.raw(Inputs.MetricChecks)))
  const alarmNames = parseLines(r.raw(Inputs.AlarmNames))
  const badAlarm = alarmNames.find((a) => ALARM_NAME.problem(a) !== undefined)
  if (badAlarm !== undefined)
    r.problem(
      Inputs.AlarmNames,
      `lists ${shown(badAlarm)}, which CloudWatch refuses because ${ALARM_NAME.problem(badAlarm)}; accepted: one alarm name per line, each ${ALARM_NAME.accepted}.`,
    )
  else if (alarmNames.length > 100)
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
  if (
    rollback === 'pipeline' &&
    c.pipelineName === undefined &&
    !r.given(Inputs.PipelineName) &&
    c.base === undefined
  ) {
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
    expectedImageTag: r.parse(Inputs.ExpectedImageTag, nameParser(IMAGE_TAG)),
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

const fromInput = (value: string | undefined, input: InputName): Derivation | undefined =>
  value === undefined ? undefined : { value, from: [input] }
const fromInputs = (value: string | undefined, inputs: InputName[]): Derivation | undefined =>
  value === undefined ? undefined : { value, from: inputs }

/** An ECS name rule that also takes an ARN of the resource, in the step's partition and region. */
function ecsNameOrArn(rule: NameRule, kind: 'cluster' | 'service', region: string | undefined): NameRule {
  const arn = new RegExp(`^arn:(aws(?:-[a-z]+)*):ecs:([a-z0-9-]+):\\d{12}:${kind}/(.+)$`)
  return {
    ...rule,
    accepted: `${rule.accepted}, or the ${kind}'s ARN (arn:${region ? partitionOf(region) : 'aws'}:ecs:${region ?? '<region>'}:<account>:${kind}/…)`,
    problem(value) {
      const m = arn.exec(value)
      if (!m) return rule.problem(value)
      const [, partition, arnRegion, rest] = m as unknown as [string, string, string, string]
      if (region !== undefined && (partition !== partitionOf(region) || arnRegion !== region))
        return `the ARN is in ${partition}/${arnRegion}, not in ${partitionOf(region)}/${region} (aws-region)`
      const parts = rest.split('/')
      if (parts.length > (kind === 'service' ? 2 : 1)) return `the ARN's ${kind} part has too many "/"`
      return parts.map((p) => rule.problem(p)).find((p) => p !== undefined)
    },
  }
}
