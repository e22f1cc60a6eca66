// Several services of one release in one step (service: one per line), through the emulator: each judged and
// reported in its own summary section, the step's verdict the worst of them.
import { afterEach, describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { targetGroupArn } from '../../emulator/services/elbv2/index.js'
import { configFrom, validateConfig } from '../helpers/config.js'
import { CONNECTION, ROLE } from '../fixtures/inputs.js'
import { emulatorDeps } from '../helpers/deps.js'
import type { ValidateDetails } from '../../src/result.js'
import { renderSummary } from '../../src/report/summary.js'
import { runServices } from '../../src/validate/several.js'
import { NO_TRAFFIC_HEALTH, noTrafficHealth } from '../../src/validate/check-ecs.js'

let emu: Emulator | undefined
afterEach(async () => {
  await emu?.stop()
  emu = undefined
})

const service = (tg: string) => ({
  desiredCount: 2,
  loadBalancers: [
    {
      targetGroupArn: targetGroupArn('us-east-1', '123456789012', tg),
      containerName: 'app',
      containerPort: 8080,
    },
  ],
  taskDefinitions: [{ images: { app: 'shop:v1' } }, { images: { app: 'shop:v2' } }],
  deployments: [
    { at: -7200, taskDefinition: 1 },
    { at: -1200, taskDefinition: 2 },
  ],
})

async function validate(cart: Record<string, unknown>) {
  emu = await startEmulator({
    clock: 'manual',
    scenario: {
      ecs: { clusters: { prod: { services: { shop: service('shop-tg'), cart: service('cart-tg') } } } },
      elbv2: {
        loadBalancers: { front: {} },
        targetGroups: {
          'shop-tg': { loadBalancer: 'front', traffic: {} },
          'cart-tg': { loadBalancer: 'front', traffic: {}, ...cart },
        },
      },
    } as never,
  })
  const deps = await emulatorDeps(emu, {})
  const result = await runServices(validateConfig({ cluster: 'prod', service: 'shop\ncart' }), deps)
  return { result, details: result.details as ValidateDetails, counts: emu.counts() }
}

describe('validate: several services of one release', () => {
  it('two services, one failing: the step fails naming it; each has its own section; rows carry the service', async () => {
    const { result, details } = await validate({ unhealthy: 1 })
    expect(result.verdict).toBe('failure')
    expect(result.unverified).toBeUndefined()
    expect(result.reason).toMatch(
      /^Validation of service "cart" in cluster "prod" failed: target group cart-tg — /,
    )
    expect(details.services?.map((s) => s.service)).toEqual(['shop', 'cart'])
    const status = Object.fromEntries(details.checks.map((c) => [c.name, c.status]))
    expect(status).toMatchObject({
      'shop: rollout': 'pass',
      'shop: target group shop-tg': 'pass',
      'shop: target group shop-tg 5XX rate': 'pass',
      'cart: target group cart-tg': 'fail',
    })
    const summary = renderSummary(result, {})
    expect(summary).toMatch(/### Checks on `prod\/shop`[\s\S]*### Checks on `prod\/cart`/)
  })

  it('both healthy: the step passes, saying so for each; their first looks are one DescribeServices', async () => {
    const { result, counts } = await validate({})
    expect(counts['ecs.DescribeServices']).toBe(1)
    expect(result.verdict).toBe('success')
    expect(result.reason).toMatch(
      /^Validation of services "shop", "cart" in cluster "prod" passed: shop: .*; cart: /,
    )
  })
})

it('a service that does not exist fails its own section only, from the shared DescribeServices', async () => {
  emu = await startEmulator({
    clock: 'manual',
    scenario: {
      ecs: { clusters: { prod: { services: { shop: service('shop-tg') } } } },
      elbv2: {
        loadBalancers: { front: {} },
        targetGroups: { 'shop-tg': { loadBalancer: 'front', traffic: {} } },
      },
    } as never,
  })
  const deps = await emulatorDeps(emu, {})
  const result = await runServices(validateConfig({ cluster: 'prod', service: 'shop\ngone' }), deps)
  const details = result.details as ValidateDetails
  expect(result.verdict).toBe('failure')
  expect(result.reason).toMatch(/ECS service "gone" was not found in cluster "prod" \(MISSING\)/)
  expect(details.checks.find((c) => c.name === 'shop: rollout')?.status).toBe('pass')
  expect(emu.counts()['ecs.DescribeServices']).toBe(1)
})

describe('service: one per line', () => {
  it('one service keeps its config as before (no services list)', () => {
    const c = validateConfig({ cluster: 'prod', service: 'shop' })
    expect(c.service).toBe('shop')
    expect(c.services).toBeUndefined()
  })

  it('several: the first is `service`, all are `services`', () => {
    const c = validateConfig({ cluster: 'prod', service: 'shop\n  cart  \n\nbilling' })
    expect(c.services).toEqual(['shop', 'cart', 'billing'])
    expect(c.service).toBe('shop')
  })

  it.each([
    [Array.from({ length: 11 }, (_, i) => `s${i}`).join('\n'), /lists 11, more than 10/],
    ['shop\nshop', /"shop" is listed twice/],
    ['shop\nbad name!', /"bad name!": /],
  ])('refuses %j naming the input', (value, said) => {
    expect(() => configFrom({ mode: 'validate', cluster: 'prod', service: value })).toThrow(said)
  })

  it("create-pipeline's Deploy stage still takes one service", () => {
    expect(() =>
      configFrom({
        mode: 'create-pipeline',
        'project-name': 'shop',
        environment: 'staging',
        'role-arn': ROLE,
        'connection-arn': CONNECTION,
        service: 'shop\ncart',
      }),
    ).toThrow(/Input "service"/)
  })

  it('refuses a rollback with several services', () => {
    expect(() =>
      configFrom({ mode: 'validate', cluster: 'prod', service: 'shop\ncart', rollback: 'service' }),
    ).toThrow(/rollback.*accepted: none with several services/)
  })
})

describe('a service of several without target groups', () => {
  it.each([
    [{}, NO_TRAFFIC_HEALTH],
    [
      { stepWideChecksWith: 'shop' },
      'no traffic health of this service was measured: it has no load balancer target groups (api-name, metric-checks and alarm-names are judged with shop)',
    ],
  ])('%j: %s', (config, note) => {
    expect(noTrafficHealth(config)).toBe(note)
  })

  it('says the step-wide checks are judged with the first service, not that no api-name is set', async () => {
    const { loadBalancers: _none, ...worker } = service('unused')
    emu = await startEmulator({
      clock: 'manual',
      scenario: {
        ecs: { clusters: { prod: { services: { shop: service('shop-tg'), worker } } } },
        elbv2: {
          loadBalancers: { front: {} },
          targetGroups: { 'shop-tg': { loadBalancer: 'front', traffic: {} } },
        },
      } as never,
    })
    const deps = await emulatorDeps(emu, {})
    const result = await runServices(validateConfig({ cluster: 'prod', service: 'shop\nworker' }), deps)
    const warnings = result.warnings?.join('\n') ?? ''
    expect(warnings).toContain('are judged with shop')
    expect(warnings).not.toContain('no api-name is set')
  })
})
