// Resolves what an action does in one run: built-in defaults per category, scenario defaults per provider or
// category, the pipeline's per-action timeline, the execution's own, and on a stage retry the `retry` branch.
import type { ActionDeclaration } from './declaration.js'
import type { ActionTimeline } from './scenario.js'

export interface ActionPlan extends ActionTimeline {
  durationSeconds: number
  outcome: 'Succeeded' | 'Failed'
}

const DEFAULT_SECONDS: Record<string, number> = {
  Source: 5,
  Build: 60,
  Test: 45,
  Deploy: 90,
  Approval: 60,
  Invoke: 30,
  Compute: 60,
}

export function resolvePlan(
  action: ActionDeclaration,
  attempt: number,
  layers: (Record<string, ActionTimeline> | undefined)[],
  defaults: Record<string, ActionTimeline> | undefined,
): ActionPlan {
  const id = action.actionTypeId
  let plan: ActionPlan = { durationSeconds: DEFAULT_SECONDS[id.category] ?? 30, outcome: 'Succeeded' }
  plan = { ...plan, ...defaults?.[id.category], ...defaults?.[id.provider] }
  for (const layer of layers) plan = { ...plan, ...layer?.[action.name] }
  for (let i = 1; i < attempt; i++) {
    const { retry, ...rest } = plan
    plan = retry
      ? { ...rest, error: undefined, build: undefined, ...retry, outcome: retry.outcome ?? 'Succeeded' }
      : { ...rest, outcome: 'Succeeded', error: undefined, build: undefined }
  }
  return plan
}
