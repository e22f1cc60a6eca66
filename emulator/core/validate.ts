// Generic request checking against the service model: required members, JSON types, and the lengths, ranges,
// patterns and enums of the model's shapes — plus a service's hand-written ModelConstraints for what AWS checks
// but its model does not say. Timestamps are decoded into Date on the way.
// Problems are reported the way AWS's frontend words them: "1 validation error detected: Value 'x' at
// 'pipeline.stages.1.member.name' failed to satisfy constraint: Member must …".
import type { ConstraintIndex } from './constraints.js'
import { resolveShape, shapeType, type ServiceModel, type Shape } from './model.js'
import type { MemberConstraint } from './types.js'

export interface ValidationIssue {
  kind: 'missing' | 'invalid'
  /** AWS-style location, e.g. `pipeline.stages.1.member.name`. */
  path: string
  message: string
}

export interface CheckedInput {
  value: any
  issues: ValidationIssue[]
}

export function checkInput(
  model: ServiceModel,
  operation: string,
  input: unknown,
  constraints: ConstraintIndex,
): CheckedInput {
  const issues: ValidationIssue[] = []
  const shape = model.operations[operation]?.input
  if (!shape) return { value: input ?? {}, issues }
  const walker = new Walker(model, operation, constraints, issues)
  const value = walker.walk(shape, input ?? {}, '', '')
  return { value, issues }
}

export function describeIssues(issues: ValidationIssue[]): string {
  const head = `${issues.length} validation error${issues.length === 1 ? '' : 's'} detected: `
  return head + issues.map((i) => i.message).join('; ')
}

class Walker {
  constructor(
    private readonly model: ServiceModel,
    private readonly operation: string,
    private readonly constraints: ConstraintIndex,
    private readonly issues: ValidationIssue[],
  ) {}

  walk(member: Shape, value: unknown, path: string, cpath: string): unknown {
    const shape = resolveShape(this.model, member)
    const type = shapeType(shape)
    if (value === null || value === undefined) return value
    const constraint = this.constraint(shape, cpath)
    switch (type) {
      case 'structure':
        return this.structure(shape, value, path, cpath)
      case 'list':
        if (!Array.isArray(value)) return this.wrongType(value, path, 'a list')
        this.check(value.length, value, path, constraint, 'length')
        return value.map((item, i) =>
          this.walk(shape.member ?? {}, item, join(path, `${i + 1}.member`), cpath + '[]'),
        )
      case 'map': {
        if (!isObject(value)) return this.wrongType(value, path, 'a map')
        const entries = Object.entries(value)
        this.check(entries.length, value, path, constraint, 'length')
        const out: Record<string, unknown> = {}
        for (const [k, v] of entries) {
          this.scalar(shape.key ?? {}, k, join(path, k), cpath + '{key}')
          out[k] = this.walk(shape.value ?? {}, v, join(path, k), cpath + '{}')
        }
        return out
      }
      default:
        return this.scalar(shape, value, path, cpath)
    }
  }

  private structure(shape: Shape, value: unknown, path: string, cpath: string): unknown {
    if (!isObject(value)) return this.wrongType(value, path, 'a structure')
    const out: Record<string, unknown> = { ...value }
    for (const name of shape.required ?? []) {
      if (value[name] === undefined || value[name] === null) {
        this.issues.push({
          kind: 'missing',
          path: join(path, name),
          message: `Value null at '${join(path, name)}' failed to satisfy constraint: Member must not be null`,
        })
      }
    }
    for (const [name, member] of Object.entries(shape.members ?? {})) {
      if (value[name] === undefined) continue
      out[name] = this.walk(member, value[name], join(path, name), cpath ? `${cpath}.${name}` : name)
    }
    return out
  }

  /** The model's constraints on a shape, with the service's hand-written ones for that path laid over them. */
  private constraint(shape: Shape, cpath: string): MemberConstraint | undefined {
    const own = this.constraints(this.operation, cpath)
    if (own?.checkedByHandler) return undefined
    const { min, max, pattern } = shape
    return { min, max, pattern, enum: shape.enum, ...own }
  }

