// The `cloudwatch:` section of a scenario: metric series (generators and explicit points) and alarms with
// their state over time. Times are seconds relative to the emulator's start, taken to the whole minute.
import { bool, fail, known, list, num, obj, oneOf, optNum, optStr, str, type Obj } from '../ecs/read.js'

/** One published datapoint: a statistic set, plus raw samples when percentiles should be exact. */
export interface PointSpec {
  at: number
  sum: number
  count: number
  min: number
  max: number
  samples?: number[]
}

export interface MetricSpec {
  namespace: string
  name: string
  dimensions: Record<string, string>
  unit?: string
  /** Seconds before a datapoint becomes visible (API Gateway and ALB metrics arrive about a minute late). */
  delay: number
  points: PointSpec[]
}

/** A count a service publishes per minute (API Gateway, the ALB): unit Count, visible a minute late. */
export function countMetric(
  namespace: string,
  name: string,
  dimensions: Record<string, string>,
  points: PointSpec[],
): MetricSpec {
  return { namespace, name, dimensions, unit: 'Count', delay: 60, points }
}

export const ALARM_STATES = ['OK', 'ALARM', 'INSUFFICIENT_DATA'] as const
export type AlarmState = (typeof ALARM_STATES)[number]

export interface StateChange {
  at: number
  state: AlarmState
  reason: string
}

export interface AlarmSpec {
  name: string
  type: 'metric' | 'composite'
  description?: string
  /** Oldest first; the first is the state at the start of history. */
  /** In time order, never empty. */
  states: [StateChange, ...StateChange[]]
  // metric alarms
  namespace?: string
  metricName?: string
  dimensions: Record<string, string>
  statistic?: string
  extendedStatistic?: string
  period: number
  evaluationPeriods: number
  datapointsToAlarm?: number
  threshold?: number
  comparisonOperator: string
  treatMissingData: string
  actionsEnabled: boolean
  alarmActions: string[]
  // composite alarms
  rule?: string
}

export interface CloudWatchScenario {
  metrics: MetricSpec[]
  alarms: AlarmSpec[]
}

/** A scenario must not generate by mistake more points than a test can afford to scan. */
const MAX_POINTS_PER_METRIC = 200_000
const COMPARISONS = [
  'GreaterThanOrEqualToThreshold',
  'GreaterThanThreshold',
  'LessThanThreshold',
  'LessThanOrEqualToThreshold',
  'LessThanLowerOrGreaterThanUpperThreshold',
  'LessThanLowerThreshold',
  'GreaterThanUpperThreshold',
] as const

export function parseCloudWatchScenario(section: unknown): CloudWatchScenario {
  const root = obj(section, 'cloudwatch')
  known(root, 'cloudwatch', ['metrics', 'alarms'])
  const alarms = list(root.alarms, 'cloudwatch.alarms').map((a, i) =>
    parseAlarm(obj(a, `cloudwatch.alarms.${i}`), `cloudwatch.alarms.${i}`),
  )
  const names = new Set<string>()
  for (const [i, a] of alarms.entries()) {
    if (names.has(a.name)) fail(`cloudwatch.alarms.${i}.name`, `duplicate alarm ${a.name}`)
    names.add(a.name)
  }
  return {
    metrics: list(root.metrics, 'cloudwatch.metrics').map((m, i) =>
      parseMetric(obj(m, `cloudwatch.metrics.${i}`), `cloudwatch.metrics.${i}`),
    ),
    alarms,
  }
}

function dimensions(value: unknown, path: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(obj(value, path))) out[k] = String(v)
  return out
}

function parseMetric(m: Obj, path: string): MetricSpec {
  known(m, path, ['namespace', 'name', 'dimensions', 'unit', 'delay', 'points'])
  const points: PointSpec[] = []
  for (const [i, raw] of list(m.points, `${path}.points`).entries()) {
    const pp = `${path}.points.${i}`
    const p = obj(raw, pp)
    known(p, pp, ['at', 'from', 'to', 'every', 'value', 'values', 'sum', 'count', 'min', 'max'])
    const stats = pointStats(p, pp)
    if (p.at !== undefined) {
      if (p.from !== undefined || p.to !== undefined) fail(pp, 'use either `at` or `from`/`to`/`every`')
      points.push({ at: num(p.at, `${pp}.at`, 0), ...stats })
      continue
    }
    const from = num(p.from, `${pp}.from`, NaN)
    const to = num(p.to, `${pp}.to`, NaN)
    const every = num(p.every, `${pp}.every`, 60, 1)
    if (Number.isNaN(from) || Number.isNaN(to))
      fail(pp, 'needs `at`, or `from` and `to` (seconds; `to` exclusive)')
    if ((to - from) / every > MAX_POINTS_PER_METRIC)
      fail(pp, `generates more than ${MAX_POINTS_PER_METRIC} points`)
    for (let at = from; at < to; at += every) points.push({ at, ...stats })
  }
  return {
    namespace: str(m.namespace, `${path}.namespace`),
    name: str(m.name, `${path}.name`),
    dimensions: dimensions(m.dimensions, `${path}.dimensions`),
    unit: optStr(m.unit, `${path}.unit`),
    delay: num(m.delay, `${path}.delay`, 0, 0),
    points,
  }
}

