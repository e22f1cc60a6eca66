// Why an action failed — the thing users of deploy actions ask for most. CodePipeline's error details and
// external summary for every failed action; for CodeBuild actions the failed build phase with its message, the
// CloudWatch Logs link and the last lines of the build's log; for Commands actions the link and last lines of
// the log stream the action reports (logStreamARN). Nice to have: a read that fails leaves a note.
import type { Build } from '@aws-sdk/client-codebuild'
import type { ModeDeps } from '../deps.js'
import { describeError } from '../aws-errors.js'
import { logStreamUrl } from './links.js'
import { actionError, type ActionRun } from './progress.js'
import type { ExecutionReader } from './reader.js'

export interface Explanation {
  /** One line: the failed phase and its message, else the error code and message. */
  error?: string
  logUrl?: string
  logTail?: string[]
  url?: string
}

const LOG_TAIL_LINES = 20

/** The failed phase of a build and its message (pure). */
export function failedPhase(build: Build): string | undefined {
  const phase = build.phases?.find((p) => p.phaseStatus && p.phaseStatus !== 'SUCCEEDED')
  if (!phase)
    return build.buildStatus && build.buildStatus !== 'SUCCEEDED' ? `build ${build.buildStatus}` : undefined
  const message = (phase.contexts ?? [])
    .map((c) => c.message)
    .filter((m): m is string => !!m)
    .join('; ')
  return `${phase.phaseType} phase ${phase.phaseStatus}${message ? `: ${message}` : ''}`
}

