// The monitor mode against the emulator, through the real SDK on the emulator's manual clock.
import {
  GetPipelineCommand,
  StopPipelineExecutionCommand,
  UpdatePipelineCommand,
} from '@aws-sdk/client-codepipeline'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { monitorConfig } from '../helpers/config.js'
import { emulatorDeps } from '../helpers/deps.js'
import { run } from '../../src/monitor/run.js'
import type { MonitorDetails, StepResult } from '../../src/result.js'
import { cp } from '../helpers/codepipeline.js'
import { monitor, stopMonitorEmulator } from './harness.js'
import { execId, sha, shopScenario } from './scenarios.js'
import { only } from '../helpers/must.js'

/** The emulator of a test that starts its own (monitor() keeps its own in the harness). */
let emulator: Emulator | undefined
afterEach(async () => {
  await stopMonitorEmulator()
  await emulator?.stop()
  emulator = undefined
})

describe('monitor: which execution', () => {
  it('finds the newest execution of the commit among several, waiting for it to appear, and follows it to success', async () => {
    const { result, details, outputs, lines } = await monitor(
      shopScenario({
        commits: [
          { sha: sha(1), at: -3600 },
          { sha: sha(2), at: -1800 },
          { sha: sha(3), at: 20 },
        ],
        executions: [
          { id: execId(1), at: -3500, commit: sha(1) },
          { id: execId(2), at: -1700, commit: sha(2) },
          { id: execId(3), at: -1000, commit: sha(2) },
          { id: execId(4), at: 45, commit: sha(3) },
        ],
      }),
      { inputs: { 'commit-sha': sha(3) } },
    )
    expect(result.verdict).toBe('success')
    expect(outputs).toMatchObject({
      result: 'success',
      'execution-id': execId(4),
      'execution-status': 'Succeeded',
      'execution-url': expect.stringContaining(
        `/codesuite/codepipeline/pipelines/shop-staging/executions/${execId(4)}`,
      ),
    })
    expect(outputs['failed-stage']).toBeUndefined()
    expect(details.execution?.commit).toBe(sha(3))
    expect(details.execution?.stages.map((s) => [s.name, s.status, s.actions.length])).toEqual([
      ['Source', 'Succeeded', 1],
      ['Build', 'Succeeded', 1],
      ['Test', 'Succeeded', 2],
      ['Deploy', 'Succeeded', 1],
    ])
    expect(details.execution?.stages[1]).toMatchObject({
      durationSeconds: 120,
      startedAt: expect.any(String),
      endedAt: expect.any(String),
    })
    expect(lines.join('\n')).toMatch(/waiting for one to appear/)
    // One line per transition, never the same state twice.
    const transitions = lines.filter((l) => /^\[\d\d:\d\d\]/.test(l))
    expect(new Set(transitions).size).toBe(transitions.length)
    expect(transitions.filter((l) => l.includes('Build › Build: Succeeded'))).toHaveLength(1)
  })

  it('follows a given execution-id', async () => {
    const { result, outputs, lines } = await monitor(
      shopScenario({ executions: [{ id: execId(1), at: 0, commit: sha(1) }] }),
      { inputs: { 'execution-id': execId(1), 'commit-sha': sha(1) } },
    )
    expect(result.verdict).toBe('success')
    expect(outputs['execution-id']).toBe(execId(1))
    // The [mm:ss] prefix is explained once, before the first such line.
    const explained = lines.filter((l) =>
      l.includes('Lines start with [mm:ss], the time since the execution started.'),
    )
    expect(explained).toHaveLength(1)
    expect(lines.indexOf(only(explained))).toBeLessThan(lines.findIndex((l) => /^\[\d\d:\d\d\]/.test(l)))
  })

  it('an execution-id that does not exist is a plain failure, with no execution-status', async () => {
    const missing = '0123abcd-0000-4000-8000-00000000dead'
    const { result, details, outputs } = await monitor(
      shopScenario({ executions: [{ id: execId(1), at: -600, commit: sha(1) }] }),
      { inputs: { 'execution-id': missing } },
    )
    expect(result.verdict).toBe('failure')
    expect(result.reason).toBe(
      `No execution ${missing} in pipeline shop-staging: check execution-id (executions are kept 12 months).`,
    )
    expect(details.execution).toBeUndefined()
    expect(outputs['execution-status']).toBeUndefined()
    expect(outputs['execution-id']).toBeUndefined()
  })

  it('fails when no execution of the commit appears, listing the latest executions with their revisions', async () => {
    const { result, details } = await monitor(
      shopScenario({ executions: [{ id: execId(1), at: -600, commit: sha(1) }] }),
      { inputs: { 'commit-sha': sha(9), 'timeout-minutes': '2' } },
    )
    expect(result.verdict).toBe('failure')
    expect(result.reason).toMatch(/No execution of shop-staging for commit 9999999 appeared within 2 min/)
    expect(result.reason).toContain(`${execId(1)} Succeeded (revision 1111111)`)
    expect(details.recentExecutions).toEqual([expect.objectContaining({ id: execId(1), revision: sha(1) })])
  })
})

