// The bake through the BUILT action, on the real clock: a 30 s bake looks every 10 s (about 21 s in all).
import { afterEach, expect, it } from '@jest/globals'
import { startEmulator, type Emulator, type Scenario } from '../../emulator/index.js'
import type { ValidateDetails } from '../../src/result.js'
import { runAction } from '../helpers/run-action.js'

let emu: Emulator | undefined
afterEach(async () => {
  await emu?.stop()
})

/** CloudWatch scenario times count from the start's whole minute: the alarm fires `after` s from now. */
const scenario = (start: number, after: number): Scenario => ({
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
        changes: [{ at: Math.floor((start % 60_000) / 1000) + after, state: 'ALARM', reason: 'Threshold Crossed: p99 2210 > 1500' }],
      },
    ],
  },
})

it('a bake that breaches in its third round fails there, every round reported', async () => {
  const start = Date.now()
  emu = await startEmulator({ scenario: scenario(start, 15), start, clock: { speed: 1 } })
  const r = await runAction({
    inputs: { mode: 'validate', cluster: 'c', service: 'shop', 'api-name': 'none', 'alarm-names': 'shop-latency', 'bake-minutes': '0.5' },
    env: emu.env,
    timeoutMs: 60_000,
  })
  const details = JSON.parse(r.outputs.report).details as ValidateDetails
  expect(details.rounds?.map((round) => round.checks.find((c) => c.name === 'shop-latency')?.status)).toEqual([
    'pass',
    'pass',
    'fail',
  ])
  // Each bake round also looked at the service.
  expect(details.rounds?.slice(1).map((round) => round.checks[0].name)).toEqual([
    'service during bake',
    'service during bake',
  ])
  expect(r.exitCode).not.toBe(0)
  expect(r.stdout).toMatch(/::error::Validation of service "shop" in cluster "c" failed: shop-latency — metric alarm is in ALARM/)
}, 70_000)
