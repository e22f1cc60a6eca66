import { describe, expect, it } from '@jest/globals'
import { buildAlert, shouldNotify } from '../../src/report/alert.js'
import {
  monitorFailure,
  monitorSuccess,
  validateFailure,
  createFailure,
  validateSuccess,
} from './fixtures.js'
import { nth } from '../helpers/must.js'
import { TEST_SHA } from '../fixtures/inputs.js'

const run = { runUrl: 'https://github.com/octo-org/shop/actions/runs/4242' }

describe('shouldNotify', () => {
  const cases: [string, 'failure' | 'always' | 'never', boolean, boolean | undefined, boolean][] = [
    ['failure on failure', 'failure', false, undefined, true],
    ['failure on success', 'failure', true, undefined, false],
    ['always on success', 'always', true, undefined, true],
    ['never on failure', 'never', false, undefined, false],
    ['always when cancelled', 'always', false, true, false],
    ['failure when cancelled', 'failure', false, true, false],
  ]
  it.each(cases)('%s', (_name, notifyOn, success, cancelled, expected) => {
    const r = success ? monitorSuccess() : monitorFailure()
    r.cancelled = cancelled
    expect(shouldNotify(r, notifyOn)).toBe(expected)
  })
})

describe('buildAlert', () => {
  it('names the failed stage and action with its error, log tail and links', () => {
    const a = buildAlert(monitorFailure(), run)
    expect(a.headline).toBe('Deployment pipeline failed')
    expect(a.target).toBe('staging · 1.4.2')
    const problem = nth(a.problems, 0)
    expect(problem.title).toBe('Stage Build › Build: Failed')
    expect(problem.lines[0]).toContain('COMMAND_EXECUTION_ERROR')
    expect(problem.logTail).toHaveLength(5)
    // The log link is in the failed action's problem; the footer does not repeat it.
    expect(problem.links.map((l) => l.label)).toEqual(['Details', 'Logs'])
    expect(a.links.map((l) => l.label)).toEqual(['Workflow run', 'Execution'])
  })

  it('links each address once, even when the action page is the log itself', () => {
    const r = monitorFailure()
    const d = r.details as { execution: { stages: { actions: { url?: string; logUrl?: string }[] }[] } }
    const action = nth(nth(d.execution.stages, 1).actions, 0)
    action.url = action.logUrl
    const a = buildAlert(r, run)
    const urls = [...a.problems.flatMap((p) => p.links), ...a.links].map((l) => l.url)
    expect(urls.filter((u) => u === action.logUrl)).toHaveLength(1)
  })

  it.each([
    ['the short commit', '0123456', undefined],
    ['the full commit', TEST_SHA, undefined],
    ['a release name', '1.4.2', '1.4.2'],
  ])('shows Version beside Commit only when it is not %s', (_name, version, shown) => {
    const r = monitorFailure()
    r.version = version
    const facts = buildAlert(r, run).facts
    expect(facts.find((f) => f.label === 'Version')?.value).toBe(shown)
    expect(facts.find((f) => f.label === 'Commit')?.value).toBe('0123456')
  })

  it('lists the failing checks with their values, the rollback and what was not verified', () => {
    const a = buildAlert(validateFailure(), run)
    expect(a.headline).toBe('Deployment validation failed')
    expect(a.problems[0]).toMatchObject({
      title: 'API 5XX rate (metric)',
      lines: ['value 0.0431, threshold 0.01', expect.stringContaining('4.31%')],
    })
    expect(a.problems[1]?.title).toBe('Rollback (service) done')
    expect(a.unverified).toHaveLength(1)
  })

  it('says plainly when a passing validation left something unverified', () => {
    const r = validateSuccess()
    ;(r.details as { unverified: string[] }).unverified = [
      'version: expected-image-tag is empty, the running version was not verified.',
    ]
    expect(buildAlert(r, run).headline).toBe('Deployment validation passed, partly unverified')
  })

  it('a create-pipeline failure without execution carries the reason only', () => {
    const a = buildAlert(createFailure(), run)
    expect(a.headline).toBe('Pipeline setup failed')
    expect(a.reason).toContain('InvalidStructureException')
    expect(a.problems).toEqual([])
  })

  it('a timeout names the stage still running', () => {
    const r = monitorSuccess()
    r.verdict = 'failure'
    const d = r.details as { timedOut?: boolean; execution: { status: string; stages: { status: string }[] } }
    d.timedOut = true
    d.execution.status = 'InProgress'
    nth(d.execution.stages, 3).status = 'InProgress'
    const a = buildAlert(r, run)
    expect(a.headline).toBe('Deployment pipeline timed out')
    expect(a.problems.at(-1)!.lines[0]).toContain('in stage Deploy')
  })
})
