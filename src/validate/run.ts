// validate: judge the deployed ECS service (rollout, tasks, version) and its health in CloudWatch (API error
// rate, metric checks, alarms), optionally bake, and roll back on failure. Returns data; reports render it.
//
// Every read retries transient failures until the step's deadline (read.ts). A check whose reads still
// failed is `unverified`: the step fails saying what could not be read and why, but only a measured failure
// (a `fail` row) may trigger a rollback.
import type { Service, Task } from '@aws-sdk/client-ecs'
import type { ValidateConfig } from '../config/types.js'
import type { ModeDeps } from '../deps.js'
import { stepResult, type Check, type StepResult, type ValidateDetails } from '../result.js'
import { AwsCallError } from '../aws-errors.js'
import { wasCancelled } from '../cancel.js'
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
import { stoppable, unreadableRow, unreadableWhy } from './read.js'
import { judge, noDataLine } from './verdict.js'
import { checkVersion } from './version.js'
import { VERSION_NOT_VERIFIED, versionSkipped } from './version-verdict.js'
import { describeWindow, firstFullMinuteAt } from './window.js'

export async function run(config: ValidateConfig, deps: ModeDeps): Promise<StepResult> {
  const startedAt = deps.now()
  // Every read may retry transient failures until then.
  const deadline = startedAt + config.timeoutMs
  const target: Target = { cluster: config.cluster, service: config.service, region: config.region }
  const finish = (
    parts: Omit<ValidateDetails, 'kind' | 'cluster' | 'service'>,
    extra: { reason?: string; cancelled?: boolean; notes?: string[] } = {},
  ): StepResult => {
    const judgement = judge(parts.checks, config.onMissingData, target, [
      ...parts.unverified,
      ...(extra.notes ?? []),
    ])
    // A failure that was not measured is never acted on, and the report says so.
    const rollback =
      parts.rollback ??
      (judgement.failure === 'unverified' && config.rollback !== 'none' && !extra.cancelled
        ? { mode: config.rollback, done: false, message: notMeasured(parts.checks) }
        : undefined)
    const details: ValidateDetails = {
      kind: 'validate',
      cluster: config.cluster,
      service: config.service,
      ...parts,
      rollback,
      unverified: judgement.unverified,
    }
    const verdict = extra.cancelled ? 'failure' : judgement.verdict
    const reason =
      extra.reason ??
      (rollback && verdict === 'failure'
        ? `${judgement.reason}. Rollback (${rollback.mode}): ${rollback.message}`
        : judgement.reason)
    // What AWS could not be read for is warned about whatever on-missing-data says.
    const unread = new Set(parts.checks.filter((c) => c.status === 'unverified').map(noDataLine))
    return stepResult(config, {
      verdict,
      reason,
      details,
      cancelled: extra.cancelled,
      unverified: judgement.failure === 'unverified',
      warnings: extra.cancelled
        ? []
        : judgement.unverified
            .filter((u) => config.onMissingData !== 'pass' || unread.has(u))
            .map((u) => `Not verified — ${u}`),
      startedAt,
      endedAt: deps.now(),
    })
  }

  // 1. The service, and the wait for its rollout.
  let service: Service
  let timedOutAfterMs: number | undefined
  // The first page of tasks is asked for alongside the first DescribeServices: ListTasks pages are the
  // critical path at scale. It is used only if that first look is the one judged (no wait in between).
  // Its retries stop when it is not used (a wait came in between, or the service could not be read).
  const early = stoppable(deps)
  const firstPage = listFirstPage(early.deps, target, deadline)
  firstPage.catch(() => undefined) // a missing service fails here too; DescribeServices says it better
  let firstLookJudged = true
  let unreadableWait: { why: string; lastLookAt?: number } | undefined
  try {
    service = await deps.log.group(
      `Rollout of ECS service ${config.service} (cluster ${config.cluster})`,
      async () => {
        let s = await describeService(deps, target, deadline)
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
          early.stop()
          timedOutAfterMs = waited.timedOutAfterMs
          if (waited.unreadable !== undefined)
            unreadableWait = { why: waited.unreadable, lastLookAt: waited.lastLookAt }
          if (waited.cancelled) throw new Cancelled(progressLine(s))
          else if (!waited.unreadable)
            deps.log.info(`Settled after ${waited.polls} more look(s): ${progressLine(s)}`)
        }
        return s
      },
    )
  } catch (e) {
    early.stop()
    if (e instanceof Cancelled) {
      return finish(
        { checks: [], unverified: [] },
        { cancelled: true, reason: `cancelled while waiting for the rollout (${e.message})` },
      )
    }
    if (wasCancelled(e, deps.signal))
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
    if (e instanceof AwsCallError) {
      // DescribeServices could not be read until the deadline (or was refused): nothing was measured.
      const checks = [
        unreadableRow('rollout', 'rollout', unreadableWhy(e)),
        ...notChecked(config, 'the service could not be read'),
      ]
      return finish({ checks, unverified: [] })
    }
    throw e
  }

  // 2. History, tasks and version, read concurrently; then the rollout verdict and the first health round.
  const ecsController = controllerOf(service) === 'ECS'
  const primary = primaryOf(service)
  const historyP: Promise<DeploymentHistory> = ecsController
    ? readHistory(deps, target, service, deadline)
    : Promise.resolve({ kind: 'known' })
  const tasksP: Promise<TaskListing | Error> = collectTasks(deps, target, {
    desiredStatus: 'RUNNING',
    firstPage: firstLookJudged ? firstPage : undefined,
    deadline,
  }).catch((e: unknown) => e as Error)
  // One page of STOPPED tasks, always, alongside the RUNNING listing (no wall time added): the scheduler
  // replaces crashed tasks, so a crash-looping service can show running = desired. Newest first (ECS keeps
  // stopped tasks about an hour), so one page holds the recent crashes.
  const stoppedP: Promise<Task[] | Error> = collectTasks(deps, target, {
    desiredStatus: 'STOPPED',
    maxPages: 1,
    deadline,
  }).then(
    (l) => l.tasks,
    (e: unknown) => e as Error,
  )
  const primaryTd = primaryTaskDefinitionOf(service)
  const versionP: Promise<Check> =
    config.expectedImageTag && primaryTd
      ? checkVersion(deps, config.expectedImageTag, primaryTd, deadline).catch((e: unknown) =>
          unreadableRow('version', 'version', unreadableWhy(e), config.expectedImageTag),
        )
      : Promise.resolve(versionSkipped())

  const history = await historyP
  const judged = judgeRollout({
    service,
    history,
    timedOutAfterMs,
    waitForStable: config.waitForStable,
    waitBudget: waitBudget(config.timeoutMs, config.bakeMs),
  })
  // The wait ended because DescribeServices could not be read: the state at the deadline is not known, and
  // an unfinished rollout seen earlier is no measured failure.
  const rollout: RolloutJudgement =
    unreadableWait && judged.check.status !== 'pass'
      ? {
          ...judged,
          check: unreadableRow(
            'rollout',
            'rollout',
            `${unreadableWait.why}; the last look that succeeded${unreadableWait.lastLookAt !== undefined ? ` (${Math.round((deps.now() - unreadableWait.lastLookAt) / 1000)} s earlier)` : ''} showed ${progressLine(service)}`,
            judged.check.threshold,
          ),
        }
      : judged
  const rolloutOk = rollout.check.status === 'pass'
  const firstRoundP: Promise<(HealthRound & { waited?: string }) | undefined> =
    rolloutOk && hasHealthChecks(config)
      ? firstHealthRound(deps, config, rollout, startedAt)
      : Promise.resolve(undefined)

  const [listing, version, stoppedAll] = await Promise.all([tasksP, versionP, stoppedP])
  early.stop()
  const stoppedNotes: string[] = []
  const tasks = (() => {
    if (listing instanceof Error) return unreadableRow('tasks', 'task', unreadableWhy(listing))
    const row = judgeRunning(listing)
    if (!(stoppedAll instanceof Error) || row.status !== 'pass') {
      if (stoppedAll instanceof Error)
        stoppedNotes.push(
          `crashed tasks: the stopped tasks could not be listed (${unreadableWhy(stoppedAll)})`,
        )
      return row
    }
    // Running = desired can hide a crash loop: without the stopped tasks the check is not verified.
    return {
      ...row,
      status: 'unverified' as const,
      message: `could not be read: the stopped tasks (${unreadableWhy(stoppedAll)}), so crashes of the PRIMARY deployment could not be ruled out; ${row.message}`,
    }
  })()
  function judgeRunning(listing: TaskListing): Check {
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
  }
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
    const why =
      rollout.check.status === 'unverified'
        ? 'the rollout could not be verified'
        : 'the rollout did not succeed'
    healthChecks = notChecked(config, why).filter((c) => !['tasks', 'version'].includes(c.name))
  } else {
    let first = await firstRoundP
    if (first) {
      await deps.log.group('CloudWatch metrics and alarms', async () => {
        if (first!.waited) deps.log.info(first!.waited)
        for (const c of first!.checks) deps.log.info(`${c.name} ${c.status}: ${c.message}`)
        deps.log.info(summary(first!))
      })
    }
    // A failed or unverified ECS check decides the step already: baking would not change the verdict.
    const ecsDecided = ecsChecks.some((c) => c.status === 'fail' || c.status === 'unverified')
    if (config.bakeMs > 0 && !ecsDecided && !(first && breached(first))) {
      // Without CloudWatch checks the bake still watches the service: an empty first round (no calls).
      first ??= await healthRound(deps, config, rollout.rolloutEndedAt, deadline)
      const baked = await deps.log.group('Bake', () =>
        bake(
          deps,
          config,
          rollout.rolloutEndedAt,
          first!,
          config.bakeMs,
          bakeWatch(deps, target, service),
          deadline,
        ),
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

  // 4. Rollback, only on a measured failure (an unverified one is reported as such by finish).
  const provisional = judge(checks, config.onMissingData, target)
  let rollback: RollbackResult | undefined
  if (provisional.failure === 'measured' && config.rollback !== 'none') {
    rollback = await deps.log.group(`Rollback (${config.rollback})`, async () => {
      const r =
        config.rollback === 'pipeline'
          ? await rollbackPipeline(deps, config.pipelineName!, target, config.commitSha, deadline)
          : await rollbackService(deps, target, service, history, config.expectedImageTag, deadline)
      deps.log.info(r.message)
      return r
    })
  } else if (provisional.failure === 'unverified' && config.rollback !== 'none') {
    deps.log.info(`Rollback (${config.rollback}): ${notMeasured(checks)}`)
  }
  return finish({ ...details, rollback })
}

/** Why a configured rollback was not made: no check measured a failure; these could not be read. */
export function notMeasured(checks: Check[]): string {
  const unread = checks.filter((c) => c.status === 'unverified').map((c) => c.name)
  return `not done — nothing was rolled back because the failure was not measured: ${unread.join(', ')} could not be verified, and a rollback acts only on a measured failure`
}

class Cancelled extends Error {}

/** The ECS side of the bake: a DescribeServices per round, every task (and the stopped ones) at the end. */
function bakeWatch(deps: ModeDeps, target: Target, before: Service): BakeWatch {
  const since = deps.now()
  return {
    service: (deadline) =>
      describeService(deps, target, deadline).then(
        (now) => judgeBakeService(before, now),
        (e: unknown): Check =>
          // The service gone is a breach; a look that could not be read is none (not verified).
          e instanceof TargetNotFound
            ? failRow(BAKE_SERVICE_CHECK, 'rollout', e.message)
            : unreadableRow(BAKE_SERVICE_CHECK, 'rollout', unreadableWhy(e)),
      ),
    tasks: async (deadline) => {
      // When one read fails for good, the others stop retrying.
      const scoped = stoppable(deps)
      try {
        const [now, running, stopped] = await Promise.all([
          describeService(scoped.deps, target, deadline),
          collectTasks(scoped.deps, target, { desiredStatus: 'RUNNING', deadline }),
          collectTasks(scoped.deps, target, { desiredStatus: 'STOPPED', maxPages: 1, deadline }),
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
        return e instanceof TargetNotFound
          ? failRow(BAKE_TASKS_CHECK, 'task', e.message)
          : unreadableRow(BAKE_TASKS_CHECK, 'task', unreadableWhy(e))
      } finally {
        scoped.stop()
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
  return { ...(await healthRound(deps, config, ended, startedAt + config.timeoutMs)), waited }
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
