// Regression table for issue 11, finding 7 (bad input that got through) and finding 6 (files without bounds):
// each class is refused in config, before any request, by an error naming an input the user set.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { InputErrors, readConfig } from '../../src/config/read.js'
import type { CreatePipelineConfig, ValidateConfig } from '../../src/config/types.js'
import type { InputName } from '../../src/inputs.js'
import { TEST_ENV } from '../helpers/config.js'
import { CONNECTION, ROLE } from '../fixtures/inputs.js'

type Inputs = Partial<Record<InputName, string>>
const create: Inputs = {
  mode: 'create-pipeline',
  'project-name': 'shop',
  environment: 'staging',
  'role-arn': ROLE,
  'connection-arn': CONNECTION,
}
const monitor: Inputs = { mode: 'monitor', 'project-name': 'shop', environment: 'staging' }
const validate: Inputs = { mode: 'validate', 'project-name': 'shop', environment: 'staging' }

function read(inputs: Inputs, env: Record<string, string | undefined> = {}) {
  return readConfig((n) => inputs[n] ?? '', { env: { ...TEST_ENV, ...env }, mask: () => {} })
}
function errorsOf(inputs: Inputs, env: Record<string, string | undefined> = {}) {
  try {
    read(inputs, env)
  } catch (e) {
    if (e instanceof InputErrors) return e.errors
    throw e
  }
  throw new Error('expected the inputs to be refused')
}

interface Row {
  name: string
  inputs: Inputs
  /** The inputs the one error must name. */
  names: string[]
  message?: RegExp
}

const tags = (n: number) => Array.from({ length: n }, (_, i) => `k${i}=v`).join('\n')
const dashes = '-'.repeat(36)

