// How validate tells AWS errors apart: throttling is waited out, a missing cluster is the user's to fix.

const THROTTLING = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'LimitExceededException',
])

interface SdkErrorLike {
  name?: string
  message?: string
  $metadata?: { httpStatusCode?: number }
}

export function errorName(e: unknown): string {
  return (e as SdkErrorLike)?.name ?? 'Error'
}

/** Throttling or a server error that survived the SDK's own retries: worth another look after a pause. */
export function isRetryable(e: unknown): boolean {
  const err = e as SdkErrorLike
  const status = err?.$metadata?.httpStatusCode
  return THROTTLING.has(err?.name ?? '') || status === 429 || (status !== undefined && status >= 500)
}

export function describeError(e: unknown): string {
  const err = e as SdkErrorLike
  const name = err?.name && err.name !== 'Error' ? `${err.name}: ` : ''
  return `${name}${err?.message ?? String(e)}`
}
