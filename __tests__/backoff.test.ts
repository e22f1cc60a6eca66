import { describe, expect, it } from '@jest/globals'
import { backoffMs, readPatiently, readUntilDeadline, waitForNextLook } from '../src/backoff.js'

const I = 10_000

describe('backoffMs', () => {
  it.each([
    [1, 1, I],
    [2, 1, 2 * I],
    [3, 0.5, 2 * I],
    [10, 1, 8 * I],
    [1, 0, 0],
  ])('failure %d with random %d → %d ms', (failures, r, ms) => {
    expect(backoffMs(failures, I, () => r)).toBe(ms)
  })
})

describe('readUntilDeadline: the one retry loop', () => {
  const throttled = Object.assign(new Error('Rate exceeded'), {
    name: 'ThrottlingException',
    $metadata: { httpStatusCode: 400 },
  })
  const denied = Object.assign(new Error('no'), {
    name: 'AccessDeniedException',
    $metadata: { httpStatusCode: 400 },
  })

  /** A manual clock; `answers` are what each attempt gets (an error is thrown), the last repeats. */
  function world(answers: unknown[], opts: { abortAfterSleeps?: number } = {}) {
    let now = 0
    let sleeps = 0
    const controller = new AbortController()
    const info: string[] = []
    const attemptsAt: number[] = []
    const deps = {
      now: () => now,
      sleep: async (ms: number) => {
        now += ms
        if (++sleeps === opts.abortAfterSleeps) controller.abort()
      },
      log: {
        info: (m: string) => info.push(m),
        debug: () => {},
        warning: () => {},
        group: <T>(_: string, f: () => Promise<T>) => f(),
      },
      signal: controller.signal,
    }
    const read = async (signal: AbortSignal) => {
      attemptsAt.push(now)
      if (signal.aborted) throw Object.assign(new Error('aborted'), { name: 'AbortError' })
      const a = answers[Math.min(attemptsAt.length - 1, answers.length - 1)]
      if (a instanceof Error) throw a
      return a
    }
    return { deps, read, info, attemptsAt }
  }
  const patience = { deadline: 10_000, intervalMs: 1_000, random: () => 1 }

  it('waits out a throttle and returns the value, saying it once at info', async () => {
    const w = world([throttled, throttled, 'ok'])
    expect(await readUntilDeadline(w.read, w.deps, patience)).toEqual({ ok: true, value: 'ok' })
    expect(w.attemptsAt).toEqual([0, 1_000, 3_000])
    expect(w.info).toEqual([expect.stringMatching(/ThrottlingException.*backing off and trying again/)])
  })

  it.each([
    // start, attempt times: `always` makes one more try at the deadline, `in-time` none
    ['always', [0, 1_000, 3_000, 7_000, 10_000]],
    ['in-time', [0, 1_000, 3_000, 7_000]],
  ] as const)('%s: a throttle that lasts ends at the deadline with the last error', async (start, at) => {
    const w = world([throttled])
    expect(await readUntilDeadline(w.read, w.deps, { ...patience, start })).toEqual({
      ok: false,
      why: 'deadline',
      ...(start === 'always' ? { error: throttled } : {}),
    })
    expect(w.attemptsAt).toEqual(at)
  })

  it('readPatiently throws what ended the read: the last transient error', async () => {
    const w = world([throttled])
    await expect(readPatiently(() => w.read(w.deps.signal), w.deps, patience)).rejects.toBe(throttled)
  })

  it('an error that waiting cannot fix is thrown at once', async () => {
    const w = world([denied])
    await expect(readUntilDeadline(w.read, w.deps, patience)).rejects.toBe(denied)
    expect(w.attemptsAt).toEqual([0])
  })

  it('`once`: a single look, even past the deadline; `attempts` bounds a nice-to-have read', async () => {
    const late = world([throttled])
    late.deps.now = () => 20_000
    expect(
      await readUntilDeadline(late.read, late.deps, { ...patience, start: 'in-time', once: true }),
    ).toEqual({ ok: false, why: 'deadline', error: throttled })
    expect(late.attemptsAt).toHaveLength(1)
    const w = world([throttled])
    await expect(readUntilDeadline(w.read, w.deps, { ...patience, attempts: 2 })).rejects.toBe(throttled)
    expect(w.attemptsAt).toEqual([0, 1_000])
  })

  it.each([
    // a cancel during the back-off: `in-time` makes no further attempt; `always` lets the read's signal end it
    ['in-time', 1],
    ['always', 2],
  ] as const)(
    '%s: a cancel during the back-off ends the read as cancelled (%d attempts)',
    async (start, n) => {
      const w = world([throttled], { abortAfterSleeps: 1 })
      const out = await readUntilDeadline(w.read, w.deps, { ...patience, start })
      expect(out).toMatchObject({ ok: false, why: 'cancelled' })
      expect(w.attemptsAt).toHaveLength(n)
    },
  )

  it('the hooks see every attempt and failure (the monitor counts and spends there)', async () => {
    const w = world([throttled, 'ok'])
    const seen: string[] = []
    await readUntilDeadline(w.read, w.deps, patience, {
      attempt: () => seen.push('attempt'),
      transient: () => seen.push('transient'),
      backOff: (_e, failures) => seen.push(`back off ${failures}`),
    })
    expect(seen).toEqual(['attempt', 'transient', 'back off 1', 'attempt'])
    expect(w.info).toEqual([])
  })
})

describe('waitForNextLook', () => {
  function clock(at: number, abortOnSleep = false) {
    const controller = new AbortController()
    const slept: number[] = []
    const deps = {
      now: () => at,
      sleep: async (ms: number) => {
        slept.push(ms)
        at += ms
        if (abortOnSleep) controller.abort()
      },
      signal: controller.signal,
    }
    return { deps, slept }
  }

  it.each([
    // now, wanted wait, cancel during it → slept, ended
    [0, 5_000, false, [5_000], undefined],
    [8_000, 5_000, false, [2_000], 'deadline'],
    [10_000, 5_000, false, [], 'deadline'],
    [0, 5_000, true, [5_000], 'cancelled'],
  ] as const)('at %d, wanting %d ms (cancel %s) → slept %j, %s', async (now, ms, cancel, slept, ended) => {
    const c = clock(now, cancel)
    expect(await waitForNextLook(c.deps, ms, 10_000)).toBe(ended)
    expect(c.slept).toEqual(slept)
  })
})
