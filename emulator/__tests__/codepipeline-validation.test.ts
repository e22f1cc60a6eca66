// Every rule CreatePipeline/UpdatePipeline enforce, each answered with AWS's exception class.
import {
  CodePipelineServiceException,
  CreatePipelineCommand,
  GetPipelineCommand,
  InvalidActionDeclarationException,
  InvalidStageDeclarationException,
  InvalidStructureException,
  PipelineNameInUseException,
  PipelineNotFoundException,
  UpdatePipelineCommand,
  type PipelineDeclaration,
  type StageDeclaration,
} from '@aws-sdk/client-codepipeline'
import { startEmulator, type Emulator } from '../index.js'
import { codepipelinePlugin } from '../services/codepipeline/index.js'
import { repositoriesPlugin } from '../services/repositories/index.js'
import { clients, shopPipeline } from './helpers.js'
import { firstOf, must, nth } from './must.js'

let emu: Emulator
let aws: ReturnType<typeof clients>
beforeAll(async () => {
  emu = await startEmulator({ plugins: [repositoriesPlugin, codepipelinePlugin] })
  aws = clients(emu)
})
afterAll(async () => {
  aws.destroy()
  await emu.stop()
})

type Change = (p: PipelineDeclaration) => void
const TOPIC = 'arn:aws:sns:us-east-1:123456789012:shop-approvals'

/** A stage of one manual approval action (Approval/AWS/Manual/1) with this configuration. */
const approvalStage = (configuration: Record<string, string>): StageDeclaration => ({
  name: 'Approval',
  actions: [
    {
      name: 'Approval',
      actionTypeId: { category: 'Approval', owner: 'AWS', provider: 'Manual', version: '1' },
      configuration,
    },
  ],
})
const action = (p: PipelineDeclaration, stage: number, index = 0) => nth(nth(p.stages, stage).actions, index)

