// The time window every metric check of one round reads. Pure.
//
// API Gateway and ALB metrics arrive about a minute late, so the window ends one whole minute before now.
// Datapoints from before the rollout ended describe the previous version, so the window never starts
// earlier than that (rounded up to the next whole minute: a minute that began under the old version is
// mixed). When that leaves less than asked, the window is "partial" and says so.

export const MINUTE = 60_000
/** How far behind now the window ends: the ingestion delay of vended metrics. */
export const METRIC_LAG_MS = MINUTE

export interface MetricWindow {
  /** Inclusive, whole minute (ms since the epoch). */
  start: number
  /** Exclusive, whole minute. */
  end: number
  /** Whole minutes in the window (0 when there is no complete minute yet). */
  minutes: number
  requestedMinutes: number
  /** True when the window came out shorter than asked because the rollout ended recently. */
  partial: boolean
}

const floorMinute = (ms: number): number => Math.floor(ms / MINUTE) * MINUTE
const ceilMinute = (ms: number): number => Math.ceil(ms / MINUTE) * MINUTE

export function metricWindow(now: number, requestedMinutes: number, rolloutEndedAt?: number): MetricWindow {
  const end = floorMinute(now - METRIC_LAG_MS)
  const wanted = end - requestedMinutes * MINUTE
  const notBefore = rolloutEndedAt === undefined ? wanted : ceilMinute(rolloutEndedAt)
  const start = Math.min(end, Math.max(wanted, notBefore))
  const minutes = (end - start) / MINUTE
  return { start, end, minutes, requestedMinutes, partial: minutes < requestedMinutes }
}

/** When the first complete minute after the rollout will be readable (the earliest useful judgement). */
export function firstFullMinuteAt(rolloutEndedAt: number): number {
  return ceilMinute(rolloutEndedAt) + MINUTE + METRIC_LAG_MS
}

export function describeWindow(w: MetricWindow): string {
  const hoursMinutes = (ms: number) => new Date(ms).toISOString().slice(11, 16)
  const span = `${hoursMinutes(w.start)}–${hoursMinutes(w.end)} UTC`
  return w.partial
    ? `partial window: ${w.minutes} of ${w.requestedMinutes} min since the rollout ended (${span})`
    : `${w.minutes} min (${span})`
}

/** The whole minutes of the window that have a datapoint in `timestamps`. */
export function minutesCovered(w: MetricWindow, timestamps: number[]): number {
  return new Set(timestamps.filter((t) => t >= w.start && t < w.end).map(floorMinute)).size
}

/**
 * When datapoints cover only part of the asked window, whatever the cause, in words ("data for 3 of 5
 * minutes: 1 before the rollout ended, 1 without requests"); undefined when they cover all of it.
 */
export function coverageGap(w: MetricWindow, covered: number, missingWhy: string): string | undefined {
  if (covered >= w.requestedMinutes) return undefined
  const why = [
    w.minutes < w.requestedMinutes ? `${w.requestedMinutes - w.minutes} before the rollout ended` : undefined,
    covered < w.minutes ? `${w.minutes - covered} ${missingWhy}` : undefined,
  ].filter(Boolean)
  return `data for ${covered} of ${w.requestedMinutes} minute${w.requestedMinutes === 1 ? '' : 's'}: ${why.join(', ')}`
}
