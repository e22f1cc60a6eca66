// The invariant matrix (issue 11): every mode, through main's runStep in-process on the emulator's manual clock,
// meets every fault kind at every moment with hostile text in every field AWS, Slack and GitHub control, and keeps
// every invariant: a true verdict (green only when verified; no rollback or stop on a healthy release), an end
// within the deadline plus the bound with a summary and outputs, no workflow command from untrusted text, no live
// HTML, no Slack mention, no secret in any form, no crash text. Hangs in reporting need real time: the runner-
// contract suite (dist.test.ts) has them.
import { afterEach, describe, expect, it } from '@jest/globals'
import type { Emulator, FaultRule, Scenario } from '../../emulator/index.js'
import { targetGroupArn } from '../../emulator/services/elbv2/index.js'
import { run as runPipelineStep } from '../../src/pipeline/run.js'
import { createPipelineConfig } from '../helpers/config.js'
import { emulatorDeps } from '../helpers/deps.js'
import { execId, gatedScenario, rolledBackScenario, sha, shopScenario } from '../monitor/scenarios.js'
import { CONNECTION, ROLE } from '../fixtures/inputs.js'
import { behindLoadBalancer } from '../helpers/load-balancer-scenario.js'
import {
  blueGreenGroups,
  GATE_INPUTS,
  endedBeforeValidate,
  gatedScenario as pauseHookScenario,
  GREEN_TRAFFIC,
  nativeScenario,
} from '../helpers/native-scenarios.js'
import { MARK, runCase, violations, type StepCase, type StepRun } from './harness.js'

const PIPELINE_INPUTS = {
  'project-name': 'shop',
  environment: 'staging',
  repository: 'octo-org/shop',
  'role-arn': ROLE,
  'connection-arn': CONNECTION,
  'timeout-minutes': '10',
}

/**
 * The pipeline as an earlier run created it (plain, no guards), in the emulator the step then runs against, its
 * first execution long ended: the step's change is an update.
 */
async function createdEarlier(emulator: Emulator): Promise<void> {
  await runPipelineStep(createPipelineConfig(PIPELINE_INPUTS), await emulatorDeps(emulator))
  emulator.clock.advance(3_600_000)
}

/** Two services of one release behind one load balancer, both healthy (validate with service: one per line). */
function twoServices(): Scenario {
  const one = behindLoadBalancer() as unknown as {
    ecs: { clusters: { prod: { services: Record<string, Record<string, unknown>> } } }
    elbv2: { targetGroups: Record<string, unknown> }
  }
  const shop = one.ecs.clusters.prod.services.shop ?? {}
  one.ecs.clusters.prod.services.cart = {
    ...shop,
    loadBalancers: [
      {
        targetGroupArn: targetGroupArn('us-east-1', '123456789012', 'cart-tg'),
        containerName: 'app',
        containerPort: 8080,
      },
    ],
  }
  one.elbv2.targetGroups['cart-tg'] = { loadBalancer: 'shop' }
  return one as unknown as Scenario
}

