// CloudWatch reads: GetMetricData (one call per ≤ 500 queries, paged) and DescribeAlarms (metric and
// composite alarms).
import {
  CloudWatchClient,
  DescribeAlarmsCommand,
  GetMetricDataCommand,
  type MetricDataQuery,
} from '@aws-sdk/client-cloudwatch'
import type { ModeDeps } from '../deps.js'
import type { AlarmState } from './alarm-verdict.js'
import type { Series } from './metric-verdict.js'
import type { MetricWindow } from './window.js'
import { call } from '../aws-errors.js'
import { allPages, stoppable } from './read.js'

export interface MetricData {
  series: Map<string, Series>
  /** Results CloudWatch could not produce (StatusCode Forbidden or InternalError), by id, with its messages. */
  unreadable: Map<string, string>
}

export async function fetchMetricData(
  deps: ModeDeps,
  batches: MetricDataQuery[][],
  window: MetricWindow,
  deadline: number,
): Promise<MetricData> {
  // When one batch fails for good, the others stop retrying: the round could not be read.
  const { deps: scoped, stop } = stoppable(deps)
  try {
    return await readBatches(scoped, batches, window, deadline)
  } finally {
    stop()
  }
}

async function readBatches(
  deps: ModeDeps,
  batches: MetricDataQuery[][],
  window: MetricWindow,
  deadline: number,
): Promise<MetricData> {
  const cw = deps.aws.get(CloudWatchClient)
  const series = new Map<string, Series>()
  const unreadable = new Map<string, string>()
  const readBatch = (queries: MetricDataQuery[]) =>
    allPages(
      deps,
      deadline,
      (NextToken) =>
        call('cloudwatch', 'GetMetricData', () =>
          cw.send(
            new GetMetricDataCommand({
              MetricDataQueries: queries,
              StartTime: new Date(window.start),
              EndTime: new Date(window.end),
              ScanBy: 'TimestampAscending',
              NextToken,
            }),
            { abortSignal: deps.signal },
          ),
        ),
      (out) => out.NextToken,
    )
  const pages = await Promise.all(batches.map(readBatch))
  // A result's points may continue on the next page: append by id.
  for (const r of pages.flat().flatMap((out) => out.MetricDataResults ?? [])) {
    const s = series.get(r.Id ?? '') ?? { timestamps: [], values: [] }
    s.timestamps.push(...(r.Timestamps ?? []).map((d) => d.getTime()))
    s.values.push(...(r.Values ?? []))
    series.set(r.Id ?? '', s)
    if (r.StatusCode === 'Forbidden' || r.StatusCode === 'InternalError') {
      const notes = (r.Messages ?? []).map((m) => m.Value).filter(Boolean)
      unreadable.set(
        r.Id ?? '',
        `GetMetricData answered ${r.StatusCode}${notes.length ? `: ${notes.join('; ')}` : ''}`,
      )
    }
  }
  return { series, unreadable }
}

export async function describeAlarmStates(
  deps: ModeDeps,
  names: string[],
  deadline: number,
): Promise<AlarmState[]> {
  const cw = deps.aws.get(CloudWatchClient)
  const pages = await allPages(
    deps,
    deadline,
    (NextToken) =>
      call('cloudwatch', 'DescribeAlarms', () =>
        cw.send(
          new DescribeAlarmsCommand({
            AlarmNames: names,
            // Without AlarmTypes only metric alarms come back: a composite alarm would look like a typo.
            AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
            NextToken,
          }),
          { abortSignal: deps.signal },
        ),
      ),
    (out) => out.NextToken,
  )
  return pages.flatMap((out) => [
    ...(out.MetricAlarms ?? []).map((a) => alarmState(a, 'metric')),
    ...(out.CompositeAlarms ?? []).map((a) => alarmState(a, 'composite')),
  ])
}

const alarmState = (
  a: { AlarmName?: string; StateValue?: string; StateReason?: string },
  kind: AlarmState['kind'],
): AlarmState => ({ name: a.AlarmName ?? '', kind, state: a.StateValue ?? '', reason: a.StateReason })
