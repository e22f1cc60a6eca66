// What the reports need from the world (main passes the step's own; tests the emulator's), and the one redactor
// every report writes through.
import type { Config } from '../config/types.js'
import type { ModeDeps } from '../deps.js'
import type { GitHubClient } from '../github.js'
import { createRedactor, secretsOf, type Redactor } from '../secrets.js'
import type { HttpPost } from './http.js'
import type { RetryPolicy } from './retry.js'

export interface ReportDeps extends Pick<ModeDeps, 'log' | 'env' | 'aws' | 'now' | 'sleep'> {
  /** Aborted when the runner cancels the step: delivery stops retrying (default: never). */
  signal?: AbortSignal
  /** HTTP POST for Slack (default: @actions/http-client, proxy-aware). */
  http?: HttpPost
  /** GitHub client factory (default: src/github.ts). */
  github?: (token: string) => Promise<GitHubClient>
  /** Slack retry bound (default: retry.ts DELIVERY_POLICY). */
  slackPolicy?: RetryPolicy
  /**
   * No delivery attempt starts or waits past this instant (ms since the epoch), and requests still in flight are
   * given up on then (main: the step's deadline, or the reporting bound after it). Default: none.
   */
  deadline?: number
  /** The step's redactor (main builds it once); default: one from the config's secrets. */
  redact?: Redactor
  /** Sets a step output (default: @actions/core's setOutput). */
  output?: (name: string, value: string) => void
}

export function redactorOf(config: Config, deps: ReportDeps): Redactor {
  return deps.redact ?? createRedactor(secretsOf(config, deps.env))
}
