// Reads the service models in emulator/models/: AWS's current models as botocore ships them, trimmed to the
// operations the emulator serves (emulator/tools/extract-models.ts). A member `{shape: 'PipelineName',
// locationName}` is the named shape plus the member's own traits; a shape's `min`/`max`/`pattern`/`enum` are
// the constraints AWS's frontend checks.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

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
  /** Length of a string, list or map; value of a number. */
  min?: number
  max?: number
  pattern?: string
  enum?: string[]
  flattened?: boolean
  locationName?: string
  resultWrapper?: string
  timestampFormat?: string
  [trait: string]: unknown
}

export interface ServiceModel {
  /** Where the extract came from (botocore version and commit). */
  source: string
  metadata: {
    apiVersion: string
    protocol: string
    protocols?: string[]
    targetPrefix?: string
    xmlNamespace?: string
    uid?: string
    serviceId?: string
  }
  /** Every operation of the service; only those the emulator serves carry their input and output. */
  operations: Record<string, { input?: Shape; output?: Shape }>
  shapes: Record<string, Shape>
}

const cache = new Map<string, ServiceModel>()

/** The model emulator/models/<name>.json, e.g. `ecs`, `codepipeline`, `monitoring`. */
export function loadModel(name: string): ServiceModel {
  let model = cache.get(name)
  if (!model) {
    const path = fileURLToPath(new URL(`../models/${name}.json`, import.meta.url))
    model = JSON.parse(readFileSync(path, 'utf8')) as ServiceModel
    cache.set(name, model)
  }
  return model
}

/** awsQuery requests carry no target, only `Version=<apiVersion>`: the dispatcher routes them by it. */
export function speaksQuery(model: ServiceModel): boolean {
  return model.metadata.protocol === 'query' || (model.metadata.protocols ?? []).includes('query')
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
