import { describe, expect, it } from '@jest/globals'
import { parseRetryAfter, withRetries, type AttemptResult } from '../../src/report/retry.js'
import { nth } from '../helpers/must.js'

function clock() {
  let t = 0
  const waits: number[] = []
  return { now: () => t, sleep: async (ms: number) => void (waits.push(ms), (t += ms)), waits }
}

function script(...answers: AttemptResult[]) {
  let i = 0
  return async () => nth(answers, Math.min(i++, answers.length - 1))
}

const fail5xx: AttemptResult = { ok: false, retry: true, error: 'HTTP 503' }

describe('withRetries', () => {
  it('waits as long as Retry-After says, then succeeds', async () => {
    const c = clock()
    const r = await withRetries(
      script({ ok: false, retry: true, error: '429', retryAfterMs: 3000 }, { ok: true }),
      c,
    )
    expect(r).toEqual({ ok: true, attempts: 2, detail: undefined })
    expect(c.waits).toEqual([3000])
  })

  it('backs off on 5xx and gives up at the overall bound', async () => {
    const c = clock()
    const r = await withRetries(script(fail5xx), c, { boundMs: 10_000, maxAttempts: 10, baseDelayMs: 1000 })
    expect(r.ok).toBe(false)
    expect(c.waits).toEqual([1000, 2000, 4000])
    expect(!r.ok && r.error).toBe('HTTP 503 (gave up after 4 attempts within 10s)')
  })

  it('does not wait for a Retry-After beyond the bound', async () => {
    const c = clock()
    const r = await withRetries(script({ ok: false, retry: true, error: '429', retryAfterMs: 60_000 }), c)
    expect(r.attempts).toBe(1)
    expect(c.waits).toEqual([])
  })

  it('with a deadline, waits out rate limits as long as they fit before it (not a fixed bound)', async () => {
    const c = clock()
    const limited: AttemptResult = { ok: false, retry: true, error: '429', retryAfterMs: 20_000 }
    const r = await withRetries(script(limited, limited, limited, { ok: true }), { ...c, deadline: 100_000 })
    expect(r).toEqual({ ok: true, attempts: 4, detail: undefined })
    expect(c.waits).toEqual([20_000, 20_000, 20_000])
  })

  it('never waits past the deadline, whatever Retry-After says', async () => {
    const c = clock()
    const limited: AttemptResult = { ok: false, retry: true, error: '429', retryAfterMs: 20_000 }
    const r = await withRetries(script(limited), { ...c, deadline: 50_000 })
    expect(c.waits).toEqual([20_000, 20_000])
    expect(!r.ok && r.error).toBe('429 (gave up after 3 attempts: the wait would pass the deadline)')
  })

  it('stops retrying once the step is cancelled', async () => {
    const c = clock()
    const cancel = new AbortController()
    const r = await withRetries(script(fail5xx), {
      ...c,
      sleep: async () => cancel.abort(),
      signal: cancel.signal,
    })
    expect(r.attempts).toBe(1)
    expect(!r.ok && r.error).toMatch(/cancelled while retrying/)
  })

  it('does not retry a permanent error', async () => {
    const c = clock()
    const r = await withRetries(script({ ok: false, retry: false, error: 'no_service' }), c)
    expect(r).toEqual({ ok: false, attempts: 1, error: 'no_service' })
  })
})

describe('parseRetryAfter', () => {
  it.each([
    ['2', 2000],
    ['0', 1000],
    [undefined, undefined],
    ['soon', undefined],
  ])('%s → %s', (v, ms) => expect(parseRetryAfter(v, 0)).toBe(ms))
  it('accepts an HTTP date', () => expect(parseRetryAfter(new Date(5000).toUTCString(), 0)).toBe(5000))
})
