// The rules AWS, GitHub and Slack apply to the names and values the action sends them, checked before any call
// so that a value they would refuse is named precisely instead of surfacing as a ValidationException halfway
// through a step. Each rule says where it comes from. Pure.
import { isIP } from 'node:net'
import { parseLines } from './lines.js'

/** A rule for one kind of name: `problem` says why a value breaks it (undefined when it does not). */
export interface NameRule {
  /** What the value is, as a user knows it: "the pipeline name". */
  what: string
  /** Who refuses a value that breaks the rule: "CodePipeline". */
  owner: string
  /** What is accepted, in words. */
  accepted: string
  problem(value: string): string | undefined
}

/** Length in characters as AWS counts them (code points, not UTF-16 units). */
export const charLength = (s: string): number => [...s].length

/** The first character outside `allowed`, described without echoing the rest of the value. */
function badCharacter(value: string, allowed: RegExp): string | undefined {
  for (const ch of value) if (!allowed.test(ch)) return `it contains ${describeChar(ch)}`
  return undefined
}

export function describeChar(ch: string): string {
  if (ch === ' ') return 'a space'
  if (ch === '\n' || ch === '\r') return 'a line break'
  if (ch === '\t') return 'a tab'
  const cp = ch.codePointAt(0) ?? 0
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp === 0x2028 || cp === 0x2029)
    return `the control character U+${cp.toString(16).toUpperCase().padStart(4, '0')}`
  return `"${ch}"`
}

function lengthProblem(value: string, min: number, max: number): string | undefined {
  const n = charLength(value)
  if (n < min) return `it is ${n} characters long (at least ${min})`
  if (n > max) return `it is ${n} characters long (at most ${max})`
  return undefined
}

function rule(
  what: string,
  owner: string,
  accepted: string,
  min: number,
  max: number,
  allowed: RegExp,
  extra: (v: string) => string | undefined = () => undefined,
): NameRule {
  return {
    what,
    owner,
    accepted,
    problem: (v) => lengthProblem(v, min, max) ?? badCharacter(v, allowed) ?? extra(v),
  }
}

// CodePipeline PipelineDeclaration.name: 1–100, [A-Za-z0-9.@\-_]+ (shared/reference/aws-api.md §1;
// https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_StartPipelineExecution.html).
export const PIPELINE_NAME = rule(
  'the pipeline name',
  'CodePipeline',
  '1–100 letters, digits, ".", "@", "-" and "_"',
  1,
  100,
  /^[A-Za-z0-9.@_-]$/,
)

// CodeBuild ProjectName: pattern [A-Za-z0-9][A-Za-z0-9\-_]{1,254}, 2–255 characters
// (https://docs.aws.amazon.com/codebuild/latest/APIReference/API_CreateProject.html, `name`).
export const CODEBUILD_PROJECT = (what: string): NameRule =>
  rule(
    what,
    'CodeBuild',
    '2–255 letters, digits, "-" and "_", starting with a letter or digit',
    2,
    255,
    /^[A-Za-z0-9_-]$/,
    (v) => (/^[A-Za-z0-9]/.test(v) ? undefined : `it starts with ${describeChar(v.charAt(0))}`),
  )

// ECS cluster and service names: "Up to 255 letters (uppercase and lowercase), numbers, hyphens, and
// underscores are allowed" (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCluster.html,
// API_CreateService.html).
export const ECS_NAME = (what: string): NameRule =>
  rule(what, 'ECS', '1–255 letters, digits, "-" and "_"', 1, 255, /^[A-Za-z0-9_-]$/)

/** An ECS name rule that also takes an ARN of the resource, in the step's partition and region. */
export function ecsNameOrArn(
  rule: NameRule,
  kind: 'cluster' | 'service',
  region: string | undefined,
): NameRule {
  const arn = new RegExp(`^arn:(aws(?:-[a-z]+)*):ecs:([a-z0-9-]+):\\d{12}:${kind}/(.+)$`)
  return {
    ...rule,
    accepted: `${rule.accepted}, or the ${kind}'s ARN (arn:${region ? partitionOf(region) : 'aws'}:ecs:${region ?? '<region>'}:<account>:${kind}/…)`,
    problem(value) {
      const m = arn.exec(value)
      if (!m) return rule.problem(value)
      const [, partition, arnRegion, rest] = m as unknown as [string, string, string, string]
      if (region !== undefined && (partition !== partitionOf(region) || arnRegion !== region))
        return `the ARN is in ${partition}/${arnRegion}, not in ${partitionOf(region)}/${region} (aws-region)`
      const parts = rest.split('/')
      if (parts.length > (kind === 'service' ? 2 : 1)) return `the ARN's ${kind} part has too many "/"`
      return parts.map((p) => rule.problem(p)).find((p) => p !== undefined)
    },
  }
}

