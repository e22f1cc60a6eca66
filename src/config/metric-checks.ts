// Parses the `metric-checks` YAML input into typed checks (see the interface spec for the format).
import { parse as parseYaml } from 'yaml'
import { InputError } from './input-error.js'
import type { MetricCheck, MetricQuery } from './types.js'

const INPUT = 'metric-checks'
const STAT =
  /^(SampleCount|Average|Sum|Minimum|Maximum|IQM|(p|tm|wm|tc|ts|PR|TM|WM|TC|TS)\d{1,2}(\.\d+)?|(TM|WM|TC|TS|PR)\([^)]*\))$/
/** Metric names in an expression become GetMetricData query ids, which CloudWatch restricts to this. */
const QUERY_ID = /^[a-z][a-zA-Z0-9_]{0,254}$/

function fail(where: string, problem: string): never {
  throw new InputError(INPUT, `${where}: ${problem}`)
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function text(where: string, item: Record<string, unknown>, key: string): string {
  const v = item[key]
  if (typeof v !== 'string' || v.trim() === '')
    fail(where, `"${key}" is required and must be a non-empty string.`)
  return v.trim()
}

function bound(where: string, item: Record<string, unknown>, key: 'max' | 'min'): number | undefined {
  const v = item[key]
  if (v === undefined || v === null) return undefined
  if (typeof v !== 'number' || !Number.isFinite(v))
    fail(where, `"${key}" must be a number, got ${JSON.stringify(v)}.`)
  return v
}

function query(where: string, item: Record<string, unknown>): MetricQuery {
  const dims = item.dimensions ?? {}
  if (!isRecord(dims)) fail(where, '"dimensions" must be a map of name: value.')
  const dimensions: Record<string, string> = {}
  for (const [k, v] of Object.entries(dims)) {
    if (typeof v !== 'string' && typeof v !== 'number') fail(where, `dimension "${k}" must be a string.`)
    dimensions[k] = String(v)
  }
  const stat = item.stat === undefined ? 'Average' : String(item.stat)
  if (!STAT.test(stat)) {
    fail(
      where,
      `"stat" ${JSON.stringify(stat)} is not a CloudWatch statistic (Sum, Average, SampleCount, Minimum, Maximum, p99 …).`,
    )
  }
  return { namespace: text(where, item, 'namespace'), metric: text(where, item, 'metric'), dimensions, stat }
}

export function parseMetricChecks(value: string): MetricCheck[] {
  if (value.trim() === '') return []
  let doc: unknown
  try {
    doc = parseYaml(value)
  } catch (e) {
    fail(
      'is not valid YAML',
      `${(e as Error).message.split('\n')[0]}. Accepted: a YAML list of checks (see the README).`,
    )
  }
  if (!Array.isArray(doc))
    fail(
      'must be a YAML list',
      'each item a check with name, namespace/metric or expression, and max and/or min.',
    )
  const names = new Set<string>()
  return doc.map((item: unknown, i): MetricCheck => {
    const where = `item ${i + 1}`
    if (!isRecord(item))
      fail(where, 'must be a map with name, namespace, metric (or expression, metrics), max and/or min.')
    const name = text(where, item, 'name')
    if (names.has(name)) fail(where, `the name ${JSON.stringify(name)} is used twice; names must be unique.`)
    names.add(name)
    const at = `${where} (${JSON.stringify(name)})`
    const max = bound(at, item, 'max')
    const min = bound(at, item, 'min')
    if (max === undefined && min === undefined)
      fail(at, 'needs "max" and/or "min" (the threshold to check against).')
    if (item.expression !== undefined) {
      const expression = text(at, item, 'expression')
      if (!isRecord(item.metrics) || Object.keys(item.metrics).length === 0) {
        fail(at, '"expression" needs "metrics": a map of id: {namespace, metric, dimensions, stat}.')
      }
      const metrics: Record<string, MetricQuery> = {}
      for (const [id, m] of Object.entries(item.metrics)) {
        if (!QUERY_ID.test(id))
          fail(
            at,
            `metric id ${JSON.stringify(id)} must start with a lowercase letter and use only letters, digits and "_".`,
          )
        if (!isRecord(m))
          fail(at, `metric ${JSON.stringify(id)} must be a map with namespace, metric, dimensions, stat.`)
        metrics[id] = query(`${at}, metric ${JSON.stringify(id)}`, m)
      }
      return { name, max, min, kind: 'expression', expression, metrics }
    }
    return { name, max, min, kind: 'metric', query: query(at, item) }
  })
}
