// validate's opt-in API check through the emulator: api-name finds a REST API (GetRestApis) or an HTTP API
// (GetApis) by name, and its 5XX rate is read in the same GetMetricData call as everything else.
import { afterEach, describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator, type FaultConfig } from '../../emulator/index.js'
import type { ValidateDetails } from '../../src/result.js'
import { run } from '../../src/validate/run.js'
import { validateConfig } from '../helpers/config.js'
import { emulatorDeps } from '../helpers/deps.js'

let emu: Emulator | undefined
afterEach(async () => {
  await emu?.stop()
  emu = undefined
})

async function validate(
  apigateway: Record<string, unknown>,
  inputs: Record<string, string>,
  faults?: FaultConfig,
) {
  await emu?.stop() // a test that validates twice: the first emulator must not outlive it (jest waits on it)
  emu = await startEmulator({
    clock: 'manual',
    faults,
    scenario: {
      ecs: {
        clusters: {
          prod: {
            services: {
              shop: {
                desiredCount: 2,
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
      apigateway,
    } as never,
  })
  const deps = await emulatorDeps(emu, {})
  const result = await run(validateConfig({ cluster: 'prod', service: 'shop', ...inputs }), deps)
  const details = result.details as ValidateDetails
  return {
    result,
    details,
    api: details.checks.find((c) => c.name === 'API 5XX error rate'),
    counts: emu.counts(),
  }
}

const burst = { requestsPerMinute: 200, errors: [{ from: -400, to: 0, perMinute: 20 }] }

describe('validate: api-name finds the API by name', () => {
  it('a healthy REST API passes (5XXError by ApiName and Stage)', async () => {
    const { result, api, counts } = await validate(
      { restApis: { 'shop-prod': { stage: 'prod', traffic: { requestsPerMinute: 200 } } } },
      { 'api-name': 'shop-prod', 'api-stage': 'prod' },
    )
    expect(api).toMatchObject({ status: 'pass', value: 0 })
    expect(api?.message).toMatch(/^0% of requests failed with 5XX \(0 of 1000\)/)
    expect(result.verdict).toBe('success')
    expect(counts['monitoring.GetMetricData']).toBe(1)
  })

  it('a REST API with a 5XX burst fails, naming the API', async () => {
    const { result, api } = await validate(
      { restApis: { 'shop-prod': { traffic: burst } } },
      { 'api-name': 'shop-prod' },
    )
    expect(api).toMatchObject({ status: 'fail', value: 0.1 })
    expect(result.reason).toMatch(/API 5XX error rate — 10% of requests failed with 5XX \(100 of 1000\)/)
  })

  it('an HTTP API is found by name and measured by its id (5xx by ApiId)', async () => {
    const { result, api } = await validate(
      { httpApis: { 'shop-http': { id: 'a1b2c3d4e5', traffic: burst } } },
      { 'api-name': 'shop-http' },
    )
    expect(api).toMatchObject({ status: 'fail', value: 0.1 })
    expect(result.verdict).toBe('failure')
    const quiet = await validate(
      { httpApis: { 'shop-http': { id: 'a1b2c3d4e5', traffic: { requestsPerMinute: 60 } } } },
      { 'api-name': 'shop-http' },
    )
    expect(quiet.api).toMatchObject({ status: 'pass', value: 0 })
  })

  it('an HTTP API without requests in the window is no data, naming it', async () => {
    const { api } = await validate(
      { httpApis: { 'shop-http': { id: 'a1b2c3d4e5', traffic: { from: -3600, to: -1800 } } } },
      { 'api-name': 'shop-http' },
    )
    expect(api?.status).toBe('no-data')
    expect(api?.message).toMatch(/no requests to HTTP API "shop-http" \(a1b2c3d4e5\)/)
  })

  it('a name that names no API fails, naming the input; two APIs of one name fail, naming their ids', async () => {
    const missing = await validate({ restApis: { other: {} } }, { 'api-name': 'shop-prod' })
    expect(missing.api?.status).toBe('fail')
    expect(missing.api?.message).toMatch(/no REST or HTTP API named "shop-prod" .*check api-name/)
    const twins = await validate(
      { restApis: { shop: { id: 'r1r1r1r1r1' } }, httpApis: { shop: { id: 'h1h1h1h1h1' } } },
      { 'api-name': 'shop' },
    )
    expect(twins.api?.message).toMatch(/REST API r1r1r1r1r1, HTTP API h1h1h1h1h1\): set api-name to the id/)
    const byId = await validate(
      { restApis: { shop: { id: 'r1r1r1r1r1' } }, httpApis: { shop: { id: 'h1h1h1h1h1', traffic: burst } } },
      { 'api-name': 'h1h1h1h1h1' },
    )
    expect(byId.api?.status).toBe('fail')
    expect(byId.api?.message).toMatch(/10% of requests failed/)
  })

  it('the API lists that cannot be read make the check unverified, never failed', async () => {
    const { result, api } = await validate(
      { restApis: { 'shop-prod': {} } },
      { 'api-name': 'shop-prod', 'max-attempts': '1' },
      { rules: [{ service: 'apigateway', deny: true }] },
    )
    expect(api?.status).toBe('unverified')
    expect(api?.message).toMatch(/apigateway:GET/)
    expect(result.unverified).toBe(true)
  })
})
