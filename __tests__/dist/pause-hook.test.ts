// The pause-hook gate's runner contract through the built dist/index.js, in real time on a blue/green
// deployment that pauses at once: the gate continues a healthy one (exit 0, the answer in the summary), and
// leaves one it could not verify alone (exit 1, one ::error line, no ContinueServiceDeployment call, the hook's
// own timeout action said). The gate's decisions are proven in-process (__tests__/validate/pause-hook-gate.test.ts).
import { afterEach, describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator, type FaultConfig } from '../../emulator/index.js'
import type { Check } from '../../src/result.js'
import { GATE_INPUTS, gatedScenario } from '../helpers/native-scenarios.js'
import { runAction } from '../helpers/run-action.js'

let emulator: Emulator | undefined
afterEach(async () => {
  await emulator?.stop()
  emulator = undefined
})

async function gate(faults?: FaultConfig) {
  // Emulator time is real time; the deployment scales up at once and has no bake of its own.
  const scenario = gatedScenario('OK', { duration: 0 })
  ;(scenario.ecs.clusters.prod.services.shop as Record<string, unknown>).bakeTimeInMinutes = 0
  emulator = await startEmulator({ scenario: scenario as never, start: Date.now(), clock: { speed: 1 }, faults })
  const run = await runAction({
    inputs: { mode: 'validate', ...GATE_INPUTS, 'bake-minutes': '0', 'timeout-minutes': '5' },
    env: emulator.env,
  })
  const checks = JSON.parse(run.outputs.checks ?? '[]') as Check[]
  const calls = emulator.log.entries.filter((e) => e.operation === 'ContinueServiceDeployment')
  return { ...run, calls, status: Object.fromEntries(checks.map((c) => [c.name, c.status])) }
}

describe('pause-hook: gate through dist/index.js', () => {
  it('continues a healthy deployment: exit 0, one CONTINUE, the answer in the summary', async () => {
    const run = await gate()
    expect(run.exitCode).toBe(0)
    expect(run.errors).toEqual([])
    expect(run.outputs.result).toBe('success')
    expect(run.calls.map((c) => (c.params as { action?: string }).action)).toEqual(['CONTINUE'])
    expect(run.status).toMatchObject({ deployment: 'pass', 'new revision': 'pass', 'shop-green-5xx': 'pass' })
    expect(run.summary).toMatch(/#### Pause hook \(gate\): CONTINUE sent/)
  })

  it('cannot verify the new revision: exit 1, one ::error line, no call, the hook left to its own timeout', async () => {
    const run = await gate({ rules: [{ service: 'monitoring', operation: 'DescribeAlarms', deny: true }] })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('failure')
    expect(run.calls).toEqual([])
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toMatch(/^::error::.*could not be verified/)
    expect(run.summary).toMatch(/^## ⚠️ Deployment validation could not be verified/)
    expect(run.summary).toMatch(/#### Pause hook \(gate\): no call/)
    expect(run.summary).toMatch(/takes its own timeout action \\?\(ROLLBACK/)
    expect(run.errors[0]).toMatch(/shop-green-5xx/)
  })
})
