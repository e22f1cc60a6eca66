// The mode-specific tables of the job summary: pipeline stages and actions, the declared pipeline and its
// diff, validation checks and bake rounds. Every value from AWS or inputs is escaped here.
import type {
  ActionRow,
  Check,
  CreatePipelineDetails,
  ExecutionReport,
  MonitorDetails,
  ValidateDetails,
} from '../result.js'
import { failedRows } from './alert.js'
import { hookAnswerOf } from './verdict.js'
import type { LinksOnce } from './links-once.js'
import { code, details, fence, html, link, md, table } from './markdown.js'
import { clockTime, formatDuration, formatValue, secondsBetween, truncate } from '../format.js'
import { shortSha, versionBesidesCommit } from '../commits.js'

/** Row and line budgets; halved until the whole summary fits GitHub's 1 MiB per-step limit. */
export interface SummaryLimits {
  rows: number
  diffLines: number
  logLines: number
  cell: number
  rounds: number
}

export const DEFAULT_LIMITS: SummaryLimits = {
  rows: 300,
  diffLines: 800,
  logLines: 40,
  cell: 1000,
  rounds: 120,
}

const LIMIT_NOTE = 'the job summary is limited to 1 MiB per step'

/** What the summary has said above a section: the addresses it linked, and the step's commit and version. */
export interface Said {
  links: LinksOnce
  /** The reason, as the Why line shows it. */
  reason: string
  commit?: string
  /** The Version the summary shows (none when it is just the commit). */
  version?: string
}

export function cut(text: string, limits: SummaryLimits): string {
  return md(truncate(text, limits.cell))
}

const statusIcons: Record<string, string> = {
  Succeeded: '✅',
  Failed: '❌',
  InProgress: '⏳',
  Stopping: '⏹️',
  Stopped: '⏹️',
  Cancelled: '⏹️',
  Superseded: '⏭️',
  Abandoned: '⏹️',
  Skipped: '⏭️',
  pass: '✅',
  fail: '❌',
  'no-data': '❔',
  unverified: '⚠️',
  skip: '➖',
}

/** Check statuses said in words where the word alone could be misread. */
const statusLabels: Record<string, string> = { unverified: 'not verified' }

export function statusCell(status: string, attempts?: number): string {
  if (status === '') return '—'
  const icon = statusIcons[status]
  return `${icon ? `${icon} ` : ''}${md(statusLabels[status] ?? status)}${retryNote(status, attempts)}`
}

/** A stage or action AWS ran again in the same execution (onFailure RETRY): never invisible. */
function retryNote(status: string, attempts: number | undefined): string {
  if (!attempts || attempts < 2) return ''
  return status === 'Succeeded' ? ` after a retry (attempt ${attempts})` : ` (attempt ${attempts})`
}

function moreRows(hidden: number, what: string): string[] {
  return hidden > 0 ? ['', `_… ${hidden} more ${what} not shown: ${LIMIT_NOTE}._`] : []
}

/**
 * The action's page and its log, unless the summary links them elsewhere (a Source action's page is the
 * commit). A row whose page is its log keeps only the log (execution-report.ts explainRow).
 */
function links(row: ActionRow, said: Said): string {
  return [said.links.linkOrNothing('details', row.url), said.links.linkOrNothing('logs', row.logUrl)]
    .filter(Boolean)
    .join(' · ')
}

function duration(row: ActionRow): string {
  return formatDuration(row.durationSeconds ?? secondsBetween(row.startedAt, row.endedAt)) ?? ''
}

export function executionSection(
  execution: ExecutionReport,
  limits: SummaryLimits,
  said: Said,
  heading = 'Execution',
): string[] {
  const out: string[] = [
    `### ${heading} ${said.links.link(execution.id, execution.url)} — ${statusCell(execution.status)}`,
    '',
  ]
  const when = whenLine(execution, said)
  if (when) out.push(when, '')
  if (execution.stages.length === 0) {
    out.push('_No stage progress was recorded for this execution._', '')
    return out
  }
  // "What failed" comes after the table but links first: a failed action's log belongs beside its error and tail.
  const failed = whatFailed(execution, limits, said)
  return [...out, ...stageTable(execution, limits, said), ...failed]
}

