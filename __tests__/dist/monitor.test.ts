// The monitor's runner contract through the built dist/index.js, per outcome: succeeded, failed, timed out,
// and cancelled by the runner's SIGTERM. Each leaves its exit code, its outputs, at most one ::error line and a
// summary headline. The emulator runs 200× real time so that a pipeline ends in seconds; nothing here counts
// calls or measures time: which execution, how it is followed and judged is proven in-process on the manual
// clock (__tests__/monitor/run.test.ts).
import { afterEach, describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator, type Scenario } from '../../emulator/index.js'
import { runAction, type RunOptions } from '../helpers/run-action.js'
import { execId, gatedScenario, sha, shopScenario, type ShopOptions } from '../monitor/scenarios.js'

let emulator: Emulator | undefined
afterEach(async () => {
  await emulator?.stop()
  emulator = undefined
})

/** A pipeline of ten-second actions: 35 s of emulator time, under 0.2 s of real time. */
const QUICK = Object.fromEntries(
  ['Build', 'UnitTest', 'IntegrationTest', 'Deploy'].map((action) => [action, { durationSeconds: 10 }]),
)

async function monitor(
  scenario: ShopOptions | Scenario,
  inputs: Record<string, string> = {},
  signal?: RunOptions['signal'],
) {
  const full = 'codepipeline' in scenario ? scenario : shopScenario(scenario as ShopOptions)
  emulator = await startEmulator({
    scenario: { ...full, start: undefined },
    clock: { speed: 200 },
  })
  return runAction({
    inputs: {
      mode: 'monitor',
      'pipeline-name': 'shop-staging',
      'commit-sha': sha(1),
      'poll-interval-seconds': '0.05',
      'timeout-minutes': '1',
      ...inputs,
    },
    env: { ...emulator.env, GITHUB_REPOSITORY: 'acme/shop' },
    signal,
  })
}

