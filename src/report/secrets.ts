// Secrets (Slack webhook URL, bot token, GitHub token) must never appear in anything the step writes:
// logs, summary, outputs, the report JSON or alert payloads. Reports never put them there on purpose; this
// redactor is the second line of defence for text that comes from elsewhere (an HTTP client's error message
// that quotes the request path, an echo from a server).
import type { Config } from '../config.js'

export type Redactor = (text: string) => string

/** Every form a secret can take in text: plain, URL-encoded (both flavours) and JSON-escaped. */
export function secretForms(secret: string): string[] {
  const forms = new Set([
    secret,
    encodeURIComponent(secret),
    encodeURI(secret),
    JSON.stringify(secret).slice(1, -1),
    JSON.stringify(JSON.stringify(secret)).slice(3, -3),
  ])
  return [...forms].filter((f) => f.length >= 6).sort((a, b) => b.length - a.length)
}

export function secretsOf(config: Pick<Config, 'reporting'>): string[] {
  const { slack, githubToken } = config.reporting
  const out: string[] = []
  if (slack?.kind === 'webhook') {
    out.push(slack.url)
    // The path alone (T…/B…/token) is as secret as the whole URL.
    const path = new URL(slack.url).pathname
    if (path.length > 12) out.push(path)
  }
  if (slack?.kind === 'bot') out.push(slack.token)
  if (githubToken) out.push(githubToken)
  return out.filter((s) => s.length >= 6)
}

export function createRedactor(secrets: string[]): Redactor {
  const forms = [...new Set(secrets.flatMap(secretForms))].sort((a, b) => b.length - a.length)
  if (forms.length === 0) return (text) => text
  return (text) => {
    let out = text
    for (const f of forms) out = out.split(f).join('***')
    return out
  }
}
