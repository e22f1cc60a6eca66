import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { readConfig } from '../../src/config/read.js'
import type { CreatePipelineConfig, MonitorConfig, ValidateConfig } from '../../src/config/types.js'
import type { InputName } from '../../src/inputs.js'
import { TEST_ENV } from '../helpers/config.js'
import { CONNECTION, ROLE } from '../fixtures/inputs.js'

function read(
  inputs: Partial<Record<InputName, string>>,
  env: Record<string, string | undefined> = {},
  masked: string[] = [],
) {
  return readConfig((n) => inputs[n] ?? '', { env: { ...TEST_ENV, ...env }, mask: (s) => masked.push(s) })
}
function errorOf(
  inputs: Partial<Record<InputName, string>>,
  env: Record<string, string | undefined> = {},
): string {
  try {
    read(inputs, env)
  } catch (e) {
    return (e as Error).message
  }
  throw new Error('expected an input error')
}

describe('create-pipeline defaults and naming conventions', () => {
  const c = read({
    mode: 'create-pipeline',
    'project-name': 'shop',
    environment: 'staging',
    'role-arn': ROLE,
    'connection-arn': CONNECTION,
  }) as CreatePipelineConfig
  it.each<[keyof CreatePipelineConfig, unknown]>([
    ['pipelineName', 'shop-staging'],
    ['branch', 'staging'],
    ['artifactBucket', 'shop-staging-artifacts'],
    ['buildProject', 'shop-staging-build'],
    ['testProject', 'shop-staging-test'],
    ['cluster', 'shop-staging'],
    ['service', 'shop'],
    ['repository', 'octo-org/shop'],
    ['imageDefinitionsFile', 'imagedefinitions.json'],
    ['executionMode', 'SUPERSEDED'],
    ['sourceTrigger', 'push'],
    ['startExecution', false],
    ['wait', false],
    ['dryRun', false],
    ['timeoutMs', 3_600_000],
    ['maxAttempts', 5],
    ['region', 'us-east-1'],
    ['commitSha', TEST_ENV.GITHUB_SHA],
    ['version', TEST_ENV.GITHUB_SHA.slice(0, 7)],
    ['tags', []],
  ])('%s = %p', (key, value) => expect(c[key]).toEqual(value))
  it('follows with the monitor defaults', () =>
    expect(c.follow).toEqual({
      pollIntervalMs: 10_000,
      onSuperseded: 'follow',
      stopOnCancel: false,
      followRollback: false,
    }))
  it('does not make create-pipeline final for the commit status', () =>
    expect(c.reporting.statusFinal).toBe(false))
  it('accepts the execution mode in any case', () =>
    expect(
      (
        read({
          mode: 'create-pipeline',
          'project-name': 'a',
          environment: 'b',
          'role-arn': ROLE,
          'connection-arn': CONNECTION,
          'execution-mode': 'queued',
        }) as CreatePipelineConfig
      ).executionMode,
    ).toBe('QUEUED'))
})

