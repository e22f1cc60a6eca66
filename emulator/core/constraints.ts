// Member constraints by operation and path (see ModelConstraints in types.ts), indexed once per service.
import type { MemberConstraint, ModelConstraints } from './types.js'

export type ConstraintIndex = (operation: string, path: string) => MemberConstraint | undefined

export function indexConstraints(constraints: ModelConstraints | undefined): ConstraintIndex {
  const byOperation = new Map<string, Map<string, MemberConstraint>>()
  for (const [ops, paths] of Object.entries(constraints ?? {})) {
    for (const op of ops.split('|')) {
      const map = byOperation.get(op) ?? new Map<string, MemberConstraint>()
      for (const [path, c] of Object.entries(paths)) map.set(path, { ...map.get(path), ...c })
      byOperation.set(op, map)
    }
  }
  return (operation, path) => {
    const own = byOperation.get(operation)?.get(path)
    const any = byOperation.get('*')?.get(path)
    return own && any ? { ...any, ...own } : (own ?? any)
  }
}
