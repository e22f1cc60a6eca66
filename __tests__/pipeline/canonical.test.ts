// What counts as "the same pipeline": AWS's additions, defaults and masks are ignored; real changes are not.
import { describe, expect, it } from '@jest/globals'
import type { PipelineDeclaration } from '@aws-sdk/client-codepipeline'
import { canonical, pruneEmpty, sameDeclaration } from '../../src/pipeline/canonical.js'
import { desiredPipeline } from '../../src/pipeline/definition.js'
import { createPipelineConfig } from '../helpers/config.js'
import { PIPELINE_INPUTS } from '../fixtures/inputs.js'
import { firstOf, must, nth } from '../helpers/must.js'

const TOPIC = 'arn:aws:sns:us-east-1:123456789012:shop-approvals'

const desired = (inputs: Record<string, string> = {}) =>
  desiredPipeline(createPipelineConfig({ ...PIPELINE_INPUTS, ...inputs })).declaration
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T

/** What GetPipeline returns for a declaration we sent: version, runOrder, empty lists, defaults filled in. */
function asAwsReturns(d: PipelineDeclaration): PipelineDeclaration {
  const c = clone(d)
  c.version = 3
  for (const s of c.stages!)
    for (const a of s.actions!) {
      a.runOrder ??= 1
      a.inputArtifacts ??= []
      a.outputArtifacts ??= []
      a.configuration ??= {}
    }
  return c
}

type Case = {
  name: string
  current: (d: PipelineDeclaration) => PipelineDeclaration
  want?: (d: PipelineDeclaration) => PipelineDeclaration
  same: boolean
}

const cases: Case[] = [
  { name: 'identical', current: (d) => d, same: true },
  { name: 'AWS adds version, runOrder 1, empty lists', current: asAwsReturns, same: true },
  {
    name: 'keys in another order',
    current: (d) => JSON.parse(canonical(d)) as PipelineDeclaration,
    same: true,
  },
  {
    name: 'executionMode omitted on our side means SUPERSEDED',
    want: (d) => ({ ...d, executionMode: undefined }),
    current: (d) => ({ ...d, executionMode: 'SUPERSEDED' }),
    same: true,
  },
  {
    name: 'pipelineType left to AWS',
    want: (d) => ({ ...d, pipelineType: undefined }),
    current: (d) => ({ ...d, pipelineType: 'V1' }),
    same: true,
  },
  {
    name: 'the push trigger AWS adds by itself when none is declared',
    want: (d) => ({ ...d, triggers: undefined }),
    current: (d) => d,
    same: true,
  },
  {
    name: 'a trigger AWS would not add (another branch)',
    want: (d) => ({ ...d, triggers: undefined }),
    current: (d) => {
      const c = clone(d)
      must(firstOf(firstOf(c.triggers).gitConfiguration?.push).branches, 'push branches').includes = ['main']
      return c
    },
    same: false,
  },
  {
    name: 'masked **** configuration value',
    want: (d) => withConfig(d, 'OAuthToken', 'real-secret'),
    current: (d) => withConfig(d, 'OAuthToken', '****'),
    same: true,
  },
  {
    name: 'changed build project',
    current: (d) => withConfig(d, 'ProjectName', 'other', 'Build'),
    same: false,
  },
  { name: 'changed execution mode', current: (d) => ({ ...d, executionMode: 'QUEUED' }), same: false },
  {
    name: 'changed role',
    current: (d) => ({ ...d, roleArn: 'arn:aws:iam::123456789012:role/other' }),
    same: false,
  },
  {
    name: 'extra stage',
    current: (d) => ({ ...d, stages: [...d.stages!, { name: 'Extra', actions: nth(d.stages, 3).actions }] }),
    same: false,
  },
  {
    name: 'stages in another order',
    current: (d) => ({ ...d, stages: [...d.stages!].reverse() }),
    same: false,
  },
  {
    name: 'runOrder 2 vs default 1',
    current: (d) => {
      const c = clone(d)
      nth(nth(c.stages, 2).actions, 1).runOrder = 2
      return c
    },
    same: false,
  },
  {
    name: 'DetectChanges off',
    current: (d) => withConfig(d, 'DetectChanges', 'false', 'Source'),
    same: false,
  },
]

function withConfig(
  d: PipelineDeclaration,
  key: string,
  value: string,
  stage = 'Source',
): PipelineDeclaration {
  const c = clone(d)
  const a = firstOf(
    must(
      c.stages?.find((s) => s.name === stage),
      `stage ${stage}`,
    ).actions,
  )
  a.configuration = { ...a.configuration, [key]: value }
  return c
}

describe('sameDeclaration', () => {
  it.each(cases)('$name → same: $same', ({ current, want, same }) => {
    const d = desired()
    const w = want ? want(clone(d)) : d
    expect(sameDeclaration(w, current(clone(d)))).toBe(same)
  })

  it.each<Record<string, string>>([
    { approval: 'true' },
    { approval: 'true', 'approval-sns-topic-arn': TOPIC, 'rollback-on-failure': 'true' },
  ])('with the Deploy guards %o, compares equal to itself as AWS returns it', (inputs) => {
    const d = desired(inputs)
    expect(sameDeclaration(d, asAwsReturns(d))).toBe(true)
  })

  it.each<[string, (d: PipelineDeclaration) => PipelineDeclaration]>([
    [
      'the rollback dropped',
      (d) => ({ ...d, stages: d.stages!.map((s) => ({ ...s, onFailure: undefined })) }),
    ],
    [
      'the rollback a retry',
      (d) => ({
        ...d,
        stages: d.stages!.map((s) => ({ ...s, onFailure: s.onFailure && { result: 'RETRY' } })),
      }),
    ],
    ['another topic', (d) => withConfig(d, 'NotificationArn', `${TOPIC}-2`, 'Approval')],
    ['a review URL added', (d) => withConfig(d, 'ExternalEntityLink', 'https://x.example.com', 'Approval')],
    ['no approval stage', (d) => ({ ...d, stages: d.stages!.filter((s) => s.name !== 'Approval') })],
  ])('with the Deploy guards, %s is a difference', (_name, current) => {
    const d = desired({ approval: 'true', 'approval-sns-topic-arn': TOPIC, 'rollback-on-failure': 'true' })
    expect(sameDeclaration(d, current(asAwsReturns(d)))).toBe(false)
  })

  it('source-trigger none declares no trigger and compares equal to itself as AWS returns it', () => {
    const d = desired({ 'source-trigger': 'none' })
    expect(sameDeclaration(d, asAwsReturns(d))).toBe(true)
  })
})

describe('pruneEmpty', () => {
  it('drops undefined, null, empty lists and objects, recursively', () => {
    expect(pruneEmpty({ a: undefined, b: null, c: [], d: {}, e: { f: [] }, g: [{}], h: 0, i: '' })).toEqual({
      h: 0,
      i: '',
    })
  })
})
