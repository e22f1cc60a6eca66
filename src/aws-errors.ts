// How every mode tells AWS errors apart, in one table: a cancel is no failure, throttling and transient network
// or server trouble are worth waiting out (the SDK has already retried them), anything else is final. Pure.

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

/** AWS's error code: the SDK's `name` (`AccessDeniedException`), else Node's `code` (`ECONNRESET`), else `Error`. */
export function errorCode(e: unknown): string {
  const err = e as SdkErrorLike | undefined
  if (err?.name && err.name !== 'Error') return err.name
  return err?.code ?? 'Error'
}

/** The call was aborted by the cancel signal: the step was cancelled, nothing failed. */
export function isAbort(e: unknown): boolean {
  return (e as SdkErrorLike | undefined)?.name === 'AbortError'
}

export function isThrottling(e: unknown): boolean {
  const err = e as SdkErrorLike | undefined
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
  const err = e as SdkErrorLike | undefined
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
  return UNREACHABLE_ADDRESS.has((e as SdkErrorLike | undefined)?.code ?? '')
}

/** `AccessDeniedException: <AWS message>`; a cancel reads as such, not as an error. */
export function describeError(e: unknown): string {
  if (isAbort(e)) return 'cancelled (the step was cancelled while the call was in flight)'
  const err = e as SdkErrorLike | undefined
  const name = err?.name && err.name !== 'Error' ? `${err.name}: ` : ''
  return `${name}${err?.message ?? String(e)}`
}
