// The monitor through the built dist/index.js, run exactly as the runner runs it, against the emulator at 200×
// real time: success, a failure with its log link, Superseded followed, never found, timeout, heavy
// throttling, and SIGTERM mid-run with and without stop-on-cancel.
import { afterEach, describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator, type FaultConfig } from '../../emulator/index.js'
import { runAction, type RunOptions, type RunResult } from '../helpers/run-action.js'
import { execId, sha, shopScenario, type ShopOptions } from '../monitor/scenarios.js'

let emulator: Emulator | undefined
afterEach(async () => {
  await emulator?.stop()
  emulator = undefined
})

async function monitor(
  scenario: ShopOptions,
  inputs: Record<string, string>,
  opts: { faults?: FaultConfig; signal?: RunOptions['signal'] } = {},
): Promise<RunResult & { emulator: Emulator }> {
  // Emulator time runs 200× real time from now: 0.05 s of polling budget is 10 s of pipeline time.
  emulator = await startEmulator({ scenario: { ...shopScenario(scenario), start: undefined }, clock: { speed: 200 }, faults: opts.faults })
  const result = await runAction({
    inputs: {
      mode: 'monitor',
      'pipeline-name': 'shop-staging',
      'poll-interval-seconds': '0.05',
      'timeout-minutes': '1',
      'github-token': 'ghs_test',
      ...inputs,
    },
    env: { ...emulator.env, GITHUB_REPOSITORY: 'acme/shop' },
    signal: opts.signal,
  })
  return { ...result, emulator }
}

describe('monitor through dist/index.js', () => {
  it('follows the execution of the commit to success', async () => {
    const run = await monitor({}, { 'commit-sha': sha(1) })
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({
      result: 'success',
      'execution-id': execId(1),
      'execution-status': 'Succeeded',
      'execution-url': expect.stringContaining('console.aws.amazon.com/codesuite/codepipeline/pipelines/shop-staging/executions/'),
    })
    expect(run.stdout).toMatch(/Build › Build: Succeeded after 2m 0s/)
    expect(run.summary).toContain(execId(1))
  })

  it('a failed build: failed-stage, failed-action, the failed phase and the log link', async () => {
    const run = await monitor(
      { actions: { Build: { outcome: 'Failed', build: { failedPhase: 'BUILD', message: 'npm ci: exit status 1', logLines: ['npm ERR! missing script'] } } } },
      { 'commit-sha': sha(1) },
    )
    expect(run.exitCode).not.toBe(0)
    expect(run.outputs).toMatchObject({ result: 'failure', 'execution-status': 'Failed', 'failed-stage': 'Build', 'failed-action': 'Build' })
    expect(run.stdout).toMatch(/::error::Execution .* failed in stage Build, action Build: BUILD phase FAILED: npm ci: exit status 1 .*\(log: https:\/\/\S*cloudwatch/)
    const report = JSON.parse(run.outputs.report)
    const build = report.details.execution.stages[1].actions[0]
    expect(build.logTail).toContain('npm ERR! missing script')
  })

  it('Superseded, on-superseded follow: judged by the successor that contains the commit', async () => {
    const run = await monitor(
      {
        commits: [
          { sha: sha(1), at: -10 },
          { sha: sha(2), at: 20 },
          { sha: sha(3), at: 40 },
        ],
        executions: [
          { id: execId(1), at: 0, commit: sha(1) },
          { id: execId(2), at: 20, commit: sha(2) },
          { id: execId(3), at: 40, commit: sha(3) },
        ],
      },
      { 'commit-sha': sha(2) },
    )
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ result: 'success', 'execution-id': execId(3) })
    expect(JSON.parse(run.outputs.report).details.superseded).toMatchObject({ id: execId(2), successorCommitRelation: 'ahead' })
  })

  it('an execution that never appears: failure listing the latest executions', async () => {
    const run = await monitor({ executions: [{ id: execId(1), at: -600, commit: sha(1) }] }, { 'commit-sha': sha(7), 'timeout-minutes': '0.02' })
    expect(run.exitCode).not.toBe(0)
    expect(run.outputs.result).toBe('failure')
    expect(run.stdout).toMatch(/No execution of shop-staging for commit 7777777 appeared within 0\.02 min \(1 s\)\. The latest executions: 00000001/)
  })

  it('timeout: failure with the last status, summary still written', async () => {
    const run = await monitor({ actions: { Build: { durationSeconds: 36000 } } }, { 'commit-sha': sha(1), 'timeout-minutes': '0.02' })
    expect(run.exitCode).not.toBe(0)
    expect(run.outputs).toMatchObject({ result: 'failure', 'execution-status': 'InProgress' })
    expect(run.stdout).toMatch(/Timed out after 0\.02 min .*last status InProgress/)
    expect(run.summary.length).toBeGreaterThan(0)
  })

  it('50 % throttling on every read: the right verdict all the same', async () => {
    const run = await monitor(
      {
        actions: {
          Build: { durationSeconds: 600 },
          Deploy: { outcome: 'Failed', error: { code: 'JobFailed', message: 'rollout failed' } },
        },
      },
      { 'commit-sha': sha(1), 'max-attempts': '2' },
      { faults: { rules: [{ throttleRate: 0.5 }] } },
    )
    expect(run.outputs).toMatchObject({ result: 'failure', 'failed-stage': 'Deploy', 'execution-status': 'Failed' })
    expect(run.emulator.log.entries.filter((e) => e.fault === 'throttle').length).toBeGreaterThan(3)
  })

  it.each([
    ['false', 0, 'InProgress'],
    ['true', 1, 'Stopping'],
  ])('SIGTERM mid-run, stop-on-cancel %s', async (stop, stops, status) => {
    const run = await monitor(
      { actions: { Build: { durationSeconds: 6000 } } },
      { 'commit-sha': sha(1), 'stop-on-cancel': stop },
      { signal: { name: 'SIGTERM', whenStdout: /Build › Build: InProgress/ } },
    )
    expect(run.exitCode).not.toBe(0)
    expect(run.outputs['execution-status']).toBe(status)
    expect(run.stdout).toMatch(/Cancelled: Cancelled while following execution/)
    expect(run.emulator.log.where({ operation: 'StopPipelineExecution' })).toHaveLength(stops)
    expect(run.summary.length).toBeGreaterThan(0)
  })
})
