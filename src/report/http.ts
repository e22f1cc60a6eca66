// The HTTP layer of alert delivery, injectable so tests can count and script requests.
//
// Why @actions/http-client and not fetch: it honours HTTPS_PROXY / NO_PROXY the way every other call of this
// action does (self-hosted runners behind a proxy), while Node's fetch ignores those variables unless the
// runner opts in with NODE_USE_ENV_PROXY. Its own retries are off (it never retries POST anyway): delivery
// retries are ours, bounded and honouring Retry-After (see retry.ts).

export interface HttpAnswer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

export type HttpPost = (url: string, body: string, headers: Record<string, string>) => Promise<HttpAnswer>

/** Seconds a single request may take before it counts as failed. */
const REQUEST_TIMEOUT_MS = 10_000

export function actionsHttpPost(userAgent: string, timeoutMs = REQUEST_TIMEOUT_MS): HttpPost {
  let client: import('@actions/http-client').HttpClient | undefined
  return async (url, body, headers) => {
    if (!client) {
      const { HttpClient } = await import('@actions/http-client')
      client = new HttpClient(userAgent, undefined, {
        socketTimeout: timeoutMs,
        allowRetries: false,
        allowRedirects: false,
      })
    }
    const res = await client.post(url, body, headers)
    return { status: res.message.statusCode ?? 0, headers: res.message.headers, body: await res.readBody() }
  }
}

export function headerValue(headers: HttpAnswer['headers'], name: string): string | undefined {
  const v = headers[name.toLowerCase()]
  return Array.isArray(v) ? v[0] : v
}
