// The alert: one channel-neutral description of the verdict (what failed, with which values, and where to
// look), rendered to Slack Block Kit and to the SNS e-mail. Pure: built from the StepResult alone.
import type { NotifyOn, RunContext } from '../config/types.js'
import type { ActionRow, Check, ExecutionReport, StepResult, ValidateDetails } from '../result.js'
import { formatDuration, formatValue, oneLine, secondsBetween } from '../format.js'
import { shortSha, versionBesidesCommit } from '../commits.js'
import { LinksOnce } from './links-once.js'
import {
  executionOf,
  followOf,
  headlineOf,
  hookAnswerOf,
  isUnverifiedFailure,
  outcomeOf,
  targetOf,
  type Outcome,
} from './verdict.js'

export interface AlertLink {
  label: string
  url: string
}

/** One thing that went wrong: a failed action, a failing check, a timeout. */
export interface AlertProblem {
  title: string
  lines: string[]
  /** Last lines of a log, shown as code. */
  logTail?: string[]
  links: AlertLink[]
}

export interface Alert {
  outcome: Outcome
  /** The failure was not measured: something could not be read ("could not be verified", icon ⚠️). */
  notVerified?: boolean
  /** "Deployment pipeline failed" */
  headline: string
  /** "production · 1.4.2" */
  target: string
  reason: string
  facts: { label: string; value: string }[]
  problems: AlertProblem[]
  /** What was not verified: said plainly, never dressed up as success. */
  unverified: string[]
  links: AlertLink[]
}

/** Whether `notify-on` asks for an alert for this result. A cancelled run never alerts. */
export function shouldNotify(result: StepResult, notifyOn: NotifyOn): boolean {
  if (result.cancelled || notifyOn === 'never') return false
  return notifyOn === 'always' || result.verdict === 'failure'
}

const LOG_TAIL_LINES = 5

export function buildAlert(result: StepResult, run: Pick<RunContext, 'runUrl'>): Alert {
  const d = result.details
  const execution = executionOf(result)
  const reason = oneLine(result.reason)
  const found = d.kind === 'validate' ? validateProblems(d) : pipelineProblems(result, execution)
  const { problems, links } = eachLinkOnce(reason, found, linksOf(run, execution))
  return {
    outcome: outcomeOf(result),
    notVerified: isUnverifiedFailure(result) || undefined,
    headline: headlineOf(result),
    target: targetOf(result),
    reason,
    facts: factsOf(result, execution),
    problems,
    unverified: d.kind === 'validate' ? [...d.unverified] : [],
    links,
  }
}

/**
 * Each address once in a message: a problem leaves out what the reason already shows (a failed build's reason
 * carries its log), the footer what the reason or a problem shows.
 */
function eachLinkOnce(
  reason: string,
  problems: AlertProblem[],
  links: AlertLink[],
): { problems: AlertProblem[]; links: AlertLink[] } {
  const shown = new LinksOnce()
  shown.noteText(reason)
  const once = (l: AlertLink): boolean => shown.first(l.url)
  const kept = problems.map((p) => ({ ...p, links: p.links.filter(once) }))
  return { problems: kept, links: links.filter(once) }
}

/** What ran, where and for how long: one short line each. */
function factsOf(result: StepResult, execution: ExecutionReport | undefined): Alert['facts'] {
  const d = result.details
  const facts: Alert['facts'] = [{ label: 'Mode', value: result.mode }]
  if (result.pipelineName) facts.push({ label: 'Pipeline', value: result.pipelineName })
  if (d.kind === 'validate') facts.push({ label: 'Service', value: `${d.cluster}/${d.service}` })
  if (result.environment) facts.push({ label: 'Environment', value: result.environment })
  const version = versionBesidesCommit(result.version, result.commitSha)
  if (version) facts.push({ label: 'Version', value: version })
  if (result.commitSha) facts.push({ label: 'Commit', value: shortSha(result.commitSha) })
  if (execution)
    facts.push({
      label: 'Execution',
      value: execution.status ? `${execution.id} (${execution.status})` : execution.id,
    })
  const took = formatDuration(secondsBetween(result.startedAt, result.endedAt))
  if (took) facts.push({ label: 'Step duration', value: took })
  return facts
}

/** The failed checks (those of the round that breached, when the last round passed) and the rollback. */
function validateProblems(d: ValidateDetails): AlertProblem[] {
  const problems: AlertProblem[] = []
  for (const c of d.checks.filter((c) => c.status === 'fail')) problems.push(checkProblem(c))
  const breachRound = d.rounds?.find((r) => r.checks.some((c) => c.status === 'fail'))
  if (breachRound && d.checks.every((c) => c.status !== 'fail')) {
    for (const c of breachRound.checks.filter((c) => c.status === 'fail')) problems.push(checkProblem(c))
  }
  if (d.rollback) {
    problems.push({
      title: `Rollback (${d.rollback.mode}) ${d.rollback.done ? 'done' : 'not done'}`,
      lines: [oneLine(d.rollback.message)],
      links: [],
    })
  }
  if (d.hook) {
    problems.push({
      title: `Pause hook (${d.hook.mode}): ${hookAnswerOf(d.hook)}`,
      lines: [oneLine(d.hook.message)],
      links: [],
    })
  }
  return problems
}