describe('monitor and validate defaults', () => {
  it('monitor', () => {
    const c = read({
      mode: 'monitor',
      'project-name': 'shop',
      environment: 'prod',
      'timeout-minutes': '0.5',
    }) as MonitorConfig
    expect(c).toMatchObject({
      pipelineName: 'shop-prod',
      timeoutMs: 30_000,
      follow: { pollIntervalMs: 10_000, onSuperseded: 'follow' },
    })
    expect(c.reporting).toMatchObject({ notifyOn: 'failure', statusFinal: false, failOnAlertError: false })
  })
  it('validate', () => {
    const c = read({ mode: 'validate', 'project-name': 'shop', environment: 'prod' }) as ValidateConfig
    expect(c).toMatchObject({
      cluster: 'shop-prod',
      service: 'shop',
      waitForStable: true,
      api: undefined,
      maxErrorRate: 0.01,
      windowMinutes: 5,
      metricChecks: [],
      alarmNames: [],
      onMissingData: 'warn',
      bakeMs: 0,
      rollback: 'none',
    })
    expect(c.reporting.statusFinal).toBe(true)
  })
  it('api-name none skips the API check', () =>
    expect(
      (
        read({
          mode: 'validate',
          'project-name': 's',
          environment: 'e',
          'api-name': 'none',
        }) as ValidateConfig
      ).api,
    ).toBeUndefined())
  it('status-final can be set explicitly', () =>
    expect(
      read({ mode: 'monitor', 'pipeline-name': 'p', 'status-final': 'true' }).reporting.statusFinal,
    ).toBe(true))
  it.each([
    ['given', { 'pipeline-name': 'shop-deploy' }, 'shop-deploy'],
    ['derived', { 'project-name': 'shop', environment: 'prod' }, 'shop-prod'],
  ])('rollback: pipeline carries the pipeline to roll back (%s)', (_, names, pipelineName) => {
    const c = read({
      mode: 'validate',
      cluster: 'c',
      service: 's',
      'api-name': 'none',
      rollback: 'pipeline',
      ...names,
    })
    expect(c).toMatchObject({ rollback: 'pipeline', pipelineName })
  })
})

describe('region and commit come from the environment', () => {
  it('falls back to AWS_DEFAULT_REGION', () =>
    expect(
      read(
        { mode: 'monitor', 'pipeline-name': 'p' },
        { AWS_REGION: undefined, AWS_DEFAULT_REGION: 'eu-west-1' },
      ).region,
    ).toBe('eu-west-1'))
  it('prefers the input', () =>
    expect(read({ mode: 'monitor', 'pipeline-name': 'p', 'aws-region': 'ap-south-1' }).region).toBe(
      'ap-south-1',
    ))

  const dir = mkdtempSync(join(tmpdir(), 'cfg-'))
  const head = 'b'.repeat(40)
  const event = (name: string, body: object) => {
    const path = join(dir, `${name}.json`)
    writeFileSync(path, JSON.stringify(body))
    return { GITHUB_EVENT_NAME: name, GITHUB_EVENT_PATH: path }
  }
  it.each([
    ['pull_request', { pull_request: { head: { sha: head } } }, head],
    ['pull_request_target', { pull_request: { head: { sha: head } } }, head],
    ['workflow_run', { workflow_run: { head_sha: head } }, head],
    ['push', { after: head }, TEST_ENV.GITHUB_SHA],
  ])('on %s the commit is the right one', (name, body, sha) =>
    expect(read({ mode: 'monitor', 'pipeline-name': 'p' }, event(name, body)).commitSha).toBe(sha),
  )
})

describe('secrets', () => {
  it('masks every secret input as soon as it is read', () => {
    const masked: string[] = []
    read(
      {
        mode: 'monitor',
        'pipeline-name': 'p',
        'slack-webhook-url': 'https://hooks.slack.com/services/T000/B000/s3cr3t',
        'github-token': 'ghs_x',
      },
      {},
      masked,
    )
    expect(masked).toEqual([
      'https://hooks.slack.com/services/T000/B000/s3cr3t',
      '/services/T000/B000/s3cr3t',
      'ghs_x',
    ])
  })
  it('parses a bot token and channel', () =>
    expect(
      read({ mode: 'monitor', 'pipeline-name': 'p', 'slack-bot-token': 'xoxb-1', 'slack-channel': 'C1' })
        .reporting.slack,
    ).toEqual({ kind: 'bot', token: 'xoxb-1', channel: 'C1' }))
})

