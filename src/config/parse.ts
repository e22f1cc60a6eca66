// Pure parsers for single input values. Each throws InputError naming the input, quoting what was given
// and saying what is accepted. Secrets never reach these error messages (see config.ts).
import { InputError } from './input-error.js'

/** The given value as it appears in an error message: quoted, and cut short when long. */
export function shown(value: string): string {
  const oneLine = value.replace(/\s+/g, ' ')
  return JSON.stringify(oneLine.length > 80 ? `${oneLine.slice(0, 77)}...` : oneLine)
}

export function parseEnum<T extends string>(
  input: string,
  value: string,
  allowed: readonly T[],
  opts: { caseInsensitive?: boolean } = {},
): T {
  const found = allowed.find((a) =>
    opts.caseInsensitive ? a.toLowerCase() === value.toLowerCase() : a === value,
  )
  if (found === undefined) {
    throw new InputError(input, `got ${shown(value)}; accepted: ${allowed.map((a) => `"${a}"`).join(', ')}.`)
  }
  return found
}

const TRUE = ['true', 'True', 'TRUE']
const FALSE = ['false', 'False', 'FALSE']

/** Booleans as the YAML 1.2 core schema (and @actions/core's getBooleanInput) spell them. */
export function parseBoolean(input: string, value: string): boolean {
  if (TRUE.includes(value)) return true
  if (FALSE.includes(value)) return false
  throw new InputError(input, `got ${shown(value)}; accepted: "true" or "false".`)
}

const DECIMAL = /^\d+(\.\d+)?$|^\.\d+$/

/** A number > 0; decimals allowed unless `integer`. */
export function parsePositive(
  input: string,
  value: string,
  opts: { integer?: boolean; max?: number } = {},
): number {
  const what = opts.integer
    ? 'a whole number greater than 0'
    : 'a number greater than 0 (decimals allowed, e.g. 0.5)'
  const n = Number(value)
  if (!DECIMAL.test(value) || !Number.isFinite(n) || n <= 0 || (opts.integer && !Number.isInteger(n))) {
    throw new InputError(input, `got ${shown(value)}; accepted: ${what}.`)
  }
  if (opts.max !== undefined && n > opts.max) {
    throw new InputError(input, `got ${shown(value)}; accepted: ${what}, at most ${opts.max}.`)
  }
  return n
}

/** A number ≥ 0; decimals allowed. */
export function parseNonNegative(input: string, value: string): number {
  const n = Number(value)
  if (!DECIMAL.test(value) || !Number.isFinite(n)) {
    throw new InputError(input, `got ${shown(value)}; accepted: a number of 0 or more (decimals allowed).`)
  }
  return n
}

/** A rate in (0, 1]: 0.01 means 1 %. */
export function parseRate(input: string, value: string): number {
  const n = Number(value)
  if (!DECIMAL.test(value) || !(n > 0 && n <= 1)) {
    throw new InputError(
      input,
      `got ${shown(value)}; accepted: a fraction greater than 0 and at most 1 (0.01 = 1 %).`,
    )
  }
  return n
}

const PARTITION = 'arn:aws(?:-[a-z]+)*'
const ACCOUNT = '\\d{12}'
// Two to four letters: us-east-1, cn-north-1, eusc-de-east-1 (European Sovereign Cloud).
const REGION = '[a-z]{2,4}(?:-[a-z]+)+-\\d'

const ARN_FORMS = {
  role: {
    re: new RegExp(`^${PARTITION}:iam::${ACCOUNT}:role/[\\w+=,.@/-]{1,512}$`),
    example: 'arn:aws:iam::123456789012:role/codepipeline-service-role',
  },
  connection: {
    re: new RegExp(
      `^${PARTITION}:(?:codeconnections|codestar-connections):${REGION}:${ACCOUNT}:connection/[\\w-]{1,64}$`,
    ),
    example: 'arn:aws:codeconnections:us-east-1:123456789012:connection/0a1b2c3d-4e5f-6789-abcd-ef0123456789',
  },
  topic: {
    // FIFO topics need a MessageGroupId and cannot deliver to e-mail: standard topics only.
    re: new RegExp(`^${PARTITION}:sns:${REGION}:${ACCOUNT}:[\\w-]{1,256}$`),
    example: 'arn:aws:sns:us-east-1:123456789012:deploy-alerts',
  },
} as const