/** `value` (one sample), `values` (several samples) or `sum` + `count` (a statistic set, min/max optional). */
function pointStats(p: Obj, path: string): Omit<PointSpec, 'at'> {
  if (p.values !== undefined) {
    const samples = list(p.values, `${path}.values`).map((v, i) => num(v, `${path}.values.${i}`, 0))
    if (samples.length === 0) fail(`${path}.values`, 'must not be empty')
    return {
      sum: samples.reduce((a, b) => a + b, 0),
      count: samples.length,
      min: Math.min(...samples),
      max: Math.max(...samples),
      samples,
    }
  }
  if (p.value !== undefined) {
    const v = num(p.value, `${path}.value`, 0)
    return { sum: v, count: 1, min: v, max: v }
  }
  if (p.sum === undefined) fail(path, 'needs `value`, `values` or `sum` (with `count`)')
  const sum = num(p.sum, `${path}.sum`, 0)
  const count = num(p.count, `${path}.count`, 1, 1)
  return {
    sum,
    count,
    min: optNum(p.min, `${path}.min`) ?? sum / count,
    max: optNum(p.max, `${path}.max`) ?? sum / count,
  }
}

function parseAlarm(a: Obj, path: string): AlarmSpec {
  known(a, path, [
    'name',
    'type',
    'description',
    'state',
    'reason',
    'since',
    'changes',
    'namespace',
    'metric',
    'dimensions',
    'statistic',
    'extendedStatistic',
    'period',
    'evaluationPeriods',
    'datapointsToAlarm',
    'threshold',
    'comparisonOperator',
    'treatMissingData',
    'actionsEnabled',
    'alarmActions',
    'rule',
  ])
  const type = oneOf(a.type, `${path}.type`, ['metric', 'composite'] as const, 'metric')
  const first: StateChange = {
    at: num(a.since, `${path}.since`, -86_400),
    state: oneOf(a.state, `${path}.state`, ALARM_STATES, 'OK'),
    reason: '',
  }
  first.reason = str(a.reason, `${path}.reason`, defaultReason(first.state))
  const changes = list(a.changes, `${path}.changes`).map((c, i) => {
    const cp = `${path}.changes.${i}`
    const o = obj(c, cp)
    known(o, cp, ['at', 'state', 'reason'])
    const state = oneOf(o.state, `${cp}.state`, ALARM_STATES, 'ALARM')
    return {
      at: num(o.at, `${cp}.at`, 0),
      state,
      reason: str(o.reason, `${cp}.reason`, defaultReason(state)),
    }
  })
  let previous = first
  for (const [i, change] of changes.entries()) {
    if (change.at < previous.at) fail(`${path}.changes.${i}.at`, 'changes must be in time order')
    previous = change
  }
  const states: AlarmSpec['states'] = [first, ...changes]
  return {
    name: str(a.name, `${path}.name`),
    type,
    description: optStr(a.description, `${path}.description`),
    states,
    namespace: type === 'metric' ? str(a.namespace, `${path}.namespace`) : undefined,
    metricName: type === 'metric' ? str(a.metric, `${path}.metric`) : undefined,
    dimensions: dimensions(a.dimensions, `${path}.dimensions`),
    statistic:
      a.extendedStatistic === undefined ? str(a.statistic, `${path}.statistic`, 'Average') : undefined,
    extendedStatistic: optStr(a.extendedStatistic, `${path}.extendedStatistic`),
    period: num(a.period, `${path}.period`, 60, 1),
    evaluationPeriods: num(a.evaluationPeriods, `${path}.evaluationPeriods`, 1, 1),
    datapointsToAlarm: optNum(a.datapointsToAlarm, `${path}.datapointsToAlarm`, 1),
    threshold: type === 'metric' ? num(a.threshold, `${path}.threshold`, 0) : undefined,
    comparisonOperator: oneOf(
      a.comparisonOperator,
      `${path}.comparisonOperator`,
      COMPARISONS,
      'GreaterThanThreshold',
    ),
    treatMissingData: oneOf(
      a.treatMissingData,
      `${path}.treatMissingData`,
      ['breaching', 'notBreaching', 'ignore', 'missing'] as const,
      'missing',
    ),
    actionsEnabled: bool(a.actionsEnabled, `${path}.actionsEnabled`, true),
    alarmActions: list(a.alarmActions, `${path}.alarmActions`).map((x, i) =>
      str(x, `${path}.alarmActions.${i}`),
    ),
    rule: type === 'composite' ? str(a.rule, `${path}.rule`) : undefined,
  }
}

function defaultReason(state: AlarmState): string {
  if (state === 'ALARM')
    return 'Threshold Crossed: 1 out of the last 1 datapoints was greater than the threshold.'
  if (state === 'INSUFFICIENT_DATA') return 'Insufficient Data: 1 datapoint was unknown.'
  return 'Threshold Crossed: 1 out of the last 1 datapoints was not greater than the threshold.'
}
