// GetMetricData through the real SDK client (query-compatible JSON 1.0): period statistics over the
// validate-error-spike scenario, ScanBy, gaps, delivery delay, metric math, paging and every validation rule.
import {
  CloudWatchClient,
  GetMetricDataCommand,
  InvalidNextToken,
  ValidationException,
  type GetMetricDataCommandOutput,
  type MetricDataQuery,
  type MetricDataResult,
} from '@aws-sdk/client-cloudwatch'
import { startEmulator, type Emulator } from '../index.js'
import { clientConfig } from './helpers.js'
import { cloudwatchPlugin } from '../services/cloudwatch/index.js'
import { ecsPlugin } from '../services/ecs/index.js'
import { apigatewayPlugin } from '../services/apigateway/index.js'

let emu: Emulator
let cw: CloudWatchClient

beforeEach(async () => {
  emu = await startEmulator({
    scenario: 'validate-error-spike',
    plugins: [ecsPlugin, cloudwatchPlugin, apigatewayPlugin],
  })
  cw = new CloudWatchClient(clientConfig(emu))
})
afterEach(async () => {
  cw.destroy()
  await emu.stop()
})

const T0 = Date.parse('2026-03-02T12:00:00Z')
const at = (seconds: number) => new Date(T0 + seconds * 1000)
const api = (name = 'shop-prod') => [{ Name: 'ApiName', Value: name }]

function stat(
  Id: string,
  MetricName: string,
  Stat: string,
  Period = 60,
  more: Partial<MetricDataQuery> = {},
): MetricDataQuery {
  return {
    Id,
    MetricStat: { Metric: { Namespace: 'AWS/ApiGateway', MetricName, Dimensions: api() }, Period, Stat },
    ...more,
  }
}

/** The action's window: the 5 minutes ending a minute before now. */
async function query(queries: MetricDataQuery[], from = -360, to = -60, more: object = {}) {
  return cw.send(
    new GetMetricDataCommand({ MetricDataQueries: queries, StartTime: at(from), EndTime: at(to), ...more }),
  )
}
const result = (out: GetMetricDataCommandOutput, id: string): MetricDataResult =>
  out.MetricDataResults!.find((r) => r.Id === id)!

describe('period statistics', () => {
  it('returns per-minute sums newest first by default, the spike in the newest minute', async () => {
    const out = await query([stat('errs', '5XXError', 'Sum'), stat('reqs', 'Count', 'SampleCount')])
    expect(result(out, 'errs')).toEqual({
      Id: 'errs',
      Label: '5XXError',
      Timestamps: [at(-120), at(-180), at(-240), at(-300), at(-360)],
      Values: [40, 2, 2, 2, 2],
      StatusCode: 'Complete',
      Messages: [],
    })
    expect(result(out, 'reqs').Values).toEqual([1000, 1000, 1000, 1000, 1000])
    expect(out.NextToken).toBeUndefined()
  })

  it('Average of 5XXError over one window-long period is errors ÷ requests of the whole window', async () => {
    const out = await query([stat('rate', '5XXError', 'Average', 300), stat('n', 'Count', 'Sum', 300)])
    expect(result(out, 'rate').Values![0]).toBeCloseTo(48 / 5000, 10)
    expect(result(out, 'rate').Timestamps).toEqual([at(-360)])
    expect(result(out, 'n').Values).toEqual([5000])
  })

  it('Minimum, Maximum and percentiles', async () => {
    const out = await query([stat('mn', '5XXError', 'Minimum', 300), stat('mx', '5XXError', 'Maximum', 300)])
    expect(result(out, 'mn').Values).toEqual([0])
    expect(result(out, 'mx').Values).toEqual([1])
  })

  it('honours ScanBy TimestampAscending', async () => {
    const out = await query([stat('errs', '5XXError', 'Sum')], -360, -60, { ScanBy: 'TimestampAscending' })
    expect(result(out, 'errs').Values).toEqual([2, 2, 2, 2, 40])
  })

  it('rounds StartTime down to the minute and treats EndTime as exclusive', async () => {
    const out = await query([stat('errs', '5XXError', 'Sum')], -359.5, -120)
    expect(result(out, 'errs').Timestamps).toEqual([at(-180), at(-240), at(-300), at(-360)])
  })

  it('shows a datapoint only once its delivery delay has passed', async () => {
    const newest = async () => result(await query([stat('n', 'Count', 'Sum')], -120, 120), 'n').Timestamps![0]
    expect(await newest()).toEqual(at(-60))
    emu.clock.advance(60_000)
    expect(await newest()).toEqual(at(0))
  })

  it('returns empty arrays, Complete, for a metric without datapoints in the window (no traffic)', async () => {
    const quiet: MetricDataQuery = {
      Id: 'q',
      MetricStat: {
        Metric: { Namespace: 'AWS/ApiGateway', MetricName: '5XXError', Dimensions: api('quiet-api') },
        Period: 60,
        Stat: 'Sum',
      },
    }
    const out = await query([quiet])
    expect(result(out, 'q')).toMatchObject({ Timestamps: [], Values: [], StatusCode: 'Complete' })
  })

  it('matches dimensions exactly: a subset or superset is another metric', async () => {
    const withDims = (Id: string, Dimensions: { Name: string; Value: string }[]): MetricDataQuery => ({
      Id,
      MetricStat: {
        Metric: { Namespace: 'AWS/ApiGateway', MetricName: '5XXError', Dimensions },
        Period: 60,
        Stat: 'Sum',
      },
    })
    const out = await query([
      withDims('superset', [...api(), { Name: 'Stage', Value: 'prod' }]),
      withDims('subset', []),
    ])
    expect(result(out, 'superset').Values).toEqual([])
    expect(result(out, 'subset').Values).toEqual([])
  })

  it('returns nothing when the Unit does not match the published one', async () => {
    const q = stat('u', '5XXError', 'Sum')
    const out = await query([
      stat('count', '5XXError', 'Sum', 60),
      { ...q, MetricStat: { ...q.MetricStat!, Unit: 'Seconds' } },
    ])
    expect(result(out, 'count').Values).toHaveLength(5)
    expect(result(out, 'u').Values).toEqual([])
  })
})