const refused: Row[] = [
  // ARNs of another partition or region than the one called
  {
    name: 'role-arn of another partition',
    inputs: { ...create, 'role-arn': 'arn:aws-cn:iam::123456789012:role/p' },
    names: ['role-arn'],
    message: /"aws-cn" partition.*"aws"/,
  },
  {
    name: 'role-arn of aws in a GovCloud region',
    inputs: {
      ...create,
      'aws-region': 'us-gov-west-1',
      'connection-arn': 'arn:aws-us-gov:codeconnections:us-gov-west-1:123456789012:connection/abc',
    },
    names: ['role-arn'],
    message: /aws-us-gov/,
  },
  {
    name: 'connection-arn in another region',
    inputs: {
      ...create,
      'connection-arn':
        'arn:aws:codestar-connections:eu-west-1:123456789012:connection/0a1b2c3d-4e5f-6789-abcd-ef0123456789',
    },
    names: ['connection-arn'],
    message: /in "eu-west-1", but the pipeline is in "us-east-1"/,
  },
  {
    name: 'connection-arn of another partition',
    inputs: {
      ...create,
      'connection-arn': 'arn:aws-cn:codeconnections:cn-north-1:123456789012:connection/abc',
    },
    names: ['connection-arn'],
  },
  {
    name: 'connection-arn whose region is not in its partition',
    inputs: {
      ...create,
      'connection-arn': 'arn:aws:codeconnections:cn-north-1:123456789012:connection/abc',
    },
    names: ['connection-arn'],
  },
  {
    name: 'sns-topic-arn of another partition',
    inputs: { ...monitor, 'sns-topic-arn': 'arn:aws-us-gov:sns:us-gov-west-1:123456789012:alerts' },
    names: ['sns-topic-arn'],
  },
  {
    name: 'sns-topic-arn with a region of another partition',
    inputs: { ...monitor, 'sns-topic-arn': 'arn:aws:sns:cn-north-1:123456789012:alerts' },
    names: ['sns-topic-arn'],
  },
  // execution ids
  { name: 'execution-id of dashes', inputs: { ...monitor, 'execution-id': dashes }, names: ['execution-id'] },
  {
    name: 'execution-id of hex without the UUID shape',
    inputs: { ...monitor, 'execution-id': 'a'.repeat(36) },
    names: ['execution-id'],
  },
  // tags AWS refuses
  { name: '51 tags', inputs: { ...create, tags: tags(51) }, names: ['tags'], message: /at most 50/ },
  {
    name: 'a duplicate key',
    inputs: { ...create, tags: 'team=a\nteam=b' },
    names: ['tags'],
    message: /line 1/,
  },
  {
    name: 'the aws: prefix',
    inputs: { ...create, tags: 'aws:owner=x' },
    names: ['tags'],
    message: /reserves/,
  },
  { name: 'the AWS: prefix in capitals', inputs: { ...create, tags: 'AWS:x=y' }, names: ['tags'] },
  { name: 'the aws: prefix on a value', inputs: { ...create, tags: 'owner=Aws:me' }, names: ['tags'] },
  { name: 'a key of 129 characters', inputs: { ...create, tags: `${'k'.repeat(129)}=v` }, names: ['tags'] },
  { name: 'a value of 257 characters', inputs: { ...create, tags: `k=${'v'.repeat(257)}` }, names: ['tags'] },
  { name: 'a character AWS refuses', inputs: { ...create, tags: 'team=<script>' }, names: ['tags'] },
  { name: 'a control character', inputs: { ...create, tags: 'team=a\u0007b' }, names: ['tags'] },
  // names AWS refuses
  {
    name: 'pipeline-name of 101 characters',
    inputs: { ...monitor, 'pipeline-name': 'p'.repeat(101) },
    names: ['pipeline-name'],
  },
  {
    name: 'build-project with a dot',
    inputs: { ...create, 'build-project': 'shop.build' },
    names: ['build-project'],
  },
  {
    name: 'test-project starting with "-"',
    inputs: { ...create, 'test-project': '-test' },
    names: ['test-project'],
  },
  { name: 'cluster with a dot', inputs: { ...create, cluster: 'shop.prod' }, names: ['cluster'] },
  {
    name: 'service of 256 characters',
    inputs: { ...validate, service: 's'.repeat(256) },
    names: ['service'],
  },
  {
    name: 'cluster ARN of another region',
    inputs: { ...validate, cluster: 'arn:aws:ecs:eu-west-1:123456789012:cluster/shop' },
    names: ['cluster'],
  },
  {
    name: 'artifact-bucket in capitals',
    inputs: { ...create, 'artifact-bucket': 'Shop-Artifacts' },
    names: ['artifact-bucket'],
  },
  {
    name: 'artifact-bucket shaped like an IP address',
    inputs: { ...create, 'artifact-bucket': '192.168.5.4' },
    names: ['artifact-bucket'],
  },
  {
    name: 'artifact-bucket with ".."',
    inputs: { ...create, 'artifact-bucket': 'a..b' },
    names: ['artifact-bucket'],
  },
  { name: 'branch with a space', inputs: { ...create, branch: 'my branch' }, names: ['branch'] },
  { name: 'branch with ".."', inputs: { ...create, branch: 'a..b' }, names: ['branch'] },
  {
    name: 'repository owner too long',
    inputs: { ...create, repository: `${'o'.repeat(40)}/r` },
    names: ['repository'],
  },
  {
    name: 'expected-image-tag with ":"',
    inputs: { ...validate, 'expected-image-tag': 'a:b' },
    names: ['expected-image-tag'],
  },
  {
    name: 'alarm name of 256 characters',
    inputs: { ...validate, 'alarm-names': 'a'.repeat(256) },
    names: ['alarm-names'],
  },
  {
    name: 'slack-channel with a space',
    inputs: { ...monitor, 'slack-bot-token': 'xoxb-1', 'slack-channel': 'my channel' },
    names: ['slack-channel'],
  },
  // webhooks: https, or http to a loopback IP address only
  {
    name: 'webhook host that merely starts with 127.',
    inputs: { ...monitor, 'slack-webhook-url': 'http://127.evil.com/services/T/B/secretpart' },
    names: ['slack-webhook-url'],
  },
  {
    name: 'webhook to localhost over http (a name, not an address)',
    inputs: { ...monitor, 'slack-webhook-url': 'http://localhost/services/T/B/secretpart' },
    names: ['slack-webhook-url'],
  },
  {
    name: 'webhook to an IPv4-mapped address over http',
    inputs: { ...monitor, 'slack-webhook-url': 'http://[::ffff:8.8.8.8]/secretpart' },
    names: ['slack-webhook-url'],
  },
  {
    name: 'webhook with credentials',
    inputs: { ...monitor, 'slack-webhook-url': 'https://user:secretpart@hooks.slack.com/x' },
    names: ['slack-webhook-url'],
  },
  // newlines in single-line values
  {
    name: 'newline in github-token',
    inputs: { ...monitor, 'github-token': 'ghs_a\nsecretpart' },
    names: ['github-token'],
  },
  {
    name: 'space in slack-bot-token',
    inputs: { ...monitor, 'slack-bot-token': 'xoxb secretpart', 'slack-channel': 'C1' },
    names: ['slack-bot-token'],
  },
  {
    name: 'newline in slack-webhook-url',
    inputs: { ...monitor, 'slack-webhook-url': 'https://hooks.slack.com/x\nsecretpart' },
    names: ['slack-webhook-url'],
  },
  {
    name: 'newline in status-context',
    inputs: { ...monitor, 'github-token': 'ghs_x', 'status-context': 'deploy\n::error::x' },
    names: ['status-context'],
  },
  { name: 'CR in version', inputs: { ...monitor, version: '1.0\r::warning::x' }, names: ['version'] },
  { name: 'U+2028 in api-stage', inputs: { ...validate, 'api-stage': 'prod\u2028x' }, names: ['api-stage'] },
  {
    name: 'newline in project-name',
    inputs: { ...monitor, 'project-name': 'shop\nx' },
    names: ['project-name'],
  },
  // a status context without a token
  {
    name: 'status-context with an empty github-token',
    inputs: { ...monitor, 'status-context': 'deploy/prod' },
    names: ['status-context'],
    message: /github-token is empty/,
  },
  // a deployment without a token, a URL without a deployment, a URL that is not one
  {
    name: 'deployment-environment with an empty github-token',
    inputs: { ...monitor, 'deployment-environment': 'staging' },
    names: ['deployment-environment'],
    message: /github-token is empty/,
  },
  {
    name: 'environment-url without deployment-environment',
    inputs: { ...monitor, 'github-token': 'ghs_x', 'environment-url': 'https://shop.example.com' },
    names: ['environment-url'],
    message: /deployment-environment is not/,
  },
  {
    name: 'environment-url that is not an http(s) URL',
    inputs: {
      ...monitor,
      'github-token': 'ghs_x',
      'deployment-environment': 'staging',
      'environment-url': 'javascript:alert(1)',
    },
    names: ['environment-url'],
  },
  // version bounded by the pipeline variable's limit
  { name: 'a 120 KB version', inputs: { ...create, version: 'v'.repeat(120 * 1024) }, names: ['version'] },
  {
    name: 'a version of 1001 characters',
    inputs: { ...monitor, version: 'v'.repeat(1001) },
    names: ['version'],
  },
]

