// Pure parsers for single input values. Each throws InputError naming the input, quoting what was given
// and saying what is accepted. Secrets never reach these error messages (see read.ts).
import { InputError } from './input-error.js'
import {
  GITHUB_REPOSITORY,
  MAX_CONFIGURATION_VALUE,
  MAX_TAG_KEY,
  MAX_TAG_VALUE,
  MAX_TAGS,
  PIPELINE_NAME,
  TAG_CHARACTER,
  charLength,
  describeChar,
  isLoopbackHost,
  partitionOf,
  reservedTagPrefix,
  type NameRule,
} from './constraints.js'

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

const PARTITION = 'arn:(aws(?:-[a-z]+)*)'
const ACCOUNT = '\\d{12}'
// Two to four letters: us-east-1, cn-north-1, eusc-de-east-1 (European Sovereign Cloud).
const REGION = '[a-z]{2,4}(?:-[a-z]+)+-\\d{1,2}'

// An SNS topic: a topic name is 1–256 letters, digits, "-" and "_".
const SNS_TOPIC = new RegExp(`^${PARTITION}:sns:(${REGION}):${ACCOUNT}:[\\w-]{1,256}$`)

// Each form captures the partition (1) and, where the resource is regional, the region (2).
const ARN_FORMS = {
  // IAM role: arn:<partition>:iam::<account>:role/<path/name>; IAM is global within a partition
  // (aws-api.md §1, roleArn: arn:aws(-[\w]+)*:iam::[0-9]{12}:role/.*, at most 1024).
  role: {
    re: new RegExp(`^${PARTITION}:iam::()${ACCOUNT}:role/[\\w+=,.@/-]{1,512}$`),
    example: 'arn:aws:iam::123456789012:role/codepipeline-service-role',
    sameRegion: false,
  },
  // The source action's connection: CodeConnections (or its older codestar-connections name), used by the
  // pipeline in its own region (aws-api.md §1, CodeStarSourceConnection).
  connection: {
    re: new RegExp(
      `^${PARTITION}:(?:codeconnections|codestar-connections):(${REGION}):${ACCOUNT}:connection/[\\w-]{1,64}$`,
    ),
    example: 'arn:aws:codeconnections:us-east-1:123456789012:connection/0a1b2c3d-4e5f-6789-abcd-ef0123456789',
    sameRegion: true,
  },
  // SNS topic for alerts (FIFO topics need a MessageGroupId and cannot deliver to e-mail: standard topics only).
  // Publish goes to the topic's own region (report/sns.ts), which must be in the step's partition: credentials
  // are valid in one partition only.
  topic: {
    re: SNS_TOPIC,
    example: 'arn:aws:sns:us-east-1:123456789012:deploy-alerts',
    sameRegion: false,
  },
  // The topic a manual approval action notifies: "You must use a topic created in the same AWS Region as the
  // pipeline" (https://docs.aws.amazon.com/codepipeline/latest/userguide/approvals.html).
  approvalTopic: {
    re: SNS_TOPIC,
    example: 'arn:aws:sns:us-east-1:123456789012:shop-approvals',
    sameRegion: true,
  },
} as const

/** What a regional ARN names, for "… in <region>" messages. */
const REGIONAL_WHAT: Partial<Record<keyof typeof ARN_FORMS, string>> = {
  connection: 'a connection',
  approvalTopic: 'a topic',
}

/**
 * An ARN of the kind the call needs. With `region` (the step's), the ARN must be in that region's partition,
 * and, for regional resources the pipeline uses directly, in that region too.
 */
export function parseArn(
  input: string,
  value: string,
  kind: keyof typeof ARN_FORMS,
  region?: string,
): string {
  const form = ARN_FORMS[kind]
  const m = form.re.exec(value)
  if (!m) {
    const extra = kind === 'connection' ? ' (the older codestar-connections form is accepted too)' : ''
    throw new InputError(input, `got ${shown(value)}; accepted: an ARN like ${form.example}${extra}.`)
  }
  const [, partition, arnRegion] = m as unknown as [string, string, string]
  if (region === undefined) return value
  const want = partitionOf(region)
  if (partition !== want)
    throw new InputError(
      input,
      `got ${shown(value)}, an ARN of the "${partition}" partition, but aws-region "${region}" is in "${want}"; accepted: an ARN starting arn:${want}: (credentials and resources do not cross partitions).`,
    )
  if (arnRegion && partitionOf(arnRegion) !== partition)
    throw new InputError(
      input,
      `got ${shown(value)}: region "${arnRegion}" is not in the "${partition}" partition; accepted: an ARN whose region belongs to its partition.`,
    )
  if (form.sameRegion && arnRegion !== region)
    throw new InputError(
      input,
      `got ${shown(value)}, ${REGIONAL_WHAT[kind]} in "${arnRegion}", but the pipeline is in "${region}" (aws-region); accepted: ${REGIONAL_WHAT[kind]} in ${region}.`,
    )
  return value
}

export function parseRegion(input: string, value: string): string {
  if (!new RegExp(`^${REGION}$`).test(value)) {
    throw new InputError(input, `got ${shown(value)}; accepted: an AWS region code such as "us-east-1".`)
  }
  return value
}

/** A parser that holds a value to a name rule, quoting the value and saying why the owner refuses it. */
export function nameParser(r: NameRule, opts: { secret?: boolean } = {}) {
  return (input: string, value: string): string => {
    const why = r.problem(value)
    if (why !== undefined)
      throw new InputError(
        input,
        `${opts.secret ? '(value hidden: it is a secret)' : `got ${shown(value)}`}, which ${r.owner} refuses: ${why}; accepted: ${r.accepted}.`,
      )
    return value
  }
}

