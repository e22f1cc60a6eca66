// create-pipeline end to end in-process: the real SDK over HTTP against the emulator, on its manual clock.
// Asserts on the emulator's request log: which calls each path makes, and that no write happens when none
// is due.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  CodePipelineClient,
  GetPipelineCommand,
  GetPipelineExecutionCommand,
  ListPipelineExecutionsCommand,
} from '@aws-sdk/client-codepipeline'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { loadScenario } from '../../emulator/core/scenario.js'
import { run } from '../../src/pipeline/run.js'
import { toOutputs } from '../../src/report/outputs.js'
import type { CreatePipelineDetails, StepResult } from '../../src/result.js'
import { createPipelineConfig, TEST_ENV } from '../helpers/config.js'
import { CONNECTION, PIPELINE_INPUTS, ROLE } from '../fixtures/inputs.js'
import { emulatorDeps } from '../helpers/deps.js'
import { firstOf, must } from '../helpers/must.js'

const SHA = TEST_ENV.GITHUB_SHA
const OTHER_SHA = 'fedcba9876543210fedcba9876543210fedcba98'
const WRITES = [
  'CreatePipeline',
  'UpdatePipeline',
  'TagResource',
  'UntagResource',
  'StartPipelineExecution',
  'StopPipelineExecution',
]

/** emulator/scenarios/create-pipeline.yaml: the staging branch's head is SHA; the ECS service exists. */
const scenario = (head = SHA) => {
  const s = loadScenario('create-pipeline')
  return {
    ...s,
    repositories: { 'octo-org/shop': { staging: [{ sha: head, message: 'Release', at: -600 }] } },
  }
}

let emulator: Emulator
beforeEach(async () => {
  emulator = await startEmulator({ scenario: scenario(), clock: 'manual', start: '2026-03-02T10:00:00Z' })
})
afterEach(() => emulator.stop())

async function restart(head: string): Promise<void> {
  await emulator.stop()
  emulator = await startEmulator({ scenario: scenario(head), clock: 'manual', start: '2026-03-02T10:00:00Z' })
}

async function runWith(
  inputs: Record<string, string> = {},
  opts: { maxAttempts?: number } = {},
): Promise<StepResult & { details: CreatePipelineDetails; logLines: string[]; calls: string[] }> {
  const deps = await emulatorDeps(emulator, opts)
  const from = emulator.log.entries.length
  // Definition files are written under the temp directory: it is the workspace they must stay inside.
  const result = await run(
    createPipelineConfig({ ...PIPELINE_INPUTS, ...inputs }, { GITHUB_WORKSPACE: tmpdir() }),
    deps,
  )
  const calls = emulator.log.entries
    .slice(from)
    .filter((e) => e.service === 'codepipeline')
    .map((e) => e.operation)
  return { ...result, details: result.details as CreatePipelineDetails, logLines: deps.log.lines, calls }
}

const writesIn = (calls: string[]) => calls.filter((c) => WRITES.includes(c))

async function stored(name = 'shop-staging') {
  const cp = new CodePipelineClient({
    endpoint: emulator.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
  })
  return cp.send(new GetPipelineCommand({ name }))
}

