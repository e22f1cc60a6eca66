// The healthy-release scenario through the real SDK clients: every read CodePipeline, CodeBuild and Logs offer.
import { BatchGetBuildsCommand } from '@aws-sdk/client-codebuild'
import {
  GetPipelineCommand,
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
} from '@aws-sdk/client-codepipeline'
import { GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs'
import { startEmulator, type Emulator } from '../index.js'
import { clients, seconds } from './helpers.js'
import { firstOf } from './must.js'

const EXECUTION = '1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a'
const COMMIT = '4f1c9e2a7b3d5e8f0a1b2c3d4e5f6a7b8c9d0e1f'
let emu: Emulator
let aws: ReturnType<typeof clients>

beforeEach(async () => {
  emu = await startEmulator({ scenario: 'healthy-release', start: '2026-01-15T10:00:00Z' })
  aws = clients(emu)
})
afterEach(async () => {
  aws.destroy()
  await emu.stop()
})

const execution = () =>
  aws.codepipeline.send(
    new GetPipelineExecutionCommand({ pipelineName: 'shop-staging', pipelineExecutionId: EXECUTION }),
  )

it('has no execution before the scheduled push', async () => {
  const out = await aws.codepipeline.send(new ListPipelineExecutionsCommand({ pipelineName: 'shop-staging' }))
  expect(out.pipelineExecutionSummaries).toEqual([])
})

it('reports the source revision once the source action has succeeded', async () => {
  emu.clock.advance(seconds(31))
  let list = await aws.codepipeline.send(new ListPipelineExecutionsCommand({ pipelineName: 'shop-staging' }))
  expect(list.pipelineExecutionSummaries?.[0]).toMatchObject({
    pipelineExecutionId: EXECUTION,
    status: 'InProgress',
    startTime: new Date('2026-01-15T10:00:30Z'),
    trigger: { triggerType: 'WebhookV2' },
    executionMode: 'SUPERSEDED',
    sourceRevisions: [],
  })
  emu.clock.advance(seconds(5))
  list = await aws.codepipeline.send(new ListPipelineExecutionsCommand({ pipelineName: 'shop-staging' }))
  expect(list.pipelineExecutionSummaries?.[0]?.sourceRevisions).toEqual([
    expect.objectContaining({
      actionName: 'Source',
      revisionId: COMMIT,
      revisionUrl: expect.stringContaining(COMMIT),
    }),
  ])
  const { pipelineExecution } = await execution()
  expect(pipelineExecution?.artifactRevisions?.[0]).toMatchObject({
    name: 'SourceArtifact',
    revisionId: COMMIT,
  })
  expect(pipelineExecution?.variables).toEqual([{ name: 'VERSION', resolvedValue: 'latest' }])
})

it('runs the stages in order, the two tests in parallel, and succeeds', async () => {
  emu.clock.advance(seconds(30 + 5 + 60 + 1))
  let state = await aws.codepipeline.send(new GetPipelineStateCommand({ name: 'shop-staging' }))
  expect(state.stageStates?.map((s) => [s.stageName, s.latestExecution?.status])).toEqual([
    ['Source', 'Succeeded'],
    ['Build', 'Succeeded'],
    ['Test', 'InProgress'],
    ['Deploy', undefined],
  ])
  expect(state.stageStates?.[2]?.actionStates?.map((a) => a.latestExecution?.status)).toEqual([
    'InProgress',
    'InProgress',
  ])
  emu.clock.advance(seconds(45 + 90))
  expect((await execution()).pipelineExecution?.status).toBe('Succeeded')
  state = await aws.codepipeline.send(new GetPipelineStateCommand({ name: 'shop-staging' }))
  expect(state.stageStates?.every((s) => s.latestExecution?.status === 'Succeeded')).toBe(true)
  expect(state.pipelineVersion).toBe(1)
})

it('lists the action executions of the execution, newest first, with the build ids', async () => {
  emu.clock.advance(seconds(300))
  const out = await aws.codepipeline.send(
    new ListActionExecutionsCommand({
      pipelineName: 'shop-staging',
      filter: { pipelineExecutionId: EXECUTION },
    }),
  )
  const details = out.actionExecutionDetails ?? []
  expect(details.map((d) => d.stageName)).toEqual(['Deploy', 'Test', 'Test', 'Build', 'Source'])
  const build = details.find((d) => d.actionName === 'Build')!
  expect(build.output?.executionResult?.externalExecutionId).toMatch(/^shop-staging-build:[0-9a-f-]{36}$/)
  expect(build.input?.resolvedConfiguration?.EnvironmentVariables).toContain('"value":"latest"')
  const source = details.find((d) => d.actionName === 'Source')!
  expect(source.output?.outputVariables).toMatchObject({ CommitId: COMMIT, BranchName: 'staging' })

  const builds = await aws.codebuild.send(
    new BatchGetBuildsCommand({ ids: [build.output!.executionResult!.externalExecutionId!, 'nope:1'] }),
  )
  expect(builds.buildsNotFound).toEqual(['nope:1'])
  expect(builds.builds?.[0]).toMatchObject({
    projectName: 'shop-staging-build',
    buildStatus: 'SUCCEEDED',
    buildComplete: true,
    currentPhase: 'COMPLETED',
    resolvedSourceVersion: COMMIT,
    initiator: 'codepipeline/shop-staging',
    logs: { groupName: '/aws/codebuild/shop-staging-build' },
  })
  expect(builds.builds?.[0]?.phases?.at(-1)).toEqual({ phaseType: 'COMPLETED', startTime: expect.any(Date) })
  const logs = firstOf(builds.builds).logs!
  expect(logs.deepLink).toBe(
    `https://console.aws.amazon.com/cloudwatch/home?region=us-east-1#logEvent:group=${logs.groupName};stream=${logs.streamName}`,
  )
  const events = await aws.logs.send(
    new GetLogEventsCommand({
      logGroupName: logs.groupName,
      logStreamName: logs.streamName,
      startFromHead: true,
    }),
  )
  expect(events.events?.[0]?.message).toContain('Entering phase DOWNLOAD_SOURCE')
})

it('gives back the stored declaration with defaults and metadata', async () => {
  const out = await aws.codepipeline.send(new GetPipelineCommand({ name: 'shop-staging' }))
  expect(out.pipeline).toMatchObject({
    name: 'shop-staging',
    version: 1,
    executionMode: 'SUPERSEDED',
    pipelineType: 'V2',
  })
  const source = firstOf(firstOf(out.pipeline?.stages).actions)
  expect(source).toMatchObject({
    runOrder: 1,
    inputArtifacts: [],
    outputArtifacts: [{ name: 'SourceArtifact' }],
  })
  expect(out.metadata).toMatchObject({
    pipelineArn: 'arn:aws:codepipeline:us-east-1:123456789012:shop-staging',
  })
  expect(out.metadata?.created).toBeInstanceOf(Date)
})

it('starts the ECS deployment when the deploy action starts', async () => {
  const { ECSClient, DescribeServicesCommand } = await import('@aws-sdk/client-ecs')
  const ecs = new ECSClient({
    endpoint: emu.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
  })
  emu.clock.advance(seconds(30 + 5 + 60 + 45 + 1))
  const out = await ecs.send(new DescribeServicesCommand({ cluster: 'shop-staging', services: ['shop'] }))
  ecs.destroy()
  const primary = out.services?.[0]?.deployments?.find((d) => d.status === 'PRIMARY')
  expect(primary?.createdAt).toEqual(new Date('2026-01-15T10:02:20Z'))
})
