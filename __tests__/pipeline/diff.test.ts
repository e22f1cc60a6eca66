// The readable diff: grouped by stage/action, `-` old then `+` new, nothing for unchanged settings.
import { describe, expect, it } from '@jest/globals'
import { diffLines, tagDiffLines } from '../../src/pipeline/diff.js'

const pipeline = (project: string, extra: Record<string, unknown> = {}) => ({
  name: 'p',
  executionMode: 'SUPERSEDED',
  stages: [
    {
      name: 'Source',
      actions: [{ name: 'Source', runOrder: 1, outputArtifacts: [{ name: 'SourceArtifact' }] }],
    },
    {
      name: 'Build',
      actions: [
        {
          name: 'Build',
          runOrder: 1,
          configuration: { ProjectName: project },
          inputArtifacts: [{ name: 'SourceArtifact' }],
        },
      ],
    },
  ],
  ...extra,
})

const approval = (topic: string, link?: string) => ({
  name: 'Approval',
  actions: [
    {
      name: 'Approval',
      actionTypeId: { category: 'Approval', owner: 'AWS', provider: 'Manual', version: '1' },
      configuration: { NotificationArn: topic, ...(link ? { ExternalEntityLink: link } : {}) },
    },
  ],
})

describe('diffLines', () => {
  it('never shows a credential from a pipeline-definition (a GitHub v1 OAuthToken)', () => {
    const source = {
      name: 'Source',
      actions: [
        {
          name: 'Source',
          configuration: { Owner: 'o', Repo: 'r', OAuthToken: 'ghp_v3ryS3cr3t', Branch: 'main' },
        },
      ],
    }
    const lines = diffLines(undefined, { stages: [source] })
    expect(lines.join('\n')).not.toContain('ghp_v3ryS3cr3t')
    expect(lines).toContain('+   configuration.OAuthToken: ****')
    expect(lines).toContain('+   configuration.Branch: main')
  })

  it.each([
    { name: 'nothing changed', current: pipeline('a'), desired: pipeline('a'), lines: [] },
    {
      name: 'one setting changed',
      current: pipeline('a'),
      desired: pipeline('b'),
      lines: [
        '  stage Build › action Build',
        '-   configuration.ProjectName: a',
        '+   configuration.ProjectName: b',
      ],
    },
    {
      name: 'a top-level field changed',
      current: pipeline('a'),
      desired: pipeline('a', { executionMode: 'QUEUED' }),
      lines: ['  pipeline', '-   executionMode: SUPERSEDED', '+   executionMode: QUEUED'],
    },
    {
      name: 'a field removed',
      current: pipeline('a', { variables: [{ name: 'VERSION', defaultValue: 'auto' }] }),
      desired: pipeline('a'),
      lines: [
        '  pipeline',
        '-   variables[VERSION].name: VERSION',
        '-   variables[VERSION].defaultValue: auto',
      ],
    },
    {
      name: "a stage's onFailure added (rollback on failure)",
      current: pipeline('a'),
      desired: {
        ...pipeline('a'),
        stages: pipeline('a').stages.map((s) =>
          s.name === 'Build' ? { ...s, onFailure: { result: 'ROLLBACK' } } : s,
        ),
      },
      lines: ['  stage Build', '+   onFailure.result: ROLLBACK'],
    },
    {
      name: 'an approval stage added, then its topic changed',
      current: pipeline('a', { stages: [...pipeline('a').stages, approval('t1')] }),
      desired: pipeline('a', { stages: [...pipeline('a').stages, approval('t2', 'https://x.example.com')] }),
      lines: [
        '  stage Approval › action Approval',
        '-   configuration.NotificationArn: t1',
        '+   configuration.NotificationArn: t2',
        '+   configuration.ExternalEntityLink: https://x.example.com',
      ],
    },
  ])('$name', ({ current, desired, lines }) => {
    expect(diffLines(current, desired)).toEqual(lines)
  })

  it('shows everything as added for a new pipeline, artifact lists on one line', () => {
    const lines = diffLines(undefined, pipeline('a'))
    expect(lines.every((l) => l.startsWith('+') || l.startsWith('  '))).toBe(true)
    expect(lines).toContain('+   inputArtifacts: ["SourceArtifact"]')
    expect(lines).toContain('  stage Build › action Build')
  })
})

describe('tagDiffLines', () => {
  it('shows added, changed and removed tags', () => {
    expect(
      tagDiffLines({ set: { team: 'web', env: 'prod' }, remove: ['old'], current: { env: 'dev', old: 'x' } }),
    ).toEqual(['  tags', '+   team: web', '-   env: dev', '+   env: prod', '-   old: x'])
  })
  it('is empty without changes', () => {
    expect(tagDiffLines({ set: {}, remove: [], current: { a: 'b' } })).toEqual([])
  })
})