describe('monitor: failures name the stage and action and explain them', () => {
  it.each([
    [
      'Source',
      'Source',
      {
        Source: {
          outcome: 'Failed',
          error: { code: 'RevisionUnavailable', message: 'Could not fetch the commit' },
        },
      },
      /RevisionUnavailable: Could not fetch/,
      false,
    ],
    [
      'Build',
      'Build',
      {
        Build: {
          outcome: 'Failed',
          build: {
            failedPhase: 'BUILD',
            message: 'npm run build: exit status 2',
            logLines: ['ERROR in src/app.ts', 'build failed'],
          },
        },
      },
      /BUILD phase FAILED: npm run build: exit status 2/,
      true,
    ],
    [
      'Test',
      'IntegrationTest',
      {
        IntegrationTest: {
          outcome: 'Failed',
          build: {
            failedPhase: 'POST_BUILD',
            message: 'reports upload failed',
            logLines: ['Tests: 1 failed'],
          },
        },
      },
      /POST_BUILD phase FAILED: reports upload failed/,
      true,
    ],
    [
      'Deploy',
      'Deploy',
      {
        Deploy: {
          outcome: 'Failed',
          error: { code: 'JobFailed', message: 'Deployment failed: circuit breaker' },
        },
      },
      /JobFailed: Deployment failed: circuit breaker/,
      false,
    ],
  ])('a failure in %s (%s)', async (stage, action, actions, error, codebuild) => {
    // By id: an execution whose Source fails has no source revision to be found by.
    const { result, details, outputs } = await monitor(
      shopScenario({ actions, executions: [{ id: execId(1), at: 0, commit: sha(1) }] }),
      { inputs: { 'commit-sha': sha(1), 'execution-id': execId(1) } },
    )
    expect(result.verdict).toBe('failure')
    expect(outputs).toMatchObject({
      result: 'failure',
      'execution-status': 'Failed',
      'failed-stage': stage,
      'failed-action': action,
    })
    expect(result.reason).toMatch(new RegExp(`failed in stage ${stage}, action ${action}: `))
    expect(result.reason).toMatch(error)
    const row = details
      .execution!.stages.find((s) => s.name === stage)!
      .actions.find((a) => a.name === action)!
    expect(row.error).toMatch(error)
    if (codebuild) {
      expect(row.logUrl).toMatch(/^https:\/\/.*cloudwatch/)
      expect(row.logTail?.length).toBeGreaterThan(0)
      expect(result.reason).toContain(row.logUrl!)
    }
    // Stages after the failure never ran, and are still in the table.
    const later = details.execution!.stages.slice(
      details.execution!.stages.findIndex((s) => s.name === stage) + 1,
    )
    for (const s of later) expect(s.status).toBe('NotStarted')
  })

  it('a stage that AWS retries by itself is judged when the retry ends', async () => {
    const { result, lines } = await monitor(
      shopScenario({
        declaration: 'shop-staging-retry',
        actions: {
          UnitTest: {
            durationSeconds: 30,
            outcome: 'Failed',
            build: { message: 'flaky' },
            retry: { durationSeconds: 30, outcome: 'Succeeded' },
          },
        },
      }),
      { inputs: { 'commit-sha': sha(1) } },
    )
    expect(result.verdict).toBe('success')
    expect(lines.join('\n')).toMatch(/UnitTest: Failed/)
  })
})

