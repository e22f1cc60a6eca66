// The Deploy stage's guards as config reads them: what each combination of inputs becomes, and every refusal
// naming the input and what is accepted.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { InputErrors } from '../../src/config/read.js'
import type { CreatePipelineConfig } from '../../src/config/types.js'
import { createPipelineConfig } from '../helpers/config.js'
import { PIPELINE_INPUTS } from '../fixtures/inputs.js'

const TOPIC = 'arn:aws:sns:us-east-1:123456789012:shop-approvals'
const URL = 'https://staging.shop.example.com/orders?from=pipeline'

/** A workspace holding a minimal pipeline-definition file. */
function definitionWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'guards-'))
  writeFileSync(join(dir, 'pipeline.json'), JSON.stringify({ stages: [{ name: 'A' }, { name: 'B' }] }))
  return dir
}

const read = (inputs: Record<string, string>, env?: Record<string, string>) =>
  createPipelineConfig({ ...PIPELINE_INPUTS, ...inputs }, env)

describe.each<{ name: string; inputs: Record<string, string>; want: Partial<CreatePipelineConfig> }>([
  { name: 'nothing asked', inputs: {}, want: { approval: undefined, rollbackOnFailure: false } },
  { name: 'approval alone', inputs: { approval: 'true' }, want: { approval: {}, rollbackOnFailure: false } },
  {
    name: 'approval with every detail',
    inputs: {
      approval: 'TRUE',
      'approval-sns-topic-arn': TOPIC,
      'approval-review-url': URL,
      'approval-comment': 'Check the order history page',
    },
    want: { approval: { snsTopicArn: TOPIC, reviewUrl: URL, comment: 'Check the order history page' } },
  },
  {
    name: 'rollback alone',
    inputs: { 'rollback-on-failure': 'true' },
    want: { approval: undefined, rollbackOnFailure: true },
  },
  {
    name: 'rollback with QUEUED',
    inputs: { 'rollback-on-failure': 'true', 'execution-mode': 'QUEUED' },
    want: { rollbackOnFailure: true, executionMode: 'QUEUED' },
  },
  {
    name: 'both off explicitly with pipeline-definition',
    inputs: { approval: 'false', 'rollback-on-failure': 'false', 'pipeline-definition': 'pipeline.json' },
    want: { approval: undefined, rollbackOnFailure: false },
  },
])('accepted: $name', ({ inputs, want }) => {
  it('reads as asked', () => {
    expect(read(inputs, { GITHUB_WORKSPACE: definitionWorkspace() })).toMatchObject(want)
  })
})