describe('create, unchanged, update', () => {
  it('creates the pipeline, then a second identical run makes no write call', async () => {
    const first = await runWith()
    expect(first.verdict).toBe('success')
    expect(first.details).toMatchObject({
      change: 'created',
      pipelineVersion: 1,
      pipelineName: 'shop-staging',
    })
    expect(first.calls).toEqual(['GetPipeline', 'CreatePipeline'])
    expect(first.details.diff).toContain('+   configuration.ProjectName: shop-staging-build')
    expect(first.details.stages.map((s) => s.name)).toEqual(['Source', 'Build', 'Test', 'Deploy'])
    expect(first.reason).toBe('Pipeline "shop-staging" created (version 1).')

    const again = await runWith()
    expect(again.verdict).toBe('success')
    expect(again.details).toMatchObject({ change: 'unchanged', pipelineVersion: 1, diff: [] })
    expect(writesIn(again.calls)).toEqual([])
    expect(again.calls).toEqual(['GetPipeline'])
  })

  it('updates a changed input, sending the current version, and shows the diff', async () => {
    await runWith()
    emulator.clock.advance(3_600_000) // the first execution has long ended
    const changed = await runWith({ 'build-project': 'shop-staging-build-v2' })
    expect(changed.verdict).toBe('success')
    expect(changed.details).toMatchObject({ change: 'updated', pipelineVersion: 2 })
    expect(changed.details.diff).toEqual([
      '  stage Build › action Build',
      '-   configuration.ProjectName: shop-staging-build',
      '+   configuration.ProjectName: shop-staging-build-v2',
    ])
    expect(changed.calls).toEqual(['GetPipeline', 'ListPipelineExecutions', 'UpdatePipeline'])
    expect(
      (
        firstOf(emulator.log.where({ operation: 'UpdatePipeline' })).params as {
          pipeline: { version: number }
        }
      ).pipeline.version,
    ).toBe(1)
    expect((await stored()).pipeline?.stages?.[1]?.actions?.[0]?.configuration?.ProjectName).toBe(
      'shop-staging-build-v2',
    )
    expect((await runWith({ 'build-project': 'shop-staging-build-v2' })).details.change).toBe('unchanged')
  })

  it('a dry run reads, shows the plan and writes nothing', async () => {
    const fresh = await runWith({ 'dry-run': 'true', 'start-execution': 'true' })
    expect(fresh.verdict).toBe('success')
    expect(fresh.details.change).toBe('planned')
    expect(fresh.calls).toEqual(['GetPipeline'])
    expect(fresh.details.diff.length).toBeGreaterThan(10)
    expect(fresh.logLines).toContain('+   configuration.ProjectName: shop-staging-build')
    expect(fresh.reason).toMatch(/^Dry run: pipeline "shop-staging" would be created \(see the diff\)/)
    expect(fresh.details.notes.join(' ')).toContain(
      'would start an execution of 0123456 with VERSION=0123456',
    )

    await runWith()
    const changed = await runWith({ 'dry-run': 'true', 'execution-mode': 'QUEUED' })
    expect(changed.details.change).toBe('planned')
    expect(changed.details.diff).toEqual([
      '  pipeline',
      '-   executionMode: SUPERSEDED',
      '+   executionMode: QUEUED',
    ])
    expect(writesIn(changed.calls)).toEqual([])
    // AWS's first execution is still running: a real run would wait for it, and the dry run says so.
    expect(changed.details.notes.join(' ')).toMatch(/is running: a real run would wait/)
    expect((await stored()).pipeline?.executionMode).toBe('SUPERSEDED')
  })
})

describe('access denied', () => {
  it.each([
    [
      'CreatePipeline',
      {},
      'Allow codepipeline:CreatePipeline and iam:PassRole on arn:aws:iam::123456789012:role/pipeline-role for the credentials this step uses.',
    ],
    ['GetPipeline', {}, 'Allow codepipeline:GetPipeline for the credentials this step uses.'],
    [
      'StartPipelineExecution',
      { 'start-execution': 'true', version: 'v9' },
      'Allow codepipeline:StartPipelineExecution for the credentials this step uses.',
    ],
  ])(
    '%s denied: names the call, AWS message and the IAM action to allow',
    async (operation, inputs, advice) => {
      emulator.setFaults({ rules: [{ service: 'codepipeline', operation, deny: true }] })
      const result = await runWith(inputs)
      expect(result.verdict).toBe('failure')
      expect(result.reason).toMatch(
        new RegExp(
          `^Pipeline "shop-staging": ${operation} was denied — AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/\\S+ is not authorized to perform: codepipeline:${operation}`,
        ),
      )
      expect(result.reason.endsWith(advice)).toBe(true)
      // A refusal the user must fix (allow the action) is a failed setup, not "could not be verified".
      expect(result.unverified).toBeUndefined()
      // Not retried: an access denial is a client error.
      expect(emulator.log.where({ operation }).length).toBe(1)
    },
  )
})

