// validate through the BUILT action (dist/index.js run as the runner runs it) against the emulator on the real
// clock: outputs, exit code and the one failure line, for every case of issue 6 that does not need minutes of
// real waiting (the bake is in validate-bake.test.ts).
import { afterEach, describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator, type Scenario } from '../../emulator/index.js'
import type { Check } from '../../src/result.js'
import { runAction } from '../helpers/run-action.js'

let emu: Emulator | undefined
afterEach(async () => {
  await emu?.stop()
  emu = undefined
})

async function validate(scenario: string | Scenario, inputs: Record<string, string>, timeoutMs = 25_000) {
  await emu?.stop()
  // Emulator time = real time: the built action reads Date.now() for its metric windows.
  emu = await startEmulator({ scenario: scenario as never, start: Date.now(), clock: { speed: 1 } })
  const r = await runAction({ inputs: { mode: 'validate', 'api-name': 'none', ...inputs }, env: emu.env, timeoutMs })
  const checks = JSON.parse(r.outputs.checks ?? '[]') as Check[]
  const status = Object.fromEntries(checks.map((c) => [c.name, c.status]))
  const errorLine = r.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? ''
  return { ...r, checks, status, errorLine, counts: emu.counts() }
}
const edge = (service: string, extra: Record<string, string> = {}) => ({ cluster: 'edge', service, ...extra })
const prod = { cluster: 'shop-prod', service: 'shop' }

