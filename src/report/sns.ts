// Publishes the alert e-mail to the SNS topic. Publishing is delivery, not a read of AWS state; the SDK client
// (from the one client factory) retries throttling and 5xx within max-attempts.
import type { AwsClients } from '../aws.js'
import { describeError } from '../aws-errors.js'
import type { Delivery } from './retry.js'
import type { Email } from './email.js'

const HINTS: Record<string, string> = {
  NotFound: 'the topic does not exist in this account and region',
  NotFoundException: 'the topic does not exist in this account and region',
  AuthorizationError: 'the role may not publish to it: allow sns:Publish on the topic',
  AuthorizationErrorException: 'the role may not publish to it: allow sns:Publish on the topic',
  KMSAccessDenied: "the role may not use the topic's KMS key",
}

export async function publishEmail(aws: AwsClients, topicArn: string, email: Email): Promise<Delivery> {
  const { SNSClient, PublishCommand } = await import('@aws-sdk/client-sns')
  try {
    // SNS accepts a Publish only in the topic's own region, which may not be the step's.
    const region = topicArn.split(':')[3]
    const out = await aws
      .get(SNSClient, { region })
      .send(new PublishCommand({ TopicArn: topicArn, Subject: email.subject, Message: email.body }))
    return { ok: true, attempts: 1, detail: out.MessageId ? `message ${out.MessageId}` : undefined }
  } catch (e) {
    const err = e as { name?: string; $metadata?: { attempts?: number } }
    const hint = HINTS[err.name ?? '']
    // describeError: AWS's own words, or what the answer was when it was no answer (an HTML page, cut-off XML).
    return {
      ok: false,
      attempts: err.$metadata?.attempts ?? 1,
      error: `SNS Publish to ${topicArn} failed: ${describeError(e)}${hint ? ` (${hint})` : ''}`,
    }
  }
}
