// The emulator's clock: manual (moves only on advance) or scaled (real elapsed time × speed, plus advances).
import type { SettableClock } from './types.js'

export type ClockOption = { speed: number } | 'manual'

export class Clock implements SettableClock {
  private readonly realStart = Date.now()
  private offset = 0
  private pinned: number[] = []

  constructor(
    private readonly start: number,
    /** 0 = manual. */
    private readonly speed: number,
  ) {}

  now(): number {
    if (this.pinned.length > 0) return this.pinned[this.pinned.length - 1]
    const elapsed = this.speed > 0 ? (Date.now() - this.realStart) * this.speed : 0
    return Math.floor(this.start + elapsed + this.offset)
  }

  advance(ms: number): void {
    if (!(ms >= 0)) throw new Error(`clock.advance: ms must be a non-negative number, got ${ms}`)
    this.offset += ms
  }

  /** Run `fn` while now() reads `ms` (never later than the real now). */
  runAt<T>(ms: number, fn: () => T): T {
    this.pinned.push(Math.min(ms, this.now()))
    try {
      return fn()
    } finally {
      this.pinned.pop()
    }
  }
}

export function createClock(option: ClockOption | undefined, start: number): Clock {
  if (option === undefined || option === 'manual') return new Clock(start, 0)
  if (!(option.speed > 0)) throw new Error(`clock.speed must be a positive number, got ${option.speed}`)
  return new Clock(start, option.speed)
}
