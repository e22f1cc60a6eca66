// ListMetrics: the metrics that have published at least one datapoint by now, so a caller can tell a metric
// that was never published (a misconfigured name or dimension) from one without recent traffic.
import type { RequestContext } from '../../core/types.js'
import { decodeToken, encodeToken, invalidParameter, requestKey } from './errors.js'
import { hasVisibleData, type MetricStore } from './series.js'

const PAGE = 500
const RECENT_MS = 3 * 3_600_000

export function listMetrics(store: MetricStore) {
  return (input: any, ctx: RequestContext) => {
    if (input.RecentlyActive !== undefined && input.RecentlyActive !== 'PT3H') {
      throw invalidParameter(
        `The value ${String(input.RecentlyActive)} for parameter RecentlyActive is not valid.`,
      )
    }
    const filters: { Name: string; Value?: string }[] = input.Dimensions ?? []
    if (filters.length > 10)
      throw invalidParameter('The collection Dimensions must not have a size greater than 10.')
    const now = ctx.clock.now()
    const since = input.RecentlyActive ? now - RECENT_MS : -Infinity
    const matching = store.series.filter(
      (s) =>
        (input.Namespace === undefined || s.namespace === input.Namespace) &&
        (input.MetricName === undefined || s.name === input.MetricName) &&
        filters.every((f) =>
          s.dimensions.some((d) => d.Name === f.Name && (f.Value === undefined || d.Value === f.Value)),
        ) &&
        hasVisibleData(s, now, since),
    )
    const key = requestKey([input.Namespace, input.MetricName, filters, input.RecentlyActive])
    const offset = decodeToken(input.NextToken, key)
    return {
      Metrics: matching.slice(offset, offset + PAGE).map((s) => ({
        Namespace: s.namespace,
        MetricName: s.name,
        Dimensions: s.dimensions.map((d) => ({ ...d })),
      })),
      NextToken: offset + PAGE < matching.length ? encodeToken(key, offset + PAGE) : undefined,
    }
  }
}
