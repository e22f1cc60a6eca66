// The bake through the BUILT action, on the real clock (rounds are a minute apart: this test takes ~2 min).
import { afterEach, expect, it } from '@jest/globals'
import { startEmulator, type Emulator, type Scenario } from '../../emulator/index.js'
import type { ValidateDetails } from '../../src/result.js'
import { runAction } from '../helpers/run-action.js'

let emu: Emulator | undefined
afterEach(async () => {
  await emu?.stop()
})

const scenario: Scenario = {
  ecs: { clusters: { c: { services: { shop: { desiredCount: 2 } } } } },
  cloudwatch: {
    alarms: [
      {
        name: 'shop-latency',
        namespace: 'AWS/ApiGateway',
        metric: 'Latency',
        dimensions: { ApiName: 'shop' },
        threshold: 1500,
        state: 'OK',
        changes: [{ at: 90, state: 'ALARM', reason: 'Threshold Crossed: p99 2210 > 1500' }],
      },
    ],
  },
}

it('a bake that breaches in its third round fails there, every round reported', async () => {
  emu = await startEmulator({ scenario, start: Date.now(), clock: { speed: 1 } })
  const r = await runAction({
    inputs: { mode: 'validate', cluster: 'c', service: 'shop', 'api-name': 'none', 'alarm-names': 'shop-latency', 'bake-minutes': '3' },
    env: emu.env,
    timeoutMs: 190_000,
  })
  const details = JSON.parse(r.outputs.report).details as ValidateDetails
  expect(details.rounds?.map((round) => round.checks[0].status)).toEqual(['pass', 'pass', 'fail'])
  expect(r.exitCode).not.toBe(0)
  expect(r.stdout).toMatch(/::error::Validation of service "shop" in cluster "c" failed: shop-latency — metric alarm is in ALARM/)
}, 200_000)
