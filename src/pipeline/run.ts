// create-pipeline: create, update or leave unchanged the deploy pipeline — idempotently — then optionally
// start (or adopt) an execution of the commit and follow it. Steps: plan → apply (after the running executions
// end) → start → follow. Every step logs one group and returns what it did; runSteps gathers that into the
// details reports render, and a failure still reports what the steps before it did.
import { shortSha } from '../commits.js'
import { CodePipelineClient } from '@aws-sdk/client-codepipeline'
import type { CreatePipelineConfig } from '../config/types.js'
import type { ModeDeps } from '../deps.js'
import { stepResult, type CreatePipelineDetails, type ExecutionReport, type StepResult } from '../result.js'
import { readPatiently } from '../backoff.js'
import { AwsCallError, describeError, isTransient } from '../aws-errors.js'
import { wasCancelled } from '../cancel.js'
import { executionUrl } from '../execution/links.js'
import { apply } from './change.js'
import { desiredPipeline, stageTable } from './definition.js'
import { dryRun } from './dry-run.js'
import { failureLine } from './errors.js'
import { declarationProblems } from './limits.js'
import { planChange, type CurrentPipeline, type Plan } from './plan.js'
import { readPipeline } from './read.js'
import { startOrAdopt, type StartOutcome } from './start.js'
import { Stop, Unfinished, withDone, type Done, type StepContext } from './step.js'
import { clientRequestToken } from './token.js'

export async function run(config: CreatePipelineConfig, deps: ModeDeps): Promise<StepResult> {
  const startedAt = deps.now()
  const deadline = deps.now() + config.timeoutMs
  const desired = desiredPipeline(config)
  const step: StepContext = {
    config,
    deps,
    desired,
    name: desired.declaration.name ?? config.pipelineName,
    cp: deps.aws.get(CodePipelineClient),
    patience: { deadline, intervalMs: Math.min(config.follow.pollIntervalMs, 5000) },
  }
  const outcome = await runSteps(step)
  return stepResult(config, {
    ...outcome,
    pipelineName: step.name,
    warnings: [...desired.warnings],
    startedAt,
    endedAt: deps.now(),
  })
}

interface Outcome {
  verdict: 'success' | 'failure'
  reason: string
  details: CreatePipelineDetails
  cancelled?: boolean
  /** With `wait`: the follow ended because AWS could not be read. */
  unverified?: boolean
}

/** The steps in order, each one's result added to the details as it comes. */
async function runSteps(step: StepContext): Promise<Outcome> {
  const { config, name } = step
  let details = declared(step)
  try {
    refuseOverLimits(step)
    const planned = await readAndPlan(step)
    details = withDone(details, planned.done)
    if (config.dryRun) {
      const dry = await dryRun(step, planned.plan, planned.current !== undefined)
      return success(dry.reason, withDone(details, dry.done))
    }
    const applied = await apply(step, planned.plan, planned.current)
    details = withDone(details, applied.done)
    const changed = changeLine(name, details)
    if (!config.startExecution || !config.commitSha) return success(`${changed}.`, details)
    const started = await start(step, config.commitSha, applied.created)
    details = withDone(details, started.done)
    if (!config.wait) return success(`${changed}; ${started.line}.`, details)
    const { done, ...followed } = await follow(step, config.commitSha, started, changed)
    return { ...followed, details: withDone(details, done) }
  } catch (e) {
    return failed(e, step, details)
  }
}

/** Before any step: the declared stages, and the change undetermined (a failure must not report "unchanged"). */
function declared({ name, desired }: StepContext): CreatePipelineDetails {
  return {
    kind: 'create-pipeline',
    pipelineName: name,
    change: undefined,
    diff: [],
    stages: stageTable(desired.declaration),
    notes: [],
  }
}

const success = (reason: string, details: CreatePipelineDetails): Outcome => ({
  verdict: 'success',
  reason,
  details,
})

/** `Pipeline "app" updated (version 3)`: what the apply step did. */
function changeLine(name: string, details: CreatePipelineDetails): string {
  const change = details.change === 'created' || details.change === 'updated' ? details.change : 'unchanged'
  return `Pipeline "${name}" ${change} (version ${details.pipelineVersion})`
}

/** A declaration over AWS's limits is refused before any call. */
function refuseOverLimits({ desired, name }: StepContext): void {
  const problems = declarationProblems(desired.declaration)
  if (problems.length === 0) return
  const from =
    desired.source === 'generated' ? 'generated declaration' : `declaration from ${desired.source.path}`
  throw new Stop(
    `Pipeline "${name}": the ${from} breaks AWS's limits, nothing was sent: ${problems.join('; ')}.`,
  )
}

/** What AWS has against what we want. Tags are read only when the action manages them. */
async function readAndPlan(
  step: StepContext,
): Promise<{ plan: Plan; current?: CurrentPipeline; done: Done }> {
  const { config, deps, cp, name } = step
  return deps.log.group(`Plan pipeline ${name}`, async () => {
    const current = await readPatiently(
      () => readPipeline(cp, name, { withTags: config.tags.length > 0, signal: deps.signal }),
      deps,
      step.patience,
    )
    const plan = planChange(step.desired.declaration, current, config.tags)
    logPlan(deps, name, current?.version, plan)
    return { current, plan, done: { diff: plan.diff, pipelineVersion: current?.version } }
  })
}