describe('metric math', () => {
  it('divides series by series and multiplies by scalars, leaving ReturnData:false inputs out', async () => {
    const out = await query([
      stat('errs', '5XXError', 'Sum', 60, { ReturnData: false }),
      stat('reqs', 'Count', 'Sum', 60, { ReturnData: false }),
      { Id: 'pct', Expression: '100 * errs / reqs', Label: 'error %' },
    ])
    expect(out.MetricDataResults!.map((r) => r.Id)).toEqual(['pct'])
    expect(result(out, 'pct')).toMatchObject({ Label: 'error %', Values: [4, 0.2, 0.2, 0.2, 0.2] })
  })

  it('FILL(m, 0) turns gaps into zeros; without it minutes without data are absent', async () => {
    const quiet: MetricDataQuery = {
      Id: 'q',
      ReturnData: false,
      MetricStat: {
        Metric: { Namespace: 'AWS/ApiGateway', MetricName: '5XXError', Dimensions: api('quiet-api') },
        Period: 60,
        Stat: 'SampleCount',
      },
    }
    const out = await query(
      [quiet, { Id: 'filled', Expression: 'FILL(q, 0)' }, { Id: 'raw', Expression: 'q' }],
      -720,
      -480,
    )
    // quiet-api published until -600: minutes -720, -660 have data, -600 and -540 do not.
    expect(result(out, 'raw').Values).toEqual([10, 10])
    expect(result(out, 'filled')).toMatchObject({
      Timestamps: [at(-540), at(-600), at(-660), at(-720)],
      Values: [0, 0, 10, 10],
    })
  })

  it('SUM of an array adds series per timestamp; SUM of one series is a scalar drawn per period', async () => {
    const out = await query([
      stat('a', '5XXError', 'Sum', 60, { ReturnData: false }),
      stat('b', 'Count', 'Sum', 60, { ReturnData: false }),
      { Id: 'both', Expression: 'SUM([a, b])' },
      { Id: 'total', Expression: 'SUM(a) / SUM(b)' },
    ])
    expect(result(out, 'both').Values).toEqual([1040, 1002, 1002, 1002, 1002])
    expect(result(out, 'total').Values![0]).toBeCloseTo(48 / 5000, 10)
  })

  it.each([
    ['an unknown id', 'errs / nope', /Unrecognized metric id "nope"/],
    ['a syntax error', 'errs / (', /Error in expression e/],
    ['an unsupported function', 'ANOMALY_DETECTION_BAND(errs)', /Unsupported function/],
  ])('rejects %s', async (_case, Expression, message) => {
    const err = await query([stat('errs', '5XXError', 'Sum'), { Id: 'e', Expression }]).catch((e) => e)
    expect(err).toBeInstanceOf(ValidationException)
    expect(err.message).toMatch(message)
  })

  it('rejects circular references', async () => {
    const err = await query([
      { Id: 'a', Expression: 'b + 1' },
      { Id: 'b', Expression: 'a + 1' },
    ]).catch((e) => e)
    expect(err).toBeInstanceOf(ValidationException)
    expect(err.message).toMatch(/circular/)
  })
})

