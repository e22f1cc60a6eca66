// The pause-hook gate's checks of the new revision while the deployment waits at the hook: round after round
// over the bake, which is cut to end before the hook expires (an answer after that is no answer).
import type { Check } from '../../result.js'
import { bake, type BakeWatch } from '../bake.js'
import { pausedHook, phaseLine } from '../deployment-phase.js'
import { healthConfigOf, healthRound, type HealthConfig } from '../health.js'
import { lookUpApi } from '../api-lookup.js'
import type { ApiChoice } from '../api-choice.js'
import { unreadableRow } from '../read.js'
import { targetGroupRateName } from '../rate-sources.js'
import { failRow } from '../rows.js'
import { describeServiceDeployment } from '../service-deployment.js'
import type { Step } from '../step.js'
import {
  checkNewTasks,
  checkReleaseVersion,
  judgeNewRevision,
  readAtPause,
  targetGroupNameOf,
  type PauseReads,
} from './new-revision.js'
import { PAUSE_CHECK, type Paused } from './wait.js'

/** The answer is sent this long before the hook expires, at the latest: a late answer is refused. */
export const ANSWER_MARGIN_MS = 60_000

export interface AtPause {
  checks: Check[]
  rounds: { at: string; checks: Check[] }[]
  cancelled: boolean
}

/**
 * The bake at the pause, once the first round is in: as long as bake-minutes, but ending by `answerBy` so the
 * answer comes before the hook expires (the first round's reads may have retried for a while), never negative.
 * Pure.
 */
export function bakeAtPauseMs(bakeMs: number, answerBy: number, firstRoundAt: number): number {
  return Math.max(0, Math.min(bakeMs, answerBy - firstRoundAt))
}

/** The reads at the pause may retry until then at the latest: an answer after the hook expired is no answer. */
function answerBy(step: Step, paused: Paused): number {
  const expires = paused.hook.expiresAt?.getTime() ?? Infinity
  return Math.min(step.deadline, expires - ANSWER_MARGIN_MS)
}

/** The checks of the new revision at the pause, round after round over the bake, stopping at a breach. */
export async function checkAtPause(step: Step, paused: Paused): Promise<AtPause> {
  const { config, deps } = step
  const deadline = answerBy(step, paused)
  return deps.log.group(`Checks of the new revision at the pause`, async () => {
    // Metric windows start at the pause, bake or not: the minutes before it measured the old revision.
    const since = paused.seenAt
    const [reads, api] = await Promise.all([
      readAtPause(step, paused.service, paused.deployment, deadline),
      lookUpApi(deps, config, deadline),
    ])
    const healthConfig = healthAtPause(step, reads, api)
    const [version, tasks, health] = await Promise.all([
      checkReleaseVersion(step, reads.taskDefinition, deadline),
      checkNewTasks(step, paused.deployment, reads, deadline),
      healthRound(deps, healthConfig, since, deadline),
    ])
    const checks = [judgeNewRevision(paused.deployment), ...tasks, version, ...health.checks]
    const first = { ...health, checks }
    for (const c of first.checks) deps.log.info(`${c.name} ${c.status}: ${c.message}`)
    const bakeMs = bakeAtPauseMs(config.bakeMs, deadline, first.at)
    if (bakeMs < config.bakeMs) warnCut(step, paused, bakeMs)
    if (bakeMs === 0) return { checks: first.checks, rounds: [], cancelled: false }
    const watch = pauseWatch(step, paused, reads)
    const baked = await bake(deps, healthConfig, since, first, bakeMs, watch, deadline)
    const last = baked.rounds.at(-1) ?? first
    const rounds = baked.rounds.map((r) => ({ at: new Date(r.at).toISOString(), checks: r.checks }))
    // The version is looked at once; the bake's rounds re-read the rest.
    return {
      checks: last === first ? last.checks : [version, ...last.checks],
      rounds,
      cancelled: baked.cancelled,
    }
  })
}

function warnCut(step: Step, paused: Paused, bakeMs: number): void {
  step.deps.log.warning(
    `The PAUSE hook expires at ${paused.hook.expiresAt?.toISOString()}: the bake at the pause is cut to ${Math.round(bakeMs / 1000)} s (bake-minutes asks ${Math.round(step.config.bakeMs / 1000)} s) so the answer comes before the hook's own timeout`,
  )
}

/**
 * The CloudWatch checks at the pause: the configured ones, the API's rate with api-name, and the 5XX rate of the
 * test (alternate) target groups — the new revision's traffic at the pause — not the production ones. A test group
 * that could not be described keeps its rate row, `unverified`, in every round.
 */
function healthAtPause(step: Step, reads: PauseReads, api: ApiChoice | undefined): HealthConfig {
  const { arns, described } = reads.testGroups
  const health = healthConfigOf(step.config, described instanceof Error ? [] : described, api)
  if (!(described instanceof Error)) return health
  const unread = arns.map((a) =>
    unreadableRow(
      targetGroupRateName(targetGroupNameOf(a)),
      'metric',
      described.message,
      step.config.maxErrorRate,
    ),
  )
  return { ...health, decided: [...health.decided, ...unread] }
}

/** Each bake round re-reads the deployment (still paused, new revision whole); the end re-counts its tasks. */
function pauseWatch(step: Step, paused: Paused, reads: PauseReads): BakeWatch {
  return {
    service: async (deadline) => {
      try {
        const sd = await describeServiceDeployment(step.deps, paused.arn, deadline)
        const still = pausedHook(sd)?.hookId === paused.hook.hookId
        return still
          ? judgeNewRevision(sd)
          : failRow(PAUSE_CHECK, 'gate', `the deployment no longer waits at the hook: ${phaseLine(sd)}`)
      } catch (e) {
        return unreadableRow(PAUSE_CHECK, 'gate', e instanceof Error ? e.message : String(e))
      }
    },
    tasks: (deadline) => checkNewTasks(step, paused.deployment, reads, deadline),
  }
}
