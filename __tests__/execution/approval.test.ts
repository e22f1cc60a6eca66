import {
  approvalFailure,
  approvalTimeoutReason,
  pendingApproval,
  waitingLine,
} from '../../src/execution/approval.js'
import type { ActionRun } from '../../src/execution/progress.js'

const run = (stage: string, action: string, status: string, provider?: string): ActionRun => ({
  stage,
  action,
  status,
  attempts: 1,
  startedAt: 1_000,
  provider,
})
const URL = 'https://console/pipelines/shop/view'

describe('pendingApproval', () => {
  it.each([
    [
      'a Manual action in progress (provider from the run)',
      [run('Release', 'Approve', 'InProgress', 'Manual')],
      'Approve',
    ],
    [
      'a Manual action in progress with no provider known',
      [run('Release', 'Approve', 'InProgress')],
      undefined,
    ],
    ['an approval already answered', [run('Release', 'Approve', 'Succeeded', 'Manual')], undefined],
    ['a build in progress', [run('Build', 'Build', 'InProgress', 'CodeBuild')], undefined],
  ])('%s', (_, runs, action) => {
    expect(pendingApproval(runs, 5_000, URL)?.action).toBe(action)
  })
})

describe('the words', () => {
  const a = { stage: 'Release', action: 'Approve', since: 0, url: URL }
  it('each round', () =>
    expect(waitingLine(a, 125_000)).toBe(
      `Waiting for manual approval of Release › Approve for 2m 5s: a person approves or rejects it at ${URL}`,
    ))
  it('at our timeout', () =>
    expect(approvalTimeoutReason(a, 600_000, 'Execution e-1 of shop', '10 min')).toBe(
      `Execution e-1 of shop timed out waiting for manual approval of Release › Approve (waited 10m 0s; timeout 10 min): a person approves or rejects it at ${URL}.`,
    ))
})

describe('approvalFailure: a failed Manual approval, rejected or expired', () => {
  const DAY = 24 * 3600 * 1000
  const failed = (waitedMs: number, summary?: string): ActionRun => ({
    ...run('Release', 'Approve', 'Failed', 'Manual'),
    updatedAt: 1_000 + waitedMs,
    summary,
  })
  it.each([
    [
      "rejected, with the reviewer's words",
      failed(60_000, 'Preview is broken'),
      'the approval was rejected: "Preview is broken"',
    ],
    ['rejected without words', failed(60_000), 'the approval was rejected'],
    ['rejected after six days', failed(6 * DAY, 'Too late'), 'the approval was rejected: "Too late"'],
    [
      'unanswered for 7 days',
      failed(7 * DAY, 'The approval request expired'),
      'the approval expired: nobody answered it within 7 days',
    ],
    [
      'no times known: taken as rejected',
      { ...failed(0, 'No'), startedAt: undefined },
      'the approval was rejected: "No"',
    ],
  ])('%s', (_, r, words) => expect(approvalFailure(r)).toBe(words))
})
