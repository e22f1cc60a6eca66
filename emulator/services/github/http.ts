// GitHub REST answers: JSON bodies with the headers and error shapes api.github.com sends.
import type { HttpRequest, HttpResponse, RequestContext } from '../../core/types.js'
import type { GitHubScenario, GitHubTokenScenario } from './scenario.js'

export const DOCS = 'https://docs.github.com/rest'

export function json(status: number, body: unknown, ctx: RequestContext): HttpResponse {
  return {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'x-github-request-id': ctx.requestId,
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      'x-github-api-version-selected': '2022-11-28',
    },
    body: JSON.stringify(body),
  }
}

export function error(
  status: number,
  message: string,
  ctx: RequestContext,
  documentation = DOCS,
  extra: object = {},
): HttpResponse {
  return json(status, { message, ...extra, documentation_url: documentation, status: String(status) }, ctx)
}

/** The token's permissions, or an error answer (401) when the request is not authenticated. */
export function authenticate(
  req: HttpRequest,
  scenario: GitHubScenario,
  ctx: RequestContext,
): { token: GitHubTokenScenario } | { answer: HttpResponse } {
  const raw = req.headers.authorization
  const auth = Array.isArray(raw) ? raw[0] : raw
  const m = auth ? /^(?:token|bearer)\s+(.+)$/i.exec(auth) : null
  if (!m) return { answer: error(401, 'Requires authentication', ctx) }
  if (!scenario.tokens) return { token: {} }
  const [, presented = ''] = m // the pattern's one group is required
  const token = scenario.tokens[presented]
  return token ? { token } : { answer: error(401, 'Bad credentials', ctx) }
}

export function repoExists(scenario: GitHubScenario, owner: string, repo: string): boolean {
  return !scenario.repositories || `${owner}/${repo}` in scenario.repositories
}

export function commitExists(scenario: GitHubScenario, owner: string, repo: string, sha: string): boolean {
  const commits = scenario.repositories?.[`${owner}/${repo}`]?.commits
  if (!commits) return /^[0-9a-f]{40}$/i.test(sha)
  return commits.some((c) => c.sha === sha || (sha.length >= 7 && c.sha.startsWith(sha)))
}
