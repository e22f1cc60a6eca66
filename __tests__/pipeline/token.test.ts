// clientRequestToken: deterministic per run attempt, within AWS's pattern and length.
import { describe, expect, it } from '@jest/globals'
import { clientRequestToken } from '../../src/pipeline/token.js'

const parts = {
  pipelineName: 'shop-staging',
  commitSha: 'a'.repeat(40),
  version: 'v1.2.3',
  runId: '4242',
  runAttempt: '1',
}

describe('clientRequestToken', () => {
  it('is deterministic', () => expect(clientRequestToken(parts)).toBe(clientRequestToken({ ...parts })))
  it.each([
    ['pipeline', { pipelineName: 'other' }],
    ['commit', { commitSha: 'b'.repeat(40) }],
    ['version', { version: 'v2' }],
    ['run', { runId: '4243' }],
    ['attempt', { runAttempt: '2' }],
  ])('changes with the %s', (_n, change) =>
    expect(clientRequestToken({ ...parts, ...change })).not.toBe(clientRequestToken(parts)),
  )
  it.each([
    parts,
    { pipelineName: 'x'.repeat(100) },
    { ...parts, runId: '9'.repeat(200), runAttempt: 'a_b' },
  ])('matches ^[a-zA-Z0-9-]+$ and is at most 128 characters', (p) => {
    const t = clientRequestToken(p)
    expect(t).toMatch(/^[a-zA-Z0-9-]+$/)
    expect(t.length).toBeLessThanOrEqual(128)
  })
})
