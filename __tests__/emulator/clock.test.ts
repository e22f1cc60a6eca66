// The emulator clock: manual, scaled, and pinned for effects computed late.
import { createClock } from '../../emulator/core/clock.js'

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
