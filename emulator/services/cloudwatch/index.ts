// The CloudWatch plugin: metric series and alarms from the scenario's `cloudwatch:` section, served over
// CloudWatch's query-compatible JSON protocol.
import type { EmulatorPlugin } from '../../core/types.js'
import { describeAlarms } from './alarms.js'
import { cloudwatchConstraints } from './constraints.js'
import { getMetricData } from './get-metric-data.js'
import { listMetrics } from './list-metrics.js'
import { parseCloudWatchScenario } from './scenario.js'
import { MetricStore } from './series.js'

export const cloudwatchPlugin: EmulatorPlugin = {
  scenarioKey: 'cloudwatch',
  create(section, world) {
    const scenario = parseCloudWatchScenario(section)
    // Relative time 0 is the start's whole minute, so per-minute points fall on period boundaries.
    const anchor = Math.floor(world.clock.now() / 60_000) * 60_000
    const store = new MetricStore(scenario.metrics, anchor)
    world.states.cloudwatch = store
    return {
      services: [
        {
          name: 'monitoring',
          targetPrefix: 'GraniteServiceVersion20100801',
          protocol: 'awsJson1_0',
          model: 'monitoring',
          constraints: cloudwatchConstraints,
          errorCodes: {
            invalid: { code: 'ValidationException', queryCode: 'ValidationError' },
            missing: { code: 'MissingRequiredParameterException', queryCode: 'MissingParameter' },
            throttling: { code: 'Throttling', queryCode: 'Throttling' },
            internal: { code: 'InternalServiceFault', queryCode: 'InternalServiceError' },
          },
          operations: {
            GetMetricData: getMetricData(store),
            ListMetrics: listMetrics(store),
            DescribeAlarms: describeAlarms(scenario.alarms, {
              region: world.region,
              accountId: world.accountId,
              anchor,
            }),
          },
        },
      ],
    }
  },
}