describe('an update while an execution runs', () => {
  it('waits for the execution to end, says so, then updates', async () => {
    await runWith() // AWS starts the first execution on create
    const cp = new CodePipelineClient({
      endpoint: emulator.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    })
    const first = (await runWith({ 'dry-run': 'true' })).details // no-op read, keeps the clock
    expect(first.change).toBe('planned')
    const before = emulator.clock.now()
    const updated = await runWith({ 'test-project': 'shop-staging-test-v2', 'poll-interval-seconds': '15' })
    expect(updated.verdict).toBe('success')
    expect(updated.details.change).toBe('updated')
    expect(updated.details.notes.join(' ')).toMatch(
      /^Waited [\d.]+ min for execution [0-9a-f-]{36} to end before updating/,
    )
    expect(
      updated.logLines.some((l) =>
        /^Waiting for execution [0-9a-f-]{36} \(InProgress, commit 0123456\) to end before UpdatePipeline/.test(
          l,
        ),
      ),
    ).toBe(true)
    expect(emulator.clock.now()).toBeGreaterThan(before)
    // The execution was not cancelled by the update: it ended on its own.
    const executionId = must(
      /execution ([0-9a-f-]{36})/.exec(firstOf(updated.details.notes))?.[1],
      'an execution id in the note',
    )
    const e = await cp.send(
      new GetPipelineExecutionCommand({ pipelineName: 'shop-staging', pipelineExecutionId: executionId }),
    )
    expect(e.pipelineExecution?.status).not.toBe('Cancelled')
    expect(e.pipelineExecution?.status).not.toBe('InProgress')
    const update = firstOf(emulator.log.where({ operation: 'UpdatePipeline' }))
    const lists = emulator.log
      .where({ operation: 'ListPipelineExecutions' })
      .filter((x) => x.time <= update.time)
    expect(lists.length).toBeGreaterThan(1)
  })

  it('under 50 % throttling that outlives the SDK retries, still waits for the execution and updates', async () => {
    await runWith() // AWS starts the first execution on create
    emulator.setFaults({
      seed: 3,
      rules: [{ service: 'codepipeline', operation: 'ListPipelineExecutions', throttleRate: 0.5 }],
    })
    // One SDK attempt per call: every throttle reaches the wait loop.
    const updated = await runWith(
      { 'test-project': 'shop-staging-test-v2', 'poll-interval-seconds': '15' },
      { maxAttempts: 1 },
    )
    expect(updated.reason).not.toMatch(/Throttling/)
    expect(updated.verdict).toBe('success')
    expect(updated.details.change).toBe('updated')
    expect(updated.details.notes.join(' ')).toMatch(/^Waited [\d.]+ min for execution/)
    const lists = emulator.log.where({ operation: 'ListPipelineExecutions' })
    expect(lists.filter((x) => x.status === 400).length).toBeGreaterThan(0)
    expect(
      updated.logLines.some((l) =>
        /ListPipelineExecutions failed — ThrottlingException.*backing off/.test(l),
      ),
    ).toBe(true)
  })

  it('on timeout fails without updating and names the running execution', async () => {
    await runWith()
    const result = await runWith({
      'build-project': 'other',
      'timeout-minutes': '0.5',
      'poll-interval-seconds': '10',
    })
    expect(result.verdict).toBe('failure')
    expect(result.reason).toMatch(
      /^Pipeline "shop-staging" was not updated: execution [0-9a-f-]{36} was still InProgress when timeout-minutes ran out, after 0.5 min \(30 s\); an update would have cancelled it\./,
    )
    expect(writesIn(result.calls)).toEqual([])
    expect((await stored()).pipeline?.version).toBe(1)
    // Refused, not unchanged: the change is not determined, and the diff is kept for "not applied".
    expect(result.details.change).toBeUndefined()
    expect(result.details.diff.length).toBeGreaterThan(0)
  })

  it('right after a fresh create, a changed input with a 3-second timeout is refused: change undetermined', async () => {
    await runWith()
    const result = await runWith({ 'execution-mode': 'QUEUED', 'timeout-minutes': '0.05' })
    expect(result.verdict).toBe('failure')
    expect(result.reason).toContain('when timeout-minutes ran out, after 0.05 min (3 s);')
    expect(writesIn(result.calls)).toEqual([])
    expect(result.details.change).toBeUndefined()
    expect(toOutputs(result, false)['pipeline-change']).toBeUndefined()
  })
})

