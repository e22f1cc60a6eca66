// run(): read config → dispatch on mode → report (outputs, summary, alerts, status) → set the step's result.
// Everything printed goes through the door (src/door.ts); every wait and request is bounded by the step's
// deadline (src/deadline.ts).
import * as core from '@actions/core'
import { createAwsClients } from './aws.js'
import { AwsCallError, describeError } from './aws-errors.js'
import { InputErrors, readConfigFromRunner, type Config } from './config/read.js'
import { withoutSecrets } from './config/input-error.js'
import {
  DeadlineExceeded,
  LAST_LOOK_MS,
  MODE_GRACE_MS,
  realTimeOf,
  REPORTING_BOUND_MS,
  settleBy,
} from './deadline.js'
import { realSleep, type ModeDeps } from './deps.js'
import { guardStdio, openDoor, type Door, type RunnerCore } from './door.js'
import { minutes } from './format.js'
import { deliveryProblemEffect } from './report/alert-policy.js'
import { inputErrorsSummary } from './report/input-errors.js'
import type { ReportDeps, ReportOutcome, ReportSession } from './report/index.js'
import { startIsReported } from './report/start.js'
import * as runner from './runner.js'
import { modeLoaders, type ModeModule } from './modes.js'
import { createRedactor, secretsOf, secretsOfInputs, type Redactor } from './secrets.js'
import { stepResult, type ModeDetails, type StepResult } from './result.js'

export async function run(): Promise<void> {
  const startedAt = Date.now()
  const config = await readValidConfig()
  if (!config) return
  if (!modeLoaders[config.mode]) {
    return runner.setFailed(`Input "mode": "${config.mode}" is not available in this version of the action.`)
  }
  // AWS requests end at the last look; reporting (an SNS alert) moves the cut-off on once the mode is done.
  const cutoff = { at: startedAt + config.timeoutMs + LAST_LOOK_MS }
  const redact = createRedactor(secretsOf(config, process.env))
  const restoreStdio = guardStdio(redact)
  const cancel = abortOnRunnerCancel()
  try {
    // Loaded only now that the inputs are valid (a bad-input run pays for none of it), side by side with the
    // mode (runStep): the SDK clients.
    const aws = await createAwsClients(config, process.env, { cutoff: () => cutoff.at })
    await runStep(config, {
      core,
      aws,
      cutoff,
      redact,
      startedAt,
      now: Date.now,
      sleep: realSleep,
      signal: cancel.signal,
      env: process.env,
    })
  } finally {
    cancel.stopListening()
    restoreStdio()
  }
}

/**
 * The runner cancels with SIGINT, then SIGTERM 7.5 s later: both only abort the step's signal, so the step can
 * still write its summary and commit status instead of dying mid-report.
 */
function abortOnRunnerCancel(): { signal: AbortSignal; stopListening: () => void } {
  const cancel = new AbortController()
  const onSignal = (): void => cancel.abort()
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  return {
    signal: cancel.signal,
    stopListening: () => {
      process.removeListener('SIGINT', onSignal)
      process.removeListener('SIGTERM', onSignal)
    },
  }
}

/** What a step needs from the world once its config is valid; tests pass a manual clock and the emulator. */
export interface StepIO extends Omit<ModeDeps, 'log'> {
  core: RunnerCore & Pick<typeof import('@actions/core'), 'setOutput'>
  redact: Redactor
  /** When the step started, on `now`'s clock: the deadline is this plus timeout-minutes. */
  startedAt: number
  /** The AWS clients' cut-off (real time), moved on for reporting once the mode is done. */
  cutoff: { at: number }
}

/** A valid config → the mode → the reports → the step's result. Never throws for what the world does. */
export async function runStep(config: Config, io: StepIO): Promise<void> {
  // The report code (~90 kB) is loaded before the mode only when the step's start is reported; otherwise once
  // the mode is done, so that it is not read and compiled before the mode's first AWS request.
  const [early, mode] = await Promise.all([
    startIsReported(config) ? loadReports() : undefined,
    modeLoaders[config.mode]!(),
  ])
  const door = openDoor(io.core, io.redact)
  const deps: ModeDeps = {
    aws: io.aws,
    now: io.now,
    sleep: io.sleep,
    log: door,
    signal: io.signal,
    env: io.env,
  }
  const deadline = io.startedAt + config.timeoutMs
  const reportDeps = { ...deps, redact: io.redact, deadline, output: io.core.setOutput }
  // The pending status goes out beside the mode, never in its way; reportEnd waits for it (bounded).
  const session = early ? early.reportStart(config, reportDeps) : Promise.resolve({})
  let result = await runMode(
    mode,
    config,
    deps,
    door,
    realTimeOf(deadline, io.now) + LAST_LOOK_MS + MODE_GRACE_MS,
  )
  // The runner cancelled the step: report it as cancelled (commit status `error`, no alert), whatever the mode returned.
  if (io.signal.aborted && !result.cancelled) result = { ...result, cancelled: true }
  const reportBy = Math.max(deadline, io.now() + REPORTING_BOUND_MS)
  io.cutoff.at = Math.max(io.cutoff.at, realTimeOf(reportBy, io.now))
  const reports = early ?? loadReports()
  const report = await publish(reports, result, config, { ...reportDeps, deadline: reportBy }, session)
  conclude(result, report, door)
}

