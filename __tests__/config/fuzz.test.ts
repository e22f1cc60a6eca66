// Property (issue 11): every generated input set is either refused by readConfig — before any request — with
// every error naming an input the user set (or the inputs a refused derived name is made of; a missing
// required input is named as such), or accepted with every value within what AWS, GitHub and Slack accept.
// The constraint checks below are written from the services' documentation, independently of src/config.
import { isIP } from 'node:net'
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { InputErrors, readConfig, type Config } from '../../src/config/read.js'
import type { InputName } from '../../src/inputs.js'
import { TEST_ENV } from '../helpers/config.js'

const RUNS = 1000
type Inputs = Partial<Record<InputName, string>>

// ---------- generators: valid-ish and hostile values ----------

const hostileText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    'a\nb',
    'x\r::error::pwned',
    '::add-mask::x',
    'line\u2028sep',
    'tab\there',
    'nul\u0000x',
    'é',
    '💥',
    ' ',
    '-',
    '.',
    '..',
    'aws:x',
  ),
  fc.integer({ min: 90, max: 1100 }).map((n) => 'x'.repeat(n)),
  fc.constant('v'.repeat(120 * 1024)),
)
/** Mostly `valid`, sometimes hostile: input sets then land on both sides of the property. */
const mostly = (valid: fc.Arbitrary<string>, ...bad: fc.Arbitrary<string>[]): fc.Arbitrary<string> =>
  fc.oneof({ weight: 8, arbitrary: valid }, ...bad.map((arbitrary) => ({ weight: 1, arbitrary })))
const nameish = mostly(
  fc.stringMatching(/^[a-z][a-z0-9-]{0,20}[a-z0-9]$/),
  fc.stringMatching(/^[A-Za-z0-9._@-]{1,30}$/),
  hostileText,
)
const regions = ['us-east-1', 'eu-west-1', 'us-gov-west-1', 'cn-north-1', 'eusc-de-east-1', 'us-iso-east-1']
const partitions = ['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-eusc', 'aws-evil']
const account = fc.oneof(fc.constant('123456789012'), fc.stringMatching(/^\d{1,13}$/))
const arn = (services: string[], resource: fc.Arbitrary<string>, regional: boolean) =>
  fc
    .tuple(
      fc.constantFrom(...partitions),
      fc.constantFrom(...services),
      regional ? fc.constantFrom(...regions, '') : fc.constantFrom('', 'us-east-1'),
      account,
      resource,
    )
    .map(([p, s, r, a, res]) => `arn:${p}:${s}:${r}:${a}:${res}`)
const roleArn = fc.oneof(
  arn(['iam', 'sts'], fc.constantFrom('role/p', 'role/service-role/p', 'user/p', 'role/'), false),
  hostileText,
)
const connectionArn = fc.oneof(
  arn(
    ['codeconnections', 'codestar-connections', 'codestar'],
    fc.constantFrom('connection/0a1b2c3d-4e5f-6789-abcd-ef0123456789', 'host/x', 'connection/a b'),
    true,
  ),
  hostileText,
)
const topicArn = fc.oneof(
  arn(['sns', 'sqs'], fc.constantFrom('alerts', 'deploy.fifo', 'a b', 'x'.repeat(257)), true),
  hostileText,
)
const uuid = fc.uuid().map((u) => u)
const executionId = fc.oneof(
  uuid,
  uuid.map((u) => u.toUpperCase()),
  fc.constant('-'.repeat(36)),
  fc.stringMatching(/^[0-9a-f-]{36}$/),
  hostileText,
)
const tagKey = fc.oneof(
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9 _.:/=+@-]{0,20}$/),
  fc.constantFrom('aws:x', 'AWS:x', 'Aws:owner', 'team', 'k'.repeat(128), 'k'.repeat(129), 'é', 'a#b'),
  hostileText,
)
const tagValue = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9 _.:/=+@-]{0,20}$/),
  fc.constantFrom('', 'aws:v', 'v'.repeat(256), 'v'.repeat(257), '<b>'),
  hostileText,
)
const tags = fc
  .array(fc.tuple(tagKey, tagValue), { maxLength: 55 })
  .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('\n'))
const webhook = fc
  .tuple(
    fc.constantFrom('https', 'http', 'ftp'),
    fc.constantFrom(
      'hooks.slack.com',
      '127.0.0.1:9',
      '127.1',
      '127.evil.com',
      '127.0.0.1.evil.com',
      'localhost',
      '[::1]:9',
      '[::ffff:127.0.0.1]',
      '0x7f.0.0.1',
      '10.0.0.1',
      'user:pw@hooks.slack.com',
    ),
    fc.constantFrom('/services/T0/B0/s3cr3t', '/x\ny', ''),
  )
  .map(([s, h, p]) => `${s}://${h}${p}`)
