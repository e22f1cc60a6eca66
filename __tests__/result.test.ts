import { describe, expect, it } from '@jest/globals'
import { stepResult, type ResultFields } from '../src/result.js'
import { monitorConfig, validateConfig } from './helpers/config.js'

describe('stepResult', () => {
  const config = monitorConfig({ 'pipeline-name': 'shop-staging', environment: 'staging', version: '1.4.2' })
  const fields: ResultFields = {
    verdict: 'failure',
    reason: 'r',
    details: { kind: 'monitor', pipelineName: 'shop-staging' },
    startedAt: Date.UTC(2026, 0, 1, 12, 0, 0),
    endedAt: Date.UTC(2026, 0, 1, 12, 1, 30),
  }

  it('takes who, where and what from the config, and the times from the mode', () => {
    expect(stepResult(config, fields)).toEqual({
      mode: 'monitor',
      verdict: 'failure',
      reason: 'r',
      pipelineName: 'shop-staging',
      environment: 'staging',
      version: '1.4.2',
      commitSha: config.commitSha,
      region: 'us-east-1',
      details: fields.details,
      warnings: [],
      startedAt: '2026-01-01T12:00:00.000Z',
      endedAt: '2026-01-01T12:01:30.000Z',
    })
  })

  it.each([
    // verdict, cancelled, unverified asked → unverified said
    ['failure', false, true, true],
    ['failure', true, true, undefined],
    ['success', false, true, undefined],
    ['failure', false, false, undefined],
  ] as const)('%s, cancelled %s, unverified %s → unverified %s', (verdict, cancelled, unverified, out) => {
    const r = stepResult(config, { ...fields, verdict, cancelled, unverified })
    expect(r.unverified).toBe(out)
    expect(r.cancelled).toBe(cancelled || undefined)
  })

  it("a mode's own pipeline name wins; validate may have none", () => {
    expect(stepResult(config, { ...fields, pipelineName: 'from-file' }).pipelineName).toBe('from-file')
    const validate = validateConfig({ cluster: 'shop-staging', service: 'shop', 'api-name': 'none' })
    expect(stepResult(validate, fields).pipelineName).toBeUndefined()
  })
})