describe('refused before any request, naming the input the user set', () => {
  it.each(refused)('$name', ({ inputs, names, message }) => {
    const errors = errorsOf(inputs)
    expect(errors).toHaveLength(1)
    expect(errors[0]!.inputs).toEqual(names)
    for (const name of names) expect(inputs[name as InputName]).toBeDefined()
    if (message) expect(errors[0]!.message).toMatch(message)
    expect(errors[0]!.message).not.toContain('secretpart')
    expect(errors[0]!.message).not.toContain('\n')
  })
})

describe('accepted at the edges', () => {
  it.each<[string, Inputs]>([
    ['50 tags', { ...create, tags: tags(50) }],
    [
      'a key of 128 and a value of 256 characters',
      { ...create, tags: `${'k'.repeat(128)}=${'v'.repeat(256)}` },
    ],
    [
      'tag characters AWS allows, unicode letters and spaces',
      { ...create, tags: 'Équipe web=a+b-c=d.e_f:g/h@i' },
    ],
    ['an empty tag value', { ...create, tags: 'k=' }],
    ['a 1000-character version', { ...monitor, version: 'v'.repeat(1000) }],
    [
      'an SNS topic in another region of the partition',
      { ...monitor, 'sns-topic-arn': 'arn:aws:sns:eu-west-1:123456789012:t' },
    ],
    [
      'a GovCloud pipeline with GovCloud ARNs',
      {
        ...create,
        'aws-region': 'us-gov-west-1',
        'role-arn': 'arn:aws-us-gov:iam::123456789012:role/p',
        'connection-arn': 'arn:aws-us-gov:codestar-connections:us-gov-west-1:123456789012:connection/abc',
      },
    ],
    ['http to 127.0.0.1', { ...monitor, 'slack-webhook-url': 'http://127.0.0.1:9/x' }],
    ['http to 127.1 (normalised)', { ...monitor, 'slack-webhook-url': 'http://127.1/x' }],
    ['http to [::1]', { ...monitor, 'slack-webhook-url': 'http://[::1]:9/x' }],
    ['an upper-case execution id', { ...monitor, 'execution-id': '0A1B2C3D-4E5F-6789-ABCD-EF0123456789' }],
    [
      'a cluster ARN in the region',
      { ...validate, cluster: 'arn:aws:ecs:us-east-1:123456789012:cluster/shop' },
    ],
    [
      'a status context with a token',
      { ...monitor, 'github-token': 'ghs_x', 'status-context': 'deploy/prod' },
    ],
    [
      'a deployment with a token and a URL',
      {
        ...monitor,
        'github-token': 'ghs_x',
        'deployment-environment': 'staging',
        'environment-url': 'https://staging.shop.example.com',
      },
    ],
  ])('%s', (_name, inputs) => expect(() => read(inputs)).not.toThrow())
})