  private scalar(member: Shape, value: unknown, path: string, cpath: string): unknown {
    const shape = resolveShape(this.model, member)
    const constraint = this.constraint(shape, cpath)
    switch (shapeType(shape)) {
      case 'string':
        if (typeof value !== 'string') return this.wrongType(value, path, 'a string')
        this.check(value.length, value, path, constraint, 'length')
        if (constraint?.pattern && !matches(constraint.pattern, value)) {
          this.invalid(value, path, `Member must satisfy regular expression pattern: ${constraint.pattern}`)
        }
        if (constraint?.enum && !constraint.enum.includes(value)) {
          this.invalid(value, path, `Member must satisfy enum value set: [${constraint.enum.join(', ')}]`)
        }
        return value
      case 'integer':
      case 'long':
        if (typeof value !== 'number' || !Number.isInteger(value))
          return this.wrongType(value, path, 'an integer')
        this.check(value, value, path, constraint, 'value')
        return value
      case 'float':
      case 'double':
        if (typeof value !== 'number') return this.wrongType(value, path, 'a number')
        this.check(value, value, path, constraint, 'value')
        return value
      case 'boolean':
        if (typeof value !== 'boolean') return this.wrongType(value, path, 'a boolean')
        return value
      case 'timestamp': {
        const date = toDate(value)
        if (!date) return this.wrongType(value, path, 'a timestamp')
        return date
      }
      case 'blob':
        if (typeof value !== 'string') return this.wrongType(value, path, 'base64 data')
        return value
      default:
        return value
    }
  }

  private check(
    n: number,
    value: unknown,
    path: string,
    c: MemberConstraint | undefined,
    what: 'length' | 'value',
  ) {
    if (!c) return
    if (c.min !== undefined && n < c.min) {
      this.invalid(value, path, `Member must have ${what} greater than or equal to ${c.min}`)
    }
    if (c.max !== undefined && n > c.max) {
      this.invalid(value, path, `Member must have ${what} less than or equal to ${c.max}`)
    }
  }

  private wrongType(value: unknown, path: string, expected: string): unknown {
    this.invalid(value, path, `Member must be ${expected}`)
    return value
  }

  private invalid(value: unknown, path: string, rule: string) {
    this.issues.push({
      kind: 'invalid',
      path,
      message: `Value ${show(value)} at '${path}' failed to satisfy constraint: ${rule}`,
    })
  }
}

const patterns = new Map<string, RegExp>()

/**
 * AWS's frontend matches a pattern against the whole value (Java's `matches()`), so it is anchored here. Every
 * pattern of the vendored models compiles as a JavaScript regular expression (emulator/__tests__/models.test.ts).
 */
function matches(pattern: string, value: string): boolean {
  let re = patterns.get(pattern)
  if (!re) {
    re = new RegExp(`^(?:${pattern})$`, 'su')
    patterns.set(pattern, re)
  }
  return re.test(value)
}

function join(path: string, step: string): string {
  return path ? `${path}.${step}` : step
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** JSON protocols send epoch seconds; awsQuery sends ISO-8601 strings. */
export function toDate(value: unknown): Date | undefined {
  if (value instanceof Date) return value
  if (typeof value === 'number' && Number.isFinite(value)) return new Date(Math.round(value * 1000))
  if (typeof value === 'string' && value !== '') {
    const d = /^\d+(\.\d+)?$/.test(value) ? new Date(Number(value) * 1000) : new Date(value)
    return Number.isNaN(d.getTime()) ? undefined : d
  }
  return undefined
}

function show(value: unknown): string {
  if (typeof value === 'string') return `'${value.length > 200 ? value.slice(0, 200) + '…' : value}'`
  const json = JSON.stringify(value) ?? String(value)
  return json.length > 200 ? json.slice(0, 200) + '…' : json
}
