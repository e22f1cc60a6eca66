// The generated declaration, table-tested: from inputs to exactly what CodePipeline is sent.
import { describe, expect, it } from '@jest/globals'
import type { ActionDeclaration, PipelineDeclaration } from '@aws-sdk/client-codepipeline'
import { codeBuildEnvironment } from '../../src/pipeline/declaration.js'
import { desiredPipeline } from '../../src/pipeline/definition.js'
import { declarationProblems } from '../../src/pipeline/limits.js'
import { createPipelineConfig } from '../helpers/config.js'
import { CONNECTION, PIPELINE_INPUTS, ROLE } from '../fixtures/inputs.js'
import { firstOf, must, nth } from '../helpers/must.js'

const generated = (inputs: Record<string, string> = {}): PipelineDeclaration =>
  desiredPipeline(createPipelineConfig({ ...PIPELINE_INPUTS, ...inputs })).declaration

const action = (d: PipelineDeclaration, stage: string, name: string): ActionDeclaration => {
  const a = d.stages?.find((s) => s.name === stage)?.actions?.find((x) => x.name === name)
  if (!a) throw new Error(`no ${stage}/${name}`)
  return a
}
const env = (a: ActionDeclaration): Record<string, string> =>
  Object.fromEntries(
    (
      JSON.parse(must(a.configuration?.EnvironmentVariables, 'EnvironmentVariables')) as {
        name: string
        value: string
        type: string
      }[]
    ).map((v) => {
      expect(v.type).toBe('PLAINTEXT')
      return [v.name, v.value]
    }),
  )

describe('generated declaration', () => {
  const d = generated()

  it('is a V2 pipeline with the derived names, role, bucket, mode and a VERSION variable', () => {
    expect(d).toMatchObject({
      name: 'shop-staging',
      roleArn: ROLE,
      pipelineType: 'V2',
      executionMode: 'SUPERSEDED',
      artifactStore: { type: 'S3', location: 'shop-staging-artifacts' },
    })
    expect(d.variables).toEqual([expect.objectContaining({ name: 'VERSION', defaultValue: 'auto' })])
    expect(d.version).toBeUndefined()
  })

  it('has Source → Build → Test → Deploy with the right providers', () => {
    expect(
      d.stages!.map((s) => [
        s.name,
        s.actions!.map((a) => `${a.name}:${a.actionTypeId!.category}/${a.actionTypeId!.provider}`),
      ]),
    ).toEqual([
      ['Source', ['Source:Source/CodeStarSourceConnection']],
      ['Build', ['Build:Build/CodeBuild']],
      ['Test', ['UnitTest:Test/CodeBuild', 'IntegrationTest:Test/CodeBuild']],
      ['Deploy', ['Deploy:Deploy/ECS']],
    ])
    for (const a of d.stages!.flatMap((s) => s.actions!))
      expect(a.actionTypeId).toMatchObject({ owner: 'AWS', version: '1' })
  })

  it('wires artifacts: Source → SourceArtifact → Build/Test; Build → BuildArtifact → Deploy', () => {
    const source = action(d, 'Source', 'Source')
    expect(source.outputArtifacts).toEqual([{ name: 'SourceArtifact' }])
    expect(source.namespace).toBe('SourceVariables')
    expect(action(d, 'Build', 'Build').inputArtifacts).toEqual([{ name: 'SourceArtifact' }])
    expect(action(d, 'Build', 'Build').outputArtifacts).toEqual([{ name: 'BuildArtifact' }])
    for (const t of ['UnitTest', 'IntegrationTest']) {
      expect(action(d, 'Test', t).inputArtifacts).toEqual([{ name: 'SourceArtifact' }])
      expect(action(d, 'Test', t).runOrder).toBe(1)
    }
    expect(action(d, 'Deploy', 'Deploy').inputArtifacts).toEqual([{ name: 'BuildArtifact' }])
  })

  it('configures the source from repository and branch', () => {
    expect(action(d, 'Source', 'Source').configuration).toEqual({
      ConnectionArn: CONNECTION,
      FullRepositoryId: 'octo-org/shop',
      BranchName: 'staging',
      DetectChanges: 'true',
    })
  })

  it('passes VERSION and COMMIT_ID to the build as a JSON string', () => {
    const build = action(d, 'Build', 'Build')
    expect(typeof build.configuration!.EnvironmentVariables).toBe('string')
    expect(build.configuration!.ProjectName).toBe('shop-staging-build')
    expect(env(build)).toEqual({ VERSION: '#{variables.VERSION}', COMMIT_ID: '#{SourceVariables.CommitId}' })
  })

  it('runs both test types on the test project', () => {
    expect(action(d, 'Test', 'UnitTest').configuration!.ProjectName).toBe('shop-staging-test')
    expect(env(action(d, 'Test', 'UnitTest')).TEST_TYPE).toBe('unit')
    expect(env(action(d, 'Test', 'IntegrationTest')).TEST_TYPE).toBe('integration')
  })

  it('deploys to the ECS service with the image definitions file', () => {
    expect(action(d, 'Deploy', 'Deploy').configuration).toEqual({
      ClusterName: 'shop-staging',
      ServiceName: 'shop',
      FileName: 'imagedefinitions.json',
    })
  })

  it('declares the push trigger on the branch explicitly', () => {
    expect(d.triggers).toEqual([
      {
        providerType: 'CodeStarSourceConnection',
        gitConfiguration: { sourceActionName: 'Source', push: [{ branches: { includes: ['staging'] } }] },
      },
    ])
  })

  it('is within every AWS limit and holds only strings in configuration', () => {
    expect(declarationProblems(d)).toEqual([])
    for (const a of d.stages!.flatMap((s) => s.actions!))
      for (const v of Object.values(a.configuration ?? {})) expect(typeof v).toBe('string')
  })

  it('contains no secret input', () => {
    const text = JSON.stringify(
      desiredPipeline(
        createPipelineConfig({
          ...PIPELINE_INPUTS,
          'github-token': 'ghs_s3cr3tT0ken',
          'slack-bot-token': 'xoxb-1-2',
          'slack-channel': 'C1',
        }),
      ).declaration,
    )
    expect(text).not.toContain('ghs_s3cr3tT0ken')
    expect(text).not.toContain('xoxb-1-2')
  })
})

