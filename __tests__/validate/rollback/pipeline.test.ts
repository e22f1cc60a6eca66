import { describe, expect, it } from '@jest/globals'
import type { StageDeclaration } from '@aws-sdk/client-codepipeline'
import { deployStageOf } from '../../../src/validate/rollback/pipeline.js'

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
