import {
  buildStages,
  formatElapsed,
  formatTransition,
  latestRuns,
  stageStatus,
  transitions,
  attemptNote,
  whereItEnded,
  type ActionRun,
  type PipelineShape,
} from '../../src/execution/progress.js'
import { isManualApproval } from '../../src/execution/approval.js'
import { nth } from '../helpers/must.js'

const shape: PipelineShape = {
  stages: [
    { name: 'Source', autoRetry: false, actions: [{ name: 'Source', runOrder: 1 }] },
    { name: 'Build', autoRetry: false, actions: [{ name: 'Build', runOrder: 1, provider: 'CodeBuild' }] },
    {
      name: 'Test',
      autoRetry: false,
      actions: [
        { name: 'Integration', runOrder: 1 },
        { name: 'Unit', runOrder: 1 },
      ],
    },
  ],
}
const run = (
  stage: string,
  action: string,
  status: string,
  startedAt = 0,
  updatedAt = 10_000,
): ActionRun => ({
  stage,
  action,
  status,
  startedAt,
  updatedAt,
  attempts: 1,
})

describe('latestRuns', () => {
  it('keeps the latest attempt of each action and counts attempts', () => {
    const runs = latestRuns([
      { stageName: 'Build', actionName: 'Build', status: 'Failed', startTime: new Date(1000) },
      {
        stageName: 'Build',
        actionName: 'Build',
        status: 'InProgress',
        startTime: new Date(5000),
        input: { actionTypeId: { provider: 'CodeBuild' } },
        output: { executionResult: { externalExecutionId: 'b:1', errorDetails: { code: 'X' } } },
      },
    ])
    expect(runs).toEqual([
      expect.objectContaining({
        status: 'InProgress',
        attempts: 2,
        provider: 'CodeBuild',
        externalExecutionId: 'b:1',
      }),
    ])
  })
})

describe("an action's provider: its execution's, else the declared one", () => {
  const shape: PipelineShape = {
    stages: [
      { name: 'Release', autoRetry: false, actions: [{ name: 'Approve', runOrder: 1, provider: 'Manual' }] },
    ],
  }
  const approve = (provider?: string) => ({
    stageName: 'Release',
    actionName: 'Approve',
    status: 'Failed',
    startTime: new Date(1000),
    ...(provider ? { input: { actionTypeId: { provider } } } : {}),
  })
  it.each([
    ['named by the execution', [approve('Manual')], undefined, 'Manual'],
    ['declared only', [approve()], shape, 'Manual'],
    ['the execution wins', [approve('Lambda')], shape, 'Lambda'],
    ['neither', [approve()], undefined, undefined],
  ])('%s', (_name, details, given, provider) => {
    const [run] = latestRuns(details, given)
    expect(run?.provider).toBe(provider)
    expect(run && isManualApproval(run)).toBe(provider === 'Manual')
  })
})

describe('stageStatus', () => {
  it.each([
    [['Succeeded', 'Failed'], 'Failed'],
    [['Succeeded', 'InProgress'], 'InProgress'],
    [['Succeeded', 'NotStarted'], 'InProgress'],
    [['Abandoned', 'Succeeded'], 'Stopped'],
    [['NotStarted'], 'NotStarted'],
    [['Succeeded', 'Succeeded'], 'Succeeded'],
  ])('%j → %s', (statuses, status) => {
    expect(stageStatus(statuses.map((s) => ({ name: 'a', status: s })))).toBe(status)
  })
})

describe('buildStages', () => {
  it('lists every declared stage and action, with times and durations of what ran', () => {
    const stages = buildStages(shape, [
      run('Source', 'Source', 'Succeeded', 0, 12_000),
      run('Build', 'Build', 'InProgress', 12_000),
    ])
    expect(stages.map((s) => [s.name, s.status])).toEqual([
      ['Source', 'Succeeded'],
      ['Build', 'InProgress'],
      ['Test', 'NotStarted'],
    ])
    expect(stages[0]).toMatchObject({ durationSeconds: 12, endedAt: '1970-01-01T00:00:12.000Z' })
    expect(nth(stages, 1).actions[0]).toEqual({
      name: 'Build',
      status: 'InProgress',
      startedAt: '1970-01-01T00:00:12.000Z',
    })
    expect(nth(stages, 2).actions.map((a) => a.status)).toEqual(['NotStarted', 'NotStarted'])
  })

  it('keeps actions the current declaration no longer has', () => {
    const stages = buildStages(shape, [run('Old', 'Gone', 'Succeeded')])
    expect(stages[3]).toMatchObject({ name: 'Old', actions: [{ name: 'Gone', status: 'Succeeded' }] })
  })

  it('puts the error of a failed action on its row', () => {
    const failed = {
      ...run('Build', 'Build', 'Failed'),
      errorCode: 'JobFailed',
      errorMessage: 'Build terminated',
    }
    expect(nth(buildStages(shape, [failed]), 1).actions[0]?.error).toBe('JobFailed: Build terminated')
  })

  it("words a failed Manual approval as rejected, with the reviewer's words (not as an error)", () => {
    const rejected = { ...run('Test', 'Unit', 'Failed'), provider: 'Manual', summary: 'Not today' }
    expect(nth(buildStages(shape, [rejected]), 2).actions[1]?.error).toBe(
      'the approval was rejected: "Not today"',
    )
  })
})