/** The typed config, or undefined after reporting every bad input (one ::error line and a summary). */
async function readValidConfig(): Promise<Config | undefined> {
  try {
    return await readConfigFromRunner()
  } catch (e) {
    if (!(e instanceof InputErrors)) throw e
    // No config, so no redactor yet: one from the secret inputs as given, for an error quoting another input.
    const redact = createRedactor(secretsOfInputs((name) => runner.getInput(name), process.env))
    const shown = new InputErrors(withoutSecrets(e.errors, (name) => runner.getInput(name), redact))
    // Every run writes a summary, this one too: what was wrong, before any AWS call.
    await runner.appendSummary(inputErrorsSummary(shown.errors))
    // `result` is the step's verdict on every path: a workflow that reads it must not get an empty string.
    runner.setOutput('result', 'failure')
    runner.setFailed(shown.message)
    return undefined
  }
}

/**
 * The mode's verdict; a mode still busy after the last look is given up on (a timeout), and one that threw is an
 * internal error whose details go to the debug log only.
 */
async function runMode(
  mode: ModeModule,
  config: Config,
  deps: ModeDeps,
  door: Door,
  giveUpAt: number,
): Promise<StepResult> {
  const startedAt = deps.now()
  const failure = (reason: string, unverified = false): StepResult =>
    stepResult(config, {
      verdict: 'failure',
      reason,
      details: emptyDetails(config),
      unverified,
      startedAt,
      endedAt: deps.now(),
    })
  try {
    return await settleBy(mode.run(config, deps), giveUpAt, config.mode)
  } catch (e) {
    if (e instanceof DeadlineExceeded) return failure(stuckAtDeadline(config), true)
    door.debug(`${config.mode} threw: ${(e as Error)?.stack ?? String(e)}`)
    return failure(unexpectedFailure(config, e))
  }
}

const loadReports = () => import('./report/index.js')
type Reports = Awaited<ReturnType<typeof loadReports>>

async function publish(
  reports: Reports | Promise<Reports>,
  result: StepResult,
  config: Config,
  deps: ReportDeps,
  session: Promise<ReportSession>,
): Promise<ReportOutcome> {
  try {
    return await (await reports).reportEnd(result, config, deps, await session)
  } catch (e) {
    // Reporting must never hide the verdict: say what broke (as an undelivered alert is) and still conclude.
    deps.log.debug(`reporting threw: ${(e as Error)?.stack ?? String(e)}`)
    const line = `Could not publish the result: ${describeError(e)}`
    return {
      alertSent: false,
      problem: { line, effect: deliveryProblemEffect(result, config.reporting.failOnAlertError) },
    }
  }
}

/** The step's exit: the verdict's own line first; an undelivered alert never replaces it. */
function conclude(result: StepResult, report: ReportOutcome, door: Door): void {
  if (result.cancelled) door.fail(`Cancelled: ${result.reason}`)
  else if (result.verdict === 'failure') door.fail(result.reason)
  if (report.problem) door[report.problem.effect](report.problem.line)
}

/** A mode that never returned: every request it had in flight was cut at the last look. */
function stuckAtDeadline(config: Config): string {
  return `Timed out after ${minutes(config.timeoutMs)}: AWS did not answer before the deadline, so nothing could be verified.`
}

/**
 * A mode that threw instead of returning a verdict: an AWS call's own failure line (which call, AWS's message,
 * the IAM action to allow) when AWS answered; otherwise an internal error, never the crash text itself.
 */
function unexpectedFailure(config: Config, error: unknown): string {
  const answeredByAws = error instanceof AwsCallError || (error as { $metadata?: unknown })?.$metadata
  return answeredByAws
    ? `${config.mode} failed: ${describeError(error)}`
    : `Internal error in ${config.mode} — please report it (re-run with debug logging for the details).`
}

function emptyDetails(config: Config): ModeDetails {
  switch (config.mode) {
    case 'create-pipeline':
      return {
        kind: 'create-pipeline',
        pipelineName: config.pipelineName,
        diff: [],
        stages: [],
        notes: [],
      }
    case 'monitor':
      return { kind: 'monitor', pipelineName: config.pipelineName }
    case 'validate':
      return {
        kind: 'validate',
        cluster: config.cluster,
        service: config.service,
        checks: [],
        unverified: [],
      }
  }
}