describe('paging', () => {
  it('pages with NextToken when MaxDatapoints is exceeded, marking results PartialData', async () => {
    const queries = [stat('errs', '5XXError', 'Sum'), stat('reqs', 'Count', 'Sum')]
    const first = await query(queries, -360, -60, { MaxDatapoints: 7 })
    expect(result(first, 'errs')).toMatchObject({ StatusCode: 'Complete' })
    expect(result(first, 'errs').Values).toHaveLength(5)
    expect(result(first, 'reqs')).toMatchObject({ StatusCode: 'PartialData' })
    expect(result(first, 'reqs').Values).toHaveLength(2)
    const second = await query(queries, -360, -60, { MaxDatapoints: 7, NextToken: first.NextToken })
    expect(result(second, 'reqs').Values).toHaveLength(3)
    expect(result(second, 'reqs').StatusCode).toBe('Complete')
    expect(second.NextToken).toBeUndefined()
  })

  it('rejects a foreign NextToken with InvalidNextToken', async () => {
    const err = await query([stat('errs', '5XXError', 'Sum')], -360, -60, { NextToken: 'nope' }).catch(
      (e) => e,
    )
    expect(err).toBeInstanceOf(InvalidNextToken)
  })
})

describe('validation (ValidationError, all problems in one message)', () => {
  const metric = stat('m', '5XXError', 'Sum').MetricStat!
  it.each<[string, MetricDataQuery[], RegExp]>([
    [
      'an Id starting with a digit',
      [{ Id: '5xx', MetricStat: metric }],
      /The value 5xx for parameter MetricDataQueries\.member\.1\.Id is not matching the expected pattern \^\[a-z\]\[a-zA-Z0-9_\]\*\$\./,
    ],
    [
      'an Id starting with a capital',
      [{ Id: 'Errors', MetricStat: metric }],
      /member\.1\.Id is not matching/,
    ],
    [
      'duplicate Ids',
      [
        { Id: 'm', MetricStat: metric },
        { Id: 'm', MetricStat: metric },
      ],
      /The values for parameter id in MetricDataQueries are not unique\./,
    ],
    [
      'both MetricStat and Expression',
      [{ Id: 'm', MetricStat: metric, Expression: 'm' }],
      /Exactly one element of the MetricStat or Expression must be set for MetricDataQueries\.member\.1\./,
    ],
    ['neither MetricStat nor Expression', [{ Id: 'm' }], /Exactly one element/],
    [
      'a Period of 45 s',
      [{ Id: 'm', MetricStat: { ...metric, Period: 45 } }],
      /member\.1\.MetricStat\.Period must be 1, 5, 10, 20, 30, or a multiple of 60/,
    ],
    ['a Period of 90 s', [{ Id: 'm', MetricStat: { ...metric, Period: 90 } }], /Period must be/],
    [
      'an unknown statistic',
      [{ Id: 'm', MetricStat: { ...metric, Stat: 'Avg' } }],
      /The value Avg for parameter MetricDataQueries\.member\.1\.MetricStat\.Stat is not a valid statistic\./,
    ],
    [
      '501 queries',
      Array.from({ length: 501 }, (_, i) => ({ Id: `m${i}`, MetricStat: metric })),
      /must not have a size greater than 500/,
    ],
  ])('rejects %s', async (_case, queries, message) => {
    const err = await query(queries).catch((e) => e)
    expect(err).toBeInstanceOf(ValidationException)
    expect(err.Code).toBe('ValidationError')
    expect(err.message).toMatch(message)
  })

  it('lists several problems at once, one per line', async () => {
    const err = await query([
      { Id: '1a', MetricStat: metric },
      { Id: 'b', MetricStat: { ...metric, Stat: 'Mean' } },
    ]).catch((e) => e)
    expect(err.message.split('\n')).toHaveLength(2)
  })

  it('accepts 500 queries, sub-minute periods and percentile statistics', async () => {
    const many = Array.from({ length: 500 }, (_, i) => ({ Id: `m${i}`, MetricStat: metric }))
    expect((await query(many)).MetricDataResults).toHaveLength(500)
    const ok = await query([
      { Id: 'a', MetricStat: { ...metric, Period: 10 } },
      { Id: 'b', MetricStat: { ...metric, Stat: 'p99' } },
      { Id: 'c', MetricStat: { ...metric, Stat: 'p99.9' } },
      { Id: 'd', MetricStat: { ...metric, Stat: 'tm90' } },
      { Id: 'e', MetricStat: { ...metric, Stat: 'IQM' } },
    ])
    expect(ok.MetricDataResults).toHaveLength(5)
  })

  it('rejects StartTime not before EndTime', async () => {
    const err = await query([stat('m', '5XXError', 'Sum')], -60, -60).catch((e) => e)
    expect(err).toBeInstanceOf(ValidationException)
    expect(err.message).toBe('The parameter StartTime must be less than the parameter EndTime.')
  })

  it('rejects an unknown ScanBy', async () => {
    const err = await query([stat('m', '5XXError', 'Sum')], -360, -60, { ScanBy: 'Sideways' }).catch((e) => e)
    expect(err).toBeInstanceOf(ValidationException)
  })
})