function logPlan(deps: ModeDeps, name: string, version: number | undefined, plan: Plan): void {
  if (plan.action === 'create') deps.log.info(`Pipeline ${name} does not exist yet: it will be created.`)
  else if (plan.action === 'none')
    deps.log.info(`Pipeline ${name} (version ${version}) is as declared: no change.`)
  else deps.log.info(`Pipeline ${name} (version ${version}) differs from the declaration:`)
  if (plan.action !== 'none') for (const line of plan.diff) deps.log.info(line)
}

interface Started extends StartOutcome {
  /** `execution <id> of <sha> started` (or adopted). */
  line: string
  done: Done
}

/** Starts an execution of the commit, or adopts AWS's own first one when it builds the same. */
async function start(step: StepContext, commitSha: string, freshlyCreated: boolean): Promise<Started> {
  const { config, deps, desired, cp, name, patience } = step
  const started = await deps.log.group(`Start execution of ${shortSha(commitSha)}`, () =>
    startOrAdopt(
      cp,
      {
        pipelineName: name,
        commitSha,
        version: config.version,
        pinnedSourceActions: desired.pinnedSourceActions,
        hasVersionVariable: desired.hasVersionVariable,
        versionDefault: desired.versionDefault,
        clientRequestToken: clientRequestToken({
          pipelineName: name,
          commitSha,
          version: config.version,
          runId: config.run.runId,
          runAttempt: config.run.runAttempt,
        }),
        freshlyCreated,
        deadline: patience.deadline,
        pollMs: patience.intervalMs,
      },
      deps,
    ),
  )
  return {
    ...started,
    line: `execution ${started.executionId} of ${shortSha(commitSha)} ${started.adopted ? 'adopted' : 'started'}`,
    done: {
      notes: started.notes,
      adoptedExecution: started.adopted || undefined,
      execution: executionReport(config, name, started.executionId, started.status),
    },
  }
}

/** Follows the execution to its end (the monitor's verdict), within the step's deadline. */
async function follow(
  step: StepContext,
  commitSha: string,
  started: Started,
  changed: string,
): Promise<Omit<Outcome, 'details'> & { done: Done }> {
  const { config, deps, name, patience } = step
  const outcome = await deps.log.group(`Follow execution ${started.executionId}`, async () => {
    const { followExecution } = await import('../execution/follow.js')
    // The monitor waits out throttling and network trouble itself; what it throws is final.
    return followExecution(
      {
        pipelineName: name,
        executionId: started.executionId,
        commitSha,
        follow: config.follow,
        deadline: patience.deadline,
        run: config.run,
        githubToken: config.reporting.githubToken,
        region: config.region,
      },
      deps,
    ).catch((e: unknown) => {
      throw new Stop(
        `${changed}; execution ${started.executionId} was ${started.adopted ? 'adopted' : 'started'} but following it failed — ${describeError(e)}`,
      )
    })
  })
  return {
    verdict: outcome.verdict,
    reason: `${changed}; ${outcome.reason}`,
    cancelled: outcome.cancelled,
    unverified: outcome.unverified,
    done: {
      execution: { ...outcome.execution, version: outcome.execution.version ?? config.version },
      superseded: outcome.superseded,
      timedOut: outcome.timedOut || undefined,
    },
  }
}

function executionReport(
  config: CreatePipelineConfig,
  name: string,
  id: string,
  status: string,
): ExecutionReport {
  return {
    id,
    status,
    url: executionUrl(config.region, name, id),
    commit: config.commitSha,
    version: config.version,
    stages: [],
  }
}

/** A step that threw: its failure line, with what the steps before it (and it, part way) did. */
function failed(e: unknown, step: StepContext, details: CreatePipelineDetails): Outcome {
  if (e instanceof Unfinished) return failed(e.error, step, withDone(details, e.done))
  const failure = (reason: string, cancelled = false, unverified = false): Outcome => ({
    verdict: 'failure',
    reason,
    details,
    cancelled,
    unverified,
  })
  const { name, desired, config } = step
  if (e instanceof Stop) return failure(e.message, e.cancelled)
  if (e instanceof AwsCallError && wasCancelled(e.error, step.deps.signal))
    return failure(`Pipeline "${name}": cancelled during ${e.operation}.`, true)
  // A read (the plan's, the dry run's listing) whose answers ran out before the deadline: not verified.
  if (e instanceof AwsCallError) {
    const ctx = {
      pipelineName: name,
      roleArn: desired.declaration.roleArn,
      definitionPath: desired.source === 'generated' ? undefined : desired.source.path,
      maxAttempts: config.maxAttempts,
    }
    return failure(failureLine(e.operation, e.error, ctx), false, unreadable(e))
  }
  throw e
}

/** A read call that still failed transiently (throttling, 5xx, no answer, an unparsable one) at the deadline. */
function unreadable(e: AwsCallError): boolean {
  return /^(Get|List|BatchGet|Describe)/.test(e.operation) && isTransient(e.error)
}