/** What failed in the execution, which execution superseded the one followed, or which ran instead. */
function pipelineProblems(result: StepResult, execution: ExecutionReport | undefined): AlertProblem[] {
  const d = result.details
  if (d.kind === 'validate') return []
  const problems: AlertProblem[] = []
  const follow = followOf(d)
  if (execution && result.verdict === 'failure')
    problems.push(...executionProblems(execution, follow.timedOut))
  if (follow.superseded) {
    const s = follow.superseded
    problems.push({
      title: 'Superseded',
      lines: [
        `Execution ${s.id}${s.commit ? ` (commit ${shortSha(s.commit)})` : ''} was superseded` +
          (execution
            ? ` by ${execution.id}${execution.commit ? ` (commit ${shortSha(execution.commit)})` : ''}`
            : '') +
          (s.successorCommitRelation ? `; the newer commit is ${s.successorCommitRelation}.` : '.'),
      ],
      links: s.url ? [{ label: 'Superseded execution', url: s.url }] : [],
    })
  }
  if (d.kind === 'monitor' && !execution && d.recentExecutions?.length) {
    problems.push({
      title: 'Recent executions (none ran this commit)',
      lines: d.recentExecutions
        .slice(0, 5)
        .map((e) => `${e.id} ${e.status}${e.revision ? ` at ${shortSha(e.revision)}` : ''}`),
      links: [],
    })
  }
  return problems
}

function linksOf(run: Pick<RunContext, 'runUrl'>, execution: ExecutionReport | undefined): AlertLink[] {
  const links: AlertLink[] = []
  if (run.runUrl) links.push({ label: 'Workflow run', url: run.runUrl })
  if (execution?.url) links.push({ label: 'Execution', url: execution.url })
  const failed = execution && failedRows(execution)[0]
  if (failed?.logUrl) links.push({ label: 'Logs', url: failed.logUrl })
  return links
}

function checkProblem(c: Check): AlertProblem {
  const values =
    c.value !== undefined || c.threshold !== undefined
      ? `value ${formatValue(c.value)}, threshold ${formatValue(c.threshold)}`
      : undefined
  return {
    title: `${c.name} (${c.type})`,
    lines: [values, oneLine(c.message)].filter((l): l is string => !!l),
    links: [],
  }
}

/** The failed stage's failed actions (or the named failed action), with errors, log tails and links. */
export function failedRows(execution: ExecutionReport): (ActionRow & { stage: string })[] {
  const out: (ActionRow & { stage: string })[] = []
  for (const stage of execution.stages) {
    const isFailedStage = stage.name === execution.failedStage || /Failed|Stopped/.test(stage.status)
    if (!isFailedStage) continue
    const actions = stage.actions.filter(
      (a) =>
        a.name === execution.failedAction || a.status === 'Failed' || (a.error && a.status !== 'Succeeded'),
    )
    if (actions.length === 0) out.push({ ...stage, stage: stage.name, name: '' })
    for (const a of actions) out.push({ ...a, stage: stage.name })
  }
  return out
}

function executionProblems(execution: ExecutionReport, timedOut: boolean | undefined): AlertProblem[] {
  const problems: AlertProblem[] = failedRows(execution).map((row) => {
    const links: AlertLink[] = []
    if (row.url) links.push({ label: 'Details', url: row.url })
    if (row.logUrl) links.push({ label: 'Logs', url: row.logUrl })
    return {
      title: row.name
        ? `Stage ${row.stage} › ${row.name}: ${row.status}`
        : `Stage ${row.stage}: ${row.status}`,
      lines: row.error ? [oneLine(row.error)] : [],
      logTail: row.logTail?.slice(-LOG_TAIL_LINES),
      links,
    }
  })
  if (timedOut) {
    const running = execution.stages.filter((s) => s.status === 'InProgress').map((s) => s.name)
    problems.push({
      title: 'Timed out',
      lines: [
        `Stopped waiting while the execution was ${execution.status}` +
          (running.length ? ` in stage ${running.join(', ')}.` : '.'),
      ],
      links: [],
    })
  }
  if (problems.length === 0 && execution.failedStage) {
    problems.push({
      title: `Stage ${execution.failedStage}${execution.failedAction ? ` › ${execution.failedAction}` : ''}`,
      lines: [],
      links: [],
    })
  }
  return problems
}
