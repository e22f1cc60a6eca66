// Amazon SNS Publish over awsQuery (the core decodes the form and writes the XML): the topic must exist in the
// scenario (NotFound), Subject is at most 100 printable ASCII characters without line breaks, Message at most
// 256 KB. Published messages are kept in `world.states.sns.published` for tests.
import { AwsError, type AwsService, type EmulatorPlugin, type RequestContext } from '../../core/types.js'

export interface SnsScenario {
  /** Topics that exist: ARNs, or names (expanded with the scenario's region and account). */
  topics?: string[]
  /** Topics the caller may not publish to (AuthorizationError). */
  denied?: string[]
}

export interface PublishedMessage {
  messageId: string
  topicArn: string
  subject?: string
  message: string
  time: number
}

export interface SnsState {
  published: PublishedMessage[]
}

const MAX_MESSAGE_BYTES = 256 * 1024

export const snsPlugin: EmulatorPlugin = {
  scenarioKey: 'sns',
  create(section, world) {
    const scenario = (section ?? {}) as SnsScenario
    const arn = (t: string) =>
      t.startsWith('arn:') ? t : `arn:aws:sns:${world.region}:${world.accountId}:${t}`
    const topics = new Set((scenario.topics ?? []).map(arn))
    const denied = new Set((scenario.denied ?? []).map(arn))
    const state: SnsState = { published: [] }
    world.states.sns = state
    const id = () =>
      'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => {
        const r = Math.floor(world.random() * 16)
        return (c === 'x' ? r : (r & 0x3) | 0x8).toString(16)
      })

    const publish = (input: Record<string, any>, ctx: RequestContext) => {
      const topicArn: string | undefined = input.TopicArn ?? input.TargetArn
      if (!topicArn && !input.PhoneNumber)
        throw invalid('Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter')
      if (!topicArn) throw invalid('Invalid parameter: PhoneNumber Reason: SMS is not emulated')
      if (!/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}(\.fifo)?$/.test(topicArn))
        throw invalid('Invalid parameter: TopicArn')
      if (!topics.has(topicArn))
        throw new AwsError('NotFoundException', 'Topic does not exist', 404, 'NotFound')
      if (denied.has(topicArn)) {
        throw new AwsError(
          'AuthorizationErrorException',
          `User: arn:aws:sts::${ctx.accountId}:assumed-role/deploy/GitHubActions is not authorized to perform: SNS:Publish on resource: ${topicArn} because no identity-based policy allows the SNS:Publish action`,
          403,
          'AuthorizationError',
        )
      }
      const subject: string | undefined = input.Subject
      if (subject !== undefined) {
        // Printable ASCII only, no line breaks, must start with a letter, number or punctuation, ≤100.
        if (
          subject.length === 0 ||
          subject.length > 100 ||
          !/^[\x20-\x7e]+$/.test(subject) ||
          subject.startsWith(' ')
        )
          throw invalid('Invalid parameter: Subject')
      }
      const message: string = input.Message
      if (typeof message !== 'string' || message.length === 0)
        throw invalid('Invalid parameter: Message Reason: Empty message')
      if (Buffer.byteLength(message) > MAX_MESSAGE_BYTES) throw invalid('Invalid parameter: Message too long')
      const messageId = id()
      state.published.push({ messageId, topicArn, subject, message, time: ctx.clock.now() })
      return { MessageId: messageId }
    }

    const service: AwsService = {
      name: 'sns',
      // awsQuery requests carry no target; the core routes them by `Version=2010-03-31`.
      targetPrefix: 'AmazonSimpleNotificationService',
      protocol: 'awsQuery',
      model: 'sns',
      operations: { Publish: publish },
    }
    return { services: [service] }
  },
}

function invalid(message: string): AwsError {
  return new AwsError('InvalidParameterException', message, 400, 'InvalidParameter')
}
