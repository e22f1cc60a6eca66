// Waiting and ending states through the real SDK: manual approvals (pending, approved, rejected, expired),
// stops with their reason, stage-condition rules, Commands actions with their logs, automatic rollbacks.
import { GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs'
import {
  ApprovalAlreadyCompletedException,
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  InvalidApprovalTokenException,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  PutApprovalResultCommand,
  StopPipelineExecutionCommand,
} from '@aws-sdk/client-codepipeline'
import { startEmulator, type Emulator, type Scenario } from '../index.js'
import { codepipelinePlugin } from '../services/codepipeline/index.js'
import { repositoriesPlugin } from '../services/repositories/index.js'
import { clients, seconds } from './helpers.js'
import { firstOf } from './must.js'

const HEAD = 'abcdef0123456789abcdef0123456789abcdef01'
const RUN = '11111111-1111-4111-8111-111111111111'
let emu: Emulator
let aws: ReturnType<typeof clients>
let t0: number

/** shop-staging-gated: Build ‖ Lint (Commands), Release (Approve), Deploy (beforeEntry rule, onFailure ROLLBACK). */
async function start(opts: { actions?: Record<string, unknown>; executions?: unknown[] } = {}) {
  const scenario = {
    repositories: { 'acme/shop': { staging: [{ sha: HEAD, message: 'Head of staging', at: -100 }] } },
    codepipeline: {
      pipelines: [
        {
          declaration: 'shop-staging-gated',
          actions: {
            Source: { durationSeconds: 5 },
            Build: { durationSeconds: 60 },
            Lint: { durationSeconds: 30 },
            Approve: { approval: 'pending' },
            Deploy: { durationSeconds: 60 },
            ...opts.actions,
          },
          executions: opts.executions ?? [{ id: RUN, at: 0 }],
        },
      ],
    },
  } as Scenario
  emu = await startEmulator({ scenario, plugins: [repositoriesPlugin, codepipelinePlugin] })
  aws = clients(emu)
  t0 = emu.clock.now()
}
afterEach(async () => {
  aws.destroy()
  await emu.stop()
})

const at = (s: number) => emu.clock.advance(t0 + seconds(s) - emu.clock.now())
const cp = () => aws.codepipeline
const get = (id = RUN) =>
  cp()
    .send(new GetPipelineExecutionCommand({ pipelineName: 'shop-staging', pipelineExecutionId: id }))
    .then((o) => o.pipelineExecution!)
const stage = async (name: string) =>
  (await cp().send(new GetPipelineStateCommand({ name: 'shop-staging' }))).stageStates!.find(
    (s) => s.stageName === name,
  )!
const action = async (name: string, id = RUN) =>
  (
    await cp().send(
      new ListActionExecutionsCommand({ pipelineName: 'shop-staging', filter: { pipelineExecutionId: id } }),
    )
  ).actionExecutionDetails!.find((a) => a.actionName === name)!
const answer = (token: string, status: 'Approved' | 'Rejected', summary = 'looks good') =>
  cp().send(
    new PutApprovalResultCommand({
      pipelineName: 'shop-staging',
      stageName: 'Release',
      actionName: 'Approve',
      token,
      result: { status, summary },
    }),
  )
const openToken = async () => firstOf((await stage('Release')).actionStates).latestExecution!.token!

describe('manual approval', () => {
  it('waits for a person: the token is in GetPipelineState and ListActionExecutions; approved, the run goes on', async () => {
    await start()
    at(120)
    expect(await get()).toMatchObject({ status: 'InProgress' })
    const token = await openToken()
    expect(token).toMatch(/^[0-9a-f-]{36}$/)
    expect(await action('Approve')).toMatchObject({
      status: 'InProgress',
      output: { executionResult: { externalExecutionId: token } },
    })
    await expect(answer('00000000-0000-4000-8000-000000000000', 'Approved')).rejects.toBeInstanceOf(
      InvalidApprovalTokenException,
    )
    const { approvedAt } = await answer(token, 'Approved')
    expect(approvedAt?.getTime()).toBe(emu.clock.now())
    expect(await action('Approve')).toMatchObject({ status: 'Succeeded' })
    await expect(answer(token, 'Approved')).rejects.toBeInstanceOf(ApprovalAlreadyCompletedException)
    at(300)
    expect(await get()).toMatchObject({ status: 'Succeeded' })
  })

  it("rejected: the action fails with the reviewer's summary, and so does the execution", async () => {
    await start()
    at(120)
    await answer(await openToken(), 'Rejected', 'Preview shows a broken checkout')
    expect(await action('Approve')).toMatchObject({
      status: 'Failed',
      output: { executionResult: { externalExecutionSummary: 'Preview shows a broken checkout' } },
    })
    expect(await get()).toMatchObject({ status: 'Failed' })
  })

  it('unanswered, it expires after 7 days and the execution fails', async () => {
    await start()
    at(7 * 86400)
    expect(await get()).toMatchObject({ status: 'InProgress' })
    at(7 * 86400 + 120)
    expect(await action('Approve')).toMatchObject({
      status: 'Failed',
      output: { executionResult: { externalExecutionSummary: expect.stringMatching(/expired/) } },
    })
    expect(await get()).toMatchObject({ status: 'Failed' })
  })
})

describe('stopped with a reason', () => {
  it('abandon: the approval is Abandoned, the stage Stopped, the reason in stopTrigger', async () => {
    await start()
    at(120)
    await cp().send(
      new StopPipelineExecutionCommand({
        pipelineName: 'shop-staging',
        pipelineExecutionId: RUN,
        abandon: true,
        reason: 'Release postponed to Monday',
      }),
    )
    at(125)
    expect(await get()).toMatchObject({ status: 'Stopped' })
    expect(await action('Approve')).toMatchObject({ status: 'Abandoned' })
    expect((await stage('Release')).latestExecution).toMatchObject({
      pipelineExecutionId: RUN,
      status: 'Stopped',
    })
    const [summary] = (await cp().send(new ListPipelineExecutionsCommand({ pipelineName: 'shop-staging' })))
      .pipelineExecutionSummaries!
    expect(summary).toMatchObject({
      status: 'Stopped',
      stopTrigger: { reason: 'Release postponed to Monday' },
    })
  })
  it('a scenario stops it at a given moment, as StopPipelineExecution would', async () => {
    await start({ executions: [{ id: RUN, at: 0, stop: { at: 120, abandon: true, reason: 'Freeze' } }] })
    at(119)
    expect(await get()).toMatchObject({ status: 'InProgress' })
    at(125)
    expect(await get()).toMatchObject({ status: 'Stopped' })
    const [summary] = (await cp().send(new ListPipelineExecutionsCommand({ pipelineName: 'shop-staging' })))
      .pipelineExecutionSummaries!
    expect(summary).toMatchObject({ stopTrigger: { reason: 'Freeze' } })
  })
})

describe('Commands action', () => {
  it('reports its log stream (logStreamARN) in /aws/codepipeline/<pipeline>, readable with GetLogEvents', async () => {
    await start({
      actions: {
        Lint: {
          durationSeconds: 30,
          outcome: 'Failed',
          logLines: ['> eslint .', 'src/cart.ts:3:1 error no-undef'],
        },
      },
    })
    at(60)
    const lint = await action('Lint')
    expect(lint).toMatchObject({ status: 'Failed', input: { actionTypeId: { provider: 'Commands' } } })
    const arn = lint.output!.executionResult!.logStreamARN!
    expect(arn).toMatch(
      /^arn:aws:logs:us-east-1:\d{12}:log-group:\/aws\/codepipeline\/shop-staging:log-stream:.+$/,
    )
    const stream = arn.split(':log-stream:')[1]
    const { events } = await aws.logs.send(
      new GetLogEventsCommand({ logGroupName: '/aws/codepipeline/shop-staging', logStreamName: stream }),
    )
    expect(events!.map((e) => e.message)).toEqual(['> eslint .', 'src/cart.ts:3:1 error no-undef'])
  })
})

describe('stage condition', () => {
  it('a failed beforeEntry rule fails the stage before any action runs; GetPipelineState names the rule', async () => {
    await start({
      actions: {
        Approve: { durationSeconds: 10 },
        NoOpenAlarms: { outcome: 'Failed', summary: 'Alarm shop-staging-5xx is in ALARM' },
      },
    })
    at(200)
    expect(await get()).toMatchObject({ status: 'Failed' })
    const deploy = await stage('Deploy')
    expect(deploy.latestExecution).toMatchObject({ pipelineExecutionId: RUN, status: 'Failed' })
    expect(firstOf(deploy.actionStates).latestExecution).toBeUndefined()
    expect(deploy.beforeEntryConditionState).toMatchObject({
      latestExecution: { status: 'Failed' },
      conditionStates: [
        {
          latestExecution: { status: 'Failed' },
          ruleStates: [
            {
              ruleName: 'NoOpenAlarms',
              latestExecution: { status: 'Failed', summary: 'Alarm shop-staging-5xx is in ALARM' },
            },
          ],
        },
      ],
    })
  })
})

describe('automatic rollback (onFailure ROLLBACK)', () => {
  const GOOD = '22222222-2222-4222-8222-222222222222'
  it('a failed Deploy starts a ROLLBACK execution to the last execution that succeeded in the stage', async () => {
    await start({
      actions: { Approve: { durationSeconds: 10 } },
      executions: [
        { id: GOOD, at: 0 },
        { id: RUN, at: 400, actions: { Deploy: { durationSeconds: 30, outcome: 'Failed' } } },
      ],
    })
    at(600)
    expect(await get(RUN)).toMatchObject({ status: 'Failed' })
    const summaries = (await cp().send(new ListPipelineExecutionsCommand({ pipelineName: 'shop-staging' })))
      .pipelineExecutionSummaries!
    const rollback = firstOf(summaries, 'the rollback summaries')
    expect(rollback).toMatchObject({
      executionType: 'ROLLBACK',
      trigger: { triggerType: 'AutomatedRollback' },
      rollbackMetadata: { rollbackTargetPipelineExecutionId: GOOD },
    })
    at(800)
    expect(await get(rollback.pipelineExecutionId)).toMatchObject({
      status: 'Succeeded',
      executionType: 'ROLLBACK',
    })
  })

  it('with no execution that succeeded in the stage, nothing is rolled back', async () => {
    await start({
      actions: { Approve: { durationSeconds: 10 }, Deploy: { durationSeconds: 30, outcome: 'Failed' } },
    })
    at(400)
    const summaries = (await cp().send(new ListPipelineExecutionsCommand({ pipelineName: 'shop-staging' })))
      .pipelineExecutionSummaries!
    expect(summaries.map((s) => s.executionType)).toEqual(['STANDARD'])
  })
})