describe('monitor: stopped and cancelled executions', () => {
  it('Stopped → failure naming where it stopped', async () => {
    const { result, outputs } = await monitor(shopScenario(), {
      inputs: { 'commit-sha': sha(1) },
      at: {
        seconds: 60,
        fn: async (e) => {
          await cp(e).send(
            new StopPipelineExecutionCommand({
              pipelineName: 'shop-staging',
              pipelineExecutionId: execId(1),
              abandon: true,
            }),
          )
        },
      },
    })
    expect(result.verdict).toBe('failure')
    expect(outputs).toMatchObject({
      'execution-status': 'Stopped',
      'failed-stage': 'Build',
      'failed-action': 'Build',
    })
    expect(result.reason).toMatch(/was stopped in stage Build, action Build/)
  })

  it('Cancelled (the pipeline was updated mid-run) → failure', async () => {
    const { result, outputs } = await monitor(shopScenario(), {
      inputs: { 'commit-sha': sha(1) },
      at: {
        seconds: 200,
        fn: async (e) => {
          const { pipeline } = await cp(e).send(new GetPipelineCommand({ name: 'shop-staging' }))
          await cp(e).send(new UpdatePipelineCommand({ pipeline }))
        },
      },
    })
    expect(result.verdict).toBe('failure')
    expect(outputs['execution-status']).toBe('Cancelled')
    expect(result.reason).toMatch(/was cancelled in stage Test/)
  })
})

describe('monitor: superseded', () => {
  // B (commit 2) waits for Build while A (commit 1) builds; C (commit 3) arrives and supersedes B.
  const superseded = (opts: { cFails?: boolean; unrelated?: boolean } = {}) =>
    shopScenario({
      commits: [
        { sha: sha(1), at: -10 },
        { sha: sha(2), at: 20 },
        { sha: sha(3), at: 40, parents: opts.unrelated ? [sha(1)] : undefined },
      ],
      executions: [
        { id: execId(1), at: 0, commit: sha(1) },
        { id: execId(2), at: 20, commit: sha(2) },
        {
          id: execId(3),
          at: 40,
          commit: sha(3),
          actions: opts.cFails
            ? { Deploy: { outcome: 'Failed', error: { code: 'JobFailed', message: 'rollout failed' } } }
            : undefined,
        },
      ],
    })

  it.each([
    [
      'fail',
      'failure',
      execId(2),
      new RegExp(
        `superseded by newer execution ${execId(3)} \\(commit ${sha(3).slice(0, 7)}\\) .*on-superseded: fail`,
      ),
    ],
    ['succeed', 'success', execId(2), new RegExp(`superseded by newer execution ${execId(3)}.*"succeed"`)],
  ])('on-superseded: %s → %s', async (onSuperseded, verdict, id, reason) => {
    const { result, outputs } = await monitor(superseded(), {
      inputs: { 'commit-sha': sha(2), 'on-superseded': onSuperseded },
    })
    expect(result.verdict).toBe(verdict)
    expect(outputs).toMatchObject({ 'execution-id': id, 'execution-status': 'Superseded' })
    expect(result.reason).toMatch(reason)
  })

  it('follow: the successor contains the commit and succeeds → success, both ids reported', async () => {
    const {
      result,
      details,
      outputs,
      emulator: e,
    } = await monitor(superseded(), {
      inputs: { 'commit-sha': sha(2) },
    })
    expect(result.verdict).toBe('success')
    expect(outputs).toMatchObject({ 'execution-id': execId(3), 'execution-status': 'Succeeded' })
    expect(details.superseded).toMatchObject({
      id: execId(2),
      commit: sha(2),
      successorCommitRelation: 'ahead',
    })
    expect(result.reason).toMatch(
      new RegExp(
        `${execId(2)} was superseded by ${execId(3)}, which succeeded with revision 3333333, containing commit 2222222`,
      ),
    )
    expect(e.log.where({ service: 'github', operation: 'compareCommits' })).toHaveLength(1)
  })

  it('follow: the successor fails → failure', async () => {
    const { result, outputs, details } = await monitor(superseded({ cFails: true }), {
      inputs: { 'commit-sha': sha(2) },
    })
    expect(result.verdict).toBe('failure')
    expect(outputs).toMatchObject({
      'execution-id': execId(3),
      'failed-stage': 'Deploy',
      'failed-action': 'Deploy',
    })
    expect(details.superseded?.id).toBe(execId(2))
    expect(result.reason).toMatch(/which did not succeed: .*failed in stage Deploy/)
  })

  it('follow: the successor carries an unrelated revision → failure', async () => {
    const { result } = await monitor(superseded({ unrelated: true }), { inputs: { 'commit-sha': sha(2) } })
    expect(result.verdict).toBe('failure')
    expect(result.reason).toMatch(/replaced by an unrelated revision 3333333 \(compare: diverged\)/)
  })

  it('follow: GitHub unreachable → not verified, never success', async () => {
    const { result } = await monitor(superseded(), { inputs: { 'commit-sha': sha(2), 'github-token': '' } })
    expect(result.verdict).toBe('failure')
    expect(result.reason).toMatch(/could not be verified/)
  })
})

