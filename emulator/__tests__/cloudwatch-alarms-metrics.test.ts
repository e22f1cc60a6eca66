// ListMetrics and DescribeAlarms through the real SDK client, and percentiles over raw samples.
import {
  CloudWatchClient,
  DescribeAlarmsCommand,
  GetMetricDataCommand,
  InvalidNextToken,
  InvalidParameterValueException,
  ListMetricsCommand,
  ValidationException,
} from '@aws-sdk/client-cloudwatch'
import { startEmulator, type Emulator } from '../index.js'
import { clientConfig } from './helpers.js'
import { cloudwatchPlugin } from '../services/cloudwatch/index.js'
import { ecsPlugin } from '../services/ecs/index.js'
import { firstOf } from './must.js'
import { apigatewayPlugin } from '../services/apigateway/index.js'

let emu: Emulator
let cw: CloudWatchClient

async function start(scenario: string | object) {
  emu = await startEmulator({
    scenario: scenario as never,
    plugins: [ecsPlugin, cloudwatchPlugin, apigatewayPlugin],
    start: '2026-03-02T12:00:00Z',
  })
  cw = new CloudWatchClient(clientConfig(emu))
}
afterEach(async () => {
  cw.destroy()
  await emu.stop()
})

describe('ListMetrics', () => {
  beforeEach(() => start('validate-error-spike'))

  it('lists the published metrics of a namespace and name, dimensions sorted by name', async () => {
    const out = await cw.send(new ListMetricsCommand({ Namespace: 'AWS/ApiGateway', MetricName: '5XXError' }))
    expect(out.Metrics).toEqual(
      expect.arrayContaining([
        {
          Namespace: 'AWS/ApiGateway',
          MetricName: '5XXError',
          Dimensions: [{ Name: 'ApiName', Value: 'shop-prod' }],
        },
        {
          Namespace: 'AWS/ApiGateway',
          MetricName: '5XXError',
          Dimensions: [
            { Name: 'ApiName', Value: 'shop-prod' },
            { Name: 'Stage', Value: 'v1' },
          ],
        },
      ]),
    )
    expect(out.Metrics).toHaveLength(3)
  })

  it('filters by dimension name and value', async () => {
    const out = await cw.send(
      new ListMetricsCommand({
        Namespace: 'AWS/ApiGateway',
        Dimensions: [{ Name: 'ApiName', Value: 'quiet-api' }],
      }),
    )
    expect(out.Metrics!.map((m) => m.MetricName)).toEqual(['5XXError'])
    const staged = await cw.send(new ListMetricsCommand({ Dimensions: [{ Name: 'Stage' }] }))
    expect(staged.Metrics).toHaveLength(1)
  })

  it('finds nothing for an API that never published: a configuration mistake, not "no traffic"', async () => {
    const out = await cw.send(
      new ListMetricsCommand({
        Namespace: 'AWS/ApiGateway',
        MetricName: '5XXError',
        Dimensions: [{ Name: 'ApiName', Value: 'shop-prd' }],
      }),
    )
    expect(out.Metrics).toEqual([])
  })

  it('RecentlyActive PT3H leaves out metrics quiet for three hours', async () => {
    emu.clock.advance(3 * 3600_000)
    const out = await cw.send(new ListMetricsCommand({ Namespace: 'AWS/ApiGateway', RecentlyActive: 'PT3H' }))
    expect(out.Metrics!.every((m) => m.Dimensions!.every((d) => d.Value === 'shop-prod'))).toBe(true)
  })

  it('lists a metric only once its first datapoint has arrived', async () => {
    await emu.stop()
    await start({
      cloudwatch: { metrics: [{ namespace: 'App', name: 'Orders', points: [{ at: 120, value: 3 }] }] },
    })
    expect((await cw.send(new ListMetricsCommand({ Namespace: 'App' }))).Metrics).toEqual([])
    emu.clock.advance(120_000)
    expect((await cw.send(new ListMetricsCommand({ Namespace: 'App' }))).Metrics).toHaveLength(1)
  })

  it('rejects an invalid RecentlyActive with InvalidParameterValueException', async () => {
    const err = await cw.send(new ListMetricsCommand({ RecentlyActive: 'PT1H' as never })).catch((e) => e)
    expect(err).toBeInstanceOf(InvalidParameterValueException)
    expect(err.Code).toBe('InvalidParameterValue')
  })
})

describe('percentiles over raw samples', () => {
  beforeEach(() => start('validate-healthy'))

  it('computes pNN and Maximum from the scenario samples', async () => {
    const metric = {
      Namespace: 'AWS/ApiGateway',
      MetricName: 'Latency',
      Dimensions: [{ Name: 'ApiName', Value: 'shop-prod' }],
    }
    const out = await cw.send(
      new GetMetricDataCommand({
        StartTime: new Date('2026-03-02T11:55:00Z'),
        EndTime: new Date('2026-03-02T12:00:00Z'),
        MetricDataQueries: [
          { Id: 'p50', MetricStat: { Metric: metric, Period: 300, Stat: 'p50' } },
          { Id: 'p99', MetricStat: { Metric: metric, Period: 300, Stat: 'p99' } },
          { Id: 'max', MetricStat: { Metric: metric, Period: 300, Stat: 'Maximum' } },
        ],
      }),
    )
    expect(out.MetricDataResults!.map((r) => [r.Id, r.Values])).toEqual([
      ['p50', [60]],
      ['p99', [900]],
      ['max', [900]],
    ])
  })
})

