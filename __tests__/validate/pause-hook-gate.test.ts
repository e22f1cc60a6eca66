// The pause-hook gate through the real SDK against the emulator: it waits for this release's deployment to
// pause at its PAUSE hook, checks the new revision, answers CONTINUE on a pass and ROLLBACK on a measured
// failure, leaves the hook alone when the result could not be verified, and makes no call in report-only.
import { DescribeServiceDeploymentsCommand, DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs'
import { afterEach, describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import type { ValidateDetails } from '../../src/result.js'
import { run } from '../../src/validate/run.js'
import { validateConfig } from '../helpers/config.js'
import { createAwsClients } from '../../src/aws.js'
import { emulatorDeps, noBackoff } from '../helpers/deps.js'
import {
  blueGreenGroups,
  endedBeforeValidate,
  GATE_INPUTS,
  gatedScenario,
  GREEN_TRAFFIC,
} from '../helpers/native-scenarios.js'

let emu: Emulator | undefined
afterEach(async () => {
  await emu?.stop()
  emu = undefined
})

const GATE = GATE_INPUTS

async function validate(
  scenario: object,
  inputs: Record<string, string>,
  faults?: (e: Emulator) => void,
  opts: { maxAttempts?: number; cutoffMs?: number } = {},
) {
  emu = await startEmulator({ clock: 'manual', scenario: scenario as never })
  faults?.(emu)
  const deps = await emulatorDeps(emu, { maxAttempts: opts.maxAttempts ?? 1 })
  const { cutoffMs } = opts
  // A request without an answer ends after cutoffMs of real time (the SDK's own timeout is a minute).
  if (cutoffMs)
    deps.aws = await createAwsClients({ region: 'us-east-1', maxAttempts: 3 }, deps.env, {
      cutoff: () => Date.now() + cutoffMs,
      retryStrategy: noBackoff(3),
    })
  const result = await run(validateConfig(inputs), deps)
  const details = result.details as ValidateDetails
  const calls = emu.log.entries.filter((e) => e.operation === 'ContinueServiceDeployment')
  return { result, details, calls, log: deps.log.lines.join('\n') }
}

async function deploymentNow(e: Emulator) {
  const ecs = new ECSClient({
    endpoint: e.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIAEMULATOR', secretAccessKey: 'secret' },
  })
  const { services } = await ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: ['shop'] }))
  const arn = services![0]!.currentServiceDeployment!
  const out = await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] }))
  ecs.destroy()
  return out.serviceDeployments![0]!
}

const row = (d: ValidateDetails, name: string) => d.checks.find((c) => c.name === name)

