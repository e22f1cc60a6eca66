// Each address and each fact once per job summary (issue 16: no repeated links, no duplicate facts), as GitHub
// renders it: every summary shape is rendered by a GFM-conformant parser (micromark + GFM) and read from the HTML.
// Every address the result carries is linked exactly once, where the reader needs it most.
import { describe, expect, it } from '@jest/globals'
import { escapeHtml, markdownToHtml } from '../../scripts/markdown-html.js'
import { safeUrl, urlsIn } from '../../src/report/markdown.js'
import { renderSummary } from '../../src/report/summary.js'
import type { ExecutionReport, StepResult } from '../../src/result.js'
import { SUMMARY_SHAPES, monitorFailureAsReported } from './summary-shapes.js'
import { firstOf, nth } from '../helpers/must.js'

const run = {
  serverUrl: 'https://github.com',
  repository: 'octo-org/shop',
  runUrl: 'https://github.com/octo-org/shop/actions/runs/4242',
}

const unescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
const hrefs = (html: string): string[] => [...html.matchAll(/href="([^"]*)"/g)].map((m) => unescape(m[1]!))
const rendered = (r: StepResult) => markdownToHtml(renderSummary(r, { run }))

/** Every address the result carries: the reason's, the commit's, the executions', each action's, the run's. */
function addressesOf(r: StepResult): Set<string> {
  const d = r.details
  const execution: ExecutionReport | undefined = d.kind === 'validate' ? undefined : d.execution
  const rows = execution?.stages.flatMap((s) => [s, ...s.actions]) ?? []
  const all = [
    ...urlsIn(r.reason),
    `${run.serverUrl}/${run.repository}/commit/${r.commitSha}`,
    d.kind === 'validate' ? undefined : d.superseded?.url,
    execution?.url,
    ...rows.flatMap((row) => [row.url, row.logUrl]),
    run.runUrl,
  ]
  return new Set(all.map((u) => safeUrl(u)).filter((u): u is string => !!u))
}

describe('each address once in every summary shape', () => {
  it.each(Object.entries(SUMMARY_SHAPES))('%s', (_name, make) => {
    const r = make()
    const links = hrefs(rendered(r))
    const repeated = links.filter((h, i) => links.indexOf(h) !== i)
    expect(repeated).toEqual([])
    expect(new Set(links)).toEqual(addressesOf(r))
  })
})

function errorsOf(r: StepResult): string[] {
  const d = r.details
  const execution = d.kind === 'validate' ? undefined : d.execution
  return (execution?.stages.flatMap((s) => [s, ...s.actions]) ?? []).flatMap((row) => row.error ?? [])
}

/** What the summary says below its headline and its reason (both shared with Slack, e-mail and the status). */
function body(html: string): string {
  const afterReason = html.indexOf('</p>', html.indexOf('</h2>')) + '</p>'.length
  return html.slice(afterReason).replace(/<[^>]+>/g, ' ')
}

const count = (text: string, what: string | RegExp): number => text.split(what).length - 1

describe('each fact once in every summary shape', () => {
  it.each(Object.entries(SUMMARY_SHAPES))('%s', (_name, make) => {
    const r = make()
    const html = rendered(r)
    const text = body(html)
    // The table's Commit and Version; the execution line and the superseded note name other ones only.
    expect(count(text, r.commitSha!.slice(0, 7))).toBe(1)
    expect(count(html, `<code>${r.version}</code>`)).toBe(1)
    // A timeout: the headline says so, and the reason when and where.
    expect(count(text, /timed out/i)).toBe(0)
    // A failed action's error: in the Why line when the reason carries it, else in What failed.
    const whole = html.replace(/<[^>]+>/g, ' ')
    for (const error of errorsOf(r)) expect(count(whole, escapeHtml(error))).toBe(1)
  })
})

describe("a failed action's error once, however the reason words it", () => {
  // The summary repeats an error in What failed unless the Why line shows it: it reads the reason as shown
  // (truncated, perhaps) rather than trusting how a mode worded it, so a reworded reason cannot hide an error.
  const build = (r: StepResult) =>
    firstOf(nth((r.details as { execution: ExecutionReport }).execution.stages, 1).actions)
  it.each([
    ['the error in other words around it', (error: string) => `The build broke (${error}); see its log.`],
    ['the error at the start', (error: string) => `${error} — that is why the deployment stopped.`],
    ['no error: the reason names only the stage', () => 'Deployment pipeline failed in stage Build.'],
    ['an error cut short', (error: string) => `Deployment pipeline failed: ${error.slice(0, 10)}…`],
  ])('%s', (_name, reason) => {
    const r = monitorFailureAsReported()
    const error = build(r).error!
    r.reason = reason(error)
    const html = rendered(r)
    expect(count(html.replace(/<[^>]+>/g, ' '), escapeHtml(error))).toBe(1)
  })
})

/** The HTML from a heading or paragraph that starts with `from` up to the next one starting with `to`. */
const between = (html: string, from: string, to: string): string =>
  html.slice(html.indexOf(from), to ? html.indexOf(to, html.indexOf(from)) : undefined)

describe('where each address is kept', () => {
  const r = monitorFailureAsReported()
  const build = firstOf(nth((r.details as { execution: ExecutionReport }).execution.stages, 1).actions)
  const html = rendered(r)

  it("a failed build's log stays in the Why line, the first thing read; the table and What failed leave it out", () => {
    expect(hrefs(between(html, '<p><strong>Why:</strong>', '<table>'))).toEqual([build.logUrl])
    expect(hrefs(between(html, '<h3>Execution', '<h4>What failed'))).not.toContain(build.logUrl)
    expect(hrefs(between(html, '<h4>What failed', '<sub>'))).toEqual([])
  })

  it('the build page stays in the Links column', () =>
    expect(hrefs(between(html, '<h3>Execution', '<h4>What failed'))).toContain(build.url))

  it('a failed action whose log the reason does not carry keeps it beside its error in What failed', () => {
    const twice = SUMMARY_SHAPES['monitor failure, two failed actions']!()
    const lint = nth(nth((twice.details as { execution: ExecutionReport }).execution.stages, 1).actions, 1)
    const page = rendered(twice)
    expect(hrefs(between(page, '<h4>What failed', '<details'))).toEqual([lint.logUrl])
    expect(hrefs(between(page, '<h3>Execution', '<h4>What failed'))).not.toContain(lint.logUrl)
  })

  it("the commit is linked in the table at the top, not again as the Source action's page", () => {
    const commit = `${run.serverUrl}/${run.repository}/commit/${r.commitSha}`
    expect(hrefs(between(html, '<table>', '</table>'))).toEqual([commit])
    expect(hrefs(between(html, '<h3>Execution', '<h4>What failed'))).not.toContain(commit)
  })

  it('a superseded execution: the note links the one superseded and names the successor its section links', () => {
    const page = rendered(SUMMARY_SHAPES['monitor superseded']!())
    const note = between(page, '<blockquote>', '</blockquote>')
    expect(hrefs(note)).toHaveLength(1)
    expect(note).toContain('judged by f1e2d3c4-0000-4e7f-8a9b-0c1d2e3f4a5b.')
    expect(hrefs(between(page, '<h3>Execution', '</h3>'))).toHaveLength(1)
  })
})
