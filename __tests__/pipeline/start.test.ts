// The pure decisions of start-execution: which revision an execution builds, and whether AWS's first
// execution (VERSION = the declared default) builds the version asked for.
import { describe, expect, it } from '@jest/globals'
import { firstRunVersionMatches, pinnedRevisionOf } from '../../src/pipeline/start.js'

const sha = '0123456789abcdef0123456789abcdef01234567'

describe('firstRunVersionMatches', () => {
  it.each([
    { name: 'no VERSION variable', r: { hasVersionVariable: false, version: 'v1' }, ok: true },
    {
      name: 'default "auto" and the default version',
      r: { hasVersionVariable: true, versionDefault: 'auto', version: '0123456' },
      ok: true,
    },
    {
      name: 'default "auto" and an explicit version',
      r: { hasVersionVariable: true, versionDefault: 'auto', version: 'v1.2.3' },
      ok: false,
    },
    {
      name: 'a declared default equal to the version',
      r: { hasVersionVariable: true, versionDefault: 'v1.2.3', version: 'v1.2.3' },
      ok: true,
    },
    { name: 'no default', r: { hasVersionVariable: true, version: '0123456' }, ok: false },
  ])('$name → $ok', ({ r, ok }) => expect(firstRunVersionMatches({ commitSha: sha, ...r })).toBe(ok))
})

describe('pinnedRevisionOf', () => {
  it('reads the revision of a pinned action only', () => {
    const e = {
      sourceRevisions: [
        { actionName: 'Other', revisionId: 'x' },
        { actionName: 'Source', revisionId: sha },
      ],
    }
    expect(pinnedRevisionOf(e, ['Source'])).toBe(sha)
    expect(pinnedRevisionOf(e, ['Nope'])).toBeUndefined()
    expect(pinnedRevisionOf({}, ['Source'])).toBeUndefined()
  })
})
