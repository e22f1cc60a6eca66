// The emulator clock: manual, scaled, and pinned for effects computed late.
import { createClock } from '../core/clock.js'
import { startEmulator } from '../index.js'

const START = Date.parse('2026-01-15T10:00:00Z')

it('a manual clock moves only on advance', () => {
  const clock = createClock('manual', START)
  expect(clock.now()).toBe(START)
  clock.advance(90_000)
  expect(clock.now()).toBe(START + 90_000)
  expect(() => clock.advance(-1)).toThrow(/non-negative/)
})

it('a scaled clock runs speed times faster than real time, plus advances', async () => {
  const clock = createClock({ speed: 600 }, START)
  await new Promise((r) => setTimeout(r, 50))
  const elapsed = clock.now() - START
  expect(elapsed).toBeGreaterThanOrEqual(600 * 40)
  clock.advance(1_000_000)
  expect(clock.now() - START).toBeGreaterThanOrEqual(elapsed + 1_000_000)
  expect(() => createClock({ speed: 0 }, START)).toThrow(/positive/)
})

it('runAt reads an earlier instant inside the callback only', () => {
  const clock = createClock('manual', START)
  clock.advance(60_000)
  expect(clock.runAt(START + 5_000, () => clock.now())).toBe(START + 5_000)
  expect(clock.runAt(START + 999_999, () => clock.now())).toBe(START + 60_000) // never later than now
  expect(clock.now()).toBe(START + 60_000)
})

describe('re-anchoring the clock', () => {
  it('moves to a later time and a new speed, never backwards', () => {
    const clock = createClock({ speed: 1000 }, Date.parse('2026-01-01T00:00:00Z'))
    const present = Date.now()
    clock.set({ now: present, speed: 0 })
    expect(clock.now()).toBe(present)
    clock.set({ now: present - 3_600_000 })
    expect(clock.now()).toBe(present)
    expect(() => clock.set({ speed: -1 })).toThrow(/speed/)
  })

  it('is reachable over HTTP for runs driven from outside the process', async () => {
    const emu = await startEmulator({
      scenario: {},
      plugins: [],
      clock: { speed: 100 },
      start: '2026-01-01T00:00:00Z',
    })
    try {
      const res = await fetch(`${emu.url}/_emulator/clock`, {
        method: 'POST',
        body: '{"now":"present","speed":1}',
      })
      expect(res.status).toBe(200)
      const { now } = (await res.json()) as { now: string }
      expect(Math.abs(Date.parse(now) - Date.now())).toBeLessThan(5_000)
      expect(
        (await fetch(`${emu.url}/_emulator/clock`, { method: 'POST', body: '{"now":"yesterday-ish"}' }))
          .status,
      ).toBe(400)
    } finally {
      await emu.stop()
    }
  })
})
