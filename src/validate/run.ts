// validate: judge the deployed ECS service (rollout, tasks, version) and its health in CloudWatch (API error
// rate, metric checks, alarms), optionally bake, and roll back on failure. Returns data; reports render it.
import type { Service, Task } from '@aws-sdk/client-ecs'
import type { ValidateConfig } from '../config/types.js'
import type { ModeDeps } from '../deps.js'
import type { Check, StepResult, ValidateDetails } from '../result.js'
import { describeError, isAbort, isTransient } from '../aws-errors.js'
import { bake, breached, summary, type BakeWatch } from './bake.js'
import { BAKE_SERVICE_CHECK, BAKE_TASKS_CHECK, judgeBakeService, judgeBakeTasks } from './bake-verdict.js'
import { hasHealthChecks, healthRound, type HealthRound } from './health.js'
import { API_CHECK_NAME } from './metric-verdict.js'
import { rollbackPipeline } from './rollback/pipeline.js'
import { rollbackService, type RollbackResult } from './rollback/service.js'
import {
  controllerOf,
  judgeRollout,
  primaryOf,
  primaryTaskDefinitionOf,
  primaryTaskSetOf,
  rolloutSettled,
  type DeploymentHistory,
  type RolloutJudgement,
  waitBudget,
} from './rollout-verdict.js'
import {
  describeService,
  progressLine,
  readHistory,
  TargetNotFound,
  waitForRollout,
  type Target,
} from './service.js'
import { judgeTasks } from './task-verdict.js'
import { collectTasks, crashesOf, listFirstPage, stoppedOf, type TaskListing } from './tasks.js'
import { judge } from './verdict.js'
import { checkVersion } from './version.js'
import { VERSION_NOT_VERIFIED, versionSkipped } from './version-verdict.js'
import { describeWindow, firstFullMinuteAt } from './window.js'

