// GetMetricData: validation worded as CloudWatch words it (all problems at once, one per line), period
// aggregation over [StartTime, EndTime) aligned to the minute, metric math, ScanBy and MaxDatapoints paging.
import type { RequestContext } from '../../core/types.js'
import { decodeToken, encodeToken, requestKey, validationError } from './errors.js'
import { evaluate, MathError, parse, references, type Node, type TimeSeries } from './math.js'
import { lowerBound, type MetricStore, type Series } from './series.js'
import { isSupportedStatistic, statistic } from './statistics.js'

const MAX_QUERIES = 500
const DEFAULT_MAX_DATAPOINTS = 100_800
const ID_PATTERN = /^[a-z][a-zA-Z0-9_]*$/
const SUB_MINUTE_PERIODS = [1, 5, 10, 20, 30]
const MAX_EXPRESSION_LENGTH = 2048

interface MetricStatQuery {
  kind: 'stat'
  id: string
  label: string
  returnData: boolean
  namespace: string
  metricName: string
  dimensions: { Name: string; Value: string }[]
  period: number
  stat: string
  unit?: string
}
interface ExpressionQuery {
  kind: 'expr'
  id: string
  label: string
  returnData: boolean
  node: Node
}
type Query = MetricStatQuery | ExpressionQuery

export function getMetricData(store: MetricStore) {
  return (input: any, ctx: RequestContext) => {
    const queries = checkQueries(input.MetricDataQueries)
    const start = toMs(input.StartTime, 'StartTime')
    const end = toMs(input.EndTime, 'EndTime')
    if (start >= end)
      throw validationError('The parameter StartTime must be less than the parameter EndTime.')
    const scanBy = input.ScanBy ?? 'TimestampDescending'
    if (scanBy !== 'TimestampDescending' && scanBy !== 'TimestampAscending') {
      throw validationError(`The value ${String(scanBy)} for parameter ScanBy is not valid.`)
    }
    const max = input.MaxDatapoints ?? DEFAULT_MAX_DATAPOINTS
    if (!Number.isInteger(max) || max < 1)
      throw validationError('The parameter MaxDatapoints must be a positive integer.')
    const key = requestKey([input.MetricDataQueries, start, end, scanBy])
    const offset = decodeToken(input.NextToken, key)

    const now = ctx.clock.now()
    const computed = new Map<string, TimeSeries>()
    const byId = new Map(queries.map((q) => [q.id, q]))
    const visiting = new Set<string>()
    const seriesOf = (id: string): TimeSeries => {
      const done = computed.get(id)
      if (done) return done
      const q = byId.get(id)!
      if (visiting.has(id)) throw validationError(`Error in expression ${id}: circular reference to ${id}.`)
      visiting.add(id)
      const s =
        q.kind === 'stat'
          ? statSeries(store.find(q.namespace, q.metricName, q.dimensions), q, start, end, now)
          : exprSeries(q, seriesOf, start, end)
      visiting.delete(id)
      computed.set(id, s)
      return s
    }

    const results = queries
      .filter((q) => q.returnData)
      .map((q) => {
        const points = [...seriesOf(q.id).points]
          .filter(([, v]) => Number.isFinite(v))
          .sort((a, b) => a[0] - b[0])
        if (scanBy === 'TimestampDescending') points.reverse()
        return { q, points }
      })
    // Pages cut the results' datapoints in query order; each result shows its part of the page.
    const total = results.reduce((n, r) => n + r.points.length, 0)
    let position = 0
    const MetricDataResults = results.map(({ q, points }) => {
      const from = Math.min(points.length, Math.max(0, offset - position))
      const to = Math.min(points.length, Math.max(0, offset + max - position))
      position += points.length
      const page = points.slice(from, to)
      return {
        Id: q.id,
        Label: q.label,
        Timestamps: page.map(([t]) => new Date(t)),
        Values: page.map(([, v]) => v),
        StatusCode: to < points.length ? 'PartialData' : 'Complete',
        Messages: [],
      }
    })
    return {
      MetricDataResults,
      NextToken: offset + max < total ? encodeToken(key, offset + max) : undefined,
      Messages: [],
    }
  }
}

function toMs(value: unknown, name: string): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value * 1000 : NaN
  if (!Number.isFinite(ms)) throw validationError(`The parameter ${name} is required.`)
  return ms
}

