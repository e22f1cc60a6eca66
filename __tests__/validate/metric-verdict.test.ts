import { describe, expect, it } from '@jest/globals'
import { parseMetricChecks } from '../../src/config/metric-checks.js'
import { errorRateCheck, metricCheckRow, type Series } from '../../src/validate/metric-verdict.js'
import { metricWindow } from '../../src/validate/window.js'
import { nth } from '../helpers/must.js'
import { restApiRate } from '../../src/validate/rate-sources.js'

const NOW = Date.parse('2026-11-26T12:00:30Z')
const full = metricWindow(NOW, 5)
const empty = metricWindow(NOW, 5, NOW - 10_000)
const minute = (i: number) => full.start + i * 60_000
const series = (values: number[]): Series => ({ timestamps: values.map((_, i) => minute(i)), values })
const api = restApiRate({ name: 'shop-staging' })

describe('errorRateCheck', () => {
  const cases: {
    name: string
    errors?: number[]
    requests?: number[]
    status: string
    value?: number | null
    message: RegExp
  }[] = [
    {
      name: 'the window as a whole is above the limit although the newest minute is clean',
      errors: [30, 20, 0, 0, 0],
      requests: [100, 100, 100, 100, 100],
      status: 'fail',
      value: 0.1,
      message:
        /10% of requests failed with 5XX \(50 of 500\).*at or above the limit 1%; newest minute alone: 0%/,
    },
    {
      name: 'the newest minute spikes but the window as a whole is below the limit',
      errors: [0, 0, 0, 0, 4],
      requests: [1000, 1000, 1000, 1000, 100],
      status: 'pass',
      value: 0.000975609,
      message: /below the limit 1%; newest minute alone: 4%/,
    },
    {
      name: 'exactly at the limit fails',
      errors: [1],
      requests: [100],
      status: 'fail',
      value: 0.01,
      message: /at or above/,
    },
    {
      name: 'errors missing in minutes without errors count as 0',
      errors: [],
      requests: [50, 50],
      status: 'pass',
      value: 0,
      message: /0% .*\(0 of 100\)/,
    },
    {
      name: 'no requests: no data, not 0%',
      errors: [],
      requests: [],
      status: 'no-data',
      value: null,
      message: /no requests to REST API "shop-staging"/,
    },
  ]
  it.each(cases)('$name', ({ errors, requests, status, value, message }) => {
    const c = errorRateCheck({
      source: api,
      maxErrorRate: 0.01,
      window: full,
      errors: errors && series(errors),
      requests: requests && series(requests),
    })
    expect(c.status).toBe(status)
    if (value === null) expect(c.value).toBeNull()
    else if (value !== undefined) expect(c.value).toBeCloseTo(value, 6)
    expect(c.message).toMatch(message)
    expect(c.threshold).toBe(0.01)
  })

  it('no complete minute since the rollout: no data, said plainly', () => {
    const c = errorRateCheck({ source: api, maxErrorRate: 0.01, window: empty })
    expect(c.status).toBe('no-data')
    expect(c.message).toMatch(/no complete minute/)
  })

  it('a partial window is named in the message', () => {
    const w = metricWindow(NOW, 5, NOW - 200_000)
    const c = errorRateCheck({
      source: api,
      maxErrorRate: 0.01,
      window: w,
      errors: series([0]),
      requests: series([10]),
    })
    expect(c.message).toMatch(/partial window: 1 of 5 min/)
  })
})

describe('metricCheckRow', () => {
  const checks = parseMetricChecks(`
- { name: p99 latency, namespace: AWS/ApplicationELB, metric: TargetResponseTime, stat: p99, max: 1.5 }
- name: healthy hosts
  namespace: AWS/ApplicationELB
  metric: HealthyHostCount
  min: 2
  max: 10
`)
  const latency = nth(checks, 0)
  const rate = nth(checks, 1)
  const cases = [
    {
      name: 'below max',
      check: latency,
      values: [1.2],
      status: 'pass',
      message: /p99 of TargetResponseTime = 1.2 .*within ≤ 1.5/,
    },
    { name: 'above max', check: latency, values: [1.7], status: 'fail', message: /above the maximum 1.5/ },
    { name: 'below min', check: rate, values: [1], status: 'fail', message: /below the minimum 2/ },
    { name: 'within both', check: rate, values: [3], status: 'pass', message: /within ≥ 2 and ≤ 10/ },
    {
      name: 'no datapoints',
      check: latency,
      values: [],
      status: 'no-data',
      message: /no datapoints for p99 of TargetResponseTime/,
    },
  ]
  it.each(cases)('$name', ({ check, values, status, message }) => {
    const row = metricCheckRow(check, full, series(values))
    expect(row.status).toBe(status)
    expect(row.message).toMatch(message)
    expect(row.type).toBe('metric')
  })
  it('no series at all is no data', () => {
    expect(metricCheckRow(latency, full, undefined).status).toBe('no-data')
  })
})
