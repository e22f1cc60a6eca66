import { describe, expect, it } from '@jest/globals'
import {
  coverageGap,
  describeWindow,
  firstFullMinuteAt,
  metricWindow,
  minutesCovered,
} from '../../src/validate/window.js'

const T = Date.parse('2026-11-26T12:00:30Z')
const at = (hhmmss: string) => Date.parse(`2026-11-26T${hhmmss}Z`)

describe('metricWindow', () => {
  const cases: {
    name: string
    now: number
    minutes: number
    ended?: number
    start: string
    end: string
    partial: boolean
  }[] = [
    {
      name: 'no rollout time: the whole window, ending a minute before now',
      now: T,
      minutes: 5,
      start: '11:54:00',
      end: '11:59:00',
      partial: false,
    },
    {
      name: 'rollout long ago: the whole window',
      now: T,
      minutes: 5,
      ended: at('10:00:00'),
      start: '11:54:00',
      end: '11:59:00',
      partial: false,
    },
    {
      name: 'rollout 3 minutes ago: starts at the next whole minute after it',
      now: T,
      minutes: 5,
      ended: at('11:56:10'),
      start: '11:57:00',
      end: '11:59:00',
      partial: true,
    },
    {
      name: 'rollout on a minute boundary',
      now: T,
      minutes: 5,
      ended: at('11:57:00'),
      start: '11:57:00',
      end: '11:59:00',
      partial: true,
    },
    {
      name: 'rollout just now: empty window',
      now: T,
      minutes: 5,
      ended: at('11:59:50'),
      start: '11:59:00',
      end: '11:59:00',
      partial: true,
    },
  ]
  it.each(cases)('$name', ({ now, minutes, ended, start, end, partial }) => {
    const w = metricWindow(now, minutes, ended)
    expect(new Date(w.start).toISOString().slice(11, 19)).toBe(start)
    expect(new Date(w.end).toISOString().slice(11, 19)).toBe(end)
    expect(w.partial).toBe(partial)
    expect(w.minutes).toBe((w.end - w.start) / 60_000)
  })

  it('says "partial window" when shorter than asked', () => {
    expect(describeWindow(metricWindow(T, 5, at('11:56:10')))).toBe(
      'partial window: 2 of 5 min since the rollout ended (11:57–11:59 UTC)',
    )
    expect(describeWindow(metricWindow(T, 5))).toBe('5 min (11:54–11:59 UTC)')
  })

  it('the first complete minute is readable a lag after it ends', () => {
    expect(new Date(firstFullMinuteAt(at('11:56:10'))).toISOString().slice(11, 19)).toBe('11:59:00')
    const w = metricWindow(firstFullMinuteAt(at('11:56:10')), 5, at('11:56:10'))
    expect(w.minutes).toBe(1)
  })
})

describe('coverageGap: datapoints over part of the window, whatever the cause', () => {
  const NOW = Date.parse('2026-11-26T12:00:30Z')
  const full = metricWindow(NOW, 5)
  const late = metricWindow(NOW, 5, NOW - 180_000)
  const at = (w: typeof full, i: number) => w.start + i * 60_000
  it.each([
    ['every minute', full, [0, 1, 2, 3, 4], undefined],
    ['two quiet minutes', full, [0, 2, 4], 'data for 3 of 5 minutes: 2 without requests'],
    ['a late start', late, [0], 'data for 1 of 5 minutes: 4 before the rollout ended'],
    ['both', late, [], 'data for 0 of 5 minutes: 4 before the rollout ended, 1 without requests'],
  ] as const)('%s', (_, w, minutes, said) => {
    const covered = minutesCovered(
      w,
      minutes.map((i) => at(w, i)),
    )
    expect(coverageGap(w, covered, 'without requests')).toBe(said)
  })
})
