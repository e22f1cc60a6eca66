// Deployments and deployment statuses, as the REST docs describe them
// (https://docs.github.com/rest/deployments/deployments, https://docs.github.com/rest/deployments/statuses):
// `POST /repos/{o}/{r}/deployments` → 201 (422 "No ref found" for an unknown ref; 409 when required_contexts is
// omitted and a commit status of the ref is not success), `GET …/deployments?sha=&ref=&task=&environment=`
// (newest first, paged), `GET …/deployments/{id}`, `POST …/deployments/{id}/statuses` → 201 (`log_url` also sets
// `target_url`; `auto_inactive`, default true, adds an `inactive` status to earlier non-transient, non-production
// deployments of the environment whose latest state is success) and `GET …/deployments/{id}/statuses` (newest
// first). Writes need the token's `deployments: write` (403 "Resource not accessible by integration").
import type { HttpRequest, HttpResponse, RequestContext } from '../../core/types.js'
import { authenticate, commitExists, error, json, repoExists } from './http.js'
import type { GitHubScenario } from './scenario.js'
import type { StatusesState } from './statuses.js'

export interface Deployment {
  id: number
  url: string
  sha: string
  ref: string
  task: string
  payload: unknown
  environment: string
  description: string | null
  transient_environment: boolean
  production_environment: boolean
  creator: Record<string, unknown>
  created_at: string
  updated_at: string
  statuses_url: string
  repository_url: string
}

export interface DeploymentStatus {
  id: number
  state: (typeof STATES)[number]
  description: string
  environment: string
  target_url: string
  log_url: string
  environment_url: string
  deployment_url: string
  creator: Record<string, unknown>
  created_at: string
  updated_at: string
}

export interface DeploymentsState {
  /** `owner/repo` → deployments, oldest first. */
  deployments: Map<string, Deployment[]>
  /** deployment id → its statuses, oldest first. */
  deploymentStatuses: Map<number, DeploymentStatus[]>
}

const DOCS = 'https://docs.github.com/rest/deployments/deployments#create-a-deployment'
const STATUS_DOCS = 'https://docs.github.com/rest/deployments/statuses#create-a-deployment-status'
const STATES = ['error', 'failure', 'inactive', 'in_progress', 'queued', 'pending', 'success'] as const
const LIST = /^\/github\/repos\/([^/]+)\/([^/]+)\/deployments$/
const ONE = /^\/github\/repos\/([^/]+)\/([^/]+)\/deployments\/(\d+)$/
const STATUSES = /^\/github\/repos\/([^/]+)\/([^/]+)\/deployments\/(\d+)\/statuses$/

export const ACTIONS_BOT = {
  login: 'github-actions[bot]',
  id: 41898282,
  type: 'Bot',
  html_url: 'https://github.com/apps/github-actions',
}

export function matchDeployments(req: HttpRequest): string | undefined {
  const post = req.method === 'POST'
  if (LIST.test(req.path)) return post ? 'createDeployment' : 'listDeployments'
  if (STATUSES.test(req.path)) return post ? 'createDeploymentStatus' : 'listDeploymentStatuses'
  if (ONE.test(req.path) && req.method === 'GET') return 'getDeployment'
  return undefined
}

