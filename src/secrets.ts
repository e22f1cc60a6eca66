// Secrets must never appear in anything the step writes: logs (debug included), summary, outputs, the report
// JSON or alert payloads. Reports never put them there on purpose; this redactor is the net for text that comes
// from elsewhere (an HTTP client's error that quotes the request path or its headers, an echo from a server, a
// stack trace). It is built once, in main, and every way out uses it (src/door.ts).
import type { Config } from './config/types.js'
import { Inputs, type InputName } from './inputs.js'

export type Redactor = (text: string) => string

const MASK = '***'
/** Shorter strings would redact ordinary words; every secret the action knows is far longer. */
const MIN_FORM_LENGTH = 6

/**
 * Every form a secret can take in text: plain, URL-encoded (both flavours), JSON-escaped (once and twice), and
 * base64 (standard and URL-safe) at each of the three byte alignments it can have inside a longer encoded text.
 */
export function secretForms(secret: string): string[] {
  const forms = new Set([
    secret,
    encodeURIComponent(secret),
    encodeURI(secret),
    JSON.stringify(secret).slice(1, -1),
    JSON.stringify(JSON.stringify(secret)).slice(3, -3),
    ...base64Forms(secret),
  ])
  return [...forms].filter((f) => f.length >= MIN_FORM_LENGTH).sort((a, b) => b.length - a.length)
}

/**
 * Base64 of the secret as it appears inside any longer base64 text: for each alignment (the secret starting at
 * byte 0, 1 or 2 of a 3-byte group), the characters that depend on the secret's bytes alone.
 */
function base64Forms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8')
  const out: string[] = []
  for (let skip = 0; skip < 3; skip++) {
    const aligned = bytes.subarray(skip)
    const whole = aligned.subarray(0, aligned.length - (aligned.length % 3))
    if (whole.length === 0) continue
    out.push(whole.toString('base64'), whole.toString('base64url'))
  }
  return out
}

/** Environment variables whose values are credentials even though the action never takes them as inputs. */
const SECRET_ENV = [
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
]

/** A secret and where it comes from: the input or the environment variable that holds it. */
export interface NamedSecret {
  from: string
  value: string
}

/** The secrets of this step: the reporting inputs, and the credentials in the environment. */
export function secretsOf(config: Pick<Config, 'reporting'>, env: NodeJS.ProcessEnv = {}): string[] {
  return namedSecretsOf(config, env).map((s) => s.value)
}

/** secretsOf, each with the input or environment variable it comes from (for errors that name it). */
export function namedSecretsOf(
  config: Pick<Config, 'reporting'>,
  env: NodeJS.ProcessEnv = {},
): NamedSecret[] {
  const { slack, githubToken } = config.reporting
  return namedSecretValues(
    {
      webhookUrl: slack?.kind === 'webhook' ? slack.url : undefined,
      botToken: slack?.kind === 'bot' ? slack.token : undefined,
      githubToken,
    },
    env,
  )
}

/**
 * The secret inputs as given, before they are validated: a run stopped by bad inputs reports its errors
 * without them too (an error may quote another input's value that carries one).
 */
export function secretsOfInputs(
  valueOf: (input: InputName) => string,
  env: NodeJS.ProcessEnv = {},
): string[] {
  const given = {
    webhookUrl: valueOf(Inputs.SlackWebhookUrl),
    botToken: valueOf(Inputs.SlackBotToken),
    githubToken: valueOf(Inputs.GithubToken),
  }
  return namedSecretValues(given, env).map((s) => s.value)
}

function namedSecretValues(
  given: { webhookUrl?: string; botToken?: string; githubToken?: string },
  env: NodeJS.ProcessEnv,
): NamedSecret[] {
  const out: NamedSecret[] = []
  if (given.webhookUrl) {
    out.push({ from: Inputs.SlackWebhookUrl, value: given.webhookUrl })
    // The path alone (T…/B…/token) is as secret as the whole URL.
    const path = URL.canParse(given.webhookUrl) ? new URL(given.webhookUrl).pathname : ''
    if (path.length > 12) out.push({ from: Inputs.SlackWebhookUrl, value: path })
  }
  if (given.botToken) out.push({ from: Inputs.SlackBotToken, value: given.botToken })
  if (given.githubToken) out.push({ from: Inputs.GithubToken, value: given.githubToken })
  for (const name of SECRET_ENV) out.push({ from: name, value: env[name] ?? '' })
  return out.filter((s) => s.value.length >= MIN_FORM_LENGTH)
}

/** The first secret found in `text`, in any form the redactor masks (plain, URL-encoded, base64, …). */
export function secretIn(text: string, secrets: NamedSecret[]): NamedSecret | undefined {
  return secrets.find((s) => secretForms(s.value).some((form) => text.includes(form)))
}

/**
 * Request-signing material in any text: the SigV4 `Authorization` header (credential scope and signature), a
 * presigned URL's `X-Amz-Signature`/`X-Amz-Credential`, session tokens, and bearer tokens in headers. These are
 * not configured secrets (they change per request) but a dumped request carries them.
 */
const SIGNING: [RegExp, string][] = [
  [/(AWS4-HMAC-SHA256)[^\r\n"'\\]*/g, `$1 ${MASK}`],
  [/(X-Amz-(?:Security-Token|Signature|Credential)["']?\s*[:=]\s*["']?)[^\s"'&,;\\}]+/gi, `$1${MASK}`],
  [/(\bSignature=)[^\s"'&,;\\}]+/g, `$1${MASK}`],
  [/(\b(?:authorization|x-amz-security-token)["']?\s*[:=]\s*["']?)[^\r\n"'\\]+/gi, `$1${MASK}`],
  [/\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, MASK],
]

export function createRedactor(secrets: string[]): Redactor {
  const forms = [...new Set(secrets.flatMap(secretForms))].sort((a, b) => b.length - a.length)
  return (text) => {
    let out = text
    for (const f of forms) out = out.split(f).join(MASK)
    for (const [pattern, replacement] of SIGNING) out = out.replace(pattern, replacement)
    return out
  }
}