const bool = mostly(fc.constantFrom('true', 'false', 'TRUE'), fc.constant('yes'))

const common = {
  'project-name': nameish,
  environment: nameish,
  version: mostly(fc.stringMatching(/^v\d+\.\d+\.\d+$/), hostileText),
  'aws-region': mostly(fc.constantFrom(...regions), hostileText),
  'pipeline-name': nameish,
  'commit-sha': mostly(fc.stringMatching(/^[0-9a-f]{40}$/), hostileText),
  'timeout-minutes': mostly(fc.constant('60'), fc.constantFrom('0', 'x')),
  'slack-webhook-url': mostly(fc.constant('https://hooks.slack.com/services/T0/B0/s3cr3t'), webhook),
  'slack-bot-token': mostly(fc.constant('xoxb-1-abc'), hostileText),
  'slack-channel': mostly(fc.constantFrom('C0123456789', '#deploys', 'deploys'), hostileText),
  'sns-topic-arn': mostly(fc.constant('arn:aws:sns:eu-west-1:123456789012:alerts'), topicArn),
  'github-token': mostly(fc.constant('ghs_abcdef'), hostileText),
  'status-context': mostly(fc.constantFrom('deploy/prod', 'ci'), hostileText),
  'notify-on': mostly(fc.constantFrom('failure', 'always'), fc.constant('x')),
} satisfies Partial<Record<InputName, fc.Arbitrary<string>>>

const createOnly = {
  'role-arn': mostly(fc.constant('arn:aws:iam::123456789012:role/service-role/p'), roleArn),
  'connection-arn': mostly(
    fc.constant(
      'arn:aws:codeconnections:us-east-1:123456789012:connection/0a1b2c3d-4e5f-6789-abcd-ef0123456789',
    ),
    connectionArn,
  ),
  repository: mostly(fc.constantFrom('octo-org/shop', 'a/b', `${'o'.repeat(40)}/r`, 'a/b/c'), hostileText),
  branch: nameish,
  'artifact-bucket': fc.oneof(
    fc.stringMatching(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/),
    fc.constantFrom('192.168.5.4', 'xn--bucket', 'Bucket', 'a..b', 'ab', 'b-s3alias'),
    hostileText,
  ),
  'build-project': nameish,
  'test-project': nameish,
  cluster: nameish,
  service: nameish,
  'image-definitions-file': mostly(fc.constant('imagedefinitions.json'), hostileText),
  'execution-mode': mostly(fc.constantFrom('QUEUED', 'parallel'), fc.constant('x')),
  tags: mostly(fc.constantFrom('team=web\nowner=ops', 'k=', 'Équipe=a+b'), tags),
  'start-execution': bool,
  wait: bool,
  'dry-run': bool,
} satisfies Partial<Record<InputName, fc.Arbitrary<string>>>

const monitorOnly = {
  'execution-id': mostly(fc.uuid(), executionId),
  'on-superseded': mostly(fc.constantFrom('follow', 'fail'), fc.constant('x')),
  'poll-interval-seconds': mostly(fc.constant('10'), fc.constant('0')),
} satisfies Partial<Record<InputName, fc.Arbitrary<string>>>

const validateOnly = {
  cluster: fc.oneof(nameish, arn(['ecs'], fc.constantFrom('cluster/shop', 'cluster/a/b', 'service/x'), true)),
  service: fc.oneof(nameish, arn(['ecs'], fc.constantFrom('service/shop/api', 'service/api'), true)),
  'api-name': fc.oneof(nameish, fc.constant('none')),
  'api-stage': nameish,
  'expected-image-tag': nameish,
  'alarm-names': fc.array(nameish, { maxLength: 4 }).map((a) => a.join('\n')),
  rollback: fc.constantFrom('none', 'pipeline', 'service'),
} satisfies Partial<Record<InputName, fc.Arbitrary<string>>>

