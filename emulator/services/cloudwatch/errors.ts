// CloudWatch's errors carry an awsQuery code (x-amzn-query-error) that the SDK maps back to the class.
import { decodePageToken, encodePageToken } from '../../core/page-token.js'
import { AwsError } from '../../core/types.js'

/** GetMetricData's parameter problems (ValidationError on the wire, as the real service answers). */
export function validationError(message: string): AwsError {
  return new AwsError('ValidationException', message, 400, 'ValidationError')
}

export function invalidParameter(message: string): AwsError {
  return new AwsError('InvalidParameterValueException', message, 400, 'InvalidParameterValue')
}

export function invalidNextToken(): AwsError {
  return new AwsError(
    'InvalidNextToken',
    'The service cannot process the NextToken.',
    400,
    'InvalidNextToken',
  )
}

/** Tokens bound to the request that produced them; anything else is refused as InvalidNextToken. */
export const encodeToken = encodePageToken
export const decodeToken = (token: unknown, key: string): number =>
  decodePageToken(token, key, invalidNextToken)

/** A short stable hash of a request's shape, to bind page tokens to it. */
export function requestKey(value: unknown): string {
  let h = 0x811c9dc5
  for (const ch of JSON.stringify(value)) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0
  return h.toString(36)
}
