// Check rows + the no-data policy → the step's verdict, its one-line reason and what was not verified. Pure.
import type { OnMissingData } from '../config/types.js'
import type { Check, Verdict } from '../result.js'

export interface Judgement {
  verdict: Verdict
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

export function judge(
  checks: Check[],
  onMissingData: OnMissingData,
  target: { cluster: string; service: string },
  notes: string[] = [],
): Judgement {
  const where = `service "${target.service}" in cluster "${target.cluster}"`
  const failed = checks.filter((c) => c.status === 'fail')
  const noData = checks.filter((c) => c.status === 'no-data')
  const unverified = [...noData.map(noDataLine), ...notes]
  const blocking = onMissingData === 'fail' ? [...failed, ...noData] : failed
  if (blocking.length > 0) {
    const first = blocking[0]
    const more =
      blocking.length > 1
        ? ` (and ${blocking.length - 1} more failed check${blocking.length > 2 ? 's' : ''}: ${blocking
            .slice(1)
            .map((c) => c.name)
            .join(', ')})`
        : ''
    const why =
      first.status === 'no-data' ? `no data (on-missing-data: fail) — ${first.message}` : first.message
    return {
      verdict: 'failure',
      reason: clip(`Validation of ${where} failed: ${first.name} — ${why}${more}`),
      unverified,
    }
  }
  const passed = checks.filter((c) => c.status === 'pass').length
  const notVerified = unverified.length
    ? `; ${unverified.length} thing${unverified.length === 1 ? '' : 's'} not verified`
    : ''
  return {
    verdict: 'success',
    reason: clip(`Validation of ${where} passed: ${passed} of ${checks.length} checks passed${notVerified}`),
    unverified,
  }
}