describe('start-execution', () => {
  it('pins the commit, passes VERSION and a client token, and reports the execution', async () => {
    await runWith({ 'source-trigger': 'none' })
    emulator.clock.advance(3_600_000)
    const result = await runWith({
      'source-trigger': 'none',
      'start-execution': 'true',
      version: 'v1.2.3',
      'commit-sha': OTHER_SHA,
    })
    expect(result.verdict).toBe('success')
    expect(result.calls).toEqual(['GetPipeline', 'StartPipelineExecution'])
    const start = firstOf(emulator.log.where({ operation: 'StartPipelineExecution' })).params as Record<
      string,
      unknown
    >
    expect(start).toMatchObject({
      name: 'shop-staging',
      variables: [{ name: 'VERSION', value: 'v1.2.3' }],
      sourceRevisions: [{ actionName: 'Source', revisionType: 'COMMIT_ID', revisionValue: OTHER_SHA }],
    })
    expect(start.clientRequestToken).toMatch(/^gha-4242-1-[0-9a-f]{64}$/)
    const id = result.details.execution!.id
    expect(result.details.execution).toMatchObject({
      status: 'InProgress',
      commit: OTHER_SHA,
      version: 'v1.2.3',
    })
    expect(result.details.execution!.url).toContain(`/executions/${id}/timeline?region=us-east-1`)
    expect(result.reason).toBe(
      `Pipeline "shop-staging" unchanged (version 1); execution ${id} of fedcba9 started.`,
    )
    emulator.clock.advance(30_000) // the Source action reports the revision it fetched
    const cp = new CodePipelineClient({
      endpoint: emulator.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    })
    const e = (
      await cp.send(
        new GetPipelineExecutionCommand({ pipelineName: 'shop-staging', pipelineExecutionId: id }),
      )
    ).pipelineExecution
    expect(e?.artifactRevisions?.[0]?.revisionId).toBe(OTHER_SHA)
    expect(e?.variables).toEqual([{ name: 'VERSION', resolvedValue: 'v1.2.3' }])
  })

  it('the same start sent again (a retry) does not start a second execution', async () => {
    await runWith({ 'source-trigger': 'none' })
    emulator.clock.advance(3_600_000)
    const inputs = { 'source-trigger': 'none', 'start-execution': 'true' }
    const first = await runWith(inputs)
    // The same start again within the same run attempt (as when an answer was lost and the call re-sent):
    // the same clientRequestToken, so AWS answers with the execution it already started.
    const second = await runWith(inputs)
    expect(second.details.execution!.id).toBe(first.details.execution!.id)
    const starts = emulator.log
      .where({ operation: 'StartPipelineExecution' })
      .map((e) => (e.params as { clientRequestToken: string }).clientRequestToken)
    expect(new Set(starts).size).toBe(1)
    const cp = new CodePipelineClient({
      endpoint: emulator.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    })
    const all = await cp.send(new ListPipelineExecutionsCommand({ pipelineName: 'shop-staging' }))
    expect(
      all.pipelineExecutionSummaries!.filter((e) => e.trigger?.triggerType === 'StartPipelineExecution'),
    ).toHaveLength(1)
  })

  it('adopts AWS first execution after a fresh create when it builds the commit', async () => {
    const result = await runWith({ 'start-execution': 'true' })
    expect(result.verdict).toBe('success')
    expect(result.details.adoptedExecution).toBe(true)
    expect(result.calls.filter((c) => c === 'StartPipelineExecution')).toEqual([])
    expect(result.calls[0]).toBe('GetPipeline')
    expect(result.calls[1]).toBe('CreatePipeline')
    expect(result.details.notes.join(' ')).toMatch(
      /^Adopted execution [0-9a-f-]{36}, which AWS started on create/,
    )
    expect(result.reason).toMatch(/created \(version 1\); execution [0-9a-f-]{36} of 0123456 adopted\.$/)
  })

  it('starts its own execution after a create when AWS first one builds another commit', async () => {
    await restart(OTHER_SHA)
    const result = await runWith({ 'start-execution': 'true' })
    expect(result.details.adoptedExecution).toBeUndefined()
    expect(result.calls.filter((c) => c === 'StartPipelineExecution')).toHaveLength(1)
    expect(result.details.notes.join(' ')).toMatch(
      /builds fedcba9, not 0123456; started a new execution for 0123456/,
    )
  })

  it('does not adopt when an explicit version differs from what the first execution builds', async () => {
    const result = await runWith({ 'start-execution': 'true', version: 'v9' })
    expect(result.details.adoptedExecution).toBeUndefined()
  })

  it('with wait follows the execution to its end', async () => {
    const result = await runWith({ 'source-trigger': 'none', 'start-execution': 'true', wait: 'true' })
    expect(result.details.execution?.status).toBe('Succeeded')
    expect(result.verdict).toBe('success')
    expect(result.reason).toMatch(/^Pipeline "shop-staging" created \(version 1\); /)
  })
})