describe('DescribeAlarms', () => {
  beforeEach(() => start('validate-error-spike'))
  const describe = (input: object = {}) => cw.send(new DescribeAlarmsCommand(input))

  it('returns only metric alarms when AlarmTypes is omitted', async () => {
    const out = await describe()
    expect(out.MetricAlarms!.map((a) => a.AlarmName)).toEqual(['shop-prod-5xx'])
    expect(out.CompositeAlarms).toEqual([])
    expect(out.MetricAlarms![0]).toMatchObject({
      AlarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:shop-prod-5xx',
      StateValue: 'OK',
      Namespace: 'AWS/ApiGateway',
      MetricName: '5XXError',
      Statistic: 'Average',
      Dimensions: [{ Name: 'ApiName', Value: 'shop-prod' }],
      Threshold: 0.02,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'missing',
    })
  })

  it('returns composite alarms when asked', async () => {
    const out = await describe({ AlarmTypes: ['CompositeAlarm', 'MetricAlarm'] })
    expect(out.CompositeAlarms!.map((a) => [a.AlarmName, a.AlarmRule, a.StateValue])).toEqual([
      ['shop-prod-health', 'ALARM("shop-prod-5xx")', 'OK'],
    ])
    expect(out.MetricAlarms).toHaveLength(1)
  })

  it('follows the alarm timeline: ALARM 60 s after start, with its reason and timestamps', async () => {
    emu.clock.advance(60_000)
    const out = await describe({
      AlarmNames: ['shop-prod-5xx', 'shop-prod-health'],
      AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
    })
    const alarm = firstOf(out.MetricAlarms)
    expect(alarm).toMatchObject({
      StateValue: 'ALARM',
      StateUpdatedTimestamp: new Date('2026-03-02T12:01:00Z'),
    })
    expect(alarm.StateReason).toMatch(/^Threshold Crossed/)
    expect(alarm.StateTransitionedTimestamp).toEqual(new Date('2026-03-02T12:01:00Z'))
    expect(out.CompositeAlarms?.[0]?.StateValue).toBe('ALARM')
  })

  it('filters by StateValue, name prefix and parents', async () => {
    emu.clock.advance(60_000)
    expect((await describe({ StateValue: 'OK' })).MetricAlarms).toEqual([])
    expect((await describe({ AlarmNamePrefix: 'shop-prod-5' })).MetricAlarms).toHaveLength(1)
    const parents = await describe({ ParentsOfAlarmName: 'shop-prod-5xx', AlarmTypes: ['CompositeAlarm'] })
    expect(parents.CompositeAlarms!.map((a) => a.AlarmName)).toEqual(['shop-prod-health'])
    const children = await describe({ ChildrenOfAlarmName: 'shop-prod-health', AlarmTypes: ['MetricAlarm'] })
    expect(children.MetricAlarms!.map((a) => a.AlarmName)).toEqual(['shop-prod-5xx'])
  })

  it('returns nothing (no error) for an alarm that does not exist', async () => {
    const out = await describe({
      AlarmNames: ['no-such-alarm'],
      AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
    })
    expect(out).toMatchObject({ MetricAlarms: [], CompositeAlarms: [] })
  })

  it('pages with MaxRecords and NextToken', async () => {
    const first = await describe({ AlarmTypes: ['MetricAlarm', 'CompositeAlarm'], MaxRecords: 1 })
    expect(first.NextToken).toEqual(expect.any(String))
    const second = await describe({
      AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
      MaxRecords: 1,
      NextToken: first.NextToken,
    })
    expect([
      ...first.MetricAlarms!,
      ...first.CompositeAlarms!,
      ...second.MetricAlarms!,
      ...second.CompositeAlarms!,
    ]).toHaveLength(2)
    expect(second.NextToken).toBeUndefined()
  })

  it.each([
    [
      'more than 100 AlarmNames',
      { AlarmNames: Array.from({ length: 101 }, (_, i) => `a${i}`) },
      ValidationException,
    ],
    ['MaxRecords 0', { MaxRecords: 0 }, ValidationException],
    ['MaxRecords 101', { MaxRecords: 101 }, ValidationException],
    ['an unknown AlarmType', { AlarmTypes: ['LogAlarm'] }, ValidationException],
    ['an unknown StateValue', { StateValue: 'FIRING' }, ValidationException],
    ['a foreign NextToken', { NextToken: 'x' }, InvalidNextToken],
  ])('rejects %s', async (_case, input, type) => {
    const err = await describe(input).catch((e) => e)
    expect(err).toBeInstanceOf(type)
  })
})
