// validate on ECS's own blue/green, linear and canary deployments, through the real SDK against the emulator:
// the service deployment decides — never a pass while it is IN_PROGRESS, whatever stage — and a rollback
// names its cause.
import { afterEach, describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import type { ValidateDetails } from '../../src/result.js'
import { run } from '../../src/validate/run.js'
import { validateConfig } from '../helpers/config.js'
import { emulatorDeps } from '../helpers/deps.js'
import { nativeScenario } from '../helpers/native-scenarios.js'

let emu: Emulator | undefined
afterEach(async () => {
  await emu?.stop()
  emu = undefined
})

const MINUTE = 60_000

async function validate(scenario: object, inputs: Record<string, string> = {}, advance = 0) {
  emu = await startEmulator({ clock: 'manual', scenario: scenario as never })
  emu.clock.advance(advance)
  const deps = await emulatorDeps(emu, {})
  const result = await run(validateConfig({ cluster: 'prod', service: 'shop', ...inputs }), deps)
  const details = result.details as ValidateDetails
  return { result, details, row: details.checks.find((c) => c.name === 'deployment'), log: deps.log.lines }
}

const stages = {
  BLUE_GREEN: { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 5 },
  LINEAR: { strategy: 'LINEAR', linear: { stepPercent: 50, stepBakeTimeInMinutes: 2 }, bakeTimeInMinutes: 1 },
  CANARY: {
    strategy: 'CANARY',
    canary: { canaryPercent: 10, canaryBakeTimeInMinutes: 3 },
    bakeTimeInMinutes: 1,
  },
}

describe.each(Object.entries(stages))('%s', (strategy, service) => {
  it.each([
    ['SCALE_UP', 30_000],
    ['PRODUCTION_TRAFFIC_SHIFT or BAKE_TIME', 61_000 + (strategy === 'BLUE_GREEN' ? 0 : 30_000)],
    [
      'BAKE_TIME',
      strategy === 'BLUE_GREEN' ? 4 * MINUTE : strategy === 'LINEAR' ? 3.5 * MINUTE : 4.5 * MINUTE,
    ],
  ])('is never a pass while IN_PROGRESS (%s, wait-for-stable false)', async (_stage, at) => {
    const { result, row } = await validate(nativeScenario(service), { 'wait-for-stable': 'false' }, at)
    expect(row?.status).toBe('fail')
    expect(row?.message).toMatch(/still IN_PROGRESS at [A-Z_]+.*never a pass/)
    expect(row?.message).toContain(`${strategy} deployment IN_PROGRESS`)
    expect(result.verdict).toBe('failure')
  })

  it('passes once the deployment is SUCCESSFUL, the phase logged every round', async () => {
    const { result, row, log } = await validate(nativeScenario(service))
    expect(row).toMatchObject({ status: 'pass', value: 'SUCCESSFUL' })
    expect(result.verdict).toBe('success')
    expect(log.some((l) => /Round \d+: .* IN_PROGRESS at BAKE_TIME/.test(l))).toBe(true)
    // The deployment's own time is fitted into the wait, and said.
    expect(
      log.some((l) => /^Rollout wait: the \w+ deployment needs at least .* the wait has 60 min/.test(l)),
    ).toBe(true)
  })
})

describe('rollbacks name their cause', () => {
  it('an alarm', async () => {
    const { result, row } = await validate(
      nativeScenario(
        {
          strategy: 'BLUE_GREEN',
          bakeTimeInMinutes: 10,
          alarms: { alarmNames: ['shop-5xx'], rollback: true },
        },
        { alarm: { after: 180, names: ['shop-5xx'] } },
      ),
    )
    expect(row?.status).toBe('fail')
    expect(row?.message).toMatch(
      /rolled back \(ROLLBACK_SUCCESSFUL\) because CloudWatch alarm "shop-5xx" went into ALARM/,
    )
    expect(result.reason).toMatch(/shop-5xx/)
  })

  it('the circuit breaker, with its count against its threshold', async () => {
    const { row } = await validate(
      nativeScenario({ strategy: 'BLUE_GREEN' }, { outcome: 'failure', failAfter: 90 }),
    )
    expect(row?.message).toMatch(/circuit breaker tripped: 3 failed tasks against its threshold of 3/)
  })
})

describe('the deployment’s own bake in the wait', () => {
  it('says at once when the bake cannot end within timeout-minutes', async () => {
    const { row, log } = await validate(nativeScenario({ strategy: 'BLUE_GREEN', bakeTimeInMinutes: 30 }), {
      'timeout-minutes': '10',
    })
    expect(log.find((l) => l.startsWith('warning: Rollout wait'))).toMatch(
      /still needs at least 30 min by its own configuration \(bakeTimeInMinutes 30\) but the wait has 10 min left \(timeout-minutes 10\)/,
    )
    expect(row?.message).toMatch(/still IN_PROGRESS at BAKE_TIME after waiting 600 s/)
  })

  it('a PAUSE hook without the gate: the row says it waits and how to let validate answer it', async () => {
    const { row } = await validate(
      nativeScenario({
        strategy: 'BLUE_GREEN',
        lifecycleHooks: [
          { targetType: 'PAUSE', lifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'], timeoutInMinutes: 120 },
        ],
      }),
      { 'timeout-minutes': '5' },
    )
    expect(row?.message).toMatch(/waits at a PAUSE hook .* pause-hook: gate/)
  })
})
