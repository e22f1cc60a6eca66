// What exists before an example's first step: the account (world.ts) filled with what the example's steps
// name, and the pipeline in the state the example expects to find it.
import { expect } from '@jest/globals'
import type { Emulator } from '../../emulator/index.js'
import { examplesIn, usesThisAction, type Example, type Step } from './examples.js'
import { runActionStep, stepInputs } from './run-step.js'
import { COMMIT, runnerEnv, simulate, type Simulation } from './simulation.js'
import { ACCOUNT, REGION, type AccountSpec } from './world.js'

const QUICK_START = examplesIn('README.md').find((e) => e.heading === 'Quick start')

export const afterQuickStart = (e: Example): boolean => e.marker === 'after quick-start'

/** The README's quick start, which runs this action. */
export function quickStart(): Example {
  if (QUICK_START?.shape.kind !== 'workflow') throw new Error('README.md has no quick start workflow')
  return QUICK_START
}

/** What the example's steps name, across all of them: the account must have it. */
export function account(sim: Simulation, environment: string): AccountSpec {
  const all = sim.steps.filter(usesThisAction).map((s) => stepInputs(s.with ?? {}, sim.context))
  const lines = (name: string) =>
    all
      .flatMap((i) => (i[name] ?? '').split('\n'))
      .map((l) => l.trim())
      .filter(Boolean)
  return {
    environment,
    commit: COMMIT,
    alarms: lines('alarm-names'),
    metricChecks: all.map((i) => i['metric-checks'] ?? '').filter(Boolean),
    apiName: all.map((i) => i['api-name']).find(Boolean),
    apiStage: all.map((i) => i['api-stage']).find(Boolean),
    cluster: all.map((i) => i.cluster).find(Boolean),
    // `shop` is what the pipeline the README's defaults create deploys; other services an example names run too.
    services: [...new Set(['shop', ...lines('service')])],
    pauseHook: all.some((i) => i['pause-hook'] === 'gate' || i['pause-hook'] === 'report-only'),
    snsTopics: lines('sns-topic-arn'),
  }
}

/**
 * The pipeline before the example's first step. An example that creates it starts from an account without one.
 * `<!-- example: after quick-start -->` runs the quick start's steps that come before the first step of the
 * example's mode. Otherwise the pipeline exists and has run the commit: created with the README's defaults
 * (source-trigger push, so AWS ran the branch head itself with VERSION `auto`, the short SHA per the contract).
 */
export async function setUp(
  emulator: Emulator,
  example: Example,
  sim: Simulation,
  steps: Step[],
): Promise<void> {
  const firstMode = String(steps[0]?.with?.mode)
  if (steps.some((s) => s.with?.mode === 'create-pipeline')) return
  if (afterQuickStart(example)) {
    const quick = simulate(quickStart())
    const before = quick.steps.filter(usesThisAction)
    for (const step of before.slice(
      0,
      before.findIndex((s) => s.with?.mode === firstMode),
    )) {
      const run = await runActionStep(emulator, stepInputs(step.with ?? {}, sim.context), runnerEnv(sim))
      if (step.id) sim.context.steps[step.id] = { outputs: run.outputs }
      expect({ setUp: step.name, result: run.outputs.result }).toEqual({
        setUp: step.name,
        result: 'success',
      })
    }
    return
  }
  const environment = stepInputs(steps[0]?.with ?? {}, sim.context).environment ?? ''
  const defaults = {
    'project-name': 'shop',
    environment,
    'role-arn': `arn:aws:iam::${ACCOUNT}:role/shop-codepipeline`,
  }
  const connection = `arn:aws:codeconnections:${REGION}:${ACCOUNT}:connection/0a1b2c3d-4e5f-6789-abcd-ef0123456789`
  const env = runnerEnv({ ...sim, event: 'push', branch: environment })
  for (const withValues of [
    { ...defaults, mode: 'create-pipeline', 'connection-arn': connection },
    { 'project-name': 'shop', environment, mode: 'monitor', 'commit-sha': COMMIT },
  ]) {
    const run = await runActionStep(emulator, stepInputs(withValues, sim.context), env)
    expect({ setUp: withValues.mode, result: run.outputs.result }).toEqual({
      setUp: withValues.mode,
      result: 'success',
    })
  }
}
