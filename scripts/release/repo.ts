// The repository as the release sees it (git, CHANGELOG.md, the runtime files) and the steps that change it:
// tag, move the major tag, push, publish the GitHub release (gh).

import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ReleasePlan, RepoFacts, Runtime } from './plan.js'

export function readFacts(root: string): RepoFacts {
  const git = (...args: string[]): string => run('git', args, root)
  return {
    tags: lines(git('tag', '--list')),
    tagCommit: (tag) => tryRun(() => git('rev-parse', '--verify', '--quiet', `refs/tags/${tag}^{commit}`)),
    head: git('rev-parse', 'HEAD'),
    distChanges: lines(git('status', '--porcelain', '--untracked-files=all', '--', 'dist')),
    changelog: readText(root, 'CHANGELOG.md') ?? '',
    runtime: readRuntime(root),
  }
}

function readRuntime(root: string): Runtime {
  const using = /^\s+using:\s*['"]?([\w.-]+)/m.exec(readText(root, 'action.yml') ?? '')?.[1]
  const packageJson = JSON.parse(readText(root, 'package.json') ?? '{}') as { engines?: { node?: string } }
  return {
    actionYml: using,
    engines: packageJson.engines?.node,
    nodeVersionFile: readText(root, '.node-version'),
  }
}

/** Tag, move the major tag, push both, publish the release with the notes. */
export function release(root: string, plan: ReleasePlan, remote: string): void {
  const git = (...args: string[]): string => run('git', args, root)
  if (plan.createTag) git('tag', '--annotate', plan.tag, '--message', plan.tag, plan.commit)
  git('tag', '--force', plan.majorTag, plan.commit)
  if (plan.createTag) git('push', remote, `refs/tags/${plan.tag}`)
  git('push', '--force', remote, `refs/tags/${plan.majorTag}`)
  const notesFile = join(mkdtempSync(join(tmpdir(), 'release-')), 'notes.md')
  writeFileSync(notesFile, plan.notes + '\n')
  const latest = `--latest=${plan.latest}`
  run(
    'gh',
    ['release', 'create', plan.tag, '--verify-tag', '--title', plan.tag, '--notes-file', notesFile, latest],
    root,
  )
}

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trimEnd()
}

function tryRun(read: () => string): string | undefined {
  try {
    return read() || undefined
  } catch {
    return undefined
  }
}

function readText(root: string, file: string): string | undefined {
  const path = join(root, file)
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined
}

const lines = (text: string): string[] => text.split('\n').filter((line) => line !== '')
