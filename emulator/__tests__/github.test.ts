// The emulator's GitHub commit statuses answer with GitHub's shapes and errors.
import { afterEach, describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator } from '../index.js'
import { githubPlugin } from '../services/github/index.js'
import type { GitHubScenario } from '../services/github/scenario.js'

let emulator: Emulator
afterEach(() => emulator.stop())

const SHA = '0123456789abcdef0123456789abcdef01234567'

async function start(github: GitHubScenario = {}) {
  emulator = await startEmulator({
    scenario: { github },
    plugins: [githubPlugin],
    start: '2026-11-05T10:00:00Z',
  })
}

async function call(method: string, path: string, body?: unknown, token: string | null = 'ghs_token') {
  const res = await fetch(`${emulator.url}/github${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `token ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, json: (await res.json()) as any }
}

describe('commit statuses', () => {
  it('creates (201, GitHub shape) and lists newest first', async () => {
    await start()
    const created = await call('POST', `/repos/octo-org/shop/statuses/${SHA}`, {
      state: 'pending',
      context: 'deploy',
      description: 'd',
      target_url: 'https://x.test/1',
    })
    expect(created.status).toBe(201)
    expect(created.json).toMatchObject({
      url: `https://api.github.com/repos/octo-org/shop/statuses/${SHA}`,
      id: expect.any(Number),
      node_id: expect.any(String),
      state: 'pending',
      description: 'd',
      target_url: 'https://x.test/1',
      context: 'deploy',
      created_at: '2026-11-05T10:00:00Z',
      creator: { login: 'github-actions[bot]', type: 'Bot' },
    })
    await call('POST', `/repos/octo-org/shop/statuses/${SHA}`, { state: 'success', context: 'deploy' })
    const list = await call('GET', `/repos/octo-org/shop/commits/${SHA}/statuses`)
    expect(list.json.map((s: { state: string }) => s.state)).toEqual(['success', 'pending'])
  })

  it.each([
    ['no token', {}, { state: 'pending' }, null, 401, 'Requires authentication'],
    ['an unknown token', { tokens: { ghs_a: {} } }, { state: 'pending' }, 'ghs_b', 401, 'Bad credentials'],
    [
      'a token without statuses: write',
      { tokens: { ghs_token: { statuses: 'read' } } },
      { state: 'pending' },
      'ghs_token',
      403,
      'Resource not accessible by integration',
    ],
    [
      'an unknown repository',
      { repositories: { 'octo-org/other': {} } },
      { state: 'pending' },
      'ghs_token',
      404,
      'Not Found',
    ],
    ['a bad state', {}, { state: 'green' }, 'ghs_token', 422, 'Validation Failed'],
    [
      'a description over 140',
      {},
      { state: 'pending', description: 'x'.repeat(141) },
      'ghs_token',
      422,
      'Validation Failed',
    ],
    [
      'an unknown commit',
      { repositories: { 'octo-org/shop': { commits: [{ sha: 'f'.repeat(40) }] } } },
      { state: 'pending' },
      'ghs_token',
      422,
      `No commit found for SHA: ${SHA}`,
    ],
  ])('%s', async (_name, scenario, body, token, status, message) => {
    await start(scenario as GitHubScenario)
    const r = await call('POST', `/repos/octo-org/shop/statuses/${SHA}`, body, token)
    expect(r.status).toBe(status)
    expect(r.json).toMatchObject({ message, documentation_url: expect.stringContaining('docs.github.com') })
  })
})