/** A release that should pass, or a run that really failed, per mode. */
interface ModeCase extends Omit<StepCase, 'faults' | 'hostile' | 'cutoffMs'> {
  healthy: boolean
  /** The configuration names what does not exist: never green, and nothing acts on it. */
  failsWithoutMeasuring?: boolean
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
  // GetPipelineState (the stopped stage) and ListPipelineExecutions (stopTrigger.reason) at the end.
  'monitor, a run stopped at its manual approval, with a reason': {
    mode: 'monitor',
    scenario: gatedScenario({}, [
      {
        id: execId(1),
        at: 10,
        commit: sha(1),
        stop: { at: 200, abandon: true, reason: 'Release postponed' },
      },
    ]),
    inputs: { 'pipeline-name': 'shop-staging', 'commit-sha': sha(1), 'timeout-minutes': '10' },
    healthy: false,
  } as ModeCase,
  // The rollback execution found in ListPipelineExecutions and followed to its end.
  'monitor, a failed deploy rolled back and followed': {
    mode: 'monitor',
    scenario: rolledBackScenario(),
    inputs: {
      'pipeline-name': 'shop-staging',
      'commit-sha': sha(2),
      'timeout-minutes': '20',
      'follow-rollback': 'true',
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
  'validate, a healthy linear deployment followed to its end': {
    mode: 'validate',
    scenario: nativeScenario({
      strategy: 'LINEAR',
      linear: { stepPercent: 50, stepBakeTimeInMinutes: 1 },
      bakeTimeInMinutes: 1,
    }) as unknown as Scenario,
    inputs: { cluster: 'prod', service: 'shop', rollback: 'service', 'timeout-minutes': '10' },
    healthy: true,
  } as ModeCase,
  'validate, the pause-hook gate on a healthy blue/green release': {
    mode: 'validate',
    scenario: pauseHookScenario('OK', {}, blueGreenGroups(GREEN_TRAFFIC)) as unknown as Scenario,
    inputs: { ...GATE_INPUTS, 'bake-minutes': '4', 'timeout-minutes': '10' },
    healthy: true,
  } as ModeCase,
  'validate, the pause-hook gate on a healthy release whose test traffic has no data at the pause': {
    mode: 'validate',
    scenario: pauseHookScenario('OK', {}, blueGreenGroups()) as unknown as Scenario,
    inputs: { ...GATE_INPUTS, 'timeout-minutes': '10' },
    healthy: true,
  } as ModeCase,
  // A typo in alarm-names: the step fails, but it measured nothing, so nothing answers or rolls back the release.
  'validate, the pause-hook gate on a healthy release with an alarm name that names nothing': {
    mode: 'validate',
    scenario: pauseHookScenario('OK', {}, blueGreenGroups(GREEN_TRAFFIC)) as unknown as Scenario,
    inputs: { ...GATE_INPUTS, 'alarm-names': 'shop-green-5xxx', 'timeout-minutes': '10' },
    healthy: true,
    failsWithoutMeasuring: true,
  } as ModeCase,
  'validate, the pause-hook gate on a deployment that ended before validate arrived': {
    mode: 'validate',
    scenario: endedBeforeValidate() as unknown as Scenario,
    inputs: { ...GATE_INPUTS, 'timeout-minutes': '10' },
    healthy: true,
  } as ModeCase,
  'validate, the pause-hook gate on a failing deployment that is not this release': {
    mode: 'validate',
    scenario: pauseHookScenario('ALARM') as unknown as Scenario,
    inputs: { ...GATE_INPUTS, 'expected-image-tag': 'v3', 'timeout-minutes': '10' },
    healthy: false,
  } as ModeCase,
  'validate, the pause-hook gate on a blue/green release whose new revision fails': {
    mode: 'validate',
    scenario: pauseHookScenario('ALARM') as unknown as Scenario,
    inputs: { ...GATE_INPUTS, 'timeout-minutes': '10' },
    healthy: false,
  } as ModeCase,
  'validate, two healthy services of one release': {
    mode: 'validate',
    scenario: twoServices(),
    inputs: { cluster: 'prod', service: 'shop\ncart', 'timeout-minutes': '5' },
    healthy: true,
  } as ModeCase,
  'create-pipeline, an update that starts and follows the commit': {
    mode: 'create-pipeline',
    scenario: 'create-pipeline',
    setup: createdEarlier,
    inputs: { ...PIPELINE_INPUTS, 'execution-mode': 'QUEUED', 'start-execution': 'true', wait: 'true' },
    healthy: true,
  } as ModeCase,
  'create-pipeline, an update that adds an approval stage and rollback on failure': {
    mode: 'create-pipeline',
    scenario: 'create-pipeline',
    setup: createdEarlier,
    inputs: {
      ...PIPELINE_INPUTS,
      approval: 'true',
      'approval-sns-topic-arn': 'arn:aws:sns:us-east-1:123456789012:shop-approvals',
      'approval-review-url': 'https://staging.shop.example.com',
      'approval-comment': `Approve <!here> ::error::${MARK} <img src=x onerror=alert(1)>`,
      'rollback-on-failure': 'true',
    },
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
const AWS_SERVICES = [
  'codepipeline',
  'codebuild',
  'logs',
  'ecs',
  'monitoring',
  'elasticloadbalancing',
  'apigateway',
]

const MOMENTS: Record<string, (kind: Omit<FaultRule, 'service'>) => FaultRule[]> = {
  'the first reads': (k) => AWS_SERVICES.map((service) => ({ ...k, service, firstCalls: 3 })),
  'the middle': (k) => AWS_SERVICES.map((service) => ({ ...k, service, skipCalls: 3, firstCalls: 3 })),
  'from the middle to the last look': (k) => AWS_SERVICES.map((service) => ({ ...k, service, skipCalls: 3 })),
  'reporting (Slack, GitHub, SNS)': (k) => ['slack', 'github', 'sns'].map((service) => ({ ...k, service })),
}

const WRITES_ON_A_VERDICT = ['UpdateService', 'RollbackStage', 'StopPipelineExecution']

type CheckRow = { name?: string; status: string; measured?: false }
const measuredFailure = (c: CheckRow): boolean => c.status === 'fail' && c.measured !== false

/**
 * The pause-hook gate answers only on a measured verdict of the checks it made at the pause (every row but
 * the final `deployment` one), and only on this release's deployment: CONTINUE only when every one of them
 * measured and passed (none failed, could not be read or had no data), ROLLBACK only when one of them measured
 * a failure, and no call at all while the version row is neither pass nor skip. A healthy release is never
 * answered ROLLBACK, and a gated step is green only after its CONTINUE: a gate that saw no pause checked nothing.
 * A `fail` row with `measured: false` (a name that names nothing) is no measured failure: no answer acts on it.
 */
function hookProblems(run: StepRun, mode: ModeCase, checks: CheckRow[]): string[] {
  const atPause = checks.filter((c) => c.name !== 'deployment')
  const version = atPause.find((c) => c.name === 'version')
  const out: string[] = []
  for (const answer of run.hookAnswers) {
    if (answer === 'CONTINUE' && atPause.some((c) => c.status !== 'pass' && c.status !== 'skip'))
      out.push('ContinueServiceDeployment CONTINUE on a check that failed, was not verified or had no data')
    if (answer === 'ROLLBACK' && !atPause.some(measuredFailure))
      out.push('ContinueServiceDeployment ROLLBACK without a measured failure')
    if (answer === 'ROLLBACK' && mode.healthy)
      out.push('ContinueServiceDeployment ROLLBACK of a healthy release')
    if (version && version.status !== 'pass' && version.status !== 'skip')
      out.push(`ContinueServiceDeployment ${answer} on a deployment not verified as this release's`)
  }
  if (run.hookAnswers.length > 1) out.push(`the hook was answered ${run.hookAnswers.length} times`)
  const gated = mode.inputs['pause-hook'] !== undefined && mode.inputs['pause-hook'] !== 'off'
  if (gated && run.outputs.result === 'success' && !run.hookAnswers.includes('CONTINUE'))
    out.push('green without a CONTINUE at the pause: nothing was checked at a pause')
  return out
}

/** The verdict is never wrong: green only when verified, a failure never claimed of a healthy release. */
function verdictProblems(run: StepRun, mode: ModeCase): string[] {
  const out: string[] = []
  const checks = JSON.parse(run.outputs.checks || '[]') as CheckRow[]
  if (run.outputs.result === 'success') {
    if (checks.some((c) => c.status === 'unverified' || c.status === 'fail'))
      out.push('green with an unverified check')
    if (mode.mode === 'monitor' && run.outputs['execution-status'] !== 'Succeeded')
      out.push('green without Succeeded')
    if (!mode.healthy) out.push('green for a failing run')
  }
  if (mode.healthy) {
    if (checks.some(measuredFailure)) out.push('a check of a healthy release measured as failed')
    if (mode.failsWithoutMeasuring && run.outputs.result === 'success')
      out.push('green on a configuration error')
    if (mode.failsWithoutMeasuring && run.hookAnswers.length > 0)
      out.push(`answered the hook (${run.hookAnswers.join(', ')}) on a configuration error`)
    if (run.outputs['execution-status'] === 'Failed') out.push('a succeeding execution reported as Failed')
    const writes = run.calls.filter((c) => WRITES_ON_A_VERDICT.includes(c))
    if (writes.length > 0) out.push(`acted on an unmeasured failure: ${writes.join(', ')}`)
  }
  return [...out, ...hookProblems(run, mode, checks)]
}

/** Fault kind × moment pairs run in-process (a hang while reporting needs real time: dist.test.ts). */
export const CASES: [string, string][] = Object.keys(KINDS).flatMap((kind) =>
  Object.keys(MOMENTS)
    .filter((moment) => !(REAL_TIME.has(kind) && moment.startsWith('reporting')))
    .map((moment): [string, string] => [kind, moment]),
)

/**
 * The whole matrix of these modes. A file per family of modes: jest's workers share the matrix, and each file pays
 * once for what a fresh module registry costs (loading and warming the SDK clients, the emulator, the renderer).
 */
export function matrixOf(...modeNames: (keyof typeof MODES)[]): void {
  let emulator: Emulator | undefined
  afterEach(async () => {
    await emulator?.stop()
    emulator = undefined
  })
  for (const name of modeNames) describe(name, () => matrixCases(MODES[name]!, (e) => (emulator = e)))
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
      cutoffMs: REAL_TIME.has(kind) ? 200 : undefined,
      // The SDK's own retries wait in real time: two attempts go beyond them and keep the matrix fast; a fault
      // that lasts to the deadline meets one attempt per read (dozens of reads, each a real back-off otherwise).
      inputs: { ...mode.inputs, 'max-attempts': moment.startsWith('from the middle') ? '1' : '2' },
    })
    keep(run.emulator)
    expect([...violations(run), ...verdictProblems(run, mode)]).toEqual([])
  })
}
