// The emulator's public face for tests, benchmarks, the demo and the CLI.
export {
  startEmulator,
  emulatorEnv,
  type Emulator,
  type EmulatorEnv,
  type EmulatorOptions,
} from './core/start.js'
export type { FaultConfig, FaultRule } from './core/faults.js'
export type { RequestLog, RequestLogEntry, LogFilter } from './core/request-log.js'
export type { Scenario } from './core/scenario.js'
export type { Clock, ClockOption } from './core/clock.js'
export * from './core/types.js'
