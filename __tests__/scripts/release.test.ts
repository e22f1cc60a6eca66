// scripts/release.ts end to end, in throwaway git repositories: what a dry run prints, what it refuses, and a real
// release pushed to a local bare remote (gh is a stand-in that records what it was asked to publish).
import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const ROOT = join(import.meta.dirname, '..', '..')
const SCRIPT = join(ROOT, 'scripts', 'release.ts')
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx')
const scratch = mkdtempSync(join(tmpdir(), 'release-test-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'test',
  GIT_AUTHOR_EMAIL: 'test@example.test',
  GIT_COMMITTER_NAME: 'test',
  GIT_COMMITTER_EMAIL: 'test@example.test',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
}

const CHANGELOG = `# Changelog

## [Unreleased]

## [1.1.0] - 2026-12-05

### Added

- a release workflow

## [1.0.0] - 2026-11-26

- first release

[1.0.0]: https://github.com/octo-org/aws-deploy-pipeline/releases/tag/v1.0.0
`

let count = 0

/** A repository with v1.0.0 and v1 on its first commit and a second commit ready to release as 1.1.0. */
function repository(): { dir: string; git: (...args: string[]) => string } {
  const dir = join(scratch, `repo-${++count}`)
  mkdirSync(join(dir, 'dist'), { recursive: true })
  const git = (...args: string[]): string => {
    const result = spawnSync('git', args, { cwd: dir, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' })
    if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`)
    return result.stdout.trim()
  }
  git('init', '--quiet', '--initial-branch=main')
  writeFileSync(join(dir, 'action.yml'), "name: x\nruns:\n  using: 'node24'\n  main: dist/index.js\n")
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ engines: { node: '>=24' } }))
  writeFileSync(join(dir, '.node-version'), '24\n')
  writeFileSync(join(dir, 'dist', 'index.js'), 'console.log(1)\n')
  writeFileSync(join(dir, 'CHANGELOG.md'), '# Changelog\n\n## [1.0.0] - 2026-11-26\n\n- first release\n')
  git('add', '.')
  git('commit', '--quiet', '-m', 'one')
  git('tag', 'v1.0.0')
  git('tag', 'v1')
  writeFileSync(join(dir, 'CHANGELOG.md'), CHANGELOG)
  git('commit', '--quiet', '-am', 'two')
  return { dir, git }
}

function release(dir: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(TSX, [SCRIPT, ...args], {
    cwd: dir,
    env: { ...process.env, ...GIT_ENV, ...env },
    encoding: 'utf8',
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('release --dry-run', () => {
  it('prints the tag it would create, the major tag it would move and the notes, and changes nothing', () => {
    const { dir, git } = repository()
    const head = git('rev-parse', '--short=7', 'HEAD')
    const v1 = git('rev-parse', '--short=7', 'v1')
    const result = release(dir, ['--dry-run', '1.1.0'])
    expect(result).toMatchObject({ status: 0, stderr: '' })
    expect(result.stdout).toBe(
      [
        'Release 1.1.0 — dry run: nothing is tagged, pushed or published',
        `  commit       ${head}`,
        `  create tag   v1.1.0 → ${head}`,
        `  move tag     v1 → ${head} (was ${v1})`,
        '  previous     v1.0.0',
        '  publish      GitHub release v1.1.0, marked latest',
        'Release notes (CHANGELOG.md, section 1.1.0):',
        '',
        '### Added',
        '',
        '- a release workflow',
        '',
      ].join('\n'),
    )
    expect(git('tag', '--list')).toBe('v1\nv1.0.0')
    expect(git('rev-parse', '--short=7', 'v1')).toBe(v1)
  })

  it.each([
    ['a version that is not newer', ['--dry-run', '0.9.0'], () => {}, /0\.9\.0 is not newer than v1\.0\.0/],
    [
      'a dist/ that is not committed',
      ['--dry-run', '1.1.0'],
      (dir: string) => writeFileSync(join(dir, 'dist', 'index.js'), 'changed\n'),
      /dist\/ is not what is committed \( M dist\/index\.js\)/,
    ],
    [
      'an untracked file in dist/',
      ['--dry-run', '1.1.0'],
      (dir: string) => writeFileSync(join(dir, 'dist', 'chunk.js'), 'x\n'),
      /\?\? dist\/chunk\.js/,
    ],
    [
      'a version without a CHANGELOG section',
      ['--dry-run', '1.2.0'],
      () => {},
      /CHANGELOG\.md has no section for 1\.2\.0/,
    ],
    ['not a version', ['--dry-run', 'next'], () => {}, /"next" is not a release version/],
  ])('refuses %s', (_, args, change, problem) => {
    const { dir } = repository()
    change(dir)
    const result = release(dir, args)
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(problem)
    expect(result.stdout).toBe('')
  })

  it('explains its usage when the arguments are wrong', () => {
    const { dir } = repository()
    expect(release(dir, ['--dry-run'])).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('usage:'),
    })
  })
})

describe('release', () => {
  it('tags vX.Y.Z, moves vX, pushes both and publishes the notes', () => {
    const { dir, git } = repository()
    const remote = join(scratch, `remote-${count}.git`)
    spawnSync('git', ['init', '--quiet', '--bare', remote])
    git('remote', 'add', 'origin', remote)
    git('push', '--quiet', 'origin', 'main', 'refs/tags/v1', 'refs/tags/v1.0.0')
    const gh = fakeGh()

    const result = release(dir, ['1.1.0'], { PATH: `${gh.bin}:${process.env.PATH}` })

    expect(result).toMatchObject({ status: 0, stdout: expect.stringMatching(/^Release 1\.1\.0\n/) })
    const head = git('rev-parse', 'HEAD')
    const remoteTag = (tag: string) => git('ls-remote', 'origin', `refs/tags/${tag}^{}`, `refs/tags/${tag}`)
    expect(remoteTag('v1.1.0')).toContain(head)
    expect(remoteTag('v1')).toBe(`${head}\trefs/tags/v1`)
    expect(gh.calls()).toEqual([
      [
        'release',
        'create',
        'v1.1.0',
        '--verify-tag',
        '--title',
        'v1.1.0',
        '--notes-file',
        '<notes>',
        '--latest=true',
      ],
    ])
    expect(gh.notes()).toBe('### Added\n\n- a release workflow\n')
  })

  it('publishes a pushed tag without creating it again (the tag trigger)', () => {
    const { dir, git } = repository()
    git('tag', '--annotate', 'v1.1.0', '--message', 'v1.1.0')
    const gh = fakeGh()
    const result = release(dir, ['--dry-run', 'v1.1.0'], { PATH: `${gh.bin}:${process.env.PATH}` })
    expect(result.stdout).toContain('  tag          v1.1.0 → ')
    expect(result.stdout).toContain('(exists)')
  })
})

/** A `gh` that records its arguments and keeps a copy of the notes file. */
function fakeGh(): { bin: string; calls: () => string[][]; notes: () => string } {
  const bin = join(scratch, `gh-${count}`)
  mkdirSync(bin)
  const log = join(bin, 'calls.jsonl')
  const notes = join(bin, 'notes.md')
  const script = `#!/usr/bin/env node
const fs = require('node:fs')
const args = process.argv.slice(2)
const at = args.indexOf('--notes-file')
if (at >= 0) { fs.copyFileSync(args[at + 1], ${JSON.stringify(notes)}); args[at + 1] = '<notes>' }
fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify(args) + '\\n')
`
  writeFileSync(join(bin, 'gh'), script)
  chmodSync(join(bin, 'gh'), 0o755)
  return {
    bin,
    calls: () =>
      readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as string[]),
    notes: () => readFileSync(notes, 'utf8'),
  }
}