/** When it ran, and its commit and version where they are not the step's (the table above shows those). */
function whenLine(execution: ExecutionReport, said: Said): string {
  const version = versionBesidesCommit(execution.version, execution.commit)
  const commit = execution.commit && execution.commit !== said.commit ? execution.commit : undefined
  return [
    execution.startedAt ? `started ${clockTime(execution.startedAt)}` : '',
    execution.endedAt ? `ended ${clockTime(execution.endedAt)}` : '',
    formatDuration(secondsBetween(execution.startedAt, execution.endedAt)) ?? '',
    commit ? `commit ${code(shortSha(commit))}` : '',
    version && version !== said.version ? `version ${code(version)}` : '',
  ]
    .filter(Boolean)
    .join(' · ')
}

function stageTable(execution: ExecutionReport, limits: SummaryLimits, said: Said): string[] {
  const rows: string[][] = []
  for (const stage of execution.stages) {
    rows.push([
      `**${cut(stage.name, limits)}**`,
      '',
      statusCell(stage.status, stage.attempts),
      clockTime(stage.startedAt) ?? '',
      duration(stage),
      links(stage, said),
    ])
    for (const a of stage.actions) {
      rows.push([
        '',
        cut(a.name, limits),
        statusCell(a.status, a.attempts),
        clockTime(a.startedAt) ?? '',
        duration(a),
        links(a, said),
      ])
    }
  }
  const shown = rows.slice(0, limits.rows)
  return [
    table(['Stage', 'Action', 'Status', 'Started', 'Duration', 'Links'], shown),
    ...moreRows(rows.length - shown.length, 'rows'),
    '',
  ]
}

/** The failed actions: each one's error and log link (what the reason above does not say), and its log tail. */
function whatFailed(execution: ExecutionReport, limits: SummaryLimits, said: Said): string[] {
  const failed = failedRows(execution)
  const lines = failed.map((r) => failedLine(r, limits, said)).filter(Boolean)
  const tails = failed.filter((r) => r.logTail?.length)
  if (lines.length === 0 && tails.length === 0) return []
  const out: string[] = ['#### What failed', '']
  if (lines.length) out.push(...lines, '')
  for (const r of tails) {
    const tail = r.logTail!.slice(-limits.logLines).map((l) => truncate(l, limits.cell))
    const hidden = r.logTail!.length - tail.length
    const label = `Log tail of ${r.name || r.stage} (last ${tail.length} lines${hidden > 0 ? `; ${hidden} earlier lines not shown` : ''})`
    // Open: the log tail of the failed action is what the reader came for.
    out.push(details(html(label), fence(tail), true), '')
  }
  return out
}

/**
 * A failed action's error and log link, unless the Why line shows them: then nothing ('') — its tail follows.
 * The test is on the reason as shown (cut to 4000 characters, worded by each mode its own way), not a flag set
 * where it was worded: only the text tells what the reader has already read.
 */
function failedLine(r: ActionRow & { stage: string }, limits: SummaryLimits, said: Said): string {
  const error = r.error && !said.reason.includes(r.error) ? `: ${cut(r.error, limits)}` : ''
  const logs = said.links.linkOrNothing('logs', r.logUrl)
  if (!error && !logs) return ''
  const where = r.name ? `${r.stage} › ${r.name}` : r.stage
  return `- **${cut(where, limits)}**${error}${logs ? ` (${logs})` : ''}`
}

/**
 * Which execution was superseded, and by which the verdict is judged (monitor, create-pipeline with `wait`). A
 * timeout has no note: the headline says "timed out" and the reason when, and in which status and stage.
 */
