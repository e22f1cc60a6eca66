// The one place that configures AWS SDK clients: region, user agent, retries and proxy. Endpoints come
// only from the SDK's own AWS_ENDPOINT_URL* support (how tests and the demo reach the emulator).
import type { Config } from './config.js'
import { ACTION_NAME, ACTION_VERSION } from './version.js'

export interface ClientOptions {
  region: string
  maxAttempts: number
  retryMode: 'standard'
  customUserAgent: [string, string][]
  requestHandler?: unknown
}

/** Any SDK v3 client constructor. */
export type ClientClass<T> = new (options: any) => T

export interface AwsClients {
  /** Builds (once per class) a client with the shared options. */
  get<T>(Client: ClientClass<T>): T
}

export async function createAwsClients(
  config: Pick<Config, 'region' | 'maxAttempts'>,
  env = process.env,
): Promise<AwsClients> {
  const options: ClientOptions = {
    region: config.region,
    maxAttempts: config.maxAttempts,
    retryMode: 'standard',
    customUserAgent: [[ACTION_NAME, ACTION_VERSION]],
    requestHandler: await proxyHandler(env),
  }
  const cache = new Map<unknown, unknown>()
  return {
    get<T>(Client: ClientClass<T>): T {
      if (!cache.has(Client)) cache.set(Client, new Client(options))
      return cache.get(Client) as T
    },
  }
}

/** HTTPS_PROXY/NO_PROXY support (the SDK ignores them); loaded only when a proxy is configured. */
async function proxyHandler(env: NodeJS.ProcessEnv): Promise<unknown> {
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