export function handleDeployments(
  req: HttpRequest,
  ctx: RequestContext,
  scenario: GitHubScenario,
  state: DeploymentsState & StatusesState,
): HttpResponse {
  const m = (LIST.exec(req.path) ?? STATUSES.exec(req.path) ?? ONE.exec(req.path))!
  const [, owner, repo, id] = m.map(decodeURIComponent)
  const auth = authenticate(req, scenario, ctx)
  if ('answer' in auth) return auth.answer
  if (owner === undefined || repo === undefined || !repoExists(scenario, owner, repo))
    return error(404, 'Not Found', ctx, DOCS)
  const key = `${owner}/${repo}`
  const all = state.deployments.get(key) ?? []
  if (req.method === 'GET' && LIST.test(req.path)) return json(200, page(req, listed(req, all)), ctx)
  const deployment = id === undefined ? undefined : all.find((d) => d.id === Number(id))
  if (id !== undefined && !deployment) return error(404, 'Not Found', ctx, STATUS_DOCS)
  if (req.method === 'GET' && ONE.test(req.path)) return json(200, deployment, ctx)
  if (req.method === 'GET')
    return json(200, page(req, [...(state.deploymentStatuses.get(deployment!.id) ?? [])].reverse()), ctx)
  if ((auth.token.deployments ?? 'write') !== 'write')
    return error(403, 'Resource not accessible by integration', ctx, deployment ? STATUS_DOCS : DOCS)
  let body: Record<string, unknown>
  try {
    body = JSON.parse(req.body || '{}') as Record<string, unknown>
  } catch {
    return error(400, 'Problems parsing JSON', ctx, DOCS)
  }
  return deployment
    ? createStatus(body, deployment, ctx, state)
    : createDeployment(body, owner, repo, ctx, scenario, state)
}

function createDeployment(
  body: Record<string, unknown>,
  owner: string,
  repo: string,
  ctx: RequestContext,
  scenario: GitHubScenario,
  state: DeploymentsState & StatusesState,
): HttpResponse {
  const ref = body.ref
  if (typeof ref !== 'string' || ref === '')
    return error(422, 'Invalid request.\n\n"ref" wasn\'t supplied.', ctx, DOCS)
  if (!commitExists(scenario, owner, repo, ref)) return error(422, `No ref found for: ${ref}`, ctx, DOCS)
  const sha = fullSha(scenario, owner, repo, ref)
  if (body.required_contexts === undefined) {
    const failing = latestByContext(state.statuses.get(`${owner}/${repo}@${sha}`) ?? []).filter(
      (s) => s.state !== 'success',
    )
    if (failing.length > 0)
      return error(409, `Conflict: Commit status checks failed for ${ref}.`, ctx, DOCS, {
        errors: failing.map((s) => ({
          contexts: [{ context: s.context, state: s.state }],
          resource: 'Deployment',
          field: 'required_contexts',
          code: 'invalid',
        })),
      })
  }
  const environment =
    typeof body.environment === 'string' && body.environment ? body.environment : 'production'
  const list = state.deployments.get(`${owner}/${repo}`) ?? []
  const id = 1_000 + [...state.deployments.values()].reduce((n, l) => n + l.length, 0) + 1
  const api = `https://api.github.com/repos/${owner}/${repo}`
  const now = stamp(ctx)
  const deployment: Deployment = {
    id,
    url: `${api}/deployments/${id}`,
    sha,
    ref,
    task: typeof body.task === 'string' && body.task ? body.task : 'deploy',
    payload: body.payload ?? {},
    environment,
    description: typeof body.description === 'string' ? body.description : null,
    transient_environment: body.transient_environment === true,
    production_environment:
      typeof body.production_environment === 'boolean'
        ? body.production_environment
        : environment === 'production',
    creator: ACTIONS_BOT,
    created_at: now,
    updated_at: now,
    statuses_url: `${api}/deployments/${id}/statuses`,
    repository_url: api,
  }
  list.push(deployment)
  state.deployments.set(`${owner}/${repo}`, list)
  return json(201, deployment, ctx)
}

