// Commit statuses: `POST /repos/{owner}/{repo}/statuses/{sha}` → 201 with the status GitHub stores (403
// "Resource not accessible by integration" without statuses: write, 404 for a repository that does not exist,
// 422 for a bad state, an over-long description or an unknown commit), and the list endpoints tests read back.
import type { HttpRequest, HttpResponse, RequestContext } from '../../core/types.js'
import { authenticate, commitExists, error, json, repoExists } from './http.js'
import type { GitHubScenario } from './scenario.js'

export interface CommitStatus {
  url: string
  avatar_url: string
  id: number
  node_id: string
  state: 'error' | 'failure' | 'pending' | 'success'
  description: string | null
  target_url: string | null
  context: string
  created_at: string
  updated_at: string
  creator: Record<string, unknown>
}

export interface StatusesState {
  /** `owner/repo@sha` → statuses, oldest first. */
  statuses: Map<string, CommitStatus[]>
}

const CREATE_DOCS = 'https://docs.github.com/rest/commits/statuses#create-a-commit-status'
const STATES = ['error', 'failure', 'pending', 'success']
/** Per sha+context; beyond it GitHub answers 422. */
const MAX_PER_CONTEXT = 1000

const CREATE = /^\/github\/repos\/([^/]+)\/([^/]+)\/statuses\/([^/]+)$/
const LIST = /^\/github\/repos\/([^/]+)\/([^/]+)\/commits\/([^/]+)\/statuses$/

export function matchStatuses(req: HttpRequest): string | undefined {
  if (req.method === 'POST' && CREATE.test(req.path)) return 'createCommitStatus'
  if (req.method === 'GET' && (LIST.test(req.path) || CREATE.test(req.path)))
    return 'listCommitStatusesForRef'
  return undefined
}

export function handleStatuses(
  req: HttpRequest,
  ctx: RequestContext,
  scenario: GitHubScenario,
  state: StatusesState,
): HttpResponse {
  const m = CREATE.exec(req.path) ?? LIST.exec(req.path)!
  const [, owner, repo, sha] = m.map(decodeURIComponent)
  const auth = authenticate(req, scenario, ctx)
  if ('answer' in auth) return auth.answer
  if (owner === undefined || repo === undefined || !repoExists(scenario, owner, repo))
    return error(404, 'Not Found', ctx, CREATE_DOCS)
  const key = `${owner}/${repo}@${sha}`
  if (req.method === 'GET') {
    const list = [...(state.statuses.get(key) ?? [])].reverse()
    const perPage = Math.min(100, Number(req.query.get('per_page') ?? 30) || 30)
    const page = Math.max(1, Number(req.query.get('page') ?? 1) || 1)
    return json(200, list.slice((page - 1) * perPage, page * perPage), ctx)
  }

  if ((auth.token.statuses ?? 'write') !== 'write')
    return error(403, 'Resource not accessible by integration', ctx, CREATE_DOCS)
  let body: Record<string, unknown>
  try {
    body = JSON.parse(req.body || '{}') as Record<string, unknown>
  } catch {
    return error(400, 'Problems parsing JSON', ctx, CREATE_DOCS)
  }
  const invalid = (field: string, message: string) =>
    error(422, 'Validation Failed', ctx, CREATE_DOCS, {
      errors: [{ resource: 'Status', code: 'custom', field, message }],
    })
  if (typeof body.state !== 'string' || !STATES.includes(body.state))
    return invalid('state', 'state is not included in the list')
  if (body.description != null && typeof body.description !== 'string')
    return invalid('description', 'description is invalid')
  if (typeof body.description === 'string' && [...body.description].length > 140)
    return invalid('description', 'description is too long (maximum is 140 characters)')
  if (
    body.target_url != null &&
    (typeof body.target_url !== 'string' || !/^https?:\/\//.test(body.target_url))
  )
    return invalid('target_url', 'target_url must use http(s) scheme')
  if (sha === undefined || !commitExists(scenario, owner, repo, sha))
    return error(422, `No commit found for SHA: ${sha}`, ctx, CREATE_DOCS)
  const context = typeof body.context === 'string' && body.context !== '' ? body.context : 'default'
  const list = state.statuses.get(key) ?? []
  if (list.filter((s) => s.context.toLowerCase() === context.toLowerCase()).length >= MAX_PER_CONTEXT)
    return invalid('context', `This SHA and context has reached the maximum number of statuses.`)

  const now = new Date(ctx.clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z')
  const id = 1_000_000 + [...state.statuses.values()].reduce((n, l) => n + l.length, 0) + 1
  const status: CommitStatus = {
    url: `https://api.github.com/repos/${owner}/${repo}/statuses/${sha}`,
    avatar_url: 'https://avatars.githubusercontent.com/in/15368?v=4',
    id,
    node_id: Buffer.from(`06:StatusContext${id}`).toString('base64'),
    state: body.state as CommitStatus['state'],
    description: (body.description as string | undefined) ?? null,
    target_url: (body.target_url as string | undefined) ?? null,
    context,
    created_at: now,
    updated_at: now,
    creator: {
      login: 'github-actions[bot]',
      id: 41898282,
      node_id: 'MDM6Qm90NDE4OTgyODI=',
      avatar_url: 'https://avatars.githubusercontent.com/in/15368?v=4',
      gravatar_id: '',
      url: 'https://api.github.com/users/github-actions%5Bbot%5D',
      html_url: 'https://github.com/apps/github-actions',
      type: 'Bot',
      site_admin: false,
    },
  }
  list.push(status)
  state.statuses.set(key, list)
  return json(201, status, ctx)
}