const inputSet = (mode: string, extra: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<Inputs> =>
  fc
    .record({ ...common, ...extra } as Record<string, fc.Arbitrary<string>>, { requiredKeys: [] })
    .map((r) => ({ ...r, mode }) as Inputs)

// ---------- the constraints, written from the documentation ----------

const LINE_BREAK = /[\r\n\u2028\u2029\u0085]/
const CONTROL = /\p{Cc}/u
const codePoints = (s: string) => [...s].length
function partition(region: string): string {
  for (const [prefix, p] of [
    ['us-gov-', 'aws-us-gov'],
    ['cn-', 'aws-cn'],
    ['us-isob-', 'aws-iso-b'],
    ['us-isof-', 'aws-iso-f'],
    ['us-iso-', 'aws-iso'],
    ['eu-isoe-', 'aws-iso-e'],
    ['eusc-', 'aws-eusc'],
  ] as const)
    if (region.startsWith(prefix)) return p
  return 'aws'
}
const pipelineNameOk = (s: string) => /^[A-Za-z0-9.@_-]{1,100}$/.test(s)
const codebuildOk = (s: string) => /^[A-Za-z0-9][A-Za-z0-9_-]{1,254}$/.test(s)
const ecsOk = (s: string) => /^[A-Za-z0-9_-]{1,255}$/.test(s)
const bucketOk = (s: string) =>
  /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(s) &&
  !s.includes('..') &&
  !/^\d+\.\d+\.\d+\.\d+$/.test(s) &&
  !s.startsWith('xn--') &&
  !s.endsWith('-s3alias')
const singleLine = (s: string) => !LINE_BREAK.test(s) && !CONTROL.test(s)

function webhookOk(u: string): boolean {
  const url = new URL(u)
  if (url.username || url.password) return false
  if (url.protocol === 'https:') return true
  if (url.protocol !== 'http:') return false
  const host = url.hostname.replace(/^\[|\]$/g, '')
  if (isIP(host) === 4) return host.startsWith('127.')
  return isIP(host) === 6 && (host === '::1' || host === '0:0:0:0:0:0:0:1')
}

function violations(c: Config): string[] {
  const bad: string[] = []
  const check = (ok: boolean, what: string) => {
    if (!ok) bad.push(what)
  }
  const p = partition(c.region)
  check(/^[a-z]{2,4}(-[a-z]+)+-\d+$/.test(c.region), 'region')
  if (c.pipelineName !== undefined) check(pipelineNameOk(c.pipelineName), 'pipeline name')
  if (c.version !== undefined)
    check(codePoints(c.version) >= 1 && codePoints(c.version) <= 1000 && singleLine(c.version), 'version')
  const r = c.reporting
  if (r.slack?.kind === 'webhook') check(webhookOk(r.slack.url), 'webhook')
  if (r.slack?.kind === 'bot') {
    check(/^[\x21-\x7e]+$/.test(r.slack.token), 'bot token')
    check(singleLine(r.slack.channel) && codePoints(r.slack.channel) <= 81, 'channel')
  }
  if (r.githubToken !== undefined) check(/^[\x21-\x7e]+$/.test(r.githubToken), 'github token')
  if (r.statusContext !== undefined) {
    check(singleLine(r.statusContext), 'status context')
    check(r.githubToken !== undefined, 'status context without a token')
  }
  if (r.snsTopicArn !== undefined) {
    const m = /^arn:([^:]+):sns:([^:]+):\d{12}:[A-Za-z0-9_-]{1,256}$/.exec(r.snsTopicArn)
    check(m !== null && m[1] === p && partition(m[2]!) === p, 'sns topic')
  }
  for (const s of [c.projectName, c.environment]) if (s !== undefined) check(singleLine(s), 'project/env')
  if (c.mode === 'create-pipeline') {
    check(bucketOk(c.artifactBucket), 'bucket')
    check(codebuildOk(c.buildProject) && codebuildOk(c.testProject), 'codebuild')
    check(ecsOk(c.cluster) && ecsOk(c.service), 'ecs')
    check(
      codePoints(c.branch) <= 1000 &&
        !/[\s~^:?*[\\]|\.\.|@\{|^-|\.$|\/$|\.lock$/u.test(c.branch) &&
        !CONTROL.test(c.branch),
      'branch',
    )
    check(/^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9_.-]{1,100}$/.test(c.repository), 'repository')
    check(codePoints(c.imageDefinitionsFile) <= 1000 && singleLine(c.imageDefinitionsFile), 'file name')
    if (c.roleArn !== undefined)
      check(new RegExp(`^arn:${p}:iam::\\d{12}:role/.+$`).test(c.roleArn) && singleLine(c.roleArn), 'role')
    if (c.connectionArn !== undefined)
      check(
        new RegExp(
          `^arn:${p}:(codeconnections|codestar-connections):${c.region}:\\d{12}:connection/[\\w-]+$`,
        ).test(c.connectionArn),
        'connection',
      )
    check(c.tags.length <= 50, 'tag count')
    check(new Set(c.tags.map((t) => t.key)).size === c.tags.length, 'unique tag keys')
    for (const t of c.tags) {
      check(codePoints(t.key) >= 1 && codePoints(t.key) <= 128, 'tag key length')
      check(codePoints(t.value) <= 256, 'tag value length')
      check(!/^aws:/i.test(t.key) && !/^aws:/i.test(t.value), 'aws: prefix')
      check(/^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u.test(t.key + t.value), 'tag characters')
    }
  }
  if (c.mode === 'monitor' && c.executionId !== undefined)
    check(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(c.executionId),
      'execution id',
    )
  if (c.mode === 'validate') {
    for (const [kind, v] of [
      ['cluster', c.cluster],
      ['service', c.service],
    ] as const) {
      const m = new RegExp(`^arn:([^:]+):ecs:([^:]+):\\d{12}:${kind}/(.+)$`).exec(v)
      check(
        m ? m[1] === p && m[2] === c.region && m[3]!.split('/').every(ecsOk) : ecsOk(v),
        `${kind} name or ARN`,
      )
    }
    if (c.api) {
      check(codePoints(c.api.name) <= 1024 && singleLine(c.api.name), 'api name')
      if (c.api.stage !== undefined)
        check(codePoints(c.api.stage) <= 1024 && singleLine(c.api.stage), 'api stage')
    }
    if (c.expectedImageTag !== undefined)
      check(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(c.expectedImageTag), 'image tag')
    for (const a of c.alarmNames) check(codePoints(a) <= 255 && singleLine(a), 'alarm name')
  }
  return bad
}

// ---------- the property ----------

const DERIVED_FROM = ['project-name', 'environment']
const given = (inputs: Inputs, name: string) => (inputs[name as InputName] ?? '').trim() !== ''

function judge(inputs: Inputs, tally: { accepted: number; refused: number }): void {
  let config: Config
  try {
    config = readConfig((n) => inputs[n] ?? '', { env: { ...TEST_ENV }, mask: () => {} })
  } catch (e) {
    if (!(e instanceof InputErrors)) throw e
    tally.refused++
    expect(e.errors.length).toBeGreaterThan(0)
    for (const err of e.errors) {
      const ok = err.inputs.every(
        (name) =>
          given(inputs, name) ||
          // A missing input is named by what to set.
          (err.inputs.length === 1 && /^is required/.test(err.problem)) ||
          // The channel is named when a bot token is set without one.
          (name === 'slack-channel' && given(inputs, 'slack-bot-token')) ||
          (name === 'slack-bot-token' && given(inputs, 'slack-channel')),
      )
      expect(ok ? 'names set inputs' : `names an input that was not set: ${err.message}`).toBe(
        'names set inputs',
      )
      if (err.inputs.length > 1) expect(err.inputs.every((i) => DERIVED_FROM.includes(i))).toBe(true)
      // Secrets are never echoed.
      for (const secret of ['slack-webhook-url', 'slack-bot-token', 'github-token'] as const) {
        const v = (inputs[secret] ?? '').trim()
        const alsoElsewhere = Object.entries(inputs).some(
          ([k, other]) => k !== secret && other !== undefined && other.includes(v),
        )
        if (v.length > 8 && !alsoElsewhere) expect(err.message).not.toContain(v)
      }
    }
    return
  }
  tally.accepted++
  expect(violations(config)).toEqual([])
}

describe('every generated input set is refused naming a set input, or accepted and valid', () => {
  // Hostile sets for create-pipeline are almost never all valid; the valid-leaning property below covers its
  // acceptance side.
  it.each<[string, Record<string, fc.Arbitrary<string>>, number]>([
    ['create-pipeline', createOnly, 0],
    ['monitor', monitorOnly, 1],
    ['validate', validateOnly, 1],
  ])('%s', (mode, extra, minAccepted) => {
    const tally = { accepted: 0, refused: 0 }
    fc.assert(
      fc.property(inputSet(mode, extra), (inputs) => judge(inputs, tally)),
      { numRuns: RUNS },
    )
    // The generator must exercise both sides, or the property proves little.
    expect(tally.refused).toBeGreaterThan(RUNS / 10)
    expect(tally.accepted).toBeGreaterThanOrEqual(minAccepted)
  })

  it('valid-leaning sets are mostly accepted (the generator reaches the acceptance side)', () => {
    const tally = { accepted: 0, refused: 0 }
    const valid = fc
      .record({
        'project-name': fc.stringMatching(/^[a-z][a-z0-9]{0,15}$/),
        environment: fc.constantFrom('prod', 'staging', 'dev'),
        tags: fc
          .uniqueArray(fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.:/=+@ -]{0,30}$/), { maxLength: 50 })
          .map((keys) => keys.map((k) => `${k.trim() || 'k'}=v`).join('\n')),
        version: fc.stringMatching(/^[A-Za-z0-9._-]{1,50}$/),
        'execution-id': fc.uuid(),
        'aws-region': fc.constantFrom('us-east-1', 'eu-west-1'),
      })
      .map((r) => ({
        ...r,
        mode: 'create-pipeline',
        'role-arn': 'arn:aws:iam::123456789012:role/p',
        'connection-arn': `arn:aws:codeconnections:${r['aws-region']}:123456789012:connection/abc`,
      }))
    fc.assert(
      fc.property(valid, (inputs) => judge(inputs as Inputs, tally)),
      { numRuns: RUNS / 2 },
    )
    expect(tally.accepted).toBeGreaterThan(tally.refused)
  })
})
