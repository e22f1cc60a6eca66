// The `strategy` part of a service in an ECS scenario: BLUE_GREEN, LINEAR and CANARY deployments (ECS's own,
// since July 2025), their bake time, traffic-shift steps, lifecycle hooks (Lambda and PAUSE) and alarms.
// Developer guide: "Amazon ECS blue/green deployments", "Amazon ECS linear deployments", "Amazon ECS canary
// deployments", "Pause hooks for Amazon ECS service deployments"; API reference: DeploymentConfiguration,
// DeploymentLifecycleHook, LinearConfiguration, CanaryConfiguration.
import { bool, fail, known, list, num, obj, oneOf, str, type Obj } from './read.js'

export const STRATEGIES = ['ROLLING', 'BLUE_GREEN', 'LINEAR', 'CANARY'] as const
export type Strategy = (typeof STRATEGIES)[number]
export type NativeStrategy = Exclude<Strategy, 'ROLLING'>

/** ServiceDeploymentLifecycleStage, in the order a deployment passes them (RECONCILE_SERVICE not modelled). */
export const STAGES = [
  'PRE_SCALE_UP',
  'SCALE_UP',
  'POST_SCALE_UP',
  'TEST_TRAFFIC_SHIFT',
  'POST_TEST_TRAFFIC_SHIFT',
  'PRODUCTION_TRAFFIC_SHIFT',
  'POST_PRODUCTION_TRAFFIC_SHIFT',
  'BAKE_TIME',
  'CLEAN_UP',
] as const
export type Stage = (typeof STAGES)[number]

/** DeploymentLifecycleHookStage values the emulator runs hooks at: the ones after the green tasks started
 * (a hook before SCALE_UP would have to hold the task launches back, which the timeline does not model). */
export const HOOK_STAGES = [
  'POST_SCALE_UP',
  'TEST_TRAFFIC_SHIFT',
  'POST_TEST_TRAFFIC_SHIFT',
  'PRODUCTION_TRAFFIC_SHIFT',
  'POST_PRODUCTION_TRAFFIC_SHIFT',
] as const

export type HookAction = 'CONTINUE' | 'ROLLBACK'

export interface HookSpec {
  targetType: 'AWS_LAMBDA' | 'PAUSE'
  hookTargetArn?: string
  lifecycleStages: Stage[]
  /** PAUSE: how long the hook waits for ContinueServiceDeployment (1..20160 minutes), then `timeoutAction`. */
  timeoutInMinutes: number
  timeoutAction: HookAction
  /** AWS_LAMBDA: how long the function takes, and what it answers. */
  lambdaSeconds: number
  lambdaResult: 'SUCCEEDED' | 'FAILED'
}

export interface StrategySpec {
  strategy: Strategy
  bakeTimeInMinutes: number
  linear: { stepPercent: number; stepBakeTimeInMinutes: number }
  canary?: { canaryPercent: number; canaryBakeTimeInMinutes: number }
  lifecycleHooks: HookSpec[]
  alarms?: { alarmNames: string[]; rollback: boolean }
}

export const STRATEGY_KEYS = ['strategy', 'bakeTimeInMinutes', 'linear', 'canary', 'lifecycleHooks', 'alarms']

