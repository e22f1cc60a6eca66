// ModeDeps for in-process mode tests: real SDK clients over real HTTP to the emulator, with the action's
// clock and sleep tied to the emulator's manual clock, so a ten-minute pipeline runs in milliseconds.
import { ConfiguredRetryStrategy } from '@smithy/core/retry'
import { createAwsClients } from '../../src/aws.js'
import type { Logger, ModeDeps } from '../../src/deps.js'

export interface EmulatorLike {
  url: string
  env: Record<string, string>
  clock: { now(): number; advance(ms: number): void }
}

export interface TestLogger extends Logger {
  lines: string[]
}

export function testLogger(): TestLogger {
  const lines: string[] = []
  return {
    lines,
    info: (m) => lines.push(m),
    warning: (m) => lines.push(`warning: ${m}`),
    debug: (m) => lines.push(`debug: ${m}`),
    group: async (name, fn) => {
      lines.push(`::group::${name}`)
      try {
        return await fn()
      } finally {
        lines.push('::endgroup::')
      }
    },
  }
}

/**
 * The SDK's standard retry decisions (which errors, how many attempts, the retry quota) without its back-off,
 * which would wait in real time while every other wait of a test is on the emulator's manual clock.
 */
export function noBackoff(maxAttempts: number): ConfiguredRetryStrategy {
  return new ConfiguredRetryStrategy(maxAttempts, 0)
}

export async function emulatorDeps(
  emulator: EmulatorLike,
  opts: { region?: string; maxAttempts?: number; signal?: AbortSignal } = {},
): Promise<ModeDeps & { log: TestLogger }> {
  const env = { ...process.env, ...emulator.env }
  // The SDK reads AWS_ENDPOINT_URL and credentials from process.env when a client is built.
  Object.assign(process.env, emulator.env)
  const maxAttempts = opts.maxAttempts ?? 3
  return {
    aws: await createAwsClients({ region: opts.region ?? 'us-east-1', maxAttempts }, env, {
      retryStrategy: noBackoff(maxAttempts),
    }),
    now: () => emulator.clock.now(),
    sleep: async (ms) => emulator.clock.advance(ms),
    log: testLogger(),
    signal: opts.signal ?? new AbortController().signal,
    env,
  }
}
