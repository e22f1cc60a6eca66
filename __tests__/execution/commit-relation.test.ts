import { commitRelation, relationOf } from '../../src/execution/commit-relation.js'

describe('relationOf (GitHub compare status of commit...successor)', () => {
  it.each([
    ['ahead', 'contains'],
    ['identical', 'contains'],
    ['behind', 'unrelated'],
    ['diverged', 'unrelated'],
    [undefined, 'unverified'],
  ])('%s → %s', (status, kind) => expect(relationOf(status).kind).toBe(kind))
})

describe('commitRelation without a call', () => {
  const run = { apiUrl: 'http://127.0.0.1:9' }
  it.each([
    [
      { commit: 'abc1234', successorCommit: 'ABC1234' },
      { kind: 'contains', how: 'same-commit' },
    ],
    [{ successorCommit: 'abc' }, { kind: 'unverified', why: expect.stringMatching(/no commit-sha/) }],
    [
      { commit: 'abc1234', successorCommit: 'def5678', repository: 'o/r' },
      { kind: 'unverified', why: expect.stringMatching(/no github-token/) },
    ],
    [
      { commit: 'abc1234', successorCommit: 'def5678', token: 't' },
      { kind: 'unverified', why: expect.stringMatching(/repository/) },
    ],
  ])('%j', async (opts, relation) => {
    expect(await commitRelation({ run, ...opts })).toEqual(relation)
  })

  it('an unreachable GitHub is "could not be verified", never success', async () => {
    const r = await commitRelation({
      run,
      commit: 'abc1234',
      successorCommit: 'def5678',
      repository: 'o/r',
      token: 't',
    })
    expect(r).toEqual({ kind: 'unverified', why: expect.stringMatching(/compare API for o\/r failed/) })
  })
})
