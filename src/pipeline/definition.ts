// The desired declaration: the generated one, or the user's `pipeline-definition` file with the name and role
// from inputs filled in where the file leaves them out. Pure.
import type { PipelineDeclaration } from '@aws-sdk/client-codepipeline'
import type { CreatePipelineConfig } from '../config/types.js'
import { buildDeclaration } from './declaration.js'
import { VERSION_VARIABLE } from './names.js'

export interface DesiredPipeline {
  declaration: PipelineDeclaration
  /** Where it came from, for messages: `generated` or the definition file's path. */
  source: 'generated' | { path: string }
  /** Source actions StartPipelineExecution pins to `commit-sha` (CodeConnections sources of `repository`). */
  pinnedSourceActions: string[]
  /** Whether the declaration has a VERSION pipeline variable (only then is VERSION passed on a start). */
  hasVersionVariable: boolean
  /** VERSION's default value, when declared: what an execution not started by the action builds. */
  versionDefault?: string
  warnings: string[]
}

export function desiredPipeline(config: CreatePipelineConfig): DesiredPipeline {
  const warnings: string[] = []
  let declaration: PipelineDeclaration
  let source: DesiredPipeline['source'] = 'generated'
  if (config.pipelineDefinition) {
    source = { path: config.pipelineDefinition.path }
    // `aws codepipeline get-pipeline` output carries `version`; AWS sets it, the action never sends a stale one.
    const { version: _version, ...fromFile } = config.pipelineDefinition
      .declaration as unknown as PipelineDeclaration
    declaration = { ...fromFile }
    if (typeof declaration.name !== 'string' || declaration.name === '')
      declaration.name = config.pipelineName
    else if (declaration.name !== config.pipelineName)
      warnings.push(
        `pipeline-definition names the pipeline "${declaration.name}" but pipeline-name is "${config.pipelineName}"; using "${declaration.name}" (later monitor/validate steps must use the same name).`,
      )
    if (!declaration.roleArn && config.roleArn) declaration.roleArn = config.roleArn
  } else {
    declaration = buildDeclaration({
      ...config,
      roleArn: config.roleArn ?? '',
      connectionArn: config.connectionArn ?? '',
    })
  }
  const version = (declaration.variables ?? []).find((v) => v.name === VERSION_VARIABLE)
  return {
    declaration,
    source,
    pinnedSourceActions: sourceActionsOf(declaration, config.repository),
    hasVersionVariable: version !== undefined,
    versionDefault: version?.defaultValue,
    warnings,
  }
}

/**
 * The source actions that build `repository`: CodeConnections sources whose FullRepositoryId names it. A
 * definition that reads several repositories gets only the matching one pinned (pinning another repository's
 * source to this commit would make no sense).
 */
export function sourceActionsOf(d: PipelineDeclaration, repository: string): string[] {
  const names: string[] = []
  for (const stage of d.stages ?? [])
    for (const action of stage.actions ?? []) {
      const t = action.actionTypeId
      if (t?.category !== 'Source' || t.provider !== 'CodeStarSourceConnection') continue
      const repo = action.configuration?.FullRepositoryId
      if (repo !== undefined && repo.toLowerCase() === repository.toLowerCase() && action.name)
        names.push(action.name)
    }
  return names
}

/** Stage/action table of a declaration, for the summary. */
export function stageTable(
  d: PipelineDeclaration,
): { name: string; actions: { name: string; provider: string; runOrder: number }[] }[] {
  return (d.stages ?? []).map((s) => ({
    name: s.name ?? '',
    actions: (s.actions ?? []).map((a) => ({
      name: a.name ?? '',
      provider: a.actionTypeId?.provider ?? '',
      runOrder: a.runOrder ?? 1,
    })),
  }))
}
