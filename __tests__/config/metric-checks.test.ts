import { describe, expect, it } from '@jest/globals'
import { parseMetricChecks } from '../../src/config/metric-checks.js'

describe('parseMetricChecks', () => {
  it('parses the README example', () => {
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
`)
    expect(checks).toEqual([
      {
        name: 'p99 latency',
        kind: 'metric',
        max: 1.5,
        min: undefined,
        query: {
          namespace: 'AWS/ApplicationELB',
          metric: 'TargetResponseTime',
          dimensions: { LoadBalancer: 'app/shop/50dc6c495c0c9188' },
          stat: 'p99',
        },
      },
      expect.objectContaining({
        name: 'target 5xx rate',
        kind: 'expression',
        expression: 'errors / requests',
        max: 0.01,
      }),
    ])
  })
  it('defaults the statistic to Average', () =>
    expect(
      parseMetricChecks('- {name: cpu, namespace: AWS/ECS, metric: CPUUtilization, min: 1}')[0],
    ).toMatchObject({ query: { stat: 'Average', dimensions: {} } }))
  it('is empty for an empty input', () => expect(parseMetricChecks('  ')).toEqual([]))

  it.each([
    ['not a list', 'name: x', /must be a YAML list/],
    ['invalid YAML', '- [unclosed', /not valid YAML/],
    ['no name', '- {namespace: A, metric: B, max: 1}', /"name" is required/],
    ['no threshold', '- {name: x, namespace: A, metric: B}', /needs "max" and\/or "min"/],
    ['threshold not a number', '- {name: x, namespace: A, metric: B, max: high}', /"max" must be a number/],
    ['no namespace', '- {name: x, metric: B, max: 1}', /"namespace" is required/],
    [
      'bad statistic',
      '- {name: x, namespace: A, metric: B, stat: Mean, max: 1}',
      /not a CloudWatch statistic/,
    ],
    [
      'duplicate names',
      '- {name: x, namespace: A, metric: B, max: 1}\n- {name: x, namespace: A, metric: C, max: 1}',
      /used twice/,
    ],
    ['expression without metrics', '- {name: x, expression: a / b, max: 1}', /needs "metrics"/],
    [
      'metric id CloudWatch rejects',
      '- {name: x, expression: A / b, max: 1, metrics: {A: {namespace: N, metric: M}}}',
      /must start with a lowercase letter/,
    ],
  ])('rejects %s', (_n, yaml, message) => expect(() => parseMetricChecks(yaml)).toThrow(message))
})
