// Which `fail` rows measured the release, and which only say the configuration names what does not exist.
// Every write-gating decision (the hook's answer, the rollback) acts on the first kind only. Pure.
import type { Check } from '../result.js'

/** A failure of the new revision, measured: a write may act on it. */
export const measuredFailure = (c: Check): boolean => c.status === 'fail' && c.measured !== false

/** A name in the configuration that names nothing (a typo): the step fails, nothing acts on it. */
export const configurationError = (c: Check): boolean => c.status === 'fail' && c.measured === false

/** A `fail` row for a name that names nothing: a configuration error, not a measurement of the release. */
export function configurationErrorRow(row: Omit<Check, 'status' | 'measured'>): Check {
  return { ...row, status: 'fail', measured: false }
}

/** Why no write acts on these rows, for the hook's answer and the rollback. */
export function notAMeasurement(rows: Check[]): string {
  const names = rows.map((c) => `"${c.name}"`).join(', ')
  return `${names}: the configuration names no such alarm/API — a configuration error, not a measurement of the release; no rollback`
}