/** Log lines as a person reads them: no trailing newlines or colour codes, blank lines dropped. */
export function tidyLogLines(messages: (string | undefined)[]): string[] {
  const lines = messages
    .flatMap((m) => (m ?? '').split(/\r?\n/))
    // eslint-disable-next-line no-control-regex -- ANSI colour codes start with ESC
    .map((l) => l.replace(/\u001b\[[0-9;]*m/g, '').trimEnd())
    .filter((l) => l.trim() !== '')
  return failureEnd(lines).slice(-LOG_TAIL_LINES)
}

/**
 * CodeBuild ends a failed build's log with its own housekeeping (`[Container] … Phase complete: … FINALIZING`).
 * The lines worth showing are the command's output just before `Command did not exit successfully`.
 */
const FAILURE_MARK = /^\[Container\] .*(Command did not exit successfully|Phase complete: \w+ State: FAILED)/

function failureEnd(lines: string[]): string[] {
  const i = lines.findIndex((l) => FAILURE_MARK.test(l))
  return i < 0 ? lines : lines.slice(0, i + 1)
}

export async function explainFailures(
  runs: ActionRun[],
  reader: ExecutionReader,
  deps: ModeDeps,
  region: string,
): Promise<{ explanations: Map<ActionRun, Explanation>; notes: string[] }> {
  const failed = runs.filter((r) => r.status === 'Failed')
  const explanations = new Map<ActionRun, Explanation>(
    failed.map((run) => [run, { error: actionError(run), url: run.externalExecutionUrl }]),
  )
  const builds = failed.filter(isBuildRun)
  const commands = failed.flatMap((run) => {
    const stream = commandsLogStream(run)
    return stream ? [{ run, stream }] : []
  })
  if (builds.length === 0 && commands.length === 0) return { explanations, notes: [] }
  const x: Explaining = { reader, deps, region, notes: [], sdk: await loadClients() }
  await Promise.all(
    commands.map(({ run, stream }) => explainCommands(x, explanations.get(run)!, stream, run)),
  )
  if (builds.length === 0) return { explanations, notes: x.notes }
  const found = await readBuilds(x, builds)
  await Promise.all(
    builds.map((run) => {
      const build = found.find((b) => b.id === run.externalExecutionId)
      return build && explainBuild(x, explanations.get(run)!, build)
    }),
  )
  return { explanations, notes: x.notes }
}

/** The log group and stream of a Commands action, from its logStreamARN (`…:log-group:G:log-stream:S`). */
export function commandsLogStream(run: ActionRun): { group: string; stream: string } | undefined {
  if (run.provider !== 'Commands' || !run.logStreamArn) return undefined
  const m = /:log-group:(.+?):log-stream:(.+)$/.exec(run.logStreamArn)
  return m?.[1] && m[2] ? { group: m[1], stream: m[2] } : undefined
}

/** A Commands action's log link and last lines into its explanation. */
async function explainCommands(
  x: Explaining,
  ex: Explanation,
  log: { group: string; stream: string },
  run: ActionRun,
): Promise<void> {
  ex.logUrl = logStreamUrl(x.region, log.group, log.stream)
  ex.logTail = await readLogTail(x, log, `The log of action ${run.stage} › ${run.action}`)
}

/** What explaining needs; `notes` gathers what could not be read. */
interface Explaining {
  reader: ExecutionReader
  deps: ModeDeps
  region: string
  notes: string[]
  sdk: Clients
}

/**
 * The CodeBuild and CloudWatch Logs clients, loaded only when a failed build or Commands action is to be
 * explained: a run that sees no such failure (nearly every run) does not compile them (~290 kB of JavaScript)
 * before its first request.
 */
async function loadClients() {
  // One destructuring per import: __tests__/iam reads the commands a mode can call from these lines.
  const { CodeBuildClient, BatchGetBuildsCommand } = await import('@aws-sdk/client-codebuild')
  const { CloudWatchLogsClient, GetLogEventsCommand } = await import('@aws-sdk/client-cloudwatch-logs')
  return { CodeBuildClient, BatchGetBuildsCommand, CloudWatchLogsClient, GetLogEventsCommand }
}
type Clients = Awaited<ReturnType<typeof loadClients>>

/** A CodeBuild action that ran one build (a batch build has no single log to show). */
function isBuildRun(run: ActionRun): boolean {
  return (
    run.provider === 'CodeBuild' &&
    !!run.externalExecutionId &&
    !run.externalExecutionId.startsWith('build-batch/')
  )
}

async function readBuilds(x: Explaining, builds: ActionRun[]): Promise<Build[]> {
  try {
    const out = await x.reader.read(
      { service: 'codebuild', operation: 'BatchGetBuilds' },
      (abortSignal) =>
        x.deps.aws
          .get(x.sdk.CodeBuildClient)
          .send(new x.sdk.BatchGetBuildsCommand({ ids: builds.map((r) => r.externalExecutionId!) }), {
            abortSignal,
          }),
      { attempts: 3, kind: 'explain' },
    )
    if (out.ok) return out.value.builds ?? []
  } catch (e) {
    x.notes.push(`The failed build could not be read: ${describeError(e)}`)
  }
  return []
}

/** The failed phase into the error line, the log's link and its last lines into the explanation. */
async function explainBuild(x: Explaining, ex: Explanation, build: Build): Promise<void> {
  const phase = failedPhase(build)
  if (phase) ex.error = ex.error && !ex.error.includes(phase) ? `${phase} (${ex.error})` : phase
  const group = build.logs?.groupName ?? build.logs?.cloudWatchLogs?.groupName
  const stream = build.logs?.streamName ?? build.logs?.cloudWatchLogs?.streamName
  ex.logUrl = build.logs?.deepLink ?? (group && stream ? logStreamUrl(x.region, group, stream) : undefined)
  if (!group || !stream) return
  ex.logTail = await readLogTail(x, { group, stream }, `The log of build ${build.id}`)
}

/** The last lines of a log stream; undefined (with a note naming `what`) when it could not be read. */
async function readLogTail(
  x: Explaining,
  log: { group: string; stream: string },
  what: string,
): Promise<string[] | undefined> {
  try {
    const out = await x.reader.read(
      { service: 'logs', operation: 'GetLogEvents' },
      (abortSignal) =>
        x.deps.aws.get(x.sdk.CloudWatchLogsClient).send(
          new x.sdk.GetLogEventsCommand({
            logGroupName: log.group,
            logStreamName: log.stream,
            startFromHead: false,
            limit: 50,
          }),
          { abortSignal },
        ),
      { attempts: 3, kind: 'explain' },
    )
    if (out.ok) return tidyLogLines((out.value.events ?? []).map((e) => e.message))
  } catch (e) {
    x.notes.push(`${what} could not be read: ${describeError(e)}`)
  }
  return undefined
}
