// Turns the 5XX rates (target groups, API) and the user's metric checks into GetMetricData queries. Pure.
//
// All queries of one round go into one GetMetricData call (500 queries per call), so each needs an id that
// is unique in the call and valid for CloudWatch (^[a-z][a-zA-Z0-9_]*$). Users name the inputs of their
// expressions themselves (`errors / requests`), and two checks may both call an input `errors`, so every
// id is prefixed with its check's own id and the expression is rewritten to match.
import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch'
import type { MetricCheck, MetricQuery } from '../config/types.js'
import { MAX_QUERIES_PER_CALL } from '../facts/cloudwatch.js'
import type { Dimension, RateSource } from './rate-sources.js'

/** The ids of one rate's two per-minute series. */
export interface RateIds {
  errors: string
  requests: string
}

export interface MetricPlan {
  /** Batches of queries, each ≤ 500 and each keeping an expression with its inputs. */
  batches: MetricDataQuery[][]
  /** The ids of each rate, in the order given. */
  rateIds: RateIds[]
  /** Query id whose value decides each metric check, in config order. */
  checkIds: string[]
}

/**
 * A rate is Σ errors ÷ Σ requests over the window, so both are fetched per minute (Sum; for API Gateway's
 * Count equal to its SampleCount, as each request counts 1) and added up client-side; metric checks read one
 * period as long as the window.
 */
export function planMetricQueries(
  rates: RateSource[],
  checks: MetricCheck[],
  windowMinutes: number,
): MetricPlan {
  const groups: MetricDataQuery[][] = []
  const rateIds = rates.map((rate, i): RateIds => {
    const ids = { errors: `r${i + 1}_errors`, requests: `r${i + 1}_requests` }
    const perMinute = (id: string, metric: string) =>
      stat(id, { namespace: rate.namespace, metric, dimensions: {}, stat: 'Sum' }, 60, rate.dimensions)
    groups.push([perMinute(ids.errors, rate.errorsMetric), perMinute(ids.requests, rate.requestsMetric)])
    return ids
  })
  const period = Math.max(1, windowMinutes) * 60
  const checkIds = checks.map((check, i) => {
    const id = `c${i + 1}`
    if (check.kind === 'metric') {
      groups.push([stat(id, check.query, period)])
    } else {
      const inputs = Object.entries(check.metrics).map(([name, q]) =>
        stat(`${id}_${name}`, q, period, undefined, false),
      )
      const expression = prefixIdentifiers(check.expression, new Set(Object.keys(check.metrics)), `${id}_`)
      groups.push([...inputs, { Id: id, Expression: expression, Label: check.name, ReturnData: true }])
    }
    return id
  })
  return { batches: pack(groups), rateIds, checkIds }
}

function stat(
  id: string,
  q: MetricQuery,
  period: number,
  dimensions?: Dimension[],
  returnData = true,
): MetricDataQuery {
  return {
    Id: id,
    MetricStat: {
      Metric: {
        Namespace: q.namespace,
        MetricName: q.metric,
        Dimensions: dimensions ?? Object.entries(q.dimensions).map(([Name, Value]) => ({ Name, Value })),
      },
      Period: period,
      Stat: q.stat,
    },
    ReturnData: returnData,
  }
}

/** Rewrites identifiers of an expression that name its inputs; quoted strings (SEARCH terms) are left alone. */
export function prefixIdentifiers(expression: string, ids: Set<string>, prefix: string): string {
  let out = ''
  let i = 0
  while (i < expression.length) {
    const ch = expression.charAt(i)
    if (ch === '"' || ch === "'") {
      const close = expression.indexOf(ch, i + 1)
      const end = close === -1 ? expression.length : close + 1
      out += expression.slice(i, end)
      i = end
    } else if (/[A-Za-z_]/.test(ch)) {
      let j = i + 1
      while (j < expression.length && /[A-Za-z0-9_]/.test(expression.charAt(j))) j++
      const word = expression.slice(i, j)
      out += ids.has(word) ? prefix + word : word
      i = j
    } else if (/[0-9]/.test(ch)) {
      // A number (possibly followed by letters, e.g. 1e3) is never an id.
      let j = i + 1
      while (j < expression.length && /[A-Za-z0-9_.]/.test(expression.charAt(j))) j++
      out += expression.slice(i, j)
      i = j
    } else {
      out += ch
      i++
    }
  }
  return out
}

function pack(groups: MetricDataQuery[][]): MetricDataQuery[][] {
  const batches: MetricDataQuery[][] = []
  let current: MetricDataQuery[] = []
  for (const g of groups) {
    if (current.length + g.length > MAX_QUERIES_PER_CALL && current.length > 0) {
      batches.push(current)
      current = []
    }
    current.push(...g)
  }
  if (current.length > 0) batches.push(current)
  return batches
}
