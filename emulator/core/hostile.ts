// Hostile text: with `hostileText` set, every free-text field of every answer — AWS's names, messages, reasons,
// summaries, log lines, configuration values, error messages, and Slack's and GitHub's error bodies — carries
// that text, as if whoever controls a buildspec, a pipeline or an upstream service wrote it. For testing that a
// client never lets such text become a workflow command, HTML, a chat mention or a crash. Identifiers (ARNs, ids,
// tokens, statuses, enums, timestamps) are left alone so that the client still works.

/** Keys whose string values are free text an outsider can influence. */
const FREE_TEXT = new Set([
  'message',
  'summary',
  'statusSummary',
  'revisionSummary',
  'externalExecutionSummary',
  'statusReason',
  'stoppedReason',
  'reason',
  'rolloutStateReason',
  'stateReason',
  'StateReason',
  'triggerDetail',
  'name',
  'stageName',
  'actionName',
  'deepLink',
  'description',
  'error',
  'Message',
  'Subject',
])

/** A copy of `value` with `text` appended to every free-text string (and every value of a `configuration` map). */
export function taint(value: unknown, text: string, key?: string): unknown {
  if (Array.isArray(value)) return value.map((v) => taint(v, text, key))
  if (value instanceof Date || value === null || typeof value !== 'object') {
    return typeof value === 'string' && key !== undefined && isFreeText(key) ? `${value}${text}` : value
  }
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) {
    out[k] =
      k === 'configuration' && v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v).map(([ck, cv]) => [ck, typeof cv === 'string' ? `${cv}${text}` : cv]),
          )
        : taint(v, text, k)
  }
  return out
}

function isFreeText(key: string): boolean {
  return FREE_TEXT.has(key)
}

/** A JSON or plain-text body with the text added (error bodies of Slack and GitHub). */
export function taintBody(body: string, text: string): string {
  try {
    return JSON.stringify(taint(JSON.parse(body), text))
  } catch {
    return `${body}${text}`
  }
}
