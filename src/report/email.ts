// Alert → the SNS e-mail: a subject SNS accepts (≤100 printable ASCII characters, no line breaks) and a
// plain-text body well under SNS's 256 KB message limit.
import type { Alert } from './alert.js'
import { printableAscii, wholeCharacters } from '../format.js'

export const SNS_LIMITS = { subject: 100, messageBytes: 256 * 1024, bodyBytes: 200 * 1024 } as const

export interface Email {
  subject: string
  body: string
}

const tag = { success: 'OK', failure: 'FAILED', cancelled: 'CANCELLED' } as const

export function renderEmail(alert: Alert): Email {
  const target = alert.target.replace(/ · /g, ' ')
  const full = printableAscii(
    `[${alert.notVerified ? 'NOT VERIFIED' : tag[alert.outcome]}] ${alert.headline}${target ? `: ${target}` : ''}`,
  )
  const subject =
    full.length <= SNS_LIMITS.subject ? full : `${full.slice(0, SNS_LIMITS.subject - 3).trimEnd()}...`
  const lines: string[] = [
    `${alert.headline}${alert.target ? `: ${alert.target}` : ''}`,
    '',
    alert.reason,
    '',
  ]
  const width = Math.max(...alert.facts.map((f) => f.label.length))
  for (const f of alert.facts) lines.push(`${(f.label + ':').padEnd(width + 2)}${f.value}`)
  if (alert.problems.length > 0) {
    lines.push('', 'What failed', '-----------')
    for (const p of alert.problems) {
      lines.push(`* ${p.title}`)
      for (const l of p.lines) lines.push(`  ${l}`)
      if (p.logTail?.length) lines.push('  Log (last lines):', ...p.logTail.map((l) => `    ${l}`))
      for (const link of p.links) lines.push(`  ${link.label}: ${link.url}`)
    }
  }
  if (alert.unverified.length > 0) {
    lines.push('', 'Not verified', '------------', ...alert.unverified.map((u) => `* ${u}`))
  }
  if (alert.links.length > 0) {
    lines.push('', 'Links', '-----', ...alert.links.map((l) => `${l.label}: ${l.url}`))
  }
  return { subject, body: boundBytes(lines.join('\n') + '\n', SNS_LIMITS.bodyBytes) }
}

function boundBytes(text: string, max: number): string {
  if (Buffer.byteLength(text) <= max) return text
  const note = '\n[… message cut to stay within the SNS size limit; see the job summary]\n'
  let cut = wholeCharacters(text, max - note.length)
  while (Buffer.byteLength(cut) > max - Buffer.byteLength(note)) cut = wholeCharacters(cut, cut.length - 100)
  return cut + note
}
