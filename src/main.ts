// run(): read config → dispatch on mode → report (outputs, summary, alerts, status) → set the step's result.
import { createAwsClients } from './aws.js'
import { describeError } from './aws-errors.js'
import { InputErrors, readConfigFromRunner, type Config } from './config.js'
import { realSleep, runnerLogger, type ModeDeps } from './deps.js'
import { md } from './report/markdown.js'
import * as runner from './runner.js'
import { modeLoaders } from './modes.js'
import { createRedactor, secretsOf } from './report/secrets.js'
import type { ModeDetails, StepResult } from './result.js'

export async function run(): Promise<void> {
  let config: Config
  try {
    config = readConfigFromRunner()
  } catch (e) {
    if (e instanceof InputErrors) {
      // Every run writes a summary, this one too: what was wrong, before any AWS call.
      runner.appendSummary(inputErrorsSummary(e))
      return runner.setFailed(e.message)
    }
    throw e
  }
  const loader = modeLoaders[config.mode]
  if (!loader) {
    return runner.setFailed(`Input "mode": "${config.mode}" is not available in this version of the action.`)
  }

  // The runner cancels with SIGINT, then SIGTERM 7.5 s later: both only abort, so the step can still
  // write its summary and commit status instead of dying mid-report.
  const cancel = new AbortController()
  const onSignal = (): void => cancel.abort()
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  // Loaded only now that the inputs are valid (a bad-input run pays for none of it; see runner.ts), and
  // side by side: the mode and its SDK clients, @actions/core, the reports.
  const [core, reports, mode, aws] = await Promise.all([
    import('@actions/core'),
    import('./report/index.js'),
    loader(),
    createAwsClients(config),
  ])
  const { reportEnd, reportStart } = reports

  const deps: ModeDeps = {
    aws,
    now: Date.now,
    sleep: realSleep,
    log: runnerLogger(core),
    signal: cancel.signal,
    env: process.env,
  }
  const startedAt = new Date().toISOString()
  const session = await reportStart(config, deps)
  let result: StepResult
  try {
    result = await mode.run(config, deps)
  } catch (e) {
    deps.log.debug((e as Error).stack ?? String(e))
    result = unexpectedFailure(config, e as Error, startedAt)
  }
  // The runner cancelled the step: report it as cancelled (commit status `error`, no alert), whatever the mode returned.
  if (cancel.signal.aborted && !result.cancelled) result = { ...result, cancelled: true }
  let report: { failure?: string }
  try {
    report = await reportEnd(result, config, deps, session)
  } catch (e) {
    // Reporting must never hide the verdict: say what broke and still conclude the step below.
    report = { failure: `Could not publish the result: ${(e as Error).message}` }
  }
  const redact = createRedactor(secretsOf(config))
  if (result.cancelled) core.setFailed(redact(`Cancelled: ${result.reason}`))
  else if (result.verdict === 'failure') core.setFailed(redact(result.reason))
  // An undelivered alert never replaces the verdict's own line; with fail-on-alert-error it fails the step too.
  if (report.failure) report.failure = redact(report.failure)
  if (report.failure) {
    if (result.verdict === 'success' && !result.cancelled && config.reporting.failOnAlertError)
      core.setFailed(report.failure)
    else if (result.verdict === 'success' && !result.cancelled) core.warning(report.failure)
    else core.error(report.failure)
  }
  process.removeListener('SIGINT', onSignal)
  process.removeListener('SIGTERM', onSignal)
}

/** A mode that threw instead of returning a verdict: still a failure with a summary, never a crash. */
function unexpectedFailure(config: Config, error: Error, startedAt: string): StepResult {
  return {
    mode: config.mode,
    verdict: 'failure',
    // An AWS call that failed says which call, AWS's message and (access denied) the IAM action to allow.
    reason: `${config.mode} failed: ${describeError(error)}`,
    pipelineName: 'pipelineName' in config ? config.pipelineName : undefined,
    environment: config.environment,
    version: config.version,
    commitSha: config.commitSha,
    region: config.region,
    details: emptyDetails(config),
    warnings: [],
    startedAt,
    endedAt: new Date().toISOString(),
  }
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

function inputErrorsSummary(e: InputErrors): string {
  const lines = e.errors.map((err) => `- **${md(err.inputs.join(' + '))}**: ${md(err.problem)}`)
  return `## ❌ Invalid inputs\n\nThe step stopped before calling AWS. Fix these inputs:\n\n${lines.join('\n')}\n`
}
