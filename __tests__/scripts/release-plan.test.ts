import { describe, expect, it } from '@jest/globals'
import { releaseNotes, unwrap } from '../../scripts/release/changelog.js'
import { planRelease, type RepoFacts } from '../../scripts/release/plan.js'
import { newestRelease, parseVersion } from '../../scripts/release/version.js'

const HEAD = 'c0ffee0000000000000000000000000000000000'
const OLD = 'abc1230000000000000000000000000000000000'

const CHANGELOG = `# Changelog

Intro text, not a release.

## [Unreleased]

### Added

- not released yet

## [1.1.0] - 2026-12-05

### Added

- the release workflow

### Fixed

- a [linked](https://example.test/a) fix

## [1.0.0] - 2026-11-26

- first release

[Unreleased]: https://github.com/octo-org/aws-deploy-pipeline/compare/v1.1.0...HEAD
[1.1.0]: https://github.com/octo-org/aws-deploy-pipeline/compare/v1.0.0...v1.1.0
[1.0.0]: https://github.com/octo-org/aws-deploy-pipeline/releases/tag/v1.0.0
`

describe('parseVersion', () => {
  it.each([
    ['1.1.0', { major: 1, minor: 1, patch: 0 }],
    ['v12.0.3', { major: 12, minor: 0, patch: 3 }],
    [' 2.10.1 ', { major: 2, minor: 10, patch: 1 }],
    ['1.1', undefined],
    ['1.1.0-rc.1', undefined],
    ['1.1.0+build', undefined],
    ['01.1.0', undefined],
    ['v1', undefined],
    ['latest', undefined],
    ['', undefined],
  ])('%j → %j', (text, version) => expect(parseVersion(text)).toEqual(version))
})

describe('newestRelease', () => {
  it.each([
    [['v1.0.0', 'v1.10.0', 'v1.9.9', 'v1'], { major: 1, minor: 10, patch: 0 }],
    [['v2.0.0', 'v1.4.1', 'nightly', '3.0.0'], { major: 2, minor: 0, patch: 0 }],
    [['v1', 'latest'], undefined],
  ])('%j → %j', (tags, newest) => expect(newestRelease(tags)).toEqual(newest))
})

describe('releaseNotes', () => {
  it('is the version section up to the next heading', () => {
    expect(releaseNotes(CHANGELOG, { major: 1, minor: 1, patch: 0 })).toBe(
      '### Added\n\n- the release workflow\n\n### Fixed\n\n- a [linked](https://example.test/a) fix',
    )
  })

  it('of the last section leaves out the link definitions at the end of the file', () => {
    expect(releaseNotes(CHANGELOG, { major: 1, minor: 0, patch: 0 })).toBe('- first release')
  })

  it.each([
    ['a version without a section', '## [Unreleased]\n\n- x\n', undefined],
    ['an empty section', '## [1.2.0] - 2026-12-06\n\n## [1.1.0]\n\n- x\n', ''],
    ['a heading without brackets, CRLF', '## 1.2.0 - 2026-12-06\r\n\r\n- y\r\n', '- y'],
    ['a v-prefixed heading', '## [v1.2.0] - 2026-12-06\n\n- z\n', '- z'],
    ['a longer version that starts alike', '## [1.2.0.1]\n\n- no\n## [11.2.0]\n\n- no\n', undefined],
  ])('%s', (_, changelog, notes) =>
    expect(releaseNotes(changelog, { major: 1, minor: 2, patch: 0 })).toBe(notes),
  )
})

function facts(overrides: Partial<RepoFacts> & { tagCommits?: Record<string, string> } = {}): RepoFacts {
  const tagCommits = overrides.tagCommits ?? { 'v1.0.0': OLD, v1: OLD }
  return {
    tags: Object.keys(tagCommits),
    tagCommit: (tag) => tagCommits[tag],
    head: HEAD,
    distChanges: [],
    changelog: CHANGELOG,
    runtime: { actionYml: 'node24', engines: '>=24', nodeVersionFile: '24\n' },
    ...overrides,
  }
}