describe('pipeline-definition', () => {
  const definition = {
    roleArn: ROLE,
    pipelineType: 'V2',
    artifactStore: { type: 'S3', location: 'custom-artifacts' },
    stages: [
      {
        name: 'Checkout',
        actions: [
          {
            name: 'App',
            actionTypeId: {
              category: 'Source',
              owner: 'AWS',
              provider: 'CodeStarSourceConnection',
              version: '1',
            },
            configuration: {
              ConnectionArn: CONNECTION,
              FullRepositoryId: 'octo-org/shop',
              BranchName: 'staging',
              DetectChanges: 'false',
            },
            outputArtifacts: [{ name: 'Src' }],
          },
        ],
      },
      {
        name: 'Ship',
        actions: [
          {
            name: 'Deploy',
            actionTypeId: { category: 'Deploy', owner: 'AWS', provider: 'ECS', version: '1' },
            configuration: { ClusterName: 'shop-staging', ServiceName: 'shop' },
            inputArtifacts: [{ name: 'Src' }],
          },
        ],
      },
    ],
  }
  const dir = mkdtempSync(join(tmpdir(), 'definition-'))
  const yaml = (d: unknown) => JSON.stringify(d, null, 2).replace(/"([^"]+)":/g, '$1:') // JSON is YAML

  it.each([
    ['JSON', 'pipeline.json', JSON.stringify({ pipeline: { ...definition, version: 3 }, metadata: {} })],
    ['YAML', 'pipeline.yaml', yaml(definition)],
  ])(
    '%s: creates from the file, names it after pipeline-name, then is unchanged',
    async (_kind, file, text) => {
      writeFileSync(join(dir, file), text)
      const inputs = {
        'pipeline-definition': join(dir, file),
        'pipeline-name': `from-${file.replace('.', '-')}`,
      }
      const first = await runWith(inputs)
      expect(first.verdict).toBe('success')
      expect(first.details.change).toBe('created')
      expect(first.details.stages.map((s) => s.name)).toEqual(['Checkout', 'Ship'])
      const p = (await stored(inputs['pipeline-name'])).pipeline
      expect(p?.artifactStore?.location).toBe('custom-artifacts')
      expect(p?.roleArn).toBe(ROLE)
      const again = await runWith(inputs)
      expect(again.details.change).toBe('unchanged')
      expect(writesIn(again.calls)).toEqual([])
    },
  )

  it('a V2 definition without triggers: the push trigger AWS adds by itself is not a difference', async () => {
    const withDetection = structuredClone(definition)
    delete (
      must(withDetection.stages[0]?.actions[0], 'the source action').configuration as {
        DetectChanges?: string
      }
    ).DetectChanges
    writeFileSync(join(dir, 'detect.yaml'), yaml(withDetection))
    const inputs = { 'pipeline-definition': join(dir, 'detect.yaml'), 'pipeline-name': 'detect' }
    expect((await runWith(inputs)).details.change).toBe('created')
    // AWS returns a trigger that was never sent: push on the source's branch.
    expect((await stored('detect')).pipeline?.triggers).toEqual([
      {
        providerType: 'CodeStarSourceConnection',
        gitConfiguration: { sourceActionName: 'App', push: [{ branches: { includes: ['staging'] } }] },
      },
    ])
    const again = await runWith(inputs)
    expect(again.details.change).toBe('unchanged')
    expect(writesIn(again.calls)).toEqual([])
  })

  it('reports AWS rejecting the file in one line naming the file', async () => {
    const bad = structuredClone(definition)
    ;(
      must(bad.stages[1]?.actions[0], 'the deploy action') as { inputArtifacts?: { name: string }[] }
    ).inputArtifacts = [{ name: 'Missing' }]
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad))
    const result = await runWith({ 'pipeline-definition': join(dir, 'bad.json') })
    expect(result.verdict).toBe('failure')
    expect(result.reason).toBe(
      `Pipeline "shop-staging": CreatePipeline was rejected by AWS — InvalidStructureException: Input artifact 'Missing' of action 'Deploy' in stage 'Ship' is not the output artifact of any preceding action. Fix the declaration in ${join(dir, 'bad.json')}.`,
    )
    expect(result.unverified).toBeUndefined()
  })
})

