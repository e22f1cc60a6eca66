// Opaque page tokens: an offset bound to the request that produced it, so a token reused with another
// filter is refused the way ECS refuses a bad token.
import { decodePageToken, encodePageToken } from '../../core/page-token.js'
import { AwsError } from '../../core/types.js'

export const encodeToken = encodePageToken
export const decodeToken = (token: string | undefined, key: string): number =>
  decodePageToken(token, key, () => new AwsError('InvalidParameterException', 'Invalid nextToken.'))

/** maxResults: 1..100; omitted means `fallback`. */
export function pageSize(value: unknown, fallback: number): number {
  if (value === undefined || value === null) return fallback
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 100) {
    throw new AwsError('InvalidParameterException', 'maxResults must be between 1 and 100.')
  }
  return value
}

/** Epoch ms of a timestamp the core decoded (Date) or passed through raw (epoch seconds / ISO string). */
export function toMillis(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined
  if (value instanceof Date) return value.getTime()
  if (typeof value === 'number') return value * 1000
  if (typeof value === 'string') {
    const ms = /^\d+(\.\d+)?$/.test(value) ? Number(value) * 1000 : Date.parse(value)
    if (Number.isFinite(ms)) return ms
  }
  throw new AwsError('InvalidParameterException', `Invalid timestamp: ${JSON.stringify(value)}.`)
}
