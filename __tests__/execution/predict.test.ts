import { nextExpectation, usualDurations } from '../../src/execution/predict.js'
import type { ActionRun, PipelineShape } from '../../src/execution/progress.js'

const shape: PipelineShape = {
  stages: [
    { name: 'Source', autoRetry: false, actions: [{ name: 'Source', runOrder: 1 }] },
    { name: 'Build', autoRetry: false, actions: [{ name: 'Build', runOrder: 1 }] },
    {
      name: 'Test',
      autoRetry: false,
      actions: [
        { name: 'Unit', runOrder: 1 },
        { name: 'Integration', runOrder: 1 },
      ],
    },
  ],
}
const run = (
  stage: string,
  action: string,
  status: string,
  startedAt: number,
  updatedAt?: number,
): ActionRun => ({
  stage,
  action,
  status,
  startedAt,
  updatedAt,
  attempts: 1,
})
const past: ActionRun[] = [
  run('Source', 'Source', 'Succeeded', 0, 10_000),
  run('Build', 'Build', 'Succeeded', 10_000, 250_000),
  run('Test', 'Unit', 'Succeeded', 250_000, 310_000),
  run('Test', 'Integration', 'Succeeded', 250_000, 430_000),
]
const usual = usualDurations([past])

describe('usualDurations', () => {
  it('median of successful runs, spread at least 15 %', () => {
    const u = usualDurations([
      past,
      [run('Build', 'Build', 'Succeeded', 0, 300_000)],
      [run('Build', 'Build', 'Failed', 0, 5)],
    ])
    expect(u.get('Build/Build')).toEqual({ ms: 300_000, spreadMs: 45_000 })
    expect(u.get('Source/Source')).toEqual({ ms: 10_000, spreadMs: 1500 })
  })
})

describe('nextExpectation', () => {
  it('the running action ends next; the end of the execution is the last parallel action', () => {
    const now = 1_000_000
    const { next, end } = nextExpectation(
      shape,
      [
        run('Source', 'Source', 'Succeeded', now - 20_000, now - 10_000),
        run('Build', 'Build', 'InProgress', now - 10_000),
      ],
      usual,
      now,
    )
    expect(next).toMatchObject({ stage: 'Build', at: now + 230_000, terminal: false })
    expect(end).toBe(now + 230_000 + 180_000)
  })

  it('when only the last action runs, its end is terminal', () => {
    const now = 1_000_000
    const { next } = nextExpectation(
      shape,
      [
        run('Source', 'Source', 'Succeeded', 0, 10_000),
        run('Build', 'Build', 'Succeeded', 10_000, 20_000),
        run('Test', 'Unit', 'Succeeded', 20_000, 30_000),
        run('Test', 'Integration', 'InProgress', 20_000),
      ],
      usual,
      now,
    )
    expect(next).toMatchObject({ action: 'Integration', at: 200_000, terminal: true })
  })

  it('a late action pushes the rest; unknown durations stop the prediction; failures end it', () => {
    const now = 1_000_000
    const late = nextExpectation(
      shape,
      [run('Source', 'Source', 'Succeeded', 0, 0), run('Build', 'Build', 'InProgress', 0)],
      usual,
      now,
      0,
    )
    expect(late.next).toMatchObject({ action: 'Build', at: 240_000 })
    expect(late.end).toBe(now + 180_000)
    expect(nextExpectation(shape, [], new Map(), now)).toEqual({})
    expect(nextExpectation(shape, [run('Source', 'Source', 'Failed', 0, 5)], usual, now)).toEqual({})
  })
})
