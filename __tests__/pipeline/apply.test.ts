// Tag changes on an existing pipeline (apply.ts): TagResource/UntagResource on the ARN GetPipeline reports,
// through the real SDK against the emulator, asserting on its request log.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { run } from '../../src/pipeline/run.js'
import type { CreatePipelineDetails } from '../../src/result.js'
import { createPipelineConfig } from '../helpers/config.js'
import { PIPELINE_INPUTS } from '../fixtures/inputs.js'
import { emulatorDeps } from '../helpers/deps.js'
import { firstOf } from '../helpers/must.js'

let emulator: Emulator
beforeEach(async () => {
  emulator = await startEmulator({
    scenario: 'create-pipeline',
    clock: 'manual',
    start: '2026-03-02T10:00:00Z',
  })
})
afterEach(() => emulator.stop())

async function runWith(inputs: Record<string, string> = {}) {
  const from = emulator.log.entries.length
  const result = await run(
    createPipelineConfig({ ...PIPELINE_INPUTS, ...inputs }),
    await emulatorDeps(emulator),
  )
  const calls = emulator.log.entries
    .slice(from)
    .filter((e) => e.service === 'codepipeline')
    .map((e) => e.operation)
  return { ...result, details: result.details as CreatePipelineDetails, calls }
}

describe('tags', () => {
  it('sets tags on create, leaves them alone when equal, and applies changes to an existing pipeline', async () => {
    const created = await runWith({ tags: 'team=web\ncost-center=1234' })
    expect(created.calls).toEqual(['GetPipeline', 'CreatePipeline'])
    expect(
      (firstOf(emulator.log.where({ operation: 'CreatePipeline' })).params as { tags: unknown }).tags,
    ).toEqual([
      { key: 'team', value: 'web' },
      { key: 'cost-center', value: '1234' },
    ])

    const same = await runWith({ tags: 'cost-center=1234\nteam=web' })
    expect(same.details.change).toBe('unchanged')
    expect(same.calls).toEqual(['GetPipeline', 'ListTagsForResource'])

    const changed = await runWith({ tags: 'team=payments\nowner=alice' })
    expect(changed.verdict).toBe('success')
    expect(changed.details).toMatchObject({ change: 'updated', pipelineVersion: 1 })
    expect(changed.details.diff).toEqual([
      '  tags',
      '-   team: web',
      '+   team: payments',
      '+   owner: alice',
      '-   cost-center: 1234',
    ])
    // A tags-only change: no UpdatePipeline, so no running execution is cancelled or waited for.
    expect(changed.calls).toEqual(['GetPipeline', 'ListTagsForResource', 'UntagResource', 'TagResource'])
    expect(changed.details.notes).toContain(
      'Only the tags changed: the declaration and its version stay as they were.',
    )
    const arn = 'arn:aws:codepipeline:us-east-1:123456789012:shop-staging'
    expect(firstOf(emulator.log.where({ operation: 'UntagResource' })).params).toEqual({
      resourceArn: arn,
      tagKeys: ['cost-center'],
    })

    const after = await runWith({ tags: 'owner=alice\nteam=payments' })
    expect(after.details.change).toBe('unchanged')
    // Without the tags input, tags are neither read nor touched.
    expect((await runWith()).calls).toEqual(['GetPipeline'])
  })
})