const cases: [string, Change, new (...args: never[]) => Error, string, RegExp][] = [
  [
    'a provider that does not exist for the category',
    (p) => (action(p, 3).actionTypeId!.provider = 'CodeBuild'),
    InvalidActionDeclarationException,
    'InvalidActionDeclarationException',
    /ActionType \(Category: 'Deploy', Provider: 'CodeBuild', Owner: 'AWS', Version: '1'\) in action 'Deploy' is not available/,
  ],
  [
    'a missing required configuration key',
    (p) => delete action(p, 0).configuration!.BranchName,
    InvalidActionDeclarationException,
    'InvalidActionDeclarationException',
    /Action configuration for action 'Source' is missing required configuration 'BranchName'/,
  ],
  [
    'a configuration value that is not a string',
    (p) => (action(p, 1).configuration!.EnvironmentVariables = [{ name: 'VERSION', value: '1' }] as never),
    CodePipelineServiceException,
    'ValidationException',
    /configuration\.EnvironmentVariables' failed to satisfy constraint: Member must be a string/,
  ],
  [
    'a configuration value over 1000 characters',
    (p) => (action(p, 1).configuration!.EnvironmentVariables = `[${'{"name":"X","value":"y"},'.repeat(60)}]`),
    CodePipelineServiceException,
    'ValidationException',
    /Member must have length less than or equal to 1000/,
  ],
  [
    'an input artifact no earlier action produces',
    (p) => (action(p, 3).inputArtifacts = [{ name: 'ImageArtifact' }]),
    InvalidStructureException,
    'InvalidStructureException',
    /Input artifact 'ImageArtifact' of action 'Deploy'/,
  ],
  [
    'an input artifact produced only by a later action of the same stage',
    (p) => {
      action(p, 2, 0).outputArtifacts = [{ name: 'UnitReport' }]
      action(p, 2, 1).inputArtifacts = [{ name: 'UnitReport' }]
    },
    InvalidStructureException,
    'InvalidStructureException',
    /Input artifact 'UnitReport'/,
  ],
  [
    'fewer than two stages',
    (p) => (p.stages = p.stages!.slice(0, 1)),
    InvalidStructureException,
    'InvalidStructureException',
    /Pipeline has only 1 stage\(s\). There should be a minimum of 2 stages./,
  ],
  [
    'a source action outside the first stage',
    (p) =>
      must(nth(p.stages, 1).actions, 'the Build actions').push({
        ...structuredClone(action(p, 0)),
        name: 'Source2',
        outputArtifacts: [{ name: 'X' }],
      }),
    InvalidStructureException,
    'InvalidStructureException',
    /must be in the first stage/,
  ],
  [
    'two stages with the same name',
    (p) => (nth(p.stages, 2).name = 'Build'),
    InvalidStructureException,
    'InvalidStructureException',
    /more than one stage named 'Build'/,
  ],
  [
    'an ECS action with two input artifacts',
    (p) => (action(p, 3).inputArtifacts = [{ name: 'BuildArtifact' }, { name: 'SourceArtifact' }]),
    InvalidActionDeclarationException,
    'InvalidActionDeclarationException',
    /has 2 input artifacts/,
  ],
  [
    'QUEUED mode on a V1 pipeline',
    (p) => Object.assign(p, { pipelineType: 'V1', executionMode: 'QUEUED', variables: undefined }),
    CodePipelineServiceException,
    'ValidationException',
    /only supported for V2/,
  ],
  [
    'a name the model pattern rejects',
    (p) => (p.name = 'shop staging'),
    CodePipelineServiceException,
    'ValidationException',
    /Value 'shop staging' at 'pipeline.name' failed to satisfy constraint: Member must satisfy regular expression pattern/,
  ],
  [
    'a runOrder out of range',
    (p) => (action(p, 1).runOrder = 0),
    CodePipelineServiceException,
    'ValidationException',
    /runOrder' failed to satisfy constraint: Member must have value greater than or equal to 1/,
  ],
  [
    'an unknown execution mode',
    (p) => (p.executionMode = 'FAST' as never),
    CodePipelineServiceException,
    'ValidationException',
    /Member must satisfy enum value set: \[QUEUED, SUPERSEDED, PARALLEL\]/,
  ],
  [
    'a manual approval with a configuration key the action type does not declare',
    (p) => p.stages!.splice(3, 0, approvalStage({ NotificationArn: TOPIC, Approvers: 'ops@example.com' })),
    InvalidActionDeclarationException,
    'InvalidActionDeclarationException',
    /Action configuration for action 'Approval' contains unknown configuration 'Approvers'/,
  ],
  [
    'a manual approval with an input artifact',
    (p) => {
      const stage = approvalStage({})
      nth(stage.actions, 0).inputArtifacts = [{ name: 'BuildArtifact' }]
      p.stages!.splice(3, 0, stage)
    },
    InvalidActionDeclarationException,
    'InvalidActionDeclarationException',
    /Action 'Approval' has 1 input artifacts; 'Manual' actions take 0/,
  ],
  [
    'a manual approval in the first stage',
    (p) => must(nth(p.stages, 0).actions, 'the Source actions').push(nth(approvalStage({}).actions, 0)),
    InvalidStructureException,
    'InvalidStructureException',
    /Stage 'Source' is the first stage; it may only contain source actions/,
  ],
  [
    'a source stage that rolls back on failure',
    (p) => (nth(p.stages, 0).onFailure = { result: 'ROLLBACK' }),
    InvalidStageDeclarationException,
    'InvalidStageDeclarationException',
    /Stage 'Source' is the source stage; a source stage cannot be rolled back/,
  ],
  [
    'a stage that rolls back on failure in PARALLEL mode',
    (p) => (Object.assign(p, { executionMode: 'PARALLEL' }).stages![3]!.onFailure = { result: 'ROLLBACK' }),
    CodePipelineServiceException,
    'ValidationException',
    /Stage rollback on failure is not supported in PARALLEL execution mode/,
  ],
  [
    'an onFailure result outside the model',
    (p) => (nth(p.stages, 3).onFailure = { result: 'UNDO' as never }),
    CodePipelineServiceException,
    'ValidationException',
    /Member must satisfy enum value set: \[ROLLBACK, FAIL, RETRY, SKIP\]/,
  ],
  [
    'a missing roleArn',
    (p) => delete (p as { roleArn?: string }).roleArn,
    CodePipelineServiceException,
    'ValidationException',
    /Value null at 'pipeline.roleArn' failed to satisfy constraint: Member must not be null/,
  ],
]

describe.each(['CreatePipeline', 'UpdatePipeline'])('%s rejects', (operation) => {
  beforeAll(async () => {
    if (operation === 'UpdatePipeline') {
      await aws.codepipeline.send(new CreatePipelineCommand({ pipeline: shopPipeline({ name: 'existing' }) }))
    }
  })
  it.each(cases)('%s', async (_name, change, errorClass, code, message) => {
    const pipeline = shopPipeline(operation === 'UpdatePipeline' ? { name: 'existing' } : { name: 'fresh' })
    change(pipeline)
    if (operation === 'UpdatePipeline' && pipeline.name === 'shop staging') pipeline.name = 'shop staging'
    const command =
      operation === 'CreatePipeline'
        ? new CreatePipelineCommand({ pipeline })
        : new UpdatePipelineCommand({ pipeline })
    const err = await aws.codepipeline.send(command as never).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(errorClass)
    expect((err as Error).name).toBe(code)
    expect((err as Error).message).toMatch(message)
  })
})

