// What a 5XX rate is measured on: an Application Load Balancer's target group or an API Gateway API, each
// with the metric of its 5xx answers and of its requests, per minute (Sum), under its own dimensions. Pure.
//
// The rate over a window is Σ errors ÷ Σ requests (metric-verdict.ts). Both ALB and API Gateway publish no
// datapoint for a minute without that event, so a minute with requests and no error datapoint had no errors.
import {
  ALB_NAMESPACE,
  ALB_REQUESTS_METRIC,
  ALB_TARGET_ERRORS_METRIC,
  API_ERRORS_METRIC,
  API_GATEWAY_NAMESPACE,
  HTTP_API_ERRORS_METRIC,
  API_REQUESTS_METRIC,
} from '../facts/cloudwatch.js'
import type { TargetGroup } from './load-balancers.js'

export interface Dimension {
  Name: string
  Value: string
}

export interface RateSource {
  /** The check row's name. */
  check: string
  /** What is measured, in a sentence: `target group shop-tg`, `API "shop" stage "prod"`. */
  label: string
  namespace: string
  errorsMetric: string
  requestsMetric: string
  dimensions: Dimension[]
}

export interface ApiTarget {
  name: string
  stage?: string
}

export const API_CHECK_NAME = 'API 5XX error rate'
export const targetGroupRateName = (name: string): string => `target group ${name} 5XX rate`

/**
 * An Application Load Balancer target group: its targets' 5xx answers over its requests, published with both
 * the TargetGroup and the LoadBalancer dimension (their values are the ARNs' suffixes). A group behind a
 * Network Load Balancer (no HTTP codes) or no load balancer has none.
 */
export function targetGroupRate(group: TargetGroup): RateSource | undefined {
  if (!group.albDimension) return undefined
  return {
    check: targetGroupRateName(group.name),
    label: `target group ${group.name}`,
    namespace: ALB_NAMESPACE,
    errorsMetric: ALB_TARGET_ERRORS_METRIC,
    requestsMetric: ALB_REQUESTS_METRIC,
    dimensions: [
      { Name: 'TargetGroup', Value: group.dimension },
      { Name: 'LoadBalancer', Value: group.albDimension },
    ],
  }
}

export function apiDimensions(api: ApiTarget): Dimension[] {
  const dims = [{ Name: 'ApiName', Value: api.name }]
  if (api.stage) dims.push({ Name: 'Stage', Value: api.stage })
  return dims
}

/** An API Gateway REST API, by the name its metrics carry (and stage). */
export function restApiRate(api: ApiTarget): RateSource {
  return {
    check: API_CHECK_NAME,
    label: api.stage ? `REST API "${api.name}" stage "${api.stage}"` : `REST API "${api.name}"`,
    namespace: API_GATEWAY_NAMESPACE,
    errorsMetric: API_ERRORS_METRIC,
    requestsMetric: API_REQUESTS_METRIC,
    dimensions: apiDimensions(api),
  }
}

/** An API Gateway HTTP API, by id (and stage): its metrics carry ApiId, not the name. */
export function httpApiRate(api: { id: string; name: string; stage?: string }): RateSource {
  const dims = [{ Name: 'ApiId', Value: api.id }]
  if (api.stage) dims.push({ Name: 'Stage', Value: api.stage })
  return {
    check: API_CHECK_NAME,
    label: `HTTP API "${api.name}" (${api.id})${api.stage ? ` stage "${api.stage}"` : ''}`,
    namespace: API_GATEWAY_NAMESPACE,
    errorsMetric: HTTP_API_ERRORS_METRIC,
    requestsMetric: API_REQUESTS_METRIC,
    dimensions: dims,
  }
}
