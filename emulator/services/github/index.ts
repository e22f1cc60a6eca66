// GitHub's REST API as the action uses it (under /github, the GITHUB_API_URL the emulator's env sets): commit
// statuses (statuses.ts), deployments and their statuses (deployments.ts) and, when present, the compare API
// (compare.ts). State for tests: `world.states.github` ({ statuses, deployments, deploymentStatuses }).
import type { EmulatorPlugin, HttpRoute } from '../../core/types.js'
import { handleCompare, matchCompare } from './compare.js'
import { handleDeployments, matchDeployments, type DeploymentsState } from './deployments.js'
import { parseGitHubScenario } from './scenario.js'
import { handleStatuses, matchStatuses, type StatusesState } from './statuses.js'

export type GitHubState = StatusesState & DeploymentsState

export const githubPlugin: EmulatorPlugin = {
  scenarioKey: 'github',
  create(section, world) {
    const scenario = parseGitHubScenario(section)
    const state: GitHubState = { statuses: new Map(), deployments: new Map(), deploymentStatuses: new Map() }
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
    const deployments: HttpRoute = {
      service: 'github',
      match: (req) => matchDeployments(req),
      handle: (req, ctx) => handleDeployments(req, ctx, scenario, state),
    }
    return { routes: [route, compare, deployments] }
  },
}