describe.each<{ name: string; inputs: Record<string, string>; check: (d: PipelineDeclaration) => void }>([
  {
    name: 'source-trigger none',
    inputs: { 'source-trigger': 'none' },
    check: (d: PipelineDeclaration) => {
      expect(action(d, 'Source', 'Source').configuration!.DetectChanges).toBe('false')
      expect(d.triggers).toBeUndefined()
    },
  },
  {
    name: 'execution-mode QUEUED',
    inputs: { 'execution-mode': 'queued' },
    check: (d: PipelineDeclaration) => expect(d.executionMode).toBe('QUEUED'),
  },
  {
    name: 'explicit names',
    inputs: {
      'pipeline-name': 'web',
      'artifact-bucket': 'b-1',
      'build-project': 'bp',
      'test-project': 'tp',
      cluster: 'c',
      service: 's',
      branch: 'main',
      repository: 'me/web',
      'image-definitions-file': 'out/images.json',
    },
    check: (d: PipelineDeclaration) => {
      expect(d.name).toBe('web')
      expect(d.artifactStore!.location).toBe('b-1')
      expect(action(d, 'Source', 'Source').configuration).toMatchObject({
        FullRepositoryId: 'me/web',
        BranchName: 'main',
      })
      expect(action(d, 'Build', 'Build').configuration!.ProjectName).toBe('bp')
      expect(action(d, 'Test', 'UnitTest').configuration!.ProjectName).toBe('tp')
      expect(action(d, 'Deploy', 'Deploy').configuration).toEqual({
        ClusterName: 'c',
        ServiceName: 's',
        FileName: 'out/images.json',
      })
      expect(firstOf(firstOf(d.triggers).gitConfiguration?.push).branches?.includes).toEqual(['main'])
    },
  },
  {
    name: 'approval with every detail',
    inputs: {
      approval: 'true',
      'approval-sns-topic-arn': 'arn:aws:sns:us-east-1:123456789012:shop-approvals',
      'approval-review-url': 'https://staging.shop.example.com',
      'approval-comment': 'Check the order history page',
    },
    check: (d: PipelineDeclaration) => {
      // A stage of its own between Test and Deploy: a rejection fails it, never the Deploy stage.
      expect(d.stages!.map((s) => s.name)).toEqual(['Source', 'Build', 'Test', 'Approval', 'Deploy'])
      expect(d.stages![3]).toEqual({
        name: 'Approval',
        actions: [
          {
            name: 'Approval',
            actionTypeId: { category: 'Approval', owner: 'AWS', provider: 'Manual', version: '1' },
            runOrder: 1,
            configuration: {
              NotificationArn: 'arn:aws:sns:us-east-1:123456789012:shop-approvals',
              ExternalEntityLink: 'https://staging.shop.example.com',
              CustomData: 'Check the order history page',
            },
          },
        ],
      })
      expect(nth(d.stages, 4).onFailure).toBeUndefined()
      expect(declarationProblems(d)).toEqual([])
    },
  },
  {
    name: 'approval without details',
    inputs: { approval: 'true' },
    check: (d: PipelineDeclaration) => {
      const approval = action(d, 'Approval', 'Approval')
      expect(approval.configuration).toBeUndefined()
      expect(approval.inputArtifacts).toBeUndefined()
      expect(approval.outputArtifacts).toBeUndefined()
    },
  },
  {
    name: 'rollback on failure',
    inputs: { 'rollback-on-failure': 'true' },
    check: (d: PipelineDeclaration) => {
      expect(d.stages!.map((s) => s.name)).toEqual(['Source', 'Build', 'Test', 'Deploy'])
      expect(d.stages!.map((s) => s.onFailure)).toEqual([
        undefined,
        undefined,
        undefined,
        { result: 'ROLLBACK' },
      ])
    },
  },
  {
    name: 'neither guard (the default)',
    inputs: {},
    check: (d: PipelineDeclaration) => {
      expect(d.stages!.map((s) => s.name)).not.toContain('Approval')
      expect(d.stages!.every((s) => !('onFailure' in s))).toBe(true)
    },
  },
])('$name', ({ inputs, check }) => {
  it('shapes the declaration', () => check(generated(inputs)))
})

describe('codeBuildEnvironment', () => {
  it('serialises a JSON array of PLAINTEXT variables', () => {
    expect(codeBuildEnvironment({ A: '1' })).toBe('[{"name":"A","value":"1","type":"PLAINTEXT"}]')
  })
})
