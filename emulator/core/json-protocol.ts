// awsJson1_0 / awsJson1_1 bodies (reference §5.2–5.4): epoch-second timestamps, `__type` errors, and for
// query-compatible services (CloudWatch) the x-amzn-query-error header the SDK maps back to its classes.
import type { AwsError, Protocol } from './types.js'

export interface WireResponse {
  status: number
  headers: Record<string, string>
  body: string
}

export function contentType(protocol: Protocol): string {
  return protocol === 'awsJson1_0' ? 'application/x-amz-json-1.0' : 'application/x-amz-json-1.1'
}

/** JSON with Date values as epoch seconds (fractions kept), as AWS sends them. */
export function toJson(value: unknown): string {
  return JSON.stringify(value ?? {}, function (this: any, key: string, v: unknown) {
    const raw = key === '' ? value : this[key]
    return raw instanceof Date ? raw.getTime() / 1000 : v
  })
}

export function jsonSuccess(protocol: Protocol, output: unknown, requestId: string): WireResponse {
  return {
    status: 200,
    headers: { 'content-type': contentType(protocol), 'x-amzn-requestid': requestId },
    body: toJson(output),
  }
}

export function jsonError(
  protocol: Protocol,
  error: AwsError,
  requestId: string,
  queryCompatible: boolean,
): WireResponse {
  const headers: Record<string, string> = {
    'content-type': contentType(protocol),
    'x-amzn-requestid': requestId,
    'x-amzn-errortype': error.code,
  }
  if (queryCompatible) headers['x-amzn-query-error'] = `${error.queryCode ?? error.code};${error.fault}`
  return {
    status: error.status,
    headers,
    body: JSON.stringify({ __type: error.code, message: error.message }),
  }
}
