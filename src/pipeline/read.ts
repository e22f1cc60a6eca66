// Reads what AWS has: the pipeline's declaration, version and ARN (GetPipeline), and its tags
// (ListTagsForResource) only when the tags input asks the action to manage them.
import {
  GetPipelineCommand,
  ListTagsForResourceCommand,
  type CodePipelineClient,
} from '@aws-sdk/client-codepipeline'
import { AwsCallError, call } from '../aws-errors.js'
import type { CurrentPipeline } from './plan.js'

/** The pipeline as AWS has it, or undefined when there is none of that name. */
export async function readPipeline(
  cp: CodePipelineClient,
  name: string,
  opts: { withTags: boolean; signal?: AbortSignal },
): Promise<CurrentPipeline | undefined> {
  let out
  try {
    out = await cp.send(new GetPipelineCommand({ name }), { abortSignal: opts.signal })
  } catch (e) {
    if ((e as Error).name === 'PipelineNotFoundException') return undefined
    throw new AwsCallError({ service: 'codepipeline', operation: 'GetPipeline' }, e)
  }
  const current: CurrentPipeline = {
    declaration: out.pipeline ?? { name, roleArn: undefined, stages: [] },
    version: out.pipeline?.version,
    arn: out.metadata?.pipelineArn,
  }
  if (opts.withTags && current.arn) current.tags = await readTags(cp, current.arn, opts.signal)
  return current
}

async function readTags(
  cp: CodePipelineClient,
  arn: string,
  signal?: AbortSignal,
): Promise<Record<string, string>> {
  const tags: Record<string, string> = {}
  let nextToken: string | undefined
  do {
    const page = await call('codepipeline', 'ListTagsForResource', () =>
      cp.send(new ListTagsForResourceCommand({ resourceArn: arn, nextToken }), { abortSignal: signal }),
    )
    for (const t of page.tags ?? []) if (t.key !== undefined) tags[t.key] = t.value ?? ''
    nextToken = page.nextToken
  } while (nextToken)
  return tags
}