describe('planRelease', () => {
  it('tags the version, moves its major tag and publishes the CHANGELOG section', () => {
    expect(planRelease('1.1.0', facts())).toEqual({
      plan: {
        version: '1.1.0',
        commit: HEAD,
        tag: 'v1.1.0',
        createTag: true,
        majorTag: 'v1',
        majorWas: OLD,
        previous: 'v1.0.0',
        latest: true,
        notes: releaseNotes(CHANGELOG, { major: 1, minor: 1, patch: 0 }),
      },
    })
  })

  it.each([
    [
      'a first release',
      '1.0.0',
      { tagCommits: {} },
      { tag: 'v1.0.0', majorWas: undefined, previous: undefined },
    ],
    [
      'a pushed tag at this commit (the tag trigger)',
      'v1.1.0',
      { tagCommits: { 'v1.1.0': HEAD, 'v1.0.0': OLD } },
      { createTag: false, previous: 'v1.0.0' },
    ],
    [
      'a fix to an older major',
      '1.0.1',
      { tagCommits: { 'v1.0.0': OLD, 'v2.0.0': OLD }, changelog: '## [1.0.1]\n\n- fix\n' },
      { majorTag: 'v1', latest: false },
    ],
    [
      '.node-version with a full version',
      '1.1.0',
      { runtime: { actionYml: 'node24', engines: '>=24', nodeVersionFile: 'v24.11.1' } },
      { tag: 'v1.1.0' },
    ],
  ])('%s', (_, version, overrides, expected) => {
    const outcome = planRelease(version, facts(overrides))
    expect(outcome).toEqual({ plan: expect.objectContaining(expected) })
  })

  it.each([
    ['not a version', '1.1', {}, '"1.1" is not a release version: use MAJOR.MINOR.PATCH, e.g. 1.1.0'],
    ['a pre-release', '1.1.0-rc.1', {}, '"1.1.0-rc.1" is not a release version'],
    [
      'a version already released',
      '1.0.0',
      {},
      'v1.0.0 already exists at abc1230, not at the commit being released',
    ],
    [
      'an older version',
      '0.9.0',
      { tagCommits: { 'v0.9.1': OLD }, changelog: '## [0.9.0]\n\n- x\n' },
      '0.9.0 is not newer than v0.9.1, the latest release of v0',
    ],
    [
      'a tag that exists elsewhere',
      '1.1.0',
      { tagCommits: { 'v1.1.0': OLD } },
      'v1.1.0 already exists at abc1230, not at the commit being released (c0ffee0)',
    ],
    [
      'no section',
      '1.2.0',
      {},
      'CHANGELOG.md has no section for 1.2.0: rename "## [Unreleased]" to "## [1.2.0] - YYYY-MM-DD"',
    ],
    [
      'an empty section',
      '1.2.0',
      { changelog: '## [1.2.0]\n\n## [1.1.0]\n' },
      "CHANGELOG.md's section for 1.2.0 is empty",
    ],
    [
      'relative links in the notes',
      '1.2.0',
      { changelog: '## [1.2.0]\n\n- see [docs](docs/a.md), [b](#b), [c](mailto:x@example.test)\n' },
      "CHANGELOG.md's section for 1.2.0 links to docs/a.md: a release page resolves relative links",
    ],
    [
      'a stale dist',
      '1.1.0',
      { distChanges: [' M dist/index.js', '?? dist/chunk.js'] },
      'dist/ is not what is committed ( M dist/index.js, ?? dist/chunk.js): run "npm run package"',
    ],
    [
      'engines behind runs.using',
      '1.1.0',
      { runtime: { actionYml: 'node24', engines: '>=20', nodeVersionFile: '24' } },
      `package.json's engines.node is ">=20" but action.yml runs node24: make it ">=24"`,
    ],
    [
      '.node-version behind runs.using',
      '1.1.0',
      { runtime: { actionYml: 'node24', engines: '>=24', nodeVersionFile: '20' } },
      '.node-version is "20" but action.yml runs node24: make it 24',
    ],
    [
      'no .node-version',
      '1.1.0',
      { runtime: { actionYml: 'node24', engines: '>=24' } },
      '.node-version is "" but action.yml runs node24',
    ],
    [
      'not a Node.js action',
      '1.1.0',
      { runtime: { actionYml: 'composite' } },
      `action.yml's runs.using is "composite", not a Node.js runtime`,
    ],
  ])('refuses %s', (_, version, overrides, problem) => {
    const outcome = planRelease(version, facts(overrides))
    expect(outcome).toEqual({ problems: [expect.stringContaining(problem)] })
  })

  it('names every problem at once', () => {
    const outcome = planRelease('1.0.0', facts({ distChanges: [' M dist/index.js'], changelog: '' }))
    expect('problems' in outcome && outcome.problems).toHaveLength(3)
  })
})

describe('unwrap', () => {
  it.each([
    ['a wrapped list item', ['- one two', '  three', '- four'], ['- one two three', '- four']],
    ['a wrapped paragraph', ['Some text', 'goes on.', '', 'Next.'], ['Some text goes on.', '', 'Next.']],
    ['headings and tables stay', ['### Added', '| a |', '| - |'], ['### Added', '| a |', '| - |']],
    [
      'code fences stay',
      ['```sh', 'npm ci', 'npm test', '```', 'after'],
      ['```sh', 'npm ci', 'npm test', '```', 'after'],
    ],
    ['numbered items', ['1. one', '   more', '2. two'], ['1. one more', '2. two']],
  ])('%s', (_, lines, unwrapped) => expect(unwrap(lines)).toEqual(unwrapped))
})