describe('transitions', () => {
  it('one line per action and stage change, nothing for unchanged state', () => {
    const a = buildStages(shape, [run('Source', 'Source', 'InProgress')])
    const b = buildStages(shape, [
      run('Source', 'Source', 'Succeeded', 0, 9000),
      run('Build', 'Build', 'InProgress', 9000),
    ])
    const t = transitions(a, b)
    expect(t.map((x) => formatTransition(x, 9000))).toEqual([
      '[00:09] Source › Source: Succeeded after 9s',
      '[00:09] Stage Source: Succeeded after 9s',
      '[00:09] Build › Build: InProgress',
    ])
    expect(transitions(b, b)).toEqual([])
  })
})

describe('a stage retried by AWS', () => {
  const ok = [run('Test', 'Integration', 'Succeeded', 0, 20_000)]
  const failed = buildStages(shape, [...ok, run('Test', 'Unit', 'Failed', 0, 30_000)])
  const retry = buildStages(shape, [...ok, { ...run('Test', 'Unit', 'InProgress', 40_000), attempts: 2 }])
  const done = buildStages(shape, [
    ...ok,
    { ...run('Test', 'Unit', 'Succeeded', 40_000, 70_000), attempts: 2 },
  ])

  it('logs the retry when the failed attempt was seen, and the attempt on success', () => {
    expect(transitions(failed, retry).map((x) => formatTransition(x, 40_000))).toEqual([
      '[00:40] Test › Unit: InProgress (retry, attempt 2)',
      '[00:40] Stage Test: failed, AWS is retrying it (stage onFailure: RETRY)',
    ])
    expect(transitions(retry, done).map((x) => formatTransition(x, 70_000))).toEqual([
      '[01:10] Test › Unit: Succeeded after 30s (attempt 2: an earlier attempt failed and AWS retried it)',
      '[01:10] Stage Test: Succeeded after 1m 10s (attempt 2: an earlier attempt failed and AWS retried it)',
    ])
    expect(done.find((s) => s.name === 'Test')).toMatchObject({ status: 'Succeeded', attempts: 2 })
  })

  it('the attempt is said even when the failed one was never seen', () => {
    const before = buildStages(shape, [...ok, run('Test', 'Unit', 'InProgress', 0)])
    expect(transitions(before, done).map((x) => x.attempt)).toEqual([2, 2])
  })

  it.each([
    ['Succeeded', undefined, ''],
    ['Succeeded', 1, ''],
    ['Succeeded', 2, ' (attempt 2: an earlier attempt failed and AWS retried it)'],
    ['InProgress', 2, ' (retry, attempt 2)'],
    ['Failed', 3, ' (attempt 3)'],
  ] as const)('attemptNote(%s, %s) = "%s"', (status, attempt, note) =>
    expect(attemptNote(status, attempt)).toBe(note),
  )
})

describe('whereItEnded', () => {
  it.each([
    [
      'a failed action',
      [run('Source', 'Source', 'Succeeded'), run('Build', 'Build', 'Failed')],
      { stage: 'Build', action: 'Build' },
    ],
    [
      'an abandoned action (stopped)',
      [
        run('Source', 'Source', 'Succeeded'),
        run('Build', 'Build', 'Succeeded'),
        run('Test', 'Unit', 'Abandoned'),
      ],
      { stage: 'Test', action: 'Unit' },
    ],
    ['all succeeded so far', [run('Source', 'Source', 'Succeeded')], {}],
  ])('%s', (_n, runs, at) => {
    expect(whereItEnded(buildStages(shape, runs))).toEqual(at)
  })
})

describe('formatElapsed', () => {
  it.each([
    [0, '[00:00]'],
    [65_000, '[01:05]'],
    [3_723_000, '[1:02:03]'],
  ])('%d ms → %s', (ms, s) => expect(formatElapsed(ms)).toBe(s))
})