export function parseArn(input: string, value: string, kind: keyof typeof ARN_FORMS): string {
  const form = ARN_FORMS[kind]
  if (!form.re.test(value)) {
    const extra = kind === 'connection' ? ' (the older codestar-connections form is accepted too)' : ''
    throw new InputError(input, `got ${shown(value)}; accepted: an ARN like ${form.example}${extra}.`)
  }
  return value
}

export function parseRegion(input: string, value: string): string {
  if (!new RegExp(`^${REGION}$`).test(value)) {
    throw new InputError(input, `got ${shown(value)}; accepted: an AWS region code such as "us-east-1".`)
  }
  return value
}

/** Names CodePipeline accepts for pipelines (and that the derived names must also satisfy). */
export function parsePipelineName(input: string, value: string): string {
  if (!/^[A-Za-z0-9.@_-]{1,100}$/.test(value)) {
    throw new InputError(
      input,
      `got ${shown(value)}; accepted: 1–100 characters of letters, digits, ".", "@", "-" and "_" (CodePipeline's rule).`,
    )
  }
  return value
}

export function parseRepository(input: string, value: string): string {
  if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(value)) {
    throw new InputError(input, `got ${shown(value)}; accepted: "owner/repo", e.g. "octo-org/shop".`)
  }
  return value
}

export function parseCommitSha(input: string, value: string): string {
  if (!/^[0-9a-fA-F]{40}(?:[0-9a-fA-F]{24})?$/.test(value)) {
    throw new InputError(
      input,
      `got ${shown(value)}; accepted: a full commit SHA (40 hexadecimal characters).`,
    )
  }
  return value.toLowerCase()
}

export function parseExecutionId(input: string, value: string): string {
  if (!/^[0-9a-fA-F-]{36}$/.test(value)) {
    throw new InputError(input, `got ${shown(value)}; accepted: a pipeline execution id (a UUID).`)
  }
  return value.toLowerCase()
}

/** `key=value` lines; blank lines ignored. */
export function parseTags(input: string, value: string): { key: string; value: string }[] {
  const tags: { key: string; value: string }[] = []
  for (const [i, raw] of value.split('\n').entries()) {
    const line = raw.trim()
    if (line === '') continue
    const eq = line.indexOf('=')
    const key = eq > 0 ? line.slice(0, eq).trim() : ''
    if (eq < 0 || key === '') {
      throw new InputError(input, `line ${i + 1} is ${shown(line)}; accepted: one "key=value" per line.`)
    }
    const tagValue = line.slice(eq + 1).trim()
    if (key.length > 128 || tagValue.length > 256) {
      throw new InputError(
        input,
        `line ${i + 1}: keys are at most 128 characters and values at most 256 (AWS's limits).`,
      )
    }
    tags.push({ key, value: tagValue })
  }
  return tags
}

/** Newline-separated list; blank lines dropped. */
export function parseLines(value: string): string[] {
  return value
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1'])

/** An https URL; plain http only for loopback hosts (local receivers in tests and demos). Never echoes the URL. */
export function parseWebhookUrl(input: string, value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new InputError(
      input,
      'is not a URL (value hidden: it is a secret); accepted: https://hooks.slack.com/services/…',
    )
  }
  const loopback = LOOPBACK.has(url.hostname) || /^127\./.test(url.hostname)
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new InputError(
      input,
      `uses ${url.protocol.replace(':', '')}:// (value hidden: it is a secret); accepted: an https:// URL (http:// only for localhost).`,
    )
  }
  return value
}
