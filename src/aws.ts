// The one place that configures AWS SDK clients: region, user agent, retries, proxy and the step's deadline.
// Endpoints come only from the SDK's own AWS_ENDPOINT_URL* support (how tests and the demo reach the emulator).
import type { NodeHttpHandler } from '@smithy/node-http-handler'
import type { Config } from './config/types.js'
import { collectBody } from './body-collector.js'
import { DeadlineExceeded, withDeadline } from './deadline.js'
import { ACTION_NAME, ACTION_VERSION } from './version.js'

export interface ClientOptions {
  region: string
  maxAttempts: number
  retryMode: 'standard'
  customUserAgent: [string, string][]
  requestHandler?: unknown
  retryStrategy?: unknown
  streamCollector?: unknown
}

/** Any SDK v3 client constructor. */
export type ClientClass<T> = new (options: any) => T

export interface ClientOverrides {
  /** The region of resources that live elsewhere (an SNS topic is published to in its own region). */
  region?: string
  /**
   * One attempt, no SDK retry: for a write that must not be sent twice (an answer to a hook that may have been
   * applied before its response was lost). The caller finds out what happened itself.
   */
  once?: boolean
}

export interface AwsClients {
  /** Builds (once per class, region and `once`) a client with the shared options and these overrides. */
  get<T>(Client: ClientClass<T>, overrides?: ClientOverrides): T
}

/**
 * A hung connection must not outlast timeout-minutes: the SDK's Node handler waits forever by default.
 * Connecting gets 5 s; a request without an answer after 60 s fails and is retried like any transient error
 * (@smithy/node-http-handler only logs a warning at requestTimeout unless throwOnRequestTimeout is set).
 */
export const HTTP_TIMEOUTS = { connectionTimeout: 5_000, requestTimeout: 60_000, throwOnRequestTimeout: true }

export interface ClientLimits {
  /**
   * No request runs past this instant (ms since the epoch, read as each request starts): each one gets the time
   * left as its budget, and one still without an answer then fails with DeadlineExceeded (not retried by the
   * SDK). Default: no cut-off.
   */
  cutoff?: () => number
  /**
   * The SDK's retry strategy, in place of the standard one built from maxAttempts. Tests on a manual clock pass
   * the standard decisions with no back-off (every other wait of the step is on the injected clock; this one
   * would be real time). Default: the SDK's standard strategy.
   */
  retryStrategy?: unknown
}

export async function createAwsClients(
  config: Pick<Config, 'region' | 'maxAttempts'>,
  env = process.env,
  limits: ClientLimits = {},
): Promise<AwsClients> {
  // Loaded here, not at the top: a run with bad inputs never gets this far (see runner.ts).
  const { NodeHttpHandler } = await import('@smithy/node-http-handler')
  const handler = (await proxyHandler(env)) ?? new NodeHttpHandler(HTTP_TIMEOUTS)
  const options: ClientOptions = {
    region: config.region,
    maxAttempts: config.maxAttempts,
    retryMode: 'standard',
    customUserAgent: [[ACTION_NAME, ACTION_VERSION]],
    streamCollector: collectBody,
    requestHandler: limits.cutoff === undefined ? handler : boundedHandler(handler, limits.cutoff),
    ...(limits.retryStrategy === undefined ? {} : { retryStrategy: limits.retryStrategy }),
  }
  const cache = new Map<unknown, Map<string, unknown>>()
  return {
    get<T>(Client: ClientClass<T>, overrides: ClientOverrides = {}): T {
      const region = overrides.region ?? options.region
      const key = overrides.once ? `${region} once` : region
      let byKey = cache.get(Client)
      if (!byKey) cache.set(Client, (byKey = new Map()))
      if (!byKey.has(key))
        byKey.set(key, new Client(overrides.once ? sentOnce(options, region) : { ...options, region }))
      return byKey.get(key) as T
    },
  }
}

/** The shared options with one attempt: no retry strategy (a test's would retry), maxAttempts 1. */
function sentOnce(options: ClientOptions, region: string): ClientOptions {
  const { retryStrategy: _retries, ...rest } = options
  void _retries
  return { ...rest, region, maxAttempts: 1 }
}

/**
 * The SDK's handler, with every request's abort signal joined to the cut-off. A request the cut-off ends fails
 * as DeadlineExceeded, so the mode reports a timeout rather than a cancel, and the SDK does not retry it.
 */
export function boundedHandler(inner: NodeHttpHandler, cutoff: () => number): NodeHttpHandler {
  const bounded = Object.create(inner) as NodeHttpHandler
  bounded.handle = async (...[request, options = {}]: Parameters<NodeHttpHandler['handle']>) => {
    const caller = options.abortSignal as AbortSignal | undefined
    const abortSignal = withDeadline(cutoff(), caller)
    try {
      return await inner.handle(request, { ...options, abortSignal })
    } catch (e) {
      if (abortSignal.aborted && !caller?.aborted)
        throw new DeadlineExceeded(`${request.hostname}${request.path}`)
      throw e
    }
  }
  return bounded
}

/** HTTPS_PROXY/NO_PROXY support (the SDK ignores them); loaded only when a proxy is configured. */
async function proxyHandler(env: NodeJS.ProcessEnv): Promise<NodeHttpHandler | undefined> {
  const configured = [
    'HTTPS_PROXY',
    'https_proxy',
    'HTTP_PROXY',
    'http_proxy',
    'ALL_PROXY',
    'all_proxy',
  ].some((k) => env[k])
  if (!configured) return undefined
  const { proxyAwareHandler } = await import('./proxy.js')
  return proxyAwareHandler()
}
