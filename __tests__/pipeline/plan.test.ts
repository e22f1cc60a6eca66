// The plan: create, update (declaration and/or tags) or nothing, with its diff.
import { describe, expect, it } from '@jest/globals'
import type { PipelineDeclaration } from '@aws-sdk/client-codepipeline'
import { desiredPipeline } from '../../src/pipeline/definition.js'
import { planChange } from '../../src/pipeline/plan.js'
import { createPipelineConfig } from '../helpers/config.js'
import { PIPELINE_INPUTS } from '../fixtures/inputs.js'

const desired = (inputs: Record<string, string> = {}): PipelineDeclaration =>
  desiredPipeline(createPipelineConfig({ ...PIPELINE_INPUTS, ...inputs })).declaration

describe('planChange', () => {
  it('creates a missing pipeline, everything (tags too) as added lines', () => {
    const plan = planChange(desired(), undefined, [{ key: 'team', value: 'web' }])
    expect(plan.action).toBe('create')
    expect(plan.diff.filter((l) => l.startsWith('-'))).toEqual([])
    expect(plan.diff).toContain('+   configuration.ProjectName: shop-staging-build')
    expect(plan.diff.slice(-2)).toEqual(['  tags', '+   team: web'])
  })

  it('does nothing for an identical pipeline whose tags were not read', () => {
    expect(planChange(desired(), { declaration: { ...desired(), version: 4 }, version: 4 }, [])).toEqual({
      action: 'none',
      declarationChanged: false,
      tagChanges: undefined,
      diff: [],
    })
  })

  it('updates a changed declaration', () => {
    const plan = planChange(
      desired({ 'build-project': 'new-build' }),
      { declaration: desired(), version: 2 },
      [],
    )
    expect(plan).toMatchObject({ action: 'update', declarationChanged: true })
    expect(plan.diff).toEqual([
      '  stage Build › action Build',
      '-   configuration.ProjectName: shop-staging-build',
      '+   configuration.ProjectName: new-build',
    ])
  })

  it('updates only the tags when only they differ', () => {
    const plan = planChange(
      desired(),
      { declaration: desired(), version: 2, tags: { team: 'ops', 'aws:cloudformation:stack-name': 's' } },
      [{ key: 'team', value: 'web' }],
    )
    expect(plan).toMatchObject({ action: 'update', declarationChanged: false })
    expect(plan.diff).toEqual(['  tags', '-   team: ops', '+   team: web'])
  })

  it('leaves equal tags alone', () => {
    const plan = planChange(desired(), { declaration: desired(), tags: { team: 'web' } }, [
      { key: 'team', value: 'web' },
    ])
    expect(plan.action).toBe('none')
  })
})
