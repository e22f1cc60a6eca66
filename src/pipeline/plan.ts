// What create-pipeline will do, decided from the desired declaration and what AWS has: create, update (the
// declaration and/or the tags differ) or nothing. Pure; the same plan drives dry runs and real runs.
import type { PipelineDeclaration } from '@aws-sdk/client-codepipeline'
import type { Tag } from '../config/types.js'
import { comparable, canonical, pruneEmpty } from './canonical.js'
import { diffLines, tagDiffLines } from './diff.js'
import { hasTagChanges, tagChanges, type TagChanges } from './tags.js'

export interface CurrentPipeline {
  declaration: PipelineDeclaration
  version?: number
  arn?: string
  /** Current tags; undefined when they were not read (the tags input is empty: tags are left alone). */
  tags?: Record<string, string>
}

export interface Plan {
  action: 'create' | 'update' | 'none'
  /** The declaration differs: UpdatePipeline is needed (and running executions are waited for first). */
  declarationChanged: boolean
  tagChanges?: TagChanges
  diff: string[]
}

export function planChange(
  desired: PipelineDeclaration,
  current: CurrentPipeline | undefined,
  tags: Tag[],
): Plan {
  if (!current) {
    const { version: _v, ...fresh } = desired
    const tagLines = tags.length ? ['  tags', ...tags.map((t) => `+   ${t.key}: ${t.value}`)] : []
    return {
      action: 'create',
      declarationChanged: true,
      diff: [...diffLines(undefined, pruneEmpty(fresh)), ...tagLines],
    }
  }
  const c = comparable(desired, current.declaration)
  const declarationChanged = canonical(c.desired) !== canonical(c.current)
  const changes = current.tags === undefined ? undefined : tagChanges(tags, current.tags)
  const diff = [
    ...(declarationChanged ? diffLines(c.current, c.desired) : []),
    ...(changes ? tagDiffLines(changes) : []),
  ]
  const action = declarationChanged || hasTagChanges(changes) ? 'update' : 'none'
  return { action, declarationChanged, tagChanges: changes, diff }
}
