// The job summary: a heading with the verdict, what ran, the one-sentence reason, the mode's table, and where
// the alerts and the commit status went. Within GitHub's 1 MiB per-step limit.
import type { RunContext } from '../config/types.js'
import type { StepResult } from '../result.js'
import { code, md, table } from './markdown.js'
import {
  createPipelineSection,
  cut,
  DEFAULT_LIMITS,
  monitorSection,
  validateSection,
  type Said,
  type SummaryLimits,
} from './summary-sections.js'
import { LinksOnce } from './links-once.js'
import { formatDuration, secondsBetween, truncate } from '../format.js'
import { shortSha, versionBesidesCommit } from '../commits.js'
import { headlineOf, iconOf, outcomeOf, targetOf } from './verdict.js'

export { md } from './markdown.js'

/** GitHub rejects a step summary above 1 MiB (1,048,576 bytes); keep a margin for other writers. */
export const SUMMARY_MAX_BYTES = 1_000_000

/** One line per delivery channel: what happened to the alert and the commit status. */
export interface DeliveryLine {
  channel: string
  ok: boolean
  text: string
}

export interface SummaryContext {
  run?: Pick<RunContext, 'serverUrl' | 'repository' | 'runUrl'>
  deliveries?: DeliveryLine[]
  /**
   * Set when fail-on-alert-error fails the step because an alert was not delivered: the verdict stands, but
   * the top of the summary must say the step failed, and why.
   */
  alertFailure?: string
}

export function renderSummary(result: StepResult, context: SummaryContext = {}): string {
  let limits: SummaryLimits = DEFAULT_LIMITS
  for (let i = 0; i < 8; i++) {
    const text = render(result, context, limits)
    if (Buffer.byteLength(text) <= SUMMARY_MAX_BYTES) return text
    limits = {
      rows: Math.floor(limits.rows / 2),
      diffLines: Math.floor(limits.diffLines / 2),
      logLines: Math.floor(limits.logLines / 2),
      cell: Math.max(80, Math.floor(limits.cell / 2)),
      rounds: Math.max(2, Math.floor(limits.rounds / 2)),
    }
  }
  // Still too big (thousands of warnings?): cut hard, and say so.
  const text = render(result, context, limits)
  const note = '\n\n_… the rest of this summary was cut: the job summary is limited to 1 MiB per step._\n'
  let cutText = text.slice(0, SUMMARY_MAX_BYTES - note.length)
  while (Buffer.byteLength(cutText) > SUMMARY_MAX_BYTES - note.length) cutText = cutText.slice(0, -1000)
  return cutText + note
}

function render(result: StepResult, context: SummaryContext, limits: SummaryLimits): string {
  const outcome = outcomeOf(result)
  const target = targetOf(result)
  const reasonText = truncate(result.reason, 4000)
  const said: Said = {
    links: new LinksOnce(),
    reason: reasonText,
    commit: result.commitSha,
    version: versionBesidesCommit(result.version, result.commitSha),
  }
  const lines: string[] = [
    `## ${iconOf(result)} ${md(headlineOf(result))}${target ? `: ${md(target)}` : ''}`,
    '',
  ]
  if (context.alertFailure)
    lines.push(
      `> ❌ **This step failed** because the alert could not be delivered (fail-on-alert-error: true): ${cut(context.alertFailure, limits)}. ${outcome === 'cancelled' ? 'The run was cancelled.' : `The verdict is unchanged: ${outcome}.`}`,
      '',
    )
  // The reason links what it names (a failed build's log): the first place a reader looks, so it keeps them.
  said.links.noteText(reasonText)
  const reason = md(reasonText)
  lines.push(
    `**${outcome === 'success' ? 'Result' : outcome === 'cancelled' ? 'Cancelled' : 'Why'}:** ${reason}`,
    '',
  )
  lines.push(...whatRan(result, context, said), '')

  const d = result.details
  if (d.kind === 'monitor') lines.push(...monitorSection(d, limits, said))
  else if (d.kind === 'create-pipeline')
    lines.push(...createPipelineSection(d, limits, said, result.verdict === 'failure'))
  else if (d.services?.length)
    // Several services: a section each, as a single service's.
    for (const one of d.services) lines.push(...validateSection({ kind: 'validate', ...one }, limits))
  else lines.push(...validateSection(d, limits))

  if (result.warnings.length) {
    const shown = result.warnings.slice(0, limits.rows)
    lines.push('#### Warnings', '', ...shown.map((w) => `- ⚠️ ${cut(w, limits)}`))
    if (result.warnings.length > shown.length)
      lines.push(`- _… ${result.warnings.length - shown.length} more not shown_`)
    lines.push('')
  }
  if (context.deliveries?.length) {
    lines.push(
      '#### Notifications',
      '',
      ...context.deliveries.map(
        (l) => `- ${l.ok ? '✅' : '⚠️'} ${md(l.channel)}: ${withCode(l.text, limits)}`,
      ),
      '',
    )
  }
  if (context.run?.runUrl) lines.push(`<sub>${said.links.link('Workflow run', context.run.runUrl)}</sub>`, '')
  return lines.join('\n')
}

function whatRan(result: StepResult, context: SummaryContext, said: Said): string[] {
  const commitUrl =
    result.commitSha && context.run?.repository
      ? `${context.run.serverUrl}/${context.run.repository}/commit/${result.commitSha}`
      : undefined
  const cells: [string, string][] = [['Mode', code(result.mode)]]
  if (result.pipelineName) cells.push(['Pipeline', code(result.pipelineName)])
  if (result.details.kind === 'validate')
    cells.push(['Service', code(`${result.details.cluster}/${result.details.service}`)])
  if (result.environment) cells.push(['Environment', md(truncate(result.environment, 200))])
  if (said.version) cells.push(['Version', code(truncate(said.version, 200))])
  if (result.commitSha)
    cells.push([
      'Commit',
      commitUrl ? said.links.link(shortSha(result.commitSha), commitUrl) : code(shortSha(result.commitSha)),
    ])
  cells.push(['Region', md(result.region)])
  const took = formatDuration(secondsBetween(result.startedAt, result.endedAt))
  if (took) cells.push(['Step duration', took])
  return [
    table(
      cells.map(([k]) => k),
      [cells.map(([, v]) => v)],
    ),
  ]
}

/** Delivery text with `inline code` spans kept as code (the permissions fix), everything else escaped. */
function withCode(text: string, limits: SummaryLimits): string {
  const parts = truncate(text, limits.cell).split(/`([^`\n]+)`/)
  return parts.map((p, i) => (i % 2 === 1 ? code(p) : md(p))).join('')
}
