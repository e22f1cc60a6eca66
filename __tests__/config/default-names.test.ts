// The names derived from project-name and environment: one table, what each is made of and how it is shown.
import { describe, expect, it } from '@jest/globals'
import { DEFAULT_NAMES, derivation, type DefaultedInput } from '../../src/config/default-names.js'

describe('DEFAULT_NAMES', () => {
  const both = { projectName: 'shop', environment: 'prod' }
  const cases: [DefaultedInput, string, string, string[]][] = [
    ['pipeline-name', 'shop-prod', '"<project-name>-<environment>"', ['project-name', 'environment']],
    ['branch', 'prod', '<environment>', ['environment']],
    [
      'artifact-bucket',
      'shop-prod-artifacts',
      '"<project-name>-<environment>-artifacts"',
      ['project-name', 'environment'],
    ],
    [
      'build-project',
      'shop-prod-build',
      '"<project-name>-<environment>-build"',
      ['project-name', 'environment'],
    ],
    [
      'test-project',
      'shop-prod-test',
      '"<project-name>-<environment>-test"',
      ['project-name', 'environment'],
    ],
    ['cluster', 'shop-prod', '"<project-name>-<environment>"', ['project-name', 'environment']],
    ['service', 'shop', '<project-name>', ['project-name']],
  ]
  it('lists every defaulted input once', () =>
    expect(Object.keys(DEFAULT_NAMES).sort()).toEqual(cases.map(([input]) => input).sort()))
  it.each(cases)('%s defaults to %s (shown as %s)', (input, value, shown, from) => {
    expect(derivation(input, both)).toEqual({ value, from })
    expect(DEFAULT_NAMES[input].shown).toBe(shown)
  })
  it.each(cases)('%s has no default when what it is made of is not set', (input, _value, _shown, from) => {
    const missing = from.includes('environment') ? { projectName: 'shop' } : { environment: 'prod' }
    expect(derivation(input, missing)).toBeUndefined()
  })
})
