// One round of the CloudWatch checks: the 5XX rates (the service's ALB target groups, the API), the metric
// checks (all in one GetMetricData call) and the alarms (one DescribeAlarms call), read concurrently.
import type { ValidateConfig } from '../config/types.js'
import type { ModeDeps } from '../deps.js'
import type { Check } from '../result.js'
import { alarmRows } from './alarm-verdict.js'
import { unreadableRow, unreadableWhy } from './read.js'
import { describeAlarmStates, fetchMetricData, type MetricData } from './cloudwatch.js'
import { planMetricQueries, type RateIds } from './metric-queries.js'
import { errorRateCheck, metricCheckRow, rateCoverageNote } from './metric-verdict.js'
import type { TargetGroup } from './load-balancers.js'
import type { ApiChoice } from './api-choice.js'
import { targetGroupRate, type RateSource } from './rate-sources.js'
import { metricWindow, type MetricWindow } from './window.js'

export type HealthConfig = Pick<
  ValidateConfig,
  'maxErrorRate' | 'windowMinutes' | 'metricChecks' | 'alarmNames'
> & {
  /** The 5XX rates each round measures: the service's ALB target groups, the API. */
  rates: RateSource[]
  /** Rows decided before any round, and part of each: an api-name that names no API (or could not be looked up). */
  decided: Check[]
}

/** The config's checks, a 5XX rate for each Application Load Balancer target group of the service, and the API's. */
export function healthConfigOf(
  config: ValidateConfig,
  groups: TargetGroup[],
  api: ApiChoice | undefined,
): HealthConfig {
  const { maxErrorRate, windowMinutes, metricChecks, alarmNames } = config
  const rates = groups.map(targetGroupRate).filter((r): r is RateSource => r !== undefined)
  if (api?.kind === 'rate') rates.push(api.source)
  const decided = api?.kind === 'row' ? [api.row] : []
  return { maxErrorRate, windowMinutes, metricChecks, alarmNames, rates, decided }
}

export interface HealthRound {
  at: number
  window: MetricWindow
  checks: Check[]
  /** Rows whose datapoints covered only part of the window, in words (for the summary). */
  partial: string[]
}

export function hasHealthChecks(c: HealthConfig): boolean {
  return hasMetrics(c) || c.alarmNames.length > 0 || c.decided.length > 0
}

/** Whether a round reads metrics (and so waits for a complete minute of them). */
export function hasMetrics(c: HealthConfig): boolean {
  return c.rates.length > 0 || c.metricChecks.length > 0
}

type MetricsRead = ({ ok: true } & MetricData) | { ok: false; error: string }

/**
 * One round of reads; each is retried on transient failures until `deadline`. A check whose read still
 * failed is `unverified` (read.ts), never `fail`.
 */
export async function healthRound(
  deps: ModeDeps,
  config: HealthConfig,
  rolloutEndedAt: number | undefined,
  deadline: number,
): Promise<HealthRound> {
  const at = deps.now()
  const window = metricWindow(at, config.windowMinutes, rolloutEndedAt)
  const plan = planMetricQueries(config.rates, config.metricChecks, window.minutes)
  const [metrics, alarms] = await Promise.all([
    plan.batches.length > 0 && window.minutes > 0
      ? fetchMetricData(deps, plan.batches, window, deadline).then(
          (data): MetricsRead => ({ ok: true, ...data }),
          (error: unknown): MetricsRead => ({ ok: false, error: unreadableWhy(error) }),
        )
      : Promise.resolve<MetricsRead>({ ok: true, series: new Map(), unreadable: new Map() }),
    config.alarmNames.length > 0
      ? describeAlarmStates(deps, config.alarmNames, deadline).then(
          (found) => alarmRows(config.alarmNames, found),
          (error: unknown) =>
            config.alarmNames.map((name) => unreadableRow(name, 'alarm', unreadableWhy(error), 'not ALARM')),
        )
      : Promise.resolve([] as Check[]),
  ])

  const rates = config.rates.map((source, i) =>
    rateRow(config, { source, ids: plan.rateIds[i], metrics, window }),
  )
  const checks: Check[] = [...rates.map((r) => r.check), ...config.decided]
  const partial = rates.flatMap((r) => (r.partial ? [r.partial] : []))
  config.metricChecks.forEach((check, i) => {
    const id = plan.checkIds[i] ?? ''
    const problem = metrics.ok ? metrics.unreadable.get(id) : metrics.error
    checks.push(
      problem || !metrics.ok
        ? unreadableRow(check.name, 'metric', problem ?? 'unknown error')
        : metricCheckRow(check, window, metrics.series.get(id)),
    )
  })
  checks.push(...alarms)
  return { at, window, checks, partial }
}

interface RateRead {
  source: RateSource
  ids: RateIds | undefined
  metrics: MetricsRead
  window: MetricWindow
}

/** One 5XX rate's row, and its coverage of the window when only partial. */
function rateRow(config: HealthConfig, r: RateRead): { check: Check; partial?: string } {
  const { source, ids, metrics, window } = r
  const problem = metrics.ok
    ? (metrics.unreadable.get(ids?.errors ?? '') ?? metrics.unreadable.get(ids?.requests ?? ''))
    : metrics.error
  if (problem || !metrics.ok)
    return { check: unreadableRow(source.check, 'metric', problem ?? 'unknown error', config.maxErrorRate) }
  const errors = metrics.series.get(ids?.errors ?? '')
  const requests = metrics.series.get(ids?.requests ?? '')
  const check = errorRateCheck({ source, maxErrorRate: config.maxErrorRate, window, errors, requests })
  return { check, partial: rateCoverageNote(check, window, requests) }
}
