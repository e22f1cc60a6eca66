// Opaque page tokens: an offset bound to the request that produced it, so a token reused with another
// filter is refused the way ECS refuses a bad token.
import { AwsError } from '../../core/types.js'

export function encodeToken(key: string, offset: number): string {
  return Buffer.from(JSON.stringify({ k: key, o: offset })).toString('base64url')
}

export function decodeToken(token: string | undefined, key: string): number {
  if (token === undefined || token === null) return 0
  try {
    const parsed = JSON.parse(Buffer.from(String(token), 'base64url').toString('utf8')) as {
      k?: unknown
      o?: unknown
    }
    if (parsed.k === key && typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0)
      return parsed.o
  } catch {
    // fall through: not one of ours
  }
  throw new AwsError('InvalidParameterException', 'Invalid nextToken.')
}

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
