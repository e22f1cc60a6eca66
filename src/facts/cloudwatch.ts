// CloudWatch facts the validate mode relies on, written down once: where API Gateway and Application Load
// Balancers publish the metrics of an error rate, and how many queries one GetMetricData call takes.
// Sources: "Amazon API Gateway dimensions and metrics" (REST APIs), "Monitor CloudWatch metrics for HTTP APIs"
// (HTTP APIs), "CloudWatch metrics for your Application Load Balancer", the Amazon CloudWatch API reference.

/** API Gateway's namespace, for REST and HTTP APIs alike. */
export const API_GATEWAY_NAMESPACE = 'AWS/ApiGateway'
/** REST APIs: requests answered with a 5xx, per API (ApiName) and stage. */
export const API_ERRORS_METRIC = '5XXError'
/** HTTP APIs: requests answered with a 5xx, per API (ApiId) and stage. */
export const HTTP_API_ERRORS_METRIC = '5xx'
/** Every request, per API (and stage), REST and HTTP alike. */
export const API_REQUESTS_METRIC = 'Count'

/** Application Load Balancers' namespace. */
export const ALB_NAMESPACE = 'AWS/ApplicationELB'
/** 5xx answers the targets of a target group gave (not those the load balancer made itself). */
export const ALB_TARGET_ERRORS_METRIC = 'HTTPCode_Target_5XX_Count'
/** Requests the load balancer routed, per target group. */
export const ALB_REQUESTS_METRIC = 'RequestCount'

/** GetMetricData takes at most this many queries per call. */
export const MAX_QUERIES_PER_CALL = 500
