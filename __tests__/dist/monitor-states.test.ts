// The waiting and ending states the monitor names, through the built dist/index.js, word for word where users
// read them: the log, the ::error line, the job summary file and the Slack alert (the emulator's webhook). The
// in-process twins, on the manual clock: __tests__/monitor/states.test.ts. Pipeline:
// emulator/scenarios/pipelines/shop-staging-gated.yaml. The emulator runs 200× real time, so the log's [mm:ss]
// and durations are not asserted; nothing here waits on a delay: a person's answer follows the log line.
import { afterEach, describe, expect, it } from '@jest/globals'
import { answerApproval } from '../helpers/codepipeline.js'
import type { RunResult } from '../helpers/run-action.js'
import { runMonitor, slackMessages, stopMonitorRun } from '../helpers/run-monitor.js'
import {
  execId,
  failedCommandsScenario,
  failedConditionScenario,
  gatedScenario,
  sha,
  shopScenario,
} from '../monitor/scenarios.js'

afterEach(stopMonitorRun)

/** Build and Lint in ten seconds of emulator time: the run reaches Release at once. */
const QUICK = { Build: { durationSeconds: 10 }, Lint: { durationSeconds: 10 } }
const CONSOLE =
  'https://us-east-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/shop-staging/view?region=us-east-1'
/** A time as the log words it: `0s`, `45s`, `2m 5s`. */
const TOOK = '(?:\\d+m )?\\d+s'

const monitor = (scenario: Parameters<typeof runMonitor>[0], opts: Parameters<typeof runMonitor>[2] = {}) =>
  runMonitor(scenario, {}, { ...opts, slack: true })

/** What a person reads of a failed run: the one ::error line, the summary's Why, Slack's text and sections. */
function seen(run: RunResult) {
  const slack = slackMessages()
  expect(slack).toHaveLength(1)
  const blocks = slack[0]!.blocks as { text?: { text: string } }[]
  return {
    log: run.stdout.split('\n'),
    errors: run.errors,
    why: plain(/^\*\*Why:\*\* (.*)$/m.exec(run.summary)?.[1]),
    summary: run.summary,
    slackText: slack[0]!.text as string,
    slackSections: blocks.map((b) => b.text?.text ?? ''),
  }
}

/** The summary's Why as read: its links (`[url](url)`) and escapes (`\\(`) undone. */
const plain = (markdown = ''): string =>
  markdown.replace(/\[([^\]]*)\]\((\S+)\)/g, '$2').replace(/\\(.)/g, '$1')

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

