// The ECS side of the bake: a DescribeServices per round, every task (and the stopped ones) at the end.
import type { Service } from '@aws-sdk/client-ecs'
import type { ModeDeps } from '../deps.js'
import type { Check } from '../result.js'
import type { BakeWatch } from './bake.js'
import { BAKE_SERVICE_CHECK, BAKE_TASKS_CHECK, judgeBakeService, judgeBakeTasks } from './bake-verdict.js'
import { stoppable, unreadableRow, unreadableWhy } from './read.js'
import { primaryTaskDefinitionOf } from './rollout-verdict.js'
import { failRow } from './rows.js'
import { describeService, TargetNotFound, type Target } from './service.js'
import { collectTasks, tallyRunningTasks } from './tasks.js'

export function bakeWatch(deps: ModeDeps, target: Target, before: Service): BakeWatch {
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
    tasks: async (deadline) => [await everyTask(deps, target, since, deadline)],
  }
}

/** The bake's last look: every task running, and those stopped since the bake began. */
async function everyTask(deps: ModeDeps, target: Target, since: number, deadline: number): Promise<Check> {
  // When one read fails for good, the others stop retrying.
  const scoped = stoppable(deps)
  try {
    const [now, running, stopped] = await Promise.all([
      describeService(scoped.deps, target, deadline),
      tallyRunningTasks(scoped.deps, target, { deadline }),
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
}