function checkQueries(raw: unknown): Query[] {
  if (!Array.isArray(raw) || raw.length === 0)
    throw validationError('The parameter MetricDataQueries is required.')
  if (raw.length > MAX_QUERIES) {
    throw validationError(
      `The collection MetricDataQueries must not have a size greater than ${MAX_QUERIES}.`,
    )
  }
  const errors: string[] = []
  const queries: Query[] = []
  const ids = new Set<string>()
  let duplicate = false
  raw.forEach((q: any, i: number) => {
    const at = `MetricDataQueries.member.${i + 1}`
    const id = q?.Id
    if (typeof id !== 'string' || id.length > 255 || !ID_PATTERN.test(id)) {
      errors.push(
        `The value ${String(id)} for parameter ${at}.Id is not matching the expected pattern ^[a-z][a-zA-Z0-9_]*$.`,
      )
    }
    if (ids.has(id)) duplicate = true
    ids.add(id)
    const returnData = q?.ReturnData !== false
    if ((q?.MetricStat === undefined) === (q?.Expression === undefined)) {
      errors.push(`Exactly one element of the MetricStat or Expression must be set for ${at}.`)
      return
    }
    if (q.Expression !== undefined) {
      if (
        typeof q.Expression !== 'string' ||
        q.Expression.length < 1 ||
        q.Expression.length > MAX_EXPRESSION_LENGTH
      ) {
        errors.push(
          `The parameter ${at}.Expression must be between 1 and ${MAX_EXPRESSION_LENGTH} characters.`,
        )
        return
      }
      try {
        queries.push({ kind: 'expr', id, label: q.Label ?? id, returnData, node: parse(q.Expression) })
      } catch (e) {
        if (!(e instanceof MathError)) throw e
        errors.push(`Error in expression ${String(id)}: ${e.message}.`)
      }
      return
    }
    const ms = q.MetricStat
    const metric = ms.Metric ?? {}
    for (const field of ['Namespace', 'MetricName'] as const) {
      if (typeof metric[field] !== 'string' || metric[field] === '')
        errors.push(`The parameter ${at}.MetricStat.Metric.${field} is required.`)
    }
    if (!isSupportedStatistic(ms.Stat))
      errors.push(
        `The value ${String(ms.Stat)} for parameter ${at}.MetricStat.Stat is not a valid statistic.`,
      )
    const period = ms.Period
    if (
      !Number.isInteger(period) ||
      period < 1 ||
      (period < 60 ? !SUB_MINUTE_PERIODS.includes(period) : period % 60 !== 0)
    ) {
      errors.push(`The parameter ${at}.MetricStat.Period must be 1, 5, 10, 20, 30, or a multiple of 60.`)
    }
    queries.push({
      kind: 'stat',
      id,
      label: q.Label ?? metric.MetricName,
      returnData,
      namespace: metric.Namespace,
      metricName: metric.MetricName,
      dimensions: (metric.Dimensions ?? []).map((d: any) => ({
        Name: String(d.Name),
        Value: String(d.Value),
      })),
      period,
      stat: ms.Stat,
      unit: ms.Unit,
    })
  })
  if (duplicate) errors.push('The values for parameter id in MetricDataQueries are not unique.')
  for (const q of queries) {
    if (q.kind !== 'expr') continue
    for (const ref of references(q.node)) {
      if (!ids.has(ref)) errors.push(`Error in expression ${q.id}: Unrecognized metric id "${ref}".`)
      else if (ref === q.id) errors.push(`Error in expression ${q.id}: an expression cannot refer to itself.`)
    }
  }
  if (errors.length > 0) throw validationError(errors.join('\n'))
  return queries
}

/** Datapoints of one metric: the statistic per period, periods without data left out (CloudWatch never zero-fills). */
function statSeries(
  series: Series | undefined,
  q: MetricStatQuery,
  start: number,
  end: number,
  now: number,
): TimeSeries {
  const periodMs = q.period * 1000
  const points = new Map<number, number>()
  if (!series || (q.unit !== undefined && q.unit !== (series.unit ?? 'None')))
    return { period: q.period, points }
  const align = Math.min(periodMs, 60_000)
  const from = Math.floor(start / align) * align
  const newest = now - series.delayMs // a point is visible once it has arrived
  const visibleBefore = (k: number, limit: number) => {
    const time = series.times[k] // undefined past the last point
    return time !== undefined && time < limit && time <= newest
  }
  let i = lowerBound(series.times, from)
  for (
    let time = series.times[i];
    time !== undefined && time < end && time <= newest;
    time = series.times[i]
  ) {
    const bucket = Math.floor((time - from) / periodMs)
    const bucketEnd = Math.min(end, from + (bucket + 1) * periodMs)
    let j = i
    while (visibleBefore(j, bucketEnd)) j++
    points.set(from + bucket * periodMs, statistic(series, i, j, q.stat))
    i = j
  }
  return { period: q.period, points }
}

function exprSeries(
  q: ExpressionQuery,
  lookup: (id: string) => TimeSeries,
  start: number,
  end: number,
): TimeSeries {
  const from = Math.floor(start / 60_000) * 60_000
  try {
    const v = evaluate(q.node, lookup, { start: from, end })
    if (v.kind === 'series') return v.s
    if (v.kind === 'array') {
      const [only, ...more] = v.items
      if (only && more.length === 0) return only
      throw new MathError('the expression returns several time series; the emulator returns one per query')
    }
    // A scalar is drawn as a line: one value per period of the window.
    if (v.period === undefined) throw new MathError('the expression must refer to at least one time series')
    const points = new Map<number, number>()
    for (let t = from; t < end; t += v.period * 1000) points.set(t, v.v)
    return { period: v.period, points }
  } catch (e) {
    if (e instanceof MathError) throw validationError(`Error in expression ${q.id}: ${e.message}.`)
    throw e
  }
}