/** Names CodePipeline accepts for pipelines (and that the derived names must also satisfy). */
export const parsePipelineName = nameParser(PIPELINE_NAME)

export const parseRepository = nameParser(GITHUB_REPOSITORY)

export function parseCommitSha(input: string, value: string): string {
  if (!/^[0-9a-fA-F]{40}(?:[0-9a-fA-F]{24})?$/.test(value)) {
    throw new InputError(
      input,
      `got ${shown(value)}; accepted: a full commit SHA (40 hexadecimal characters).`,
    )
  }
  return value.toLowerCase()
}

// CodePipeline execution ids are UUIDs (aws-api.md §1: StartPipelineExecution returns pipelineExecutionId (UUID)).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function parseExecutionId(input: string, value: string): string {
  if (!UUID.test(value)) {
    throw new InputError(
      input,
      `got ${shown(value)}; accepted: a pipeline execution id, a UUID such as "0a1b2c3d-4e5f-6789-abcd-ef0123456789".`,
    )
  }
  return value.toLowerCase()
}

/** `key=value` lines; blank lines ignored. Held to AWS's tagging rules (see constraints.ts). */
export function parseTags(input: string, value: string): { key: string; value: string }[] {
  const tags: { key: string; value: string }[] = []
  const lines = new Map<string, number>()
  for (const [i, raw] of value.split(/\r?\n/).entries()) {
    const line = raw.trim()
    if (line === '') continue
    const at = `line ${i + 1}`
    const eq = line.indexOf('=')
    const key = eq > 0 ? line.slice(0, eq).trim() : ''
    if (eq < 0 || key === '') {
      throw new InputError(input, `${at} is ${shown(line)}; accepted: one "key=value" per line.`)
    }
    const tagValue = line.slice(eq + 1).trim()
    if (charLength(key) > MAX_TAG_KEY || charLength(tagValue) > MAX_TAG_VALUE) {
      throw new InputError(
        input,
        `${at}: the key is ${charLength(key)} and the value ${charLength(tagValue)} characters; accepted: keys of 1–${MAX_TAG_KEY} characters and values of at most ${MAX_TAG_VALUE} (AWS's limits).`,
      )
    }
    for (const [what, s] of [
      ['key', key],
      ['value', tagValue],
    ] as const) {
      const bad = [...s].find((ch) => !TAG_CHARACTER.test(ch))
      if (bad !== undefined)
        throw new InputError(
          input,
          `${at}: the ${what} contains ${describeChar(bad)}; accepted: letters, digits, spaces and + - = . _ : / @ (AWS's tag characters).`,
        )
      if (reservedTagPrefix(s))
        throw new InputError(
          input,
          `${at}: the ${what} ${shown(s)} starts with "aws:", which AWS reserves (in any case) for its own tags; accepted: any other prefix.`,
        )
    }
    const first = lines.get(key)
    if (first !== undefined)
      throw new InputError(
        input,
        `${at}: the key ${shown(key)} is already set on line ${first}; accepted: each key once (a resource has one value per key).`,
      )
    lines.set(key, i + 1)
    tags.push({ key, value: tagValue })
  }
  if (tags.length > MAX_TAGS)
    throw new InputError(
      input,
      `lists ${tags.length} tags; accepted: at most ${MAX_TAGS} (AWS's limit per resource).`,
    )
  return tags
}

// One split of a list input for the parsers and the rules alike (lines.ts).
export { parseLines } from './lines.js'

/**
 * An https URL; plain http only to a loopback IP address (local receivers in tests and demos), so that a
 * secret never travels unencrypted to another host. Never echoes the URL.
 */
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
  const loopback = isLoopbackHost(url.hostname)
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new InputError(
      input,
      `uses ${url.protocol === 'http:' ? 'http://' : 'a scheme other than https://'} to a host that is not a loopback address (value hidden: it is a secret); accepted: an https:// URL (http:// only to 127.0.0.0/8 or [::1], written as an IP address).`,
    )
  }
  if (url.username !== '' || url.password !== '')
    throw new InputError(
      input,
      'carries a user name or password before the host (value hidden: it is a secret); accepted: a URL without credentials.',
    )
  return value
}

/** A public link (not a secret): http(s), shown back in the error. */
export function parseLinkUrl(input: string, value: string): string {
  let url: URL | undefined
  try {
    url = new URL(value)
  } catch {
    url = undefined
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:'))
    throw new InputError(input, `is ${shown(value)}; accepted: an http(s) URL, e.g. https://shop.example.com`)
  return value
}

/**
 * The page approvers open before they decide (a manual approval's ExternalEntityLink): https only, no
 * credentials, within CodePipeline's 1000 characters for a configuration value.
 */
export function parseReviewUrl(input: string, value: string): string {
  const url = URL.canParse(value) ? new URL(value) : undefined
  const ok = url?.protocol === 'https:' && url.username === '' && url.password === ''
  if (!ok || charLength(value) > MAX_CONFIGURATION_VALUE) {
    // A URL with a user name or password carries a credential: say so, never echo it.
    const credentials = url !== undefined && (url.username !== '' || url.password !== '')
    const got = credentials ? 'a URL with a user name or password (not shown)' : shown(value)
    throw new InputError(
      input,
      `got ${got}; accepted: an https:// URL without a user name or password, at most ${MAX_CONFIGURATION_VALUE} characters, e.g. https://staging.shop.example.com`,
    )
  }
  return value
}