describe.each<{ name: string; inputs: Record<string, string>; input: string; message: string | RegExp }>([
  {
    name: 'approval not a boolean',
    inputs: { approval: 'yes' },
    input: 'approval',
    message: 'got "yes"; accepted: "true" or "false".',
  },
  {
    name: 'rollback-on-failure not a boolean',
    inputs: { 'rollback-on-failure': 'on' },
    input: 'rollback-on-failure',
    message: 'got "on"; accepted: "true" or "false".',
  },
  {
    name: 'a topic without approval',
    inputs: { 'approval-sns-topic-arn': TOPIC },
    input: 'approval-sns-topic-arn',
    message:
      'is set but approval is "false"; the approval stage is opt-in: set approval: true to add it, or leave approval-sns-topic-arn empty.',
  },
  {
    name: 'a review URL with approval false',
    inputs: { approval: 'false', 'approval-review-url': URL },
    input: 'approval-review-url',
    message: /^is set but approval is "false"; .* or leave approval-review-url empty\.$/,
  },
  {
    name: 'a comment without approval',
    inputs: { 'approval-comment': 'look' },
    input: 'approval-comment',
    message: /^is set but approval is "false"/,
  },
  {
    name: 'a topic that is not an SNS topic ARN',
    inputs: { approval: 'true', 'approval-sns-topic-arn': 'arn:aws:sqs:us-east-1:123456789012:q' },
    input: 'approval-sns-topic-arn',
    message:
      'got "arn:aws:sqs:us-east-1:123456789012:q"; accepted: an ARN like arn:aws:sns:us-east-1:123456789012:shop-approvals.',
  },
  {
    name: "a topic in another Region than the pipeline's",
    inputs: { approval: 'true', 'approval-sns-topic-arn': 'arn:aws:sns:eu-west-1:123456789012:a' },
    input: 'approval-sns-topic-arn',
    message:
      'got "arn:aws:sns:eu-west-1:123456789012:a", a topic in "eu-west-1", but the pipeline is in "us-east-1" (aws-region); accepted: a topic in us-east-1.',
  },
  {
    name: 'a topic in another partition',
    inputs: { approval: 'true', 'approval-sns-topic-arn': 'arn:aws-cn:sns:cn-north-1:123456789012:a' },
    input: 'approval-sns-topic-arn',
    message: /an ARN of the "aws-cn" partition, but aws-region "us-east-1" is in "aws"/,
  },
  {
    name: 'a plain http review URL',
    inputs: { approval: 'true', 'approval-review-url': 'http://staging.shop.example.com' },
    input: 'approval-review-url',
    message:
      'got "http://staging.shop.example.com"; accepted: an https:// URL without a user name or password, at most 1000 characters, e.g. https://staging.shop.example.com',
  },
  {
    name: 'a review URL that is no URL',
    inputs: { approval: 'true', 'approval-review-url': 'staging.shop.example.com' },
    input: 'approval-review-url',
    message: /^got "staging\.shop\.example\.com"; accepted: an https:\/\/ URL/,
  },
  {
    name: 'a review URL with credentials: refused without echoing them',
    inputs: { approval: 'true', 'approval-review-url': 'https://me:S3cr3tPassw0rd@shop.example.com' },
    input: 'approval-review-url',
    message:
      /^got a URL with a user name or password \(not shown\); accepted: an https:\/\/ URL without a user name or password/,
  },
  {
    name: 'a plain-HTTP review URL with credentials: not echoed either',
    inputs: {
      approval: 'true',
      'approval-review-url': 'http://deploy:S3cr3tPassw0rd@shop.example.com/review',
    },
    input: 'approval-review-url',
    message: /^got a URL with a user name or password \(not shown\);/,
  },
  {
    name: 'a review URL over 1000 characters',
    inputs: { approval: 'true', 'approval-review-url': `https://shop.example.com/${'a'.repeat(1000)}` },
    input: 'approval-review-url',
    message: /at most 1000 characters/,
  },
  {
    name: 'a comment over 1000 characters',
    inputs: { approval: 'true', 'approval-comment': 'x'.repeat(1001) },
    input: 'approval-comment',
    message:
      /which CodePipeline refuses: it is 1001 characters long \(at most 1000\); accepted: 1–1000 characters/,
  },
  {
    name: 'rollback with PARALLEL',
    inputs: { 'rollback-on-failure': 'true', 'execution-mode': 'parallel' },
    input: 'rollback-on-failure',
    message:
      'is "true" but execution-mode is "PARALLEL", whose stages CodePipeline cannot roll back; accepted: rollback-on-failure: false, or execution-mode QUEUED or SUPERSEDED.',
  },
  {
    name: 'approval with pipeline-definition',
    inputs: { approval: 'true', 'pipeline-definition': 'pipeline.json' },
    input: 'approval',
    message:
      'is "true" but pipeline-definition replaces the generated pipeline; accepted: approval: false with pipeline-definition (declare the approval stage in that file instead).',
  },
  {
    name: 'rollback with pipeline-definition',
    inputs: { 'rollback-on-failure': 'true', 'pipeline-definition': 'pipeline.json' },
    input: 'rollback-on-failure',
    message:
      /^is "true" but pipeline-definition replaces the generated pipeline; .*onFailure: \{ result: ROLLBACK \}/,
  },
])('refused: $name', ({ inputs, input, message }) => {
  it(`names ${input} and what is accepted`, () => {
    let error: InputErrors | undefined
    try {
      read(inputs, { GITHUB_WORKSPACE: definitionWorkspace() })
    } catch (e) {
      if (!(e instanceof InputErrors)) throw e
      error = e
    }
    expect(error?.errors.map((e) => e.input)).toEqual([input])
    const problem = error!.errors[0]!.problem
    if (typeof message === 'string') expect(problem).toBe(message)
    else expect(problem).toMatch(message)
  })
})

