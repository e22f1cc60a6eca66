// Every bad input is rejected by the built action before any network call, with one ::error line that
// names the input, and no secret anywhere in the output but its own ::add-mask:: line.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startRecordingServer } from '../helpers/recording-server.js'
import { runAction } from '../helpers/run-action.js'

const ROLE = 'arn:aws:iam::123456789012:role/pipeline-role'
const CONNECTION = 'arn:aws:codeconnections:us-east-1:123456789012:connection/0a1b2c3d-4e5f-6789-abcd-ef0123456789'
const SECRETS = { 'slack-bot-token': 'xoxb-1111-secret-token', 'slack-channel': 'C0123', 'github-token': 'ghs_s3cr3tT0ken' }
const base = { 'project-name': 'shop', environment: 'staging', ...SECRETS }
const create = { ...base, mode: 'create-pipeline', 'role-arn': ROLE, 'connection-arn': CONNECTION }
const monitor = { ...base, mode: 'monitor' }
const validate = { ...base, mode: 'validate' }

interface Case {
  name: string
  inputs: Record<string, string>
  env?: Record<string, string | undefined>
  files?: Record<string, string>
  input: string
}

const cases: Case[] = [
  { name: 'no inputs at all', inputs: {}, input: 'mode' },
  { name: 'unknown mode', inputs: { ...base, mode: 'deploy' }, input: 'mode' },
  { name: 'no region anywhere', inputs: monitor, env: { AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined }, input: 'aws-region' },
  { name: 'malformed region', inputs: { ...monitor, 'aws-region': 'Virginia' }, input: 'aws-region' },
  { name: 'non-numeric timeout', inputs: { ...monitor, 'timeout-minutes': 'soon' }, input: 'timeout-minutes' },
  { name: 'negative timeout', inputs: { ...monitor, 'timeout-minutes': '-5' }, input: 'timeout-minutes' },
  { name: 'zero timeout', inputs: { ...monitor, 'timeout-minutes': '0' }, input: 'timeout-minutes' },
  { name: 'fractional max-attempts', inputs: { ...monitor, 'max-attempts': '2.5' }, input: 'max-attempts' },
  { name: 'zero poll interval', inputs: { ...monitor, 'poll-interval-seconds': '0' }, input: 'poll-interval-seconds' },
  { name: 'error rate above 1', inputs: { ...validate, 'max-error-rate': '1.5' }, input: 'max-error-rate' },
  { name: 'negative error rate', inputs: { ...validate, 'max-error-rate': '-0.1' }, input: 'max-error-rate' },
  { name: 'fractional window', inputs: { ...validate, 'window-minutes': '2.5' }, input: 'window-minutes' },
  { name: 'bake not below timeout', inputs: { ...validate, 'bake-minutes': '10', 'timeout-minutes': '10' }, input: 'bake-minutes' },
  { name: 'unknown on-superseded', inputs: { ...monitor, 'on-superseded': 'ignore' }, input: 'on-superseded' },
  { name: 'unknown execution-mode', inputs: { ...create, 'execution-mode': 'SERIAL' }, input: 'execution-mode' },
  { name: 'unknown on-missing-data', inputs: { ...validate, 'on-missing-data': 'ignore' }, input: 'on-missing-data' },
  { name: 'unknown notify-on', inputs: { ...monitor, 'notify-on': 'sometimes' }, input: 'notify-on' },
  { name: 'unknown rollback', inputs: { ...validate, rollback: 'yes' }, input: 'rollback' },
  { name: 'unknown source-trigger', inputs: { ...create, 'source-trigger': 'poll' }, input: 'source-trigger' },
  { name: 'boolean that is not one', inputs: { ...create, 'dry-run': 'yes' }, input: 'dry-run' },
  { name: 'boolean wait-for-stable', inputs: { ...validate, 'wait-for-stable': 'maybe' }, input: 'wait-for-stable' },
  { name: 'malformed role-arn', inputs: { ...create, 'role-arn': 'pipeline-role' }, input: 'role-arn' },
  { name: 'malformed connection-arn', inputs: { ...create, 'connection-arn': 'arn:aws:s3:::bucket' }, input: 'connection-arn' },
  { name: 'malformed sns-topic-arn', inputs: { ...monitor, 'sns-topic-arn': 'deploy-alerts' }, input: 'sns-topic-arn' },
  {
    name: 'http Slack webhook on a public host',
    inputs: { ...monitor, 'slack-bot-token': '', 'slack-channel': '', 'slack-webhook-url': 'http://hooks.slack.com/services/T0/B0/s3cr3tw3bh00k' },
    input: 'slack-webhook-url',
  },
  { name: 'metric-checks not YAML', inputs: { ...validate, 'metric-checks': '- name: [unclosed' }, input: 'metric-checks' },
  { name: 'metric-checks missing threshold', inputs: { ...validate, 'metric-checks': '- name: cpu\n  namespace: AWS/ECS\n  metric: CPUUtilization' }, input: 'metric-checks' },
  { name: 'metric-checks missing metric', inputs: { ...validate, 'metric-checks': '- name: cpu\n  namespace: AWS/ECS\n  max: 80' }, input: 'metric-checks' },
  { name: 'tags line without =', inputs: { ...create, tags: 'team=web\ncostcenter' }, input: 'tags' },
  { name: 'repository not owner/repo', inputs: { ...create, repository: 'shop' }, input: 'repository' },
  { name: 'missing pipeline-definition file', inputs: { ...create, 'pipeline-definition': 'nope.json' }, input: 'pipeline-definition' },
  { name: 'unparsable pipeline-definition', inputs: { ...create, 'pipeline-definition': 'p.json' }, files: { 'p.json': '{"name": ' }, input: 'pipeline-definition' },
  { name: 'create-pipeline without role-arn', inputs: { ...create, 'role-arn': '' }, input: 'role-arn' },
  { name: 'create-pipeline without connection-arn', inputs: { ...create, 'connection-arn': '' }, input: 'connection-arn' },
  { name: 'monitor without pipeline name', inputs: { mode: 'monitor', ...SECRETS }, input: 'pipeline-name' },
  { name: 'malformed commit-sha', inputs: { ...monitor, 'commit-sha': 'abc123' }, input: 'commit-sha' },
  { name: 'malformed execution-id', inputs: { ...monitor, 'execution-id': 'latest' }, input: 'execution-id' },
  { name: 'wait without start-execution', inputs: { ...create, wait: 'true' }, input: 'wait' },
  { name: 'bot token without channel', inputs: { ...monitor, 'slack-channel': '' }, input: 'slack-channel' },
]

let server: Awaited<ReturnType<typeof startRecordingServer>>
beforeAll(async () => (server = await startRecordingServer()))
afterAll(() => server.stop())

describe('bad input through dist/index.js', () => {
  it.each(cases)('$name → names "$input"', async ({ inputs, env, files, input }) => {
    const before = server.requests.length
    const run = await runAction({
      inputs,
      files,
      env: { AWS_REGION: 'us-east-1', AWS_ENDPOINT_URL: server.url, GITHUB_API_URL: server.url, ...env },
    })
    expect(run.exitCode).toBe(1)
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(`Input "${input}"`)
    expect(server.requests.length).toBe(before)
    expect(run.summary).toMatch(/^## ❌ Invalid inputs/)
    expect(run.summary).toContain(`**${input}**`)
    const secrets = [...Object.values(SECRETS).filter((s) => s.length > 8), inputs['slack-webhook-url']].filter(Boolean)
    for (const secret of secrets) {
      const lines = run.stdout.split('\n').filter((l) => l.includes(secret!))
      expect(lines.every((l) => l === `::add-mask::${secret}`)).toBe(true)
      expect(run.stderr).not.toContain(secret)
      expect(run.summary).not.toContain(secret)
    }
  })
})
