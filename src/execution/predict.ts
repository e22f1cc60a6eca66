// Past executions predict the future: each action's usual duration (from the last successful executions) and,
// from the current progress, when the next change and the end of the execution are due. Pure.
import { isActionEnded } from '../facts/codepipeline.js'
import { type ActionRun, type PipelineShape } from './progress.js'

export interface Usual {
  ms: number
  /** Half-width of the window the end usually falls in. */
  spreadMs: number
}
export type UsualDurations = Map<string, Usual>

export const actionKey = (stage: string, action: string): string => `${stage}/${action}`

/** Usual duration per action: the median over past successful runs, spread from their range (≥ 15 %). */
export function usualDurations(history: ActionRun[][]): UsualDurations {
  const samples = new Map<string, number[]>()
  for (const runs of history) {
    for (const r of runs) {
      if (r.status !== 'Succeeded' || r.startedAt === undefined || r.updatedAt === undefined) continue
      const key = actionKey(r.stage, r.action)
      samples.set(key, [...(samples.get(key) ?? []), Math.max(0, r.updatedAt - r.startedAt)])
    }
  }
  const out: UsualDurations = new Map()
  for (const [key, list] of samples) {
    const sorted = [...list].sort((a, b) => a - b)
    const ms = sorted[Math.floor(sorted.length / 2)] ?? 0
    const range = (sorted.at(-1) ?? 0) - (sorted[0] ?? 0)
    out.set(key, { ms, spreadMs: Math.max(0.15 * ms, range / 2) })
  }
  return out
}

/** A change that is due: the end of one action. */
export interface Expectation {
  at: number
  spreadMs: number
  stage: string
  action: string
  /** The end of the execution (the last action to finish). */
  terminal: boolean
  /** An action already failed: the end comes when the rest of its stage ends (no reads to save there). */
  afterFailure?: boolean
}

/**
 * The next change that has not been seen yet, and the predicted end of the execution. Actions run stage by
 * stage, and within a stage by runOrder (same runOrder = parallel). Unknown durations stop the prediction.
 */
export function nextExpectation(
  shape: PipelineShape,
  runs: ActionRun[],
  usual: UsualDurations,
  now: number,
  executionStart?: number,
): { next?: Expectation; end?: number } {
  const failed = runs.find((r) => isActionEnded(r.status) && r.status !== 'Succeeded')
  if (failed) return endAfterFailure(runs, failed.stage, usual, now)
  const events: Expectation[] = []
  const firstStart = runs.map((r) => r.startedAt).filter((t): t is number => t !== undefined)
  let cursor = Math.min(executionStart ?? now, ...firstStart)
  let complete = true
  outer: for (const stage of shape.stages) {
    const orders = [...new Set(stage.actions.map((a) => a.runOrder))].sort((a, b) => a - b)
    for (const order of orders) {
      let groupEnd = cursor
      for (const action of stage.actions.filter((a) => a.runOrder === order)) {
        const run = runs.find((r) => r.stage === stage.name && r.action === action.name)
        if (run && isActionEnded(run.status)) {
          groupEnd = Math.max(groupEnd, run.updatedAt ?? cursor)
          continue
        }
        const u = usual.get(actionKey(stage.name, action.name))
        if (!u) {
          complete = false
          break outer
        }
        const start = run?.startedAt ?? Math.max(cursor, now)
        const end = start + u.ms
        events.push({
          at: end,
          spreadMs: u.spreadMs,
          stage: stage.name,
          action: action.name,
          terminal: false,
        })
        // A late action pushes everything after it: it cannot end before now.
        groupEnd = Math.max(groupEnd, end, now)
      }
      cursor = groupEnd
    }
  }
  if (events.length === 0) return {}
  const last = events.reduce((a, b) => (b.at >= a.at ? b : a))
  if (complete) last.terminal = true
  const next = events.reduce((a, b) => (b.at < a.at ? b : a))
  return { next, end: complete ? last.at : undefined }
}

/**
 * An action failed: the execution ends when the actions still running in its stage end (AWS lets them finish),
 * at once when none runs. The last of them to end is the end.
 */
function endAfterFailure(
  runs: ActionRun[],
  stage: string,
  usual: UsualDurations,
  now: number,
): { next?: Expectation; end?: number } {
  const running = runs.filter((r) => r.stage === stage && r.status === 'InProgress')
  const ends = running.map((r) => {
    const u = usual.get(actionKey(r.stage, r.action))
    if (!u || r.startedAt === undefined) return undefined
    const at = Math.max(now, r.startedAt + u.ms)
    return { at, spreadMs: u.spreadMs, stage, action: r.action, terminal: true, afterFailure: true }
  })
  if (ends.length === 0 || ends.some((e) => !e)) return {}
  const last = ends.reduce((a, b) => (b!.at >= a!.at ? b : a))!
  return { next: last, end: last.at }
}
