// Executions through the real SDK: what the write calls do, the execution modes, stage retry and failures.
import { BatchGetBuildsCommand } from '@aws-sdk/client-codebuild'
import { GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs'
import {
  CodePipelineServiceException,
  CreatePipelineCommand,
  DuplicatedStopRequestException,
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  InvalidNextTokenException,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  PipelineExecutionNotFoundException,
  PipelineExecutionNotStoppableException,
  PipelineExecutionOutdatedException,
  RollbackStageCommand,
  StageNotFoundException,
  StartPipelineExecutionCommand,
  StopPipelineExecutionCommand,
  UnableToRollbackStageException,
  UpdatePipelineCommand,
  type PipelineDeclaration,
} from '@aws-sdk/client-codepipeline'
import { startEmulator, type Emulator, type Scenario } from '../index.js'
import { codepipelinePlugin } from '../services/codepipeline/index.js'
import { repositoriesPlugin } from '../services/repositories/index.js'
import { clients, seconds, shopPipeline } from './helpers.js'
import { firstOf, nth } from './must.js'

const HEAD = 'abcdef0123456789abcdef0123456789abcdef01'
const repositories = { 'acme/shop': { staging: [{ sha: HEAD, message: 'Head of staging', at: -100 }] } }
let emu: Emulator
let aws: ReturnType<typeof clients>
let t0: number

async function start(scenario: string | Scenario = { repositories }, withEcs = false) {
  const plugins = withEcs ? undefined : [repositoriesPlugin, codepipelinePlugin]
  emu = await startEmulator({ scenario, plugins, start: '2026-01-15T10:00:00Z' })
  aws = clients(emu)
  t0 = emu.clock.now()
}
afterEach(async () => {
  aws.destroy()
  await emu.stop()
})

/** Move the manual clock to `s` seconds after the start. */
const at = (s: number) => emu.clock.advance(t0 + seconds(s) - emu.clock.now())
const cp = () => aws.codepipeline
const create = (p: PipelineDeclaration = shopPipeline()) =>
  cp().send(new CreatePipelineCommand({ pipeline: p }))
const startRun = (input: Partial<ConstructorParameters<typeof StartPipelineExecutionCommand>[0]> = {}) =>
  cp()
    .send(new StartPipelineExecutionCommand({ name: 'shop-staging', ...input }))
    .then((o) => o.pipelineExecutionId!)
const get = (id: string, name = 'shop-staging') =>
  cp()
    .send(new GetPipelineExecutionCommand({ pipelineName: name, pipelineExecutionId: id }))
    .then((o) => o.pipelineExecution!)
const list = (name = 'shop-staging') =>
  cp()
    .send(new ListPipelineExecutionsCommand({ pipelineName: name }))
    .then((o) => o.pipelineExecutionSummaries!)
const state = (name = 'shop-staging') => cp().send(new GetPipelineStateCommand({ name }))
const actions = (id: string, name = 'shop-staging') =>
  cp()
    .send(new ListActionExecutionsCommand({ pipelineName: name, filter: { pipelineExecutionId: id } }))
    .then((o) => o.actionExecutionDetails!)

describe('CreatePipeline', () => {
  it('starts a first execution on the branch head, as AWS does', async () => {
    await start()
    await create()
    const first = firstOf(await list())
    expect(first).toMatchObject({ status: 'InProgress', trigger: { triggerType: 'CreatePipeline' } })
    at(6)
    expect((await list())[0]?.sourceRevisions?.[0]?.revisionId).toBe(HEAD)
    at(5 + 60 + 45 + 90)
    expect((await get(first.pipelineExecutionId!)).status).toBe('Succeeded')
  })
})

describe('StartPipelineExecution', () => {
  beforeEach(async () => {
    await start()
    await create()
  })

  it('returns the same execution for the same clientRequestToken', async () => {
    const a = await startRun({ clientRequestToken: 'release-42' })
    const b = await startRun({ clientRequestToken: 'release-42' })
    expect(b).toBe(a)
    expect((await list()).length).toBe(2)
  })

  it('runs the pinned revision and the given variables', async () => {
    const id = await startRun({
      sourceRevisions: [
        {
          actionName: 'Source',
          revisionType: 'COMMIT_ID',
          revisionValue: 'fedcba9876543210fedcba9876543210fedcba98',
        },
      ],
      variables: [{ name: 'VERSION', value: 'v1.4.0' }],
    })
    at(10)
    const e = await get(id)
    expect(e.artifactRevisions?.[0]?.revisionId).toBe('fedcba9876543210fedcba9876543210fedcba98')
    expect(e.variables).toEqual([{ name: 'VERSION', resolvedValue: 'v1.4.0' }])
    expect(e.trigger?.triggerType).toBe('StartPipelineExecution')
  })

  it('rejects a variable the pipeline does not declare', async () => {
    const err = await startRun({ variables: [{ name: 'NOPE', value: 'x' }] }).catch((e) => e)
    expect(err).toBeInstanceOf(CodePipelineServiceException)
    expect(err.name).toBe('ValidationException')
  })

  it('answers an unknown execution id with PipelineExecutionNotFoundException', async () => {
    const err = await get('00000000-0000-4000-8000-000000000000').catch((e) => e)
    expect(err).toBeInstanceOf(PipelineExecutionNotFoundException)
  })
})

describe('UpdatePipeline', () => {
  it('bumps the version and cancels executions in flight', async () => {
    await start()
    await create()
    const first = firstOf(await list())
    at(20)
    const out = await cp().send(new UpdatePipelineCommand({ pipeline: shopPipeline() }))
    expect(out.pipeline?.version).toBe(2)
    expect((await get(first.pipelineExecutionId!)).status).toBe('Cancelled')
    const build = (await actions(first.pipelineExecutionId!)).find((a) => a.actionName === 'Build')
    expect(build?.status).toBe('Abandoned')
    expect((await state()).pipelineVersion).toBe(2)
  })
})

describe('StopPipelineExecution', () => {
  beforeEach(async () => {
    await start()
    await create()
  })

  it('lets the running action finish, then stops (Stopping → Stopped)', async () => {
    const run = firstOf(await list())
    at(10)
    await cp().send(
      new StopPipelineExecutionCommand({
        pipelineName: 'shop-staging',
        pipelineExecutionId: run.pipelineExecutionId!,
        reason: 'hotfix',
      }),
    )
    expect((await get(run.pipelineExecutionId!)).status).toBe('Stopping')
    const again = await cp()
      .send(
        new StopPipelineExecutionCommand({
          pipelineName: 'shop-staging',
          pipelineExecutionId: run.pipelineExecutionId!,
        }),
      )
      .catch((e) => e)
    expect(again).toBeInstanceOf(DuplicatedStopRequestException)
    at(66)
    expect((await get(run.pipelineExecutionId!)).status).toBe('Stopped')
    expect((await list())[0]?.stopTrigger).toEqual({ reason: 'hotfix' })
    expect((await actions(run.pipelineExecutionId!)).find((a) => a.actionName === 'Build')?.status).toBe(
      'Succeeded',
    )
    const stopped = await cp()
      .send(
        new StopPipelineExecutionCommand({
          pipelineName: 'shop-staging',
          pipelineExecutionId: run.pipelineExecutionId!,
        }),
      )
      .catch((e) => e)
    expect(stopped).toBeInstanceOf(PipelineExecutionNotStoppableException)
  })

  it('abandons the running action when asked to', async () => {
    const run = firstOf(await list())
    at(10)
    await cp().send(
      new StopPipelineExecutionCommand({
        pipelineName: 'shop-staging',
        pipelineExecutionId: run.pipelineExecutionId!,
        abandon: true,
      }),
    )
    expect((await get(run.pipelineExecutionId!)).status).toBe('Stopping')
    at(12)
    expect((await get(run.pipelineExecutionId!)).status).toBe('Stopped')
    const build = (await actions(run.pipelineExecutionId!)).find((a) => a.actionName === 'Build')!
    expect(build.status).toBe('Abandoned')
    const builds = await aws.codebuild.send(
      new BatchGetBuildsCommand({ ids: [build.output!.executionResult!.externalExecutionId!] }),
    )
    expect(builds.builds?.[0]?.buildStatus).toBe('STOPPED')
  })
})

describe('RollbackStage', () => {
  beforeEach(async () => {
    await start()
    await create()
  })

  it('starts a ROLLBACK execution of the stage with the target revision', async () => {
    const first = firstOf(await list())
    at(200)
    const second = await startRun({
      sourceRevisions: [
        {
          actionName: 'Source',
          revisionType: 'COMMIT_ID',
          revisionValue: '9999999999999999999999999999999999999999',
        },
      ],
    })
    at(400)
    const { pipelineExecutionId } = await cp().send(
      new RollbackStageCommand({
        pipelineName: 'shop-staging',
        stageName: 'Deploy',
        targetPipelineExecutionId: first.pipelineExecutionId!,
      }),
    )
    expect(pipelineExecutionId).not.toBe(second)
    const rollback = await get(pipelineExecutionId!)
    expect(rollback).toMatchObject({
      executionType: 'ROLLBACK',
      trigger: { triggerType: 'ManualRollback' },
      rollbackMetadata: { rollbackTargetPipelineExecutionId: first.pipelineExecutionId },
    })
    expect(rollback.artifactRevisions?.[0]?.revisionId).toBe(HEAD)
    at(400 + 91)
    expect((await get(pipelineExecutionId!)).status).toBe('Succeeded')
    expect((await actions(pipelineExecutionId!)).map((a) => a.stageName)).toEqual(['Deploy'])
    const deploy = (await state()).stageStates?.find((s) => s.stageName === 'Deploy')
    expect(deploy?.latestExecution).toMatchObject({ pipelineExecutionId, type: 'ROLLBACK' })
  })

  it('is refused when the target is itself a rollback execution (AWS: not a rollback execution type)', async () => {
    const first = firstOf(await list())
    at(200)
    await startRun()
    at(400)
    const rollback = await cp().send(
      new RollbackStageCommand({
        pipelineName: 'shop-staging',
        stageName: 'Deploy',
        targetPipelineExecutionId: first.pipelineExecutionId!,
      }),
    )
    at(500)
    expect((await get(rollback.pipelineExecutionId!)).status).toBe('Succeeded')
    await startRun()
    at(800)
    const err = await cp()
      .send(
        new RollbackStageCommand({
          pipelineName: 'shop-staging',
          stageName: 'Deploy',
          targetPipelineExecutionId: rollback.pipelineExecutionId!,
        }),
      )
      .catch((e) => e)
    expect(err).toBeInstanceOf(UnableToRollbackStageException)
    expect(err.message).toMatch(/is a rollback execution/)
  })

  it.each([
    ['the target did not succeed in the stage', 'running', UnableToRollbackStageException],
    ['the stage does not exist', 'nostage', StageNotFoundException],
    ['the target is the latest in the stage', 'latest', UnableToRollbackStageException],
    ['the target ran on an older pipeline version', 'outdated', PipelineExecutionOutdatedException],
    ['the target does not exist', 'missing', PipelineExecutionNotFoundException],
  ])('is refused when %s', async (_why, kind, errorClass) => {
    const first = firstOf(await list())
    let stageName = 'Deploy'
    let target = first.pipelineExecutionId!
    if (kind === 'running') at(10)
    else at(200)
    if (kind === 'nostage') stageName = 'Nope'
    if (kind === 'outdated') await cp().send(new UpdatePipelineCommand({ pipeline: shopPipeline() }))
    if (kind === 'missing') target = '00000000-0000-4000-8000-000000000000'
    const err = await cp()
      .send(
        new RollbackStageCommand({
          pipelineName: 'shop-staging',
          stageName,
          targetPipelineExecutionId: target,
        }),
      )
      .catch((e) => e)
    expect(err).toBeInstanceOf(errorClass)
  })

  it('is refused in PARALLEL mode', async () => {
    await create(shopPipeline({ name: 'par', executionMode: 'PARALLEL' }))
    at(200)
    const first = firstOf(await list('par'))
    const err = await cp()
      .send(
        new RollbackStageCommand({
          pipelineName: 'par',
          stageName: 'Deploy',
          targetPipelineExecutionId: first.pipelineExecutionId!,
        }),
      )
      .catch((e) => e)
    expect(err).toBeInstanceOf(UnableToRollbackStageException)
    expect(err.message).toContain('PARALLEL')
  })
})

describe('execution modes', () => {
  it('SUPERSEDED: a newer execution waiting for a stage replaces the older one (superseded scenario)', async () => {
    await start('superseded', true)
    const [A, B, C] = [
      'aaaaaaaa-0000-4000-8000-000000000001',
      'bbbbbbbb-0000-4000-8000-000000000002',
      'cccccccc-0000-4000-8000-000000000003',
    ]
    at(30)
    let s = await state()
    expect(s.stageStates?.[1]?.inboundExecution?.pipelineExecutionId).toBe(B)
    at(50)
    expect((await get(B)).status).toBe('Superseded')
    s = await state()
    expect(s.stageStates?.map((x) => x.latestExecution?.pipelineExecutionId)).toEqual([
      C,
      A,
      undefined,
      undefined,
    ])
    at(1000)
    expect([(await get(A)).status, (await get(C)).status]).toEqual(['Succeeded', 'Succeeded'])
    expect((await list()).map((e) => e.sourceRevisions?.[0]?.revisionId?.[0])).toEqual(['3', '2', '1'])
  })

  it('QUEUED: executions wait their turn and all run', async () => {
    await start()
    await create(shopPipeline({ executionMode: 'QUEUED' }))
    at(1)
    const second = await startRun()
    const third = await startRun()
    at(16) // Source is one at a time too: 0–5, 5–10, 10–15
    const inbound = (await state()).stageStates?.[1]?.inboundExecutions?.map((e) => e.pipelineExecutionId)
    expect(inbound).toEqual([second, third])
    at(2000)
    expect((await list()).map((e) => e.status)).toEqual(['Succeeded', 'Succeeded', 'Succeeded'])
  })

  it('PARALLEL: executions run side by side; ListActionExecutions tells them apart', async () => {
    await start()
    await create(shopPipeline({ executionMode: 'PARALLEL' }))
    at(1)
    const second = await startRun()
    at(30)
    const [a, b] = await list()
    expect([a?.status, b?.status]).toEqual(['InProgress', 'InProgress'])
    const mine = await actions(second)
    expect(mine.every((d) => d.pipelineExecutionId === second)).toBe(true)
    expect(mine.map((d) => [d.actionName, d.status])).toEqual([
      ['Build', 'InProgress'],
      ['Source', 'Succeeded'],
    ])
  })
})

describe('ListPipelineExecutions paging', () => {
  it('pages with nextToken, newest first, and rejects a bad token', async () => {
    await start()
    await create(shopPipeline({ executionMode: 'PARALLEL' }))
    for (let i = 0; i < 4; i++) {
      at(i + 1)
      await startRun()
    }
    const page1 = await cp().send(
      new ListPipelineExecutionsCommand({ pipelineName: 'shop-staging', maxResults: 2 }),
    )
    const page2 = await cp().send(
      new ListPipelineExecutionsCommand({
        pipelineName: 'shop-staging',
        maxResults: 2,
        nextToken: page1.nextToken,
      }),
    )
    const page3 = await cp().send(
      new ListPipelineExecutionsCommand({
        pipelineName: 'shop-staging',
        maxResults: 2,
        nextToken: page2.nextToken,
      }),
    )
    const all = [
      ...page1.pipelineExecutionSummaries!,
      ...page2.pipelineExecutionSummaries!,
      ...page3.pipelineExecutionSummaries!,
    ]
    expect(all).toHaveLength(5)
    expect(page3.nextToken).toBeUndefined()
    const times = all.map((e) => e.startTime!.getTime())
    expect([...times].sort((x, y) => y - x)).toEqual(times)
    const err = await cp()
      .send(new ListPipelineExecutionsCommand({ pipelineName: 'shop-staging', nextToken: 'garbage' }))
      .catch((e) => e)
    expect(err).toBeInstanceOf(InvalidNextTokenException)
  })
})

describe('stage-retry scenario', () => {
  it('retries the failed action automatically and carries on', async () => {
    await start('stage-retry', true)
    const id = '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b'
    at(5 + 60 + 45 + 1) // UnitTest failed at 95 s; the stage retries once IntegrationTest is done at 110 s
    const test = (await state()).stageStates?.find((s) => s.stageName === 'Test') as Record<string, any>
    expect(test.latestExecution.status).toBe('InProgress')
    expect(test.retryStageMetadata).toEqual({
      autoStageRetryAttempt: 1,
      manualStageRetryAttempt: 0,
      latestRetryTrigger: 'AutomatedStageRetry',
    })
    expect((await get(id)).status).toBe('InProgress')
    at(1000)
    expect((await get(id)).status).toBe('Succeeded')
    const unit = (await actions(id)).filter((a) => a.actionName === 'UnitTest').map((a) => a.status)
    expect(unit).toEqual(['Succeeded', 'Failed'])
  })
})

describe('integration-fails scenario', () => {
  it('fails the execution and explains it through CodeBuild and the build log', async () => {
    await start('integration-fails')
    const id = '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d'
    at(5 + 60 + 45 + 1)
    expect((await get(id)).status).toBe('Failed')
    const failed = (await actions(id)).find((a) => a.status === 'Failed')!
    expect(failed.actionName).toBe('IntegrationTest')
    expect(failed.output?.executionResult).toMatchObject({
      externalExecutionSummary: 'Build terminated with state: FAILED',
      errorDetails: { code: 'JobFailed', message: 'Build terminated with state: FAILED' },
    })
    const test = (await state()).stageStates?.find((s) => s.stageName === 'Test')
    expect(test?.latestExecution?.status).toBe('Failed')
    expect(nth((await state()).stageStates, 3).latestExecution).toBeUndefined()

    const { builds } = await aws.codebuild.send(
      new BatchGetBuildsCommand({ ids: [failed.output!.executionResult!.externalExecutionId!] }),
    )
    const build = firstOf(builds)
    expect(build.buildStatus).toBe('FAILED')
    const phase = build.phases?.find((p) => p.phaseStatus === 'FAILED')
    expect(phase).toMatchObject({
      phaseType: 'BUILD',
      contexts: [
        {
          statusCode: 'COMMAND_EXECUTION_ERROR',
          message: expect.stringContaining('npm run test:integration'),
        },
      ],
    })
    expect(build.phases?.map((p) => p.phaseType).slice(-2)).toEqual(['FINALIZING', 'COMPLETED'])

    const first = await aws.logs.send(
      new GetLogEventsCommand({
        logGroupName: build.logs!.groupName,
        logStreamName: build.logs!.streamName,
        startFromHead: true,
        limit: 5,
      }),
    )
    const rest = await aws.logs.send(
      new GetLogEventsCommand({
        logGroupName: build.logs!.groupName,
        logStreamName: build.logs!.streamName,
        nextToken: first.nextForwardToken,
      }),
    )
    const text = [...first.events!, ...rest.events!].map((e) => e.message).join('\n')
    expect(text).toContain('Received: 500')
    expect(text).toContain('Phase complete: BUILD State: FAILED')
    const end = await aws.logs.send(
      new GetLogEventsCommand({
        logGroupName: build.logs!.groupName,
        logStreamName: build.logs!.streamName,
        nextToken: rest.nextForwardToken,
      }),
    )
    expect(end.events).toEqual([])
    expect(end.nextForwardToken).toBe(rest.nextForwardToken)
  })

  it('answers an unknown log stream with ResourceNotFoundException', async () => {
    await start('integration-fails')
    at(200)
    const err = await aws.logs
      .send(
        new GetLogEventsCommand({ logGroupName: '/aws/codebuild/shop-staging-test', logStreamName: 'nope' }),
      )
      .catch((e) => e)
    expect(err.name).toBe('ResourceNotFoundException')
  })
})

describe('per-commit timelines', () => {
  it('apply to an API-started execution of that commit, and only to it', async () => {
    const other = '1111111111111111111111111111111111111111'
    await start({
      repositories,
      codepipeline: { commits: { [other]: { IntegrationTest: { outcome: 'Failed', durationSeconds: 10 } } } },
    })
    await create()
    const first = firstOf(await list()).pipelineExecutionId!
    at(300)
    expect((await get(first)).status).toBe('Succeeded')
    const failing = await startRun({
      sourceRevisions: [{ actionName: 'Source', revisionType: 'COMMIT_ID', revisionValue: other }],
    })
    at(600)
    expect((await get(failing)).status).toBe('Failed')
    const failed = (await actions(failing)).filter((a) => a.status === 'Failed').map((a) => a.actionName)
    expect(failed).toEqual(['IntegrationTest'])
  })
})
