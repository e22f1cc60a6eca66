// Scenario builders for the monitor's emulator tests: shop-staging (Source → Build → Test (unit, integration)
// → Deploy) with commits on the staging branch, a GitHub commit graph for compare, and scheduled executions.
import type { Scenario } from '../../emulator/index.js'
import { lastOf, nth } from '../helpers/must.js'

export const sha = (digit: string | number): string => String(digit).repeat(40).slice(0, 40)
export const execId = (n: number): string =>
  `${String(n).padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`

export interface ShopOptions {
  /** Commits of staging, oldest first (each the parent of the next), pushed at the given second. */
  commits?: { sha: string; at: number; parents?: string[] }[]
  actions?: Record<string, unknown>
  executions?: {
    id?: string
    at: number
    commit?: string
    actions?: Record<string, unknown>
    stop?: { at: number; abandon?: boolean; reason?: string }
  }[]
  declaration?: string
}

export function shopScenario(opts: ShopOptions = {}): Scenario {
  const commits = opts.commits ?? [{ sha: sha(1), at: -3600 }]
  return {
    start: '2026-11-20T10:00:00Z',
    repositories: {
      'acme/shop': {
        staging: commits.map((c) => ({ sha: c.sha, at: c.at, message: `commit ${c.sha.slice(0, 7)}` })),
      },
    },
    github: {
      repositories: {
        'acme/shop': {
          commits: commits.map((c, i) => ({
            sha: c.sha,
            parents: c.parents ?? (i > 0 ? [nth(commits, i - 1).sha] : []),
          })),
        },
      },
    },
    ecs: {
      clusters: {
        'shop-staging': {
          services: {
            shop: {
              desiredCount: 1,
              taskDefinitions: [
                { images: { shop: '123456789012.dkr.ecr.us-east-1.amazonaws.com/shop:base' } },
              ],
              deployments: [{ taskDefinition: 1, at: -86400 }],
            },
          },
        },
      },
    },
    codepipeline: {
      pipelines: [
        {
          declaration: opts.declaration ?? 'shop-staging',
          actions: {
            Source: { durationSeconds: 5 },
            Build: { durationSeconds: 120 },
            UnitTest: { durationSeconds: 40 },
            IntegrationTest: { durationSeconds: 90 },
            Deploy: { durationSeconds: 150 },
            ...opts.actions,
          },
          executions: opts.executions ?? [{ id: execId(1), at: 10, commit: lastOf(commits).sha }],
        },
      ],
    },
  }
}

/**
 * shop-staging-gated (Build ‖ Lint (Commands), Release (manual approval), Deploy (beforeEntry rule, onFailure
 * ROLLBACK)) with commits 1 and 2; the approval waits for a person unless `actions` says otherwise.
 */
export function gatedScenario(
  actions: Record<string, unknown> = {},
  executions?: ShopOptions['executions'],
): Scenario {
  return shopScenario({
    declaration: 'shop-staging-gated',
    commits: [
      { sha: sha(1), at: -3600 },
      { sha: sha(2), at: 500 },
    ],
    actions: {
      Lint: { durationSeconds: 30 },
      Approve: { approval: 'pending' },
      Deploy: { durationSeconds: 60 },
      ...actions,
    },
    executions: executions ?? [{ id: execId(1), at: 10, commit: sha(1) }],
  })
}

/** A deploy of commit 2 that fails after commit 1 deployed: Deploy rolls back to execution 1. */
export function rolledBackScenario(): Scenario {
  return gatedScenario({ Approve: { durationSeconds: 10 } }, [
    { id: execId(1), at: 10, commit: sha(1) },
    {
      id: execId(2),
      at: 600,
      commit: sha(2),
      actions: {
        Deploy: {
          durationSeconds: 30,
          outcome: 'Failed',
          error: { code: 'JobFailed', message: 'Service shop did not stabilize' },
        },
      },
    },
  ])
}

/** The approval passes, then Deploy's beforeEntry rule NoOpenAlarms fails: an alarm is open. */
export function failedConditionScenario(actions: Record<string, unknown> = {}): Scenario {
  return gatedScenario({
    Approve: { durationSeconds: 10 },
    NoOpenAlarms: { outcome: 'Failed', summary: 'Alarm shop-staging-5xx is in ALARM' },
    ...actions,
  })
}

/** The Commands action Lint fails, its log stream ending with eslint's complaint. */
export function failedCommandsScenario(actions: Record<string, unknown> = {}): Scenario {
  return gatedScenario({
    ...actions,
    Lint: {
      durationSeconds: 30,
      outcome: 'Failed',
      error: { code: 'JobFailed', message: 'Command npm run lint exited with 1' },
      logLines: ['> eslint .', 'src/cart.ts:3:1  error  no-undef'],
    },
  })
}
