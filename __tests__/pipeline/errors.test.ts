// AWS errors as one actionable line naming the pipeline, the call and AWS's message.
import { describe, expect, it } from '@jest/globals'
import { failureLine, iamActionsFor } from '../../src/pipeline/errors.js'

const err = (name: string, message: string) => Object.assign(new Error(message), { name })
const ctx = {
  pipelineName: 'shop-staging',
  roleArn: 'arn:aws:iam::123456789012:role/pipeline-role',
  maxAttempts: 5,
}

describe('failureLine', () => {
  it.each([
    [
      'InvalidStructureException',
      'CreatePipeline',
      {},
      'Pipeline "shop-staging": CreatePipeline was rejected by AWS — InvalidStructureException: Artifact BuildArtifact is not produced. Check the create-pipeline inputs',
    ],
    [
      'InvalidActionDeclarationException',
      'UpdatePipeline',
      { definitionPath: '/w/p.yaml' },
      'UpdatePipeline was rejected by AWS — InvalidActionDeclarationException: Artifact BuildArtifact is not produced. Fix the declaration in /w/p.yaml.',
    ],
    [
      'InvalidStageDeclarationException',
      'CreatePipeline',
      {},
      'was rejected by AWS — InvalidStageDeclarationException',
    ],
    [
      'AccessDeniedException',
      'CreatePipeline',
      {},
      'CreatePipeline was denied — AccessDeniedException: Artifact BuildArtifact is not produced. Allow codepipeline:CreatePipeline and iam:PassRole on arn:aws:iam::123456789012:role/pipeline-role',
    ],
    [
      'AccessDeniedException',
      'StartPipelineExecution',
      {},
      'Allow codepipeline:StartPipelineExecution for the credentials',
    ],
    ['LimitExceededException', 'CreatePipeline', {}, 'An AWS quota was reached'],
    ['LimitExceededException', 'UpdatePipeline', {}, 'An AWS quota was reached'],
    // Anywhere else the SDK's classifier is right: it is throttling.
    ['LimitExceededException', 'ListPipelineExecutions', {}, 'AWS kept throttling after 5 attempts'],
    ['ThrottlingException', 'GetPipeline', {}, 'after 5 attempts'],
    ['PipelineNameInUseException', 'CreatePipeline', {}, 'concurrent run'],
    [
      'SomethingNew',
      'GetPipeline',
      {},
      'Pipeline "shop-staging": GetPipeline failed — SomethingNew: Artifact BuildArtifact is not produced.',
    ],
  ])('%s from %s', (code, op, extra, expected) => {
    const line = failureLine(op, err(code, 'Artifact BuildArtifact is not produced.'), { ...ctx, ...extra })
    expect(line).toContain(expected)
    expect(line).not.toContain('\n')
  })

  it('keeps AWS multi-line messages on one line', () => {
    expect(failureLine('GetPipeline', err('X', 'a\nb'), ctx)).toContain('X: a b')
  })
})

describe('iamActionsFor', () => {
  it('needs PassRole for writes that pass the role', () => {
    expect(iamActionsFor('UpdatePipeline', 'arn:r')).toEqual([
      'codepipeline:UpdatePipeline',
      'iam:PassRole on arn:r',
    ])
    expect(iamActionsFor('GetPipeline')).toEqual(['codepipeline:GetPipeline'])
  })
})
