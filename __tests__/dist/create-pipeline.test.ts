// create-pipeline's main path through the built dist/index.js, run exactly as the runner runs it, against the
// emulator: create, an identical second run with zero write calls, an update, a dry run, start-execution.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { runAction, TEST_SHA, type RunResult } from '../helpers/run-action.js'

const ROLE = 'arn:aws:iam::123456789012:role/pipeline-role'
const CONNECTION = 'arn:aws:codeconnections:us-east-1:123456789012:connection/0a1b2c3d-4e5f-6789-abcd-ef0123456789'
const INPUTS = {
  mode: 'create-pipeline',
  'project-name': 'shop',
  environment: 'staging',
  'role-arn': ROLE,
  'connection-arn': CONNECTION,
  'poll-interval-seconds': '0.05',
  tags: 'team=web\ncost-center=1234',
}
const WRITES = ['CreatePipeline', 'UpdatePipeline', 'TagResource', 'UntagResource', 'StartPipelineExecution']

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator({
    // Emulator time runs 200× real time: the dist process waits in real time.
    clock: { speed: 200 },
    scenario: 'create-pipeline',
  })
})
afterAll(() => emulator.stop())

async function step(inputs: Record<string, string> = {}): Promise<RunResult & { calls: string[] }> {
  const from = emulator.log.entries.length
  const result = await runAction({ inputs: { ...INPUTS, ...inputs }, env: { ...emulator.env } })
  const calls = emulator.log.entries
    .slice(from)
    .filter((e) => e.service === 'codepipeline')
    .map((e) => e.operation)
  return { ...result, calls }
}

describe('create-pipeline through dist/index.js', () => {
  it('dry run on a fresh account: planned, the diff in the log and summary, nothing written', async () => {
    const run = await step({ 'dry-run': 'true' })
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ result: 'success', 'pipeline-change': 'planned', 'pipeline-name': 'shop-staging' })
    expect(run.calls).toEqual(['GetPipeline'])
    expect(run.stdout).toContain('+   configuration.ProjectName: shop-staging-build')
    expect(run.summary).toContain('Dry run')
  })

  it('creates the pipeline and adopts the execution AWS started for the commit', async () => {
    const run = await step({ 'start-execution': 'true' })
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({
      result: 'success',
      'pipeline-name': 'shop-staging',
      'pipeline-version': '1',
      'pipeline-change': 'created',
    })
    expect(run.outputs['execution-id']).toMatch(/^[0-9a-f-]{36}$/)
    expect(run.calls.slice(0, 2)).toEqual(['GetPipeline', 'CreatePipeline'])
    expect(run.calls).not.toContain('StartPipelineExecution')
    const report = JSON.parse(run.outputs.report) as { details: { adoptedExecution?: boolean } }
    expect(report.details.adoptedExecution).toBe(true)
  })

  it('a second identical run makes zero write calls', async () => {
    const run = await step()
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ 'pipeline-change': 'unchanged', 'pipeline-version': '1' })
    expect(run.calls).toEqual(['GetPipeline', 'ListTagsForResource'])
    expect(run.calls.filter((c) => WRITES.includes(c))).toEqual([])
  })

  it('a changed input updates (after the running execution ended) and starts the commit pinned', async () => {
    const run = await step({ 'execution-mode': 'QUEUED', 'start-execution': 'true', version: 'v2.0.0' })
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ 'pipeline-change': 'updated', 'pipeline-version': '2' })
    expect(run.calls.filter((c) => WRITES.includes(c))).toEqual(['UpdatePipeline', 'StartPipelineExecution'])
    const start = emulator.log.where({ operation: 'StartPipelineExecution' }).at(-1)!.params as Record<string, unknown>
    expect(start).toMatchObject({
      variables: [{ name: 'VERSION', value: 'v2.0.0' }],
      sourceRevisions: [{ actionName: 'Source', revisionType: 'COMMIT_ID', revisionValue: TEST_SHA }],
    })
    expect(run.outputs['execution-id']).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('start-execution with wait follows the execution to its end', async () => {
    const run = await step({ 'execution-mode': 'QUEUED', 'start-execution': 'true', wait: 'true', version: 'v2.0.1' })
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ result: 'success', 'pipeline-change': 'unchanged', 'execution-status': 'Succeeded' })
    expect(run.calls.filter((c) => WRITES.includes(c))).toEqual(['StartPipelineExecution'])
    expect(run.calls).toContain('GetPipelineExecution')
  })

  it('access denied: one ::error line naming the call, AWS message and the IAM action to allow', async () => {
    emulator.setFaults({ rules: [{ service: 'codepipeline', operation: 'UpdatePipeline', deny: true }] })
    try {
      const run = await step({ 'build-project': 'shop-staging-build-v3' })
      expect(run.exitCode).toBe(1)
      expect(run.outputs.result).toBe('failure')
      const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error'))
      expect(errors).toHaveLength(1)
      expect(errors[0]).toMatch(
        /^::error::Pipeline "shop-staging": UpdatePipeline was denied — AccessDeniedException: User: \S+ is not authorized to perform: codepipeline:UpdatePipeline .* Allow codepipeline:UpdatePipeline and iam:PassRole on arn:aws:iam::123456789012:role\/pipeline-role for the credentials this step uses\.$/,
      )
    } finally {
      emulator.setFaults(undefined)
    }
  })

  it('a value AWS would reject: one ::error line naming it, before any call', async () => {
    const run = await step({ 'artifact-bucket': 'x' })
    expect(run.exitCode).toBe(1)
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error'))
    expect(errors).toHaveLength(1)
    // Refused as an input (issue 11: checked against S3's rules in config), no longer by the declaration.
    expect(errors[0]).toContain('Input "artifact-bucket"')
    expect(errors[0]).toContain('which S3 refuses')
    expect(run.calls).toEqual([])
  })
})