describe('AWS rejections', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rejections-'))
  const source = {
    name: 'Source',
    actions: [
      {
        name: 'Source',
        actionTypeId: {
          category: 'Source',
          owner: 'AWS',
          provider: 'CodeStarSourceConnection',
          version: '1',
        },
        configuration: {
          ConnectionArn: CONNECTION,
          FullRepositoryId: 'octo-org/shop',
          BranchName: 'staging',
        },
        outputArtifacts: [{ name: 'Src' }],
      },
    ],
  }
  const deploy = (extra: Record<string, unknown> = {}) => ({
    name: 'Deploy',
    actionTypeId: { category: 'Deploy', owner: 'AWS', provider: 'ECS', version: '1' },
    configuration: { ClusterName: 'c', ServiceName: 's' },
    inputArtifacts: [{ name: 'Src' }],
    ...extra,
  })
  const cases: [string, unknown, RegExp][] = [
    [
      'InvalidActionDeclarationException',
      {
        roleArn: ROLE,
        artifactStore: { type: 'S3', location: 'bucket' },
        stages: [source, { name: 'Deploy', actions: [deploy({ configuration: { ClusterName: 'c' } })] }],
      },
      /^Pipeline "shop-staging": CreatePipeline was rejected by AWS — InvalidActionDeclarationException: .*ServiceName.*Fix the declaration in /,
    ],
    [
      'InvalidStageDeclarationException',
      {
        roleArn: ROLE,
        artifactStore: { type: 'S3', location: 'bucket' },
        stages: [source, { name: 'Deploy', actions: [deploy(), deploy()] }],
      },
      /^Pipeline "shop-staging": CreatePipeline was rejected by AWS — InvalidStageDeclarationException: Stage 'Deploy' has more than one action named 'Deploy'\./,
    ],
    [
      'InvalidStructureException',
      {
        roleArn: ROLE,
        artifactStore: { type: 'S3', location: 'bucket' },
        artifactStores: { 'us-east-1': { type: 'S3', location: 'bucket' } },
        stages: [source, { name: 'Deploy', actions: [deploy()] }],
      },
      /^Pipeline "shop-staging": CreatePipeline was rejected by AWS — InvalidStructureException: Pipeline cannot have both artifactStore and artifactStores/,
    ],
    [
      'LimitExceededException',
      {
        roleArn: ROLE,
        artifactStore: { type: 'S3', location: 'bucket' },
        stages: [
          source,
          ...Array.from({ length: 11 }, (_, i) => ({
            name: `D${i}`,
            actions: Array.from({ length: 50 }, (_, j) => deploy({ name: `A${j}` })),
          })),
        ],
      },
      /^Pipeline "shop-staging": CreatePipeline failed — LimitExceededException: Pipeline has 551 actions; the maximum is 500\. An AWS quota was reached/,
    ],
  ]
  it.each(cases)('%s', async (_code, declaration, expected) => {
    writeFileSync(join(dir, 'p.json'), JSON.stringify(declaration))
    const result = await runWith({ 'pipeline-definition': join(dir, 'p.json'), 'max-attempts': '1' })
    expect(result.verdict).toBe('failure')
    expect(result.reason).toMatch(expected)
    expect(result.reason).not.toContain('\n')
  })

  it('a value over AWS limits is named before any call', async () => {
    // config/read.ts refuses such a branch input itself; this is the declaration's own backstop.
    const deps = await emulatorDeps(emulator, {})
    const from = emulator.log.entries.length
    const config = createPipelineConfig(PIPELINE_INPUTS)
    const result = await run({ ...config, branch: 'b'.repeat(1001) }, deps)
    expect(result.verdict).toBe('failure')
    expect(result.reason).toContain(
      'Source › Source: configuration BranchName is 1001 characters; AWS allows at most 1000',
    )
    expect(emulator.log.entries.slice(from).filter((e) => e.service === 'codepipeline')).toEqual([])
  })
})

