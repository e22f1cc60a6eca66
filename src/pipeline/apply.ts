// The write calls: CreatePipeline (with tags), UpdatePipeline (with the version AWS expects) and tag changes on
// an existing pipeline (TagResource / UntagResource on the ARN GetPipeline reported).
import {
  CreatePipelineCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdatePipelineCommand,
  type CodePipelineClient,
  type PipelineDeclaration,
} from '@aws-sdk/client-codepipeline'
import type { Tag } from '../config/types.js'
import { call } from '../aws-errors.js'
import type { TagChanges } from './tags.js'

export async function createPipeline(
  cp: CodePipelineClient,
  declaration: PipelineDeclaration,
  tags: Tag[],
): Promise<{ version?: number }> {
  const { version: _v, ...pipeline } = declaration
  const out = await call('codepipeline', 'CreatePipeline', () =>
    cp.send(new CreatePipelineCommand({ pipeline, tags: tags.length ? tags : undefined })),
  )
  return { version: out.pipeline?.version ?? 1 }
}

export async function updatePipeline(
  cp: CodePipelineClient,
  declaration: PipelineDeclaration,
  currentVersion: number | undefined,
): Promise<{ version?: number }> {
  const out = await call('codepipeline', 'UpdatePipeline', () =>
    cp.send(new UpdatePipelineCommand({ pipeline: { ...declaration, version: currentVersion } })),
  )
  return { version: out.pipeline?.version }
}

/** Applies tag changes; returns what was done, for the notes. */
export async function applyTags(cp: CodePipelineClient, arn: string, changes: TagChanges): Promise<void> {
  if (changes.remove.length > 0)
    await call('codepipeline', 'UntagResource', () =>
      cp.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: changes.remove })),
    )
  const set = Object.entries(changes.set).map(([key, value]) => ({ key, value }))
  if (set.length > 0)
    await call('codepipeline', 'TagResource', () =>
      cp.send(new TagResourceCommand({ resourceArn: arn, tags: set })),
    )
}
