// What a release would do, decided from facts about the repository (pure): the tag to create, the major tag to
// move and the notes to publish — or every reason it must not happen.

import { releaseNotes } from './changelog.js'
import {
  compareVersions,
  formatVersion,
  majorTag,
  newestRelease,
  parseVersion,
  releaseTag,
  type Version,
} from './version.js'

export interface RepoFacts {
  /** Every tag in the repository. */
  tags: readonly string[]
  /** The commit a tag points at, when it exists. */
  tagCommit: (tag: string) => string | undefined
  head: string
  /** `git status --porcelain -- dist` lines: anything here means dist/ is not what is committed. */
  distChanges: readonly string[]
  changelog: string
  runtime: Runtime
}

/** The Node.js major each place names: action.yml's runs.using, package.json's engines.node, .node-version. */
export interface Runtime {
  actionYml?: string
  engines?: string
  nodeVersionFile?: string
}

export interface ReleasePlan {
  version: string
  commit: string
  tag: string
  /** False when the tag already points at this commit (the workflow was started by pushing it). */
  createTag: boolean
  majorTag: string
  majorWas?: string
  previous?: string
  /** Whether GitHub should show it as the latest release (not for a fix to an older major). */
  latest: boolean
  notes: string
}

export type PlanOutcome = { plan: ReleasePlan } | { problems: string[] }

export function planRelease(requested: string, facts: RepoFacts): PlanOutcome {
  const version = parseVersion(requested)
  if (!version)
    return { problems: [`"${requested}" is not a release version: use MAJOR.MINOR.PATCH, e.g. 1.1.0`] }
  const tag = releaseTag(version)
  const others = facts.tags.filter((t) => t !== tag)
  const notes = releaseNotes(facts.changelog, version)
  const problems = [
    ...tagProblems(tag, facts),
    ...orderProblems(version, others),
    ...notesProblems(version, notes),
    ...distProblems(facts.distChanges),
    ...runtimeProblems(facts.runtime),
  ]
  if (problems.length > 0) return { problems }
  const newest = newestRelease(others)
  return {
    plan: {
      version: formatVersion(version),
      commit: facts.head,
      tag,
      createTag: facts.tagCommit(tag) === undefined,
      majorTag: majorTag(version),
      majorWas: facts.tagCommit(majorTag(version)),
      previous: previousTag(version, others),
      latest: newest === undefined || compareVersions(version, newest) > 0,
      notes: notes ?? '',
    },
  }
}

function tagProblems(tag: string, facts: RepoFacts): string[] {
  const commit = facts.tagCommit(tag)
  if (commit === undefined || commit === facts.head) return []
  return [
    `${tag} already exists at ${short(commit)}, not at the commit being released (${short(facts.head)})`,
  ]
}

/**
 * A release must be newer than every release of its major, so that moving vX never moves it back; a major with no
 * release yet must be newer than every release (an older major only gets fixes once it exists).
 */
function orderProblems(version: Version, otherTags: readonly string[]): string[] {
  const ofMajor = newestRelease(otherTags.filter((t) => parseVersion(t)?.major === version.major))
  const newest = ofMajor ?? newestRelease(otherTags)
  if (!newest || compareVersions(version, newest) > 0) return []
  const which = ofMajor ? `the latest release of v${version.major}` : 'the latest release'
  return [`${formatVersion(version)} is not newer than ${releaseTag(newest)}, ${which}`]
}

function notesProblems(version: Version, notes: string | undefined): string[] {
  const v = formatVersion(version)
  if (notes === undefined)
    return [
      `CHANGELOG.md has no section for ${v}: rename "## [Unreleased]" to "## [${v}] - YYYY-MM-DD" (and start a new, empty Unreleased section)`,
    ]
  if (notes === '') return [`CHANGELOG.md's section for ${v} is empty: say what changed`]
  const relative = relativeLinks(notes)
  if (relative.length > 0)
    return [
      `CHANGELOG.md's section for ${v} links to ${relative.join(', ')}: a release page resolves relative links against itself, so use full URLs`,
    ]
  return []
}

/** Markdown link targets that are neither absolute URLs nor anchors. */
function relativeLinks(notes: string): string[] {
  const targets = [...notes.matchAll(/\]\(([^)\s]+)[^)]*\)/g)].flatMap((match) => match[1] ?? [])
  return targets.filter((target) => !/^(?:[a-z][a-z\d+.-]*:|#)/i.test(target))
}

function distProblems(changes: readonly string[]): string[] {
  if (changes.length === 0) return []
  const listed = changes.slice(0, 5).join(', ') + (changes.length > 5 ? `, … (${changes.length} in all)` : '')
  return [`dist/ is not what is committed (${listed}): run "npm run package" and commit dist/`]
}

/** The runner runs what action.yml says; engines and .node-version must name the same Node.js major. */
function runtimeProblems(runtime: Runtime): string[] {
  const node = /^node(\d+)$/.exec(runtime.actionYml ?? '')?.[1]
  if (!node)
    return [`action.yml's runs.using is "${runtime.actionYml ?? ''}", not a Node.js runtime (node24)`]
  const problems: string[] = []
  if (runtime.engines !== `>=${node}`)
    problems.push(
      `package.json's engines.node is "${runtime.engines ?? ''}" but action.yml runs ${runtime.actionYml}: make it ">=${node}"`,
    )
  if (runtime.nodeVersionFile?.trim().replace(/^v/, '').split('.')[0] !== node)
    problems.push(
      `.node-version is "${runtime.nodeVersionFile?.trim() ?? ''}" but action.yml runs ${runtime.actionYml}: make it ${node}`,
    )
  return problems
}

function previousTag(version: Version, otherTags: readonly string[]): string | undefined {
  const older = otherTags.filter((t) => {
    const v = parseVersion(t)
    return t.startsWith('v') && v !== undefined && compareVersions(v, version) < 0
  })
  const newest = newestRelease(older)
  return newest && releaseTag(newest)
}

const short = (sha: string): string => sha.slice(0, 7)
