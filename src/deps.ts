// What modes get from the outside world. Passed in (not imported) so tests run them against the emulator
// with an injected clock and sleep, in milliseconds, without module mocking or fake timers.
import type { AwsClients } from './aws.js'

export interface Logger {
  info(message: string): void
  warning(message: string): void
  debug(message: string): void
  group<T>(name: string, fn: () => Promise<T>): Promise<T>
}

export interface ModeDeps {
  aws: AwsClients
  /** Milliseconds since the epoch. */
  now: () => number
  /** Resolves after `ms`, or early (without throwing) when `signal` aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>
  log: Logger
  /** Aborted when the runner cancels the step (SIGINT/SIGTERM). */
  signal: AbortSignal
  env: NodeJS.ProcessEnv
}

export function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted || ms <= 0) return resolve()
    const done = (): void => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal?.addEventListener('abort', done, { once: true })
  })
}
