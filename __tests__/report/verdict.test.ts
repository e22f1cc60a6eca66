// Headlines say what is true at the moment the step ends (issue 16): a started, unfollowed execution is running.
import { describe, expect, it } from '@jest/globals'
import { headlineOf, hookAnswerOf } from '../../src/report/verdict.js'
import type { CreatePipelineDetails, HookReport, StepResult } from '../../src/result.js'
import { createSuccess } from './fixtures.js'

function withExecution(status: string | undefined): StepResult {
  const r = createSuccess()
  const d = r.details as CreatePipelineDetails
  if (status) d.execution = { id: 'e2f9a1c4-5b6d-4e7f-8a9b-0c1d2e3f4a5b', status, stages: [] }
  return r
}

describe('headlineOf create-pipeline', () => {
  it.each([
    [undefined, 'Pipeline updated'],
    [
      'InProgress',
      "Pipeline updated; execution e2f9a1c4-5b6d-4e7f-8a9b-0c1d2e3f4a5b started — following it is the monitor's job",
    ],
    ['Succeeded', 'Deployment pipeline succeeded'],
  ])('execution %s → %s', (status, headline) => {
    expect(headlineOf(withExecution(status))).toBe(headline)
  })
})

describe('hookAnswerOf: what became of the answer to the PAUSE hook', () => {
  it.each<[Pick<HookReport, 'action' | 'done'>, string]>([
    [{ action: 'CONTINUE', done: true }, 'CONTINUE sent'],
    [{ action: 'ROLLBACK', done: true }, 'ROLLBACK sent'],
    [{ action: 'CONTINUE', done: false }, 'CONTINUE not accepted'],
    [{ done: false }, 'no call'],
  ])('%j → %s', (hook, answer) => {
    expect(hookAnswerOf({ mode: 'gate', message: '', ...hook })).toBe(answer)
  })
})
