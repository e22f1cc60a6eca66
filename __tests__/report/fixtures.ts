// Hand-built StepResults for each mode (success and failure), the data every report renders from.
import type { StepResult } from '../../src/result.js'
import { TEST_SHA } from '../fixtures/inputs.js'
import { firstOf } from '../helpers/must.js'

const EXEC = 'e2f9a1c4-5b6d-4e7f-8a9b-0c1d2e3f4a5b'
const EXEC_URL = `https://us-east-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/shop-staging/executions/${EXEC}/timeline?region=us-east-1`
const BUILD_URL =
  'https://us-east-1.console.aws.amazon.com/codesuite/codebuild/projects/shop-staging-build/build/shop-staging-build%3Aa1b2c3/?region=us-east-1'
const LOG_URL =
  'https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:log-groups/log-group/$252Faws$252Fcodebuild$252Fshop-staging-build/log-events/a1b2c3'

const base = {
  pipelineName: 'shop-staging',
  environment: 'staging',
  version: '1.4.2',
  commitSha: TEST_SHA,
  region: 'us-east-1',
  warnings: [] as string[],
  startedAt: '2026-11-05T10:00:00.000Z',
  endedAt: '2026-11-05T10:07:30.000Z',
}

const succeededStages = [
  {
    name: 'Source',
    status: 'Succeeded',
    startedAt: '2026-11-05T10:00:05Z',
    endedAt: '2026-11-05T10:00:12Z',
    actions: [
      {
        name: 'Source',
        status: 'Succeeded',
        durationSeconds: 7,
        url: 'https://github.com/octo-org/shop/commit/' + TEST_SHA,
      },
    ],
  },
  {
    name: 'Build',
    status: 'Succeeded',
    startedAt: '2026-11-05T10:00:12Z',
    endedAt: '2026-11-05T10:03:40Z',
    actions: [{ name: 'Build', status: 'Succeeded', durationSeconds: 208, url: BUILD_URL }],
  },
  {
    name: 'Test',
    status: 'Succeeded',
    startedAt: '2026-11-05T10:03:40Z',
    endedAt: '2026-11-05T10:05:10Z',
    actions: [
      { name: 'UnitTest', status: 'Succeeded', durationSeconds: 61 },
      { name: 'IntegrationTest', status: 'Succeeded', durationSeconds: 90 },
    ],
  },
  {
    name: 'Deploy',
    status: 'Succeeded',
    startedAt: '2026-11-05T10:05:10Z',
    endedAt: '2026-11-05T10:07:20Z',
    actions: [{ name: 'Deploy', status: 'Succeeded', durationSeconds: 130 }],
  },
]

export function monitorSuccess(): StepResult {
  return {
    ...base,
    mode: 'monitor',
    verdict: 'success',
    reason: 'Execution e2f9a1c4 of shop-staging succeeded in 7m 15s (commit 0123456, version 1.4.2).',
    details: {
      kind: 'monitor',
      pipelineName: 'shop-staging',
      execution: {
        id: EXEC,
        status: 'Succeeded',
        url: EXEC_URL,
        commit: TEST_SHA,
        version: '1.4.2',
        startedAt: '2026-11-05T10:00:05Z',
        endedAt: '2026-11-05T10:07:20Z',
        stages: structuredClone(succeededStages),
      },
    },
  }
}

export function monitorFailure(): StepResult {
  const r = monitorSuccess()
  r.verdict = 'failure'
  r.reason =
    'Stage Build failed: action Build (CodeBuild shop-staging-build:a1b2c3) failed in phase BUILD: COMMAND_EXECUTION_ERROR: Error while executing command: npm test. Reason: exit status 1'
  const d = r.details as Extract<StepResult['details'], { kind: 'monitor' }>
  const ex = d.execution!
  ex.status = 'Failed'
  ex.failedStage = 'Build'
  ex.failedAction = 'Build'
  ex.endedAt = '2026-11-05T10:03:40Z'
  ex.stages = [
    firstOf(ex.stages),
    {
      name: 'Build',
      status: 'Failed',
      startedAt: '2026-11-05T10:00:12Z',
      endedAt: '2026-11-05T10:03:40Z',
      actions: [
        {
          name: 'Build',
          status: 'Failed',
          durationSeconds: 208,
          url: BUILD_URL,
          logUrl: LOG_URL,
          error:
            'COMMAND_EXECUTION_ERROR in phase BUILD: Error while executing command: npm test. Reason: exit status 1',
          logTail: [
            '> shop@1.4.2 test',
            '> jest --ci',
            'FAIL src/cart.test.ts',
            '  ● cart › applies the <discount> & rounds | totals',
            '    Expected: 9.99, Received: 10',
            'Tests: 1 failed, 211 passed, 212 total',
            '[Container] 2026/11/05 10:03:38 Command did not exit successfully npm test exit status 1',
          ],
        },
      ],
    },
    { name: 'Test', status: '', actions: [] },
    { name: 'Deploy', status: '', actions: [] },
  ]
  return r
}