function supersededNote(d: Pick<MonitorDetails, 'superseded' | 'execution'>, said: Said): string[] {
  const s = d.superseded
  if (!s) return []
  const rel = s.successorCommitRelation ? ` ${relationSentence(s.successorCommitRelation)}` : ''
  // Its commit only when it is not the step's (the table shows that); the successor named, not linked: its own
  // section, right below, links it.
  const commit = s.commit && s.commit !== said.commit ? ` (commit ${code(shortSha(s.commit))})` : ''
  const judge = d.execution ? link(d.execution.id, undefined) : 'its successor'
  return [
    `> ⏭️ Execution ${said.links.link(s.id, s.url)}${commit} was superseded; the verdict is judged by ${judge}.${rel}`,
    '',
  ]
}

/** The successor's commit against the followed one, in words (compare API status, or why it is unverified). */
export function relationSentence(relation: string): string {
  switch (relation) {
    case 'ahead':
      return 'The newer commit contains your commit (ahead).'
    case 'identical':
    case 'same-commit':
      return 'The newer execution runs your commit.'
    case 'behind':
      return 'The newer commit does not contain your commit (behind: it is older).'
    case 'diverged':
      return 'The newer commit does not contain your commit (diverged).'
    default: {
      const why = relation.replace(/^unverified: /, '')
      return `Whether the newer commit contains your commit is not verified: ${md(why)}.`
    }
  }
}

export function monitorSection(d: MonitorDetails, limits: SummaryLimits, said: Said): string[] {
  const out: string[] = supersededNote(d, said)
  if (d.execution) out.push(...executionSection(d.execution, limits, said))
  // Timed out before any execution of the commit appeared: the reason lists the latest ones, or says there are none.
  else if (!d.recentExecutions?.length) out.push(...(d.timedOut ? [] : ['_No execution was followed._', '']))
  else {
    out.push('### Recent executions', '', '_None of them ran this commit._', '')
    const rows = d.recentExecutions.map((e) => [
      code(e.id),
      statusCell(e.status),
      e.revision ? code(shortSha(e.revision)) : '',
      clockTime(e.startedAt) ?? '',
    ])
    const shown = rows.slice(0, limits.rows)
    out.push(
      table(['Execution', 'Status', 'Revision', 'Started'], shown),
      ...moreRows(rows.length - shown.length, 'executions'),
      '',
    )
  }
  return out
}

export function createPipelineSection(
  d: CreatePipelineDetails,
  limits: SummaryLimits,
  said: Said,
  failed = false,
): string[] {
  const version = d.pipelineVersion !== undefined ? ` (version ${d.pipelineVersion})` : ''
  const out: string[] = [
    `### Pipeline ${code(d.pipelineName)} — ${md(d.change ?? 'change not determined')}${version}`,
    '',
  ]
  if (d.stages.length) {
    const rows: string[][] = []
    for (const s of d.stages) {
      s.actions.forEach((a, i) =>
        rows.push([
          i === 0 ? `**${cut(s.name, limits)}**` : '',
          cut(a.name, limits),
          cut(a.provider, limits),
          String(a.runOrder),
        ]),
      )
      if (s.actions.length === 0) rows.push([`**${cut(s.name, limits)}**`, '', '', ''])
    }
    const shown = rows.slice(0, limits.rows)
    out.push(
      table(['Stage', 'Action', 'Provider', 'Run order'], shown),
      ...moreRows(rows.length - shown.length, 'rows'),
      '',
    )
  }
  if (d.diff.length) {
    const shown = d.diff.slice(0, limits.diffLines).map((l) => truncate(l, limits.cell))
    const title =
      d.change === 'planned'
        ? 'Planned changes (dry run: nothing was changed)'
        : failed && (d.change === undefined || d.change === 'unchanged')
          ? 'Changes that were not applied'
          : 'Changes'
    out.push(
      `#### ${title}`,
      '',
      fence(shown, 'diff'),
      ...moreRows(d.diff.length - shown.length, 'diff lines'),
      '',
    )
  } else if (d.change === 'unchanged' || d.change === 'planned') {
    out.push('_No changes: the pipeline already matches the declaration._', '')
  }
  if (d.notes.length) out.push('#### Notes', '', ...d.notes.map((n) => `- ${cut(n, limits)}`), '')
  if (d.execution) {
    out.push(...supersededNote(d, said))
    const adopted = d.adoptedExecution ? " (the new pipeline's own first execution, adopted)" : ''
    out.push(...executionSection(d.execution, limits, said, `Execution${adopted}`))
  }
  return out
}

