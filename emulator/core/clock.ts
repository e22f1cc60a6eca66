// The emulator's clock: manual (moves only on advance) or scaled (real elapsed time × speed, plus advances).
import type { SettableClock } from './types.js'

export type ClockOption = { speed: number } | 'manual'

export class Clock implements SettableClock {
  private realStart = Date.now()
  private offset = 0
  private pinned: number[] = []

  constructor(
    private start: number,
    /** 0 = manual. */
    private speed: number,
  ) {}

  /**
   * Re-anchors the clock: time goes on from `now` (never backwards) at `speed` (0 = manual). Lets a run
   * that drives the built action — whose own clock is the real one — bring emulator time to the present
   * before a step that compares the two (validate's metric window).
   */
  set(options: { now?: number; speed?: number }): void {
    if (options.speed !== undefined && !(options.speed >= 0)) {
      throw new Error(`clock.set: speed must be 0 (manual) or positive, got ${options.speed}`)
    }
    const current = this.now()
    this.start = Math.max(current, options.now ?? current)
    this.realStart = Date.now()
    this.offset = 0
    if (options.speed !== undefined) this.speed = options.speed
  }

  now(): number {
    const pinned = this.pinned.at(-1)
    if (pinned !== undefined) return pinned
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