export function createSuccess(): StepResult {
  return {
    ...base,
    mode: 'create-pipeline',
    verdict: 'success',
    reason: 'Pipeline shop-staging updated to version 4 (Build environment variables changed).',
    details: {
      kind: 'create-pipeline',
      pipelineName: 'shop-staging',
      pipelineVersion: 4,
      change: 'updated',
      diff: [
        ' stages[1] Build',
        ' stages[1].actions[0] Build',
        '-  configuration.EnvironmentVariables: [{"name":"VERSION","value":"#{variables.VERSION}"}]',
        '+  configuration.EnvironmentVariables: [{"name":"VERSION","value":"#{variables.VERSION}"},{"name":"COMMIT_ID","value":"#{SourceVariables.CommitId}"}]',
      ],
      stages: [
        { name: 'Source', actions: [{ name: 'Source', provider: 'CodeStarSourceConnection', runOrder: 1 }] },
        { name: 'Build', actions: [{ name: 'Build', provider: 'CodeBuild', runOrder: 1 }] },
        {
          name: 'Test',
          actions: [
            { name: 'UnitTest', provider: 'CodeBuild', runOrder: 1 },
            { name: 'IntegrationTest', provider: 'CodeBuild', runOrder: 1 },
          ],
        },
        { name: 'Deploy', actions: [{ name: 'Deploy', provider: 'ECS', runOrder: 1 }] },
      ],
      notes: ['Waited 2m 10s for execution 9d8c7b6a to finish before UpdatePipeline.'],
    },
  }
}

export function createFailure(): StepResult {
  return {
    ...base,
    mode: 'create-pipeline',
    verdict: 'failure',
    reason:
      "UpdatePipeline of shop-staging was rejected: InvalidStructureException: Action configuration for action 'Build' contains unknown configuration 'ProjectNmae'.",
    details: {
      kind: 'create-pipeline',
      pipelineName: 'shop-staging',
      pipelineVersion: 3,
      change: 'unchanged',
      diff: ['+  configuration.ProjectNmae: shop-staging-build'],
      stages: [],
      notes: ['The pipeline was left at version 3.'],
    },
  }
}

export function validateSuccess(): StepResult {
  return {
    ...base,
    pipelineName: undefined,
    mode: 'validate',
    verdict: 'success',
    reason: 'All 4 checks passed for shop-staging/shop (version 1.4.2 running on 3 of 3 tasks).',
    details: {
      kind: 'validate',
      cluster: 'shop-staging',
      service: 'shop',
      checks: [
        {
          name: 'rollout',
          type: 'deployment',
          status: 'pass',
          value: 'COMPLETED',
          threshold: 'COMPLETED',
          message: 'Deployment ecs-svc/1234 completed.',
        },
        {
          name: 'tasks',
          type: 'task',
          status: 'pass',
          value: 3,
          threshold: 3,
          message: '3 of 3 tasks RUNNING.',
        },
        {
          name: 'version',
          type: 'image',
          status: 'pass',
          value: '1.4.2',
          threshold: '1.4.2',
          message: 'Every container runs tag 1.4.2.',
        },
        {
          name: 'API 5XX rate',
          type: 'metric',
          status: 'pass',
          value: 0.0012,
          threshold: 0.01,
          message: '5XXError rate 0.12% over 5 min (below 1%).',
        },
      ],
      unverified: [],
    },
  }
}

export function validateFailure(): StepResult {
  const r = validateSuccess()
  r.verdict = 'failure'
  r.reason =
    'API 5XX rate 4.3% is at or above 1% on shop-staging (window 10:02–10:07 UTC); the service was rolled back.'
  const d = r.details as Extract<StepResult['details'], { kind: 'validate' }>
  d.checks[3] = {
    name: 'API 5XX rate',
    type: 'metric',
    status: 'fail',
    value: 0.0431,
    threshold: 0.01,
    message: '5XXError rate 4.31% over 5 min (at or above 1%).',
  }
  d.checks.push({
    name: 'p99 latency',
    type: 'metric',
    status: 'no-data',
    value: null,
    threshold: 1.5,
    message: 'No datapoints for TargetResponseTime in the window.',
  })
  d.unverified = ['p99 latency: no datapoints in the window (on-missing-data: warn).']
  d.rounds = [
    {
      at: '2026-11-05T10:05:00Z',
      checks: d.checks.map((c) => ({ ...c, status: c.status === 'fail' ? 'pass' : c.status })),
    },
    { at: '2026-11-05T10:06:00Z', checks: d.checks },
  ]
  d.rollback = {
    mode: 'service',
    done: true,
    message: 'Service shop rolled back to task definition shop:41 (the one it ran before this deployment).',
  }
  return r
}

export const ALL = {
  monitorSuccess,
  monitorFailure,
  createSuccess,
  createFailure,
  validateSuccess,
  validateFailure,
}
