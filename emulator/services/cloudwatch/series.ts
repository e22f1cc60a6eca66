// Metric series, precomputed once into sorted typed arrays: a query only binary-searches and scans.
import type { MetricSpec, PointSpec } from './scenario.js'

export interface Dimension {
  Name: string
  Value: string
}

export interface Series {
  namespace: string
  name: string
  /** Sorted by name, as ListMetrics returns them. */
  dimensions: Dimension[]
  unit?: string
  delayMs: number
  times: Float64Array
  sums: Float64Array
  counts: Float64Array
  mins: Float64Array
  maxs: Float64Array
  /** Raw samples per point, where the scenario gave them (exact percentiles). */
  samples: (number[] | undefined)[]
}

/** Each distinct dimension set is its own metric: the key includes all of them, in name order. */
export function metricKey(namespace: string, name: string, dimensions: readonly Dimension[]): string {
  const dims = [...dimensions].sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0))
  return JSON.stringify([namespace, name, dims.map((d) => [d.Name, d.Value])])
}

export class MetricStore {
  readonly series: Series[] = []
  private readonly byKey = new Map<string, Series>()

  /** `anchor`: epoch ms that relative time 0 stands for. */
  constructor(
    metrics: MetricSpec[],
    readonly anchor: number,
  ) {
    this.add(metrics)
  }

  /** Metrics another service publishes (Elastic Load Balancing's per-target-group metrics). */
  add(metrics: MetricSpec[]): void {
    const anchor = this.anchor
    const grouped = new Map<string, { spec: MetricSpec; points: PointSpec[] }>()
    for (const spec of metrics) {
      const dims = Object.entries(spec.dimensions).map(([Name, Value]) => ({ Name, Value }))
      const key = metricKey(spec.namespace, spec.name, dims)
      const entry = grouped.get(key) ?? { spec, points: [] }
      entry.points.push(...spec.points)
      grouped.set(key, entry)
    }
    for (const [key, { spec, points }] of grouped) {
      const series = build(spec, points, anchor)
      this.series.push(series)
      this.byKey.set(key, series)
    }
  }

  find(namespace: string, name: string, dimensions: readonly Dimension[]): Series | undefined {
    return this.byKey.get(metricKey(namespace, name, dimensions))
  }
}

function build(spec: MetricSpec, points: PointSpec[], anchor: number): Series {
  // Points at the same instant are one datapoint, as two publishes within the same second aggregate.
  const merged = new Map<number, PointSpec>()
  for (const p of points) {
    const t = anchor + p.at * 1000
    const prev = merged.get(t)
    if (!prev) merged.set(t, { ...p, samples: p.samples && [...p.samples] })
    else {
      prev.sum += p.sum
      prev.count += p.count
      prev.min = Math.min(prev.min, p.min)
      prev.max = Math.max(prev.max, p.max)
      prev.samples = prev.samples && p.samples ? [...prev.samples, ...p.samples] : undefined
    }
  }
  const times = [...merged.keys()].sort((a, b) => a - b)
  const n = times.length
  const series: Series = {
    namespace: spec.namespace,
    name: spec.name,
    dimensions: Object.entries(spec.dimensions)
      .map(([Name, Value]) => ({ Name, Value }))
      .sort((a, b) => (a.Name < b.Name ? -1 : 1)),
    unit: spec.unit,
    delayMs: spec.delay * 1000,
    times: new Float64Array(n),
    sums: new Float64Array(n),
    counts: new Float64Array(n),
    mins: new Float64Array(n),
    maxs: new Float64Array(n),
    samples: new Array(n),
  }
  times.forEach((t, i) => {
    const p = merged.get(t)!
    series.times[i] = t
    series.sums[i] = p.sum
    series.counts[i] = p.count
    series.mins[i] = p.min
    series.maxs[i] = p.max
    series.samples[i] = p.samples
  })
  return series
}

/** times[i] for an index the caller keeps within the array (a typed array reads undefined past its end). */
export function pointAt(values: Float64Array, i: number): number {
  const v = values[i]
  if (v === undefined) throw new RangeError(`index ${i} is outside a series of ${values.length} points`)
  return v
}

/** Index of the first point at or after t. */
export function lowerBound(times: Float64Array, t: number): number {
  let lo = 0
  let hi = times.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (pointAt(times, mid) < t) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** True when the series has a datapoint visible at `now` (published, and past its delivery delay). */
export function hasVisibleData(series: Series, now: number, since = -Infinity): boolean {
  const i = lowerBound(series.times, since)
  const time = series.times[i] // undefined when no point is at or after `since`
  return time !== undefined && time + series.delayMs <= now
}
