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
  $metadata?: { httpStatusCode?: number }
}

/** The IAM prefix of each service the action calls. */
export type AwsService = 'codepipeline' | 'codebuild' | 'logs' | 'ecs' | 'cloudwatch' | 'sns'

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
  const code = errorCode(e)
  const message = ((e as SdkErrorLike | undefined)?.message ?? String(e)).replace(/\s+/g, ' ').trim()
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
  if (err?.name && err.name !== 'Error') return err.name
  return err?.code ?? 'Error'
}

/** The call was aborted by the cancel signal: the step was cancelled, nothing failed. */
export function isAbort(e: unknown): boolean {
  return (cause(e) as SdkErrorLike | undefined)?.name === 'AbortError'
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

/** Throttling, 5xx, timeouts and connection failures: wait and look again. An abort is never transient. */
export function isTransient(e: unknown, opts: TransientOptions = {}): boolean {
  if (isAbort(e)) return false
  if (isThrottling(e)) return true
  const err = cause(e) as SdkErrorLike | undefined
  const status = err?.$metadata?.httpStatusCode
  if (status !== undefined && status >= 500) return true
  const code = err?.code ?? ''
  if (opts.network === 'address' && UNREACHABLE_ADDRESS.has(code)) return false
  if (NETWORK.has(code) || NETWORK.has(err?.name ?? '')) return true
  if (TIMEOUTS.has(err?.name ?? '')) return true
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
  const err = e as SdkErrorLike | undefined
  const name = err?.name && err.name !== 'Error' ? `${err.name}: ` : ''
  return `${name}${err?.message ?? String(e)}`
}