export async function run(config: ValidateConfig, deps: ModeDeps): Promise<StepResult> {
  const startedAt = deps.now()
  const target: Target = { cluster: config.cluster, service: config.service, region: config.region }
  const finish = (
    parts: Omit<ValidateDetails, 'kind' | 'cluster' | 'service'>,
    extra: { reason?: string; cancelled?: boolean; notes?: string[] } = {},
  ): StepResult => {
    const judgement = judge(parts.checks, config.onMissingData, target, [
      ...parts.unverified,
      ...(extra.notes ?? []),
    ])
    const details: ValidateDetails = {
      kind: 'validate',
      cluster: config.cluster,
      service: config.service,
      ...parts,
      unverified: judgement.unverified,
    }
    const verdict = extra.cancelled ? 'failure' : judgement.verdict
    return {
      mode: 'validate',
      verdict,
      reason: extra.reason ?? judgement.reason,
      pipelineName: config.pipelineName,
      environment: config.environment,
      version: config.version,
      commitSha: config.commitSha,
      region: config.region,
      details,
      cancelled: extra.cancelled || undefined,
      warnings:
        config.onMissingData === 'pass' || extra.cancelled
          ? []
          : judgement.unverified.map((u) => `Not verified — ${u}`),
      startedAt: new Date(startedAt).toISOString(),
      endedAt: new Date(deps.now()).toISOString(),
    }
  }

  // 1. The service, and the wait for its rollout.
  let service: Service
  let timedOutAfterMs: number | undefined
  // The first page of tasks is asked for alongside the first DescribeServices: ListTasks pages are the
  // critical path at scale. It is used only if that first look is the one judged (no wait in between).
  const firstPage = listFirstPage(deps, target)
  firstPage.catch(() => undefined) // a missing service fails here too; DescribeServices says it better
  let firstLookJudged = true
  try {
    service = await deps.log.group(
      `Rollout of ECS service ${config.service} (cluster ${config.cluster})`,
      async () => {
        let s = await describeService(deps, target)
        deps.log.info(progressLine(s))
        if (config.waitForStable && !rolloutSettled(s)) {
          // Leave the bake its time inside the step's timeout.
          const waited = await waitForRollout(
            deps,
            target,
            s,
            startedAt + config.timeoutMs - config.bakeMs,
            waitBudget(config.timeoutMs, config.bakeMs),
          )
          s = waited.service
          firstLookJudged = false
          timedOutAfterMs = waited.timedOutAfterMs
          if (waited.cancelled) throw new Cancelled(progressLine(s))
          deps.log.info(`Settled after ${waited.polls} more look(s): ${progressLine(s)}`)
        }
        return s
      },
    )
  } catch (e) {
    if (e instanceof Cancelled) {
      return finish(
        { checks: [], unverified: [] },
        { cancelled: true, reason: `cancelled while waiting for the rollout (${e.message})` },
      )
    }
    if (isAbort(e) || deps.signal.aborted)
      return finish(
        { checks: [], unverified: [] },
        { cancelled: true, reason: 'cancelled while reading the service' },
      )
    if (e instanceof TargetNotFound) {
      const checks = [
        failRow('rollout', 'rollout', e.message),
        ...notChecked(config, 'the service could not be found'),
      ]
      const rollback =
        config.rollback === 'none'
          ? undefined
          : { mode: config.rollback, done: false, message: 'not attempted: the service was not found' }
      return finish({ checks, unverified: [], rollback }, { reason: `Validation failed: ${e.message}` })
    }
    throw e
  }

  // 2. History, tasks and version, read concurrently; then the rollout verdict and the first health round.
  const ecsController = controllerOf(service) === 'ECS'
  const primary = primaryOf(service)
  const historyP: Promise<DeploymentHistory> = ecsController
    ? readHistory(deps, target, service)
    : Promise.resolve({ kind: 'known' })
  const tasksP: Promise<TaskListing | Error> = collectTasks(
    deps,
    target,
    'RUNNING',
    Infinity,
    firstLookJudged ? firstPage : undefined,
  ).catch((e: unknown) => e as Error)
  // One page of STOPPED tasks, always, alongside the RUNNING listing (no wall time added): the scheduler
  // replaces crashed tasks, so a crash-looping service can show running = desired. Newest first (ECS keeps
  // stopped tasks about an hour), so one page holds the recent crashes.
  const stoppedP: Promise<Task[] | Error> = collectTasks(deps, target, 'STOPPED', 1).then(
    (l) => l.tasks,
    (e: unknown) => e as Error,
  )
  const primaryTd = primaryTaskDefinitionOf(service)
  const versionP: Promise<Check> =
    config.expectedImageTag && primaryTd
      ? checkVersion(deps, config.expectedImageTag, primaryTd).catch((e: unknown) =>
          failRow('version', 'version', `could not be read: ${describeError(e)}`),
        )
      : Promise.resolve(versionSkipped())

  const history = await historyP
  const rollout = judgeRollout({
    service,
    history,
    timedOutAfterMs,
    waitForStable: config.waitForStable,
    waitBudget: waitBudget(config.timeoutMs, config.bakeMs),
  })
  const rolloutOk = rollout.check.status === 'pass'
  const firstRoundP: Promise<(HealthRound & { waited?: string }) | undefined> =
    rolloutOk && hasHealthChecks(config)
      ? firstHealthRound(deps, config, rollout, startedAt)
      : Promise.resolve(undefined)

  const [listing, version, stoppedAll] = await Promise.all([tasksP, versionP, stoppedP])
  const stoppedNotes =
    stoppedAll instanceof Error
      ? [`crashed tasks: the stopped tasks could not be listed (${describeError(stoppedAll)})`]
      : []
  const tasks = (() => {
    if (listing instanceof Error)
      return failRow('tasks', 'task', `could not be listed: ${describeError(listing)}`)
    const stopped = stoppedAll instanceof Error ? [] : stoppedAll
    // Service tasks carry their deployment's (or task set's) id in startedBy.
    const primaryIds = [primary?.id, primaryTaskSetOf(service)?.id].filter((id): id is string => !!id)
    const crashed = crashesOf(stopped, primaryIds)
    const input = {
      tasks: listing.tasks,
      desiredCount: service.desiredCount ?? 0,
      primaryTaskDefinition: rollout.primaryTaskDefinition,
      missing: listing.missing,
      crashed,
    }
    const row = judgeTasks(input)
    if (row.status !== 'fail' && rolloutOk && (primary?.failedTasks ?? 0) === 0) return row
    // Something is wrong: the stopped tasks of the deployments judged say why.
    const ids = [
      ...(service.deployments ?? []).filter((d) => d.rolloutState === 'FAILED' || d === primary),
      ...(service.taskSets ?? []),
    ].map((d) => d.id ?? '')
    return judgeTasks({ ...input, stopped: stoppedOf(stopped, ids) })
  })()
  await deps.log.group('ECS checks', async () => {
    for (const c of [rollout.check, tasks, version]) deps.log.info(`${c.name} ${c.status}: ${c.message}`)
  })

  const ecsChecks = [rollout.check, tasks, version]
  // A cancel during these reads is no failed check: nothing more is looked at, and nothing is rolled back.
  if (deps.signal.aborted)
    return finish(
      { checks: ecsChecks, unverified: rollout.unverified },
      { cancelled: true, reason: 'cancelled while checking the service' },
    )
  const notes = [
    ...rollout.unverified,
    ...stoppedNotes,
    ...(version.status === 'skip' ? [VERSION_NOT_VERIFIED] : []),
  ]

  // 3. CloudWatch: one round, then the bake while nothing has failed.
  let rounds: HealthRound[] = []
  let healthChecks: Check[] = []
  let cancelled = false
  if (!rolloutOk) {
    healthChecks = notChecked(config, 'the rollout did not succeed').filter(
      (c) => !['tasks', 'version'].includes(c.name),
    )
  } else {
    let first = await firstRoundP
    if (first) {
      await deps.log.group('CloudWatch metrics and alarms', async () => {
        if (first!.waited) deps.log.info(first!.waited)
        for (const c of first!.checks) deps.log.info(`${c.name} ${c.status}: ${c.message}`)
        deps.log.info(summary(first!))
      })
    }
    const ecsFailed = ecsChecks.some((c) => c.status === 'fail')
    if (config.bakeMs > 0 && !ecsFailed && !(first && breached(first))) {
      // Without CloudWatch checks the bake still watches the service: an empty first round (no calls).
      first ??= await healthRound(deps, config, rollout.rolloutEndedAt)
      const baked = await deps.log.group('Bake', () =>
        bake(deps, config, rollout.rolloutEndedAt, first!, config.bakeMs, bakeWatch(deps, target, service)),
      )
      rounds = baked.rounds
      cancelled = baked.cancelled
    } else if (first) rounds = [first]
    if (rounds.length > 0) {
      // The last round decides, and says what is finally not verified: the bake stops at its first breach,
      // so a breach is always the last round, and an earlier round's missing data was looked at again since.
      const decisive = rounds[rounds.length - 1]
      healthChecks = decisive.checks
      const partial = decisive.window.partial && (config.api || config.metricChecks.length > 0)
      if (partial)
        notes.push(
          `metrics: ${describeWindow(decisive.window)}; the rest of the asked window predates the rollout`,
        )
    }
  }
  const checks = [...ecsChecks, ...healthChecks]
  const details = {
    checks,
    rounds:
      config.bakeMs > 0 && rounds.length > 0
        ? rounds.map((r) => ({ at: new Date(r.at).toISOString(), checks: r.checks }))
        : undefined,
    unverified: notes,
  }
  if (cancelled || deps.signal.aborted)
    return finish(details, {
      cancelled: true,
      reason: config.bakeMs > 0 ? 'cancelled during the bake' : 'cancelled while checking the service',
    })

  // 4. Rollback on failure.
  const provisional = judge(checks, config.onMissingData, target)
  let rollback: RollbackResult | undefined
  if (provisional.verdict === 'failure' && config.rollback !== 'none') {
    rollback = await deps.log.group(`Rollback (${config.rollback})`, async () => {
      const r =
        config.rollback === 'pipeline'
          ? await rollbackPipeline(deps, config.pipelineName!, target, config.commitSha)
          : await rollbackService(deps, target, service, history, config.expectedImageTag)
      deps.log.info(r.message)
      return r
    })
  }
  const result = finish({ ...details, rollback })
  if (rollback && result.verdict === 'failure') {
    result.reason = `${result.reason}. Rollback (${rollback.mode}): ${rollback.message}`
  }
  return result
}

