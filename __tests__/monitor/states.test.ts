// The waiting and ending states the monitor names, each with the exact words users see — in the log, the
// ::error annotation, the job summary and the Slack alert: a manual approval waited on (and our timeout there),
// a rejected approval, a stop with its reason, an automatic rollback (followed or not), a failed stage-condition
// rule and a failed Commands action with its log. Pipeline: emulator/scenarios/pipelines/shop-staging-gated.yaml.
import { StopPipelineExecutionCommand } from '@aws-sdk/client-codepipeline'
import type { Emulator } from '../../emulator/index.js'
import * as core from '@actions/core'
import { openDoor } from '../../src/door.js'
import type { StepResult } from '../../src/result.js'
import { createRedactor } from '../../src/secrets.js'
import { PIPELINE_INPUTS } from '../fixtures/inputs.js'
import { answerApproval as approve, cp } from '../helpers/codepipeline.js'
import { runReports, startReportEmulator } from '../report/harness.js'
import { monitor, stopMonitorEmulator, type Options } from './harness.js'
import {
  execId,
  failedCommandsScenario,
  failedConditionScenario,
  gatedScenario as gated,
  rolledBackScenario,
  sha,
} from './scenarios.js'

let reports: Emulator | undefined
afterEach(async () => {
  await stopMonitorEmulator()
  await reports?.stop()
  reports = undefined
})

const CONSOLE =
  'https://us-east-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/shop-staging/view?region=us-east-1'

const follow = (scenario: ReturnType<typeof gated>, opts: Options = {}) =>
  monitor(scenario, { ...opts, inputs: { 'commit-sha': sha(1), ...opts.inputs } })

/** What a user sees of a result: the ::error line, the job summary and the Slack alert's text. */
async function seen(result: StepResult) {
  reports = await startReportEmulator()
  const run = await runReports(reports, {
    inputs: {
      ...PIPELINE_INPUTS,
      mode: 'monitor',
      'slack-webhook-url': `${reports.url}/slack/webhook/T000/B000/XXXX`,
    },
    result,
    runnerLog: true,
  })
  return {
    error: errorLine(result.reason),
    summary: run.summary,
    slack: JSON.stringify(run.slack.messages[0]?.payload),
  }
}

/** The ::error line the step ends with (main.ts: the door fails the step with the reason). */
function errorLine(reason: string): string | undefined {
  let stdout = ''
  const write = process.stdout.write.bind(process.stdout)
  process.stdout.write = ((chunk: string) => ((stdout += chunk), true)) as typeof process.stdout.write
  try {
    openDoor(core, createRedactor([])).fail(reason)
  } finally {
    process.stdout.write = write
    process.exitCode = undefined
  }
  return stdout.split('\n').find((l) => l.startsWith('::error'))
}

/** The reason appears as such in the ::error line, the summary and the Slack alert. */
async function expectShownEverywhere(result: StepResult, fragment: string) {
  const { error, summary, slack } = await seen(result)
  expect(error).toContain(fragment)
  expect(summary).toContain(fragment)
  expect(slack).toContain(JSON.stringify(fragment).slice(1, -1))
}

describe('manual approval', () => {
  it('waiting: each round says so with the console link; our timeout says "timed out waiting for manual approval of …"', async () => {
    const { result, lines, outputs } = await follow(gated(), { inputs: { 'timeout-minutes': '10' } })
    const waiting = lines.filter((l) => l.includes('Waiting for manual approval of Release › Approve for '))
    expect(waiting.length).toBeGreaterThan(3)
    expect(waiting[waiting.length - 1]).toMatch(
      new RegExp(
        `^\\[\\d\\d:\\d\\d\\] Waiting for manual approval of Release › Approve for \\dm \\d+s: a person approves or rejects it at ${escape(CONSOLE)}$`,
      ),
    )
    expect(result.verdict).toBe('failure')
    expect(result.reason).toMatch(
      new RegExp(
        `^Execution ${execId(1)} of shop-staging timed out waiting for manual approval of Release › Approve \\(waited \\dm \\d+s; timeout 10 min\\): a person approves or rejects it at ${escape(CONSOLE)}\\.$`,
      ),
    )
    expect(outputs['execution-status']).toBe('InProgress')
    await expectShownEverywhere(result, 'timed out waiting for manual approval of Release › Approve')
  })

  it('approved while watched: the run goes on to success', async () => {
    const { result, lines } = await follow(gated(), {
      at: { seconds: 300, fn: (e) => approve(e, 'Approved', 'Preview checked') },
    })
    expect(lines.some((l) => l.includes('Waiting for manual approval of Release › Approve'))).toBe(true)
    expect(result.verdict).toBe('success')
  })

  it("rejected: a failure naming the approval and the reviewer's words", async () => {
    const { result } = await follow(gated(), {
      at: { seconds: 300, fn: (e) => approve(e, 'Rejected', 'Preview shows a broken checkout') },
    })
    expect(result.reason).toBe(
      `Execution ${execId(1)} of shop-staging failed in stage Release, action Approve: the approval was rejected: "Preview shows a broken checkout".`,
    )
    await expectShownEverywhere(
      result,
      'failed in stage Release, action Approve: the approval was rejected: "Preview shows a broken checkout"',
    )
  })
})

