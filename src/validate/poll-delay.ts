// How often a wait looks at a rollout again: soon after a look that changed something (the end may be near),
// less and less often while nothing changes. Written once for every loop that follows a rollout. Pure.

export const FIRST_POLL_MS = 5_000
export const MAX_POLL_MS = 30_000
const GROWTH = 1.5

/** The wait before the next look: the first interval after a change, else the last one grown 1.5×, capped. */
export function nextPollDelay(lastMs: number, changed: boolean): number {
  return changed ? FIRST_POLL_MS : Math.min(lastMs * GROWTH, MAX_POLL_MS)
}
