// create-pipeline: create, update or leave unchanged the deploy pipeline — idempotently — then optionally
// start (or adopt) an execution of the commit and follow it. Phases: plan → wait for running executions →
// apply → start → follow. Every phase logs one group; the StepResult carries everything reports render.
import { shortSha } from '../commits.js'
import { CodePipelineClient } from '@aws-sdk/client-codepipeline'
import type { CreatePipelineConfig } from '../config/types.js'
import type { ModeDeps } from '../deps.js'
import { minutes } from '../format.js'
import { stepResult, type CreatePipelineDetails, type ExecutionReport, type StepResult } from '../result.js'
import { readPatiently } from '../backoff.js'
import { applyTags, createPipeline, updatePipeline } from './apply.js'
import { AwsCallError, describeError, isTransient } from '../aws-errors.js'
import { wasCancelled } from '../cancel.js'
import { executionUrl } from '../execution/links.js'
import { desiredPipeline, stageTable, type DesiredPipeline } from './definition.js'
import { failureLine, type FailureContext } from './errors.js'
import { runningExecutions, waitUntilIdle } from './in-flight.js'
import { declarationProblems } from './limits.js'
import { planChange, type Plan } from './plan.js'
import { readPipeline } from './read.js'
import { startOrAdopt } from './start.js'
import { hasTagChanges } from './tags.js'
import { clientRequestToken } from './token.js'

/** Thrown inside the mode to end it with a failure line (already user-facing). */
class Stop extends Error {
  constructor(
    message: string,
    readonly cancelled = false,
  ) {
    super(message)
  }
}

export async function run(config: CreatePipelineConfig, deps: ModeDeps): Promise<StepResult> {
  const startedAt = deps.now()
  const deadline = deps.now() + config.timeoutMs
  const desired = desiredPipeline(config)
  const name = desired.declaration.name ?? config.pipelineName
  const details: CreatePipelineDetails = {
    kind: 'create-pipeline',
    pipelineName: name,
    // Undefined until a phase decides it: a failure before that must not report "unchanged".
    change: undefined,
    diff: [],
    stages: stageTable(desired.declaration),
    notes: [],
  }
  const warnings = [...desired.warnings]
  const ctx: FailureContext = {
    pipelineName: name,
    roleArn: desired.declaration.roleArn,
    definitionPath: desired.source === 'generated' ? undefined : desired.source.path,
    maxAttempts: config.maxAttempts,
  }
  const finish = (
    verdict: 'success' | 'failure',
    reason: string,
    cancelled = false,
    unverified = false,
  ): StepResult =>
    stepResult(config, {
      verdict,
      reason,
      pipelineName: name,
      details,
      cancelled,
      unverified,
      warnings,
      startedAt,
      endedAt: deps.now(),
    })

  try {
    const outcome = await phases(config, deps, desired, details, deadline)
    return finish(outcome.verdict, outcome.reason, outcome.cancelled, outcome.unverified)
  } catch (e) {
    if (e instanceof Stop) return finish('failure', e.message, e.cancelled)
    if (e instanceof AwsCallError && wasCancelled(e.error, deps.signal))
      return finish('failure', `Pipeline "${name}": cancelled during ${e.operation}.`, true)
    // A read (the plan's, the dry run's listing) whose answers ran out before the deadline: not verified.
    if (e instanceof AwsCallError)
      return finish('failure', failureLine(e.operation, e.error, ctx), false, unreadable(e))
    throw e
  }
}

interface Outcome {
  verdict: 'success' | 'failure'
  reason: string
  cancelled?: boolean
  /** With `wait`: the follow ended because AWS could not be read. */
  unverified?: boolean
}

/** A read call that still failed transiently (throttling, 5xx, no answer, an unparsable one) at the deadline. */
function unreadable(e: AwsCallError): boolean {
  return /^(Get|List|BatchGet|Describe)/.test(e.operation) && isTransient(e.error)
}

const success = (reason: string): Outcome => ({ verdict: 'success', reason })

