// One table for every mode: which AWS errors are a cancel, throttling, worth waiting out, or final.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { DescribeTasksCommand, ECSClient } from '@aws-sdk/client-ecs'
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns'
import { NodeHttpHandler } from '@smithy/node-http-handler'
import { startEmulator, type Emulator } from '../emulator/index.js'
import type { FaultRule } from '../emulator/core/faults.js'
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

describe('answers that leave the result unknown', () => {
  /** What the SDK throws when it cannot read an answer: the hint appended, the response hidden on the error. */
  const unreadable = (status: number, type: string, body: string, name = 'SyntaxError') => {
    const e = Object.assign(
      new Error(
        `Unexpected token '<', "${body.slice(0, 10)}"... is not valid JSON\n  Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.`,
      ),
      { name, $metadata: { httpStatusCode: status } },
    )
    Object.defineProperty(e, '$response', {
      value: { statusCode: status, headers: { 'content-type': type }, body },
      enumerable: false,
    })
    return e
  }
  const timeout = (cause: unknown) =>
    Object.assign(new Error('Request aborted'), { name: 'AbortError', cause, $metadata: {} })

  it.each<[string, unknown, string]>([
    [
      'a captive portal page with status 200',
      unreadable(
        200,
        'text/html; charset=utf-8',
        '<html><head><title>Sign in\n to ::the\u0007 "network"</title></head><body>secret</body></html>',
      ),
      'AWS answered with something that is not a valid response (HTTP 200, text/html: "Sign in to ::the network") — could not be verified',
    ],
    [
      'truncated JSON',
      unreadable(200, 'application/x-amz-json-1.1', '{"tasks":[{"taskArn":"arn:', 'SyntaxError'),
      'AWS answered with something that is not a valid response (HTTP 200, application/x-amz-json-1.1) — could not be verified',
    ],
    [
      'a page with a very long title',
      unreadable(502, 'text/html', `<title>${'x'.repeat(500)}</title>`),
      `AWS answered with something that is not a valid response (HTTP 502, text/html: "${'x'.repeat(79)}…") — could not be verified`,
    ],
    [
      "the SDK's request timeout",
      Object.assign(
        new Error(
          '@smithy/node-http-handler - [ERROR] a request has exceeded the configured 300 ms requestTimeout.',
        ),
        {
          name: 'TimeoutError',
          code: 'ETIMEDOUT',
          $metadata: {},
        },
      ),
      'no answer within the time left before the deadline (the request timed out) — could not be verified',
    ],
    [
      'an abort for the deadline (AbortSignal.timeout as the cause)',
      timeout(new DOMException('The operation was aborted due to timeout', 'TimeoutError')),
      'no answer within the time left before the deadline (the request timed out) — could not be verified',
    ],
    [
      'an abort for the deadline (the reason as text)',
      Object.assign(new Error('TimeoutError: The operation was aborted due to timeout'), {
        name: 'AbortError',
      }),
      'no answer within the time left before the deadline (the request timed out) — could not be verified',
    ],
    [
      "AWS's own RequestTimeout",
      Object.assign(new Error('Your socket connection to the server was not read from'), {
        name: 'RequestTimeout',
        $metadata: { httpStatusCode: 400 },
      }),
      'AWS gave up waiting for the request (RequestTimeout) — could not be verified',
    ],
  ])('%s: transient, not a cancel, and said plainly', (_, e, text) => {
    expect(isTransient(e)).toBe(true)
    expect(isAbort(e)).toBe(false)
    expect(describeError(e)).toBe(text)
    const line = describeError(new AwsCallError({ service: 'ecs', operation: 'DescribeTasks' }, e))
    expect(line).toBe(`ecs:DescribeTasks: ${text}`)
    expect(line).not.toMatch(/Deserialization|\$response|secret|<|\n/)
  })

  it('an abort without a timeout reason is still a cancel', () => {
    expect(isAbort(timeout(new Error('cancelled')))).toBe(true)
    expect(isAbort(timeout(undefined))).toBe(true)
  })

  it("a reset the SDK's handler names TimeoutError is a reset, not a timeout", () => {
    const e = Object.assign(new Error('socket hang up'), {
      name: 'TimeoutError',
      code: 'ECONNRESET',
      $metadata: {},
    })
    expect(isTransient(e)).toBe(true)
    expect(errorCode(e)).toBe('ECONNRESET')
    expect(describeError(e)).toBe('ECONNRESET: socket hang up')
  })

  it('an error answer the SDK could not read either: no developer hint, the status said', () => {
    const e = Object.assign(
      new Error(
        'Something odd\n  Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.',
      ),
      { name: 'InvalidSignatureException', $metadata: { httpStatusCode: 400 } },
    )
    expect(failureLine({ service: 'ecs', operation: 'DescribeTasks' }, e)).toBe(
      'ecs:DescribeTasks: AWS answered with something that is not a valid response (HTTP 400) — could not be verified',
    )
  })
})

