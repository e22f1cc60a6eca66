// AWS's limits on a declaration, checked before any write call. Pure.
import { describe, expect, it } from '@jest/globals'
import type { PipelineDeclaration } from '@aws-sdk/client-codepipeline'
import { buildDeclaration } from '../../src/pipeline/declaration.js'
import { desiredPipeline } from '../../src/pipeline/definition.js'
import { declarationProblems } from '../../src/pipeline/limits.js'
import { createPipelineConfig } from '../helpers/config.js'
import { CONNECTION, PIPELINE_INPUTS, ROLE } from '../fixtures/inputs.js'
import { nth } from '../helpers/must.js'

const generated = (): PipelineDeclaration =>
  desiredPipeline(createPipelineConfig(PIPELINE_INPUTS)).declaration

describe('limits', () => {
  it('names a configuration value over 1000 characters', () => {
    const d = buildDeclaration({
      ...createPipelineConfig(PIPELINE_INPUTS),
      roleArn: ROLE,
      connectionArn: CONNECTION,
      branch: 'b'.repeat(1200),
    })
    expect(declarationProblems(d)).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          'Source › Source: configuration BranchName is 1200 characters; AWS allows at most 1000',
        ),
      ]),
    )
  })
  it.each([
    [
      'one stage',
      (d: PipelineDeclaration) => ({ ...d, stages: d.stages!.slice(0, 1) }),
      'a pipeline has 2–50 stages',
    ],
    [
      'bad bucket',
      (d: PipelineDeclaration) => ({ ...d, artifactStore: { type: 'S3' as const, location: 'x' } }),
      'S3 bucket name',
    ],
    ['no role', (d: PipelineDeclaration) => ({ ...d, roleArn: undefined }), 'roleArn is missing'],
    [
      'empty value',
      (d: PipelineDeclaration) => ({
        ...d,
        stages: [
          { name: 'S', actions: [{ name: 'A', actionTypeId: undefined, configuration: { K: '' } }] },
          nth(d.stages, 1),
        ],
      }),
      'configuration K is empty',
    ],
    [
      'bad stage name',
      (d: PipelineDeclaration) => ({
        ...d,
        stages: [{ ...nth(d.stages, 0), name: 'a b' }, nth(d.stages, 1)],
      }),
      'stage name "a b"',
    ],
  ])('%s', (_n, mutate, message) => {
    expect(declarationProblems(mutate(generated())).join('\n')).toContain(message)
  })
})
