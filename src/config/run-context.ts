// Where the run comes from, read from the runner's GITHUB_* environment: the commit it is about, and the
// context used for links, statuses and alerts.
import { readFileSync } from 'node:fs'
import type { RunContext } from './types.js'

function readEvent(env: NodeJS.ProcessEnv): Record<string, any> {
  const path = env.GITHUB_EVENT_PATH
  if (!path) return {}
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, any>
  } catch {
    return {}
  }
}

/** The commit the run is about: the PR head on pull_request events, not the merge commit GITHUB_SHA names. */
export function commitFromEvent(env: NodeJS.ProcessEnv): string | undefined {
  const event = readEvent(env)
  const name = env.GITHUB_EVENT_NAME ?? ''
  if (name.startsWith('pull_request') && event.pull_request?.head?.sha)
    return String(event.pull_request.head.sha)
  if (name === 'workflow_run' && event.workflow_run?.head_sha) return String(event.workflow_run.head_sha)
  return env.GITHUB_SHA || undefined
}

export function runContext(env: NodeJS.ProcessEnv): RunContext {
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/$/, '')
  const repository = env.GITHUB_REPOSITORY || undefined
  const runId = env.GITHUB_RUN_ID || undefined
  return {
    serverUrl,
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/$/, ''),
    repository,
    runId,
    runAttempt: env.GITHUB_RUN_ATTEMPT || undefined,
    workflow: env.GITHUB_WORKFLOW || undefined,
    job: env.GITHUB_JOB || undefined,
    eventName: env.GITHUB_EVENT_NAME || undefined,
    actor: env.GITHUB_ACTOR || undefined,
    runUrl: repository && runId ? `${serverUrl}/${repository}/actions/runs/${runId}` : undefined,
  }
}
