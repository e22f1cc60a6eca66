// CloudWatch facts the validate mode relies on, written down once: where API Gateway publishes the metrics of
// the API error rate, and how many queries one GetMetricData call takes (Amazon CloudWatch API reference).

/** API Gateway's namespace for REST API metrics. */
export const API_GATEWAY_NAMESPACE = 'AWS/ApiGateway'
/** Requests answered with a 5xx, per API (and stage). */
export const API_ERRORS_METRIC = '5XXError'
/** Every request, per API (and stage). */
export const API_REQUESTS_METRIC = 'Count'
/** GetMetricData takes at most this many queries per call. */
export const MAX_QUERIES_PER_CALL = 500
