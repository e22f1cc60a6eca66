// The GitHub side of an example: which event and branch it runs for, the expression context the runner would
// evaluate its `with:` values in (commit, secrets set to dummy values, outputs carried between steps), the GITHUB_*
// environment of the step, and the workflow's steps in order.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { shortSha } from '../../src/commits.js'
import type { Example, Step } from './examples.js'
import { REPOSITORY } from './world.js'

export const COMMIT = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'
export const GITHUB_TOKEN = 'ghs_ExampleT0kenABCDEFGHIJKLMNOPQRSTUV'
export const SLACK_BOT_TOKEN = 'xoxb-0000000000-0000000000000-ExampleBotT0ken'

export interface Simulation {
  steps: Step[]
  event: 'push' | 'pull_request'
  /** The branch the workflow runs for (push) or the pull request's base (pull_request). */
  branch: string
  context: GithubContext
}

export interface GithubContext extends Record<string, unknown> {
  github: Record<string, unknown>
  steps: Record<string, { outputs: Record<string, string> }>
  /** Set to the emulator's webhook once it listens. */
  secrets: Record<string, string>
}

/** The branches a push workflow runs for (each is simulated), or the one branch of any other example. */
export function branchesOf(example: Example): string[] {
  const on =
    example.shape.kind === 'workflow'
      ? (example.shape.workflow.on as Record<string, { branches?: string[] }>)
      : undefined
  const pushed = on?.push?.branches
  return pushed?.length ? pushed : [simulate(example).branch]
}

/** An example's steps and the event it runs on: a workflow's own `on:`, or a push for a list of steps. */
export function simulate(example: Example, pushedBranch?: string): Simulation {
  const shape = example.shape
  if (shape.kind !== 'workflow' && shape.kind !== 'steps') throw new Error(`${example.where} is not runnable`)
  const steps =
    shape.kind === 'workflow' ? Object.values(shape.workflow.jobs).flatMap((j) => j.steps ?? []) : shape.steps
  const on =
    shape.kind === 'workflow' ? (shape.workflow.on as Record<string, { branches?: string[] }>) : undefined
  const event = on && 'pull_request' in on && !('push' in on) ? 'pull_request' : 'push'
  const branch = pushedBranch ?? on?.[event]?.branches?.[0] ?? literalEnvironment(steps) ?? 'staging'
  return { steps, event, branch, context: contextFor(event, branch) }
}

function literalEnvironment(steps: Step[]): string | undefined {
  const value = steps.map((s) => s.with?.environment).find((e) => typeof e === 'string' && !e.includes('${{'))
  return value as string | undefined
}

function contextFor(event: Simulation['event'], branch: string): GithubContext {
  const pullRequest = { number: 7, head: { sha: COMMIT, ref: 'staging' }, base: { ref: branch } }
  return {
    github: {
      sha: COMMIT,
      // On pull_request, GITHUB_SHA is the merge commit and ref_name `<number>/merge`.
      ref_name: event === 'pull_request' ? '7/merge' : branch,
      event_name: event,
      repository: REPOSITORY,
      token: GITHUB_TOKEN,
      event: event === 'pull_request' ? { pull_request: pullRequest } : {},
    },
    secrets: dummies({ SLACK_BOT_TOKEN }),
    vars: dummies({}),
    steps: {},
    // A build job that follows the buildspec contract reports the version it tagged: the short SHA.
    needs: { build: { outputs: { version: shortSha(COMMIT) } } },
  }
}

/** Every name is set: the known ones to what the emulator accepts, the rest to a recognisable dummy. */
function dummies(known: Record<string, string>): Record<string, string> {
  return new Proxy(known, {
    has: () => true,
    get: (target, name) => target[String(name)] ?? `dummy-${String(name)}`,
  })
}

/** The GITHUB_* variables of a step in this simulation (and the event file pull_request runs read). */
export function runnerEnv(sim: Simulation): Record<string, string> {
  const github = sim.context.github
  const env: Record<string, string> = {
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_SHA: sim.event === 'pull_request' ? 'f00dfeedf00dfeedf00dfeedf00dfeedf00dfeed' : COMMIT,
    GITHUB_REF: sim.event === 'pull_request' ? 'refs/pull/7/merge' : `refs/heads/${sim.branch}`,
    GITHUB_REF_NAME: String(github.ref_name),
    GITHUB_EVENT_NAME: sim.event,
    GITHUB_RUN_ID: '4242',
    GITHUB_SERVER_URL: 'https://github.com',
  }
  const dir = mkdtempSync(join(tmpdir(), 'adp-event-'))
  env.GITHUB_EVENT_PATH = join(dir, 'event.json')
  writeFileSync(env.GITHUB_EVENT_PATH, JSON.stringify(github.event))
  return env
}
