// The metrics an Application Load Balancer publishes per target group (AWS/ApplicationELB, dimensions
// TargetGroup + LoadBalancer; "CloudWatch metrics for your Application Load Balancer"): RequestCount every
// minute with traffic, and HTTPCode_Target_5XX_Count only for minutes that had 5XX answers — CloudWatch
// records no datapoint for a count of zero. Both arrive about a minute late.
import { countMetric, type MetricSpec, type PointSpec } from '../cloudwatch/scenario.js'
import type { TargetGroupSpec } from './scenario.js'

const NAMESPACE = 'AWS/ApplicationELB'

export function albMetrics(tg: TargetGroupSpec, dimensions: Record<string, string>): MetricSpec[] {
  const traffic = tg.traffic
  if (!traffic) return []
  const requests: PointSpec[] = []
  const errors: PointSpec[] = []
  const first = Math.ceil(traffic.from / 60) * 60
  for (let at = first; at < traffic.to; at += 60) {
    if (traffic.requestsPerMinute > 0) requests.push(point(at, traffic.requestsPerMinute))
    const bad = traffic.errors
      .filter((e) => at >= e.from && at < e.to)
      .reduce((sum, e) => sum + e.perMinute, 0)
    if (bad > 0) errors.push(point(at, Math.min(bad, traffic.requestsPerMinute)))
  }
  const metric = (name: string, points: PointSpec[]): MetricSpec =>
    countMetric(NAMESPACE, name, dimensions, points)
  return [metric('RequestCount', requests), metric('HTTPCode_Target_5XX_Count', errors)].filter(
    (m) => m.points.length > 0,
  )
}

// A per-minute count published as one statistic set: Sum is the count, SampleCount the requests seen.
const point = (at: number, count: number): PointSpec => ({ at, sum: count, count, min: 1, max: 1 })