describe('monitor states through dist/index.js, as users read them', () => {
  it('waiting for a manual approval, then rejected: the waiting line with the console link, then the reviewer’s words', async () => {
    const waiting = new RegExp(
      `^\\[\\d\\d:\\d\\d\\] Waiting for manual approval of Release › Approve for ${TOOK}: a person approves or rejects it at ${escape(CONSOLE)}$`,
      'm',
    )
    const run = await monitor(gatedScenario(QUICK), {
      act: {
        whenStdout: waiting,
        then: (e) => answerApproval(e, 'Rejected', 'Preview shows a broken checkout'),
      },
    })
    const { log, errors, why, slackText, slackSections } = seen(run)
    const rejected = 'the approval was rejected: "Preview shows a broken checkout"'
    expect(run.stdout).toMatch(waiting)
    expect(log).toContainEqual(
      expect.stringMatching(
        new RegExp(`^\\[\\d\\d:\\d\\d\\] Release › Approve: Failed after ${TOOK} — ${escape(rejected)}$`),
      ),
    )
    const reason = `Execution ${execId(1)} of shop-staging failed in stage Release, action Approve: ${rejected}.`
    expect(errors).toEqual([`::error::${reason}`])
    expect(why).toBe(reason)
    expect(slackText).toContain(reason)
    expect(slackSections).toContain(reason)
    // Said once, in the Why line: What failed does not repeat the reviewer's words.
    expect(run.summary?.split(rejected)).toHaveLength(2)
    expect(slackSections).toContain(`*Stage Release › Approve: Failed*\n${rejected}`)
    expect(run.outputs).toMatchObject({
      'execution-status': 'Failed',
      'failed-stage': 'Release',
      'failed-action': 'Approve',
    })
  })

  it('our timeout while the approval waits: "timed out waiting for manual approval of Release › Approve", with the console link', async () => {
    // 3 s of real time: the run waits at the approval until timeout-minutes ends it.
    const run = await runMonitor(gatedScenario(QUICK), { 'timeout-minutes': '0.05' }, { slack: true })
    const { log, errors, why, slackSections } = seen(run)
    expect(log).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^\\[\\d\\d:\\d\\d\\] Waiting for manual approval of Release › Approve for ${TOOK}: a person approves or rejects it at ${escape(CONSOLE)}$`,
        ),
      ),
    )
    const reason = new RegExp(
      `^Execution ${execId(1)} of shop-staging timed out waiting for manual approval of Release › Approve \\(waited ${TOOK}; timeout 0\\.05 min \\(3 s\\)\\): a person approves or rejects it at ${escape(CONSOLE)}\\.$`,
    )
    expect(errors).toHaveLength(1)
    expect(errors[0]!.replace(/^::error::/, '')).toMatch(reason)
    expect(why).toMatch(reason)
    expect(slackSections).toContainEqual(expect.stringMatching(reason))
    expect(run.outputs).toMatchObject({ result: 'failure', 'execution-status': 'InProgress' })
  })

  it('a failed stage condition: the rule and what it saw', async () => {
    const run = await monitor(failedConditionScenario(QUICK))
    const { log, errors, why, slackText, slackSections } = seen(run)
    const saw = 'beforeEntry condition Failed: rule NoOpenAlarms Failed — Alarm shop-staging-5xx is in ALARM'
    expect(log).toContainEqual(
      expect.stringMatching(new RegExp(`^\\[\\d\\d:\\d\\d\\] Stage Deploy: Failed — ${escape(saw)}$`)),
    )
    const reason = `Execution ${execId(1)} of shop-staging failed in stage Deploy: ${saw}.`
    expect(errors).toEqual([`::error::${reason}`])
    expect(why).toBe(reason)
    expect(run.summary?.split(saw)).toHaveLength(2) // once, in the Why line
    expect(slackText).toContain(reason)
    expect(slackSections).toContain(reason)
    expect(slackSections).toContain(`*Stage Deploy: Failed*\n${saw}`)
    expect(run.outputs).toMatchObject({ 'execution-status': 'Failed', 'failed-stage': 'Deploy' })
  })

  it('a failed Commands action: its log link and last lines, like a build', async () => {
    const run = await monitor(failedCommandsScenario(QUICK))
    const { log, errors, why, slackSections } = seen(run)
    const failed = 'JobFailed: Command npm run lint exited with 1'
    expect(log).toContainEqual(
      expect.stringMatching(new RegExp(`^\\[\\d\\d:\\d\\d\\] Build › Lint: Failed after ${TOOK} — ${failed}$`)),
    )
    const logUrl =
      'https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:log-groups/log-group/$252Faws$252Fcodepipeline$252Fshop-staging/log-events/'
    const line = new RegExp(
      `^::error::(Execution ${execId(1)} of shop-staging failed in stage Build, action Lint: ${failed} \\(log: (${escape(logUrl)}[0-9a-f-]{36})\\)\\.)$`,
    )
    expect(errors).toEqual([expect.stringMatching(line)])
    const [, reason = '', url = ''] = line.exec(errors[0]!)!
    expect(why).toBe(reason)
    expect(run.summary?.split(`](${url})`)).toHaveLength(2) // the log linked once, in the Why line
    expect(run.summary).toContain('```\n> eslint .\nsrc/cart.ts:3:1  error  no-undef\n```')
    expect(slackSections).toContain(reason)
    expect(slackSections).toContain(
      `*Stage Build › Lint: Failed*\n${failed}\n\`\`\`\n&gt; eslint .\nsrc/cart.ts:3:1  error  no-undef\n\`\`\``,
    )
    expect(run.outputs).toMatchObject({ 'failed-stage': 'Build', 'failed-action': 'Lint' })
  })

  it('stopped with a reason: the stage, the action and the reason, Stopped in the outputs', async () => {
    const stop = { at: 60, abandon: true, reason: 'Release postponed' }
    const run = await monitor(gatedScenario(QUICK, [{ id: execId(1), at: 10, commit: sha(1), stop }]))
    const { errors, why, slackSections } = seen(run)
    const reason = `Execution ${execId(1)} of shop-staging was stopped in stage Release, action Approve; the reason given: "Release postponed".`
    expect(errors).toEqual([`::error::${reason}`])
    expect(why).toBe(reason)
    expect(slackSections).toContain(reason)
    expect(run.outputs).toMatchObject({ 'execution-status': 'Stopped', 'failed-stage': 'Release' })
    expect(run.stdout).not.toMatch(/Stage Release: Succeeded/)
  })

  it('an automatic rollback, followed: its id, what it rolls back to and its outcome', async () => {
    const failing = { Deploy: { durationSeconds: 10, outcome: 'Failed' } }
    const timelines = { ...QUICK, Approve: { durationSeconds: 5 }, Deploy: { durationSeconds: 10 } }
    const scenario = gatedScenario(timelines, [
      { id: execId(1), at: 1, commit: sha(1) },
      { id: execId(2), at: 60, commit: sha(2), actions: failing },
    ])
    const run = await runMonitor(scenario, { 'commit-sha': sha(2), 'follow-rollback': 'true' }, { slack: true })
    const { errors, why, slackSections } = seen(run)
    const reason = new RegExp(
      `^Execution ${execId(2)} of shop-staging failed in stage Deploy, action Deploy: JobFailed: Action Deploy failed\\. Stage Deploy rolls back on failure: AWS started rollback execution [0-9a-f-]{36} to execution ${execId(1)} \\(commit 1111111\\); the rollback succeeded: stage Deploy runs the earlier execution again\\.$`,
    )
    expect(errors).toHaveLength(1)
    const line = errors[0]!.replace(/^::error::/, '')
    expect(line).toMatch(reason)
    expect(why).toBe(line)
    expect(slackSections).toContain(line)
    expect(run.outputs).toMatchObject({ 'execution-id': execId(2), 'execution-status': 'Failed' })
  })

  describe('nothing found: no execution-status output (an unset output reads as empty), never "Unknown"', () => {
    const history = shopScenario({ executions: [{ id: execId(1), at: -600, commit: sha(1) }] })
    const missing = '0123abcd-0000-4000-8000-00000000dead'

    it.each([
      [
        'an execution-id AWS does not have',
        { 'execution-id': missing },
        `No execution ${missing} in pipeline shop-staging: check execution-id (executions are kept 12 months).`,
      ],
      [
        'no execution of the commit appears before the timeout',
        { 'commit-sha': sha(9), 'timeout-minutes': '0.02' },
        `No execution of shop-staging for commit 9999999 appeared within 0.02 min (1 s). The latest executions: ${execId(1)} Succeeded (revision 1111111).`,
      ],
    ])('%s', async (_, inputs, reason) => {
      const run = await runMonitor(history, inputs, { slack: true })
      const { errors, why, slackText, slackSections } = seen(run)
      expect(run.exitCode).toBe(1)
      expect(errors).toEqual([`::error::${reason}`])
      expect(why).toBe(reason)
      expect(slackText).toContain(reason)
      expect(slackSections).toContain(reason)
      expect(run.outputs).toMatchObject({ result: 'failure', 'pipeline-name': 'shop-staging' })
      expect(run.outputs).not.toHaveProperty('execution-status')
      expect(run.outputs).not.toHaveProperty('execution-id')
      expect(JSON.stringify(run.outputs)).not.toContain('Unknown')
    })
  })
})
