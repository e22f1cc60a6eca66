// The HTTP layer of alert delivery, injectable so tests can count and script requests.
//
// Why @actions/http-client and not fetch: it honours HTTPS_PROXY / NO_PROXY the way every other call of this
// action does (self-hosted runners behind a proxy), while Node's fetch ignores those variables unless the
// runner opts in with NODE_USE_ENV_PROXY. Its own retries are off (it never retries POST anyway): delivery
// retries are ours, bounded and honouring Retry-After (see retry.ts). Its `readBody` is not used: it waits for
// an `end` that never comes when the connection is reset mid-body, so a reset would hang until the deadline.
import type { IncomingMessage } from 'node:http'

export interface HttpAnswer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

export type HttpPost = (url: string, body: string, headers: Record<string, string>) => Promise<HttpAnswer>

/** Seconds a single request may take before it counts as failed. */
const REQUEST_TIMEOUT_MS = 10_000

/**
 * The status line and headers arrived, then the connection broke before the body was complete: the request may
 * have been acted on, its answer is unknown.
 */
export class AnswerCutError extends Error {
  override readonly name = 'AnswerCutError'
  constructor(
    readonly status: number,
    readonly headers: HttpAnswer['headers'],
    readonly code: string,
  ) {
    super(`the connection broke before the answer was complete (HTTP ${status}, ${code})`)
  }
}

export function actionsHttpPost(userAgent: string, timeoutMs = REQUEST_TIMEOUT_MS): HttpPost {
  let client: import('@actions/http-client').HttpClient | undefined
  return async (url, body, headers) => {
    if (!client) {
      const { HttpClient } = await import('@actions/http-client')
      client = new HttpClient(userAgent, undefined, {
        socketTimeout: timeoutMs,
        allowRetries: false,
        allowRedirects: false,
      })
    }
    const res = await client.post(url, body, headers)
    const status = res.message.statusCode ?? 0
    return { status, headers: res.message.headers, body: await readAll(res.message, status) }
  }
}

/** The whole body, or an AnswerCutError when the connection breaks (reset, abort) before its end. */
export function readAll(message: IncomingMessage, status: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let settled = false
    const cut = (code: string) => {
      if (settled) return
      settled = true
      reject(new AnswerCutError(status, message.headers, code))
    }
    message.on('data', (chunk: Buffer) => chunks.push(chunk))
    message.on('end', () => {
      if (settled) return
      settled = true
      resolve(Buffer.concat(chunks).toString('utf8'))
    })
    message.on('aborted', () => cut('ECONNRESET'))
    message.on('error', (e: NodeJS.ErrnoException) => cut(e.code ?? 'ECONNRESET'))
    message.on('close', () => {
      if (!message.complete) cut('ECONNRESET')
    })
  })
}

export function headerValue(headers: HttpAnswer['headers'], name: string): string | undefined {
  const v = headers[name.toLowerCase()]
  return Array.isArray(v) ? v[0] : v
}

/** The media type of an answer (`text/html`), lowercased, without parameters; '' when none was sent. */
export function mediaType(headers: HttpAnswer['headers']): string {
  return ((headerValue(headers, 'content-type') ?? '').split(';')[0] ?? '').trim().toLowerCase().slice(0, 60)
}

/** Whether an answer is a web page (a proxy's error page, a captive portal) rather than an API's answer. */
export function isHtml(answer: Pick<HttpAnswer, 'headers' | 'body'>): boolean {
  const type = mediaType(answer.headers)
  return (
    type === 'text/html' ||
    type === 'application/xhtml+xml' ||
    /^\s*<(!doctype|html|head|body)\b/i.test(answer.body)
  )
}

/**
 * A short, safe quote of untrusted text: one line of at most `max` characters made only of letters, digits,
 * spaces and plain punctuation — no control characters, no quotes, no `<`, `>`, `&`, `@` or `!` (so never
 * HTML, a Slack mention like `<!channel>` or `@here`, nor Markdown code). '' when nothing readable is left.
 */
export function excerpt(text: string, max = 80): string {
  const line = text
    .slice(0, 4 * max)
    .replace(/[^\p{L}\p{N} .,:;()/=+?_-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return line.length > max ? `${line.slice(0, max - 1)}…` : line
}

/**
 * `HTTP 200, text/html` or `HTTP 200, text/plain: "excerpt"`: what answered, for a sentence that says it was not
 * the service's answer. A page is never quoted, only named by its status and media type.
 */
export function answerShape(answer: HttpAnswer): string {
  const type = mediaType(answer.headers)
  const parts = [`HTTP ${answer.status}`]
  // Only plain text is quoted: a page never, and cut JSON tells a reader nothing.
  const plain = type === '' || (type.startsWith('text/') && !isHtml(answer))
  const quote = plain && !isHtml(answer) ? excerpt(answer.body) : ''
  if (type && quote) parts.push(`${type}: "${quote}"`)
  else if (type) parts.push(type)
  else if (quote) parts.push(`"${quote}"`)
  if (answer.body.trim() === '') parts.push('empty body')
  return parts.join(', ')
}
