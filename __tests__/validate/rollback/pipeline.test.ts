import { describe, expect, it } from '@jest/globals'
import type { PipelineExecutionSummary, StageDeclaration } from '@aws-sdk/client-codepipeline'
import { deployStageOf, rollbackCandidates } from '../../../src/validate/rollback/pipeline.js'

const ecs = (name: string, cluster: string, service: string): StageDeclaration => ({
  name,
  actions: [
    {
      name: 'Deploy',
      actionTypeId: { category: 'Deploy', owner: 'AWS', provider: 'ECS', version: '1' },
      configuration: { ClusterName: cluster, ServiceName: service },
    },
  ],
})
const build: StageDeclaration = {
  name: 'Build',
  actions: [
    { name: 'Build', actionTypeId: { category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1' } },
  ],
}
const t = { cluster: 'shop-prod', service: 'shop' }

describe('deployStageOf', () => {
  it.each([
    [
      'the stage whose ECS action deploys this service',
      [build, ecs('DeployWeb', 'shop-prod', 'web'), ecs('DeployShop', 'shop-prod', 'shop')],
      'DeployShop',
    ],
    [
      'a stage named Deploy when no action names the service',
      [build, { name: 'Deploy', actions: [] }],
      'Deploy',
    ],
    ['none', [build], undefined],
  ])('%s', (_name, stages, expected) => expect(deployStageOf(stages as StageDeclaration[], t)).toBe(expected))
})

describe('rollbackCandidates', () => {
  const judgedSha = 'c'.repeat(40)
  const ex = (
    id: string,
    minute: number,
    sha: string,
    extra: Partial<PipelineExecutionSummary> = {},
  ): PipelineExecutionSummary => ({
    pipelineExecutionId: id,
    startTime: new Date(Date.UTC(2026, 2, 2, 12, minute)),
    sourceRevisions: [{ actionName: 'Source', revisionId: sha.repeat(40).slice(0, 40) }],
    executionType: 'STANDARD',
    ...extra,
  })
  it.each([
    [
      'the newest other than the latest in the stage',
      [ex('A', 1, 'a'), ex('B', 2, 'b'), ex('J', 3, 'c')],
      'J',
      judgedSha,
      ['B', 'A'],
    ],
    [
      'a newer execution entered the stage: never the judged commit, nor anything newer than it',
      [ex('A', 1, 'a'), ex('J', 2, 'c'), ex('N1', 3, 'd'), ex('N2', 4, 'e')],
      'N2',
      judgedSha,
      ['A'],
    ],
    [
      'a ROLLBACK execution is never a target; the executions it rolled back are passed over',
      [
        ex('A', 1, 'a'),
        ex('B', 2, 'b'),
        ex('R', 3, 'a', {
          executionType: 'ROLLBACK',
          rollbackMetadata: { rollbackTargetPipelineExecutionId: 'A' },
        }),
        ex('J', 4, 'c'),
      ],
      'J',
      judgedSha,
      ['A'],
    ],
    [
      'without the commit, only the latest is excluded',
      [ex('A', 1, 'a'), ex('J', 2, 'c')],
      'J',
      undefined,
      ['A'],
    ],
    [
      'the commit given in upper case is the same commit (as in the monitor)',
      [ex('A', 1, 'a'), ex('J', 2, 'c'), ex('N1', 3, 'd')],
      'N1',
      judgedSha.toUpperCase(),
      ['A'],
    ],
    [
      'the judged commit deployed twice: only executions before its newest one, never one of its own',
      [ex('J1', 1, 'c'), ex('B', 2, 'b'), ex('J2', 3, 'c')],
      'J2',
      judgedSha,
      ['B'],
    ],
  ])('%s', (_name, executions, current, sha, expected) =>
    expect(rollbackCandidates(executions, current, sha).candidates.map((e) => e.pipelineExecutionId)).toEqual(
      expected,
    ),
  )
})
