// awsQuery (reference §5.5, §5b): form-encoded requests decoded with the service model (lists as
// `.member.N`, maps as `.entry.N.key/value`), XML responses wrapped in <OpResponse><OpResult>, and
// <ErrorResponse> errors.
import { resolveShape, shapeType, type ServiceModel, type Shape } from './model.js'
import type { AwsError } from './types.js'
import type { WireResponse } from './json-protocol.js'

/** Decode the flat form parameters of `operation` into the nested input the JSON protocols would send. */
export function decodeQuery(
  model: ServiceModel,
  operation: string,
  params: URLSearchParams,
): Record<string, unknown> {
  const flat = new Map<string, string>()
  for (const [k, v] of params) if (k !== 'Action' && k !== 'Version') flat.set(k, v)
  const shape = model.operations[operation]?.input
  if (!shape) return {}
  return (decode(model, shape, '', flat) as Record<string, unknown>) ?? {}
}

function decode(model: ServiceModel, member: Shape, prefix: string, flat: Map<string, string>): unknown {
  const shape = resolveShape(model, member)
  const at = (name: string) => (prefix ? `${prefix}.${name}` : name)
  switch (shapeType(shape)) {
    case 'structure': {
      const out: Record<string, unknown> = {}
      for (const [name, m] of Object.entries(shape.members ?? {})) {
        const wire = (m.locationName as string | undefined) ?? name
        const v = decode(model, m, at(wire), flat)
        if (v !== undefined) out[name] = v
      }
      return prefix && Object.keys(out).length === 0 ? undefined : out
    }
    case 'list': {
      const item = shape.member ?? {}
      const base = shape.flattened
        ? prefix
        : `${prefix}.${(item.locationName as string | undefined) ?? 'member'}`
      if (!shape.flattened && flat.get(prefix) === '') return []
      const out: unknown[] = []
      for (let i = 1; hasPrefix(flat, `${base}.${i}`); i++)
        out.push(decode(model, item, `${base}.${i}`, flat))
      return out.length ? out : undefined
    }
    case 'map': {
      const base = shape.flattened ? prefix : `${prefix}.entry`
      const keyName = (shape.key?.locationName as string | undefined) ?? 'key'
      const valueName = (shape.value?.locationName as string | undefined) ?? 'value'
      const out: Record<string, unknown> = {}
      for (let i = 1; hasPrefix(flat, `${base}.${i}`); i++) {
        const k = flat.get(`${base}.${i}.${keyName}`)
        if (k !== undefined) out[k] = decode(model, shape.value ?? {}, `${base}.${i}.${valueName}`, flat)
      }
      return Object.keys(out).length ? out : undefined
    }
    default: {
      const raw = flat.get(prefix)
      if (raw === undefined) return undefined
      return scalar(shapeType(shape), raw)
    }
  }
}

function hasPrefix(flat: Map<string, string>, prefix: string): boolean {
  for (const k of flat.keys()) if (k === prefix || k.startsWith(prefix + '.')) return true
  return false
}

function scalar(type: string, raw: string): unknown {
  switch (type) {
    case 'integer':
    case 'long':
    case 'float':
    case 'double':
      return raw.trim() === '' || Number.isNaN(Number(raw)) ? raw : Number(raw)
    case 'boolean':
      return raw === 'true' ? true : raw === 'false' ? false : raw
    default:
      return raw // timestamps stay ISO strings here; validation turns them into Date
  }
}

export function xmlSuccess(
  model: ServiceModel,
  operation: string,
  output: unknown,
  requestId: string,
): WireResponse {
  const shape = model.operations[operation]?.output
  const ns = model.metadata.xmlNamespace ?? ''
  const result =
    shape && output
      ? `<${shape.resultWrapper ?? operation + 'Result'}>${members(model, shape, output)}</${shape.resultWrapper ?? operation + 'Result'}>`
      : ''
  const body =
    `<?xml version="1.0" encoding="UTF-8"?>\n<${operation}Response xmlns="${ns}">${result}` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${operation}Response>`
  return { status: 200, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body }
}

export function xmlError(model: ServiceModel | undefined, error: AwsError, requestId: string): WireResponse {
  const ns = model?.metadata.xmlNamespace ?? ''
  const body =
    `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse xmlns="${ns}"><Error><Type>${error.fault}</Type>` +
    `<Code>${escape(error.queryCode ?? error.code)}</Code><Message>${escape(error.message)}</Message></Error>` +
    `<RequestId>${requestId}</RequestId></ErrorResponse>`
  return {
    status: error.status,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body,
  }
}

function members(model: ServiceModel, member: Shape, value: unknown): string {
  const shape = resolveShape(model, member)
  let out = ''
  for (const [name, m] of Object.entries(shape.members ?? {})) {
    const v = (value as Record<string, unknown>)[name]
    if (v === undefined || v === null) continue
    out += element(model, m, (m.locationName as string | undefined) ?? name, v)
  }
  return out
}

function element(model: ServiceModel, member: Shape, name: string, value: unknown): string {
  const shape = resolveShape(model, member)
  switch (shapeType(shape)) {
    case 'structure':
      return `<${name}>${members(model, shape, value)}</${name}>`
    case 'list': {
      const item = shape.member ?? {}
      const list = Array.isArray(value) ? value : []
      if (shape.flattened) return list.map((v) => element(model, item, name, v)).join('')
      const itemName = (item.locationName as string | undefined) ?? 'member'
      return `<${name}>${list.map((v) => element(model, item, itemName, v)).join('')}</${name}>`
    }
    case 'map': {
      const entries = Object.entries(value as Record<string, unknown>)
      const k = (shape.key?.locationName as string | undefined) ?? 'key'
      const vn = (shape.value?.locationName as string | undefined) ?? 'value'
      const xml = entries
        .map(
          ([key, v]) =>
            `<entry><${k}>${escape(key)}</${k}>${element(model, shape.value ?? {}, vn, v)}</entry>`,
        )
        .join('')
      return `<${name}>${xml}</${name}>`
    }
    case 'timestamp': {
      const d =
        value instanceof Date ? value : new Date(typeof value === 'number' ? value * 1000 : String(value))
      return `<${name}>${d.toISOString()}</${name}>`
    }
    default:
      return `<${name}>${escape(String(value))}</${name}>`
  }
}

function escape(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  )
}