export function parseStrategy(s: Obj, path: string): StrategySpec {
  const strategy = oneOf(s.strategy, `${path}.strategy`, STRATEGIES, 'ROLLING')
  const l = obj(s.linear, `${path}.linear`)
  known(l, `${path}.linear`, ['stepPercent', 'stepBakeTimeInMinutes'])
  const c = obj(s.canary, `${path}.canary`)
  known(c, `${path}.canary`, ['canaryPercent', 'canaryBakeTimeInMinutes'])
  if (strategy === 'CANARY' && (c.canaryPercent === undefined || c.canaryBakeTimeInMinutes === undefined))
    fail(`${path}.canary`, 'needs canaryPercent and canaryBakeTimeInMinutes with strategy CANARY')
  const a = s.alarms === undefined ? undefined : obj(s.alarms, `${path}.alarms`)
  if (a) known(a, `${path}.alarms`, ['alarmNames', 'rollback'])
  return {
    strategy,
    bakeTimeInMinutes: num(s.bakeTimeInMinutes, `${path}.bakeTimeInMinutes`, 0, 0),
    // LinearConfiguration's documented defaults: 10 % per step, 6 minutes between steps.
    linear: {
      stepPercent: num(l.stepPercent, `${path}.linear.stepPercent`, 10, 3),
      stepBakeTimeInMinutes: num(l.stepBakeTimeInMinutes, `${path}.linear.stepBakeTimeInMinutes`, 6, 0),
    },
    canary:
      strategy === 'CANARY'
        ? {
            canaryPercent: num(c.canaryPercent, `${path}.canary.canaryPercent`, 0, 0.1),
            canaryBakeTimeInMinutes: num(
              c.canaryBakeTimeInMinutes,
              `${path}.canary.canaryBakeTimeInMinutes`,
              0,
              0,
            ),
          }
        : undefined,
    lifecycleHooks: list(s.lifecycleHooks, `${path}.lifecycleHooks`).map((h, i) =>
      parseHook(obj(h, `${path}.lifecycleHooks.${i}`), `${path}.lifecycleHooks.${i}`),
    ),
    alarms: a
      ? {
          alarmNames: list(a.alarmNames, `${path}.alarms.alarmNames`).map((n, i) =>
            str(n, `${path}.alarms.alarmNames.${i}`),
          ),
          rollback: bool(a.rollback, `${path}.alarms.rollback`, true),
        }
      : undefined,
  }
}

function parseHook(h: Obj, path: string): HookSpec {
  known(h, path, [
    'targetType',
    'hookTargetArn',
    'lifecycleStages',
    'timeoutInMinutes',
    'timeoutAction',
    'lambdaSeconds',
    'lambdaResult',
  ])
  const stages = list(h.lifecycleStages, `${path}.lifecycleStages`).map((st, i) =>
    oneOf(st, `${path}.lifecycleStages.${i}`, HOOK_STAGES, 'POST_SCALE_UP'),
  )
  if (stages.length === 0) fail(`${path}.lifecycleStages`, 'needs at least one stage')
  const targetType = oneOf(h.targetType, `${path}.targetType`, ['AWS_LAMBDA', 'PAUSE'] as const, 'PAUSE')
  return {
    targetType,
    hookTargetArn: targetType === 'AWS_LAMBDA' ? str(h.hookTargetArn, `${path}.hookTargetArn`) : undefined,
    lifecycleStages: stages,
    timeoutInMinutes: num(h.timeoutInMinutes, `${path}.timeoutInMinutes`, 60, 1),
    timeoutAction: oneOf(
      h.timeoutAction,
      `${path}.timeoutAction`,
      ['CONTINUE', 'ROLLBACK'] as const,
      'ROLLBACK',
    ),
    lambdaSeconds: num(h.lambdaSeconds, `${path}.lambdaSeconds`, 10, 0),
    lambdaResult: oneOf(
      h.lambdaResult,
      `${path}.lambdaResult`,
      ['SUCCEEDED', 'FAILED'] as const,
      'SUCCEEDED',
    ),
  }
}

/** A plan's alarm: `after` seconds into the deployment, these alarms go into ALARM. */
export interface AlarmTrigger {
  after: number
  names: string[]
}

export function parseAlarmTrigger(value: unknown, path: string): AlarmTrigger | undefined {
  if (value === undefined || value === null) return undefined
  const a = obj(value, path)
  known(a, path, ['after', 'names'])
  const names = list(a.names, `${path}.names`).map((n, i) => str(n, `${path}.names.${i}`))
  if (names.length === 0) fail(`${path}.names`, 'needs at least one alarm name')
  return { after: num(a.after, `${path}.after`, 0, 0), names }
}
