// The validate section: which ECS service, the CloudWatch checks (API error rate, metric checks, alarms) and
// their policy, the bake, and what to roll back on a measured failure.
import { Inputs } from '../inputs.js'
import type { CommonSection } from './common.js'
import {
  ALARM_NAME,
  DIMENSION_VALUE,
  ECS_NAME,
  IMAGE_TAG,
  MAX_SERVICES,
  ecsNameOrArn,
  namePerLine,
} from './constraints.js'
import { DEFAULT_NAMES, readDefaultedNames } from './default-names.js'
import { parseMetricChecks } from './metric-checks.js'
import {
  nameParser,
  parseBoolean,
  parseEnum,
  parseLines,
  parseNonNegative,
  parsePositive,
  parseRate,
  shown,
} from './parse.js'
import { isComplete, type Reader } from './reader.js'
import type { PauseHookMode, RollbackChoice, ValidateConfig } from './types.js'

type Health = Pick<
  ValidateConfig,
  'maxErrorRate' | 'windowMinutes' | 'metricChecks' | 'alarmNames' | 'onMissingData'
>

export function readValidate(r: Reader, c: CommonSection): ValidateConfig | undefined {
  const region = c.shared.region
  // ECS takes a cluster or service by short name or by ARN; an ARN must be of this partition and region.
  const target = readDefaultedNames(
    r,
    {
      cluster: [Inputs.Cluster, ecsNameOrArn(ECS_NAME('the cluster name'), 'cluster', region)],
      service: [
        Inputs.Service,
        namePerLine(ecsNameOrArn(ECS_NAME('the service name'), 'service', region), MAX_SERVICES),
      ],
    },
    c.names,
  )
  const waitForStable = r.parse(Inputs.WaitForStable, parseBoolean)
  const api = readApi(r)
  const health = readHealth(r)
  const bakeMinutes = readBakeMinutes(r, c)
  const rollback = readRollback(r, c)
  const pauseHook = readPauseHook(r, rollback)
  const expectedImageTag = r.parse(Inputs.ExpectedImageTag, nameParser(IMAGE_TAG))
  if (!isComplete(target) || waitForStable === undefined || health === undefined) return undefined
  if (bakeMinutes === undefined || rollback === undefined || pauseHook === undefined) return undefined
  const services = parseLines(target.service)
  if (services.length > 1 && rollback.rollback !== 'none') {
    r.problem(
      Inputs.Rollback,
      `is ${rollback.rollback} but service lists ${services.length} services; accepted: none with several services (a rollback of one service of a release would leave the others on the new version).`,
    )
    return undefined
  }
  if (services.length > 1 && pauseHook !== 'off') {
    r.problem(
      Inputs.PauseHook,
      `is ${pauseHook} but service lists ${services.length} services; accepted: off with several services (the gate answers the paused deployment of one service).`,
    )
    return undefined
  }
  return {
    ...c.shared,
    mode: 'validate',
    pipelineName: c.pipelineName,
    cluster: target.cluster,
    service: services[0] ?? target.service,
    ...(services.length > 1 ? { services } : {}),
    waitForStable,
    expectedImageTag,
    api,
    ...health,
    bakeMs: bakeMinutes * 60_000,
    pauseHook,
    ...rollback,
  }
}

/**
 * The API Gateway API whose 5XX rate is also checked: opt-in (no default — the service's own load balancers
 * are the default front door). `none` is still taken, as before, for no API.
 */
function readApi(r: Reader): ValidateConfig['api'] {
  const name = r.parse(Inputs.ApiName, nameParser(DIMENSION_VALUE('the API name')))
  const stage = r.parse(Inputs.ApiStage, nameParser(DIMENSION_VALUE('the API stage')))
  return name === undefined || name === 'none' ? undefined : { name, stage }
}

