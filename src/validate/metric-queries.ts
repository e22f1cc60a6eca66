// Turns the API error-rate check and the user's metric checks into GetMetricData queries. Pure.
//
// All queries of one round go into one GetMetricData call (500 queries per call), so each needs an id that
// is unique in the call and valid for CloudWatch (^[a-z][a-zA-Z0-9_]*$). Users name the inputs of their
// expressions themselves (`errors / requests`), and two checks may both call an input `errors`, so every
// id is prefixed with its check's own id and the expression is rewritten to match.
import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch'
import type { MetricCheck, MetricQuery } from '../config/types.js'
import {
  API_ERRORS_METRIC,
  API_GATEWAY_NAMESPACE,
  API_REQUESTS_METRIC,
  MAX_QUERIES_PER_CALL,
} from '../facts/cloudwatch.js'

export const API_ERRORS_ID = 'api_errors'
export const API_REQUESTS_ID = 'api_requests'

export interface ApiTarget {
  name: string
  stage?: string
}

export interface MetricPlan {
  /** Batches of queries, each ≤ 500 and each keeping an expression with its inputs. */
  batches: MetricDataQuery[][]
  /** Query id whose value decides each metric check, in config order. */
  checkIds: string[]
}

export function apiDimensions(api: ApiTarget): { Name: string; Value: string }[] {
  const dims = [{ Name: 'ApiName', Value: api.name }]
  if (api.stage) dims.push({ Name: 'Stage', Value: api.stage })
  return dims
}

/**
 * The error rate is Σ errors ÷ Σ requests over the window, so both are fetched per minute (Sum of 5XXError,
 * Sum of Count — equal to its SampleCount, as each request counts 1) and added up client-side; metric checks read one period as long as the window.
 */
export function planMetricQueries(
  api: ApiTarget | undefined,
  checks: MetricCheck[],
  windowMinutes: number,
): MetricPlan {
  const groups: MetricDataQuery[][] = []
  if (api) {
    const dims = apiDimensions(api)
    groups.push([
      stat(
        API_ERRORS_ID,
        { namespace: API_GATEWAY_NAMESPACE, metric: API_ERRORS_METRIC, dimensions: {}, stat: 'Sum' },
        60,
        dims,
      ),
      stat(
        API_REQUESTS_ID,
        { namespace: API_GATEWAY_NAMESPACE, metric: API_REQUESTS_METRIC, dimensions: {}, stat: 'Sum' },
        60,
        dims,
      ),
    ])
  }
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
  return { batches: pack(groups), checkIds }
}

function stat(
  id: string,
  q: MetricQuery,
  period: number,
  dimensions?: { Name: string; Value: string }[],
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
