// The GitHub deployment of a release (REST "Deployments" and "Deployment statuses",
// https://docs.github.com/rest/deployments/deployments, https://docs.github.com/rest/deployments/statuses): found
// or created once per release, then given a status by each step. Exactly one deployment per release:
//   1. ours — created by an earlier step of this run: its payload carries DEPLOYMENT_MARKER and the run id;
//   2. the job's — a job that declares `environment:` gets a deployment GitHub Actions creates itself ("When a
//      workflow references an environment, the environment will appear in the repository's deployments",
//      https://docs.github.com/actions/using-jobs/using-environments-for-jobs). The docs give no id for it to the
//      steps, so it is found as the REST docs allow: `GET …/deployments?sha=&environment=` (newest first), created by
//      github-actions[bot], without our marker, whose statuses link this run (`/actions/runs/{run_id}` in
//      log_url/target_url) or, when none carries a link, whose latest state is still queued/in_progress;
//   3. otherwise one is created (`auto_merge: false`, `required_contexts: []`: a deployment records a release
//      already made, it must not merge branches or wait for checks).
// GitHub writes its own final status on the job's deployment when the job ends (success or failure, with the
// job's `environment.url`), superseding ours — see github.com/hephaestus-build/Hephaestus/pull/1828 — so with a
// job-level environment our statuses say what happens while it runs, and the job's `url:` is the lasting link.
import { shortSha } from '../commits.js'
import type { Config } from '../config/types.js'
import type { GitHubClient } from '../github.js'
import { notPosted, type StatusDelivery, type WriteAttempt } from './github-status.js'

export const DEPLOYMENT_MARKER = 'aws-deploy-pipeline'
const ACTIONS_BOT = 'github-actions[bot]'

export type DeploymentState = 'in_progress' | 'success' | 'failure' | 'error'

export interface DeploymentUpdate {
  state: DeploymentState
  /** One line, at most 140 characters (GitHub's limit). */
  description: string
}

export interface DeploymentRef {
  owner: string
  repo: string
  sha: string
  environment: string
  environmentUrl?: string
  runId?: string
  logUrl?: string
}

/** Where the deployment goes, or why it cannot be posted. */
export function deploymentRef(config: Config): DeploymentRef | { problem: string } | undefined {
  const target = config.reporting.deployment
  if (!target) return undefined
  const named = `deployment-environment "${target.environment}" is set but`
  if (!config.reporting.githubToken)
    return { problem: `${named} github-token is empty; no deployment was posted.` }
  if (!config.commitSha) return { problem: `${named} there is no commit-sha; no deployment was posted.` }
  const [owner, repo] = (config.run.repository ?? '').split('/')
  if (!owner || !repo) return { problem: `${named} GITHUB_REPOSITORY is not; no deployment was posted.` }
  return {
    owner,
    repo,
    sha: config.commitSha,
    environment: target.environment,
    environmentUrl: target.url,
    runId: config.run.runId,
    logUrl: config.run.runUrl,
  }
}

/** The deployment, found or created, given this status; its id, to skip the search in the next report. */
export async function postDeployment(
  client: GitHubClient,
  ref: DeploymentRef,
  update: DeploymentUpdate,
  timeoutMs: number,
  known?: number,
): Promise<StatusDelivery & { deploymentId?: number }> {
  const attempt = writeAttempt(ref)
  try {
    const id =
      known ??
      (await findDeployment(client, ref, timeoutMs)) ??
      (await create(client, ref, update, timeoutMs))
    await client.rest.repos.createDeploymentStatus({
      owner: ref.owner,
      repo: ref.repo,
      deployment_id: id,
      state: update.state,
      description: update.description,
      ...(ref.logUrl ? { log_url: ref.logUrl } : {}),
      ...(ref.environmentUrl ? { environment_url: ref.environmentUrl } : {}),
      request: { signal: AbortSignal.timeout(timeoutMs) },
    })
    return { ok: true, attempts: 1, deploymentId: id }
  } catch (e) {
    return notPosted(attempt, e, timeoutMs)
  }
}

export function writeAttempt(ref: DeploymentRef): WriteAttempt {
  return {
    where: `deployment to "${ref.environment}" of ${ref.owner}/${ref.repo}@${shortSha(ref.sha)}`,
    scope: 'deployments',
    maybe: 'the deployment status may not have been posted',
  }
}

interface ListedDeployment {
  id: number
  payload: unknown
  creator: { login?: string } | null
}

/** This run's deployment of the release: ours first, then the job's (see the header). */
async function findDeployment(
  client: GitHubClient,
  ref: DeploymentRef,
  timeoutMs: number,
): Promise<number | undefined> {
  const { data } = await client.rest.repos.listDeployments({
    owner: ref.owner,
    repo: ref.repo,
    sha: ref.sha,
    environment: ref.environment,
    per_page: 100,
    request: { signal: AbortSignal.timeout(timeoutMs) },
  })
  const listed = data as ListedDeployment[]
  const ours = listed.find((d) => isOurs(d, ref.runId))
  if (ours) return ours.id
  const jobs = listed.filter((d) => d.creator?.login === ACTIONS_BOT && !markerOf(d))
  for (const candidate of jobs.slice(0, 3)) {
    if (await isThisRunsJob(client, ref, candidate.id, timeoutMs)) return candidate.id
  }
  return undefined
}

function markerOf(d: ListedDeployment): { tool?: unknown; run_id?: unknown } | undefined {
  const p = d.payload
  if (typeof p !== 'object' || p === null) return undefined
  const marked = (p as { tool?: unknown }).tool === DEPLOYMENT_MARKER
  return marked ? (p as { run_id?: unknown }) : undefined
}

function isOurs(d: ListedDeployment, runId: string | undefined): boolean {
  const marker = markerOf(d)
  return marker !== undefined && (marker.run_id ?? '') === (runId ?? '')
}

/** GitHub Actions' deployment for this run's job: its statuses link this run, or it is still running. */
async function isThisRunsJob(
  client: GitHubClient,
  ref: DeploymentRef,
  id: number,
  timeoutMs: number,
): Promise<boolean> {
  const { data } = await client.rest.repos.listDeploymentStatuses({
    owner: ref.owner,
    repo: ref.repo,
    deployment_id: id,
    per_page: 100,
    request: { signal: AbortSignal.timeout(timeoutMs) },
  })
  const links = data.flatMap((s) => [s.log_url, s.target_url]).filter((u): u is string => !!u)
  if (links.length > 0)
    return (
      ref.runId !== undefined &&
      links.some((u) => u.includes(`/actions/runs/${ref.runId}/`) || u.endsWith(`/actions/runs/${ref.runId}`))
    )
  return data[0] !== undefined && ['queued', 'in_progress', 'pending'].includes(data[0].state)
}

async function create(
  client: GitHubClient,
  ref: DeploymentRef,
  update: DeploymentUpdate,
  timeoutMs: number,
): Promise<number> {
  const response = await client.rest.repos.createDeployment({
    owner: ref.owner,
    repo: ref.repo,
    ref: ref.sha,
    environment: ref.environment,
    auto_merge: false,
    required_contexts: [],
    description: update.description,
    payload: { tool: DEPLOYMENT_MARKER, run_id: ref.runId ?? '' },
    request: { signal: AbortSignal.timeout(timeoutMs) },
  })
  const data = response.data as { id?: unknown; message?: unknown }
  // 202 "merged branch" has no id: impossible with auto_merge false, said plainly if it happens.
  if (typeof data.id !== 'number')
    throw Object.assign(new Error(`GitHub created no deployment (HTTP ${response.status})`), {
      status: response.status,
    })
  return data.id
}
