// Opaque page tokens shared by the services that page: an offset bound to the request that produced it,
// so a token reused with other parameters is refused as the real service refuses a bad token.

export function encodePageToken(key: string, offset: number): string {
  return Buffer.from(JSON.stringify({ k: key, o: offset })).toString('base64url')
}

/** The offset a token stands for (0 without a token); anything not issued for `key` throws `invalid()`. */
export function decodePageToken(token: unknown, key: string, invalid: () => Error): number {
  if (token === undefined || token === null) return 0
  try {
    const parsed = JSON.parse(Buffer.from(String(token), 'base64url').toString('utf8')) as {
      k?: unknown
      o?: unknown
    }
    if (parsed.k === key && typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0) {
      return parsed.o
    }
  } catch {
    // not one of ours
  }
  throw invalid()
}
