// validate's default traffic health through the emulator: every task of the new revision registered and
// healthy in the service's target groups, nothing else taking traffic.
import { afterEach, describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { targetGroupArn } from '../../emulator/services/elbv2/index.js'
import type { ValidateDetails } from '../../src/result.js'
import { run } from '../../src/validate/run.js'
import { validateConfig } from '../helpers/config.js'
import { emulatorDeps } from '../helpers/deps.js'

let emu: Emulator | undefined
afterEach(async () => {
  await emu?.stop()
  emu = undefined
})

const TG = targetGroupArn('us-east-1', '123456789012', 'shop-tg')

async function validate(
  tg: Record<string, unknown>,
  loadBalancers = [{ targetGroupArn: TG, containerName: 'app', containerPort: 8080 }],
) {
  emu = await startEmulator({
    clock: 'manual',
    scenario: {
      ecs: {
        clusters: {
          prod: {
            services: {
              shop: {
                desiredCount: 3,
                loadBalancers,
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
      elbv2: { loadBalancers: { shop: {} }, targetGroups: { 'shop-tg': { loadBalancer: 'shop', ...tg } } },
    } as never,
  })
  const deps = await emulatorDeps(emu, {})
  const result = await run(validateConfig({ cluster: 'prod', service: 'shop' }), deps)
  const details = result.details as ValidateDetails
  return {
    result,
    details,
    row: details.checks.find((c) => c.name === 'target group shop-tg'),
    rate: details.checks.find((c) => c.name === 'target group shop-tg 5XX rate'),
    counts: emu.counts(),
  }
}

describe('validate: the service behind a load balancer', () => {
  it('passes when every new task is registered and healthy (default inputs: no api-name)', async () => {
    const { result, row, rate } = await validate({ traffic: {} })
    expect(row).toMatchObject({ status: 'pass', value: 3 })
    expect(rate).toMatchObject({ status: 'pass', value: 0 })
    expect(result.verdict).toBe('success')
  })

  it('passes with traffic and a few 5XX: the rate over the window, minutes without a 5XX datapoint count as 0', async () => {
    const { result, rate, counts } = await validate({
      traffic: { requestsPerMinute: 600, errors: [{ from: -130, to: -70, perMinute: 3 }] },
    })
    expect(rate).toMatchObject({ status: 'pass', type: 'metric', threshold: 0.01, value: 0.001 })
    expect(rate?.message).toMatch(/^0\.1% of requests failed with 5XX \(3 of 3000\) over 5 min/)
    expect(result.verdict).toBe('success')
    expect(counts['monitoring.GetMetricData']).toBe(1)
  })

  it('fails naming a 5XX burst of the target group', async () => {
    const { result, rate } = await validate({
      traffic: { requestsPerMinute: 600, errors: [{ from: -400, to: 0, perMinute: 60 }] },
    })
    expect(rate).toMatchObject({ status: 'fail', value: 0.1 })
    expect(rate?.message).toMatch(/10% of requests failed with 5XX \(300 of 3000\).*at or above the limit 1%/)
    expect(result.verdict).toBe('failure')
    expect(result.reason).toMatch(/target group shop-tg 5XX rate/)
  })

  it('a window without requests is no data, not a pass', async () => {
    const { result, rate } = await validate({ traffic: { from: -3600, to: -1800 } })
    expect(rate?.status).toBe('no-data')
    expect(rate?.message).toMatch(/no requests to target group shop-tg .*not measured/)
    expect(result.verdict).toBe('success')
    expect(result.warnings.join('\n')).toMatch(/target group shop-tg 5XX rate: no requests/)
  })

  it('names a window that datapoints cover only in part, in the row and the summary', async () => {
    // Traffic stopped 3 minutes before the start (window ends a minute before now): 3 of its 5 minutes have requests.
    const { result, rate, details } = await validate({ traffic: { from: -3600, to: -180 } })
    expect(rate?.status).toBe('pass')
    expect(rate?.message).toMatch(/; data for 3 of 5 minutes: 2 without requests$/)
    expect(details.unverified).toContain(
      'target group shop-tg 5XX rate: data for 3 of 5 minutes: 2 without requests',
    )
    expect(result.verdict).toBe('success')
  })

  it('fails naming an unhealthy target', async () => {
    const { result, row } = await validate({ unhealthy: 1 })
    expect(row?.status).toBe('fail')
    expect(row?.message).toMatch(/is unhealthy \(Target\.ResponseCodeMismatch/)
    expect(result.verdict).toBe('failure')
  })

  it('fails when targets of the old revision still take traffic', async () => {
    const { row, result } = await validate({ staleTargets: 2, deregistrationDelay: 0 })
    expect(row?.status).toBe('fail')
    expect(result.verdict).toBe('failure')
    expect(row?.message).toMatch(/2 targets not of the new revision still take traffic/)
  })

  it('a target group that cannot be read is unverified, not failed', async () => {
    const gone = targetGroupArn('us-east-1', '123456789012', 'gone')
    const { result, details } = await validate({}, [
      { targetGroupArn: gone, containerName: 'app', containerPort: 8080 },
    ])
    expect(details.checks.find((c) => c.type === 'traffic')?.status).toBe('unverified')
    expect(result.verdict).toBe('failure')
  })

  it('says plainly when no traffic health was measured', async () => {
    const { details } = await validate({}, [])
    expect(details.unverified.join('\n')).toMatch(/no traffic health was measured/)
  })
})
