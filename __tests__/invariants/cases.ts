// The invariant matrix (issue 11): every mode, through main's runStep in-process on the emulator's manual clock,
// meets every fault kind at every moment with hostile text in every field AWS, Slack and GitHub control, and keeps
// every invariant: a true verdict (green only when verified; no rollback or stop on a healthy release), an end
// within the deadline plus the bound with a summary and outputs, no workflow command from untrusted text, no live
// HTML, no Slack mention, no secret in any form, no crash text. Hangs in reporting need real time: the runner-
// contract suite (matrix-dist.test.ts) has them.
import { afterEach, describe, expect, it } from '@jest/globals'
import type { Emulator, FaultRule, Scenario } from '../../emulator/index.js'
import { targetGroupArn } from '../../emulator/services/elbv2/index.js'
import { sha, shopScenario } from '../monitor/scenarios.js'
import { CONNECTION, ROLE } from '../fixtures/inputs.js'
import { runCase, violations, type StepCase, type StepRun } from './harness.js'

const PIPELINE_INPUTS = {
  'project-name': 'shop',
  environment: 'staging',
  repository: 'octo-org/shop',
  'role-arn': ROLE,
  'connection-arn': CONNECTION,
  'timeout-minutes': '10',
}

/** Three tasks of the new revision, healthy in the service's one target group (validate's default traffic check). */
function behindLoadBalancer(): Scenario {
  return {
    ecs: {
      clusters: {
        prod: {
          services: {
            shop: {
              desiredCount: 3,
              loadBalancers: [
                {
                  targetGroupArn: targetGroupArn('us-east-1', '123456789012', 'shop-tg'),
                  containerName: 'app',
                  containerPort: 8080,
                },
              ],
              taskDefinitions: [{ images: { app: 'shop:v1' } }, { images: { app: 'shop:v2' } }],
              deployments: [
                { at: -7200, taskDefinition: 1 },
                { at: -1200, taskDefinition: 2 },
              ],
            },
          },
        },
      },
    },
    elbv2: { loadBalancers: { shop: {} }, targetGroups: { 'shop-tg': { loadBalancer: 'shop' } } },
  } as unknown as Scenario
}

/** A release that should pass, or a run that really failed, per mode. */
interface ModeCase extends Omit<StepCase, 'faults' | 'hostile' | 'cutoffMs'> {
  healthy: boolean
}

export const MODES = {
  'monitor, a succeeding run': {
    mode: 'monitor',
    scenario: shopScenario(),
    inputs: { 'pipeline-name': 'shop-staging', 'commit-sha': sha(1), 'timeout-minutes': '10' },
    healthy: true,
  } as ModeCase,
  'monitor, a failing build': {
    mode: 'monitor',
    scenario: shopScenario({
      actions: {
        Build: {
          outcome: 'Failed',
          build: {
            failedPhase: 'BUILD',
            message: 'npm ci: exit status 1',
            logLines: ['npm ERR! missing script'],
          },
        },
      },
    }),
    inputs: {
      'pipeline-name': 'shop-staging',
      'commit-sha': sha(1),
      'timeout-minutes': '30',
      'stop-on-cancel': 'true',
    },
    healthy: false,
  } as ModeCase,
  'validate, a healthy release with rollback: service': {
    mode: 'validate',
    scenario: 'validate-healthy',
    inputs: {
      cluster: 'shop-prod',
      service: 'shop',
      'api-name': 'shop-prod',
      'expected-image-tag': 'v1.2.3',
      'alarm-names': 'shop-prod-5xx',
      rollback: 'service',
      'timeout-minutes': '5',
    },
    healthy: true,
  } as ModeCase,
  'validate, a healthy service behind a load balancer with default inputs': {
    mode: 'validate',
    scenario: behindLoadBalancer(),
    inputs: { cluster: 'prod', service: 'shop', rollback: 'service', 'timeout-minutes': '5' },
    healthy: true,
  } as ModeCase,
  'create-pipeline, an update that starts and follows the commit': {
    mode: 'create-pipeline',
    scenario: 'create-pipeline',
    // A first create-pipeline on the same emulator, so that the step under test updates the pipeline.
    setup: async (e) => {
      await runCase({ mode: 'create-pipeline', scenario: 'create-pipeline', inputs: PIPELINE_INPUTS }, e)
    },
    inputs: { ...PIPELINE_INPUTS, 'execution-mode': 'QUEUED', 'start-execution': 'true', wait: 'true' },
    healthy: true,
  } as ModeCase,
}