describe('errors name the input and what is accepted', () => {
  it.each<[string, Partial<Record<InputName, string>>, RegExp]>([
    [
      'both Slack targets',
      {
        mode: 'monitor',
        'pipeline-name': 'p',
        'slack-webhook-url': 'https://h/x',
        'slack-bot-token': 'xoxb',
        'slack-channel': 'C',
      },
      /Input "slack-bot-token": set either/,
    ],
    [
      'channel without token',
      { mode: 'monitor', 'pipeline-name': 'p', 'slack-channel': 'C' },
      /Input "slack-bot-token"/,
    ],
    ['validate without names', { mode: 'validate' }, /Input "cluster".*\n.*Input "service"/],
    [
      'rollback pipeline without a pipeline',
      { mode: 'validate', cluster: 'c', service: 's', 'api-name': 'none', rollback: 'pipeline' },
      /Input "pipeline-name": is required with rollback/,
    ],
    [
      'too many alarms',
      {
        mode: 'validate',
        cluster: 'c',
        service: 's',
        'api-name': 'none',
        'alarm-names': Array.from({ length: 101 }, (_, i) => `a${i}`).join('\n'),
      },
      /at most 100/,
    ],
    [
      'start-execution without a commit',
      {
        mode: 'create-pipeline',
        'project-name': 'a',
        environment: 'b',
        'role-arn': ROLE,
        'connection-arn': CONNECTION,
        'start-execution': 'true',
      },
      /Input "commit-sha"/,
    ],
    [
      'pipeline name AWS would reject',
      { mode: 'monitor', 'pipeline-name': 'my pipeline' },
      /Input "pipeline-name".*CodePipeline refuses: it contains a space/,
    ],
  ])('%s', (_name, inputs, message) => {
    const env = inputs['start-execution'] ? { GITHUB_SHA: undefined } : {}
    expect(errorOf(inputs, env)).toMatch(message)
  })

  it('a malformed commit-sha is reported once, not also as missing', () => {
    const message = errorOf({ mode: 'monitor', 'pipeline-name': 'p', 'commit-sha': 'xyz' })
    expect(message.split('\n')).toEqual([
      expect.stringMatching(/^Input "commit-sha": got "xyz"; accepted: a full commit SHA/),
    ])
  })

  it('reports every problem at once', () => {
    const message = errorOf({
      mode: 'monitor',
      'pipeline-name': 'p',
      'timeout-minutes': 'x',
      'max-attempts': '0',
      'notify-on': 'x',
    })
    expect(message.split('\n')).toHaveLength(3)
  })

  it('a bad expected-image-tag is reported alongside the other bad inputs', () => {
    const message = errorOf({
      mode: 'validate',
      cluster: 'c',
      service: 's',
      'api-name': 'none',
      'max-error-rate': '2',
      'expected-image-tag': 'v 1',
    })
    expect(message.split('\n')).toEqual([
      expect.stringMatching(/^Input "max-error-rate"/),
      expect.stringMatching(/^Input "expected-image-tag": got "v 1", which/),
    ])
  })
})

describe('pipeline-definition', () => {
  const dir = mkdtempSync(join(tmpdir(), 'def-'))
  writeFileSync(join(dir, 'p.yaml'), 'pipeline:\n  name: custom\n  stages:\n    - name: A\n    - name: B\n')
  writeFileSync(join(dir, 'one.json'), '{"name": "x", "stages": [{"name": "A"}]}')
  const base = { mode: 'create-pipeline', 'project-name': 'a', environment: 'b' } as const
  it('loads YAML (get-pipeline output shape) and does not require role or connection', () => {
    const c = read(
      { ...base, 'pipeline-definition': 'p.yaml' },
      { GITHUB_WORKSPACE: dir },
    ) as CreatePipelineConfig
    expect(c.pipelineDefinition?.declaration).toMatchObject({
      name: 'custom',
      stages: [{ name: 'A' }, { name: 'B' }],
    })
  })
  it('rejects fewer than two stages', () =>
    expect(errorOf({ ...base, 'pipeline-definition': 'one.json' }, { GITHUB_WORKSPACE: dir })).toMatch(
      /at least two stages/,
    ))
})
