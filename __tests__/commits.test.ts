// Commit SHAs: one short form, one default version, one "same commit" test for every mode.
import { describe, expect, it } from '@jest/globals'
import { defaultVersion, sameCommit, shortSha } from '../src/commits.js'

const SHA = '0123456789abcdef0123456789abcdef01234567'

describe('sameCommit', () => {
  it.each<[string | undefined, string | undefined, boolean]>([
    [SHA, SHA, true],
    [SHA, SHA.toUpperCase(), true],
    [SHA.toUpperCase(), SHA, true],
    [SHA, SHA.slice(0, 7), true],
    [SHA.slice(0, 7), SHA, true],
    [SHA, SHA.slice(0, 12), true],
    [SHA, SHA.slice(0, 5), false],
    [SHA, 'b'.repeat(40), false],
    // Two full SHAs must be equal: a 40-character prefix of a longer id is not an abbreviation.
    [SHA, `${SHA}ff`, false],
    [SHA.slice(0, 8), SHA.slice(0, 7), true],
    [SHA.slice(0, 7), `${SHA.slice(0, 6)}f`, false],
    ['v1', 'v1', true],
    [undefined, SHA, false],
    ['', '', false],
  ])('revision %s, commit %s: %s', (revision, sha, same) => expect(sameCommit(revision, sha)).toBe(same))
})

describe('shortSha and defaultVersion', () => {
  it('agree: the first 7 characters', () => {
    expect(shortSha(SHA)).toBe('0123456')
    expect(defaultVersion(SHA)).toBe(shortSha(SHA))
    expect(defaultVersion(undefined)).toBeUndefined()
  })
})