class Cancelled extends Error {}

/** The ECS side of the bake: a DescribeServices per round, every task (and the stopped ones) at the end. */
function bakeWatch(deps: ModeDeps, target: Target, before: Service): BakeWatch {
  const since = deps.now()
  return {
    service: () =>
      describeService(deps, target).then(
        (now) => judgeBakeService(before, now),
        (e: unknown): Check => ({
          name: BAKE_SERVICE_CHECK,
          type: 'rollout',
          // Throttled this round is no breach; anything else is.
          status: isTransient(e) ? 'no-data' : 'fail',
          value: null,
          threshold: null,
          message: `could not be read: ${describeError(e)}`,
        }),
      ),
    tasks: async () => {
      try {
        const [now, running, stopped] = await Promise.all([
          describeService(deps, target),
          collectTasks(deps, target, 'RUNNING'),
          collectTasks(deps, target, 'STOPPED', 1),
        ])
        return judgeBakeTasks({
          tasks: running.tasks,
          missing: running.missing,
          desiredCount: now.desiredCount ?? 0,
          primaryTaskDefinition: primaryTaskDefinitionOf(now),
          stoppedSince: stopped.tasks,
          since,
        })
      } catch (e) {
        return failRow(BAKE_TASKS_CHECK, 'task', `could not be read: ${describeError(e)}`)
      }
    },
  }
}

