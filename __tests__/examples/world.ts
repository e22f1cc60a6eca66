// The AWS account an example runs in, set up as docs/before-you-start.md says a real one is: the repository
// whose branch `<environment>` holds the commit; the ECS cluster `shop-<environment>` with the service `shop`
// behind an Application Load Balancer that serves traffic (a few 5XX in a thousand); the alarms and metrics the
// example names; an API Gateway API only when the example names one (`api-name`); the SNS topics it alerts.
// The pipeline itself is not here: an example creates it, or the test creates it first (see the test).
import type { Scenario } from '../../emulator/index.js'
import { targetGroupArn } from '../../emulator/services/elbv2/index.js'
import { parse } from 'yaml'

export const REGION = 'us-east-1'
export const ACCOUNT = '123456789012'
export const REPOSITORY = 'octo-org/shop'
const image = (tag: string): string => `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/shop:${tag}`

export interface AccountSpec {
  environment: string
  commit: string
  /** What the example's steps ask for, across all its steps. */
  alarms: string[]
  metricChecks: string[]
  apiName?: string
  apiStage?: string
  snsTopics: string[]
  /**
   * The tag the build pushes when the pipeline starts by itself (VERSION `auto`): the README's buildspec turns
   * `auto` into the short SHA, which the emulator's build does not know to do. Runs the action starts carry
   * their `version` and need no help.
   */
  autoVersionTag?: string
}

const ALWAYS = { from: -7200, to: 86_400 * 2 }

export function accountScenario(a: AccountSpec): Scenario {
  const cluster = `shop-${a.environment}`
  return {
    description: `an account set up per docs/before-you-start.md, for ${a.environment}`,
    start: '2026-11-26T09:00:00Z',
    region: REGION,
    accountId: ACCOUNT,
    repositories: {
      [REPOSITORY]: {
        [a.environment]: [{ sha: a.commit, message: 'The release', author: 'alice', at: -600 }],
      },
    },
    ecs: {
      clusters: {
        [cluster]: {
          services: {
            shop: {
              desiredCount: 2,
              loadBalancers: [
                {
                  targetGroupArn: targetGroupArn(REGION, ACCOUNT, cluster),
                  containerName: 'shop',
                  containerPort: 8080,
                },
              ],
              taskDefinitions: [{ images: { shop: image('previous') } }],
              deployments: [{ taskDefinition: 1, at: -86_400 }],
            },
          },
        },
      },
    },
    elbv2: {
      loadBalancers: { shop: {} },
      targetGroups: {
        [cluster]: {
          loadBalancer: 'shop',
          traffic: { ...ALWAYS, requestsPerMinute: 1000, errors: [{ ...ALWAYS, perMinute: 1 }] },
        },
      },
    },
    cloudwatch: {
      metrics: [...metricChecksData(a.metricChecks), ...apiData(a.apiName, a.apiStage)],
      alarms: a.alarms.map((name) => ({
        name,
        namespace: 'AWS/ApplicationELB',
        metric: 'HTTPCode_Target_5XX_Count',
        dimensions: { TargetGroup: cluster },
        statistic: 'Sum',
        period: 60,
        threshold: 50,
        comparisonOperator: 'GreaterThanOrEqualToThreshold',
        state: 'OK',
      })),
    },
    sns: { topics: a.snsTopics },
    ...(a.autoVersionTag && {
      codepipeline: {
        commits: {
          [a.commit]: { Deploy: { images: [{ name: 'shop', imageUri: image(a.autoVersionTag) }] } },
        },
      },
    }),
  } as Scenario
}

interface MetricRef {
  namespace: string
  metric: string
  dimensions?: Record<string, string>
  max?: number
  min?: number
}

/**
 * Healthy data for every metric a `metric-checks` value names: counts of errors low (1 a minute), counts of
 * requests high (1000 a minute), anything else well inside its bounds — the release the example expects to pass.
 */
function metricChecksData(values: string[]): unknown[] {
  return values.flatMap((value) =>
    (parse(value) as (MetricRef & { metrics?: Record<string, MetricRef> })[])
      .flatMap((check) => (check.metrics ? Object.values(check.metrics) : [check]))
      .map((m) => series(m.namespace, m.metric, m.dimensions ?? {}, healthyValue(m))),
  )
}

function healthyValue(m: MetricRef): number {
  if (/5XX|Error/i.test(m.metric)) return 1
  if (/Count/.test(m.metric)) return 1000
  if (m.max !== undefined) return m.max / 4
  return (m.min ?? 0) * 2 + 1
}

/** An API Gateway REST API's metrics: 1 error in 1000 requests a minute, per its ApiName (and Stage). */
function apiData(apiName: string | undefined, stage: string | undefined): unknown[] {
  if (!apiName) return []
  const dimensions = { ApiName: apiName, ...(stage && { Stage: stage }) }
  return [
    series('AWS/ApiGateway', '5XXError', dimensions, 1, 1000),
    series('AWS/ApiGateway', 'Count', dimensions, 1000, 1000),
  ]
}

function series(namespace: string, name: string, dimensions: Record<string, string>, sum: number, count = 1) {
  return {
    namespace,
    name,
    dimensions,
    unit: 'Count',
    points: [{ ...ALWAYS, every: 60, sum, count, min: sum / count, max: sum / count }],
  }
}
