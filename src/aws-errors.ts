// How every mode tells AWS errors apart, in one table: a cancel is no failure, throttling and transient network
// or server trouble are worth waiting out (the SDK has already retried them), anything else is final. And the
// one line a final error becomes: which call failed, AWS's own message, and for access denied the IAM action
// to allow (`<service>:<Operation>`; for these services IAM action names are the API operation names).

/** Error names AWS (and the SDK's own classifier) use for "slow down". */
const THROTTLING = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'ThrottledException',
  'SlowDown',
  // A quota for CreatePipeline/UpdatePipeline, but the SDK (and most services) treat it as throttling.
  'LimitExceededException',
  'ProvisionedThroughputExceededException',
])

/** Connection failures: the request never got an answer. */
const NETWORK = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
])

/**
 * Network failures that say the address itself is wrong. For AWS endpoints they are outages worth waiting out
 * (the endpoint is the SDK's); for a user-given URL (a Slack webhook) they will fail the same way every time.
 */
const UNREACHABLE_ADDRESS = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_FAIL',
  'CERT_HAS_EXPIRED',
  'ERR_INVALID_URL',
])

const TIMEOUTS = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'InternalFailure'])

const ACCESS_DENIED = new Set([
  'AccessDeniedException',
  'AccessDenied',
  'UnauthorizedOperation',
  'NotAuthorized',
])

const NO_CREDENTIALS = new Set([
  'CredentialsProviderError',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
])

interface SdkErrorLike {
  name?: string
  code?: string
  message?: string
  cause?: unknown
  $metadata?: { httpStatusCode?: number }
  /** The raw HTTP response, hidden on errors the SDK raised while reading it (not enumerable). */
  $response?: { statusCode?: number; headers?: Record<string, string | undefined>; body?: unknown }
}

/** The SDK's developer hint appended to an error raised while reading an answer: never shown to users. */
const SDK_HINT =
  /\s*Deserialization error: to see the raw response, inspect the hidden field \{error\}\.\$response on this object\.?/g

/** Connection failures the SDK's Node handler renames `TimeoutError` although no timeout was involved. */
const RENAMED_RESETS = new Set(['ECONNRESET', 'EPIPE'])

/** The IAM prefix of each service the action calls. */
export type AwsService =
  'codepipeline' | 'codebuild' | 'logs' | 'ecs' | 'cloudwatch' | 'sns' | 'elasticloadbalancing' | 'apigateway'

export interface AwsCall {
  service: AwsService
  operation: string
}

/** An AWS call that failed, remembered with the call so the failure line can name it and its IAM action. */
export class AwsCallError extends Error {
  readonly service: AwsService
  readonly operation: string
  constructor(
    call: AwsCall,
    readonly error: unknown,
  ) {
    super(failureLine(call, error))
    this.name = 'AwsCallError'
    this.service = call.service
    this.operation = call.operation
  }
}

/** Runs one AWS call; an error it throws comes back as an AwsCallError naming the call. */
export async function call<T>(service: AwsService, operation: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (e) {
    throw e instanceof AwsCallError ? e : new AwsCallError({ service, operation }, e)
  }
}

/** The error AWS (or the network) threw, under any AwsCallError wrapping it. */
function cause(e: unknown): unknown {
  return e instanceof AwsCallError ? e.error : e
}

export function iamAction(c: AwsCall): string {
  // API Gateway's IAM actions are its HTTP methods: GetRestApis and GetApis are both apigateway:GET.
  if (c.service === 'apigateway') return 'apigateway:GET'
  return `${c.service}:${c.operation}`
}

export interface FailureLineOptions {
  /** What the call was about, put first: `Pipeline "shop-staging"`. */
  subject?: string
  /** More IAM permissions the call needs (e.g. `iam:PassRole on <role>`). */
  extraActions?: string[]
  /** The caller's own advice for this error; access denied and missing credentials have theirs. */
  hint?: string
  /** AWS refused the request's content (a declaration error): "was rejected by AWS" rather than "failed". */
  rejected?: boolean
}

