// validate's runner contract through the built dist/index.js, per outcome: passed (with what was not
// verified as a ::warning), failed, could not be verified, and cancelled by the runner's SIGTERM during the
// bake. Each leaves its exit code, its outputs, at most one ::error line and a summary headline. Every check,
// the rollout wait, the bake's rounds and the rollbacks are proven in-process on the manual clock
// (__tests__/validate/run.test.ts).
import { afterEach, describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator, type FaultConfig } from '../../emulator/index.js'
import type { Check } from '../../src/result.js'
import { runAction, type RunOptions } from '../helpers/run-action.js'

let emulator: Emulator | undefined
afterEach(async () => {
  await emulator?.stop()
  emulator = undefined
})

async function validate(
  service: string,
  inputs: Record<string, string> = {},
  opts: { faults?: FaultConfig; signal?: RunOptions['signal'] } = {},
) {
  // Emulator time is real time: the built action reads Date.now() for its metric windows.
  emulator = await startEmulator({
    scenario: 'validate-edge-cases',
    start: Date.now(),
    clock: { speed: 1 },
    faults: opts.faults,
  })
  const run = await runAction({
    inputs: { mode: 'validate', cluster: 'edge', service, 'api-name': 'none', ...inputs },
    env: emulator.env,
    signal: opts.signal,
  })
  const checks = JSON.parse(run.outputs.checks ?? '[]') as Check[]
  return { ...run, status: Object.fromEntries(checks.map((c) => [c.name, c.status])) }
}

describe('validate through dist/index.js', () => {
  it('passed: exit 0, the checks output, what was not verified as a ::warning, no ::error', async () => {
    const run = await validate('single')
    expect(run.exitCode).toBe(0)
    expect(run.errors).toEqual([])
    expect(run.outputs.result).toBe('success')
    expect(run.status).toEqual({ rollout: 'pass', tasks: 'pass', version: 'skip' })
    expect(run.warnings).toEqual([
      expect.stringMatching(/^::warning::Not verified — no traffic health was measured: the service has no load balancer/),
      expect.stringMatching(/^::warning::Not verified — version: no expected-image-tag was given/),
    ])
    expect(run.summary).toMatch(/^## ✅ Deployment validation passed/)
  })

  it('failed: exit 1, one ::error line naming the service and the failed check', async () => {
    const run = await validate('empty')
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('failure')
    expect(run.status).toMatchObject({ rollout: 'fail', tasks: 'fail' })
    expect(run.errors).toEqual([
      expect.stringMatching(/^::error::Validation of service "empty" in cluster "edge" failed: rollout — /),
    ])
    expect(run.summary).toMatch(/^## ❌ Deployment validation failed/)
  })

  it('could not be verified (the service cannot be read): exit 1, one ::error line, its own headline', async () => {
    const run = await validate(
      'single',
      {},
      { faults: { rules: [{ service: 'ecs', operation: 'DescribeServices', deny: true }] } },
    )
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('failure')
    expect(run.errors).toEqual([expect.stringMatching(/^::error::.*DescribeServices was denied/)])
    expect(run.summary).toMatch(/^## ⚠️ Deployment validation could not be verified/)
  })

  it('SIGTERM during the bake: the bake stops at once, exit 1, one ::error line, a cancelled summary', async () => {
    const run = await validate(
      'single',
      { 'bake-minutes': '5', 'timeout-minutes': '10' },
      { signal: { name: 'SIGTERM', whenStdout: /Baking for 5 min/ } },
    )
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('failure')
    expect(run.errors).toEqual([expect.stringMatching(/^::error::Cancelled: .*cancelled during the bake/)])
    expect(run.summary).toMatch(/^## ⏹️ Deployment validation cancelled/)
  })
})
