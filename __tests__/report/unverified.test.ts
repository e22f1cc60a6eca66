// The `unverified` check status (AWS could not be read) in every report: the summary's check table and bake
// rounds, the alert, Slack, and the `checks` output.
import { describe, expect, it } from '@jest/globals'
import { buildAlert } from '../../src/report/alert.js'
import { endStatus } from '../../src/report/commit-status.js'
import { renderEmail } from '../../src/report/email.js'
import { toOutputs } from '../../src/report/outputs.js'
import { renderSlackMessage } from '../../src/report/slack-message.js'
import { statusCell } from '../../src/report/summary-sections.js'
import { renderSummary } from '../../src/report/summary.js'
import type { Check, StepResult, ValidateDetails } from '../../src/result.js'
import { createFailure, createSuccess, monitorFailure, validateFailure, validateSuccess } from './fixtures.js'

const unread: Check = {
  name: 'tasks',
  type: 'task',
  status: 'unverified',
  value: null,
  threshold: '250 RUNNING, healthy, on app:7',
  message:
    'could not be read: DescribeTasks failed — ThrottlingException: Rate exceeded (still failing after retrying until the deadline)',
}

function unverifiedResult(): StepResult {
  const r = validateSuccess()
  const d = r.details as ValidateDetails
  d.checks = [...d.checks.filter((c) => c.name !== 'tasks'), unread]
  d.unverified = [`tasks: ${unread.message}`]
  d.rounds = [
    { at: '2026-11-05T10:05:00Z', checks: [unread] },
    { at: '2026-11-05T10:06:00Z', checks: d.checks },
  ]
  d.rollback = {
    mode: 'service',
    done: false,
    message:
      'not done — nothing was rolled back because the failure was not measured: tasks could not be verified, and a rollback acts only on a measured failure',
  }
  r.verdict = 'failure'
  r.unverified = true
  r.reason = `Validation of service "shop" in cluster "shop-staging" could not be verified (no check measured a failure): tasks — ${unread.message}. Rollback (service): ${d.rollback.message}`
  return r
}

const run = { runUrl: 'https://github.com/octo-org/shop/actions/runs/4242' }