describe('stopped', () => {
  const stop = (abandon: boolean, reason?: string) => async (e: Emulator) => {
    await cp(e).send(
      new StopPipelineExecutionCommand({
        pipelineName: 'shop-staging',
        pipelineExecutionId: execId(1),
        abandon,
        reason,
      }),
    )
  }

  it("abandoned at the approval, with a reason: stage, action and AWS's reason", async () => {
    const { result, lines, outputs } = await follow(gated(), {
      at: { seconds: 300, fn: stop(true, 'Release postponed to Monday') },
    })
    expect(result.reason).toBe(
      `Execution ${execId(1)} of shop-staging was stopped in stage Release, action Approve; the reason given: "Release postponed to Monday".`,
    )
    expect(outputs).toMatchObject({
      'execution-status': 'Stopped',
      'failed-stage': 'Release',
      'failed-action': 'Approve',
    })
    expect(lines.some((l) => /Stage Release: Stopped/.test(l))).toBe(true)
    await expectShownEverywhere(
      result,
      'was stopped in stage Release, action Approve; the reason given: "Release postponed to Monday"',
    )
  })

  it('stop and wait during Build: the build finishes, but the log and the table show the stage Stopped, never Succeeded', async () => {
    const { result, lines, details } = await follow(gated(), { at: { seconds: 60, fn: stop(false) } })
    expect(result.reason).toBe(
      `Execution ${execId(1)} of shop-staging was stopped in stage Build; no reason was given.`,
    )
    expect(lines.some((l) => /Stage Build: Succeeded/.test(l))).toBe(false)
    expect(lines.some((l) => /Stage Build: Stopped/.test(l))).toBe(true)
    expect(details.execution!.stages.find((s) => s.name === 'Build')!.status).toBe('Stopped')
  })
})

describe('automatic rollback (Deploy: onFailure ROLLBACK)', () => {
  const failed = `Execution ${execId(2)} of shop-staging failed in stage Deploy, action Deploy: JobFailed: Service shop did not stabilize.`
  const started = ` Stage Deploy rolls back on failure: AWS started rollback execution [0-9a-f-]{36} to execution ${execId(1)} \\(commit 1111111\\)`

  it('not followed: names the rollback execution and what it rolls back to', async () => {
    const { result } = await monitor(rolledBackScenario(), { inputs: { 'commit-sha': sha(2) } })
    expect(result.verdict).toBe('failure')
    expect(result.reason).toMatch(
      new RegExp(`^${escape(failed)}${started} \\(follow-rollback: true follows it\\)\\.$`),
    )
    await expectShownEverywhere(result, `AWS started rollback execution`)
  })

  it('a listing that cannot be read is said as such, never as "no rollback execution appeared"', async () => {
    const clean = await monitor(rolledBackScenario(), { inputs: { 'commit-sha': sha(2) } })
    const lists = clean.emulator.counts()['codepipeline.ListPipelineExecutions'] ?? 0
    await stopMonitorEmulator()
    // Every listing after the ones that found the failed execution is throttled until the deadline.
    const { result } = await monitor(rolledBackScenario(), {
      inputs: { 'commit-sha': sha(2), 'timeout-minutes': '20' },
      faults: {
        rules: [
          {
            service: 'codepipeline',
            operation: 'ListPipelineExecutions',
            throttleRate: 1,
            skipCalls: lists - 1,
          },
        ],
      },
    })
    expect(result.reason).toContain(
      ' Stage Deploy rolls back on failure: whether AWS started a rollback execution could not be read (the step ran out of time).',
    )
    expect(result.reason).not.toContain('no rollback execution appeared')
  })

  it('follow-rollback: true follows it to its end and names the outcome', async () => {
    const { result, lines } = await monitor(rolledBackScenario(), {
      inputs: { 'commit-sha': sha(2), 'follow-rollback': 'true' },
    })
    expect(result.verdict).toBe('failure')
    expect(result.reason).toMatch(
      new RegExp(
        `^${escape(failed)}${started}; the rollback succeeded: stage Deploy runs the earlier execution again\\.$`,
      ),
    )
    expect(
      lines.some((l) => /^Rollback execution [0-9a-f-]{36}$/.test(l) || l.includes('Rollback execution')),
    ).toBe(true)
    await expectShownEverywhere(
      result,
      'the rollback succeeded: stage Deploy runs the earlier execution again',
    )
  })
})

describe('newer CodePipeline features', () => {
  it('a failed beforeEntry condition rule: the rule and what it saw', async () => {
    const { result, details, lines } = await follow(failedConditionScenario())
    const why = 'beforeEntry condition Failed: rule NoOpenAlarms Failed — Alarm shop-staging-5xx is in ALARM'
    expect(result.reason).toBe(`Execution ${execId(1)} of shop-staging failed in stage Deploy: ${why}.`)
    // The log tells it too, in the execution's group, on its clock: no failed action did.
    const told = lines.findIndex((l) =>
      new RegExp(`^\\[\\d\\d:\\d\\d\\] Stage Deploy: Failed — ${escape(why)}$`).test(l),
    )
    expect(told).toBeGreaterThan(lines.indexOf(`::group::Execution ${execId(1)}`))
    expect(told).toBeLessThan(lines.lastIndexOf('::endgroup::'))
    expect(details.execution!.stages.find((s) => s.name === 'Deploy')).toMatchObject({
      status: 'Failed',
      error: why,
    })
    await expectShownEverywhere(result, why)
  })

  it('a failed Commands action: its log link and last lines, like a build', async () => {
    const { result, details } = await follow(failedCommandsScenario())
    const lint = details
      .execution!.stages.find((s) => s.name === 'Build')!
      .actions.find((a) => a.name === 'Lint')!
    expect(lint.logTail).toEqual(['> eslint .', 'src/cart.ts:3:1  error  no-undef'])
    expect(lint.logUrl).toMatch(
      /#logsV2:log-groups\/log-group\/\$252Faws\$252Fcodepipeline\$252Fshop-staging\/log-events\//,
    )
    expect(result.reason).toContain(
      'failed in stage Build, action Lint: JobFailed: Command npm run lint exited with 1 (log: https://',
    )
    const { summary } = await seen(result)
    expect(summary).toContain('src/cart.ts:3:1  error  no-undef')
  })
})

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