/** `[<subject>: ]<Operation> was denied — AccessDeniedException: <AWS message>. Allow <service>:<Operation> …` */
export function failureLine(c: AwsCall, error: unknown, opts: FailureLineOptions = {}): string {
  const e = cause(error)
  const unanswered = unverifiedAnswer(e)
  if (unanswered) return `${opts.subject ? `${opts.subject}: ` : ''}${iamAction(c)}: ${unanswered}`
  const code = errorCode(e)
  const message = cleanMessage((e as SdkErrorLike | undefined)?.message ?? String(e))
  const verb = isAccessDenied(e) ? 'was denied' : opts.rejected ? 'was rejected by AWS' : 'failed'
  const what = `${opts.subject ? `${opts.subject}: ` : ''}${c.operation} ${verb} — ${code}: ${message || '(no message)'}`
  const hint = isAccessDenied(e)
    ? `Allow ${[iamAction(c), ...(opts.extraActions ?? [])].join(' and ')} for the credentials this step uses.`
    : (opts.hint ??
      (isMissingCredentials(e)
        ? 'Configure AWS credentials for this job first (aws-actions/configure-aws-credentials).'
        : undefined))
  return hint ? `${what}${/[.!?]$/.test(what) ? '' : '.'} ${hint}` : what
}

/** AWS's error code: the SDK's `name` (`AccessDeniedException`), else Node's `code` (`ECONNRESET`), else `Error`. */
export function errorCode(e: unknown): string {
  const err = cause(e) as SdkErrorLike | undefined
  if (err?.name === 'TimeoutError' && RENAMED_RESETS.has(err.code ?? '')) return err.code!
  if (err?.name && err.name !== 'Error') return err.name
  return err?.code ?? 'Error'
}

/**
 * The call was aborted by the cancel signal: the step was cancelled, nothing failed. An abort whose reason is a
 * timeout (`AbortSignal.timeout`, the deadline's budget for the call) is no cancel: see isTimeout.
 */
export function isAbort(e: unknown): boolean {
  const err = cause(e) as SdkErrorLike | undefined
  return err?.name === 'AbortError' && !isTimeoutAbort(err)
}

/**
 * No answer in time: the request timed out (a `TimeoutError` — the deadline's per-call budget, or the SDK's own
 * request/socket timeout — or an abort whose reason is one) or AWS gave up waiting on it (`RequestTimeout`).
 */
export function isTimeout(e: unknown): boolean {
  const err = cause(e) as SdkErrorLike | undefined
  if (!err) return false
  if (isTimeoutError(err)) return true
  if (isTimeoutAbort(err)) return true
  // The step's cut-off ended the request (src/aws.ts boundedHandler).
  if (err.name === 'DeadlineExceeded') return true
  return err.name === 'RequestTimeout' || err.name === 'RequestTimeoutException'
}

function isTimeoutError(e: unknown): boolean {
  const err = e as SdkErrorLike | undefined
  // The SDK's Node handler names a reset or a broken pipe TimeoutError too: those are connection failures.
  return err?.name === 'TimeoutError' && !RENAMED_RESETS.has(err.code ?? '')
}

/** An abort whose reason is a timeout: the reason as `cause`, or (a reason from another realm) as its text. */
function isTimeoutAbort(err: SdkErrorLike): boolean {
  return (
    err.name === 'AbortError' &&
    (isTimeoutError(err.cause) || (typeof err.message === 'string' && err.message.startsWith('TimeoutError')))
  )
}

/**
 * AWS (or whatever answered in its place: a proxy, a captive portal) sent something the SDK could not read: an
 * HTML page, truncated JSON or XML. The SDK raises these while deserializing, with the raw response hidden on
 * the error. Worth another look: the next answer is usually a real one.
 */
export function isUnparsableAnswer(e: unknown): boolean {
  const err = cause(e) as SdkErrorLike | undefined
  if (!err || typeof err !== 'object' || isNetworkCode(err.code) || isResetMidAnswer(err)) return false
  if (typeof err.message === 'string' && /Deserialization error: to see the raw response/.test(err.message))
    return true
  return (
    err.$metadata !== undefined && (err.name === 'SyntaxError' || /XML parse error/.test(err.message ?? ''))
  )
}

/** The connection broke while AWS's answer was arriving (status and headers seen, the body cut short). */
function isResetMidAnswer(err: SdkErrorLike): boolean {
  if (isNetworkCode(err.code)) return hiddenResponse(err) !== undefined
  // Node's own error from another realm, which the SDK wraps and so loses its code.
  return /^(AWS SDK error wrapper for Error: )?aborted$/.test(cleanMessage(err.message ?? ''))
}

function isNetworkCode(code: string | undefined): boolean {
  return NETWORK.has(code ?? '')
}

function hiddenResponse(err: SdkErrorLike): SdkErrorLike['$response'] {
  try {
    const r = err.$response
    return r && typeof r === 'object' ? r : undefined
  } catch {
    return undefined
  }
}

/**
 * For an answer that leaves the result unknown (unparsable, cut short, or none in time): what happened, ending
 * "could not be verified". Undefined for every other error.
 */
