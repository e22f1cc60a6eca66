// One round of the CloudWatch checks: the API error rate, the metric checks (all in one GetMetricData call)
// and the alarms (one DescribeAlarms call), read concurrently.
import type { ValidateConfig } from '../config/types.js'
import type { ModeDeps } from '../deps.js'
import type { Check } from '../result.js'
import { alarmRows } from './alarm-verdict.js'
import { unreadableRow, unreadableWhy } from './read.js'
import { apiMetricPublished, describeAlarmStates, fetchMetricData } from './cloudwatch.js'
import { API_ERRORS_ID, API_REQUESTS_ID, planMetricQueries } from './metric-queries.js'
import { API_CHECK_NAME, errorRateCheck, metricCheckRow, type Series } from './metric-verdict.js'
import { metricWindow, type MetricWindow } from './window.js'

export type HealthConfig = Pick<
  ValidateConfig,
  'api' | 'maxErrorRate' | 'windowMinutes' | 'metricChecks' | 'alarmNames'
>

export interface HealthRound {
  at: number
  window: MetricWindow
  checks: Check[]
}

export function hasHealthChecks(c: HealthConfig): boolean {
  return c.api !== undefined || c.metricChecks.length > 0 || c.alarmNames.length > 0
}

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
  const plan = planMetricQueries(config.api, config.metricChecks, window.minutes)
  const [metrics, alarms] = await Promise.all([
    plan.batches.length > 0 && window.minutes > 0
      ? fetchMetricData(deps, plan.batches, window, deadline).then(
          ({ series, unreadable }) => ({ ok: true as const, series, unreadable }),
          (error: unknown) => ({ ok: false as const, error: unreadableWhy(error) }),
        )
      : Promise.resolve({
          ok: true as const,
          series: new Map<string, Series>(),
          unreadable: new Map<string, string>(),
        }),
    config.alarmNames.length > 0
      ? describeAlarmStates(deps, config.alarmNames, deadline).then(
          (found) => alarmRows(config.alarmNames, found),
          (error: unknown) =>
            config.alarmNames.map((name) => unreadableRow(name, 'alarm', unreadableWhy(error), 'not ALARM')),
        )
      : Promise.resolve([] as Check[]),
  ])

  const checks: Check[] = []
  if (config.api) {
    const problem = metrics.ok
      ? (metrics.unreadable.get(API_ERRORS_ID) ?? metrics.unreadable.get(API_REQUESTS_ID))
      : metrics.error
    if (problem) checks.push(unreadableRow(API_CHECK_NAME, 'metric', problem, config.maxErrorRate))
    else if (metrics.ok) {
      const errors = metrics.series.get(API_ERRORS_ID)
      const requests = metrics.series.get(API_REQUESTS_ID)
      let published: boolean | undefined
      const traffic = (requests?.values ?? []).some((v) => v > 0)
      if (!traffic && window.minutes > 0) {
        // No traffic, or no such API? Only CloudWatch's list of metrics can tell.
        published = await apiMetricPublished(deps, config.api, deadline).catch(() => undefined)
      }
      checks.push(
        errorRateCheck({
          api: config.api,
          maxErrorRate: config.maxErrorRate,
          window,
          errors,
          requests,
          published,
        }),
      )
    }
  }
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
  return { at, window, checks }
}