describe('derived names are blamed on what the user set', () => {
  const projects: [string, Inputs, string[]][] = [
    [
      'monitor',
      { mode: 'monitor', 'project-name': 'My App', environment: 'prod' },
      ['project-name', 'environment'],
    ],
    ['create-pipeline', { ...create, 'project-name': 'My App' }, ['project-name', 'environment']],
    [
      'validate with rollback: pipeline',
      { ...validate, 'project-name': 'My App', rollback: 'pipeline' },
      ['project-name', 'environment'],
    ],
  ]
  it.each(projects)('%s: a project-name with a space', (_mode, inputs, names) => {
    const errors = errorsOf(inputs)
    const named = new Set(errors.flatMap((e) => e.inputs))
    for (const input of named) expect(inputs[input as InputName]).toBeDefined()
    expect(errors[0]!.inputs).toEqual(names)
    expect(errors[0]!.message).toMatch(
      /^Inputs "project-name" \+ "environment": give the pipeline name "My App-\w+", which CodePipeline refuses because it contains a space/,
    )
  })
  it('create-pipeline lists every refused derived name in one error per set of inputs', () => {
    const errors = errorsOf({ ...create, 'project-name': 'Shop', environment: 'x'.repeat(100) })
    expect(errors.map((e) => e.inputs)).toEqual([['project-name', 'environment']])
    expect(errors[0]!.message).toMatch(/pipeline name .*; and the artifact bucket name .*S3 refuses/)
    expect(errors[0]!.message).toMatch(/set pipeline-name, artifact-bucket explicitly/)
  })
  it('a service derived from project-name alone names project-name', () => {
    const errors = errorsOf({
      ...create,
      'project-name': 'a.b',
      'pipeline-name': 'p',
      'artifact-bucket': 'bucket',
      'build-project': 'bp',
      'test-project': 'tp',
      cluster: 'c',
    })
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^Input "project-name": gives the service name "a.b", which ECS refuses/),
    ])
  })
  it('a branch derived from environment names environment', () => {
    const errors = errorsOf({
      ...create,
      environment: 'x..y',
      'pipeline-name': 'p',
      'artifact-bucket': 'bucket',
      'build-project': 'bp',
      'test-project': 'tp',
      cluster: 'c',
    })
    expect(errors.map((e) => e.inputs)).toEqual([['environment']])
  })
  it('validate does not judge a pipeline name it will not use', () =>
    expect(
      (read({ ...validate, 'project-name': 'My_App', environment: 'prod', cluster: 'c' }) as ValidateConfig)
        .cluster,
    ).toBe('c'))
  it('explicit names win over a project-name that would give bad ones', () =>
    expect(
      (
        read({
          ...create,
          'project-name': 'My App',
          'pipeline-name': 'p',
          'artifact-bucket': 'bucket',
          'build-project': 'bp',
          'test-project': 'tp',
          cluster: 'c',
          service: 's',
        }) as CreatePipelineConfig
      ).service,
    ).toBe('s'))
})

