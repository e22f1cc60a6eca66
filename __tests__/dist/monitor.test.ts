// The monitor's runner contract through the built dist/index.js, per outcome: succeeded, failed, timed out,
// and cancelled by the runner's SIGTERM. Each leaves its exit code, its outputs, at most one ::error line and a
// summary headline. The emulator runs 200× real time so that a pipeline ends in seconds; nothing here counts
// calls or measures time: which execution, how it is followed and judged is proven in-process on the manual
// clock (__tests__/monitor/run.test.ts). The waiting and ending states, word for word: monitor-states.test.ts.
import { afterEach, describe, expect, it } from '@jest/globals'
import { runMonitor, stopMonitorRun, type MonitorRunOptions } from '../helpers/run-monitor.js'
import { execId, type ShopOptions } from '../monitor/scenarios.js'

afterEach(stopMonitorRun)

/** A pipeline of ten-second actions: 35 s of emulator time, under 0.2 s of real time. */
const QUICK = Object.fromEntries(
  ['Build', 'UnitTest', 'IntegrationTest', 'Deploy'].map((action) => [action, { durationSeconds: 10 }]),
)

const monitor = (
  scenario: ShopOptions,
  inputs: Record<string, string> = {},
  signal?: MonitorRunOptions['signal'],
) => runMonitor(scenario, inputs, { signal })

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
})
