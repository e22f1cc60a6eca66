// Emulator scenarios of ECS's own blue/green, linear and canary deployments, shared by the validate suites,
// the invariant matrix and the runner-contract suite: v1 has run for a day, v2's deployment starts at 0.

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

/** A BLUE_GREEN service pausing at POST_TEST_TRAFFIC_SHIFT (30 min, then ROLLBACK), with one alarm on green. */
export function gatedScenario(alarmState: 'OK' | 'ALARM' = 'OK', plan: Record<string, unknown> = {}) {
  return {
    ...nativeScenario(
      {
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
