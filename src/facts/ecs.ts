// What ECS's stop codes mean, written down once (Amazon ECS API reference: Task.stopCode). The tasks check
// before the bake and the bake's last pass both ask `isCrash`, so a crash is the same thing in both.
import type { Task } from '@aws-sdk/client-ecs'

/** Stopped by the scheduler (scale-in, replacement, a deployment) or by a person: no crash, whatever the exit. */
export const ORDERED_STOP_CODES: ReadonlySet<string> = new Set(['ServiceSchedulerInitiated', 'UserInitiated'])
/** The task never started, or an essential container exited: a crash, whatever the exit code. */
export const CRASH_STOP_CODES: ReadonlySet<string> = new Set([
  'TaskFailedToStart',
  'EssentialContainerExited',
])

/**
 * A task that crashed: it failed to start, an essential container exited, or (any other stop code but an
 * ordered one) a container exited non-zero. DescribeTasks does not say which containers are essential, so
 * any non-zero exit of a task nobody asked to stop counts. Pure.
 */
export function isCrash(task: Task): boolean {
  if (CRASH_STOP_CODES.has(task.stopCode ?? '')) return true
  if (ORDERED_STOP_CODES.has(task.stopCode ?? '')) return false
  return (task.containers ?? []).some((c) => c.exitCode !== undefined && c.exitCode !== 0)
}
