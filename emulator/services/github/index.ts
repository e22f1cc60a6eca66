// GitHub's REST API as the action uses it (under /github, the GITHUB_API_URL the emulator's env sets): commit
// statuses (statuses.ts) and, when present, the compare API (compare.ts). State for tests:
// `world.states.github` ({ statuses }).
import type { EmulatorPlugin, HttpRoute } from '../../core/types.js'
import { handleCompare, matchCompare } from './compare.js'
import { parseGitHubScenario } from './scenario.js'
import { handleStatuses, matchStatuses, type StatusesState } from './statuses.js'

export type GitHubState = StatusesState

export const githubPlugin: EmulatorPlugin = {
  scenarioKey: 'github',
  create(section, world) {
    const scenario = parseGitHubScenario(section)
    const state: GitHubState = { statuses: new Map() }
    world.states.github = state
    const route: HttpRoute = {
      service: 'github',
      match: (req) => matchStatuses(req),
      handle: (req, ctx) => handleStatuses(req, ctx, scenario, state),
    }
    const compare: HttpRoute = {
      service: 'github',
      match: (req) => matchCompare(req),
      handle: (req, ctx) => handleCompare(req, ctx, scenario),
    }
    return { routes: [route, compare] }
  },
}