function unverifiedAnswer(e: unknown): string | undefined {
  const err = e as SdkErrorLike | undefined
  if (!err || typeof err !== 'object') return undefined
  if (isTimeout(err)) {
    const what =
      err.name === 'RequestTimeout' || err.name === 'RequestTimeoutException'
        ? `AWS gave up waiting for the request (${err.name})`
        : 'no answer within the time left before the deadline (the request timed out)'
    return `${what} — could not be verified`
  }
  if (isUnparsableAnswer(err)) {
    return `AWS answered with something that is not a valid response (${answerShape(err)}) — could not be verified`
  }
  if (isResetMidAnswer(err)) {
    return `the connection was reset before AWS's answer was complete (${answerShape(err)}, ${err.code ?? 'ECONNRESET'}) — could not be verified`
  }
  return undefined
}

/** `HTTP 200, text/html: "Sign in to the network"`: status, media type and, for a page, its sanitized title. */
function answerShape(err: SdkErrorLike): string {
  const response = hiddenResponse(err)
  const status = response?.statusCode ?? err.$metadata?.httpStatusCode
  const headers = response?.headers ?? {}
  const typeHeader = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1]
  const type = typeof typeHeader === 'string' ? sanitize(typeHeader.split(';')[0] ?? '', 40) : ''
  const body = typeof response?.body === 'string' ? response.body : ''
  const title = /<title[^>]*>([^<]*)</i.exec(body.slice(0, 4096))?.[1]
  const excerpt = title ? sanitize(title, 80) : ''
  const parts = [status !== undefined ? `HTTP ${status}` : 'HTTP status unknown']
  if (type) parts.push(excerpt ? `${type}: "${excerpt}"` : type)
  return parts.join(', ')
}

/** One line of at most `max` characters, without control characters or quotes: safe to quote in a sentence. */
function sanitize(text: string, max: number): string {
  const line = text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f"`]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return line.length > max ? `${line.slice(0, max - 1)}…` : line
}

/** An error's message on one line, without the SDK's developer hint. */
function cleanMessage(message: string): string {
  return message.replace(SDK_HINT, '').replace(/\s+/g, ' ').trim()
}

export function isThrottling(e: unknown): boolean {
  const err = cause(e) as SdkErrorLike | undefined
  return THROTTLING.has(err?.name ?? '') || err?.$metadata?.httpStatusCode === 429
}

export function isAccessDenied(e: unknown): boolean {
  return ACCESS_DENIED.has(errorCode(e))
}

export function isMissingCredentials(e: unknown): boolean {
  return NO_CREDENTIALS.has(errorCode(e))
}

export interface TransientOptions {
  /**
   * `aws` (default): every connection failure is waited out. `address`: the address is the user's (a webhook
   * URL), so a refused connection, an unknown host or a bad certificate is final.
   */
  network?: 'aws' | 'address'
}

/**
 * Throttling, 5xx, timeouts, connection failures and answers that are not valid responses (an HTML page, cut
 * JSON): wait and look again. An abort (a cancel) is never transient.
 */
export function isTransient(e: unknown, opts: TransientOptions = {}): boolean {
  if (isAbort(e)) return false
  if (isThrottling(e)) return true
  const err = cause(e) as SdkErrorLike | undefined
  const status = err?.$metadata?.httpStatusCode
  if (status !== undefined && status >= 500) return true
  const code = err?.code ?? ''
  if (opts.network === 'address' && UNREACHABLE_ADDRESS.has(code)) return false
  if (NETWORK.has(code) || NETWORK.has(err?.name ?? '')) return true
  if (TIMEOUTS.has(err?.name ?? '') || isTimeout(err)) return true
  if (isUnparsableAnswer(err)) return true
  // No HTTP status at all: the request never got an answer (socket hang up, reset, …).
  return status === undefined && err?.$metadata !== undefined && !err.name?.endsWith('Exception')
}

/** Whether a network failure reaching a user-given address is worth another attempt. */
export function isUnreachableAddress(e: unknown): boolean {
  return UNREACHABLE_ADDRESS.has((cause(e) as SdkErrorLike | undefined)?.code ?? '')
}

/**
 * `AccessDeniedException: <AWS message>`; a failed call as its failure line (naming the call); a cancel reads
 * as such, not as an error.
 */
export function describeError(e: unknown): string {
  if (isAbort(e)) return 'cancelled (the step was cancelled while the call was in flight)'
  if (e instanceof AwsCallError) return e.message
  const unanswered = unverifiedAnswer(e)
  if (unanswered) return unanswered
  const err = e as SdkErrorLike | undefined
  const code = errorCode(err)
  const name = err?.name && err.name !== 'Error' ? `${code}: ` : ''
  const message = err?.message
  return `${name}${typeof message === 'string' ? message.replace(SDK_HINT, '') : String(e)}`
}