/**
 * The first health round; when the rollout has just ended, first wait for one complete minute of metrics.
 * It runs while the tasks are being read, so it does not log: its lines are printed after, in their group.
 */
async function firstHealthRound(
  deps: ModeDeps,
  config: ValidateConfig,
  rollout: RolloutJudgement,
  startedAt: number,
): Promise<HealthRound & { waited?: string }> {
  const ended = rollout.rolloutEndedAt
  const metrics = config.api !== undefined || config.metricChecks.length > 0
  let waited: string | undefined
  if (metrics && ended !== undefined && config.bakeMs === 0) {
    const ready = firstFullMinuteAt(ended)
    if (deps.now() < ready && ready <= startedAt + config.timeoutMs) {
      waited = `The rollout ended at ${new Date(ended).toISOString()}: waited ${Math.ceil((ready - deps.now()) / 1000)} s for the first complete minute of metrics of the new version`
      await deps.sleep(ready - deps.now(), deps.signal)
    }
  }
  return { ...(await healthRound(deps, config, ended)), waited }
}

function failRow(name: string, type: string, message: string): Check {
  return { name, type, status: 'fail', value: null, threshold: null, message }
}

/** Skip rows for every configured check, so the table still shows what was not looked at and why. */
function notChecked(config: ValidateConfig, why: string): Check[] {
  const skip = (name: string, type: string): Check => ({
    name,
    type,
    status: 'skip',
    value: null,
    threshold: null,
    message: `not checked: ${why}`,
  })
  return [
    skip('tasks', 'task'),
    skip('version', 'version'),
    ...(config.api ? [skip(API_CHECK_NAME, 'metric')] : []),
    ...config.metricChecks.map((c) => skip(c.name, 'metric')),
    ...config.alarmNames.map((n) => skip(n, 'alarm')),
  ]
}
