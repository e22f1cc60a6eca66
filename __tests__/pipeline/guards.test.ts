// The Deploy stage's opt-in guards end to end in-process (real SDK over HTTP, the emulator on its manual clock):
// a manual approval stage before Deploy and the Deploy stage's rollback on failure are created when asked, cost
// no write call on a re-run with the same inputs, and are updated when turned off or changed.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { CodePipelineClient, GetPipelineCommand } from '@aws-sdk/client-codepipeline'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { run } from '../../src/pipeline/run.js'
import type { CreatePipelineDetails } from '../../src/result.js'
import { createPipelineConfig } from '../helpers/config.js'
import { emulatorDeps } from '../helpers/deps.js'
import { PIPELINE_INPUTS } from '../fixtures/inputs.js'

const TOPIC = 'arn:aws:sns:us-east-1:123456789012:shop-approvals'
const OTHER_TOPIC = 'arn:aws:sns:us-east-1:123456789012:shop-release-managers'
const URL = 'https://staging.shop.example.com'
const GUARDED = {
  approval: 'true',
  'approval-sns-topic-arn': TOPIC,
  'approval-review-url': URL,
  'approval-comment': 'Check the order history page on staging',
  'rollback-on-failure': 'true',
}
const WRITES = ['CreatePipeline', 'UpdatePipeline', 'TagResource', 'UntagResource', 'StartPipelineExecution']

let emulator: Emulator
beforeEach(async () => {
  emulator = await startEmulator({ scenario: 'create-pipeline', clock: 'manual' })
})
afterEach(() => emulator.stop())

async function runWith(inputs: Record<string, string>) {
  const deps = await emulatorDeps(emulator)
  const from = emulator.log.entries.length
  const result = await run(createPipelineConfig({ ...PIPELINE_INPUTS, ...inputs }), deps)
  // The first execution AWS starts on a create has long ended before the next run (an update waits for it).
  emulator.clock.advance(3_600_000)
  const calls = emulator.log.entries.slice(from).map((e) => e.operation)
  return {
    verdict: result.verdict,
    reason: result.reason,
    details: result.details as CreatePipelineDetails,
    writes: calls.filter((c) => WRITES.includes(c)),
  }
}

async function stored() {
  const cp = new CodePipelineClient({
    endpoint: emulator.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
  })
  const out = await cp.send(new GetPipelineCommand({ name: 'shop-staging' }))
  const stages = out.pipeline?.stages ?? []
  return {
    names: stages.map((s) => s.name),
    approval: stages.find((s) => s.name === 'Approval')?.actions?.[0],
    deploy: stages.find((s) => s.name === 'Deploy'),
  }
}

describe('approval stage and rollback on failure', () => {
  it('are created when asked, and a re-run with the same inputs makes no write call', async () => {
    const first = await runWith(GUARDED)
    expect(first).toMatchObject({ verdict: 'success', writes: ['CreatePipeline'] })
    expect(first.details.stages.map((s) => s.name)).toEqual(['Source', 'Build', 'Test', 'Approval', 'Deploy'])
    const pipeline = await stored()
    expect(pipeline.approval).toMatchObject({
      name: 'Approval',
      actionTypeId: { category: 'Approval', owner: 'AWS', provider: 'Manual', version: '1' },
      configuration: {
        NotificationArn: TOPIC,
        ExternalEntityLink: URL,
        CustomData: 'Check the order history page on staging',
      },
    })
    expect(pipeline.deploy?.onFailure).toEqual({ result: 'ROLLBACK' })

    const again = await runWith(GUARDED)
    expect(again).toMatchObject({ verdict: 'success', writes: [] })
    expect(again.details).toMatchObject({ change: 'unchanged', pipelineVersion: 1, diff: [] })
  })

  it('are added to an existing pipeline by an update, then unchanged', async () => {
    await runWith({})
    const added = await runWith(GUARDED)
    expect(added).toMatchObject({ verdict: 'success', writes: ['UpdatePipeline'] })
    expect(added.details).toMatchObject({ change: 'updated', pipelineVersion: 2 })
    expect(added.details.diff).toEqual(
      expect.arrayContaining([
        '  stage Approval › action Approval',
        '+   actionTypeId.category: Approval',
        `+   configuration.NotificationArn: ${TOPIC}`,
        '  stage Deploy',
        '+   onFailure.result: ROLLBACK',
      ]),
    )
    expect((await runWith(GUARDED)).writes).toEqual([])
  })

  it('a changed topic or review URL updates only that setting', async () => {
    await runWith(GUARDED)
    const changed = await runWith({
      ...GUARDED,
      'approval-sns-topic-arn': OTHER_TOPIC,
      'approval-review-url': `${URL}/orders`,
    })
    expect(changed).toMatchObject({ writes: ['UpdatePipeline'], details: { change: 'updated' } })
    expect(changed.details.diff).toEqual([
      '  stage Approval › action Approval',
      `-   configuration.NotificationArn: ${TOPIC}`,
      `+   configuration.NotificationArn: ${OTHER_TOPIC}`,
      `-   configuration.ExternalEntityLink: ${URL}`,
      `+   configuration.ExternalEntityLink: ${URL}/orders`,
    ])
    expect((await stored()).approval?.configuration?.NotificationArn).toBe(OTHER_TOPIC)
  })

  it('turned off, the approval stage and the rollback are removed by an update, then unchanged', async () => {
    await runWith(GUARDED)
    const off = await runWith({})
    expect(off).toMatchObject({ writes: ['UpdatePipeline'], details: { change: 'updated' } })
    expect(off.details.diff).toEqual(
      expect.arrayContaining(['  stage Deploy', '-   onFailure.result: ROLLBACK']),
    )
    const pipeline = await stored()
    expect(pipeline.names).toEqual(['Source', 'Build', 'Test', 'Deploy'])
    expect(pipeline.deploy?.onFailure).toBeUndefined()
    expect((await runWith({})).writes).toEqual([])
  })

  it('an approval without details is a bare Manual action, and stays unchanged', async () => {
    await runWith({ approval: 'true' })
    const pipeline = await stored()
    expect(pipeline.approval?.actionTypeId?.provider).toBe('Manual')
    expect(pipeline.approval?.configuration ?? {}).toEqual({})
    expect(pipeline.deploy?.onFailure).toBeUndefined()
    expect((await runWith({ approval: 'true' })).writes).toEqual([])
  })

  it('rollback alone is the Deploy stage setting, toggled by an update', async () => {
    await runWith({ 'rollback-on-failure': 'true' })
    expect((await stored()).names).toEqual(['Source', 'Build', 'Test', 'Deploy'])
    expect((await runWith({ 'rollback-on-failure': 'true' })).writes).toEqual([])
    const off = await runWith({ 'rollback-on-failure': 'false' })
    expect(off.details.diff).toEqual(['  stage Deploy', '-   onFailure.result: ROLLBACK'])
  })
})