// General purpose bucket naming rules (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html).
// CodePipeline's own artifactStore.location pattern ([a-zA-Z0-9\-\.]+, 3–63) is looser; S3 decides.
const S3_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-']
const S3_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3']
export const S3_BUCKET = rule(
  'the artifact bucket name',
  'S3',
  '3–63 lowercase letters, digits, "." and "-", starting and ending with a letter or digit, not shaped like an IP address',
  3,
  63,
  /^[a-z0-9.-]$/,
  (v) => {
    if (!/^[a-z0-9]/.test(v) || !/[a-z0-9]$/.test(v))
      return 'it does not start and end with a letter or digit'
    if (v.includes('..')) return 'it contains two adjacent periods'
    if (isIP(v) === 4 || /^\d+\.\d+\.\d+\.\d+$/.test(v)) return 'it is formatted as an IP address'
    const prefix = S3_PREFIXES.find((p) => v.startsWith(p))
    if (prefix) return `it starts with the reserved prefix "${prefix}"`
    const suffix = S3_SUFFIXES.find((s) => v.endsWith(s))
    if (suffix) return `it ends with the reserved suffix "${suffix}"`
    return undefined
  },
)

// A branch name as `git check-ref-format --branch` accepts it (https://git-scm.com/docs/git-check-ref-format),
// within CodePipeline's 1000-character configuration value (aws-api.md §1, BranchName).
export const GIT_BRANCH = rule(
  'the branch',
  'Git and CodePipeline',
  'a Git branch name (no spaces, "~", "^", ":", "?", "*", "[", "\\", "..", "@{", not starting with "-" or ending with "/", "." or ".lock"), at most 1000 characters',
  1,
  1000,
  /^[^\p{Cc}\p{Z}~^:?*[\\]$/u,
  (v) => {
    if (v.startsWith('-')) return 'it starts with "-"'
    if (v.includes('..')) return 'it contains ".."'
    if (v.includes('@{')) return 'it contains "@{"'
    if (v === '@') return 'it is "@"'
    if (v.includes('//')) return 'it contains "//"'
    if (/(^|\/)\./.test(v)) return 'a component starts with "."'
    if (/\.lock(\/|$)/.test(v)) return 'a component ends with ".lock"'
    if (v.startsWith('/') || v.endsWith('/') || v.endsWith('.'))
      return 'it starts with "/" or ends with "/" or "."'
    return undefined
  },
)

// CloudWatch dimension values: 1–1024 characters (aws-api.md §4, MetricStat Dimensions).
export const DIMENSION_VALUE = (what: string): NameRule =>
  rule(what, 'CloudWatch', '1–1024 characters on one line', 1, 1024, /^[^\p{Cc}\u2028\u2029]$/u)

// DescribeAlarms AlarmNames: each 1–255 characters (botocore cloudwatch model, AlarmName).
export const ALARM_NAME = rule(
  'an alarm name',
  'CloudWatch',
  '1–255 characters on one line',
  1,
  255,
  /^[^\p{Cc}\u2028\u2029]$/u,
)

// A Docker image tag: "valid ASCII … lowercase and uppercase letters, digits, underscores, periods and hyphens …
// may not start with a period or a hyphen and may contain a maximum of 128 characters"
// (https://docs.docker.com/reference/cli/docker/image/tag/).
export const IMAGE_TAG = rule(
  'the image tag',
  'Docker',
  '1–128 letters, digits, "_", "." and "-", not starting with "." or "-"',
  1,
  128,
  /^[A-Za-z0-9_.-]$/,
  (v) => (/^[.-]/.test(v) ? `it starts with "${v[0]}"` : undefined),
)

// A PipelineVariable value (VERSION on StartPipelineExecution): 1–1000 characters, pattern `.*` (a Java regex:
// no line terminators) (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PipelineVariable.html).
export const MAX_VARIABLE_VALUE = 1000
export const PIPELINE_VARIABLE_VALUE = rule(
  'the version',
  'CodePipeline',
  `1–${MAX_VARIABLE_VALUE} characters on one line (it becomes the VERSION pipeline variable)`,
  1,
  MAX_VARIABLE_VALUE,
  /^[^\p{Cc}\u2028\u2029\u0085]$/u,
)

// An action configuration value (FileName of the ECS deploy action): 1–1000 characters (aws-api.md §1).
export const MAX_CONFIGURATION_VALUE = 1000
export const CONFIGURATION_VALUE = (what: string): NameRule =>
  rule(
    what,
    'CodePipeline',
    `1–${MAX_CONFIGURATION_VALUE} characters on one line`,
    1,
    MAX_CONFIGURATION_VALUE,
    /^[^\p{Cc}\u2028\u2029]$/u,
  )

// GitHub owner (user or organisation): letters, digits and single hyphens, at most 39; repository: letters,
// digits, ".", "-", "_", at most 100 (GitHub's sign-up and new-repository forms).
export const GITHUB_REPOSITORY: NameRule = {
  what: 'the repository',
  owner: 'GitHub',
  accepted:
    '"owner/repo": an owner of 1–39 letters, digits and "-", a repository of 1–100 letters, digits, ".", "-" and "_"',
  problem(v) {
    const m = /^([^/]*)\/([^/]*)$/.exec(v)
    if (!m) return 'it is not of the form "owner/repo"'
    const [, owner, repo] = m as unknown as [string, string, string]
    if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/.test(owner))
      return 'the owner is not a GitHub user or organisation name'
    if (!/^[A-Za-z0-9_.-]{1,100}$/.test(repo) || repo === '.' || repo === '..')
      return 'the repository name is not one GitHub allows'
    return undefined
  },
}