/** The CloudWatch checks and what missing data means. */
function readHealth(r: Reader): Health | undefined {
  const maxErrorRate = r.parse(Inputs.MaxErrorRate, parseRate)
  const windowMinutes = r.parse(Inputs.WindowMinutes, (i, v) =>
    parsePositive(i, v, { integer: true, max: 1440 }),
  )
  const metricChecks = r.attempt(() => parseMetricChecks(r.raw(Inputs.MetricChecks)))
  const alarmNames = readAlarmNames(r)
  const onMissingData = r.parse(Inputs.OnMissingData, (i, v) =>
    parseEnum(i, v, ['warn', 'fail', 'pass'] as const),
  )
  const health = { maxErrorRate, windowMinutes, metricChecks, alarmNames, onMissingData }
  return isComplete(health) ? health : undefined
}

function readAlarmNames(r: Reader): string[] {
  const alarmNames = parseLines(r.raw(Inputs.AlarmNames))
  const badAlarm = alarmNames.find((a) => ALARM_NAME.problem(a) !== undefined)
  if (badAlarm !== undefined)
    r.problem(
      Inputs.AlarmNames,
      `lists ${shown(badAlarm)}, which CloudWatch refuses because ${ALARM_NAME.problem(badAlarm)}; accepted: one alarm name per line, each ${ALARM_NAME.accepted}.`,
    )
  else if (alarmNames.length > 100)
    r.problem(
      Inputs.AlarmNames,
      `lists ${alarmNames.length} alarms; accepted: at most 100 (DescribeAlarms' limit).`,
    )
  return alarmNames
}

function readBakeMinutes(r: Reader, c: CommonSection): number | undefined {
  const bakeMinutes = r.parse(Inputs.BakeMinutes, parseNonNegative)
  if (bakeMinutes !== undefined && bakeMinutes > 0 && bakeMinutes >= c.timeoutMinutes) {
    return r.problem(
      Inputs.BakeMinutes,
      `is ${bakeMinutes} but must be below timeout-minutes (${c.timeoutMinutes}): the bake runs inside the step's timeout.`,
    )
  }
  return bakeMinutes
}

/** What a measured failure rolls back; a pipeline rollback needs the pipeline's name. */
function readRollback(r: Reader, c: CommonSection): RollbackChoice | undefined {
  const rollback = r.parse(Inputs.Rollback, (i, v) =>
    parseEnum(i, v, ['none', 'pipeline', 'service'] as const),
  )
  if (rollback !== 'pipeline') return rollback === undefined ? undefined : { rollback }
  if (c.pipelineName !== undefined) return { rollback, pipelineName: c.pipelineName }
  if (!r.given(Inputs.PipelineName) && DEFAULT_NAMES[Inputs.PipelineName].value(c.names) === undefined)
    r.problem(
      Inputs.PipelineName,
      'is required with rollback: pipeline (set pipeline-name, or project-name and environment).',
    )
  return undefined
}

/**
 * The pause-hook gate. With `gate`, a measured failure is answered with ROLLBACK at the hook, so ECS itself
 * sends the traffic back to the old revision; a second rollback of another kind on the same failure would
 * race it. With `report-only` the gate never acts, and a configured rollback would not either (it would be
 * dropped silently). So with any pause-hook but `off`, `rollback` must stay `none`.
 */
function readPauseHook(r: Reader, rollback: RollbackChoice | undefined): PauseHookMode | undefined {
  const mode = r.parse(Inputs.PauseHook, (i, v) => parseEnum(i, v, ['off', 'gate', 'report-only'] as const))
  if (mode === undefined || mode === 'off' || rollback === undefined || rollback.rollback === 'none')
    return mode
  const why =
    mode === 'gate'
      ? 'which rolls back through the hook itself (ContinueServiceDeployment ROLLBACK)'
      : 'which only reports and never acts, so a rollback would not happen'
  return r.problem(
    Inputs.PauseHook,
    `is ${mode}, ${why}; rollback accepts only "none" with pause-hook: gate or report-only — set rollback: none (it is ${rollback.rollback}).`,
  )
}
