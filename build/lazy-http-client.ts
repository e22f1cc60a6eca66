// What the bundle sees as `@actions/http-client` (build/tsconfig.json maps the name here). @actions/core imports
// HttpClient statically for its OIDC helper (core.getIDToken), which this action never calls, and the real
// module imports undici: ~940 kB of JavaScript compiled on every run before its first AWS request. This stand-in
// takes the same constructor; its request methods load the real module on their first call, and once it is
// loaded every property of the stand-in is the real client's. So Slack delivery (src/report/http.ts) gets the
// real client on its first post, @actions/github gets it because build/lazy-github.ts loads it first, and a run
// that sends nothing through it never loads it.
import type { HttpClient as RealClient } from '../node_modules/@actions/http-client/lib/index.js'

type Real = typeof import('../node_modules/@actions/http-client/lib/index.js')

let real: Real | undefined

/** Loads the real module; from then on every stand-in forwards everything, synchronous methods too. */
export async function loadRealHttpClient(): Promise<Real> {
  return (real ??= await import('../node_modules/@actions/http-client/lib/index.js'))
}

/** The promise-returning methods: all a caller may use before the real module is loaded. */
const ASYNC = new Set<PropertyKey>([
  'options',
  'get',
  'del',
  'post',
  'patch',
  'put',
  'head',
  'sendStream',
  'getJson',
  'postJson',
  'putJson',
  'patchJson',
  'request',
  'requestRaw',
])

type Method = (...args: unknown[]) => unknown

class LazyHttpClient {
  constructor(...args: ConstructorParameters<typeof RealClient>) {
    let client: RealClient | undefined
    const made = (r: Real): RealClient => (client ??= new r.HttpClient(...args))
    return new Proxy(this, {
      get(_, name) {
        if (real) {
          const c = made(real)
          const value: unknown = c[name as keyof RealClient]
          return typeof value === 'function' ? (value as Method).bind(c) : value
        }
        if (ASYNC.has(name)) {
          return async (...a: unknown[]) => {
            const c = made(await loadRealHttpClient())
            return (c[name as keyof RealClient] as Method).apply(c, a)
          }
        }
        // Not a thenable, and no other use before loading: say plainly which call came too early.
        if (name === 'then' || typeof name === 'symbol') return undefined
        throw new Error(
          `HttpClient.${name} called before @actions/http-client was loaded (build/lazy-http-client.ts)`,
        )
      },
    })
  }
}

export const HttpClient = LazyHttpClient as unknown as typeof RealClient
