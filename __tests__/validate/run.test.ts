// validate end to end in-process: the real SDK over HTTP against the emulator, on its manual clock.
import { afterEach, describe, expect, it } from '@jest/globals'
import { DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs'
import { readFileSync } from 'node:fs'
import { parse as parseYaml } from 'yaml'
import { startEmulator, type Emulator, type FaultConfig, type Scenario } from '../../emulator/index.js'
import type { Check, StepResult, ValidateDetails } from '../../src/result.js'
import { run } from '../../src/validate/run.js'
import { NO_TRAFFIC_HEALTH } from '../../src/validate/check-ecs.js'
import { shouldNotify } from '../../src/report/alert.js'
import { validateConfig } from '../helpers/config.js'
import { emulatorDeps } from '../helpers/deps.js'
import { firstOf, lastOf, nth } from '../helpers/must.js'

let emu: Emulator | undefined
afterEach(async () => {
  await emu?.stop()
  emu = undefined
})

interface Options {
  faults?: FaultConfig
  /** Emulator seconds to let pass before validation starts. */
  after?: number
  maxAttempts?: number
  signal?: AbortSignal
  onFirstSleep?: (emu: Emulator) => void
  /** Called as each log group opens, before its lines. */
  onGroup?: (name: string) => void
}

async function validate(scenario: string | Scenario, inputs: Record<string, string>, opts: Options = {}) {
  await emu?.stop()
  emu = await startEmulator({ scenario: scenario as never, clock: 'manual', faults: opts.faults })
  if (opts.after) emu.clock.advance(opts.after * 1000)
  const deps = await emulatorDeps(emu, { maxAttempts: opts.maxAttempts, signal: opts.signal })
  if (opts.onFirstSleep) {
    const sleep = deps.sleep
    let first = true
    deps.sleep = async (ms, signal) => {
      if (first) opts.onFirstSleep!(emu!)
      first = false
      return sleep(ms, signal)
    }
  }
  if (opts.onGroup) {
    const group = deps.log.group
    const onGroup = opts.onGroup
    deps.log.group = (name, fn) => {
      onGroup(name)
      return group(name, fn)
    }
  }
  const config = validateConfig({ 'api-name': 'none', ...inputs })
  const result = await run(config, deps)
  const details = result.details as ValidateDetails
  const status = Object.fromEntries(details.checks.map((c) => [c.name, c.status]))
  return { result, details, status, deps, log: deps.log.lines.join('\n'), counts: emu.counts() }
}
const row = (r: StepResult, name: string): Check => {
  const found = (r.details as ValidateDetails).checks.find((c) => c.name === name)
  if (!found) throw new Error(`no row ${name}`)
  return found
}
const edge = (service: string, extra: Record<string, string> = {}) => ({ cluster: 'edge', service, ...extra })
const prod = { cluster: 'shop-prod', service: 'shop' }

describe('validate: healthy services', () => {
  it('three tasks, the API, the version and alarms all pass', async () => {
    const { result, details, counts } = await validate('validate-healthy', {
      ...prod,
      'api-name': 'shop-prod',
      'expected-image-tag': 'v1.2.3',
      'alarm-names': 'shop-prod-5xx\nshop-prod-health',
    })
    expect(result.verdict).toBe('success')
    expect(details.checks.map((c) => [c.name, c.status])).toEqual([
      ['rollout', 'pass'],
      ['tasks', 'pass'],
      ['version', 'pass'],
      ['API 5XX error rate', 'pass'],
      ['shop-prod-5xx', 'pass'],
      ['shop-prod-health', 'pass'],
    ])
    expect(row(result, 'API 5XX error rate').value).toBe(0.002)
    expect(result.warnings).toEqual([])
    expect(details.unverified).toEqual([])
    expect(counts).toEqual({
      'ecs.DescribeServices': 1,
      'ecs.ListServiceDeployments': 1,
      // RUNNING and one page of STOPPED, in parallel; each page described.
      'ecs.ListTasks': 2,
      'ecs.DescribeTasks': 2,
      'ecs.DescribeTaskDefinition': 1,
      // api-name found by name: the REST and the HTTP APIs listed once, at once.
      'apigateway.GetRestApis': 1,
      'apigateway.GetApis': 1,
      'monitoring.GetMetricData': 1,
      'monitoring.DescribeAlarms': 1,
    })
  })

  it('one task', async () => {
    const { result, status } = await validate('validate-edge-cases', edge('single'))
    expect(result.verdict).toBe('success')
    expect(status).toMatchObject({ rollout: 'pass', tasks: 'pass', version: 'skip' })
    expect(row(result, 'tasks').value).toBe('1/1')
  })

  it('1,000 tasks: ten pages, ten DescribeTasks of 100', async () => {
    const { result, counts } = await validate(
      'validate-edge-cases',
      edge('big', { 'expected-image-tag': 'v1' }),
    )
    expect(result.verdict).toBe('failure') // the envoy sidecar runs v1.29.4.0-prod, not v1
    expect(row(result, 'tasks')).toMatchObject({ status: 'pass', value: '1000/1000' })
    expect(row(result, 'version').message).toMatch(
      /container envoy runs public.ecr.aws\/appmesh\/aws-appmesh-envoy:v1.29.4.0-prod/,
    )
    // Ten RUNNING pages and one STOPPED page (nothing stopped to describe).
    expect(counts['ecs.ListTasks']).toBe(11)
    expect(counts['ecs.DescribeTasks']).toBe(10)
    // Describing overlaps listing: page 1's DescribeTasks is asked before the last page is listed.
    const running = (e: { params: unknown }) =>
      (e.params as { desiredStatus?: string }).desiredStatus === 'RUNNING'
    const order = emu!.log.entries
      .filter((e) => e.operation === 'DescribeTasks' || (e.operation === 'ListTasks' && running(e)))
      .map((e) => e.operation)
    expect(order.indexOf('DescribeTasks')).toBeLessThan(order.lastIndexOf('ListTasks'))
    // The next page (the critical path) is asked for before the DescribeTasks of the page just listed.
    const nth = (op: string, n: number) => order.reduce((at, o, i) => (o === op && --n === -1 ? i : at), -1)
    for (let k = 0; k < 9; k++) expect(nth('ListTasks', k + 1)).toBeLessThan(nth('DescribeTasks', k))
    // ≤ 100 ARNs per DescribeTasks.
    for (const e of emu!.log.where({ operation: 'DescribeTasks' }))
      expect((e.params as { tasks: string[] }).tasks.length).toBeLessThanOrEqual(100)
  })

  it('without expected-image-tag the version row says plainly it was not verified', async () => {
    const { result, details } = await validate('validate-edge-cases', edge('single'))
    expect(row(result, 'version')).toMatchObject({ status: 'skip' })
    expect(details.unverified.join('\n')).toMatch(/no expected-image-tag was given/)
    expect(result.warnings.join('\n')).toMatch(/Not verified — version/)
  })
})

describe('validate: the rollout', () => {
  it('a circuit-breaker rollback that completed on the old task definition fails', async () => {
    const { result, status } = await validate('validate-rolled-back', { ...prod, 'api-name': 'shop-prod' })
    expect(result.verdict).toBe('failure')
    expect(status.rollout).toBe('fail')
    expect(row(result, 'rollout').message).toMatch(
      /rolled back \(ROLLBACK_SUCCESSFUL: ECS deployment circuit breaker: tasks failed to start\.\); the service now runs the previous task definition shop:1/,
    )
    // The crashed tasks say why.
    expect(row(result, 'tasks').message).toMatch(/EssentialContainerExited.*exit 1 Error: Cannot find module/)
    expect(row(result, 'rollout').message).toMatch(
      /Service events: "\(service shop\) rolling back to deployment|Service events: "\(service shop\) \(deployment [^)]*\) deployment failed/,
    )
    expect(status['API 5XX error rate']).toBe('skip')
    expect(result.reason).toMatch(
      /^Validation of service "shop" in cluster "shop-prod" failed: rollout — The latest deployment was rolled back/,
    )
  })

  it('rollout FAILED with nothing to roll back to: zero running tasks, stop code and reason quoted', async () => {
    const { result, status } = await validate('validate-edge-cases', edge('empty'))
    expect(result.verdict).toBe('failure')
    expect(status).toMatchObject({ rollout: 'fail', tasks: 'fail' })
    expect(row(result, 'rollout').value).toBe('FAILED')
    const rollout = row(result, 'rollout').message
    expect(rollout).toMatch(
      /^The latest deployment failed and its rollback failed too \(ROLLBACK_FAILED[^)]*\); nothing runs \(0 of 2 tasks\).*Service events: "\(service empty\)/,
    )
    // The rollback failed: no "previous task definition" is running (empty:1 is the failing one).
    expect(rollout).not.toMatch(/previous task definition|was rolled back/)
    expect(row(result, 'tasks').message).toMatch(
      /no task is RUNNING \(2 desired\).*TaskFailedToStart: CannotPullContainerError/,
    )
  })

  it('a failing deployment without circuit breaker never completes: fails at the timeout', async () => {
    const { result, details } = await validate(
      'validate-edge-cases',
      edge('no-breaker', { 'timeout-minutes': '3' }),
    )
    expect(result.verdict).toBe('failure')
    expect(row(result, 'rollout').message).toMatch(/still IN_PROGRESS after waiting 180 s/)
    expect(details.checks.find((c) => c.name === 'tasks')?.message).toMatch(
      /tasks of the PRIMARY deployment crashed and were replaced \(\w+ EssentialContainerExited/,
    )
  })

  it('a rollout in progress is waited for, with backoff on the emulator clock, and then passes', async () => {
    const { result, log, counts } = await validate('validate-rollout-wait', {
      ...prod,
      'api-name': 'shop-prod',
      'expected-image-tag': 'v1.3.0',
    })
    expect(result.verdict).toBe('success')
    expect(log).toMatch(
      /Waiting for the rollout of shop \(up to \d+ s: timeout-minutes \d+\): rollout IN_PROGRESS/,
    )
    expect(log).toMatch(/Settled after \d+ more look/)
    expect(counts['ecs.DescribeServices']).toBeLessThanOrEqual(20)
    // The metric window starts after the rollout ended: it waited for the first complete minute.
    expect(row(result, 'API 5XX error rate').message).toMatch(
      /partial window: 1 of 5 min since the rollout ended/,
    )
    expect(result.details).toMatchObject({
      unverified: ['API 5XX error rate: data for 1 of 5 minutes: 4 before the rollout ended'],
    })
  })

  it('with a bake, the wait is timeout − bake, and says so in the log and the verdict', async () => {
    const { result, log } = await validate('validate-rollout-wait', {
      ...prod,
      'expected-image-tag': 'v1.3.0',
      'timeout-minutes': '4',
      'bake-minutes': '3',
    })
    expect(result.verdict).toBe('failure')
    expect(log).toMatch(
      /Waiting for the rollout of shop \(up to 60 s: timeout-minutes 4 − bake-minutes 3, kept for the bake\)/,
    )
    expect(row(result, 'rollout').message).toMatch(
      /still IN_PROGRESS after waiting 60 s \(timeout-minutes 4 − bake-minutes 3, kept for the bake\)/,
    )
  })

  it('cancelled while waiting: reported as cancelled with the last state seen', async () => {
    const cancel = new AbortController()
    const { result } = await validate('validate-rollout-wait', prod, {
      signal: cancel.signal,
      onFirstSleep: () => cancel.abort(),
    })
    expect(result.cancelled).toBe(true)
    expect(result.verdict).toBe('failure')
    expect(result.reason).toMatch(/^cancelled while waiting for the rollout \(rollout IN_PROGRESS/)
    expect(result.warnings).toEqual([])
  })

  it('without wait-for-stable, a rollout in progress fails', async () => {
    const { result } = await validate('validate-rollout-wait', { ...prod, 'wait-for-stable': 'false' })
    expect(row(result, 'rollout').message).toMatch(/still IN_PROGRESS \(wait-for-stable is false/)
    expect(result.verdict).toBe('failure')
  })

  it('a crash-looping service (running = desired, replaced crashes of the PRIMARY deployment) fails', async () => {
    const { result, status, counts } = await validate('validate-edge-cases', edge('crashing'))
    expect(result.verdict).toBe('failure')
    expect(status).toMatchObject({ rollout: 'pass', tasks: 'fail' })
    const tasks = row(result, 'tasks')
    expect(tasks.message).toMatch(/^2 tasks of the PRIMARY deployment crashed and were replaced \(/)
    expect(tasks.message).toMatch(
      /EssentialContainerExited: Essential container in task exited \(app exit 137 OutOfMemoryError/,
    )
    expect(tasks.message).toMatch(/exit 2/)
    expect(tasks.message).not.toMatch(/none UNHEALTHY/)
    // The STOPPED page is asked for alongside the RUNNING one, not after it.
    expect(counts['ecs.ListTasks']).toBe(2)
    const lists = emu!.log.where({ operation: 'ListTasks' })
    expect(lists.map((e) => (e.params as { desiredStatus?: string }).desiredStatus).sort()).toEqual([
      'RUNNING',
      'STOPPED',
    ])
  })

  it('tasks stopped by the scheduler (scale-in, replacement) are no crash', async () => {
    const scenario = parseYaml(readFileSync('emulator/scenarios/validate-edge-cases.yaml', 'utf8'))
    const deployment = scenario.ecs.clusters.edge.services.crashing.deployments[0]
    deployment.stoppedTasks = deployment.stoppedTasks.map((t: object) => ({
      ...t,
      stopCode: 'ServiceSchedulerInitiated',
      stoppedReason: 'Scaling activity initiated by deployment',
      exitCode: 143,
    }))
    const { result, status } = await validate(scenario, edge('crashing'))
    expect(status).toMatchObject({ rollout: 'pass', tasks: 'pass' })
    expect(result.verdict).toBe('success')
  })

  it('a task still on the old task definition', async () => {
    const { result } = await validate('validate-edge-cases', edge('stuck', { 'timeout-minutes': '2' }))
    expect(result.verdict).toBe('failure')
    expect(row(result, 'tasks').message).toMatch(
      /1 on another task definition than the PRIMARY deployment's stuck:2 \(\w+ on stuck:1\)/,
    )
    // The value counts only RUNNING, healthy tasks on the PRIMARY task definition, as its message does.
    const tasks = row(result, 'tasks')
    // All 4 desired run, one of them on stuck:1: 3/4, not 4/4.
    expect(tasks.value).toBe('3/4')
  })

  it('an unhealthy task', async () => {
    const { result } = await validate('validate-edge-cases', edge('unhealthy'))
    expect(result.verdict).toBe('failure')
    expect(row(result, 'tasks').message).toMatch(/1 UNHEALTHY \(\w+ container app\)/)
  })

  it('classic: no rolloutState, judged by the steady-state test and said so', async () => {
    const { result, details } = await validate('validate-edge-cases', edge('classic'))
    expect(result.verdict).toBe('success')
    expect(row(result, 'rollout')).toMatchObject({ status: 'pass', value: 'STEADY' })
    expect(row(result, 'rollout').message).toContain('behind a Classic Load Balancer')
    expect(details.unverified.join('\n')).toMatch(/judged by the steady-state test/)
  })

  it.each([
    ['bluegreen', 'CODE_DEPLOY'],
    ['external', 'EXTERNAL'],
  ])(
    '%s (%s): no deployments, judged by the PRIMARY task set, whose task definition is version-checked',
    async (service, controller) => {
      const { result, details, counts } = await validate(
        'validate-edge-cases',
        edge(service, { 'expected-image-tag': 'latest' }),
      )
      expect(result.verdict).toBe('success')
      expect(row(result, 'rollout')).toMatchObject({ status: 'pass', value: 'STEADY_STATE' })
      expect(row(result, 'rollout').message).toContain(
        `${controller} controller: no deployments, judged by the PRIMARY task set`,
      )
      expect(row(result, 'tasks')).toMatchObject({ status: 'pass', value: '2/2' })
      expect(row(result, 'version')).toMatchObject({ status: 'pass', value: 'latest' })
      expect(details.unverified.join('\n')).toMatch(
        new RegExp(`rollback detection is not available for ${controller} services`),
      )
      expect(counts['ecs.ListServiceDeployments']).toBeUndefined()
      expect(counts['ecs.DescribeTaskDefinition']).toBe(1)
    },
  )

  it('CODE_DEPLOY: a STABILIZING PRIMARY task set is waited for, then passes', async () => {
    const scenario = {
      start: '2026-03-02T12:00:00Z',
      ecs: {
        clusters: {
          edge: {
            services: {
              bluegreen: {
                controller: 'CODE_DEPLOY',
                desiredCount: 2,
                taskDefinitions: [
                  { images: { app: '123456789012.dkr.ecr.us-east-1.amazonaws.com/bg:v1' } },
                  { images: { app: '123456789012.dkr.ecr.us-east-1.amazonaws.com/bg:v2' } },
                ],
                deployments: [
                  { taskDefinition: 1, at: -86400 },
                  { taskDefinition: 2, at: -30, duration: 120 },
                ],
              },
            },
          },
        },
      },
    } as unknown as Scenario
    const { result, log } = await validate(
      scenario,
      edge('bluegreen', { 'expected-image-tag': 'v2', 'timeout-minutes': '10' }),
    )
    expect(log).toMatch(
      /Waiting for the rollout of bluegreen \(up to \d+ s[^)]*\): PRIMARY task set STABILIZING/,
    )
    expect(result.verdict).toBe('success')
    expect(row(result, 'version')).toMatchObject({ status: 'pass' })
  })

  it('the deployment history is read by createdAt since the oldest listed deployment, and in full when that finds none', async () => {
    // Healthy: one call, limited to deployments created after the PRIMARY deployment (minus a minute).
    await validate('validate-healthy', prod)
    const healthy = emu!.log.where({ operation: 'ListServiceDeployments' })
    expect(healthy).toHaveLength(1)
    // The emulator decodes timestamps with the ECS model, so the request log holds a Date.
    const params = firstOf(healthy).params as { createdAt?: { after?: Date }; maxResults?: number }
    expect(params.createdAt?.after).toEqual(expect.any(Date))
    expect(params.maxResults).toBe(100)
    // Rolled back: only the rollback deployment is listed, created 3 min after the failed one; the filtered
    // list is empty, so the whole history is read, and the rollback is found.
    const { result } = await validate('validate-rolled-back', prod)
    const calls = emu!.log.where({ operation: 'ListServiceDeployments' })
    expect(calls.map((c) => (c.params as { createdAt?: unknown }).createdAt === undefined)).toEqual([
      false,
      true,
    ])
    expect(row(result, 'rollout').message).toMatch(/rolled back \(ROLLBACK_SUCCESSFUL/)
  })

  it('a missing service is a clear error', async () => {
    const { result, status } = await validate('validate-healthy', { cluster: 'shop-prod', service: 'shpo' })
    expect(result.verdict).toBe('failure')
    expect(result.reason).toBe(
      'Validation failed: ECS service "shpo" was not found in cluster "shop-prod" (MISSING): check the service input (default "<project-name>")',
    )
    expect(status).toMatchObject({ rollout: 'fail', tasks: 'skip', version: 'skip' })
  })

  it('a missing cluster is a clear error', async () => {
    const { result } = await validate('validate-healthy', { cluster: 'shop-prdo', service: 'shop' })
    expect(result.reason).toMatch(
      /ECS cluster "shop-prdo" was not found in us-east-1: check the cluster input/,
    )
  })

  it('DescribeServices throttled while waiting (after the SDK gave up): backs off and looks again', async () => {
    const { result, log } = await validate(
      'validate-rollout-wait',
      { ...prod },
      {
        maxAttempts: 1,
        onFirstSleep: (e) =>
          e.setFaults({
            rules: [{ service: 'ecs', operation: 'DescribeServices', throttleRate: 1, firstCalls: 2 }],
          }),
      },
    )
    expect(log).toMatch(/DescribeServices failed — ThrottlingException.*backing off/)
    expect(result.verdict).toBe('success')
  })

  it('a dropped connection that outlives the SDK retries while waiting is waited out, as in the monitor', async () => {
    const { result, log } = await validate(
      'validate-rollout-wait',
      { ...prod },
      {
        maxAttempts: 1,
        onFirstSleep: (e) =>
          e.setFaults({
            rules: [{ service: 'ecs', operation: 'DescribeServices', dropRate: 1, firstCalls: 2 }],
          }),
      },
    )
    expect(log).toMatch(/DescribeServices failed — .*backing off/)
    expect(result.verdict).toBe('success')
  })

  it('cancelled during a DescribeServices in flight: cancelled, no AbortError row', async () => {
    const cancel = new AbortController()
    const { result, details } = await validate('validate-rollout-wait', prod, {
      signal: cancel.signal,
      onFirstSleep: (e) => {
        e.setFaults({ rules: [{ service: 'ecs', operation: 'DescribeServices', latencyMs: 200 }] })
        setTimeout(() => cancel.abort(), 50)
      },
    })
    expect(result.cancelled).toBe(true)
    expect(result.reason).toMatch(/^cancelled /)
    expect(JSON.stringify(details.checks)).not.toMatch(/AbortError/)
  })
})

describe('validate: a cancel ends the step where it happens, with what was found so far', () => {
  const cancelAt = (group: string) => {
    const cancel = new AbortController()
    return {
      signal: cancel.signal,
      onGroup: (name: string) => (name === group ? cancel.abort() : undefined),
    }
  }

  it('during the ECS checks: their rows, nothing more looked at, nothing rolled back', async () => {
    const { result, details, log } = await validate(
      'validate-healthy',
      { ...prod, 'api-name': 'shop-prod', rollback: 'service' },
      cancelAt('ECS checks'),
    )
    expect(result).toMatchObject({ cancelled: true, verdict: 'failure' })
    expect(result.reason).toBe('cancelled while checking the service')
    expect(details.checks.map((c) => c.name)).toEqual(['rollout', 'tasks', 'version'])
    expect(details.rollback).toBeUndefined()
    expect(result.warnings).toEqual([])
    expect(log).not.toMatch(/CloudWatch metrics and alarms|Rollback/)
  })

  it('during the bake: the rounds so far, reported as cancelled during the bake', async () => {
    const { result, details } = await validate(
      'validate-healthy',
      { ...prod, 'api-name': 'shop-prod', 'bake-minutes': '3', rollback: 'service' },
      cancelAt('Bake'),
    )
    expect(result).toMatchObject({ cancelled: true, verdict: 'failure' })
    expect(result.reason).toBe('cancelled during the bake')
    expect(details.rounds).toHaveLength(1)
    expect(details.checks.map((c) => c.name)).toEqual(['rollout', 'tasks', 'version', 'API 5XX error rate'])
    expect(details.rollback).toBeUndefined()
  })
})

describe('validate: the API error rate', () => {
  const spike = { ...prod, 'api-name': 'shop-prod' }
  it('the newest minute is at 4 %, the window as a whole at 0.96 %: below 1 %, passes', async () => {
    const { result } = await validate('validate-error-spike', spike)
    expect(row(result, 'API 5XX error rate')).toMatchObject({
      status: 'pass',
      value: 0.0096,
      threshold: 0.01,
    })
    expect(row(result, 'API 5XX error rate').message).toMatch(/\(48 of 5000\).*newest minute alone: 4%/)
  })

  it('the newest minute is clean, the window as a whole is above the limit: fails', async () => {
    const { result } = await validate(
      'validate-error-spike',
      { ...spike, 'max-error-rate': '0.009' },
      { after: 120 },
    )
    expect(row(result, 'API 5XX error rate')).toMatchObject({ status: 'fail', value: 0.0096 })
    expect(row(result, 'API 5XX error rate').message).toMatch(
      /at or above the limit 0.9%; newest minute alone: 0.2%/,
    )
    expect(result.verdict).toBe('failure')
  })

  it.each([
    ['warn', 'success', 1],
    ['pass', 'success', 0],
    ['fail', 'failure', 1],
  ])('an API without traffic is no data; on-missing-data %s → %s', async (policy, verdict, warnings) => {
    const { result, details } = await validate('validate-error-spike', {
      ...prod,
      'api-name': 'quiet-api',
      'on-missing-data': policy,
      'expected-image-tag': 'v2.0.0',
    })
    expect(row(result, 'API 5XX error rate')).toMatchObject({ status: 'no-data' })
    expect(row(result, 'API 5XX error rate').message).toMatch(/no requests to REST API "quiet-api"/)
    expect(result.verdict).toBe(verdict)
    expect(result.warnings).toHaveLength(warnings)
    expect(details.unverified).toEqual([expect.stringMatching(/^API 5XX error rate: no requests/)])
    if (policy === 'fail') expect(result.reason).toMatch(/no data \(on-missing-data: fail\)/)
  })

  it('an API name that names no API is a configuration mistake, said as such, not "no traffic"', async () => {
    const { result, counts } = await validate('validate-error-spike', { ...prod, 'api-name': 'shop-prdo' })
    expect(row(result, 'API 5XX error rate')).toMatchObject({ status: 'fail' })
    expect(row(result, 'API 5XX error rate').message).toMatch(
      /^no REST or HTTP API named "shop-prdo" in us-east-1 \(2 REST and 0 HTTP APIs listed\): check api-name/,
    )
    expect(counts['apigateway.GetRestApis']).toBe(1)
    expect(counts['apigateway.GetApis']).toBe(1)
    expect(counts['monitoring.ListMetrics']).toBeUndefined()
  })
})

describe('validate: metric checks and alarms', () => {
  it('CloudWatch failing until the deadline: the checks are not verified, which is neither a pass nor a fail', async () => {
    const { result, details } = await validate(
      'validate-healthy',
      { ...prod, 'api-name': 'shop-prod', 'alarm-names': 'shop-prod-5xx', 'timeout-minutes': '2' },
      { maxAttempts: 1, faults: { rules: [{ service: 'monitoring', errorRate: 1, errorStatus: 503 }] } },
    )
    for (const name of ['API 5XX error rate', 'shop-prod-5xx']) {
      expect(row(result, name)).toMatchObject({ status: 'unverified' })
      expect(row(result, name).message).toMatch(
        /^could not be read: (GetMetricData|DescribeAlarms) failed — .*\(still failing after retrying until the deadline\)/,
      )
    }
    expect(result.verdict).toBe('failure')
    expect(result.reason).toMatch(/could not be verified \(no check measured a failure\): API 5XX error rate/)
    expect(result.unverified).toBe(true)
    expect(details.unverified.join('\n')).toMatch(/shop-prod-5xx: could not be read/)
    // Retried with back-off until the deadline, not once.
    expect(emu!.counts()['monitoring.GetMetricData']).toBeGreaterThan(3)
  })

  it('CloudWatch throttled for the first calls beyond the SDK retries: read again, measured, passes', async () => {
    const { result, status } = await validate(
      'validate-healthy',
      { ...prod, 'api-name': 'shop-prod', 'alarm-names': 'shop-prod-5xx' },
      { maxAttempts: 1, faults: { rules: [{ service: 'monitoring', throttleRate: 1, firstCalls: 3 }] } },
    )
    expect(status).toMatchObject({ 'API 5XX error rate': 'pass', 'shop-prod-5xx': 'pass' })
    expect(result.verdict).toBe('success')
  })

  const checks = `
- name: p99 latency
  namespace: AWS/ApiGateway
  metric: Latency
  dimensions: { ApiName: shop-prod }
  stat: p99
  max: 1000
- name: error ratio
  expression: errors / requests
  metrics:
    errors: { namespace: AWS/ApiGateway, metric: 5XXError, dimensions: { ApiName: shop-prod }, stat: Sum }
    requests: { namespace: AWS/ApiGateway, metric: Count, dimensions: { ApiName: shop-prod }, stat: Sum }
  max: 0.01
- name: queue depth
  namespace: AWS/SQS
  metric: ApproximateNumberOfMessagesVisible
  dimensions: { QueueName: nope }
  stat: Maximum
  max: 100
`
  it('all metric queries in one GetMetricData call; a metric without datapoints is no data', async () => {
    const { result, counts } = await validate('validate-healthy', {
      ...prod,
      'api-name': 'shop-prod',
      'metric-checks': checks,
    })
    expect(counts['monitoring.GetMetricData']).toBe(1)
    expect(row(result, 'p99 latency')).toMatchObject({ status: 'pass', value: 900 })
    expect(row(result, 'error ratio')).toMatchObject({ status: 'pass', value: 0.002 })
    expect(row(result, 'queue depth')).toMatchObject({ status: 'no-data' })
    expect(result.verdict).toBe('success')
    expect(result.warnings.join('\n')).toMatch(/queue depth: no datapoints/)
  })

  it('a metric above its max fails', async () => {
    const { result } = await validate('validate-healthy', {
      ...prod,
      'metric-checks': checks.replace('max: 1000', 'max: 500'),
    })
    expect(row(result, 'p99 latency')).toMatchObject({ status: 'fail', value: 900 })
    expect(result.verdict).toBe('failure')
  })

  it('an alarm in ALARM fails; one with INSUFFICIENT_DATA is no data; a typo fails', async () => {
    const { result, status } = await validate(
      'validate-error-spike',
      { ...prod, 'alarm-names': 'shop-prod-5xx\nshop-prod-health\nshop-prod-5xxx' },
      { after: 60 },
    )
    expect(status).toMatchObject({
      'shop-prod-5xx': 'fail',
      'shop-prod-health': 'fail',
      'shop-prod-5xxx': 'fail',
    })
    expect(row(result, 'shop-prod-health').message).toMatch(/composite alarm is in ALARM/)
    expect(row(result, 'shop-prod-5xxx').message).toMatch(
      /no metric or composite alarm named "shop-prod-5xxx"/,
    )
    const quiet = await validate(
      'validate-rollout-wait',
      { ...prod, 'alarm-names': 'shop-prod-queue-depth' },
      { after: 300 },
    )
    expect(quiet.status['shop-prod-queue-depth']).toBe('no-data')
    expect(quiet.result.verdict).toBe('success')
  })
})

describe('validate: bake', () => {
  it('repeats the checks every minute and fails at the first breach (the third round)', async () => {
    const { result, details } = await validate(
      'validate-rollout-wait',
      { ...prod, 'api-name': 'shop-prod', 'alarm-names': 'shop-prod-latency', 'bake-minutes': '5' },
      { after: 95 },
    )
    expect(result.verdict).toBe('failure')
    expect(details.rounds).toHaveLength(3)
    expect(details.rounds!.map((r) => r.checks.find((c) => c.name === 'shop-prod-latency')?.status)).toEqual([
      'pass',
      'pass',
      'fail',
    ])
    expect(row(result, 'shop-prod-latency').status).toBe('fail')
  })

  it('what is not verified is what the LAST round could not verify, not the first', async () => {
    const { result, details } = await validate('validate-rollout-wait', {
      ...prod,
      'api-name': 'shop-prod',
      'expected-image-tag': 'v1.3.0',
      'bake-minutes': '3',
    })
    expect(result.verdict).toBe('success')
    const rounds = details.rounds!
    expect(rounds.length).toBeGreaterThanOrEqual(3)
    const api = (i: number) => nth(rounds, i).checks.find((c) => c.name === 'API 5XX error rate')!
    // Round 1 came right after the rollout: no complete minute yet. The last one measured a partial window.
    expect(api(0).status).toBe('no-data')
    expect(api(rounds.length - 1).status).toBe('pass')
    const last = api(rounds.length - 1).message.match(/partial window: (\d) of 5 min/)!
    expect(details.unverified).toEqual([
      `API 5XX error rate: data for ${last[1]} of 5 minutes: ${5 - Number(last[1])} before the rollout ended`,
    ])
    expect(result.warnings).toEqual([`Not verified — ${details.unverified[0]}`])
    expect(result.warnings.join('\n')).not.toMatch(/0 of 5 min|no complete minute/)
  })

  it('a clean bake runs every round until the time is up', async () => {
    const { result, details } = await validate('validate-healthy', {
      ...prod,
      'api-name': 'shop-prod',
      'bake-minutes': '3',
    })
    expect(result.verdict).toBe('success')
    expect(details.rounds).toHaveLength(4)
  })
})

describe('validate: the bake watches the service and its tasks', () => {
  const crashDuringBake = (after: number, extra: Record<string, unknown> = {}) =>
    ({
      start: '2026-03-02T12:00:00Z',
      ecs: {
        clusters: {
          edge: {
            services: {
              app: {
                desiredCount: 2,
                taskDefinitions: [
                  { images: { app: '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:v1' } },
                  { images: { app: '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:v2' } },
                ],
                deployments: [
                  {
                    taskDefinition: 1,
                    at: -3600,
                    stoppedTasks: [
                      // Stopped by the scheduler before the start: no crash, before or during the bake.
                      { after: 3000, stopCode: 'ServiceSchedulerInitiated', exitCode: 143 },
                      { after, exitCode: 137, containerReason: 'OutOfMemoryError: Container killed' },
                    ],
                  },
                  ...((extra.deployments as unknown[] | undefined) ?? []),
                ],
              },
            },
          },
        },
      },
    }) as unknown as Scenario

  it('without any CloudWatch check, bake-minutes still bakes: a DescribeServices per round, every task at the end', async () => {
    const { result, details, counts } = await validate(
      'validate-edge-cases',
      edge('single', { 'bake-minutes': '2' }),
    )
    expect(result.verdict).toBe('success')
    expect(details.rounds!.length).toBeGreaterThan(1)
    const last = lastOf(details.rounds).checks
    expect(last.map((c) => [c.name, c.status])).toEqual([
      ['service during bake', 'pass'],
      ['tasks during bake', 'pass'],
    ])
    expect(counts['ecs.DescribeServices']).toBe(1 + (details.rounds!.length - 1) + 1)
    expect(counts['monitoring.GetMetricData']).toBeUndefined()
  })

  it('a task that crashes during the bake (replaced at once, so running = desired) fails the bake', async () => {
    // The deployment began an hour before the start; one task is OOM-killed 60 s into a 3-minute bake.
    const { result, details } = await validate(crashDuringBake(3660), edge('app', { 'bake-minutes': '3' }))
    expect(result.verdict).toBe('failure')
    expect(row(result, 'service during bake').status).toBe('pass')
    expect(row(result, 'tasks during bake')).toMatchObject({ status: 'fail' })
    expect(row(result, 'tasks during bake').message).toMatch(
      /^1 task crashed during the bake \(replaced by the scheduler\): \w+ EssentialContainerExited: .*exit 137 OutOfMemoryError: Container killed/,
    )
    expect(details.rounds!.length).toBeGreaterThan(2)
    // A crash 5 minutes before the start is no crash *during* the bake: the first tasks check fails on it.
    const before = await validate(crashDuringBake(3300), edge('app', { 'bake-minutes': '3' }))
    expect(before.status).toMatchObject({ tasks: 'fail' })
    expect(row(before.result, 'tasks').message).toMatch(/^1 task of the PRIMARY deployment crashed/)
    expect(before.details.rounds).toBeUndefined()
  })

  it('a new deployment during the bake is a breach, and the bake stops there', async () => {
    const { result, details } = await validate(
      crashDuringBake(9999, {
        deployments: [{ taskDefinition: 2, at: 30, outcome: 'failure', failAfter: 120 }],
      }),
      edge('app', { 'bake-minutes': '5' }),
    )
    expect(result.verdict).toBe('failure')
    expect(row(result, 'service during bake')).toMatchObject({ status: 'fail' })
    expect(row(result, 'service during bake').message).toMatch(
      /PRIMARY deployment changed during the bake: ecs-svc\/\d+ on app:2 replaced ecs-svc\/\d+ on app:1/,
    )
    expect(details.rounds!.length).toBe(2)
  })
})

describe('validate: rollback', () => {
  const staging = {
    cluster: 'shop-staging',
    service: 'shop',
    'pipeline-name': 'shop-staging',
    'expected-image-tag': 'nope',
  }

  it.each([
    [
      'service',
      { 'api-name': 'shop-prd' },
      /^not done — "API 5XX error rate": the configuration names no such alarm\/API/,
    ],
    [
      'pipeline',
      { 'alarm-names': 'shop-prod-5xxx' },
      /^not done — "shop-prod-5xxx": the configuration names no such alarm\/API/,
    ],
  ])(
    '%s: a name that names nothing fails the step, and nothing is rolled back for it',
    async (mode, typo, said) => {
      const { result, details } = await validate('validate-healthy', {
        ...prod,
        'pipeline-name': 'shop-prod',
        ...typo,
        rollback: mode,
      })
      expect(result.verdict).toBe('failure')
      expect(result.unverified).toBeFalsy()
      expect(details.rollback).toMatchObject({ mode, done: false })
      expect(details.rollback!.message).toMatch(said)
      expect(result.reason).toMatch(/a configuration error, not a measurement of the release; no rollback$/)
      const counts = emu!.counts()
      expect(counts['ecs.UpdateService']).toBeUndefined()
      expect(counts['codepipeline.RollbackStage']).toBeUndefined()
    },
  )

  it('service: UpdateService back to the task definition the service ran before this deployment', async () => {
    const { result, details } = await validate('validate-pipeline-rollback', {
      ...staging,
      rollback: 'service',
    })
    expect(result.verdict).toBe('failure')
    expect(details.rollback).toMatchObject({ mode: 'service', done: true })
    expect(details.rollback!.message).toMatch(/UpdateService started a deployment back to shop:2/)
    expect(result.reason).toMatch(/Rollback \(service\): UpdateService started a deployment back to shop:2/)
    const ecs = new ECSClient({
      endpoint: emu!.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    })
    const svc = (await ecs.send(new DescribeServicesCommand({ cluster: 'shop-staging', services: ['shop'] })))
      .services?.[0]
    expect(svc?.taskDefinition).toMatch(/shop:2$/)
    ecs.destroy()
  })

  it.each([
    [
      'without expected-image-tag',
      'nope',
      /^not done: the latest deployment went from shop:3 back to the older shop:2/,
    ],
    [
      'with the failed version as expected-image-tag',
      '7c3a1f0',
      /^not done: shop:3, which the service ran before its latest deployment, carries the expected tag "7c3a1f0"/,
    ],
  ])('service: a re-run after a rollback never redeploys the bad version (%s)', async (_name, tag, said) => {
    emu = await startEmulator({ scenario: 'validate-pipeline-rollback' as never, clock: 'manual' })
    const deps = await emulatorDeps(emu)
    const base = { 'api-name': 'none', ...staging, rollback: 'service' } as const
    const first = await run(validateConfig(base), deps)
    expect((first.details as ValidateDetails).rollback).toMatchObject({ done: true })
    emu.clock.advance(600_000) // the rollback deployment completes on shop:2
    const again = await run(validateConfig({ ...base, 'expected-image-tag': tag }), deps)
    expect(again.verdict).toBe('failure')
    const rollback = (again.details as ValidateDetails).rollback!
    expect(rollback).toMatchObject({ mode: 'service', done: false })
    expect(rollback.message).toMatch(said)
    expect(again.reason).toMatch(/Rollback \(service\): not done/)
    expect(emu.counts()['ecs.UpdateService']).toBe(1)
  })

  it.each([
    ['service', 'ecs', 'UpdateService'],
    ['pipeline', 'codepipeline', 'RollbackStage'],
  ])(
    '%s: access denied on the rollback call names the call and the IAM action',
    async (mode, service, op) => {
      const { result, details } = await validate(
        'validate-pipeline-rollback',
        { ...staging, rollback: mode },
        { faults: { rules: [{ service, operation: op, deny: true }] } },
      )
      expect(result.verdict).toBe('failure')
      expect(details.rollback).toMatchObject({ mode, done: false })
      expect(details.rollback!.message).toMatch(
        new RegExp(
          `^failed: ${op} was denied — AccessDeniedException: .* Allow ${service}:${op} for the credentials this step uses\\.$`,
        ),
      )
    },
  )

  it('service: nothing to do when ECS already rolled back', async () => {
    const { details } = await validate('validate-rolled-back', { ...prod, rollback: 'service' })
    expect(details.rollback).toMatchObject({ mode: 'service', done: false })
    expect(details.rollback!.message).toMatch(
      /not needed: ECS already rolled the deployment back \(ROLLBACK_SUCCESSFUL\)/,
    )
  })

  it('pipeline: RollbackStage of Deploy to the last execution that succeeded there before this one', async () => {
    const { result, details, counts } = await validate('validate-pipeline-rollback', {
      ...staging,
      rollback: 'pipeline',
    })
    expect(details.rollback).toMatchObject({ mode: 'pipeline', done: true })
    expect(details.rollback!.message).toMatch(
      /stage "Deploy" goes back to execution 11111111-1111-4111-8111-111111111111 \(commit 4f1c9e2\), the last that succeeded in it before 22222222-2222-4222-8222-222222222222/,
    )
    expect(counts['codepipeline.RollbackStage']).toBe(1)
    expect(result.reason).toMatch(/Rollback \(pipeline\): RollbackStage started execution/)
  })

  it('pipeline: a re-run after a rollback does not roll back again (the stage latest is a ROLLBACK)', async () => {
    emu = await startEmulator({ scenario: 'validate-pipeline-rollback' as never, clock: 'manual' })
    const deps = await emulatorDeps(emu)
    const config = validateConfig({
      'api-name': 'none',
      ...staging,
      'commit-sha': '7c3a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a',
      rollback: 'pipeline',
    })
    const first = (await run(config, deps)).details as ValidateDetails
    expect(first.rollback).toMatchObject({ done: true })
    expect(first.rollback!.message).toMatch(
      /goes back to execution 11111111-1111-4111-8111-111111111111 \(commit 4f1c9e2\), the last that succeeded in it before 22222222-2222-4222-8222-222222222222 \(commit 7c3a1f0, being judged\)/,
    )
    for (const after of [10, 600]) {
      // While the rollback runs, and after it succeeded.
      emu.clock.advance(after * 1000)
      const again = (await run(config, deps)).details as ValidateDetails
      expect(again.rollback).toMatchObject({ mode: 'pipeline', done: false })
      expect(again.rollback!.message).toMatch(
        /^not needed: stage "Deploy" was already rolled back \(its latest execution [0-9a-f-]+ is a ROLLBACK/,
      )
    }
    expect(emu.counts()['codepipeline.RollbackStage']).toBe(1)
  })

  it('pipeline: when a newer execution entered Deploy, the target is older than the commit being judged', async () => {
    const scenario = parseYaml(
      readFileSync('emulator/scenarios/validate-pipeline-rollback.yaml', 'utf8'),
    ) as Scenario & { codepipeline: { pipelines: { executions: unknown[] }[] } }
    firstOf(scenario.codepipeline.pipelines).executions.push({
      id: '33333333-3333-4333-8333-333333333333',
      at: -1800,
      commit: '9b2d7e41c0a8f3b5e6d1c2a4f7e8b9c0d1e2f3a4',
      variables: { VERSION: '9b2d7e4' },
    })
    // Judged: 7c3a1f0 (execution 2222); 3333 entered Deploy after it and is the stage's latest.
    const { details } = await validate(scenario, {
      ...staging,
      'commit-sha': '7c3a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a',
      rollback: 'pipeline',
    })
    expect(details.rollback).toMatchObject({ mode: 'pipeline', done: true })
    expect(details.rollback!.message).toMatch(
      /goes back to execution 11111111-1111-4111-8111-111111111111 \(commit 4f1c9e2\), the last that succeeded in it before 22222222-2222-4222-8222-222222222222 \(commit 7c3a1f0, being judged\)/,
    )
    const target = firstOf(emu!.log.where({ operation: 'RollbackStage' })).params as {
      targetPipelineExecutionId: string
    }
    expect(target.targetPipelineExecutionId).toBe('11111111-1111-4111-8111-111111111111')
  })

  it('pipeline: not possible in PARALLEL mode, and said so', async () => {
    const scenario = parseYaml(
      readFileSync('emulator/scenarios/validate-pipeline-rollback.yaml', 'utf8'),
    ) as Scenario
    const declaration = parseYaml(readFileSync('emulator/scenarios/pipelines/shop-staging.yaml', 'utf8'))
    firstOf((scenario.codepipeline as { pipelines: { declaration: unknown }[] }).pipelines).declaration = {
      ...declaration,
      executionMode: 'PARALLEL',
    }
    const { details, counts } = await validate(scenario, { ...staging, rollback: 'pipeline' })
    expect(details.rollback).toMatchObject({ mode: 'pipeline', done: false })
    expect(details.rollback!.message).toMatch(/not possible: pipeline "shop-staging" runs in PARALLEL mode/)
    expect(counts['codepipeline.RollbackStage']).toBeUndefined()
  })

  it('no rollback when validation passes', async () => {
    const { details, counts } = await validate('validate-pipeline-rollback', {
      ...staging,
      'expected-image-tag': '',
      rollback: 'pipeline',
    })
    expect(details.rollback).toBeUndefined()
    expect(counts['codepipeline.GetPipeline']).toBeUndefined()
  })
})

describe('validate: a read that fails is not a failed deploy (issue 11, finding 5)', () => {
  // A healthy service of 250 tasks: three DescribeTasks of ≤ 100 per look.
  const healthy250 = {
    start: '2026-03-02T12:00:00Z',
    ecs: {
      clusters: {
        edge: {
          services: {
            app: {
              desiredCount: 250,
              taskDefinitions: [
                { images: { app: '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:v6' } },
                { images: { app: '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:v7' } },
              ],
              deployments: [
                { taskDefinition: 1, at: -7200 },
                { taskDefinition: 2, at: -3600 },
              ],
            },
          },
        },
      },
    },
  } as unknown as Scenario
  const app = edge('app', { 'expected-image-tag': 'v7' })
  const throttled = (operation: string, firstCalls?: number): FaultConfig => ({
    rules: [{ service: 'ecs', operation, throttleRate: 1, firstCalls }],
  })
  const ops = (op: string) => emu!.log.where({ operation: op }).length

  it('DescribeTasks throttled beyond the SDK retries for the first calls: read again, passes, no alert, no rollback', async () => {
    // Two SDK attempts per call: the first six requests (the first look's three DescribeTasks, each tried
    // twice by the SDK) are all throttled; later reads succeed.
    const { result, details, log } = await validate(
      healthy250,
      { ...app, rollback: 'service' },
      { maxAttempts: 2, faults: throttled('DescribeTasks', 6) },
    )
    expect(emu!.log.where({ operation: 'DescribeTasks', error: 'ThrottlingException' })).toHaveLength(6)
    expect(row(result, 'tasks')).toMatchObject({ status: 'pass', value: '250/250' })
    expect(result.verdict).toBe('success')
    expect(details.checks.map((c) => c.status)).not.toContain('unverified')
    expect(details.unverified).toEqual([NO_TRAFFIC_HEALTH])
    expect(result.warnings).toEqual([`Not verified — ${NO_TRAFFIC_HEALTH}`])
    expect(details.rollback).toBeUndefined()
    expect(ops('UpdateService')).toBe(0)
    expect(shouldNotify(result, 'failure')).toBe(false)
    expect(log).toMatch(/DescribeTasks failed — ThrottlingException.*backing off and trying again/)
  })

  it.each(['service', 'pipeline'])(
    'reads failing until the deadline: tasks unverified, the step fails saying so, and rollback: %s rolls nothing back',
    async (mode) => {
      const { result, details, status, deps } = await validate(
        healthy250,
        { ...app, rollback: mode, 'pipeline-name': 'shop-edge', 'timeout-minutes': '2' },
        { maxAttempts: 1, faults: throttled('DescribeTasks') },
      )
      const started = Date.parse(result.startedAt)
      expect(status).toMatchObject({ rollout: 'pass', tasks: 'unverified', version: 'pass' })
      expect(row(result, 'tasks').message).toMatch(
        /^could not be read: DescribeTasks failed — ThrottlingException: .*\(still failing after retrying until the deadline\)$/,
      )
      // Retried with back-off until the deadline, and no later.
      expect(ops('DescribeTasks')).toBeGreaterThan(12)
      expect(deps.now() - started).toBeLessThanOrEqual(2 * 60_000)
      expect(result.verdict).toBe('failure')
      expect(result.reason).toMatch(
        /^Validation of service "app" in cluster "edge" could not be verified \(no check measured a failure\): tasks — could not be read: DescribeTasks failed — ThrottlingException/,
      )
      expect(result.reason).toMatch(
        new RegExp(
          `Rollback \\(${mode}\\): not done — nothing was rolled back because the failure was not measured`,
        ),
      )
      expect(details.rollback).toMatchObject({ mode, done: false })
      // Its own outcome in the reports: "could not be verified", not "failed".
      expect(result.unverified).toBe(true)
      expect(details.unverified[0]).toMatch(
        /^tasks: could not be read: DescribeTasks failed — ThrottlingException/,
      )
      expect(result.warnings[0]).toMatch(/^Not verified — tasks: could not be read/)
      // No rollback call, and not even a rollback's reads.
      for (const op of ['UpdateService', 'DescribeServiceDeployments', 'RollbackStage', 'GetPipeline'])
        expect(ops(op)).toBe(0)
    },
  )

  it('a measured failure beside an unverified check still rolls back; the rollback retries its own reads', async () => {
    const { result, status, log } = await validate(
      'validate-pipeline-rollback',
      {
        cluster: 'shop-staging',
        service: 'shop',
        'expected-image-tag': 'nope',
        rollback: 'service',
        'timeout-minutes': '2',
      },
      {
        maxAttempts: 1,
        faults: {
          rules: [
            // Refused at once (so the rollback still has its time): tasks not verified.
            { service: 'ecs', operation: 'DescribeTasks', deny: true },
            { service: 'ecs', operation: 'DescribeServiceDeployments', throttleRate: 1, firstCalls: 2 },
          ],
        },
      },
    )
    expect(status).toMatchObject({ tasks: 'unverified', version: 'fail' })
    expect(result.verdict).toBe('failure')
    expect(result.reason).toMatch(/failed: version — .*; not verified: tasks/)
    // A measured failure is a failure, whatever else could not be read.
    expect(result.unverified).toBeUndefined()
    expect((result.details as ValidateDetails).rollback).toMatchObject({ mode: 'service', done: true })
    expect(ops('DescribeServiceDeployments')).toBe(3)
    expect(ops('UpdateService')).toBe(1)
    expect(log).toMatch(/DescribeServiceDeployments failed — ThrottlingException/)
  })

  it('a rollout wait whose DescribeServices keeps failing: rollout unverified, not "still IN_PROGRESS", no rollback', async () => {
    const { result, status } = await validate(
      'validate-rollout-wait',
      { ...prod, rollback: 'service', 'timeout-minutes': '3' },
      {
        maxAttempts: 1,
        onFirstSleep: (e) =>
          e.setFaults({
            rules: [{ service: 'ecs', operation: 'DescribeServices', errorRate: 1, errorStatus: 503 }],
          }),
      },
    )
    expect(status.rollout).toBe('unverified')
    expect(row(result, 'rollout').message).toMatch(
      /^could not be read: DescribeServices failed — .*\(still failing after retrying until the deadline\); the last look that succeeded \(\d+ s earlier\) showed rollout IN_PROGRESS/,
    )
    expect(result.verdict).toBe('failure')
    expect(result.reason).toMatch(
      /could not be verified.*Rollback \(service\): not done — nothing was rolled back/,
    )
    expect(ops('UpdateService')).toBe(0)
  })

  it('the first DescribeServices refused (access denied): unverified, naming the IAM action; nothing else judged', async () => {
    const { result, status } = await validate(
      healthy250,
      { ...app, rollback: 'service' },
      { faults: { rules: [{ service: 'ecs', operation: 'DescribeServices', deny: true }] } },
    )
    expect(status).toMatchObject({ rollout: 'unverified', tasks: 'skip', version: 'skip' })
    expect(row(result, 'rollout').message).toMatch(
      /^could not be read: DescribeServices was denied — AccessDeniedException: .*Allow ecs:DescribeServices/,
    )
    expect(row(result, 'tasks').message).toBe('not checked: the service could not be read')
    expect(result.verdict).toBe('failure')
    expect(result.unverified).toBe(true)
    expect(result.reason).toMatch(/Rollback \(service\): not done — nothing was rolled back/)
    expect(ops('UpdateService')).toBe(0)
    // The early first ListTasks page stops when it is not used.
    expect(ops('DescribeTasks')).toBe(0)
  })

  it('a bake whose last look at the service cannot be read ends unverified, not breached, and rolls nothing back', async () => {
    const { result, details } = await validate(
      'validate-edge-cases',
      edge('single', { 'bake-minutes': '2', 'timeout-minutes': '3', rollback: 'service' }),
      {
        maxAttempts: 1,
        onFirstSleep: (e) =>
          e.setFaults({ rules: [{ service: 'ecs', operation: 'DescribeServices', throttleRate: 1 }] }),
      },
    )
    const last = lastOf(details.rounds).checks
    expect(last.find((c) => c.name === 'service during bake')).toMatchObject({ status: 'unverified' })
    expect(row(result, 'service during bake').message).toMatch(/^could not be read: DescribeServices failed/)
    expect(result.verdict).toBe('failure')
    expect(result.reason).toMatch(/could not be verified/)
    expect(emu!.log.where({ operation: 'UpdateService' })).toHaveLength(0)
  })
})
