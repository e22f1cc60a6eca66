// Which AWS errors are worth waiting out. Throttling and transient network or server trouble never fail a
// monitor: the SDK has already retried them, the monitor backs off and looks again.

const THROTTLING = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'ThrottledException',
  'SlowDown',
  'LimitExceededException',
  'ProvisionedThroughputExceededException',
])

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

interface SdkErrorLike {
  name?: string
  code?: string
  $metadata?: { httpStatusCode?: number }
  $retryable?: unknown
}

export function isAbort(e: unknown): boolean {
  const err = e as SdkErrorLike
  return err?.name === 'AbortError'
}

export function isThrottling(e: unknown): boolean {
  const err = e as SdkErrorLike
  return THROTTLING.has(err?.name ?? '') || err?.$metadata?.httpStatusCode === 429
}

/** Throttling, 5xx, timeouts and connection failures: wait and look again. */
export function isTransient(e: unknown): boolean {
  if (isAbort(e)) return false
  if (isThrottling(e)) return true
  const err = e as SdkErrorLike
  const status = err?.$metadata?.httpStatusCode
  if (status !== undefined && status >= 500) return true
  if (NETWORK.has(err?.code ?? '') || NETWORK.has(err?.name ?? '')) return true
  if (
    ['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'InternalFailure'].includes(err?.name ?? '')
  )
    return true
  // No HTTP status at all: the request never got an answer (socket hang up, reset, …).
  return status === undefined && err?.$metadata !== undefined && !err.name?.endsWith('Exception')
}

export function describeError(e: unknown): string {
  const err = e as SdkErrorLike & { message?: string }
  const name = err?.name && err.name !== 'Error' ? `${err.name}: ` : ''
  return `${name}${err?.message ?? String(e)}`
}
