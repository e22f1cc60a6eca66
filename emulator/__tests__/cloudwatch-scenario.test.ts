// The `cloudwatch:` scenario section: point generators, statistic sets and mistakes reported by path.
import { parseCloudWatchScenario } from '../services/cloudwatch/scenario.js'

describe('cloudwatch scenario section', () => {
  it('expands generators over [from, to) and keeps explicit points', () => {
    const { metrics } = parseCloudWatchScenario({
      metrics: [
        {
          namespace: 'AWS/ApiGateway',
          name: '5XXError',
          dimensions: { ApiName: 'shop' },
          points: [
            { from: -180, to: 0, every: 60, sum: 2, count: 100 },
            { at: 30, value: 7 },
            { at: 40, values: [1, 3] },
          ],
        },
      ],
    })
    expect(metrics[0]?.points).toEqual([
      { at: -180, sum: 2, count: 100, min: 0.02, max: 0.02 },
      { at: -120, sum: 2, count: 100, min: 0.02, max: 0.02 },
      { at: -60, sum: 2, count: 100, min: 0.02, max: 0.02 },
      { at: 30, sum: 7, count: 1, min: 7, max: 7 },
      { at: 40, sum: 4, count: 2, min: 1, max: 3, samples: [1, 3] },
    ])
  })

  it('defaults alarms to OK a day before start', () => {
    const { alarms } = parseCloudWatchScenario({
      alarms: [{ name: 'a', namespace: 'N', metric: 'M', threshold: 1 }],
    })
    expect(alarms[0]?.states).toEqual([
      { at: -86400, state: 'OK', reason: expect.stringMatching(/^Threshold Crossed/) },
    ])
  })

  it.each([
    [{ metrics: [{ namespace: 'N', name: 'M', points: [{ from: 0 }] }] }, /needs `value`, `values` or `sum`/],
    [{ metrics: [{ namespace: 'N', name: 'M', points: [{ value: 1 }] }] }, /needs `at`, or `from` and `to`/],
    [
      { metrics: [{ namespace: 'N', name: 'M', points: [{ from: 0, to: 1e9, every: 1, value: 1 }] }] },
      /generates more than/,
    ],
    [{ metrics: [{ name: 'M' }] }, /cloudwatch\.metrics\.0\.namespace: is required/],
    [
      {
        alarms: [
          { name: 'a', type: 'composite', rule: 'TRUE' },
          { name: 'a', type: 'composite', rule: 'TRUE' },
        ],
      },
      /duplicate alarm a/,
    ],
    [
      { alarms: [{ name: 'a', type: 'composite', rule: 'TRUE', state: 'RED' }] },
      /state: must be one of OK, ALARM, INSUFFICIENT_DATA/,
    ],
    [{ metric: [] }, /cloudwatch\.metric: unknown key/],
  ])('rejects %j', (section, message) => {
    expect(() => parseCloudWatchScenario(section)).toThrow(message)
  })
})
