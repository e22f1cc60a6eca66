import type { ExecutionSummary } from '../../src/execution/history.js'
import { rollbackOf, rollbackOutcome, rollingBackStage } from '../../src/execution/rollback.js'
import type { Watched } from '../../src/execution/watch.js'

const summary = (id: string, startedAt: number, extra: Partial<ExecutionSummary> = {}): ExecutionSummary => ({
  id,
  status: 'InProgress',
  startedAt,
  revisions: [],
  ...extra,
})
const watched = (status: string, extra: Partial<Watched> = {}): Watched => ({
  executionId: 'e-2',
  origin: 0,
  status,
  runs: [],
  stages: [],
  facts: { executionId: 'e-2', pipelineName: 'shop', status, failedStage: 'Deploy', failedAction: 'Deploy' },
  end: 'decided',
  ...extra,
})

describe('rollbackOf', () => {
  const list = [
    summary('e-1', 100, { status: 'Succeeded', revisions: ['1111111aaaa'] }),
    summary('e-2', 200, { status: 'Failed' }),
    summary('old-rb', 150, { type: 'ROLLBACK', rollbackTarget: 'e-0' }),
    summary('rb', 300, { type: 'ROLLBACK', rollbackTarget: 'e-1' }),
  ]
  it('the newest ROLLBACK execution started since the failed one, with its target', () =>
    expect(rollbackOf({ id: 'e-2', startedAt: 200 }, list)).toMatchObject({
      rollback: { id: 'rb' },
      target: { id: 'e-1' },
    }))
  it('none started since: undefined', () =>
    expect(rollbackOf({ id: 'e-2', startedAt: 400 }, list)).toBeUndefined())
})

describe('rollingBackStage', () => {
  const stages = [
    { name: 'Build', autoRetry: false, actions: [] },
    { name: 'Deploy', autoRetry: false, rollsBack: true, actions: [] },
  ]
  it.each<[string, Watched, string | undefined]>([
    ['a failed stage with onFailure ROLLBACK', watched('Failed'), 'Deploy'],
    ['a stop', watched('Stopped'), undefined],
    [
      'a failed stage without it',
      watched('Failed', {
        facts: { executionId: 'e', pipelineName: 'p', status: 'Failed', failedStage: 'Build' },
      }),
      undefined,
    ],
    [
      'a rollback execution that failed',
      watched('Failed', { execution: { executionType: 'ROLLBACK' } }),
      undefined,
    ],
  ])('%s', (_, w, stage) => expect(rollingBackStage(stages, w)).toBe(stage))
})

describe('rollbackOutcome', () => {
  it.each<[Watched, string]>([
    [watched('Succeeded'), 'the rollback succeeded: stage Deploy runs the earlier execution again.'],
    [watched('Failed'), 'the rollback ended Failed in stage Deploy, action Deploy.'],
    [watched('InProgress', { end: 'deadline' }), 'it was still InProgress when the timeout ended.'],
    [watched('InProgress', { end: 'cancelled' }), 'following it was cancelled.'],
  ])('%#', (w, words) => expect(rollbackOutcome(w, 'Deploy')).toBe(words))
})