describe('pause-hook: gate', () => {
  it('continues a healthy deployment, then follows it to its end', async () => {
    const { result, details, calls, log } = await validate(gatedScenario('OK'), GATE)
    expect(calls).toHaveLength(1)
    expect(details.hook).toMatchObject({ mode: 'gate', action: 'CONTINUE', done: true })
    expect(row(details, 'deployment')).toMatchObject({ status: 'pass', value: 'SUCCESSFUL' })
    expect(row(details, 'new revision')?.status).toBe('pass')
    expect(row(details, 'tasks of the new revision')?.status).toBe('pass')
    expect(row(details, 'shop-green-5xx')?.status).toBe('pass')
    expect(log).toMatch(/Paused at POST_TEST_TRAFFIC_SHIFT: PAUSE hook ecs-pause-\S+ awaits action/)
    expect(result.verdict).toBe('success')
  })

  it('checks the new revision in the test target group: registered and healthy there', async () => {
    const { result, details } = await validate(gatedScenario('OK', {}, blueGreenGroups(GREEN_TRAFFIC)), {
      ...GATE,
      'bake-minutes': '4',
    })
    expect(row(details, 'target group shop-green')).toMatchObject({ status: 'pass', value: 2 })
    expect(row(details, 'target group shop-green 5XX rate')?.status).toBe('pass')
    expect(details.hook).toMatchObject({ action: 'CONTINUE', done: true })
    expect(result.verdict).toBe('success')
  })

  it('rolls back when a task of the new revision is unhealthy in the test target group', async () => {
    const { details, calls } = await validate(
      gatedScenario('OK', {}, blueGreenGroups({ unhealthy: 1 })),
      GATE,
    )
    expect(row(details, 'target group shop-green')?.message).toMatch(
      /is unhealthy \(Target\.ResponseCodeMismatch/,
    )
    expect(calls).toHaveLength(1)
    expect(details.hook).toMatchObject({ action: 'ROLLBACK', done: true })
  })

  it('rolls back a deployment whose new revision fails a check, naming it', async () => {
    const { result, details, calls } = await validate(gatedScenario('ALARM'), GATE)
    expect(calls).toHaveLength(1)
    expect(details.hook).toMatchObject({ action: 'ROLLBACK', done: true })
    expect(details.hook?.message).toMatch(/a check measured a failure/)
    expect(row(details, 'shop-green-5xx')?.status).toBe('fail')
    expect(row(details, 'deployment')?.message).toMatch(/rolled back \(ROLLBACK_SUCCESSFUL\)/)
    expect(result.verdict).toBe('failure')
    expect(result.unverified).toBeFalsy()
  })

  it('leaves an unverifiable deployment paused: reads failing → no call, said plainly', async () => {
    const { result, details, calls } = await validate(gatedScenario('OK'), GATE, (e) =>
      e.setFaults({ rules: [{ operation: 'DescribeAlarms', errorRate: 1 }] }),
    )
    expect(calls).toHaveLength(0)
    expect(details.hook).toMatchObject({ mode: 'gate', done: false })
    expect(details.hook?.action).toBeUndefined()
    expect(details.hook?.message).toMatch(
      /no call: the result could not be verified .* the hook keeps waiting and takes its own timeout action \(ROLLBACK\) at/,
    )
    expect(row(details, 'deployment')?.status).toBe('unverified')
    expect(result.verdict).toBe('failure')
    expect(result.unverified).toBe(true)
    const now = await deploymentNow(emu!)
    expect(now.lifecycleHookDetails?.[0]?.status).toBe('AWAITING_ACTION')
  })

  it('an alarm name that names no alarm: the step fails, but the hook of a healthy deployment is not answered', async () => {
    const { result, details, calls } = await validate(gatedScenario('OK'), {
      ...GATE,
      'alarm-names': 'shop-green-5xxx',
    })
    expect(calls).toHaveLength(0)
    expect(details.hook).toMatchObject({ mode: 'gate', done: false })
    expect(details.hook?.action).toBeUndefined()
    expect(details.hook?.message).toMatch(
      /no call: "shop-green-5xxx": the configuration names no such alarm\/API — a configuration error, not a measurement of the release; no rollback — the hook keeps waiting/,
    )
    expect(row(details, 'shop-green-5xxx')).toMatchObject({ status: 'fail', measured: false })
    expect(result.verdict).toBe('failure')
    expect(result.unverified).toBeFalsy()
    expect(result.reason).toMatch(
      /failed: shop-green-5xxx — no metric or composite alarm named "shop-green-5xxx"/,
    )
    const now = await deploymentNow(emu!)
    expect(now.lifecycleHookDetails?.[0]?.status).toBe('AWAITING_ACTION')
  })

  it('an api-name that names no API: no call either', async () => {
    const { result, details, calls } = await validate(gatedScenario('OK'), {
      ...GATE,
      'api-name': 'shop-prd',
    })
    expect(calls).toHaveLength(0)
    expect(details.hook?.message).toMatch(/no call: "API 5XX error rate": .*a configuration error/)
    expect(result.verdict).toBe('failure')
  })

  describe('the answer is sent once, with no SDK retry, and its report is what happened', () => {
    const onContinue = (fault: object) => (e: Emulator) =>
      e.setFaults({
        rules: [{ service: 'ecs', operation: 'ContinueServiceDeployment', firstCalls: 1, ...fault }],
      })

    it('a reset after ECS applied it: one request, reported answered (the deployment moved on)', async () => {
      const { result, details, calls } = await validate(
        gatedScenario('OK'),
        GATE,
        onContinue({ resetRate: 1 }),
        { maxAttempts: 3 },
      )
      expect(calls).toHaveLength(1)
      expect(details.hook).toMatchObject({ mode: 'gate', action: 'CONTINUE', done: true })
      expect(details.hook?.message).toMatch(
        /^ContinueServiceDeployment CONTINUE: its response was lost \(.*\); answered: the deployment moved on past hook /,
      )
      expect(details.hook?.message).not.toMatch(/not accepted|not answered/)
      expect(row(details, 'deployment')).toMatchObject({ status: 'pass', value: 'SUCCESSFUL' })
      expect(result.verdict).toBe('success')
    })

    it('a 500 (not applied): one request, reported not answered, the deployment still waiting', async () => {
      const { result, details, calls } = await validate(
        gatedScenario('OK'),
        GATE,
        onContinue({ errorRate: 1, errorStatus: 500 }),
        { maxAttempts: 3 },
      )
      expect(calls).toHaveLength(1)
      expect(details.hook).toMatchObject({ action: 'CONTINUE', done: false })
      expect(details.hook?.message).toMatch(
        /^ContinueServiceDeployment CONTINUE: its response was lost \(.*\); not answered: the deployment still waits at hook /,
      )
      expect(result.verdict).toBe('failure')
      const now = await deploymentNow(emu!)
      expect(now.lifecycleHookDetails?.[0]?.status).toBe('AWAITING_ACTION')
    })

    it('no answer at all (a hang, not applied): one request, then the deployment is read again', async () => {
      const { details, calls } = await validate(gatedScenario('OK'), GATE, onContinue({ hangRate: 1 }), {
        cutoffMs: 1_000,
      })
      expect(calls).toHaveLength(1)
      expect(details.hook).toMatchObject({ action: 'CONTINUE', done: false })
      expect(details.hook?.message).toMatch(
        /its response was lost \(.*\); not answered: the deployment still waits/,
      )
    })

    it('throttled (refused, not applied): sent again, and accepted', async () => {
      const { result, details, calls } = await validate(
        gatedScenario('OK'),
        GATE,
        onContinue({ throttleRate: 1 }),
      )
      expect(calls).toHaveLength(2)
      expect(details.hook).toMatchObject({ action: 'CONTINUE', done: true })
      expect(details.hook?.message).toMatch(/^ContinueServiceDeployment CONTINUE was accepted/)
      expect(result.verdict).toBe('success')
    })
  })

  it('with expected-image-tag: the release’s own deployment is answered', async () => {
    const { details, calls } = await validate(gatedScenario('OK'), { ...GATE, 'expected-image-tag': 'v2' })
    expect(row(details, 'version')?.status).toBe('pass')
    expect(calls).toHaveLength(1)
  })

  it('a paused deployment that is not this release’s is not answered', async () => {
    const { result, details, calls } = await validate(gatedScenario('OK'), {
      ...GATE,
      'expected-image-tag': 'v3',
    })
    expect(row(details, 'version')).toMatchObject({ status: 'unverified' })
    expect(row(details, 'version')?.message).toMatch(/not this release's, so validate does not answer it/)
    expect(calls).toHaveLength(0)
    expect(result.unverified).toBe(true)
  })

  it('answers before the hook expires: the bake is cut to fit, and said', async () => {
    const { details, log } = await validate(gatedScenario('OK'), {
      ...GATE,
      'bake-minutes': '45',
      'timeout-minutes': '90',
    })
    expect(log).toMatch(/the bake at the pause is cut to \d+ s \(bake-minutes asks 2700 s\)/)
    expect(details.hook).toMatchObject({ action: 'CONTINUE', done: true })
  })

  it('a test group that cannot be described: its 5XX rate is unverified (not dropped), read once', async () => {
    const { details, calls } = await validate(
      gatedScenario('OK', {}, blueGreenGroups(GREEN_TRAFFIC)),
      GATE,
      (e) => e.setFaults({ rules: [{ operation: 'DescribeTargetGroups', deny: true }] }),
    )
    expect(row(details, 'target group shop-green 5XX rate')?.status).toBe('unverified')
    expect(row(details, 'target group shop-green')?.status).toBe('unverified')
    expect(calls).toHaveLength(0)
    const described = emu!.log.entries.filter((e) => e.operation === 'DescribeTargetGroups')
    expect(described).toHaveLength(1)
  })

  it('reads the new revision’s task definition once at the pause', async () => {
    await validate(gatedScenario('OK', {}, blueGreenGroups(GREEN_TRAFFIC)), {
      ...GATE,
      'bake-minutes': '4',
      'expected-image-tag': 'v2',
    })
    const revisions = emu!.log.entries.filter((e) => e.operation === 'DescribeServiceRevisions')
    expect(revisions).toHaveLength(1)
  })

  it('a check with no data at the pause: no CONTINUE, said plainly (on-missing-data: warn)', async () => {
    const { details, calls } = await validate(gatedScenario('OK', {}, blueGreenGroups()), GATE)
    expect(row(details, 'target group shop-green 5XX rate')?.status).toBe('no-data')
    expect(calls).toHaveLength(0)
    expect(details.hook?.message).toMatch(
      /no call: target group shop-green 5XX rate had no data at the pause/,
    )
  })

  it('without a bake, the metric window still starts at the pause: no data, no CONTINUE', async () => {
    const { details, calls } = await validate(gatedScenario('OK', {}, blueGreenGroups(GREEN_TRAFFIC)), {
      ...GATE,
      'bake-minutes': '0',
    })
    expect(row(details, 'target group shop-green 5XX rate')?.status).toBe('no-data')
    expect(calls).toHaveLength(0)
  })

  it('a failing deployment that is not this release’s is not rolled back', async () => {
    const { details, calls } = await validate(gatedScenario('ALARM'), { ...GATE, 'expected-image-tag': 'v3' })
    expect(row(details, 'shop-green-5xx')?.status).toBe('fail')
    expect(row(details, 'version')?.status).toBe('unverified')
    expect(calls).toHaveLength(0)
    expect(details.hook?.message).toMatch(/no call: the paused deployment was not verified as this release's/)
  })

  it('answers before the hook expires even when the first round’s reads retried for minutes', async () => {
    const { details } = await validate(
      gatedScenario('OK', {}, blueGreenGroups(GREEN_TRAFFIC)),
      { ...GATE, 'bake-minutes': '45', 'timeout-minutes': '90' },
      (e) => e.setFaults({ rules: [{ operation: 'DescribeTargetGroups', throttleRate: 1, firstCalls: 25 }] }),
    )
    expect(details.hook).toMatchObject({ action: 'CONTINUE', done: true })
    expect(row(details, 'deployment')).toMatchObject({ status: 'pass', value: 'SUCCESSFUL' })
  })

  it('a ROLLING service has no hook to answer: said, nothing called', async () => {
    const scenario = gatedScenario('OK')
    const shop = scenario.ecs.clusters.prod.services.shop as Record<string, unknown>
    delete shop.strategy
    delete shop.lifecycleHooks
    const { details, calls } = await validate(scenario, GATE)
    expect(calls).toHaveLength(0)
    expect(row(details, 'pause hook')?.message).toMatch(/needs a BLUE_GREEN, LINEAR or CANARY service/)
  })
})

describe('pause-hook: a deployment that never paused while validate watched', () => {
  it('is unverified, not a pass: nothing was checked at the pause', async () => {
    const { result, details, calls } = await validate(endedBeforeValidate(), GATE)
    expect(calls).toHaveLength(0)
    expect(row(details, 'deployment')?.status).toBe('pass')
    expect(row(details, 'pause hook')).toMatchObject({ status: 'unverified' })
    expect(row(details, 'pause hook')?.message).toMatch(
      /the gate saw no pause: .* nothing of the new revision was checked at the pause and no call was made/,
    )
    expect(result.verdict).toBe('failure')
    expect(result.unverified).toBe(true)
  })

  it('with expected-image-tag, the version is still checked on that deployment', async () => {
    const wrong = await validate(endedBeforeValidate(), { ...GATE, 'expected-image-tag': 'v3' })
    expect(row(wrong.details, 'version')?.status).toBe('fail')
    expect(wrong.result.verdict).toBe('failure')
    await emu?.stop()
    const right = await validate(endedBeforeValidate(), { ...GATE, 'expected-image-tag': 'v2' })
    expect(row(right.details, 'version')?.status).toBe('pass')
  })
})

describe('pause-hook: report-only', () => {
  it('makes the same checks and no call; the deployment still waits at the hook', async () => {
    const { result, details, calls } = await validate(gatedScenario('OK'), {
      ...GATE,
      'pause-hook': 'report-only',
      'timeout-minutes': '20',
    })
    expect(calls).toHaveLength(0)
    expect(details.hook).toMatchObject({ mode: 'report-only', done: false })
    expect(details.hook?.message).toMatch(/would have answered CONTINUE/)
    expect(row(details, 'deployment')?.status).toBe('unverified')
    expect(result.verdict).toBe('failure')
    expect(result.unverified).toBe(true)
  })
})