describe('monitor: time, throttling and cancellation', () => {
  it('times out with the last status and still describes the execution', async () => {
    const { result, details, outputs } = await monitor(
      shopScenario({ actions: { Build: { durationSeconds: 7200 } } }),
      {
        inputs: { 'commit-sha': sha(1), 'timeout-minutes': '5' },
      },
    )
    expect(result.verdict).toBe('failure')
    expect(details.timedOut).toBe(true)
    expect(result.reason).toMatch(
      /^Timed out after 5 min .*; last status InProgress \(stage Build, action Build in progress\)/,
    )
    expect(outputs['execution-status']).toBe('InProgress')
    expect(details.execution?.stages[0]?.status).toBe('Succeeded')
    // Every read answered: a slow execution timed out, which is no "could not be verified".
    expect(result.unverified).toBeUndefined()
  })

  it('keeps what it saw when access is denied mid-follow, and fails saying why', async () => {
    const { result, outputs } = await monitor(shopScenario(), {
      inputs: { 'commit-sha': sha(1) },
      at: {
        seconds: 90,
        fn: async (e) =>
          e.setFaults({
            rules: [{ service: 'codepipeline', operation: 'GetPipelineExecution', deny: true }],
          }),
      },
    })
    expect(result.verdict).toBe('failure')
    expect(result.reason).toMatch(
      // The call, AWS's message and the IAM action to allow.
      /^Stopped following execution .* \(last status InProgress\): GetPipelineExecution was denied — AccessDeniedException: .* Allow codepipeline:GetPipelineExecution for the credentials this step uses\.$/,
    )
    expect(outputs['execution-id']).toBe(execId(1))
    expect(outputs['execution-url']).toContain(execId(1))
    // The execution's end could not be read: its own outcome, not a failed deploy.
    expect(result.unverified).toBe(true)
  })

  it('access denied on a read before following: the error names the call and the IAM action to allow', async () => {
    // Escapes the mode (main.ts turns it into "monitor failed: <this message>").
    await expect(
      monitor(shopScenario(), {
        inputs: { 'commit-sha': sha(1) },
        faults: { rules: [{ service: 'codepipeline', operation: 'GetPipeline', deny: true }] },
      }),
    ).rejects.toThrow(
      /^GetPipeline was denied — AccessDeniedException: .*codepipeline:GetPipeline.* Allow codepipeline:GetPipeline for the credentials this step uses\.$/,
    )
  })

  it('judges a run that ended during the last wait at the deadline, instead of timing out', async () => {
    // Every read is throttled from 60 s until the 7-minute deadline; the execution succeeds at ~375 s.
    emulator = await startEmulator({ scenario: shopScenario() })
    const e = emulator
    const deps = await emulatorDeps(e, { maxAttempts: 1 })
    const start = e.clock.now()
    deps.sleep = async (ms) => {
      e.clock.advance(ms)
      const t = e.clock.now() - start
      e.setFaults(t >= 60_000 && t < 420_000 ? { rules: [{ throttleRate: 1 }] } : undefined)
    }
    const config = monitorConfig({
      'pipeline-name': 'shop-staging',
      'timeout-minutes': '7',
      'commit-sha': sha(1),
    })
    const result = await run(config, deps)
    expect(e.log.entries.filter((x) => x.fault === 'throttle').length).toBeGreaterThan(0)
    expect(result.verdict).toBe('success')
    expect((result.details as MonitorDetails).timedOut).toBeFalsy()
  })

  it.each([
    ['success', {}, 'success'],
    ['failure', { Build: { outcome: 'Failed', build: { message: 'boom' } } }, 'failure'],
  ])('50 %% throttling on every read still gives the right verdict (%s)', async (_n, actions, verdict) => {
    const {
      result,
      outputs,
      emulator: e,
    } = await monitor(shopScenario({ actions }), {
      inputs: { 'commit-sha': sha(1) },
      faults: { rules: [{ throttleRate: 0.5 }] },
      maxAttempts: 1,
    })
    expect(result.verdict).toBe(verdict)
    expect(outputs['execution-status']).toBe(verdict === 'success' ? 'Succeeded' : 'Failed')
    expect(e.log.entries.filter((x) => x.fault === 'throttle').length).toBeGreaterThan(2)
  })

  it.each([
    ['without stop-on-cancel', 'false', 0, 'InProgress'],
    ['with stop-on-cancel', 'true', 1, 'Stopping'],
  ])('cancelled mid-run %s', async (_n, stop, stops, status) => {
    const {
      result,
      outputs,
      emulator: e,
    } = await monitor(shopScenario(), {
      inputs: { 'commit-sha': sha(1), 'stop-on-cancel': stop },
      at: { seconds: 90, fn: async (_e, abort) => abort.abort() },
    })
    expect(result.cancelled).toBe(true)
    expect(outputs['execution-status']).toBe(status)
    expect(e.log.where({ operation: 'StopPipelineExecution' })).toHaveLength(stops)
    expect(result.reason).toMatch(/^Cancelled while following execution/)
  })
})

export type { StepResult }

describe('monitor: a stage AWS retried by itself', () => {
  it('shows the retry in the log and in the rows (stage-retry scenario)', async () => {
    const { loadScenario } = await import('../../emulator/core/scenario.js')
    const { result, details, lines } = await monitor(loadScenario('stage-retry'), {
      inputs: { 'execution-id': '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b', 'poll-interval-seconds': '10' },
    })
    expect(result.verdict).toBe('success')
    const test = details.execution!.stages.find((s) => s.name === 'Test')!
    expect(test).toMatchObject({ status: 'Succeeded', attempts: 2 })
    expect(test.actions.find((a) => a.name === 'UnitTest')).toMatchObject({
      status: 'Succeeded',
      attempts: 2,
    })
    expect(test.actions.find((a) => a.name === 'IntegrationTest')?.attempts).toBeUndefined()
    const log = lines.join('\n')
    expect(log).toMatch(/Test › UnitTest: Failed after 30s/)
    expect(log).toMatch(/Stage Test: failed, AWS is retrying it/)
    expect(log).toMatch(
      /Test › UnitTest: Succeeded after 30s \(attempt 2: an earlier attempt failed and AWS retried it\)/,
    )
  })
})
