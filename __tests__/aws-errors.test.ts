// One table for every mode: which AWS errors are a cancel, throttling, worth waiting out, or final.
import { describe, expect, it } from '@jest/globals'
import {
  AwsCallError,
  call,
  describeError,
  failureLine,
  errorCode,
  isAbort,
  isThrottling,
  isTransient,
  isUnreachableAddress,
} from '../src/aws-errors.js'

/** An SDK service error as the SDK throws it: name = AWS's code, HTTP status in $metadata. */
const sdk = (name: string, status?: number) =>
  Object.assign(new Error(`${name} message`), { name, $metadata: { httpStatusCode: status } })
/** A Node network error as the SDK rethrows it after its retries: a code, $metadata without a status. */
const net = (code: string) => Object.assign(new Error(`connect ${code}`), { code, $metadata: {} })
const abort = () => Object.assign(new Error('The operation was aborted'), { name: 'AbortError' })

type Row = [string, unknown, { abort: boolean; throttling: boolean; transient: boolean; address: boolean }]
const row = (abort: boolean, throttling: boolean, transient: boolean, address = transient) => ({
  abort,
  throttling,
  transient,
  address,
})

describe('classification', () => {
  it.each<Row>([
    ['AbortError', abort(), row(true, false, false)],
    ['ThrottlingException', sdk('ThrottlingException', 400), row(false, true, true)],
    ['Throttling (CloudWatch query)', sdk('Throttling', 400), row(false, true, true)],
    ['TooManyRequestsException', sdk('TooManyRequestsException', 429), row(false, true, true)],
    ['LimitExceededException', sdk('LimitExceededException', 400), row(false, true, true)],
    ['any 429', sdk('Whatever', 429), row(false, true, true)],
    ['503 ServiceUnavailable', sdk('ServiceUnavailableException', 503), row(false, false, true)],
    ['500 InternalFailure', sdk('InternalFailure', 500), row(false, false, true)],
    ['TimeoutError', Object.assign(new Error('t'), { name: 'TimeoutError' }), row(false, false, true)],
    ['ECONNRESET', net('ECONNRESET'), row(false, false, true)],
    ['ETIMEDOUT', net('ETIMEDOUT'), row(false, false, true)],
    [
      'ECONNREFUSED: an outage for AWS, a wrong address for a webhook',
      net('ECONNREFUSED'),
      row(false, false, true, false),
    ],
    ['ENOTFOUND likewise', net('ENOTFOUND'), row(false, false, true, false)],
    [
      'socket hang up without a code',
      Object.assign(new Error('socket hang up'), { $metadata: {} }),
      row(false, false, true),
    ],
    ['AccessDeniedException', sdk('AccessDeniedException', 400), row(false, false, false)],
    ['ClusterNotFoundException', sdk('ClusterNotFoundException', 400), row(false, false, false)],
    ['PipelineNotFoundException', sdk('PipelineNotFoundException', 400), row(false, false, false)],
    ['a plain Error', new Error('boom'), row(false, false, false)],
    ['undefined', undefined, row(false, false, false)],
  ])('%s', (_, e, want) => {
    expect({
      abort: isAbort(e),
      throttling: isThrottling(e),
      transient: isTransient(e),
      address: isTransient(e, { network: 'address' }),
    }).toEqual(want)
  })

  it.each([
    ['ECONNREFUSED', true],
    ['ENOTFOUND', true],
    ['CERT_HAS_EXPIRED', true],
    ['ECONNRESET', false],
  ])('a user-given address answering %s is unreachable: %s', (code, want) => {
    expect(isUnreachableAddress(net(code))).toBe(want)
  })
})

describe('errorCode and describeError', () => {
  it.each<[unknown, string, string]>([
    [
      sdk('AccessDeniedException', 400),
      'AccessDeniedException',
      'AccessDeniedException: AccessDeniedException message',
    ],
    [net('ECONNRESET'), 'ECONNRESET', 'connect ECONNRESET'],
    [new Error('boom'), 'Error', 'boom'],
    ['text', 'Error', 'text'],
    [abort(), 'AbortError', 'cancelled (the step was cancelled while the call was in flight)'],
  ])('%p', (e, code, text) => {
    expect(errorCode(e)).toBe(code)
    expect(describeError(e)).toBe(text)
  })
})

describe('failureLine', () => {
  it.each<[string, unknown, Parameters<typeof failureLine>[2], string]>([
    [
      'ecs:UpdateService',
      sdk('AccessDeniedException', 400),
      {},
      'UpdateService was denied — AccessDeniedException: AccessDeniedException message. Allow ecs:UpdateService for the credentials this step uses.',
    ],
    [
      'logs:GetLogEvents',
      sdk('ResourceNotFoundException', 400),
      { subject: 'Log stream x' },
      'Log stream x: GetLogEvents failed — ResourceNotFoundException: ResourceNotFoundException message',
    ],
    [
      'codepipeline:CreatePipeline',
      sdk('AccessDeniedException', 400),
      { extraActions: ['iam:PassRole on r'], hint: 'never shown for a denial' },
      'CreatePipeline was denied — AccessDeniedException: AccessDeniedException message. Allow codepipeline:CreatePipeline and iam:PassRole on r for the credentials this step uses.',
    ],
    [
      'codepipeline:CreatePipeline',
      sdk('InvalidStructureException', 400),
      { rejected: true, hint: 'Fix it.' },
      'CreatePipeline was rejected by AWS — InvalidStructureException: InvalidStructureException message. Fix it.',
    ],
    [
      'cloudwatch:DescribeAlarms',
      sdk('UnrecognizedClientException', 400),
      {},
      'DescribeAlarms failed — UnrecognizedClientException: UnrecognizedClientException message. Configure AWS credentials for this job first (aws-actions/configure-aws-credentials).',
    ],
    ['sns:Publish', net('ECONNRESET'), {}, 'Publish failed — ECONNRESET: connect ECONNRESET'],
  ])('%s', (action, e, opts, line) => {
    const [service, operation] = action.split(':') as ['ecs', string]
    expect(failureLine({ service, operation }, e, opts)).toBe(line)
  })
})

describe('call', () => {
  it('names the call, and classification sees through it', async () => {
    const failed = await call('codebuild', 'BatchGetBuilds', () =>
      Promise.reject(sdk('ThrottlingException', 400)),
    ).catch((e: unknown) => e)
    expect(failed).toBeInstanceOf(AwsCallError)
    expect(failed).toMatchObject({ service: 'codebuild', operation: 'BatchGetBuilds' })
    expect(isThrottling(failed) && isTransient(failed)).toBe(true)
    expect(errorCode(failed)).toBe('ThrottlingException')
    expect(describeError(failed)).toBe(
      'BatchGetBuilds failed — ThrottlingException: ThrottlingException message',
    )
  })

  it('a cancel stays a cancel', async () => {
    const failed = await call('ecs', 'DescribeServices', () => Promise.reject(abort())).catch(
      (e: unknown) => e,
    )
    expect(isAbort(failed)).toBe(true)
    expect(describeError(failed)).toMatch(/^cancelled/)
  })
})
