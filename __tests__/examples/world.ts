// The AWS account an example runs in, set up as docs/before-you-start.md says a real one is: the repository
// whose branch `<environment>` holds the commit; the ECS cluster `shop-<environment>` with the service `shop`
// (or the services the example names) behind an Application Load Balancer that serves traffic (a few 5XX in a
// thousand), blue/green with a PAUSE hook when the example gates on it; the alarms and metrics the example names;
// an API Gateway REST API only when the example names one (`api-name`); the SNS topics it alerts.
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
  /** The example's `cluster` when it names one (else `shop-<environment>`). */
  cluster?: string
  /** The example's `service` lines (else `shop`): each behind its own target group of the one load balancer. */
  services: string[]
  /** With `pause-hook`, the services deploy blue/green and pause at POST_TEST_TRAFFIC_SHIFT for an answer. */
  pauseHook: boolean
  snsTopics: string[]
  /**
   * The tag the build pushes when the pipeline starts by itself (VERSION `auto`): the README's buildspec turns
   * `auto` into the short SHA, which the emulator's build does not know to do. Runs the action starts carry
   * their `version` and need no help.
   */
  autoVersionTag?: string
}

const ALWAYS = { from: -7200, to: 86_400 * 2 }
/** A few 5XX in a thousand requests a minute, all the time. */
const HEALTHY_TRAFFIC = { ...ALWAYS, requestsPerMinute: 1000, errors: [{ ...ALWAYS, perMinute: 1 }] }

export function accountScenario(a: AccountSpec): Scenario {
  const cluster = a.cluster ?? `shop-${a.environment}`
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
        [cluster]: { services: Object.fromEntries(a.services.map((n) => [n, service(a, cluster, n)])) },
      },
    },
    elbv2: {
      loadBalancers: { shop: {} },
      targetGroups: Object.fromEntries(
        a.services.flatMap((n) => [
          [groupOf(cluster, n), { loadBalancer: 'shop', traffic: HEALTHY_TRAFFIC }],
          ...(a.pauseHook
            ? [[`${groupOf(cluster, n)}-green`, { loadBalancer: 'shop', traffic: HEALTHY_TRAFFIC }]]
            : []),
        ]),
      ),
    },
    ...apiGateway(a.apiName, a.apiStage),
    cloudwatch: {
      metrics: metricChecksData(a.metricChecks),
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

/** The REST API the example names (`api-name`), serving 1 error in 1000 requests a minute on its stage. */
function apiGateway(apiName: string | undefined, stage: string | undefined) {
  if (!apiName) return {}
  return { apigateway: { restApis: { [apiName]: { ...(stage && { stage }), traffic: HEALTHY_TRAFFIC } } } }
}

const groupOf = (cluster: string, service: string): string =>
  service === 'shop' ? cluster : `${cluster}-${service}`

/** A service of the release: 2 tasks of the previous image, rolling — or blue/green with a PAUSE hook. */
function service(a: AccountSpec, cluster: string, name: string) {
  const tg = (g: string) => targetGroupArn(REGION, ACCOUNT, g)
  const group = groupOf(cluster, name)
  return {
    desiredCount: 2,
    loadBalancers: [
      {
        targetGroupArn: tg(group),
        containerName: 'shop',
        containerPort: 8080,
        ...(a.pauseHook && { advancedConfiguration: { alternateTargetGroupArn: tg(`${group}-green`) } }),
      },
    ],
    taskDefinitions: [{ images: { shop: image('previous') } }],
    deployments: [{ taskDefinition: 1, at: -86_400 }],
    ...(a.pauseHook && {
      strategy: 'BLUE_GREEN',
      bakeTimeInMinutes: 2,
      lifecycleHooks: [
        {
          targetType: 'PAUSE',
          lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'],
          timeoutInMinutes: 120,
          timeoutAction: 'ROLLBACK',
        },
      ],
    }),
  }
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