describe('dist validate: services', () => {
  it.each([
    ['single', '1/1'],
    ['big', '1000/1000'],
  ])('healthy %s passes with exit 0 and the checks output', async (service, tasks) => {
    const r = await validate('validate-edge-cases', edge(service))
    expect(r.exitCode).toBe(0)
    expect(r.outputs.result).toBe('success')
    expect(r.checks.find((c) => c.name === 'tasks')).toMatchObject({ status: 'pass', value: tasks })
    expect(r.status.version).toBe('skip')
    expect(r.stdout).toMatch(/::warning::Not verified — version: no expected-image-tag was given/)
  })

  it('rollout FAILED with zero running tasks fails with one clear line', async () => {
    const r = await validate('validate-edge-cases', edge('empty'))
    expect(r.exitCode).not.toBe(0)
    expect(r.outputs.result).toBe('failure')
    expect(r.status).toMatchObject({ rollout: 'fail', tasks: 'fail' })
    expect(r.errorLine).toMatch(/^::error::Validation of service "empty" in cluster "edge" failed: rollout — /)
  })

  it('a completed circuit-breaker rollback on the old task definition fails', async () => {
    const r = await validate('validate-rolled-back', prod)
    expect(r.outputs.result).toBe('failure')
    expect(r.errorLine).toMatch(/The latest deployment was rolled back \(ROLLBACK_SUCCESSFUL/)
  })

  it('CODE_DEPLOY: judged by the PRIMARY task set (AWS lists no deployments), and says so', async () => {
    const r = await validate('validate-edge-cases', edge('bluegreen'))
    expect(r.exitCode).toBe(0)
    expect(r.checks[0].message).toMatch(/CODE_DEPLOY controller: no deployments, judged by the PRIMARY task set/)
  })

  it('a rollout in progress is waited for and then passes', async () => {
    const rolling: Scenario = {
      ecs: {
        clusters: {
          c: {
            services: {
              shop: {
                desiredCount: 2,
                taskDefinitions: [{ images: { app: 'r/shop:v1' } }, { images: { app: 'r/shop:v2' } }],
                deployments: [
                  { taskDefinition: 1, at: -86400 },
                  { taskDefinition: 2, at: -1, duration: 4 },
                ],
              },
            },
          },
        },
      },
    }
    const r = await validate(rolling, { cluster: 'c', service: 'shop', 'expected-image-tag': 'v2' })
    expect(r.stdout).toMatch(/Waiting for the rollout of shop \(up to \d+ s: timeout-minutes [\d.]+\): rollout IN_PROGRESS/)
    expect(r.outputs.result).toBe('success')
    expect(r.status).toMatchObject({ rollout: 'pass', tasks: 'pass', version: 'pass' })
  })

  it('a task still on the old task definition fails', async () => {
    const r = await validate('validate-edge-cases', edge('stuck', { 'timeout-minutes': '0.05' }))
    expect(r.outputs.result).toBe('failure')
    expect(r.checks.find((c) => c.name === 'tasks')?.message).toMatch(/1 on another task definition/)
  })

  it('an unhealthy task fails', async () => {
    const r = await validate('validate-edge-cases', edge('unhealthy'))
    expect(r.checks.find((c) => c.name === 'tasks')?.message).toMatch(/1 UNHEALTHY/)
    expect(r.exitCode).not.toBe(0)
  })

  it('a wrong image tag fails', async () => {
    const r = await validate('validate-healthy', { ...prod, 'expected-image-tag': 'v1.2.4' })
    expect(r.status.version).toBe('fail')
    expect(r.errorLine).toMatch(/version — shop:2: container app runs .*shop:v1.2.3, not tag "v1.2.4"/)
  })

  it.each([
    ['service', 'shpo', /ECS service "shpo" was not found in cluster "shop-prod"/],
    ['cluster', 'shop-prdo', /ECS cluster "shop-prdo" was not found in us-east-1/],
  ])('a missing %s is a clear error', async (what, name, message) => {
    const r = await validate('validate-healthy', what === 'service' ? { ...prod, service: name } : { ...prod, cluster: name })
    expect(r.exitCode).not.toBe(0)
    expect(r.errorLine).toMatch(message)
  })
})

describe('dist validate: CloudWatch', () => {
  const spike = { ...prod, 'api-name': 'shop-prod' }
  it.each([
    ['0.01', 'pass', 0],
    ['0.009', 'fail', 1],
  ])('error rate of the whole window (newest minute 4 %%) against %s: %s', async (max, status, exit) => {
    const r = await validate('validate-error-spike', { ...spike, 'max-error-rate': max })
    const rate = r.checks.find((c) => c.name === 'API 5XX error rate')!
    expect(rate.status).toBe(status)
    expect(rate.message).toMatch(/newest minute alone: 4%/)
    expect(r.exitCode === 0 ? 0 : 1).toBe(exit)
  })

  it.each([
    ['warn', 0],
    ['pass', 0],
    ['fail', 1],
  ])('no traffic under on-missing-data %s', async (policy, exit) => {
    const r = await validate('validate-error-spike', { ...prod, 'api-name': 'quiet-api', 'on-missing-data': policy, 'expected-image-tag': 'v2.0.0' })
    expect(r.checks.find((c) => c.name === 'API 5XX error rate')?.status).toBe('no-data')
    expect(r.exitCode === 0 ? 0 : 1).toBe(exit)
    if (policy === 'warn') expect(r.stdout).toMatch(/::warning::Not verified — API 5XX error rate: no requests to API "quiet-api"/)
    if (policy === 'fail') expect(r.errorLine).toMatch(/no data \(on-missing-data: fail\)/)
  })

  it('an alarm in ALARM fails; one in INSUFFICIENT_DATA is no data', async () => {
    const alarms: Scenario = {
      ecs: { clusters: { c: { services: { shop: { desiredCount: 1 } } } } },
      cloudwatch: {
        alarms: [
          { name: 'firing', namespace: 'N', metric: 'M', threshold: 1, state: 'ALARM' },
          { name: 'quiet', namespace: 'N', metric: 'Q', threshold: 1, state: 'INSUFFICIENT_DATA' },
        ],
      },
    }
    const r = await validate(alarms, { cluster: 'c', service: 'shop', 'alarm-names': 'firing\nquiet' })
    expect(r.status).toMatchObject({ firing: 'fail', quiet: 'no-data' })
    expect(r.errorLine).toMatch(/firing — metric alarm is in ALARM/)
  })
})

describe('dist validate: rollback', () => {
  const staging = { cluster: 'shop-staging', service: 'shop', 'pipeline-name': 'shop-staging', 'expected-image-tag': 'nope' }
  it('pipeline: RollbackStage to the last execution that succeeded in Deploy', async () => {
    const r = await validate('validate-pipeline-rollback', { ...staging, rollback: 'pipeline' })
    expect(r.exitCode).not.toBe(0)
    expect(JSON.parse(r.outputs.report).details.rollback).toMatchObject({ mode: 'pipeline', done: true })
    expect(r.counts['codepipeline.RollbackStage']).toBe(1)
  })
  it('service: UpdateService back to the previous task definition', async () => {
    const r = await validate('validate-pipeline-rollback', { ...staging, rollback: 'service' })
    expect(JSON.parse(r.outputs.report).details.rollback).toMatchObject({ mode: 'service', done: true })
    expect(r.counts['ecs.UpdateService']).toBe(1)
    expect(r.errorLine).toMatch(/Rollback \(service\): UpdateService started a deployment back to shop:2/)
  })
})