describe('monitor through dist/index.js', () => {
  it('succeeded: exit 0, the execution outputs, no ::error', async () => {
    const run = await monitor({ actions: QUICK })
    expect(run.exitCode).toBe(0)
    expect(run.errors).toEqual([])
    expect(run.outputs).toMatchObject({
      result: 'success',
      'execution-id': execId(1),
      'execution-status': 'Succeeded',
      'execution-url': expect.stringContaining(
        `/codepipeline/pipelines/shop-staging/executions/${execId(1)}`,
      ),
    })
    expect(run.summary).toMatch(/^## ✅ Deployment pipeline succeeded/)
  })

  it('failed: exit 1, one ::error line with the failed phase and the log link, failed-stage and -action', async () => {
    const build = {
      failedPhase: 'BUILD',
      message: 'npm ci: exit status 1',
      logLines: ['npm ERR! missing script'],
    }
    const run = await monitor({ actions: { Build: { outcome: 'Failed', build } } })
    expect(run.exitCode).toBe(1)
    expect(run.errors).toEqual([
      expect.stringMatching(
        /^::error::Execution .* failed in stage Build, action Build: BUILD phase FAILED: npm ci: exit status 1 .*\(log: https:\/\/\S*cloudwatch/,
      ),
    ])
    expect(run.outputs).toMatchObject({
      result: 'failure',
      'execution-status': 'Failed',
      'failed-stage': 'Build',
      'failed-action': 'Build',
    })
    expect(run.summary).toMatch(/^## ❌ Deployment pipeline failed/)
  })

  it('timed out: exit 1, one ::error line with the last status, the summary still written', async () => {
    // 3 s of real time: the first reads see the execution in progress even on a busy machine.
    const run = await monitor(
      { actions: { Build: { durationSeconds: 36000 } } },
      { 'timeout-minutes': '0.05' },
    )
    expect(run.exitCode).toBe(1)
    expect(run.errors).toEqual([
      expect.stringMatching(/^::error::Timed out after 0\.05 min .*last status InProgress/),
    ])
    expect(run.outputs).toMatchObject({ result: 'failure', 'execution-status': 'InProgress' })
    expect(run.summary).toMatch(/^## ❌ Deployment pipeline timed out/)
  })

  it('SIGTERM mid-run (stop-on-cancel): the execution stopped, exit 1, one ::error line, a cancelled summary', async () => {
    const run = await monitor(
      { actions: { Build: { durationSeconds: 6000 } } },
      { 'stop-on-cancel': 'true' },
      { name: 'SIGTERM', whenStdout: /Build › Build: InProgress/ },
    )
    expect(run.exitCode).toBe(1)
    expect(run.errors).toEqual([
      expect.stringMatching(/^::error::Cancelled: Cancelled while following execution/),
    ])
    expect(run.outputs).toMatchObject({ result: 'failure', 'execution-status': 'Stopping' })
    expect(run.summary).toMatch(/^## ⏹️ Deployment pipeline cancelled/)
  })

  describe('waiting and ending states (shop-staging-gated)', () => {
    const quick = { Build: { durationSeconds: 10 }, Lint: { durationSeconds: 10 } }
    const CONSOLE =
      'https://us-east-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/shop-staging/view?region=us-east-1'

    it('our timeout at a pending manual approval: "timed out waiting for manual approval of Release › Approve"', async () => {
      const run = await monitor(gatedScenario(quick), { 'timeout-minutes': '0.05' })
      expect(run.exitCode).toBe(1)
      expect(run.stdout).toContain(`Waiting for manual approval of Release › Approve for `)
      const reason = `timed out waiting for manual approval of Release › Approve`
      expect(run.errors).toEqual([
        expect.stringMatching(
          new RegExp(`^::error::Execution ${execId(1)} of shop-staging ${reason} \\(waited .*\\): a person approves or rejects it at `),
        ),
      ])
      expect(run.errors[0]).toContain(CONSOLE)
      expect(run.outputs).toMatchObject({ result: 'failure', 'execution-status': 'InProgress' })
      expect(run.summary).toContain(reason)
    })

    it('stopped with a reason: the stage, the action and the reason in ::error, Stopped in the outputs', async () => {
      const stop = { at: 60, abandon: true, reason: 'Release postponed' }
      const run = await monitor(gatedScenario(quick, [{ id: execId(1), at: 10, commit: sha(1), stop }]))
      expect(run.exitCode).toBe(1)
      expect(run.errors).toEqual([
        `::error::Execution ${execId(1)} of shop-staging was stopped in stage Release, action Approve; the reason given: "Release postponed".`,
      ])
      expect(run.outputs).toMatchObject({ 'execution-status': 'Stopped', 'failed-stage': 'Release' })
      expect(run.stdout).not.toMatch(/Stage Release: Succeeded/)
    })

    it('an automatic rollback, followed: its id, what it rolls back to and its outcome', async () => {
      const failing = { Deploy: { durationSeconds: 10, outcome: 'Failed' } }
      const scenario = gatedScenario({ ...quick, Approve: { durationSeconds: 5 }, Deploy: { durationSeconds: 10 } }, [
        { id: execId(1), at: 1, commit: sha(1) },
        { id: execId(2), at: 60, commit: sha(2), actions: failing },
      ])
      const run = await monitor(scenario, { 'commit-sha': sha(2), 'follow-rollback': 'true' })
      expect(run.exitCode).toBe(1)
      expect(run.errors).toEqual([
        expect.stringMatching(
          new RegExp(
            `^::error::Execution ${execId(2)} of shop-staging failed in stage Deploy, action Deploy.* Stage Deploy rolls back on failure: AWS started rollback execution [0-9a-f-]{36} to execution ${execId(1)} \\(commit 1111111\\); the rollback succeeded: stage Deploy runs the earlier execution again\\.$`,
          ),
        ),
      ])
      expect(run.outputs).toMatchObject({ 'execution-id': execId(2), 'execution-status': 'Failed' })
    })
  })
})
