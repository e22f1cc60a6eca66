// The emulator's SNS Publish through the real SDK client (awsQuery): topics, Subject and Message limits.
import { afterEach, describe, expect, it } from '@jest/globals'
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns'
import { startEmulator, type Emulator } from '../index.js'
import { snsPlugin, type SnsState } from '../services/sns/index.js'

let emulator: Emulator
afterEach(() => emulator.stop())

const TOPIC = 'arn:aws:sns:us-east-1:123456789012:deploy-alerts'

async function client() {
  emulator = await startEmulator({
    scenario: { sns: { topics: ['deploy-alerts', 'locked'], denied: ['locked'] } },
    plugins: [snsPlugin],
  })
  return new SNSClient({
    region: 'us-east-1',
    endpoint: emulator.url,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' },
    maxAttempts: 1,
  })
}

describe('SNS Publish', () => {
  it('publishes to a topic of the scenario', async () => {
    const sns = await client()
    const out = await sns.send(
      new PublishCommand({ TopicArn: TOPIC, Subject: 'Deploy failed', Message: 'body' }),
    )
    expect(out.MessageId).toMatch(/^[0-9a-f-]{36}$/)
    expect((emulator.world.states.sns as SnsState).published[0]).toMatchObject({
      topicArn: TOPIC,
      subject: 'Deploy failed',
      message: 'body',
    })
  })

  it.each([
    [
      'an unknown topic',
      { TopicArn: TOPIC.replace('deploy-alerts', 'nope'), Message: 'm' },
      'NotFoundException',
    ],
    [
      'a topic the caller may not publish to',
      { TopicArn: TOPIC.replace('deploy-alerts', 'locked'), Message: 'm' },
      'AuthorizationErrorException',
    ],
    [
      'a subject with a line break',
      { TopicArn: TOPIC, Subject: 'a\nb', Message: 'm' },
      'InvalidParameterException',
    ],
    [
      'a subject over 100',
      { TopicArn: TOPIC, Subject: 'x'.repeat(101), Message: 'm' },
      'InvalidParameterException',
    ],
    [
      'a non-ASCII subject',
      { TopicArn: TOPIC, Subject: 'Déploiement', Message: 'm' },
      'InvalidParameterException',
    ],
    [
      'a message over 256 KB',
      { TopicArn: TOPIC, Message: 'x'.repeat(256 * 1024 + 1) },
      'InvalidParameterException',
    ],
  ])('%s', async (_name, input, name) => {
    const sns = await client()
    await expect(sns.send(new PublishCommand(input))).rejects.toMatchObject({ name })
  })
})
