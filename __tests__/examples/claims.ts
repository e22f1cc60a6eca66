// What each step of an example must show: it ends as the example claims.
import { expect } from '@jest/globals'
import type { Emulator } from '../../emulator/index.js'
import type { Example } from './examples.js'
import type { StepRun } from './run-step.js'
import { COMMIT } from './simulation.js'
import { REPOSITORY } from './world.js'

/** Success (the examples show releases that work); validate proves the tag and reads no API Gateway unasked. */
export function expectClaims(run: StepRun, example: Example): void {
  const where = `${example.where} (${run.inputs.mode})`
  const failures = run.stdout.split('\n').filter((l) => l.startsWith('::error'))
  expect({ where, result: run.outputs.result, failures }).toEqual({ where, result: 'success', failures: [] })
  if (run.inputs.mode === 'validate') {
    const checks = JSON.parse(run.outputs.checks ?? '[]') as { name: string; type: string; status: string }[]
    const version = checks.find((c) => c.type === 'version')
    if (run.inputs['expected-image-tag'])
      expect({ where, version: version?.status }).toEqual({ where, version: 'pass' })
    const readsApiGateway = run.calls.some((c) => JSON.stringify(c.params ?? '').includes('AWS/ApiGateway'))
    expect({ where, readsApiGateway }).toEqual({ where, readsApiGateway: !!run.inputs['api-name'] })
  }
}

/**
 * With `status-context`, the commit the step is about (the pull request's head, not its merge commit) carries
 * the status: `success` only from the last gate (validate, or `status-final: true`), `pending` before it.
 */
export function expectCommitStatus(emulator: Emulator, run: StepRun, example: Example): void {
  const context = run.inputs['status-context']
  if (!context) return
  const github = emulator.world.states.github as {
    statuses: Map<string, { state: string; context: string }[]>
  }
  const posted = (github.statuses.get(`${REPOSITORY}@${COMMIT}`) ?? []).filter((s) => s.context === context)
  const final =
    run.inputs.mode === 'validate'
      ? run.inputs['status-final'] !== 'false'
      : run.inputs['status-final'] === 'true'
  const where = `${example.where} (${run.inputs.mode})`
  expect({ where, state: posted.at(-1)?.state }).toEqual({ where, state: final ? 'success' : 'pending' })
}

/** One line on what the step showed. */
export function proof(run: StepRun): string {
  const o = run.outputs
  const checks = o.checks
    ? (JSON.parse(o.checks) as { name: string; status: string }[])
        .map((c) => `${c.name} ${c.status}`)
        .join(', ')
    : undefined
  return [
    `result ${o.result}`,
    run.inputs['status-context'] && `status ${run.inputs['status-context']} posted`,
    o['pipeline-change'] && `pipeline ${o['pipeline-change']}`,
    o['execution-status'] && `execution ${o['execution-status']}`,
    checks && `checks: ${checks}`,
    `${run.calls.filter((c) => !['slack', 'sns', 'github'].includes(c.service)).length} AWS calls`,
  ]
    .filter(Boolean)
    .join('; ')
}