async function phases(
  config: CreatePipelineConfig,
  deps: ModeDeps,
  desired: DesiredPipeline,
  details: CreatePipelineDetails,
  deadline: number,
): Promise<Outcome> {
  const cp = deps.aws.get(CodePipelineClient)
  const name = details.pipelineName
  const from =
    desired.source === 'generated' ? 'generated declaration' : `declaration from ${desired.source.path}`

  const problems = declarationProblems(desired.declaration)
  if (problems.length > 0) {
    throw new Stop(
      `Pipeline "${name}": the ${from} breaks AWS's limits, nothing was sent: ${problems.join('; ')}.`,
    )
  }

  // Reads are waited out while AWS throttles or answers with something transient, within the deadline.
  const patience = { deadline, intervalMs: Math.min(config.follow.pollIntervalMs, 5000) }

  // Plan: what AWS has against what we want. Tags are read only when the action manages them.
  const { current, plan } = await deps.log.group(`Plan pipeline ${name}`, async () => {
    const current = await readPatiently(
      () => readPipeline(cp, name, { withTags: config.tags.length > 0, signal: deps.signal }),
      deps,
      patience,
    )
    const plan = planChange(desired.declaration, current, config.tags)
    logPlan(deps, name, current?.version, plan)
    return { current, plan }
  })
  details.diff = plan.diff
  details.pipelineVersion = current?.version

  if (config.dryRun)
    return success(await dryRun(config, deps, details, plan, current !== undefined, cp, patience))

  let freshlyCreated = false
  if (plan.action === 'create') {
    const out = await deps.log.group(`Create pipeline ${name}`, () =>
      createPipeline(cp, desired.declaration, config.tags),
    )
    freshlyCreated = true
    details.change = 'created'
    details.pipelineVersion = out.version
    deps.log.info(`Created pipeline ${name} (version ${out.version}).`)
  } else if (plan.action === 'update' && current) {
    await deps.log.group(`Update pipeline ${name}`, async () => {
      if (plan.declarationChanged) {
        const idle = await waitUntilIdle(cp, name, deps, { deadline, pollMs: config.follow.pollIntervalMs })
        if (idle.stillRunning) {
          const id = idle.stillRunning.pipelineExecutionId
          throw new Stop(
            idle.cancelled
              ? `Pipeline "${name}" was not updated: cancelled while waiting for execution ${id} to end.`
              : `Pipeline "${name}" was not updated: execution ${id} was still ${idle.stillRunning.status} when timeout-minutes ran out, after ${minutes(config.timeoutMs)}; an update would have cancelled it. Re-run when it has ended.`,
            idle.cancelled,
          )
        }
        if (idle.waitedFor.length > 0)
          details.notes.push(
            `Waited ${minutes(idle.waitedMs)} for execution ${idle.waitedFor.join(', ')} to end before updating (an update cancels running executions).`,
          )
        const out = await updatePipeline(cp, desired.declaration, current.version)
        // Recorded at once: a later failure (tags) must not report the pipeline as unchanged.
        details.change = 'updated'
        details.pipelineVersion = out.version
        deps.log.info(`Updated pipeline ${name} to version ${out.version}.`)
      }
      if (plan.tagChanges && hasTagChanges(plan.tagChanges) && current.arn) {
        await applyTags(cp, current.arn, plan.tagChanges)
        details.change = 'updated'
        deps.log.info(`Updated the pipeline's tags.`)
        if (!plan.declarationChanged)
          details.notes.push('Only the tags changed: the declaration and its version stay as they were.')
      }
    })
  } else {
    details.change = 'unchanged'
  }

  const what =
    details.change === 'created'
      ? `Pipeline "${name}" created (version ${details.pipelineVersion})`
      : details.change === 'updated'
        ? `Pipeline "${name}" updated (version ${details.pipelineVersion})`
        : `Pipeline "${name}" unchanged (version ${details.pipelineVersion})`
  if (!config.startExecution || !config.commitSha) return success(`${what}.`)

  const commitSha = config.commitSha
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
        deadline,
        pollMs: patience.intervalMs,
      },
      deps,
    ),
  )
  details.notes.push(...started.notes)
  details.adoptedExecution = started.adopted || undefined
  details.execution = executionReport(config, name, started.executionId, started.status)
  const startLine = `${what}; execution ${started.executionId} of ${shortSha(commitSha)} ${started.adopted ? 'adopted' : 'started'}`
  if (!config.wait) return success(`${startLine}.`)

  const outcome = await deps.log.group(`Follow execution ${started.executionId}`, async () => {
    const { followExecution } = await import('../execution/follow.js')
    // The monitor waits out throttling and network trouble itself; what it throws is final.
    return followExecution(
      {
        pipelineName: name,
        executionId: started.executionId,
        commitSha,
        follow: config.follow,
        deadline,
        run: config.run,
        githubToken: config.reporting.githubToken,
        region: config.region,
      },
      deps,
    ).catch((e: unknown) => {
      throw new Stop(
        `${what}; execution ${started.executionId} was ${started.adopted ? 'adopted' : 'started'} but following it failed — ${describeError(e)}`,
      )
    })
  })
  details.execution = { ...outcome.execution, version: outcome.execution.version ?? config.version }
  details.superseded = outcome.superseded
  details.timedOut = outcome.timedOut || undefined
  return {
    verdict: outcome.verdict,
    reason: `${what}; ${outcome.reason}`,
    cancelled: outcome.cancelled,
    unverified: outcome.unverified,
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

function logPlan(deps: ModeDeps, name: string, version: number | undefined, plan: Plan): void {
  if (plan.action === 'create') deps.log.info(`Pipeline ${name} does not exist yet: it will be created.`)
  else if (plan.action === 'none')
    deps.log.info(`Pipeline ${name} (version ${version}) is as declared: no change.`)
  else deps.log.info(`Pipeline ${name} (version ${version}) differs from the declaration:`)
  if (plan.action !== 'none') for (const line of plan.diff) deps.log.info(line)
}

async function dryRun(
  config: CreatePipelineConfig,
  deps: ModeDeps,
  details: CreatePipelineDetails,
  plan: Plan,
  exists: boolean,
  cp: CodePipelineClient,
  patience: { deadline: number; intervalMs: number },
): Promise<string> {
  const name = details.pipelineName
  details.change = 'planned'
  const would =
    plan.action === 'create'
      ? 'would be created'
      : plan.action === 'update'
        ? 'would be updated'
        : 'is unchanged'
  if (exists && plan.declarationChanged) {
    const running = await readPatiently(() => runningExecutions(cp, name, deps.signal), deps, patience)
    if (running.length > 0)
      details.notes.push(
        `Execution ${running.map((e) => e.pipelineExecutionId).join(', ')} is running: a real run would wait for it to end before updating.`,
      )
  }
  if (config.startExecution && config.commitSha)
    details.notes.push(
      `A real run would start an execution of ${shortSha(config.commitSha)}${config.version ? ` with VERSION=${config.version}` : ''}.`,
    )
  details.notes.push('Dry run: nothing was changed.')
  deps.log.info(`Dry run: pipeline ${name} ${would}; nothing was changed.`)
  return `Dry run: pipeline "${name}" ${would}${plan.action === 'none' ? '' : ' (see the diff)'}; nothing was changed.`
}
