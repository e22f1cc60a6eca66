import { describe, expect, it } from '@jest/globals'
import { parseMetricChecks } from '../../src/config/metric-checks.js'
import { planMetricQueries, prefixIdentifiers } from '../../src/validate/metric-queries.js'
import { firstOf, nth, only } from '../helpers/must.js'
import { restApiRate, targetGroupRate } from '../../src/validate/rate-sources.js'

const ID = /^[a-z][a-zA-Z0-9_]*$/

describe('prefixIdentifiers', () => {
  const cases: [string, string][] = [
    ['errors / requests', 'c1_errors / c1_requests'],
    ['100 * FILL(errors, 0) / requests', '100 * FILL(c1_errors, 0) / c1_requests'],
    ['errors_total / requests', 'errors_total / c1_requests'],
    [
      "SEARCH('{AWS/ApiGateway} errors', 'Sum') + errors",
      "SEARCH('{AWS/ApiGateway} errors', 'Sum') + c1_errors",
    ],
    ['IF(requests > 0, errors / requests, 0)', 'IF(c1_requests > 0, c1_errors / c1_requests, 0)'],
    ['1e3 * errors', '1e3 * c1_errors'],
  ]
  it.each(cases)('%s', (input, expected) => {
    expect(prefixIdentifiers(input, new Set(['errors', 'requests']), 'c1_')).toBe(expected)
  })
})

describe('planMetricQueries', () => {
  const checks = parseMetricChecks(`
- name: p99 latency
  namespace: AWS/ApplicationELB
  metric: TargetResponseTime
  dimensions: { LoadBalancer: app/shop/50dc6c495c0c9188 }
  stat: p99
  max: 1.5
- name: target 5xx rate
  expression: errors / requests
  metrics:
    errors:   { namespace: AWS/ApplicationELB, metric: HTTPCode_Target_5XX_Count, dimensions: { LoadBalancer: app/shop/1 }, stat: Sum }
    requests: { namespace: AWS/ApplicationELB, metric: RequestCount, dimensions: { LoadBalancer: app/shop/1 }, stat: Sum }
  max: 0.01
- name: other rate
  expression: errors / requests
  metrics:
    errors:   { namespace: N, metric: E, stat: Sum }
    requests: { namespace: N, metric: R, stat: Sum }
  min: 0
`)

  it('puts every query of a round in one call, with unique valid ids', () => {
    const plan = planMetricQueries([restApiRate({ name: 'shop-staging', stage: 'prod' })], checks, 5)
    expect(plan.batches).toHaveLength(1)
    const ids = firstOf(plan.batches).map((q) => q.Id!)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(ID)
    expect(ids).toEqual([
      'r1_errors',
      'r1_requests',
      'c1',
      'c2_errors',
      'c2_requests',
      'c2',
      'c3_errors',
      'c3_requests',
      'c3',
    ])
    expect(plan.checkIds).toEqual(['c1', 'c2', 'c3'])
  })

  it('reads the API per minute (sums added client-side) and the checks over one window-long period', () => {
    const q = only(
      planMetricQueries([restApiRate({ name: 'shop-staging', stage: 'prod' })], checks, 5).batches,
    )
    const byId = Object.fromEntries(q.map((x) => [x.Id, x]))
    expect(byId.r1_errors.MetricStat).toEqual({
      Metric: {
        Namespace: 'AWS/ApiGateway',
        MetricName: '5XXError',
        Dimensions: [
          { Name: 'ApiName', Value: 'shop-staging' },
          { Name: 'Stage', Value: 'prod' },
        ],
      },
      Period: 60,
      Stat: 'Sum',
    })
    expect(byId.r1_requests.MetricStat?.Metric?.MetricName).toBe('Count')
    expect(byId.c1.MetricStat?.Period).toBe(300)
    expect(byId.c1.MetricStat?.Stat).toBe('p99')
    expect(byId.c2.Expression).toBe('c2_errors / c2_requests')
    expect(byId.c2_errors.ReturnData).toBe(false)
    expect(byId.c2.ReturnData).toBe(true)
  })

  it('a partial window shortens the period to what there is', () => {
    const q = only(planMetricQueries([], checks.slice(0, 1), 2).batches)
    expect(q[0]?.MetricStat?.Period).toBe(120)
  })

  it('splits more than 500 queries into calls that keep an expression with its inputs', () => {
    const many = Array.from({ length: 260 }, (_, i) => nth(checks, i % 2 === 0 ? 0 : 1)).map((c, i) => ({
      ...c,
      name: `n${i}`,
    }))
    const plan = planMetricQueries([restApiRate({ name: 'a' })], many, 5)
    expect(plan.batches.length).toBe(2)
    for (const b of plan.batches) {
      expect(b.length).toBeLessThanOrEqual(500)
      const ids = new Set(b.map((q) => q.Id))
      for (const q of b)
        for (const ref of q.Expression?.match(/c\d+_\w+/g) ?? []) expect(ids.has(ref)).toBe(true)
    }
  })

  it('reads a target group behind an Application Load Balancer by both its dimensions, per minute', () => {
    const tg = {
      arn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/shop-tg/73e2d6bc24d8a067',
      name: 'shop-tg',
      dimension: 'targetgroup/shop-tg/73e2d6bc24d8a067',
      albDimension: 'app/shop/50dc6c495c0c9188',
    }
    const plan = planMetricQueries([targetGroupRate(tg)!, restApiRate({ name: 'a' })], [], 5)
    expect(plan.rateIds).toEqual([
      { errors: 'r1_errors', requests: 'r1_requests' },
      { errors: 'r2_errors', requests: 'r2_requests' },
    ])
    const [errors, requests] = plan.batches[0]!
    expect(errors!.MetricStat).toEqual({
      Metric: {
        Namespace: 'AWS/ApplicationELB',
        MetricName: 'HTTPCode_Target_5XX_Count',
        Dimensions: [
          { Name: 'TargetGroup', Value: 'targetgroup/shop-tg/73e2d6bc24d8a067' },
          { Name: 'LoadBalancer', Value: 'app/shop/50dc6c495c0c9188' },
        ],
      },
      Period: 60,
      Stat: 'Sum',
    })
    expect(requests!.MetricStat?.Metric?.MetricName).toBe('RequestCount')
    // A Network Load Balancer's group has no HTTP codes: no rate.
    expect(targetGroupRate({ ...tg, albDimension: undefined })).toBeUndefined()
  })

  it('no API and no checks: no call', () => {
    expect(planMetricQueries([], [], 5).batches).toEqual([])
  })
})
