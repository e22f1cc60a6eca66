// Alert → Slack Block Kit message, within Block Kit's limits (reference §6.3): ≤50 blocks, header ≤150
// characters, section text ≤3000, ≤10 fields of ≤2000, and well under the ~13 k aggregate where Slack starts
// answering msg_blocks_too_long.
import type { Alert, AlertLink } from './alert.js'
import { truncate } from '../format.js'
import { safeUrl } from './markdown.js'
import { outcomeIcon, UNVERIFIED_ICON } from './verdict.js'

export interface SlackMessage {
  text: string
  blocks: Block[]
  unfurl_links: false
  unfurl_media: false
}

type Text = { type: 'mrkdwn' | 'plain_text'; text: string; emoji?: boolean }
export type Block =
  | { type: 'header'; text: Text }
  | { type: 'section'; text?: Text; fields?: Text[] }
  | { type: 'context'; elements: Text[] }
  | { type: 'divider' }

export const SLACK_LIMITS = {
  blocks: 50,
  headerText: 150,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  contextElements: 10,
  /** Total text across blocks: Slack rejects messages near 13.2 k even under the per-block limits. */
  aggregateText: 11_000,
  problems: 8,
} as const

/** Slack mrkdwn control characters: `&`, `<`, `>` (so AWS text can never form a link or @channel). */
export function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** Only http(s) addresses become links (as in the summary: safeUrl); any other scheme leaves the label alone. */
function slackLink({ label, url }: AlertLink): string {
  const text = slackEscape(label).replace(/\|/g, '¦')
  const target = safeUrl(url)
  return target ? `<${target}|${text}>` : text
}

function mrkdwn(text: string, max: number = SLACK_LIMITS.sectionText): Text {
  return { type: 'mrkdwn', text: truncate(text, max) }
}

/** A code block whose content cannot close it early. */
function codeBlock(lines: string[]): string {
  return '```\n' + lines.map((l) => slackEscape(l).replace(/```/g, '`\u200b``')).join('\n') + '\n```'
}

export function renderSlackMessage(alert: Alert): SlackMessage {
  const icon = alert.notVerified ? UNVERIFIED_ICON : outcomeIcon[alert.outcome]
  const title = `${icon} ${alert.headline}${alert.target ? `: ${alert.target}` : ''}`
  const blocks: Block[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: truncate(title, SLACK_LIMITS.headerText), emoji: true },
    },
    {
      type: 'section',
      text: mrkdwn(slackEscape(alert.reason)),
      fields: alert.facts
        .slice(0, SLACK_LIMITS.fields)
        .map((f) => mrkdwn(`*${slackEscape(f.label)}*\n${slackEscape(f.value)}`, SLACK_LIMITS.fieldText)),
    },
  ]
  let budget = SLACK_LIMITS.aggregateText - textLength(blocks)
  const shown = alert.problems.slice(0, SLACK_LIMITS.problems)
  for (const p of shown) {
    if (budget < 200) break
    const parts = [`*${slackEscape(p.title)}*`, ...p.lines.map(slackEscape)]
    if (p.logTail?.length) parts.push(codeBlock(p.logTail))
    if (p.links.length) parts.push(p.links.map(slackLink).join(' · '))
    const text = truncate(parts.join('\n'), Math.min(SLACK_LIMITS.sectionText, budget))
    budget -= text.length
    blocks.push({ type: 'section', text: mrkdwn(text) })
  }
  const hidden = alert.problems.length - (blocks.length - 2)
  if (hidden > 0)
    blocks.push({ type: 'context', elements: [mrkdwn(`…and ${hidden} more in the job summary`)] })
  if (alert.unverified.length > 0) {
    const text = [
      '⚠️ *Not verified*',
      ...alert.unverified.slice(0, 10).map((u) => `• ${slackEscape(u)}`),
    ].join('\n')
    blocks.push({ type: 'section', text: mrkdwn(truncate(text, Math.max(200, Math.min(budget, 2000)))) })
  }
  if (alert.links.length > 0) {
    blocks.push({
      type: 'context',
      elements: [mrkdwn(alert.links.slice(0, SLACK_LIMITS.contextElements).map(slackLink).join('  ·  '))],
    })
  }
  return {
    // The notification text (and what screen readers and old clients show).
    text: truncate(`${title} — ${slackEscape(alert.reason)}`, 1000),
    blocks: blocks.slice(0, SLACK_LIMITS.blocks),
    unfurl_links: false,
    unfurl_media: false,
  }
}

function textLength(blocks: Block[]): number {
  let n = 0
  for (const b of blocks) {
    if ('text' in b && b.text) n += b.text.text.length
    if ('fields' in b && b.fields) for (const f of b.fields) n += f.text.length
    if ('elements' in b) for (const e of b.elements) n += e.text.length
  }
  return n
}