describe('the unverified check status', () => {
  it.each([
    ['unverified', '⚠️ not verified'],
    ['pass', '✅ pass'],
    ['fail', '❌ fail'],
    ['no-data', '❔ no-data'],
    ['skip', '➖ skip'],
  ])('statusCell(%s) is %s', (status, cell) => {
    expect(statusCell(status)).toBe(cell)
  })

  it('the summary names it as not verified, never pass or fail, says why, and that nothing was rolled back', () => {
    const md = renderSummary(unverifiedResult())
    const line = md.split('\n').find((l) => l.startsWith('| tasks |'))!
    expect(line).toContain('⚠️ not verified')
    expect(line).not.toMatch(/✅|❌/)
    expect(line).toContain('DescribeTasks failed — ThrottlingException')
    expect(md).toMatch(/#### ⚠️ Not verified\n\n- tasks: could not be read: DescribeTasks failed/)
    expect(md).toMatch(/nothing was rolled back because the failure was not measured/)
    // The bake round that could not be read is no breach.
    expect(md).toMatch(/\| 1 \| [^|]* \| ⚠️ not verified \| tasks not verified \(could not be read\) \|/)
    expect(md).toMatch(/, no breach/)
  })

  it('the headline says "could not be verified", not "failed", with ⚠️', () => {
    const r = unverifiedResult()
    expect(renderSummary(r).split('\n')[0]).toBe(
      '## ⚠️ Deployment validation could not be verified: staging · 1.4.2',
    )
    expect(renderSummary(r)).not.toMatch(/validation failed/i)
  })

  it('Slack says what could not be read and why, and that nothing was rolled back', () => {
    const msg = renderSlackMessage(buildAlert(unverifiedResult(), run))
    const text = JSON.stringify(msg.blocks)
    expect(text).toContain('⚠️ *Not verified*')
    expect(text).toContain('tasks: could not be read: DescribeTasks failed — ThrottlingException')
    expect(text).toContain('nothing was rolled back because the failure was not measured')
  })

  it('the checks output carries status unverified, and the result is failure', () => {
    const out = toOutputs(unverifiedResult(), true)
    expect(out.result).toBe('failure')
    const checks = JSON.parse(out.checks!) as Check[]
    expect(checks.find((c) => c.name === 'tasks')).toMatchObject({ status: 'unverified' })
  })
})

/** A monitor follow that ended because AWS could not be read (the deadline, with reads still failing). */
function monitorUnread(): StepResult {
  const r = monitorFailure()
  const d = r.details as { timedOut?: boolean }
  d.timedOut = true
  r.unverified = true
  r.reason =
    'Timed out after 5 min following execution e2f9a1c4 of shop-staging; last status InProgress: execution e2f9a1c4 could not be read (last attempt: codepipeline:GetPipelineExecution: no answer within the time left before the deadline (the request timed out) — could not be verified).'
  return r
}

/** create-pipeline whose plan read (GetPipeline) never got a readable answer. */
function createUnread(): StepResult {
  const r = createFailure()
  r.unverified = true
  r.reason =
    'Pipeline "shop-staging": codepipeline:GetPipeline: AWS answered with something that is not a valid response (HTTP 200, text/html) — could not be verified'
  return r
}

/** create-pipeline with wait, whose follow ended unread. */
function createWaitUnread(): StepResult {
  const r = createSuccess()
  const m = monitorUnread()
  r.verdict = 'failure'
  r.unverified = true
  r.reason = `Pipeline "shop-staging" unchanged (version 3); ${m.reason}`
  const d = r.details as { execution?: unknown; timedOut?: boolean }
  d.execution = (m.details as { execution?: unknown }).execution
  d.timedOut = true
  return r
}

describe('headline and icon of each outcome, in every report', () => {
  const cancelled = (make: () => StepResult) => () => ({ ...make(), cancelled: true })
  const flagOnSuccess = () => ({ ...validateSuccess(), unverified: true })
  const timedOut = () => {
    const r = monitorFailure()
    ;(r.details as { timedOut?: boolean }).timedOut = true
    return r
  }
  it.each<[string, () => StepResult, string, string, string]>([
    // name, result, icon, headline, e-mail tag
    [
      'validate: only unverified checks',
      unverifiedResult,
      '⚠️',
      'Deployment validation could not be verified',
      'NOT VERIFIED',
    ],
    ['validate: a measured failure', validateFailure, '❌', 'Deployment validation failed', 'FAILED'],
    [
      'monitor: reads ran out at the deadline',
      monitorUnread,
      '⚠️',
      'Deployment pipeline could not be verified',
      'NOT VERIFIED',
    ],
    [
      'monitor: a slow execution timed out (reads fine)',
      timedOut,
      '❌',
      'Deployment pipeline timed out',
      'FAILED',
    ],
    ['monitor: the execution failed', monitorFailure, '❌', 'Deployment pipeline failed', 'FAILED'],
    [
      'create-pipeline: the plan read could not be verified',
      createUnread,
      '⚠️',
      'Pipeline setup could not be verified',
      'NOT VERIFIED',
    ],
    ['create-pipeline: AWS rejected the declaration', createFailure, '❌', 'Pipeline setup failed', 'FAILED'],
    [
      'create-pipeline with wait: the follow could not read',
      createWaitUnread,
      '⚠️',
      'Deployment pipeline could not be verified',
      'NOT VERIFIED',
    ],
    [
      'unverified but cancelled: cancelled wins',
      cancelled(monitorUnread),
      '⏹️',
      'Deployment pipeline cancelled',
      'CANCELLED',
    ],
    ['the flag on a success is ignored', flagOnSuccess, '✅', 'Deployment validation passed', 'OK'],
  ])('%s', (_, make, icon, headline, tag) => {
    const r = make()
    const target = 'staging · 1.4.2'
    expect(renderSummary(r).split('\n')[0]).toBe(`## ${icon} ${headline}: ${target}`)
    const alert = buildAlert(r, run)
    expect(alert.headline).toBe(headline)
    const header = renderSlackMessage(alert).blocks[0] as { text: { text: string } }
    expect(header.text.text).toBe(`${icon} ${headline}: ${target}`)
    expect(renderEmail(alert).subject).toBe(`[${tag}] ${headline}: staging 1.4.2`)
    // The step's verdict is unchanged: a failure stays a failed commit status (interface.md).
    const status = endStatus(r, true)
    expect(status.state).toBe(r.cancelled ? 'error' : r.verdict)
    expect(toOutputs(r, false).result).toBe(r.verdict)
  })
})
