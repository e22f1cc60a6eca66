import { describe, expect, it } from '@jest/globals'
import { DESCRIPTION_MAX, endStatus, startStatus } from '../../src/report/commit-status.js'
import { monitorConfig, validateConfig } from '../helpers/config.js'
import { createFailure, monitorFailure, monitorSuccess, validateSuccess } from './fixtures.js'

describe('startStatus', () => {
  it('is pending and names what runs', () => {
    expect(startStatus(monitorConfig({ 'project-name': 'shop', environment: 'staging' }))).toEqual({
      state: 'pending',
      description: 'Following shop-staging for 0123456…',
    })
    expect(startStatus(validateConfig({ 'project-name': 'shop', environment: 'staging' })).description).toBe(
      'Validating the deployment of shop-staging/shop for 0123456…',
    )
  })
})

describe('endStatus', () => {
  const cases = [
    {
      name: 'failure is failure whether final or not',
      result: monitorFailure,
      final: false,
      state: 'failure',
    },
    { name: 'failure (final)', result: createFailure, final: true, state: 'failure' },
    { name: 'success of a final step', result: validateSuccess, final: true, state: 'success' },
    {
      name: 'success of a non-final step stays pending',
      result: monitorSuccess,
      final: false,
      state: 'pending',
    },
  ] as const
  it.each(cases)('$name', ({ result, final, state }) => {
    const s = endStatus(result(), final)
    expect(s.state).toBe(state)
    expect(s.description.length).toBeLessThanOrEqual(DESCRIPTION_MAX)
    expect(s.description).not.toMatch(/\n/)
  })

  it('a pending description says what passed so far and that it is not final', () => {
    expect(endStatus(monitorSuccess(), false).description).toMatch(
      /^Deployment pipeline succeeded: Execution e2f9a1c4 .* — awaiting the final check$/,
    )
  })

  it('a cancelled run is error', () => {
    const r = monitorSuccess()
    r.cancelled = true
    expect(endStatus(r, true)).toEqual({ state: 'error', description: expect.stringContaining('Cancelled') })
  })
})
