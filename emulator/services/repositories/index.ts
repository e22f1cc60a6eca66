// The `repositories` section of a scenario: the commits of each Git repository's branches over time, so that
// a push-triggered or newly created pipeline execution picks up the branch head of its moment. Registered as
// world.states.repositories for the CodePipeline plugin (and the GitHub routes, which need the same commits).
import { must } from '../../core/must.js'
import { randomHex } from '../../core/random.js'
import type { EmulatorPlugin, World } from '../../core/types.js'

export interface Commit {
  sha: string
  message: string
  author: string
  /** Push time, ms since epoch (emulator time). */
  at: number
}

/** Scenario form: `{ "acme/shop": { "main": [ { sha, message, author?, at: <seconds from start> } ] } }`. */
export type RepositoriesSection = Record<
  string,
  Record<string, { sha?: string; message?: string; author?: string; at?: number }[]>
>

export interface Repositories {
  /** The newest commit pushed to the branch at or before `at` (ms); a made-up one if the scenario names none. */
  head(repository: string, branch: string, at: number): Commit
  find(repository: string, sha: string): Commit | undefined
}

export const repositoriesPlugin: EmulatorPlugin = {
  scenarioKey: 'repositories',
  create(section, world) {
    world.states.repositories = createRepositories((section ?? {}) as RepositoriesSection, world)
    return {}
  },
}

export function createRepositories(section: RepositoriesSection, world: World): Repositories {
  const start = world.clock.now()
  const branches = new Map<string, Commit[]>()
  for (const [repo, byBranch] of Object.entries(section)) {
    for (const [branch, commits] of Object.entries(byBranch)) {
      const list = commits.map((c, i) => ({
        sha: c.sha ?? randomHex(world.random, 40),
        message: c.message ?? `Commit ${i + 1} on ${branch}`,
        author: c.author ?? 'octocat',
        at: start + (c.at ?? 0) * 1000,
      }))
      branches.set(
        `${repo}#${branch}`,
        list.sort((a, b) => a.at - b.at),
      )
    }
  }
  const key = (repo: string, branch: string) => `${repo}#${branch}`
  return {
    head(repository, branch, at) {
      let list = branches.get(key(repository, branch))
      if (!list) {
        // A repository the scenario does not describe still has a head: one stable, made-up commit.
        list = [
          {
            sha: randomHex(world.random, 40),
            message: `Latest commit on ${branch}`,
            author: 'octocat',
            at: 0,
          },
        ]
        branches.set(key(repository, branch), list)
      }
      const pushed = list.filter((c) => c.at <= at)
      return must(pushed.at(-1) ?? list[0], `a commit on ${repository}#${branch}`)
    },
    find(repository, sha) {
      for (const [k, list] of branches) {
        if (!k.startsWith(`${repository}#`)) continue
        const hit = list.find((c) => c.sha === sha || (sha.length >= 7 && c.sha.startsWith(sha)))
        if (hit) return hit
      }
      return undefined
    },
  }
}
