// create-pipeline's runner contract through the built dist/index.js: what a created pipeline and a denied one
// leave for the workflow (exit code, outputs, the one ::error line, the summary). Which calls each path makes,
// updates, dry runs and starts are proven in-process (__tests__/pipeline/run.test.ts).
import { afterEach, describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator, type FaultConfig } from '../../emulator/index.js'
import { PIPELINE_INPUTS, ROLE } from '../fixtures/inputs.js'
import { runAction } from '../helpers/run-action.js'

let emulator: Emulator | undefined
afterEach(async () => {
  await emulator?.stop()
  emulator = undefined
})

async function createPipeline(inputs: Record<string, string>, faults?: FaultConfig) {
  // Emulator time runs 200× real time: AWS's first execution starts while the step still runs.
  emulator = await startEmulator({ scenario: 'create-pipeline', clock: { speed: 200 }, faults })
  return runAction({
    inputs: { mode: 'create-pipeline', ...PIPELINE_INPUTS, 'poll-interval-seconds': '0.05', ...inputs },
    env: { ...emulator.env },
  })
}

describe('create-pipeline through dist/index.js', () => {
  it('created: exit 0, the pipeline outputs, a summary, no ::error', async () => {
    const run = await createPipeline({ 'start-execution': 'true' })
    expect(run.exitCode).toBe(0)
    expect(run.errors).toEqual([])
    expect(run.outputs).toMatchObject({
      result: 'success',
      'pipeline-name': 'shop-staging',
      'pipeline-version': '1',
      'pipeline-change': 'created',
      'execution-id': expect.stringMatching(/^[0-9a-f-]{36}$/),
    })
    expect(JSON.parse(run.outputs.report ?? '{}')).toMatchObject({
      verdict: 'success',
      details: { change: 'created' },
    })
    expect(run.summary).toMatch(/^## ✅ /)
  })

  it('approval and rollback-on-failure: created with both, then a re-run is unchanged with no write call', async () => {
    const guards = {
      approval: 'true',
      'approval-sns-topic-arn': 'arn:aws:sns:us-east-1:123456789012:shop-approvals',
      'approval-review-url': 'https://staging.shop.example.com',
      'rollback-on-failure': 'true',
    }
    const first = await createPipeline(guards)
    expect(first.exitCode).toBe(0)
    expect(first.outputs).toMatchObject({ result: 'success', 'pipeline-change': 'created' })
    expect(first.stdout).toContain('+   configuration.NotificationArn: arn:aws:sns:us-east-1:123456789012:shop-approvals')
    expect(first.stdout).toContain('+   onFailure.result: ROLLBACK')
    expect(first.summary).toContain('Approval')

    const writesBefore = emulator!.log.entries.length
    const again = await runAction({
      inputs: { mode: 'create-pipeline', ...PIPELINE_INPUTS, ...guards },
      env: { ...emulator!.env },
    })
    expect(again.exitCode).toBe(0)
    expect(again.errors).toEqual([])
    expect(again.outputs).toMatchObject({ result: 'success', 'pipeline-change': 'unchanged', 'pipeline-version': '1' })
    const calls = emulator!.log.entries.slice(writesBefore).filter((e) => e.service === 'codepipeline')
    expect(calls.map((e) => e.operation)).toEqual(['GetPipeline'])
  })

  it('denied: exit 1, one ::error line naming the call, AWS message and the IAM action to allow', async () => {
    const run = await createPipeline(
      {},
      { rules: [{ service: 'codepipeline', operation: 'CreatePipeline', deny: true }] },
    )
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({ result: 'failure', 'pipeline-name': 'shop-staging' })
    expect(run.errors).toEqual([
      expect.stringMatching(
        new RegExp(
          `^::error::Pipeline "shop-staging": CreatePipeline was denied — AccessDeniedException: .* Allow codepipeline:CreatePipeline and iam:PassRole on ${ROLE} for the credentials this step uses\\.$`,
        ),
      ),
    ])
    expect(run.summary).toMatch(/^## ❌ Pipeline setup failed/)
  })
})