// Slack channel: an ID (C…, G…, D…: uppercase letters and digits) or a name (lowercase letters, digits, "-" and
// "_", at most 80 characters: https://slack.com/help/articles/201402297), optionally with a leading "#".
export const SLACK_CHANNEL = rule(
  'the Slack channel',
  'Slack',
  'a channel ID such as "C0123456789" or a channel name of at most 80 letters, digits, "-" and "_"',
  1,
  81,
  /^[A-Za-z0-9_#-]$/,
  (v) => (v.indexOf('#') > 0 ? 'it contains "#" after the start' : undefined),
)

// AWS tags (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_Tag.html: key 1–128, value 0–256;
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Tag.html and the AWS tagging rules: at most 50
// per resource, unique keys, letters, numbers and spaces representable in UTF-8 plus + - = . _ : / @, and the
// aws: prefix reserved in any case, for keys and values).
export const MAX_TAGS = 50
export const MAX_TAG_KEY = 128
export const MAX_TAG_VALUE = 256
export const TAG_CHARACTER = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]$/u
export const reservedTagPrefix = (s: string): boolean => s.toLowerCase().startsWith('aws:')

/** The partition of a region, as the AWS SDK's partitions table assigns it (@aws-sdk/core, regionRegex). */
export function partitionOf(region: string): string {
  if (/^cn-/.test(region)) return 'aws-cn'
  if (/^us-gov-/.test(region)) return 'aws-us-gov'
  if (/^us-isob-/.test(region)) return 'aws-iso-b'
  if (/^us-isof-/.test(region)) return 'aws-iso-f'
  if (/^us-iso-/.test(region)) return 'aws-iso'
  if (/^eu-isoe-/.test(region)) return 'aws-iso-e'
  if (/^eusc-/.test(region)) return 'aws-eusc'
  return 'aws'
}

/**
 * Whether a URL host is a loopback address — an IP address, parsed as one, never a name: "127.evil.com" or
 * "localhost" (which any resolver may answer) are not. The WHATWG URL parser has already normalised IPv4
 * spellings such as "127.1" or "0x7f.0.0.1" to dotted decimal.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname
  const kind = isIP(host)
  if (kind === 4) return Number(host.split('.')[0]) === 127
  if (kind === 6) return /^(0{0,4}:){2,7}0{0,3}1$|^::1$/.test(host) && isV6Loopback(host)
  return false
}

function isV6Loopback(host: string): boolean {
  // Expand "::" and compare the eight groups with 0:0:0:0:0:0:0:1.
  const [head, tail] = host.includes('::') ? host.split('::') : [host, undefined]
  const h = head ? head.split(':') : []
  const t = tail === undefined ? [] : tail ? tail.split(':') : []
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t]
  return groups.length === 8 && groups.every((g, i) => parseInt(g, 16) === (i === 7 ? 1 : 0))
}

/** At most this many services in one validate step (DescribeServices describes 10 at a time). */
export const MAX_SERVICES = 10

/** One name per line, each held to `rule`, at most `max` and none twice. */
export function namePerLine(rule: NameRule, max: number): NameRule {
  return {
    ...rule,
    accepted: `${rule.accepted}; several: one per line, at most ${max}`,
    problem(value) {
      const lines = parseLines(value)
      if (lines.length > max) return `it lists ${lines.length}, more than ${max}`
      const twice = lines.find((l, i) => lines.indexOf(l) !== i)
      if (twice !== undefined) return `"${twice}" is listed twice`
      for (const line of lines) {
        const why = rule.problem(line)
        if (why !== undefined) return lines.length > 1 ? `"${line}": ${why}` : why
      }
      return undefined
    },
  }
}
