// The release as a GitHub deployment across a three-step job (create-pipeline → monitor → validate), through
// the emulator's deployments API: one deployment, its status in_progress → success/failure/error; with a
// job-level `environment:` GitHub's own deployment is found and added to; a 403 and a hang never change a verdict.
import { afterEach, describe, expect, it } from '@jest/globals'
import type { Emulator } from '../../emulator/index.js'
import type { GitHubState } from '../../emulator/services/github/index.js'
import { deploymentUpdate } from '../../src/report/deployment-report.js'
import { createSuccess, monitorFailure, monitorSuccess, validateSuccess } from './fixtures.js'
import { runReports, startReportEmulator, type Run } from './harness.js'
import { PIPELINE_INPUTS, TEST_SHA } from '../fixtures/inputs.js'
import { firstOf, nth, only } from '../helpers/must.js'

let emulator: Emulator | undefined
afterEach(async () => {
  await emulator?.stop()
  emulator = undefined
})

const TOKEN = 'ghs_deploy00000000'
const deployInputs = {
  ...PIPELINE_INPUTS,
  'github-token': TOKEN,
  'deployment-environment': 'staging',
  'environment-url': 'https://staging.shop.example.com',
}
const RUN_URL = 'https://github.com/octo-org/shop/actions/runs/4242'

const steps = [
  { mode: 'create-pipeline', result: createSuccess },
  { mode: 'monitor', result: monitorSuccess },
  { mode: 'validate', result: validateSuccess },
] as const

async function threeSteps(e: Emulator, results = steps.map((s) => s.result())): Promise<Run[]> {
  const runs: Run[] = []
  for (const [i, step] of steps.entries())
    runs.push(await runReports(e, { inputs: { ...deployInputs, mode: step.mode }, result: nth(results, i) }))
  return runs
}

function deploymentsOf(e: Emulator) {
  const state = e.world.states.github as GitHubState
  const deployments = state.deployments.get('octo-org/shop') ?? []
  return deployments.map((d) => ({ ...d, statuses: state.deploymentStatuses.get(d.id) ?? [] }))
}

/** What GitHub Actions does for a job with `environment: staging`: a deployment, queued then in_progress. */
async function jobDeployment(e: Emulator): Promise<number> {
  const api = `${e.env.GITHUB_API_URL}/repos/octo-org/shop/deployments`
  const headers = { authorization: `token ${TOKEN}`, 'content-type': 'application/json' }
  const body = { ref: TEST_SHA, environment: 'staging', auto_merge: false, required_contexts: [] }
  const created = (await (
    await fetch(api, { method: 'POST', headers, body: JSON.stringify(body) })
  ).json()) as {
    id: number
  }
  for (const state of ['queued', 'in_progress'])
    await fetch(`${api}/${created.id}/statuses`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ state, log_url: `${RUN_URL}/job/777` }),
    })
  return created.id
}

describe('deploymentUpdate', () => {
  it.each([
    ['pending', 'in_progress'],
    ['success', 'success'],
    ['failure', 'failure'],
    ['error', 'error'],
  ] as const)('%s → %s', (from, to) => {
    expect(deploymentUpdate({ state: from, description: 'x' })).toEqual({ state: to, description: 'x' })
  })
})