describe('what the real SDK clients throw for each fault, described', () => {
  let emu: Emulator
  let ecs: ECSClient
  let sns: SNSClient
  beforeAll(async () => {
    emu = await startEmulator({ scenario: { sns: { topics: ['alerts'] } } })
    const config = {
      endpoint: emu.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIAEMULATOR', secretAccessKey: 'secret' },
      maxAttempts: 1,
      requestHandler: new NodeHttpHandler({ requestTimeout: 200, throwOnRequestTimeout: true }),
    }
    ecs = new ECSClient(config)
    sns = new SNSClient(config)
  })
  afterAll(async () => {
    ecs.destroy()
    sns.destroy()
    await emu.stop()
  })

  const reads = {
    'ecs:DescribeTasks': (signal?: AbortSignal) =>
      call('ecs', 'DescribeTasks', () =>
        ecs.send(new DescribeTasksCommand({ cluster: 'shop', tasks: ['t'] }), { abortSignal: signal }),
      ),
    'sns:Publish': (signal?: AbortSignal) =>
      call('sns', 'Publish', () =>
        sns.send(
          new PublishCommand({ TopicArn: 'arn:aws:sns:us-east-1:123456789012:alerts', Message: 'm' }),
          {
            abortSignal: signal,
          },
        ),
      ),
  }

  it.each<[string, FaultRule, RegExp, boolean]>([
    [
      'html 200',
      { htmlRate: 1 },
      /^AWS answered with something that is not a valid response \(HTTP 200, text\/html(: "Sign in to the network")?\) — could not be verified$/,
      false,
    ],
    [
      'html 502',
      { htmlRate: 1, htmlStatus: 502 },
      /^AWS answered with something that is not a valid response \(HTTP 502, text\/html(: "502 Bad Gateway")?\) — could not be verified$/,
      false,
    ],
    [
      'malformed',
      { malformedRate: 1 },
      /^AWS answered with something that is not a valid response \(HTTP 200(, (application\/x-amz-json-1\.1|text\/xml))?\) — could not be verified$/,
      false,
    ],
    [
      'reset mid-body',
      { resetRate: 1 },
      /^the connection was reset before AWS's answer was complete \(HTTP (200|status unknown)[^)]*\) — could not be verified$/,
      false,
    ],
    [
      'hang (the request timeout)',
      { hangRate: 1 },
      /^no answer within the time left before the deadline \(the request timed out\) — could not be verified$/,
      false,
    ],
    [
      'hang (an AbortSignal.timeout)',
      { hangRate: 1 },
      /^no answer within the time left before the deadline \(the request timed out\) — could not be verified$/,
      true,
    ],
  ])('%s', async (_, rule, text, withSignal) => {
    emu.setFaults({ rules: [rule] })
    for (const [action, read] of Object.entries(reads)) {
      const e = await read(withSignal ? AbortSignal.timeout(100) : undefined).then(
        () => undefined,
        (err: unknown) => err,
      )
      expect(isTransient(e)).toBe(true)
      expect(isAbort(e)).toBe(false)
      const line = describeError(e)
      expect(line.startsWith(`${action}: `)).toBe(true)
      expect(line.slice(action.length + 2)).toMatch(text)
      expect(line).not.toMatch(/Deserialization|\$response|inspect the hidden field|\n/)
    }
  })
})
