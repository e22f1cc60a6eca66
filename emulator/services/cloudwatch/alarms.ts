// DescribeAlarms over the scenario's alarms, whose state follows their timeline at the clock's now.
import type { RequestContext } from '../../core/types.js'
import { decodeToken, encodeToken, requestKey, validationError } from './errors.js'
import { ALARM_STATES, type AlarmSpec, type StateChange } from './scenario.js'

const ALARM_TYPES = ['MetricAlarm', 'CompositeAlarm']
const MAX_NAMES = 100
const DEFAULT_RECORDS = 50

export interface AlarmContext {
  region: string
  accountId: string
  /** Epoch ms that relative time 0 stands for. */
  anchor: number
}

export function describeAlarms(alarms: AlarmSpec[], env: AlarmContext) {
  const sorted = [...alarms].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return (input: any, ctx: RequestContext) => {
    const names: string[] | undefined = input.AlarmNames
    if (names && names.length > MAX_NAMES) {
      throw validationError(
        `1 validation error detected: Value at 'alarmNames' failed to satisfy constraint: Member must have length less than or equal to ${MAX_NAMES}`,
      )
    }
    const types: string[] = input.AlarmTypes ?? ['MetricAlarm'] // omitted: metric alarms only
    for (const t of types)
      if (!ALARM_TYPES.includes(t))
        throw validationError(`The value ${t} for parameter AlarmTypes is not valid.`)
    if (input.StateValue !== undefined && !(ALARM_STATES as readonly string[]).includes(input.StateValue)) {
      throw validationError(`The value ${String(input.StateValue)} for parameter StateValue is not valid.`)
    }
    const maxRecords = input.MaxRecords ?? DEFAULT_RECORDS
    if (!Number.isInteger(maxRecords) || maxRecords < 1 || maxRecords > 100) {
      throw validationError('The parameter MaxRecords must be between 1 and 100.')
    }
    const now = ctx.clock.now()
    const children = input.ChildrenOfAlarmName
      ? referencedBy(alarms.find((a) => a.name === input.ChildrenOfAlarmName))
      : undefined
    const matching = sorted.filter((a) => {
      if (!types.includes(a.type === 'metric' ? 'MetricAlarm' : 'CompositeAlarm')) return false
      if (names && !names.includes(a.name)) return false
      if (input.AlarmNamePrefix && !a.name.startsWith(input.AlarmNamePrefix)) return false
      if (input.ActionPrefix && !a.alarmActions.some((x) => x.startsWith(input.ActionPrefix))) return false
      if (children && !children.has(a.name)) return false
      if (
        input.ParentsOfAlarmName &&
        !(a.type === 'composite' && referencedBy(a).has(input.ParentsOfAlarmName))
      )
        return false
      return input.StateValue === undefined || stateAt(a, env.anchor, now).current.state === input.StateValue
    })
    const key = requestKey([
      names,
      types,
      input.StateValue,
      input.AlarmNamePrefix,
      input.ActionPrefix,
      input.ChildrenOfAlarmName,
      input.ParentsOfAlarmName,
    ])
    const offset = decodeToken(input.NextToken, key)
    const page = matching.slice(offset, offset + maxRecords)
    return {
      MetricAlarms: page.filter((a) => a.type === 'metric').map((a) => metricAlarm(a, env, now)),
      CompositeAlarms: page.filter((a) => a.type === 'composite').map((a) => compositeAlarm(a, env, now)),
      NextToken: offset + maxRecords < matching.length ? encodeToken(key, offset + maxRecords) : undefined,
    }
  }
}

/** Alarm names a composite rule refers to: ALARM("x"), OK(x), INSUFFICIENT_DATA('x'). */
function referencedBy(alarm: AlarmSpec | undefined): Set<string> {
  const out = new Set<string>()
  if (!alarm?.rule) return out
  for (const [, name] of alarm.rule.matchAll(
    /\b(?:ALARM|OK|INSUFFICIENT_DATA)\s*\(\s*["']?([^"')]+?)["']?\s*\)/g,
  ))
    if (name) out.add(name)
  return out
}

function stateAt(
  a: AlarmSpec,
  anchor: number,
  now: number,
): { current: StateChange; updated: number; transitioned: number } {
  // The states are in time order (the scenario checks): the current one is the last reached (the first until
  // then), and it has held since the last change of value.
  const [initial, ...changes] = a.states
  let current = initial
  let since = initial
  for (const s of changes) {
    if (anchor + s.at * 1000 > now) break
    if (s.state !== current.state) since = s
    current = s
  }
  return { current, updated: anchor + current.at * 1000, transitioned: anchor + since.at * 1000 }
}

function common(a: AlarmSpec, env: AlarmContext, now: number) {
  const { current, updated, transitioned } = stateAt(a, env.anchor, now)
  return {
    AlarmName: a.name,
    AlarmArn: `arn:aws:cloudwatch:${env.region}:${env.accountId}:alarm:${a.name}`,
    AlarmDescription: a.description,
    AlarmConfigurationUpdatedTimestamp: new Date(env.anchor - 7 * 86_400_000),
    ActionsEnabled: a.actionsEnabled,
    OKActions: [],
    AlarmActions: a.alarmActions,
    InsufficientDataActions: [],
    StateValue: current.state,
    StateReason: current.reason,
    StateReasonData: JSON.stringify({
      version: '1.0',
      queryDate: new Date(updated).toISOString().replace('Z', '+0000'),
    }),
    StateUpdatedTimestamp: new Date(updated),
    StateTransitionedTimestamp: new Date(transitioned),
  }
}

function metricAlarm(a: AlarmSpec, env: AlarmContext, now: number) {
  return {
    ...common(a, env, now),
    MetricName: a.metricName,
    Namespace: a.namespace,
    Statistic: a.statistic,
    ExtendedStatistic: a.extendedStatistic,
    Dimensions: Object.entries(a.dimensions).map(([Name, Value]) => ({ Name, Value })),
    Period: a.period,
    EvaluationPeriods: a.evaluationPeriods,
    DatapointsToAlarm: a.datapointsToAlarm,
    Threshold: a.threshold,
    ComparisonOperator: a.comparisonOperator,
    TreatMissingData: a.treatMissingData,
  }
}

function compositeAlarm(a: AlarmSpec, env: AlarmContext, now: number) {
  return { ...common(a, env, now), AlarmRule: a.rule }
}
