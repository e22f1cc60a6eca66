// validate's default traffic health through the built dist/index.js: a healthy service behind an Application
// Load Balancer passes with the default inputs (no api-name), and a 5XX burst of its target group fails the step
// with one ::error line naming the target group's rate (`%` is escaped as `%25` in a workflow command). The rows
// themselves are proven in-process (__tests__/validate/load-balancer.test.ts).
import { afterEach, describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { behindLoadBalancer } from '../helpers/load-balancer-scenario.js'
import type { Check } from '../../src/result.js'
import { runAction } from '../helpers/run-action.js'

let emulator: Emulator | undefined
afterEach(async () => {
  await emulator?.stop()
  emulator = undefined
})

async function validate(traffic: Record<string, unknown>) {
  // Emulator time is real time: the built action reads Date.now() for its metric windows.
  emulator = await startEmulator({
    start: Date.now(),
    clock: { speed: 1 },
    scenario: behindLoadBalancer(traffic),
  })
  const run = await runAction({
    inputs: { mode: 'validate', cluster: 'prod', service: 'shop', 'expected-image-tag': 'v2' },
    env: emulator.env,
  })
  const checks = JSON.parse(run.outputs.checks ?? '[]') as Check[]
  return { ...run, status: Object.fromEntries(checks.map((c) => [c.name, c.status])) }
}

describe('validate behind a load balancer through dist/index.js', () => {
  it('a healthy service passes with the default inputs: target health and the ALB 5XX rate', async () => {
    const run = await validate({ requestsPerMinute: 600 })
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(run.outputs.result).toBe('success')
    expect(run.status).toEqual({
      rollout: 'pass',
      tasks: 'pass',
      version: 'pass',
      'target group shop-tg': 'pass',
      'target group shop-tg 5XX rate': 'pass',
    })
    expect(run.summary).toMatch(/^## ✅ Deployment validation passed/)
  })

  it('a 5XX burst of the target group fails: exit 1, one ::error line naming the rate', async () => {
    const run = await validate({ requestsPerMinute: 600, errors: [{ from: -600, to: 0, perMinute: 60 }] })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('failure')
    expect(run.status['target group shop-tg 5XX rate']).toBe('fail')
    expect(run.errors).toEqual([
      expect.stringMatching(
        /^::error::Validation of service "shop" in cluster "prod" failed: target group shop-tg 5XX rate — 10%25 of requests failed with 5XX \(300 of 3000\)/,
      ),
    ])
    expect(run.summary).toMatch(/^## ❌ Deployment validation failed/)
  })
})
