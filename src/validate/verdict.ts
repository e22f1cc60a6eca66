// Check rows + the no-data policy → the step's verdict, its one-line reason and what was not verified. Pure.
//
// Four ways out: a measured failure (a `fail` row, or `no-data` under on-missing-data: fail) — the only one
// that may trigger a rollback; a configuration error (a `fail` row for a name that names nothing, measured.ts)
// — the step fails, but nothing is rolled back for it; not verified (an `unverified` row: AWS could not be read) — the step fails,
// saying what could not be read and why, but nothing is rolled back for it; and success.
import type { OnMissingData } from '../config/types.js'
import type { Check, Verdict } from '../result.js'
import { configurationError, measuredFailure, notAMeasurement } from './measured.js'

export interface Judgement {
  verdict: Verdict
  /**
   * Why the verdict is failure: `measured` (a check measured a failure: a rollback may act on it),
   * `configuration` (the configuration names an alarm or API that does not exist: no rollback) or `unverified`
   * (only checks that could not be read: no rollback). Undefined on success.
   */
  failure?: 'measured' | 'configuration' | 'unverified'
  reason: string
  /** What could not be verified, one plain sentence each. */
  unverified: string[]
}

const MAX_REASON = 400

function clip(s: string): string {
  return s.length > MAX_REASON ? `${s.slice(0, MAX_REASON - 1)}…` : s
}

export function noDataLine(c: Check): string {
  return `${c.name}: ${c.message}`
}

const names = (checks: Check[]): string => checks.map((c) => c.name).join(', ')
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

export function judge(
  checks: Check[],
  onMissingData: OnMissingData,
  target: { cluster: string; service: string },
  notes: string[] = [],
): Judgement {
  const where = `service "${target.service}" in cluster "${target.cluster}"`
  const failed = checks.filter(measuredFailure)
  const misconfigured = checks.filter(configurationError)
  const noData = checks.filter((c) => c.status === 'no-data')
  const unread = checks.filter((c) => c.status === 'unverified')
  const unverified = [...unread.map(noDataLine), ...noData.map(noDataLine), ...notes]
  const measured = onMissingData === 'fail' ? [...failed, ...noData] : failed
  // Measured failures lead: they are what a rollback acts on; configuration errors follow.
  const blocking = [...measured, ...misconfigured]
  const first = blocking[0]
  if (first) {
    const more =
      blocking.length > 1
        ? ` (and ${blocking.length - 1} more failed check${blocking.length > 2 ? 's' : ''}: ${names(blocking.slice(1))})`
        : ''
    const alsoUnread = unread.length > 0 ? `; not verified: ${names(unread)}` : ''
    const why =
      first.status === 'no-data' ? `no data (on-missing-data: fail) — ${first.message}` : first.message
    return {
      verdict: 'failure',
      failure: measured.length > 0 ? 'measured' : 'configuration',
      reason: clip(`Validation of ${where} failed: ${first.name} — ${why}${more}${alsoUnread}`),
      unverified,
    }
  }
  const firstUnread = unread[0]
  if (firstUnread) {
    const first = firstUnread
    const more =
      unread.length > 1 ? ` (and ${unread.length - 1} more not verified: ${names(unread.slice(1))})` : ''
    return {
      verdict: 'failure',
      failure: 'unverified',
      reason: clip(
        `Validation of ${where} could not be verified (no check measured a failure): ${first.name} — ${first.message}${more}`,
      ),
      unverified,
    }
  }
  return {
    verdict: 'success',
    reason: clip(`Validation of ${where} passed: ${passedCount(checks, unverified)}`),
    unverified,
  }
}

/** `5 of 6 checks passed; 1 thing not verified`: what a passing service's reason says after "passed: ". */
export function passedCount(checks: Check[], unverified: string[]): string {
  const passed = checks.filter((c) => c.status === 'pass').length
  const notVerified = unverified.length ? `; ${plural(unverified.length, 'thing')} not verified` : ''
  return `${passed} of ${checks.length} checks passed${notVerified}`
}

/** Why a configured rollback was not made: no check measured a failure; these could not be read, or name nothing. */
export function notMeasured(checks: Check[]): string {
  const misconfigured = checks.filter(configurationError)
  if (misconfigured.length > 0) return `not done — ${notAMeasurement(misconfigured)}`
  const unread = checks.filter((c) => c.status === 'unverified').map((c) => c.name)
  return `not done — nothing was rolled back because the failure was not measured: ${unread.join(', ')} could not be verified, and a rollback acts only on a measured failure`
}