function createStatus(
  body: Record<string, unknown>,
  deployment: Deployment,
  ctx: RequestContext,
  state: DeploymentsState,
): HttpResponse {
  const invalid = (field: string, message: string) =>
    error(422, 'Validation Failed', ctx, STATUS_DOCS, {
      errors: [{ resource: 'DeploymentStatus', code: 'custom', field, message }],
    })
  if (typeof body.state !== 'string' || !(STATES as readonly string[]).includes(body.state))
    return invalid('state', 'state is not included in the list')
  if (typeof body.description === 'string' && [...body.description].length > 140)
    return invalid('description', 'description is too long (maximum is 140 characters)')
  for (const field of ['log_url', 'target_url', 'environment_url'])
    if (
      body[field] != null &&
      (typeof body[field] !== 'string' || !/^https?:\/\//.test(body[field] as string))
    )
      return invalid(field, `${field} must use http(s) scheme`)
  const logUrl = (body.log_url ?? body.target_url ?? '') as string
  if (typeof body.environment === 'string' && body.environment) deployment.environment = body.environment
  const status = statusOf(deployment, body.state as DeploymentStatus['state'], ctx, state, {
    description: (body.description as string | undefined) ?? '',
    log_url: logUrl,
    environment_url: (body.environment_url as string | undefined) ?? '',
  })
  if (status.state === 'success' && body.auto_inactive !== false) inactivateEarlier(deployment, ctx, state)
  return json(201, status, ctx)
}

/** auto_inactive: earlier non-transient, non-production deployments of the environment that had a success. */
function inactivateEarlier(deployment: Deployment, ctx: RequestContext, state: DeploymentsState): void {
  const repoKey = deployment.repository_url.replace('https://api.github.com/repos/', '')
  for (const d of state.deployments.get(repoKey) ?? []) {
    if (d.id === deployment.id || d.environment !== deployment.environment) continue
    if (d.transient_environment || d.production_environment) continue
    const latest = (state.deploymentStatuses.get(d.id) ?? []).at(-1)
    if (latest?.state === 'success')
      statusOf(d, 'inactive', ctx, state, {
        description: '',
        log_url: latest.log_url,
        environment_url: latest.environment_url,
      })
  }
}

function statusOf(
  deployment: Deployment,
  stateName: DeploymentStatus['state'],
  ctx: RequestContext,
  state: DeploymentsState,
  fields: { description: string; log_url: string; environment_url: string },
): DeploymentStatus {
  const id = 5_000_000 + [...state.deploymentStatuses.values()].reduce((n, l) => n + l.length, 0) + 1
  const now = stamp(ctx)
  const status: DeploymentStatus = {
    id,
    state: stateName,
    ...fields,
    target_url: fields.log_url,
    environment: deployment.environment,
    deployment_url: deployment.url,
    creator: ACTIONS_BOT,
    created_at: now,
    updated_at: now,
  }
  const list = state.deploymentStatuses.get(deployment.id) ?? []
  list.push(status)
  state.deploymentStatuses.set(deployment.id, list)
  deployment.updated_at = now
  return status
}

/** The list filters: each query parameter given narrows by equality (GitHub's "simple filtering"). */
function listed(req: HttpRequest, all: Deployment[]): Deployment[] {
  const q = (name: string) => req.query.get(name) ?? undefined
  return [...all]
    .reverse()
    .filter(
      (d) => (q('sha') === undefined || d.sha === q('sha')) && (q('ref') === undefined || d.ref === q('ref')),
    )
    .filter(
      (d) =>
        (q('task') === undefined || d.task === q('task')) &&
        (q('environment') === undefined || d.environment === q('environment')),
    )
}

function page<T>(req: HttpRequest, list: T[]): T[] {
  const perPage = Math.min(100, Number(req.query.get('per_page') ?? 30) || 30)
  const n = Math.max(1, Number(req.query.get('page') ?? 1) || 1)
  return list.slice((n - 1) * perPage, n * perPage)
}

function latestByContext<T extends { context: string }>(statuses: T[]): T[] {
  return [...new Map(statuses.map((s) => [s.context.toLowerCase(), s])).values()]
}

function fullSha(scenario: GitHubScenario, owner: string, repo: string, ref: string): string {
  const commits = scenario.repositories?.[`${owner}/${repo}`]?.commits
  return commits?.find((c) => c.sha === ref || (ref.length >= 7 && c.sha.startsWith(ref)))?.sha ?? ref
}

function stamp(ctx: RequestContext): string {
  return new Date(ctx.clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z')
}