it('rejects a name already in use with PipelineNameInUseException', async () => {
  await aws.codepipeline.send(new CreatePipelineCommand({ pipeline: shopPipeline({ name: 'taken' }) }))
  const err = await aws.codepipeline
    .send(new CreatePipelineCommand({ pipeline: shopPipeline({ name: 'taken' }) }))
    .catch((e) => e)
  expect(err).toBeInstanceOf(PipelineNameInUseException)
})

it('answers UpdatePipeline and GetPipeline of an unknown pipeline with PipelineNotFoundException', async () => {
  const update = await aws.codepipeline
    .send(new UpdatePipelineCommand({ pipeline: shopPipeline({ name: 'ghost' }) }))
    .catch((e) => e)
  expect(update).toBeInstanceOf(PipelineNotFoundException)
  const get = await aws.codepipeline.send(new GetPipelineCommand({ name: 'ghost' })).catch((e) => e)
  expect(get).toBeInstanceOf(PipelineNotFoundException)
})

it('masks a GitHub v1 OAuthToken on reads and keeps it when updated with the mask', async () => {
  const pipeline = shopPipeline({ name: 'github-v1', pipelineType: 'V1', variables: undefined })
  must(firstOf(pipeline.stages).actions, 'the source actions')[0] = {
    name: 'Source',
    actionTypeId: { category: 'Source', owner: 'ThirdParty', provider: 'GitHub', version: '1' },
    configuration: {
      Owner: 'acme',
      Repo: 'shop',
      Branch: 'main',
      OAuthToken: 'ghp_secret',
      PollForSourceChanges: 'false',
    },
    outputArtifacts: [{ name: 'SourceArtifact' }],
  }
  const created = await aws.codepipeline.send(new CreatePipelineCommand({ pipeline }))
  expect(created.pipeline?.stages?.[0]?.actions?.[0]?.configuration?.OAuthToken).toBe('****')
  const got = await aws.codepipeline.send(new GetPipelineCommand({ name: 'github-v1' }))
  expect(got.pipeline?.stages?.[0]?.actions?.[0]?.configuration).toMatchObject({
    OAuthToken: '****',
    Owner: 'acme',
  })
  const updated = await aws.codepipeline.send(new UpdatePipelineCommand({ pipeline: got.pipeline! }))
  expect(updated.pipeline?.version).toBe(2)
  const engine = emu.world.states.codepipeline as {
    pipelines: Map<string, { versions: PipelineDeclaration[] }>
  }
  expect(action(nth(engine.pipelines.get('github-v1')?.versions, 1), 0).configuration?.OAuthToken).toBe(
    'ghp_secret',
  )
})

it('stores a manual approval stage and a stage rollback and returns them as sent, with defaults filled in', async () => {
  const pipeline = shopPipeline({ name: 'guarded', executionMode: 'QUEUED' })
  pipeline.stages!.splice(
    3,
    0,
    approvalStage({
      NotificationArn: TOPIC,
      ExternalEntityLink: 'https://x.example.com',
      CustomData: 'Look',
    }),
  )
  nth(pipeline.stages, 4).onFailure = { result: 'ROLLBACK' }
  await aws.codepipeline.send(new CreatePipelineCommand({ pipeline }))
  const got = (await aws.codepipeline.send(new GetPipelineCommand({ name: 'guarded' }))).pipeline!
  expect(got.stages!.map((s) => s.name)).toEqual(['Source', 'Build', 'Test', 'Approval', 'Deploy'])
  expect(action(got, 3)).toEqual({
    name: 'Approval',
    actionTypeId: { category: 'Approval', owner: 'AWS', provider: 'Manual', version: '1' },
    runOrder: 1,
    configuration: {
      NotificationArn: TOPIC,
      ExternalEntityLink: 'https://x.example.com',
      CustomData: 'Look',
    },
    inputArtifacts: [],
    outputArtifacts: [],
  })
  expect(nth(got.stages, 4).onFailure).toEqual({ result: 'ROLLBACK' })
  expect(nth(got.stages, 3).onFailure).toBeUndefined()

  // Turned off by an update: neither is kept from the previous version.
  const plain = shopPipeline({ name: 'guarded', executionMode: 'QUEUED' })
  const updated = await aws.codepipeline.send(new UpdatePipelineCommand({ pipeline: plain }))
  expect(updated.pipeline!.stages!.map((s) => s.name)).toEqual(['Source', 'Build', 'Test', 'Deploy'])
  expect(nth(updated.pipeline?.stages, 3).onFailure).toBeUndefined()
})