const KINDS: Record<string, Omit<FaultRule, 'service'>> = {
  // Slack and GitHub answer 429 with Retry-After 10 s: waited out until the deadline as with 1 s, in a tenth of
  // the requests (a 30-minute monitor otherwise retries its pending status 1,800 times on the manual clock).
  'throttling beyond the SDK retries': { throttleRate: 1, retryAfterSeconds: 10 },
  '5xx': { errorRate: 1, errorStatus: 503 },
  'reset mid-body': { resetRate: 1 },
  'accept and never answer': { hangRate: 1 },
  'slower than the deadline': { latencyMs: 1_500 },
  'HTML with 200': { htmlRate: 1 },
  'malformed JSON': { malformedRate: 1 },
  'access denied': { deny: true },
}
const REAL_TIME = new Set(['accept and never answer', 'slower than the deadline'])
const AWS_SERVICES = ['codepipeline', 'codebuild', 'logs', 'ecs', 'monitoring', 'elasticloadbalancing']

const MOMENTS: Record<string, (kind: Omit<FaultRule, 'service'>) => FaultRule[]> = {
  'the first reads': (k) => AWS_SERVICES.map((service) => ({ ...k, service, firstCalls: 3 })),
  'the middle': (k) => AWS_SERVICES.map((service) => ({ ...k, service, skipCalls: 3, firstCalls: 3 })),
  'from the middle to the last look': (k) => AWS_SERVICES.map((service) => ({ ...k, service, skipCalls: 3 })),
  'reporting (Slack, GitHub, SNS)': (k) => ['slack', 'github', 'sns'].map((service) => ({ ...k, service })),
}

const WRITES_ON_A_VERDICT = ['UpdateService', 'RollbackStage', 'StopPipelineExecution']

/** The verdict is never wrong: green only when verified, a failure never claimed of a healthy release. */
function verdictProblems(run: StepRun, mode: ModeCase): string[] {
  const out: string[] = []
  const checks = JSON.parse(run.outputs.checks || '[]') as { status: string }[]
  if (run.outputs.result === 'success') {
    if (checks.some((c) => c.status === 'unverified' || c.status === 'fail'))
      out.push('green with an unverified check')
    if (mode.mode === 'monitor' && run.outputs['execution-status'] !== 'Succeeded')
      out.push('green without Succeeded')
    if (!mode.healthy) out.push('green for a failing run')
  }
  if (mode.healthy) {
    if (checks.some((c) => c.status === 'fail')) out.push('a check of a healthy release measured as failed')
    if (run.outputs['execution-status'] === 'Failed') out.push('a succeeding execution reported as Failed')
    const writes = run.calls.filter((c) => WRITES_ON_A_VERDICT.includes(c))
    if (writes.length > 0) out.push(`acted on an unmeasured failure: ${writes.join(', ')}`)
  }
  return out
}

/** Fault kind × moment pairs run in-process (a hang while reporting needs real time: matrix-dist.test.ts). */
export const CASES: [string, string][] = Object.keys(KINDS).flatMap((kind) =>
  Object.keys(MOMENTS)
    .filter((moment) => !(REAL_TIME.has(kind) && moment.startsWith('reporting')))
    .map((moment): [string, string] => [kind, moment]),
)

/** The whole matrix of one mode: a file per mode, so that jest's workers share the matrix. */
export function matrixOf(modeName: keyof typeof MODES): void {
  const mode = MODES[modeName]!
  let emulator: Emulator | undefined
  afterEach(async () => {
    await emulator?.stop()
    emulator = undefined
  })
  describe(modeName, () => matrixCases(mode, (e) => (emulator = e)))
}

function matrixCases(mode: ModeCase, keep: (e: Emulator) => void): void {
  it('keeps every invariant with hostile text in every field and no fault', async () => {
    const run = await runCase({ ...mode, hostile: true })
    keep(run.emulator)
    expect([...violations(run), ...verdictProblems(run, mode)]).toEqual([])
  })

  it.each(CASES)('%s at %s', async (kind, moment) => {
    const run = await runCase({
      ...mode,
      hostile: true,
      faults: { rules: MOMENTS[moment]!(KINDS[kind]!) },
      cutoffMs: REAL_TIME.has(kind) ? 400 : undefined,
      // The SDK's own retries wait in real time: two attempts go beyond them and keep the matrix fast; a fault
      // that lasts to the deadline meets one attempt per read (dozens of reads, each a real back-off otherwise).
      inputs: { ...mode.inputs, 'max-attempts': moment.startsWith('from the middle') ? '1' : '2' },
    })
    keep(run.emulator)
    expect([...violations(run), ...verdictProblems(run, mode)]).toEqual([])
  })
}
