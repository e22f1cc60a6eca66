import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { renderSummary, SUMMARY_MAX_BYTES } from '../../src/report/summary.js'
import { relationSentence, statusCell } from '../../src/report/summary-sections.js'
import { summaryPage } from '../../scripts/markdown-html.js'
import { monitorFailure, validateFailure, createSuccess } from './fixtures.js'
import { SUMMARY_CASES, summaryFixture } from './summary-cases.js'
import { firstOf, nth } from '../helpers/must.js'
import { TEST_SHA } from '../fixtures/inputs.js'

const dir = join(import.meta.dirname, '..', 'fixtures', 'summaries')

describe('reviewed summary fixtures (regenerate with `npx tsx scripts/summary-fixtures.ts`, then look)', () => {
  it.each(Object.keys(SUMMARY_CASES))('%s: Markdown and HTML unchanged', (name) => {
    const md = summaryFixture(name)
    expect(md).toBe(readFileSync(join(dir, `${name}.md`), 'utf8'))
    expect(summaryPage(md, name)).toBe(readFileSync(join(dir, `${name}.html`), 'utf8'))
  })
})

describe('renderSummary', () => {
  it('escapes what comes from AWS and inputs', () => {
    const r = monitorFailure()
    r.reason = 'Stage <script>alert(1)</script> failed | **bold** [x](javascript:alert(1)) @team'
    r.environment = 'prod | <b>'
    const md = renderSummary(r)
    expect(md).not.toContain('<script>')
    expect(md).not.toContain('<b>')
    expect(md).toContain('\\<script\\>')
    expect(md).toContain('prod \\| \\<b\\>')
    expect(md).not.toMatch(/\]\(javascript:/)
  })

  it('keeps log tails intact inside a fence longer than any backtick run', () => {
    const r = monitorFailure()
    const d = r.details as { execution: { stages: { actions: { logTail?: string[] }[] }[] } }
    firstOf(nth(d.execution.stages, 1).actions).logTail = ['```', 'echo `whoami`', '````']
    const md = renderSummary(r)
    expect(md).toContain('`````\n```\necho `whoami`\n````\n`````')
  })

  it('stays within 1 MiB and says what it cut', () => {
    const r = validateFailure()
    const d = r.details as { checks: unknown[]; rounds: unknown[] }
    const check = {
      name: 'c'.repeat(200),
      type: 'metric',
      status: 'fail',
      value: 1,
      threshold: 0,
      message: 'm'.repeat(3000),
    }
    d.checks = Array.from({ length: 5000 }, () => check)
    d.rounds = Array.from({ length: 2000 }, (_, i) => ({
      at: new Date(i * 60_000).toISOString(),
      checks: [check],
    }))
    const md = renderSummary(r)
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES)
    expect(md).toMatch(/more checks not shown: the job summary is limited to 1 MiB per step/)
    expect(md).toMatch(/rounds not shown/)
  })

  it('cuts a huge diff with a note', () => {
    const r = createSuccess()
    ;(r.details as { diff: string[] }).diff = Array.from(
      { length: 50_000 },
      (_, i) => `+ line ${i} ${'x'.repeat(100)}`,
    )
    const md = renderSummary(r)
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES)
    expect(md).toMatch(/more diff lines not shown/)
  })

  it.each([
    ['the short commit', '0123456', false],
    ['a release name', '1.4.2', true],
  ])('shows a Version cell only when it is not %s', (_name, version, shown) => {
    const r = monitorFailure()
    r.version = version
    const d = r.details as { execution: { version?: string } }
    d.execution.version = version
    const md = renderSummary(r)
    expect(md.includes('Version')).toBe(shown)
    expect(md).toContain('Commit')
  })

  it.each([
    ["the step's", TEST_SHA, '1.4.2', 'started 10:00:05 UTC · ended 10:03:40 UTC · 3m 35s\n'],
    [
      'another',
      'f'.repeat(40),
      '1.4.3',
      'started 10:00:05 UTC · ended 10:03:40 UTC · 3m 35s · commit `fffffff` · version `1.4.3`\n',
    ],
  ])(
    'the execution line names its commit and version only when they are not %s (shown above)',
    (_n, commit, version, line) => {
      const r = monitorFailure()
      const d = r.details as { execution: { commit?: string; version?: string } }
      d.execution.commit = commit
      d.execution.version = version
      expect(renderSummary(r)).toContain(`\n${line}`)
    },
  )

  it('a cancelled run says so in the heading', () => {
    const r = monitorFailure()
    r.cancelled = true
    expect(renderSummary(r).split('\n')[0]).toBe('## ⏹️ Deployment pipeline cancelled: staging · 1.4.2')
  })

  it.each([
    ['success', false, 'The verdict is unchanged: success.'],
    ['failure', false, 'The verdict is unchanged: failure.'],
    ['failure', true, 'The run was cancelled.'],
  ] as const)(
    'an alert failure with fail-on-alert-error is said at the top (%s, cancelled %s)',
    (v, c, tail) => {
      const r = monitorFailure()
      r.verdict = v
      r.cancelled = c
      const lines = renderSummary(r, {
        alertFailure: 'Alert not delivered — Slack (webhook): HTTP 500',
      }).split('\n')
      expect(lines[2]).toBe(
        `> ❌ **This step failed** because the alert could not be delivered (fail-on-alert-error: true): Alert not delivered — Slack \\(webhook\\): HTTP 500. ${tail}`,
      )
    },
  )

  it.each([
    [
      'add `permissions: { statuses: write }` to the job.',
      'add `permissions: { statuses: write }` to the job.',
    ],
    ['a `b` c | d', 'a `b` c \\| d'],
    ['no code *here*', 'no code \\*here\\*'],
  ])('delivery text keeps inline code whole: %s', (text, shown) => {
    const md = renderSummary(monitorFailure(), {
      deliveries: [{ channel: 'Commit status', ok: false, text }],
    })
    expect(md).toContain(`- ⚠️ Commit status: ${shown}`)
  })

  it.each([
    [undefined, true, 'Changes that were not applied', 'change not determined'],
    ['unchanged', true, 'Changes that were not applied', 'unchanged'],
    ['updated', false, '#### Changes\n', 'updated'],
  ] as const)('create-pipeline change %s (failed %s): diff titled "%s"', (change, failed, title, heading) => {
    const r = createSuccess()
    const d = r.details as { change?: string; diff: string[] }
    d.change = change
    d.diff = ['- executionMode: SUPERSEDED', '+ executionMode: QUEUED']
    if (failed) r.verdict = 'failure'
    const md = renderSummary(r)
    expect(md).toContain(title)
    expect(md).toContain(`— ${heading}`)
  })

  it.each([
    [
      [{ id: 'exec-1', status: 'Succeeded', revision: 'a'.repeat(40), startedAt: '2026-11-05T10:00:00Z' }],
      ' The latest executions: exec-1 Succeeded (revision aaaaaaa).',
      '### Recent executions\n\n_None of them ran this commit._\n\n| Execution |',
    ],
    [[], ' The pipeline has no executions.', '7m 30s |\n\n<sub>'],
  ])(
    'monitor by commit, never found: the headline and the reason say it timed out, no note again (%#)',
    (recent, listing, section) => {
      const r = monitorFailure()
      r.reason = `No execution of shop-staging for commit 0123456 appeared within 5 min.${listing}`
      r.details = { kind: 'monitor', pipelineName: 'shop-staging', timedOut: true, recentExecutions: recent }
      const md = renderSummary(r, {
        run: {
          serverUrl: 'https://github.com',
          repository: 'o/r',
          runUrl: 'https://github.com/o/r/actions/runs/1',
        },
      })
      expect(md.split('\n')[0]).toBe('## ❌ Deployment pipeline timed out: staging · 1.4.2')
      expect(md).not.toMatch(/Timed out|no recent executions/)
      expect(md).toContain(section)
    },
  )

  it.each([
    ['Succeeded', undefined, '✅ Succeeded'],
    ['Succeeded', 2, '✅ Succeeded after a retry (attempt 2)'],
    ['Failed', 2, '❌ Failed (attempt 2)'],
    ['InProgress', 2, '⏳ InProgress (attempt 2)'],
  ] as const)('status cell %s, attempts %s: %s', (status, attempts, cell) =>
    expect(statusCell(status, attempts)).toBe(cell),
  )

  it.each([
    ['diverged', 'The newer commit does not contain your commit (diverged).'],
    ['behind', 'The newer commit does not contain your commit (behind: it is older).'],
    ['ahead', 'The newer commit contains your commit (ahead).'],
    ['same-commit', 'The newer execution runs your commit.'],
    [
      'unverified: no github-token to call the compare API',
      'Whether the newer commit contains your commit is not verified: no github-token to call the compare API.',
    ],
  ])('superseded relation %s reads: %s', (relation, sentence) =>
    expect(relationSentence(relation)).toBe(sentence),
  )
})
