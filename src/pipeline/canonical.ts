// Is the pipeline AWS has the one we want? GetPipeline returns more than was sent and some of it differently:
// `version` (bumped on each update), defaults filled in (runOrder 1, empty artifact lists, executionMode
// SUPERSEDED, pipelineType), secret configuration values masked as `****`, and on V2 pipelines a push trigger
// AWS adds by itself for a CodeConnections source with change detection on. Both sides are brought to one
// canonical form that ignores exactly those, so an unchanged pipeline compares equal and costs no write call.
import type { PipelineDeclaration, PipelineTriggerDeclaration } from '@aws-sdk/client-codepipeline'

export const MASK = '****'

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }

/** Drops undefined/null, empty arrays and empty objects, recursively: AWS treats them as absent. */
export function pruneEmpty(value: unknown): Json | undefined {
  if (value === undefined || value === null) return undefined
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) {
    const items = value.map(pruneEmpty).filter((v): v is Json => v !== undefined)
    return items.length === 0 ? undefined : items
  }
  if (typeof value === 'object') {
    const out: Record<string, Json> = {}
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const p = pruneEmpty(v)
      if (p !== undefined) out[k] = p
    }
    return Object.keys(out).length === 0 ? undefined : out
  }
  return value as Json
}

/** The trigger AWS adds by itself to a V2 pipeline whose CodeConnections source detects changes. */
function isImplicitTrigger(t: PipelineTriggerDeclaration, d: PipelineDeclaration): boolean {
  const git = t.gitConfiguration
  if (t.providerType !== 'CodeStarSourceConnection' || !git || git.pullRequest?.length) return false
  const source = (d.stages ?? [])
    .flatMap((s) => s.actions ?? [])
    .find((a) => a.name === git.sourceActionName && a.actionTypeId?.provider === 'CodeStarSourceConnection')
  if (!source || source.configuration?.DetectChanges === 'false') return false
  const push = git.push ?? []
  const only = push.length === 1 ? push[0] : undefined
  const includes = only?.branches?.includes ?? []
  return (
    only !== undefined &&
    !only.tags &&
    !only.filePaths &&
    !only.branches?.excludes?.length &&
    includes.length === 1 &&
    includes[0] === source.configuration?.BranchName
  )
}

function withDefaults(d: PipelineDeclaration): PipelineDeclaration {
  return {
    ...d,
    version: undefined,
    executionMode: d.executionMode ?? 'SUPERSEDED',
    stages: (d.stages ?? []).map((s) => ({
      ...s,
      actions: (s.actions ?? []).map((a) => ({ ...a, runOrder: a.runOrder ?? 1 })),
    })),
  }
}

/**
 * Both declarations in comparable form. What the desired side leaves to AWS (pipelineType, triggers AWS
 * derives) is taken from the current side; masked values take the desired value (they cannot be compared).
 */
export function comparable(
  desired: PipelineDeclaration,
  current: PipelineDeclaration,
): { desired: Json | undefined; current: Json | undefined } {
  const want = withDefaults(desired)
  const have = withDefaults(current)
  if (want.pipelineType === undefined) have.pipelineType = undefined
  if (!want.triggers?.length && have.triggers?.length) {
    have.triggers = have.triggers.filter((t) => !isImplicitTrigger(t, have))
  }
  have.stages = have.stages!.map((s) => {
    const ws = want.stages!.find((x) => x.name === s.name)
    return {
      ...s,
      actions: s.actions!.map((a) => {
        const wa = ws?.actions?.find((x) => x.name === a.name)
        if (!a.configuration) return a
        const configuration = Object.fromEntries(
          Object.entries(a.configuration).map(([k, v]) => [
            k,
            v === MASK && wa?.configuration?.[k] !== undefined ? wa.configuration[k] : v,
          ]),
        )
        return { ...a, configuration }
      }),
    }
  })
  return { desired: pruneEmpty(want), current: pruneEmpty(have) }
}

/** Canonical JSON: object keys sorted, so key order never makes a difference. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  )
}

export function sameDeclaration(desired: PipelineDeclaration, current: PipelineDeclaration): boolean {
  const c = comparable(desired, current)
  return canonical(c.desired) === canonical(c.current)
}
