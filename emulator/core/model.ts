// Reads AWS's service models as shipped by the aws-sdk v2 package (node_modules/aws-sdk/apis/*.min.json).
// The .min files name shared shapes `S1a` and inline the rest; a member `{shape: 'S1a', locationName}` is the
// shared shape plus the member's own traits.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

export interface Shape {
  type?:
    | 'structure'
    | 'list'
    | 'map'
    | 'string'
    | 'integer'
    | 'long'
    | 'float'
    | 'double'
    | 'boolean'
    | 'timestamp'
    | 'blob'
  shape?: string
  members?: Record<string, Shape>
  required?: string[]
  member?: Shape
  key?: Shape
  value?: Shape
  flattened?: boolean
  locationName?: string
  resultWrapper?: string
  timestampFormat?: string
  [trait: string]: unknown
}

export interface ServiceModel {
  metadata: {
    apiVersion: string
    protocol: string
    targetPrefix?: string
    xmlNamespace?: string
    uid?: string
    serviceId?: string
  }
  operations: Record<string, { input?: Shape; output?: Shape }>
  shapes: Record<string, Shape>
}

const require = createRequire(import.meta.url)
const cache = new Map<string, ServiceModel>()

export function loadModel(file: string): ServiceModel {
  let model = cache.get(file)
  if (!model) {
    const path = require.resolve(`aws-sdk/apis/${file}`)
    model = JSON.parse(readFileSync(path, 'utf8')) as ServiceModel
    cache.set(file, model)
  }
  return model
}

/** The shape a member points at, with the member's own traits laid over it. */
export function resolveShape(model: ServiceModel, shape: Shape): Shape {
  if (!shape.shape) return shape
  const { shape: ref, ...traits } = shape
  const target = model.shapes[ref]
  if (!target) throw new Error(`model ${model.metadata.uid}: unknown shape ${ref}`)
  return { ...resolveShape(model, target), ...traits }
}

export function shapeType(shape: Shape): NonNullable<Shape['type']> {
  return shape.type ?? 'string'
}
