// The `unverified` check status (AWS could not be read) in every report: the summary's check table and bake
// rounds, the alert, Slack, and the `checks` output.
import { describe, expect, it } from '@jest/globals'
import { buildAlert } from '../../src/report/alert.js'
import { toOutputs } from '../../src/report/outputs.js'
import { renderSlackMessage } from '../../src/report/slack-message.js'
import { statusCell } from '../../src/report/summary-sections.js'
import { renderSummary } from '../../src/report/summary.js'
import type { Check, StepResult, ValidateDetails } from '../../src/result.js'
import { validateSuccess } from './fixtures.js'

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
