import { decide, judgeSuccessor, type StatusFacts } from '../../src/execution/verdict.js'

const facts = (status: string, extra: Partial<StatusFacts> = {}): StatusFacts => ({
  executionId: 'e-1',
  pipelineName: 'shop-staging',
  status,
  ...extra,
})

describe('decide', () => {
  const failedAt = { failedStage: 'Build', failedAction: 'Build', failure: 'BUILD phase FAILED: exit 1' }
  it.each([
    ['Succeeded', 'follow', {}, 'final', 'success', /succeeded/],
    [
      'Failed',
      'follow',
      failedAt,
      'final',
      'failure',
      /failed in stage Build, action Build: BUILD phase FAILED/,
    ],
    [
      'Stopped',
      'follow',
      { failedStage: 'Deploy', failedAction: 'Deploy' },
      'final',
      'failure',
      /stopped in stage Deploy, action Deploy/,
    ],
    [
      'Stopped',
      'follow',
      { failedStage: 'Release', failedAction: 'Approve', stopReason: 'Release postponed' },
      'final',
      'failure',
      /stopped in stage Release, action Approve; the reason given: "Release postponed"\.$/,
    ],
    [
      'Stopped',
      'follow',
      { failedStage: 'Build', stopReason: '' },
      'final',
      'failure',
      /Build; no reason was given\.$/,
    ],
    ['Cancelled', 'follow', { failedStage: 'Test' }, 'final', 'failure', /cancelled in stage Test/],
    ['Superseded', 'fail', {}, 'final', 'failure', /superseded .*on-superseded: fail/],
    ['Superseded', 'succeed', {}, 'final', 'success', /superseded.*"succeed"/],
    [
      'Superseded',
      'fail',
      { supersededBy: { id: 'e-9', revision: 'abcdef0123456789' } },
      'final',
      'failure',
      /superseded by newer execution e-9 \(commit abcdef0\) before it finished \(on-superseded: fail\)/,
    ],
    ['Superseded', 'follow', {}, 'follow-successor', undefined, undefined],
    ['InProgress', 'follow', {}, 'wait', undefined, undefined],
    ['Stopping', 'follow', {}, 'wait', undefined, undefined],
    ['Failed', 'follow', { ...failedAt, autoRetryPending: true }, 'wait', undefined, undefined],
    ['SomethingNew', 'fail', {}, 'wait', undefined, undefined],
  ] as const)('%s with on-superseded %s → %s %s', (status, onSuperseded, extra, kind, verdict, reason) => {
    const d = decide(facts(status, extra), onSuperseded)
    expect(d.kind).toBe(kind)
    if (d.kind === 'final') {
      expect(d.verdict).toBe(verdict)
      expect(d.reason).toMatch(reason!)
    }
  })
})

describe('judgeSuccessor', () => {
  const base = {
    originalId: 'e-1',
    successorId: 'e-2',
    commit: 'aaaaaaa1111',
    successorCommit: 'bbbbbbb2222',
    successor: { verdict: 'success' as const, reason: 'e-2 succeeded.' },
  }
  it.each([
    [
      { kind: 'contains', how: 'ahead' },
      'success',
      /succeeded with revision bbbbbbb, containing commit aaaaaaa/,
    ],
    [{ kind: 'contains', how: 'identical' }, 'success', /containing commit aaaaaaa/],
    [{ kind: 'contains', how: 'same-commit' }, 'success', /the same commit/],
    [
      { kind: 'unrelated', how: 'diverged' },
      'failure',
      /replaced by an unrelated revision bbbbbbb \(compare: diverged\)/,
    ],
    [{ kind: 'unrelated', how: 'behind' }, 'failure', /unrelated revision/],
    [
      { kind: 'unverified', why: 'GitHub unreachable' },
      'failure',
      /could not be verified: GitHub unreachable/,
    ],
  ] as const)('successor succeeded, relation %j → %s', (relation, verdict, reason) => {
    const j = judgeSuccessor({ ...base, relation })
    expect(j.verdict).toBe(verdict)
    expect(j.reason).toMatch(reason)
    expect(j.reason).toMatch(/e-1 was superseded by e-2/)
  })

  it('a failed successor fails whatever the relation', () => {
    const j = judgeSuccessor({
      ...base,
      successor: { verdict: 'failure', reason: 'e-2 failed in stage Deploy.' },
      relation: { kind: 'contains', how: 'ahead' },
    })
    expect(j).toEqual({
      verdict: 'failure',
      reason: expect.stringMatching(/did not succeed: e-2 failed in stage Deploy/),
    })
  })
})