describe('a three-step job', () => {
  it('without a job-level environment: one deployment, in_progress across the steps, success at validate', async () => {
    emulator = await startReportEmulator()
    const runs = await threeSteps(emulator)
    const deployments = deploymentsOf(emulator)
    expect(deployments).toHaveLength(1)
    const d = only(deployments, 'the deployments')
    expect(d).toMatchObject({ sha: TEST_SHA, environment: 'staging', task: 'deploy' })
    expect(d.payload).toEqual({ tool: 'aws-deploy-pipeline', run_id: '4242' })
    expect(d.statuses.map((s) => s.state)).toEqual([
      ...['in_progress', 'in_progress'],
      ...['in_progress', 'in_progress'],
      ...['in_progress', 'success'],
    ])
    for (const s of d.statuses)
      expect(s).toMatchObject({
        log_url: RUN_URL,
        target_url: RUN_URL,
        environment_url: deployInputs['environment-url'],
      })
    const last = nth(runs, 2)
    expect(last.summary).toContain('Deployment to "staging"')
    expect(last.log.lines).toContain(`Deployment to "staging": success (#${d.id})`)
  })

  it("with a job-level environment: GitHub's own deployment is added to, no second one", async () => {
    emulator = await startReportEmulator()
    const id = await jobDeployment(emulator)
    await threeSteps(emulator)
    const deployments = deploymentsOf(emulator)
    expect(deployments.map((d) => d.id)).toEqual([id])
    expect(firstOf(deployments).statuses.map((s) => s.state)).toEqual([
      ...['queued', 'in_progress'],
      ...['in_progress', 'in_progress', 'in_progress', 'in_progress', 'in_progress', 'success'],
    ])
  })

  it("another run's job deployment of the same commit is not this run's: ours is created", async () => {
    emulator = await startReportEmulator()
    await jobDeployment(emulator)
    const [step] = steps
    await runReports(emulator, {
      inputs: { ...deployInputs, mode: step.mode },
      result: step.result(),
      env: { GITHUB_RUN_ID: '5555' },
    })
    expect(deploymentsOf(emulator)).toHaveLength(2)
  })

  it('a failing monitor marks the deployment failure; a cancelled validate marks it error', async () => {
    emulator = await startReportEmulator()
    const cancelled = validateSuccess()
    cancelled.cancelled = true
    await threeSteps(emulator, [createSuccess(), monitorFailure(), cancelled])
    const states = firstOf(deploymentsOf(emulator)).statuses.map((s) => s.state)
    expect(states.slice(0, 4)).toEqual(['in_progress', 'in_progress', 'in_progress', 'failure'])
    expect(states.at(-1)).toBe('error')
  })

  it('a later success marks the earlier successful deployment of the environment inactive (auto_inactive)', async () => {
    emulator = await startReportEmulator()
    await threeSteps(emulator)
    await runReports(emulator, {
      inputs: { ...deployInputs, mode: 'validate' },
      result: validateSuccess(),
      env: { GITHUB_RUN_ID: '4243' },
    })
    const [first, second] = deploymentsOf(emulator)
    expect(first?.statuses.at(-1)?.state).toBe('inactive')
    expect(second?.statuses.at(-1)?.state).toBe('success')
  })
})

describe('never a changed verdict', () => {
  it('a token without deployments: write: a warning naming the permissions line, the verdict stands', async () => {
    emulator = await startReportEmulator({ github: { tokens: { [TOKEN]: { deployments: 'read' } } } })
    const run = await runReports(emulator, {
      inputs: { ...deployInputs, mode: 'validate' },
      result: validateSuccess(),
    })
    expect(run.outputs.result).toBe('success')
    const warnings = run.log.lines.filter((l) => l.startsWith('warning:') && l.includes('deployment'))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('add `permissions: { deployments: write }` to the workflow or job')
    expect(run.summary).toContain('not posted')
    expect(emulator.log.where({ service: 'github' }).filter((c) => c.status === 403)).toHaveLength(1)
  })

  it('a GitHub that never answers: given up on at the reporting deadline', async () => {
    emulator = await startReportEmulator()
    emulator.setFaults({ rules: [{ service: 'github', hangRate: 1 }] })
    const started = Date.now()
    const run = await runReports(emulator, {
      inputs: { ...deployInputs, mode: 'validate' },
      result: validateSuccess(),
      deps: (base) => ({ deadline: base.now() + 1_000 }),
    })
    expect(Date.now() - started).toBeLessThan(8_000)
    expect(run.outputs.result).toBe('success')
    expect(run.log.lines.join('\n')).toMatch(/deployment to "staging".*no answer from GitHub/)
  })
})
