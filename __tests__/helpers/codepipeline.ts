// What a test does to the emulator's CodePipeline as a person would, through the real SDK client: stop, update,
// answer a manual approval.
import {
  CodePipelineClient,
  GetPipelineStateCommand,
  PutApprovalResultCommand,
} from '@aws-sdk/client-codepipeline'
import type { Emulator } from '../../emulator/index.js'
import { firstOf } from './must.js'

export const cp = (e: Emulator) =>
  new CodePipelineClient({
    region: 'us-east-1',
    endpoint: e.url,
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
  })

/** A reviewer answers the open approval of shop-staging's Release › Approve (its token from GetPipelineState). */
export async function answerApproval(
  e: Emulator,
  status: 'Approved' | 'Rejected',
  summary: string,
): Promise<void> {
  const state = await cp(e).send(new GetPipelineStateCommand({ name: 'shop-staging' }))
  const token = firstOf(state.stageStates?.find((s) => s.stageName === 'Release')?.actionStates)
    .latestExecution!.token!
  await cp(e).send(
    new PutApprovalResultCommand({
      pipelineName: 'shop-staging',
      stageName: 'Release',
      actionName: 'Approve',
      token,
      result: { status, summary },
    }),
  )
}
