// Bake: after the first judgement, keep re-checking the service (bake-verdict.ts), metrics and alarms on an
// interval until bake-minutes have passed, stopping at the first breach; when the time is up, one full pass
// over the tasks. A round without data is not a breach (the first minutes after a rollout often have none);
// the last round's no-data rows are judged by on-missing-data as usual. Runs without any CloudWatch check too.
// A read that failed transiently is retried until the next round is due (the last round: until the step's
// deadline); a round whose reads still failed has `unverified` rows, which are no breach either: only the
// last round decides, and an `unverified` row there makes the step unverified, never a measured failure.
import { minutes, seconds } from '../format.js'
import type { ModeDeps } from '../deps.js'
import type { Check } from '../result.js'
import { healthRound, type HealthConfig, type HealthRound } from './health.js'
import { MINUTE } from './window.js'

/**
 * CloudWatch's resolution for vended metrics is a minute: looking more often sees no new datapoint. A short
 * bake (under 3 min) still gets about three looks, never more than one per 5 s.
 */
export function bakeIntervalMs(bakeMs: number): number {
  return Math.min(MINUTE, Math.max(5_000, Math.round(bakeMs / 3)))
}

export const breached = (round: HealthRound): boolean => round.checks.some((c) => c.status === 'fail')

export interface BakeOutcome {
  rounds: HealthRound[]
  cancelled: boolean
}

/** The ECS side of the bake; each read is retried on transient failures until `deadline`. */
export interface BakeWatch {
  /** One cheap look at the service (DescribeServices): its row in each round. */
  service: (deadline: number) => Promise<Check>
  /** The full pass over the tasks (and what goes with it), when the bake ended without a breach. */
  tasks: (deadline: number) => Promise<Check[]>
}

export async function bake(
  deps: ModeDeps,
  config: HealthConfig,
  rolloutEndedAt: number | undefined,
  first: HealthRound,
  bakeMs: number,
  watch: BakeWatch,
  /** The step's deadline: the last round's reads may retry until then. */
  deadline: number,
): Promise<BakeOutcome> {
  const rounds = [first]
  const end = first.at + bakeMs
  const interval = bakeIntervalMs(bakeMs)
  deps.log.info(`Baking for ${minutes(bakeMs)}: re-checking every ${seconds(interval)}`)
  while (!breached(rounds.at(-1) ?? first) && deps.now() < end) {
    await deps.sleep(Math.min(interval, end - deps.now()), deps.signal)
    if (deps.signal.aborted) return { rounds, cancelled: true }
    // A round's reads may retry until the next round is due; the last round's until the deadline.
    const patience = deps.now() >= end ? deadline : Math.min(deps.now() + interval, deadline)
    const [health, service] = await Promise.all([
      healthRound(deps, config, rolloutEndedAt, patience),
      watch.service(patience),
    ])
    const round = { ...health, checks: [service, ...health.checks] }
    rounds.push(round)
    const bad = round.checks.filter((c) => c.status === 'fail')
    deps.log.info(
      `Round ${rounds.length}: ${bad.length ? `breach — ${bad.map((c) => `${c.name}: ${c.message}`).join('; ')}` : summary(round)}`,
    )
  }
  const last = rounds.at(-1) ?? first
  if (rounds.length > 1 && !breached(last)) {
    const tasks = await watch.tasks(deadline)
    last.checks.push(...tasks)
    for (const t of tasks) deps.log.info(`End of the bake, ${t.name}: ${t.status} — ${t.message}`)
  }
  return { rounds, cancelled: false }
}

export function summary(round: HealthRound): string {
  const count = (s: string) => round.checks.filter((c) => c.status === s).length
  const unread = count('unverified')
  return `${count('pass')} pass, ${count('fail')} fail, ${count('no-data')} no data${unread ? `, ${unread} not verified (could not be read)` : ''}`
}