function checkRows(checks: Check[], limits: SummaryLimits): string[][] {
  return checks.map((c) => [
    cut(c.name, limits),
    md(c.type),
    statusCell(c.status),
    md(formatValue(c.value)),
    md(formatValue(c.threshold)),
    cut(c.message, limits),
  ])
}

export function validateSection(d: ValidateDetails, limits: SummaryLimits): string[] {
  const out: string[] = [`### Checks on ${code(`${d.cluster}/${d.service}`)}`, '']
  if (d.checks.length === 0) out.push('_No check ran._', '')
  else {
    const rows = checkRows(d.checks, limits)
    const shown = rows.slice(0, limits.rows)
    out.push(
      table(['Check', 'Type', 'Status', 'Value', 'Threshold', 'Message'], shown),
      ...moreRows(rows.length - shown.length, 'checks'),
      '',
    )
  }
  if (d.unverified.length) {
    out.push('#### ⚠️ Not verified', '', ...d.unverified.map((u) => `- ${cut(u, limits)}`), '')
  }
  if (d.rounds?.length) {
    const breach = d.rounds.findIndex((r) => r.checks.some((c) => c.status === 'fail'))
    const span = `${clockTime(d.rounds[0]?.at)} → ${clockTime(d.rounds.at(-1)?.at)}`
    out.push(
      `#### Bake: ${d.rounds.length} round${d.rounds.length === 1 ? '' : 's'} (${span})${breach >= 0 ? `, first breach in round ${breach + 1}` : ', no breach'}`,
      '',
    )
    const rows = d.rounds.map((r, i) => {
      const failing = r.checks.filter((c) => c.status === 'fail')
      const noData = r.checks.filter((c) => c.status === 'no-data').length
      const unread = r.checks.filter((c) => c.status === 'unverified')
      const notes = [
        ...failing.map((c) => `${cut(c.name, limits)} = ${md(formatValue(c.value))}`),
        ...(unread.length
          ? [`${unread.map((c) => cut(c.name, limits)).join(', ')} not verified (could not be read)`]
          : []),
        ...(noData ? [`${noData} without data`] : []),
      ]
      return [
        String(i + 1),
        clockTime(r.at) ?? '',
        statusCell(failing.length ? 'fail' : unread.length ? 'unverified' : 'pass'),
        notes.join('; '),
      ]
    })
    // Keep the first rounds and the last ones (where a breach usually is) when there are too many.
    const half = Math.max(1, Math.floor(limits.rounds / 2))
    const shown =
      rows.length > limits.rounds
        ? [
            ...rows.slice(0, half),
            ['…', '', '', `${rows.length - 2 * half} rounds not shown: ${LIMIT_NOTE}`],
            ...rows.slice(-half),
          ]
        : rows
    out.push(table(['Round', 'At', 'Result', 'Failing checks'], shown), '')
  }
  if (d.rollback) {
    out.push(
      `#### Rollback (${md(d.rollback.mode)}): ${d.rollback.done ? '✅ done' : '❌ not done'}`,
      '',
      cut(d.rollback.message, limits),
      '',
    )
  }
  if (d.hook) {
    out.push(
      `#### Pause hook (${md(d.hook.mode)}): ${md(hookAnswerOf(d.hook))}`,
      '',
      cut(d.hook.message, limits),
      '',
    )
  }
  return out
}