describe('pipeline-definition files are bounded', () => {
  const workspace = mkdtempSync(join(tmpdir(), 'ws-'))
  const outside = mkdtempSync(join(tmpdir(), 'out-'))
  writeFileSync(join(outside, 'secret.yaml'), 'password: hunter2secret\n')
  symlinkSync(join(outside, 'secret.yaml'), join(workspace, 'escape.yaml'))
  symlinkSync('/dev/zero', join(workspace, 'zero.yaml'))
  mkdirSync(join(workspace, 'dir.yaml'))
  execFileSync('mkfifo', [join(workspace, 'fifo.yaml')])
  writeFileSync(join(workspace, 'big.yaml'), `# ${'x'.repeat(1024 * 1024)}\n`)
  writeFileSync(join(workspace, 'private.json'), '-----BEGIN PRIVATE KEY----- hunter2secret')
  writeFileSync(join(workspace, 'bad.yaml'), 'stages:\n  - name: A\n hunter2secret: [\n')
  writeFileSync(join(workspace, 'binary.yaml'), Buffer.from([0x73, 0x3a, 0x00, 0x01]))
  const base = { ...create, 'role-arn': '', 'connection-arn': '' }
  it.each<[string, string, RegExp]>([
    ['an absolute path outside the workspace', join(outside, 'secret.yaml'), /outside the workspace/],
    [
      'a relative path leading out',
      `../${join(outside, 'secret.yaml').split('/').slice(-2).join('/')}`,
      /outside the workspace/,
    ],
    ['a symlink leading out', 'escape.yaml', /outside the workspace/],
    ['a symlink to /dev/zero', 'zero.yaml', /outside the workspace/],
    ['/dev/zero itself', '/dev/zero', /outside the workspace/],
    ['a directory', 'dir.yaml', /not a regular file \(a directory\)/],
    ['a FIFO (without hanging)', 'fifo.yaml', /not a regular file \(a FIFO\)/],
    ['a file over 1 MiB', 'big.yaml', /larger than 1048576 bytes \(1 MiB\)/],
    ['a file that is not JSON, without quoting it', 'private.json', /is not valid JSON/],
    [
      'a YAML syntax error, by line and column',
      'bad.yaml',
      /is not valid YAML: .* at line \d+, column \d+\./,
    ],
    ['a binary file', 'binary.yaml', /not a text file/],
  ])('refuses %s', (_name, path, message) => {
    const errors = errorsOf({ ...base, 'pipeline-definition': path }, { GITHUB_WORKSPACE: workspace })
    expect(errors.map((e) => e.input)).toEqual(['pipeline-definition'])
    expect(errors[0]!.message).toMatch(message)
    expect(errors[0]!.message).not.toContain('hunter2secret')
    expect(errors[0]!.message).not.toContain('PRIVATE')
  })
  it('reads a declaration inside the workspace through a symlink that stays inside', () => {
    mkdirSync(join(workspace, 'ci'))
    writeFileSync(join(workspace, 'ci', 'p.yaml'), 'stages:\n  - name: A\n  - name: B\n')
    symlinkSync(join(workspace, 'ci', 'p.yaml'), join(workspace, 'link.yaml'))
    const c = read({ ...base, 'pipeline-definition': 'link.yaml' }, { GITHUB_WORKSPACE: workspace })
    expect((c as CreatePipelineConfig).pipelineDefinition?.declaration).toMatchObject({
      stages: [{ name: 'A' }, { name: 'B' }],
    })
  })
})
