// The metrics API Gateway publishes for an API's traffic (namespace AWS/ApiGateway): REST APIs `5XXError` and
// `Count` by `ApiName` and by `ApiName` + `Stage` ("Amazon API Gateway dimensions and metrics"); HTTP APIs `5xx`
// and `Count` by `ApiId` and by `ApiId` + `Stage` ("Monitor CloudWatch metrics for HTTP APIs in API Gateway").
// Every request is one sample of the error metric (1 for a 5xx, else 0: its Average is the error rate), so a
// minute with requests has an error datapoint even when it had no errors; a minute without requests has none.
import { countMetric, type MetricSpec, type PointSpec } from '../cloudwatch/scenario.js'
import type { ApiSpec } from './scenario.js'

const NAMESPACE = 'AWS/ApiGateway'

export function apiMetrics(api: ApiSpec, kind: 'rest' | 'http', id: string): MetricSpec[] {
  const traffic = api.traffic
  if (!traffic) return []
  const requests: PointSpec[] = []
  const errors: PointSpec[] = []
  for (let at = Math.ceil(traffic.from / 60) * 60; at < traffic.to; at += 60) {
    const n = traffic.requestsPerMinute
    if (n === 0) continue
    const bad = Math.min(
      n,
      traffic.errors.filter((e) => at >= e.from && at < e.to).reduce((sum, e) => sum + e.perMinute, 0),
    )
    requests.push({ at, sum: n, count: n, min: 1, max: 1 })
    errors.push({ at, sum: bad, count: n, min: bad === n ? 1 : 0, max: bad > 0 ? 1 : 0 })
  }
  // REST APIs are named in their metrics by name (non-ASCII characters stripped; the id when none is left).
  const byApi: Record<string, string> =
    kind === 'rest' ? { ApiName: api.name.replace(/[^\x20-\x7e]/g, '') || id } : { ApiId: id }
  const dimensionSets = [byApi, ...(api.stage ? [{ ...byApi, Stage: api.stage }] : [])]
  const errorMetric = kind === 'rest' ? '5XXError' : '5xx'
  return dimensionSets.flatMap((dimensions) => [
    metric('Count', dimensions, requests),
    metric(errorMetric, dimensions, errors),
  ])
}

const metric = (name: string, dimensions: Record<string, string>, points: PointSpec[]): MetricSpec =>
  countMetric(NAMESPACE, name, dimensions, points)
