// The members whose values CloudWatch's handlers check themselves, because CloudWatch words those errors its own
// way ("The value X for parameter StateValue is not valid.", InvalidParameterValue for ListMetrics) rather than
// as the generic "1 validation error detected" the model's constraints would give. The model still checks their
// types, and every other constraint of the model applies.
import type { MemberConstraint, ModelConstraints } from '../../core/types.js'

const HANDLER: MemberConstraint = { checkedByHandler: true }

export const cloudwatchConstraints: ModelConstraints = {
  GetMetricData: {
    ScanBy: HANDLER,
    'MetricDataQueries[].Id': HANDLER,
    'MetricDataQueries[].Expression': HANDLER,
    'MetricDataQueries[].MetricStat.Metric.Namespace': HANDLER,
    'MetricDataQueries[].MetricStat.Metric.MetricName': HANDLER,
    'MetricDataQueries[].MetricStat.Period': HANDLER,
  },
  ListMetrics: { RecentlyActive: HANDLER, Dimensions: HANDLER },
  DescribeAlarms: { AlarmNames: HANDLER, 'AlarmTypes[]': HANDLER, StateValue: HANDLER, MaxRecords: HANDLER },
}