// What approvers are told is stored in the pipeline declaration and sent to them by CodePipeline, where the
// step's masking does not reach: a secret the step knows is refused there, naming where it comes from, never
// showing it.
const WEBHOOK = 'https://hooks.slack.com/services/T0SHOP/B0SHOP/webhookSecretXYZ123'
const BOT = 'xoxb-1234567890-shop-bot-token'
const GITHUB = 'ghs_ShopToken0123456789abcdefghij'
const AWS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'

describe.each<{
  name: string
  inputs: Record<string, string>
  env?: Record<string, string>
  input: string
  from: string
  secret: string
}>([
  {
    name: 'the GitHub token in the comment',
    inputs: { 'github-token': GITHUB, 'approval-comment': `Approve with ${GITHUB}` },
    input: 'approval-comment',
    from: 'the secret input github-token',
    secret: GITHUB,
  },
  {
    name: 'the Slack bot token in the review URL',
    inputs: {
      'slack-bot-token': BOT,
      'slack-channel': 'C0123456789',
      'approval-review-url': `https://shop.example.com/review?token=${BOT}`,
    },
    input: 'approval-review-url',
    from: 'the secret input slack-bot-token',
    secret: BOT,
  },
  {
    name: 'the Slack webhook URL in the comment',
    inputs: { 'slack-webhook-url': WEBHOOK, 'approval-comment': `Tell ${WEBHOOK}` },
    input: 'approval-comment',
    from: 'the secret input slack-webhook-url',
    secret: WEBHOOK,
  },
  {
    name: "the webhook's path alone in the review URL",
    inputs: {
      'slack-webhook-url': WEBHOOK,
      'approval-review-url': 'https://shop.example.com/services/T0SHOP/B0SHOP/webhookSecretXYZ123',
    },
    input: 'approval-review-url',
    from: 'the secret input slack-webhook-url',
    secret: 'webhookSecretXYZ123',
  },
  {
    name: 'the GitHub token URL-encoded in the review URL',
    inputs: {
      'github-token': 'ghs_Shop/Token+0123456789abcdef',
      'approval-review-url': `https://shop.example.com/?t=${encodeURIComponent('ghs_Shop/Token+0123456789abcdef')}`,
    },
    input: 'approval-review-url',
    from: 'the secret input github-token',
    secret: encodeURIComponent('ghs_Shop/Token+0123456789abcdef'),
  },
  {
    name: 'an AWS secret key of the environment in the comment',
    inputs: { 'approval-comment': `key ${AWS_KEY}` },
    env: { AWS_SECRET_ACCESS_KEY: AWS_KEY },
    input: 'approval-comment',
    from: 'the environment variable AWS_SECRET_ACCESS_KEY',
    secret: AWS_KEY,
  },
])('refused, a secret in what approvers are told: $name', ({ inputs, env, input, from, secret }) => {
  it(`names ${input} and where the secret comes from, never the secret`, () => {
    let error: InputErrors | undefined
    try {
      read({ approval: 'true', ...inputs }, { GITHUB_WORKSPACE: definitionWorkspace(), ...env })
    } catch (e) {
      if (!(e instanceof InputErrors)) throw e
      error = e
    }
    expect(error?.errors.map((e) => e.input)).toEqual([input])
    const what = input === 'approval-comment' ? 'a note' : 'a link'
    expect(error!.errors[0]!.problem).toBe(
      `contains the value of ${from} (value hidden: it is a secret); accepted: ${what} that holds no secret — CodePipeline stores it in the pipeline declaration and shows it to approvers unmasked.`,
    )
    expect(error!.message).not.toContain(secret)
  })
})

describe('accepted with secrets set: details that hold none of them', () => {
  it('reads the review URL and the comment as given', () => {
    const config = read({
      approval: 'true',
      'github-token': GITHUB,
      'slack-webhook-url': WEBHOOK,
      'approval-review-url': URL,
      'approval-comment': 'Check the Slack channel and the GitHub run',
    })
    expect(config.approval).toEqual({ reviewUrl: URL, comment: 'Check the Slack channel and the GitHub run' })
  })
})
