// Statistics over the datapoints of one period: Sum, Average, SampleCount, Minimum, Maximum, pNN, tmNN, IQM.
import { pointAt, type Series } from './series.js'

const SIMPLE = new Set(['Sum', 'Average', 'SampleCount', 'Minimum', 'Maximum'])
const PERCENTILE = /^p(\d{1,2}(\.\d{1,10})?|100)$/
const TRIMMED_MEAN = /^tm(\d{1,2}(\.\d{1,10})?|100)$/

export function isSupportedStatistic(stat: unknown): stat is string {
  return (
    typeof stat === 'string' &&
    (SIMPLE.has(stat) || PERCENTILE.test(stat) || TRIMMED_MEAN.test(stat) || stat === 'IQM')
  )
}

/** The statistic of points [from, to) of the series. */
export function statistic(series: Series, from: number, to: number, stat: string): number {
  switch (stat) {
    case 'Sum':
      return sum(series.sums, from, to)
    case 'SampleCount':
      return sum(series.counts, from, to)
    case 'Average':
      return sum(series.sums, from, to) / sum(series.counts, from, to)
    case 'Minimum': {
      let m = Infinity
      for (const v of series.mins.subarray(from, to)) m = Math.min(m, v)
      return m
    }
    case 'Maximum': {
      let m = -Infinity
      for (const v of series.maxs.subarray(from, to)) m = Math.max(m, v)
      return m
    }
  }
  const values = weightedValues(series, from, to)
  if (stat === 'IQM') return trimmedMean(values, 25, 75)
  const pct = PERCENTILE.exec(stat)
  if (pct) return percentile(values, Number(pct[1]))
  const tm = TRIMMED_MEAN.exec(stat)
  if (tm) return trimmedMean(values, 0, Number(tm[1]))
  return NaN
}

function sum(a: Float64Array, from: number, to: number): number {
  let s = 0
  for (const v of a.subarray(from, to)) s += v
  return s
}

/** Samples with weights, sorted by value: raw samples where known, else each point's average × its count. */
function weightedValues(series: Series, from: number, to: number): { v: number; w: number }[] {
  const out: { v: number; w: number }[] = []
  for (let i = from; i < to; i++) {
    const samples = series.samples[i]
    if (samples) for (const v of samples) out.push({ v, w: 1 })
    else out.push({ v: pointAt(series.sums, i) / pointAt(series.counts, i), w: pointAt(series.counts, i) })
  }
  return out.sort((a, b) => a.v - b.v)
}

function percentile(values: { v: number; w: number }[], p: number): number {
  const total = values.reduce((n, x) => n + x.w, 0)
  const rank = (p / 100) * total
  let seen = 0
  for (const x of values) {
    seen += x.w
    if (seen >= rank) return x.v
  }
  return values.at(-1)?.v ?? NaN // no values: no statistic
}

function trimmedMean(values: { v: number; w: number }[], lowPct: number, highPct: number): number {
  const total = values.reduce((n, x) => n + x.w, 0)
  const low = (lowPct / 100) * total
  const high = (highPct / 100) * total
  let seen = 0
  let s = 0
  let n = 0
  for (const x of values) {
    // The part of this value's weight that falls inside (low, high].
    const inside = Math.max(0, Math.min(seen + x.w, high) - Math.max(seen, low))
    s += inside * x.v
    n += inside
    seen += x.w
  }
  return n > 0 ? s / n : NaN
}
