// Request validation comes from the vendored service models: required members, enums, lengths, ranges and
// patterns the models state are refused the way AWS's frontend words them, through the real SDK clients.
import {
  CodePipelineServiceException,
  CreatePipelineCommand,
  StartPipelineExecutionCommand,
} from '@aws-sdk/client-codepipeline'
import {
  StopServiceDeploymentCommand,
  DescribeServiceDeploymentsCommand,
  ECSClient,
  InvalidParameterException,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs'
import { startEmulator, type Emulator } from '../index.js'
import { clientConfig, clients, shopPipeline } from './helpers.js'

let emu: Emulator
afterEach(() => emu.stop())

function refused(): never {
  throw new Error('the emulator accepted the request')
}

describe('ECS', () => {
  let ecs: ECSClient
  beforeEach(async () => {
    emu = await startEmulator({ scenario: 'validate-healthy' })
    ecs = new ECSClient(clientConfig(emu))
  })
  afterEach(() => ecs.destroy())

  const refusal = (command: object): Promise<Error> =>
    ecs.send(command as never).then(refused, (e: unknown) => e as Error)
  const update = (deploymentConfiguration: object) =>
    refusal(new UpdateServiceCommand({ cluster: 'shop-prod', service: 'shop', deploymentConfiguration }))

  it.each([
    [
      'a missing required member',
      () => refusal(new UpdateServiceCommand({ cluster: 'shop-prod' } as never)),
      "1 validation error detected: Value null at 'service' failed to satisfy constraint: Member must not be null",
    ],
    [
      'a lifecycle stage outside the enum',
      () => update({ lifecycleHooks: [{ targetType: 'PAUSE', lifecycleStages: ['AFTER_LUNCH'] }] }),
      "1 validation error detected: Value 'AFTER_LUNCH' at 'deploymentConfiguration.lifecycleHooks.1.member.lifecycleStages.1.member' failed to satisfy constraint: Member must satisfy enum value set: [RECONCILE_SERVICE, PRE_SCALE_UP, POST_SCALE_UP, TEST_TRAFFIC_SHIFT, POST_TEST_TRAFFIC_SHIFT, PRE_PRODUCTION_TRAFFIC_SHIFT, PRODUCTION_TRAFFIC_SHIFT, POST_PRODUCTION_TRAFFIC_SHIFT]",
    ],
    [
      'a lifecycle hook timeout out of range, and a strategy outside the enum',
      () =>
        update({
          strategy: 'BIG_BANG',
          lifecycleHooks: [{ targetType: 'PAUSE', timeoutConfiguration: { timeoutInMinutes: 0 } }],
        }),
      "2 validation errors detected: Value 'BIG_BANG' at 'deploymentConfiguration.strategy' failed to satisfy constraint: Member must satisfy enum value set: [ROLLING, BLUE_GREEN, LINEAR, CANARY]; Value 0 at 'deploymentConfiguration.lifecycleHooks.1.member.timeoutConfiguration.timeoutInMinutes' failed to satisfy constraint: Member must have value greater than or equal to 1",
    ],
  ])('refuses %s with InvalidParameterException', async (_name, send, message) => {
    const err = await send()
    expect(err).toBeInstanceOf(InvalidParameterException)
    expect(err.message).toBe(message)
  })

  it('checks DescribeServiceDeployments, which the aws-sdk v2 model did not know, against the model', async () => {
    const err = await refusal(new DescribeServiceDeploymentsCommand({} as never))
    expect(err).toBeInstanceOf(InvalidParameterException)
    expect(err.message).toBe(
      "1 validation error detected: Value null at 'serviceDeploymentArns' failed to satisfy constraint: Member must not be null",
    )
  })

  it('answers StopServiceDeployment, modelled but not emulated, with 501 NotImplemented', async () => {
    const err = await refusal(new StopServiceDeploymentCommand({ serviceDeploymentArn: 'a' }))
    expect(err.name).toBe('NotImplemented')
    expect((err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode).toBe(501)
  })
})

describe('CodePipeline', () => {
  let aws: ReturnType<typeof clients>
  beforeEach(async () => {
    emu = await startEmulator({ scenario: 'healthy-release' })
    aws = clients(emu)
  })
  afterEach(() => aws.destroy())

  const refusal = (command: object): Promise<Error> =>
    aws.codepipeline.send(command as never).then(refused, (e: unknown) => e as Error)
  const start = (input: object) =>
    refusal(new StartPipelineExecutionCommand({ name: 'shop-staging', ...input }))
  const configuration = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`Key${i}`, 'v']))

  it.each([
    [
      'a missing required member',
      () => refusal(new StartPipelineExecutionCommand({} as never)),
      "Value null at 'name' failed to satisfy constraint: Member must not be null",
    ],
    [
      'a name longer than the model allows',
      () => refusal(new StartPipelineExecutionCommand({ name: 'p'.repeat(101) })),
      `Value '${'p'.repeat(101)}' at 'name' failed to satisfy constraint: Member must have length less than or equal to 100`,
    ],
    [
      'a source revision type outside the enum',
      () =>
        start({ sourceRevisions: [{ actionName: 'Source', revisionType: 'BRANCH', revisionValue: 'main' }] }),
      "Value 'BRANCH' at 'sourceRevisions.1.member.revisionType' failed to satisfy constraint: Member must satisfy enum value set: [COMMIT_ID, IMAGE_DIGEST, S3_OBJECT_VERSION_ID, S3_OBJECT_KEY]",
    ],
    [
      "a client request token the model's pattern refuses",
      () => start({ clientRequestToken: 'not a token!' }),
      "Value 'not a token!' at 'clientRequestToken' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9-]+$",
    ],
    [
      'a tag key longer than the model allows (never in the hand-written table)',
      () =>
        refusal(
          new CreatePipelineCommand({
            pipeline: shopPipeline({ name: 'tagged' }),
            tags: [{ key: 'k'.repeat(129), value: 'v' }],
          }),
        ),
      `Value '${'k'.repeat(129)}' at 'tags.1.member.key' failed to satisfy constraint: Member must have length less than or equal to 128`,
    ],
    [
      'an action configuration of 201 keys (hand-written: the model states no bound)',
      () => {
        const pipeline = shopPipeline({ name: 'configured' })
        pipeline.stages![1]!.actions![0]!.configuration = configuration
        return refusal(new CreatePipelineCommand({ pipeline }))
      },
      "at 'pipeline.stages.2.member.actions.1.member.configuration' failed to satisfy constraint: Member must have length less than or equal to 200",
    ],
  ])('refuses %s with ValidationException', async (_name, send, message) => {
    const err = await send()
    expect(err).toBeInstanceOf(CodePipelineServiceException)
    expect(err.name).toBe('ValidationException')
    expect(err.message).toContain(message)
  })
})
