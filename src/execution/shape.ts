// The pipeline declaration as far as following an execution needs it: stages, actions, runOrder, auto-retry,
// rollback and conditions, and the Git repository of the source (for GitHub's compare API).
import type { PipelineDeclaration } from '@aws-sdk/client-codepipeline'
import type { PipelineShape } from './progress.js'

export function shapeOf(declaration: PipelineDeclaration | undefined): PipelineShape {
  const stages = (declaration?.stages ?? []).map((s) => ({
    name: s.name ?? '?',
    autoRetry: s.onFailure?.result === 'RETRY',
    rollsBack: s.onFailure?.result === 'ROLLBACK',
    conditions: !!(s.beforeEntry || s.onSuccess || s.onFailure?.conditions),
    actions: (s.actions ?? []).map((a) => ({
      name: a.name ?? '?',
      runOrder: a.runOrder ?? 1,
      provider: a.actionTypeId?.provider,
    })),
  }))
  return { stages, sourceRepository: sourceRepository(declaration) }
}

function sourceRepository(declaration: PipelineDeclaration | undefined): string | undefined {
  for (const stage of declaration?.stages ?? []) {
    for (const action of stage.actions ?? []) {
      if (action.actionTypeId?.category !== 'Source') continue
      const c = action.configuration ?? {}
      if (c.FullRepositoryId) return c.FullRepositoryId
      if (c.Owner && c.Repo) return `${c.Owner}/${c.Repo}`
    }
  }
  return undefined
}
