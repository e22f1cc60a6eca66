// Datapoints → check rows for the 5XX rates (target groups, API) and the user's metric checks. Pure.
import type { MetricCheck } from '../config/types.js'
import type { Check } from '../result.js'
import type { RateSource } from './rate-sources.js'
import { coverageGap, describeWindow, minutesCovered, type MetricWindow } from './window.js'

export interface Series {
  timestamps: number[]
  values: number[]
}

export interface ErrorRateInput {
  source: RateSource
  maxErrorRate: number
  window: MetricWindow
  errors?: Series
  requests?: Series
}

const pct = (r: number): string => `${(r * 100).toFixed(r < 0.001 && r > 0 ? 3 : 2).replace(/\.?0+$/, '')}%`
const sum = (s?: Series): number => (s?.values ?? []).reduce((a, b) => a + b, 0)

/**
 * Rate over the whole window: total errors ÷ total requests (never the newest point, never an average of
 * rates). A minute with requests and no error datapoint counts as no errors (CloudWatch publishes no
 * datapoint for a count of zero); a window without requests is no data, neither pass nor fail.
 */
export function errorRateCheck(input: ErrorRateInput): Check {
  const { source, maxErrorRate, window } = input
  const base = { name: source.check, type: 'metric', threshold: maxErrorRate }
  if (window.minutes === 0) {
    return {
      ...base,
      status: 'no-data',
      value: null,
      message: `no complete minute of metrics since the rollout ended yet; the 5XX rate of ${source.label} was not measured`,
    }
  }
  const requests = sum(input.requests)
  const errors = sum(input.errors)
  if (requests === 0) {
    return {
      ...base,
      status: 'no-data',
      value: null,
      message: `no requests to ${source.label} in the ${describeWindow(window)} (no ${source.requestsMetric} datapoint): the 5XX rate was not measured`,
    }
  }
  const rate = errors / requests
  // The window already says when it starts late (after the rollout); minutes inside it without data are said here.
  const covered = minutesCovered(window, input.requests?.timestamps ?? [])
  const gap = covered < window.minutes ? coverageGap(window, covered, 'without requests') : undefined
  const newest = newestRate(input.errors, input.requests)
  const newestNote =
    newest !== undefined && Math.abs(newest - rate) > 1e-9 ? `; newest minute alone: ${pct(newest)}` : ''
  const failed = rate >= maxErrorRate
  return {
    ...base,
    status: failed ? 'fail' : 'pass',
    value: round(rate),
    message: `${pct(rate)} of requests failed with 5XX (${errors} of ${requests}) over ${describeWindow(window)}: ${failed ? 'at or above' : 'below'} the limit ${pct(maxErrorRate)}${newestNote}${gap ? `; ${gap}` : ''}`,
  }
}

/** A rate row's datapoints covered only part of the window: said in the summary too. */
export function rateCoverageNote(check: Check, window: MetricWindow, requests?: Series): string | undefined {
  if (check.status !== 'pass' && check.status !== 'fail') return undefined
  const gap = coverageGap(window, minutesCovered(window, requests?.timestamps ?? []), 'without requests')
  return gap ? `${check.name}: ${gap}` : undefined
}

function newestRate(errors?: Series, requests?: Series): number | undefined {
  if (!requests || requests.timestamps.length === 0) return undefined
  const t = Math.max(...requests.timestamps)
  const req = requests.values[requests.timestamps.indexOf(t)]
  if (!req) return undefined
  const i = errors ? errors.timestamps.indexOf(t) : -1
  return ((errors && i >= 0 ? errors.values[i] : 0) ?? 0) / req
}

const round = (v: number): number => Number(v.toPrecision(6))

export function metricCheckRow(check: MetricCheck, window: MetricWindow, series: Series | undefined): Check {
  const threshold = [
    check.min !== undefined ? `≥ ${check.min}` : undefined,
    check.max !== undefined ? `≤ ${check.max}` : undefined,
  ]
    .filter(Boolean)
    .join(' and ')
  const what = check.kind === 'metric' ? `${check.query.stat} of ${check.query.metric}` : check.expression
  const base = { name: check.name, type: 'metric', threshold }
  const values = (series?.values ?? []).filter((v) => Number.isFinite(v))
  if (window.minutes === 0 || values.length === 0) {
    return {
      ...base,
      status: 'no-data',
      value: null,
      message:
        window.minutes === 0
          ? `no complete minute of metrics since the rollout ended yet: ${what} was not measured`
          : `no datapoints for ${what} in the ${describeWindow(window)}: not measured`,
    }
  }
  // One period spans the window, so there is one value; should CloudWatch split it, judge the worst.
  const breaches = values.filter(
    (v) => (check.max !== undefined && v > check.max) || (check.min !== undefined && v < check.min),
  )
  // values is not empty here (no datapoints returned above).
  const value = (breaches.length > 0 ? breaches[0] : values[0]) ?? Number.NaN
  const failed = breaches.length > 0
  const side =
    check.max !== undefined && value > check.max
      ? `above the maximum ${check.max}`
      : check.min !== undefined && value < check.min
        ? `below the minimum ${check.min}`
        : `within ${threshold}`
  return {
    ...base,
    status: failed ? 'fail' : 'pass',
    value: round(value),
    message: `${what} = ${round(value)} over ${describeWindow(window)}: ${side}`,
  }
}
