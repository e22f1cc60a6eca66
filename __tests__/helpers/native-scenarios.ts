// Emulator scenarios of ECS's own blue/green, linear and canary deployments, shared by the validate suites,
// the invariant matrix and the runner-contract suite: v1 has run for a day, v2's deployment starts at 0.
import { targetGroupArn } from '../../emulator/services/elbv2/index.js'

export function nativeScenario(service: Record<string, unknown>, plan: Record<string, unknown> = {}) {
  return {
    ecs: {
      clusters: {
        prod: {
          services: {
            shop: {
              desiredCount: 2,
              taskDefinitions: [{ images: { app: 'shop:v1' } }, { images: { app: 'shop:v2' } }],
              deployments: [
                { at: -86400, taskDefinition: 1 },
                { at: 0, taskDefinition: 2, duration: 60, rollbackDuration: 30, ...plan },
              ],
              ...service,
            },
          },
        },
      },
    },
  }
}

/** The primary (blue) and alternate (test, green) target groups behind one Application Load Balancer. */
export function blueGreenGroups(green: Record<string, unknown> = {}) {
  return {
    loadBalancers: [
      {
        targetGroupArn: targetGroupArn('us-east-1', '123456789012', 'shop-blue'),
        containerName: 'app',
        containerPort: 8080,
        advancedConfiguration: {
          alternateTargetGroupArn: targetGroupArn('us-east-1', '123456789012', 'shop-green'),
          productionListenerRule:
            'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/shop/1/2/3',
          testListenerRule:
            'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/shop/1/2/4',
          roleArn: 'arn:aws:iam::123456789012:role/ecs-infrastructure',
        },
      },
    ],
    elbv2: {
      loadBalancers: { shop: {} },
      targetGroups: {
        'shop-blue': { loadBalancer: 'shop' },
        'shop-green': { loadBalancer: 'shop', ...green },
      },
    },
  }
}

/** Test traffic on the green group all along (100 requests a minute, no 5XX): its 5XX rate is measured. */
export const GREEN_TRAFFIC = { traffic: { from: -3600, to: 7200, requestsPerMinute: 100, errors: [] } }

/**
 * A BLUE_GREEN service pausing at POST_TEST_TRAFFIC_SHIFT (30 min, then ROLLBACK), with one alarm on green;
 * `groups` (blueGreenGroups) puts it behind a load balancer with a test target group.
 */
export function gatedScenario(
  alarmState: 'OK' | 'ALARM' = 'OK',
  plan: Record<string, unknown> = {},
  groups?: ReturnType<typeof blueGreenGroups>,
) {
  return {
    ...(groups ? { elbv2: groups.elbv2 } : {}),
    ...nativeScenario(
      {
        ...(groups ? { loadBalancers: groups.loadBalancers } : {}),
        strategy: 'BLUE_GREEN',
        bakeTimeInMinutes: 2,
        lifecycleHooks: [
          {
            targetType: 'PAUSE',
            lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'],
            timeoutInMinutes: 30,
            timeoutAction: 'ROLLBACK',
          },
        ],
      },
      plan,
    ),
    cloudwatch: {
      alarms: [
        {
          name: 'shop-green-5xx',
          namespace: 'AWS/ApplicationELB',
          metric: 'HTTPCode_Target_5XX_Count',
          dimensions: { TargetGroup: 'targetgroup/shop-green/0123456789abcdef' },
          statistic: 'Sum',
          period: 60,
          threshold: 5,
          comparisonOperator: 'GreaterThanThreshold',
          state: alarmState,
        },
      ],
    },
  }
}

/** The gate's inputs on gatedScenario: two minutes of checks at the pause, the green alarm. */
export const GATE_INPUTS = {
  cluster: 'prod',
  service: 'shop',
  'pause-hook': 'gate',
  'bake-minutes': '2',
  'alarm-names': 'shop-green-5xx',
}

/** A gated deployment that passed its hook (timed out to CONTINUE) and ended an hour before validate looked. */
export function endedBeforeValidate() {
  const scenario = gatedScenario('OK', { at: -3600 })
  const shop = scenario.ecs.clusters.prod.services.shop as unknown as {
    lifecycleHooks: Record<string, unknown>[]
  }
  shop.lifecycleHooks = [{ ...shop.lifecycleHooks[0], timeoutInMinutes: 5, timeoutAction: 'CONTINUE' }]
  return scenario
}