describe('reads that meet a hostile network (issue 11)', () => {
  it.each([
    ["a proxy's 502 page", { htmlRate: 1, htmlStatus: 502 as const }],
    ["a captive portal's 200 page", { htmlRate: 1 }],
    ['truncated JSON', { malformedRate: 1 }],
    ['a reset mid-body', { resetRate: 1 }],
  ])('%s on the first reads of the pipeline: waited out, then created', async (_, fault) => {
    emulator.setFaults({ rules: [{ operation: 'GetPipeline', firstCalls: 4, ...fault }] })
    const result = await runWith({}, { maxAttempts: 1 })
    expect(result.verdict).toBe('success')
    expect(result.details.change).toBe('created')
    expect(result.calls.filter((c) => c === 'GetPipeline').length).toBeGreaterThanOrEqual(5)
  })

  it('a pipeline that never reads until the deadline: "could not be verified", nothing written, no SDK hint', async () => {
    emulator.setFaults({ rules: [{ operation: 'GetPipeline', htmlRate: 1 }] })
    const result = await runWith({ 'timeout-minutes': '1' }, { maxAttempts: 1 })
    expect(result.verdict).toBe('failure')
    expect(result.reason).toBe(
      'Pipeline "shop-staging": codepipeline:GetPipeline: AWS answered with something that is not a valid response (HTTP 200, text/html) — could not be verified',
    )
    expect(writesIn(result.calls)).toEqual([])
    expect(result.unverified).toBe(true)
    expect(result.logLines.join('\n')).not.toMatch(/Deserialization error|\$response|SyntaxError/)
  })

  it('a dry run waits out a truncated listing of the running executions', async () => {
    await runWith()
    emulator.setFaults({ rules: [{ operation: 'ListPipelineExecutions', malformedRate: 1, firstCalls: 2 }] })
    const changed = await runWith({ 'dry-run': 'true', 'execution-mode': 'QUEUED' }, { maxAttempts: 1 })
    expect(changed.verdict).toBe('success')
    expect(changed.details.notes.join(' ')).toMatch(/is running: a real run would wait/)
  })
})

describe('a failure still reports what the step had done', () => {
  it('the declaration updated, then the tags refused: reported as updated, with the new version', async () => {
    await runWith({ 'source-trigger': 'none', tags: 'team=web' })
    emulator.setFaults({ rules: [{ service: 'codepipeline', operation: 'TagResource', deny: true }] })
    const result = await runWith({ 'source-trigger': 'none', 'build-project': 'other', tags: 'team=ops' })
    expect(result.verdict).toBe('failure')
    expect(result.reason).toMatch(/^Pipeline "shop-staging": TagResource was denied/)
    expect(result.details).toMatchObject({ change: 'updated', pipelineVersion: 2 })
    expect(result.details.notes.join(' ')).not.toMatch(/Only the tags changed/)
    expect(result.details.diff.length).toBeGreaterThan(0)
  })

  it('only the tags refused: the change stays undetermined and nothing says only the tags changed', async () => {
    await runWith({ 'source-trigger': 'none', tags: 'team=web' })
    emulator.setFaults({ rules: [{ service: 'codepipeline', operation: 'TagResource', deny: true }] })
    const result = await runWith({ 'source-trigger': 'none', tags: 'team=ops' })
    expect(result.verdict).toBe('failure')
    expect(result.details).toMatchObject({ change: undefined, pipelineVersion: 1 })
    expect(result.details.notes.join(' ')).not.toMatch(/Only the tags changed/)
  })

  it('waited for an execution, then the update refused: the wait is still said', async () => {
    await runWith() // AWS starts the first execution on create
    emulator.setFaults({ rules: [{ service: 'codepipeline', operation: 'UpdatePipeline', deny: true }] })
    const result = await runWith({ 'test-project': 'shop-staging-test-v2', 'poll-interval-seconds': '15' })
    expect(result.verdict).toBe('failure')
    expect(result.reason).toMatch(/^Pipeline "shop-staging": UpdatePipeline was denied/)
    expect(result.details.change).toBeUndefined()
    expect(result.details.notes.join(' ')).toMatch(/^Waited [\d.]+ min for execution/)
  })

  it('created, then the start refused: reported as created, with no execution', async () => {
    emulator.setFaults({
      rules: [{ service: 'codepipeline', operation: 'StartPipelineExecution', deny: true }],
    })
    // AWS's first execution builds VERSION=auto, not v9: the step starts its own, which is refused.
    const result = await runWith({ 'start-execution': 'true', version: 'v9' })
    expect(result.verdict).toBe('failure')
    expect(result.reason).toMatch(/^Pipeline "shop-staging": StartPipelineExecution was denied/)
    expect(result.details).toMatchObject({ change: 'created', pipelineVersion: 1 })
    expect(result.details.execution).toBeUndefined()
  })
})
