// startEmulator(): the in-process emulator used by tests, benchmarks, the demo and the CLI.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createClock, type Clock, type ClockOption } from './clock.js'
import { controlRoute } from './control.js'
import { Dispatcher } from './dispatch.js'
import { FaultInjector, type FaultConfig } from './faults.js'
import { createRandom } from './random.js'
import { RequestLog } from './request-log.js'
import { loadScenario, scenarioStart, SCENARIO_SETTINGS, type Scenario } from './scenario.js'
import type { AwsService, EmulatorPlugin, HttpRoute, World } from './types.js'

export interface EmulatorOptions {
  /** A scenario name from emulator/scenarios/, a file path, or a scenario object. */
  scenario?: string | Scenario
  /** `'manual'` (default: time moves only with clock.advance) or `{ speed }` (emulator ms per real ms). */
  clock?: ClockOption
  /** Emulator time at start; overrides the scenario's `start`. */
  start?: string | number | Date
  faults?: FaultConfig
  /** Text added to every free-text field of every answer (emulator/core/hostile.ts). */
  hostileText?: string
  /** Seed for ids and fault dice (default: the scenario's, else 1). */
  seed?: number
  /** 0 (default) = any free port. */
  port?: number
  host?: string
  region?: string
  /** The plugins to load; default: all of emulator/services/index.ts. */
  plugins?: EmulatorPlugin[]
}

export interface Emulator {
  /** Base URL, e.g. `http://127.0.0.1:43210`. */
  url: string
  port: number
  /** Environment for a process under test: endpoint overrides and fake credentials. */
  env: EmulatorEnv
  log: RequestLog
  counts(): Record<string, number>
  clock: Clock
  world: World
  setFaults(config: FaultConfig | undefined): void
  /** Start (or, with undefined, stop) adding hostile text to every answer's free-text fields. */
  setHostileText(text: string | undefined): void
  stop(): Promise<void>
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const scenario = loadScenario(options.scenario)
  const plugins = options.plugins ?? (await import('../services/index.js')).plugins
  const known = new Set([...SCENARIO_SETTINGS, ...plugins.map((p) => p.scenarioKey)])
  const unknown = Object.keys(scenario).filter((k) => !known.has(k))
  if (unknown.length > 0) {
    throw new Error(
      `Scenario has sections no plugin reads: ${unknown.join(', ')} (known: ${[...known].join(', ')})`,
    )
  }

  const seed = options.seed ?? scenario.seed ?? 1
  const start =
    scenarioStart(options.start) ?? scenarioStart(scenario.start) ?? Math.floor(Date.now() / 1000) * 1000
  const clock = createClock(options.clock, start)
  const world: World = {
    clock,
    region: options.region ?? scenario.region ?? 'us-east-1',
    accountId: scenario.accountId ?? '123456789012',
    random: createRandom(seed),
    states: {},
  }
  const services: AwsService[] = []
  const routes: HttpRoute[] = [controlRoute(clock)]
  const settles: (() => void)[] = []
  for (const plugin of plugins) {
    const instance = plugin.create(scenario[plugin.scenarioKey], world)
    services.push(...(instance.services ?? []))
    routes.push(...(instance.routes ?? []))
    if (instance.settle) settles.push(() => instance.settle!())
  }

  const log = new RequestLog()
  const faults = new FaultInjector(options.faults, seed)
  let hostileText = options.hostileText
  const dispatcher = new Dispatcher({
    hostileText: () => hostileText,
    services,
    routes,
    world,
    faults,
    log,
    settle: () => settles.forEach((s) => s()),
  })
  const server = createServer((req, res) => {
    dispatcher.handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ message: e instanceof Error ? e.message : String(e) }))
    })
  })
  server.keepAliveTimeout = 1000
  const host = options.host ?? '127.0.0.1'
  await listen(server, options.port ?? 0, host)
  const port = (server.address() as AddressInfo).port
  const url = `http://${host}:${port}`

  return {
    url,
    port,
    env: emulatorEnv(url, world.region),
    log,
    counts: () => log.counts(),
    clock,
    world,
    setFaults: (config) => faults.set(config),
    setHostileText: (text) => (hostileText = text),
    stop: () => close(server),
  }
}

/** The variables `emulatorEnv` sets, each named, so a caller reads `env.SLACK_API_URL` as a string. */
export type EmulatorEnv = ReturnType<typeof emulatorEnv>

export function emulatorEnv(url: string, region: string) {
  return {
    AWS_ENDPOINT_URL: url,
    AWS_ACCESS_KEY_ID: 'AKIAEMULATOR00000000',
    AWS_SECRET_ACCESS_KEY: 'emulator-secret-access-key',
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
    GITHUB_API_URL: `${url}/github`,
    SLACK_API_URL: `${url}/slack/api/`,
    SLACK_WEBHOOK_URL: `${url}/slack/webhook/T000/B000/XXXX`,
  }
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections()
  })
}
