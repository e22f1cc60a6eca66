// The desired declaration from a pipeline-definition file: name and role filled in from inputs when absent.
import { describe, expect, it } from '@jest/globals'
import type { PipelineDeclaration } from '@aws-sdk/client-codepipeline'
import { desiredPipeline, sourceActionsOf, stageTable } from '../../src/pipeline/definition.js'
import { createPipelineConfig } from '../helpers/config.js'
import { ROLE } from '../fixtures/inputs.js'

const stages = [
  {
    name: 'Source',
    actions: [
      {
        name: 'App',
        actionTypeId: {
          category: 'Source',
          owner: 'AWS',
          provider: 'CodeStarSourceConnection',
          version: '1',
        },
        configuration: { FullRepositoryId: 'Octo-Org/Shop' },
      },
      {
        name: 'Infra',
        actionTypeId: {
          category: 'Source',
          owner: 'AWS',
          provider: 'CodeStarSourceConnection',
          version: '1',
        },
        configuration: { FullRepositoryId: 'octo-org/infra' },
      },
    ],
  },
  {
    name: 'Deploy',
    actions: [
      {
        name: 'Go',
        actionTypeId: { category: 'Deploy', owner: 'AWS', provider: 'ECS', version: '1' },
        runOrder: 2,
      },
    ],
  },
]

const withDefinition = (declaration: Record<string, unknown>, inputs: Record<string, string> = {}) => {
  const config = createPipelineConfig({
    'project-name': 'shop',
    environment: 'staging',
    'role-arn': ROLE,
    'connection-arn':
      'arn:aws:codeconnections:us-east-1:123456789012:connection/0a1b2c3d-4e5f-6789-abcd-ef0123456789',
    ...inputs,
  })
  return desiredPipeline({ ...config, pipelineDefinition: { path: '/w/pipeline.yaml', declaration } })
}

describe('desiredPipeline with a definition', () => {
  it('fills name and role from inputs and drops the stale version', () => {
    const d = withDefinition({ stages, version: 7 })
    expect(d.declaration).toMatchObject({ name: 'shop-staging', roleArn: ROLE })
    expect(d.declaration.version).toBeUndefined()
    expect(d.source).toEqual({ path: '/w/pipeline.yaml' })
    expect(d.warnings).toEqual([])
  })

  it("keeps the file's own name and role, warning when the name differs from pipeline-name", () => {
    const d = withDefinition({ stages, name: 'custom', roleArn: 'arn:aws:iam::123456789012:role/own' })
    expect(d.declaration).toMatchObject({ name: 'custom', roleArn: 'arn:aws:iam::123456789012:role/own' })
    expect(d.warnings[0]).toContain('"custom"')
  })

  it('pins only the source of this repository and passes VERSION only when declared', () => {
    const d = withDefinition({ stages })
    expect(d.pinnedSourceActions).toEqual(['App'])
    expect(d.hasVersionVariable).toBe(false)
    expect(withDefinition({ stages, variables: [{ name: 'VERSION', defaultValue: 'dev' }] })).toMatchObject({
      hasVersionVariable: true,
      versionDefault: 'dev',
    })
  })
})

describe('stageTable', () => {
  it('lists stages and actions with provider and runOrder (default 1)', () => {
    expect(stageTable({ name: 'p', roleArn: ROLE, stages } as PipelineDeclaration)).toEqual([
      {
        name: 'Source',
        actions: [
          { name: 'App', provider: 'CodeStarSourceConnection', runOrder: 1 },
          { name: 'Infra', provider: 'CodeStarSourceConnection', runOrder: 1 },
        ],
      },
      { name: 'Deploy', actions: [{ name: 'Go', provider: 'ECS', runOrder: 2 }] },
    ])
  })
  it('sourceActionsOf is empty without a matching source', () => {
    expect(sourceActionsOf({ name: 'p', roleArn: ROLE, stages } as PipelineDeclaration, 'a/b')).toEqual([])
  })
})
