// Readers for hand-written scenario sections: each names the path of a bad value, because a scenario
// mistake should fail at load with a message that points at the line to fix, not as a wrong answer later.

export type Obj = Record<string, unknown>

export function fail(path: string, message: string): never {
  throw new Error(`scenario ${path}: ${message}`)
}

/** A list the parser fills with a default when the scenario gives none, typed as never empty. */
export type NonEmpty<T> = [T, ...T[]]

export function nonEmpty<T>(items: T[], path: string): NonEmpty<T> {
  const [head, ...rest] = items
  return head === undefined ? fail(path, 'must not be empty') : [head, ...rest]
}

export function obj(value: unknown, path: string): Obj {
  if (value === undefined || value === null) return {}
  if (typeof value !== 'object' || Array.isArray(value)) fail(path, 'must be a mapping')
  return value as Obj
}

export function list(value: unknown, path: string): unknown[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) fail(path, 'must be a list')
  return value
}

export function num(value: unknown, path: string, fallback: number, min = -Infinity): number {
  if (value === undefined || value === null) return fallback
  if (typeof value !== 'number' || !Number.isFinite(value))
    fail(path, `must be a number, got ${JSON.stringify(value)}`)
  if (value < min) fail(path, `must be at least ${min}, got ${value}`)
  return value
}

export function optNum(value: unknown, path: string, min = -Infinity): number | undefined {
  return value === undefined || value === null ? undefined : num(value, path, 0, min)
}

export function str(value: unknown, path: string, fallback?: string): string {
  if (value === undefined || value === null) {
    if (fallback === undefined) fail(path, 'is required')
    return fallback
  }
  if (typeof value !== 'string' || value === '')
    fail(path, `must be a non-empty string, got ${JSON.stringify(value)}`)
  return value
}

export function optStr(value: unknown, path: string): string | undefined {
  return value === undefined || value === null ? undefined : str(value, path)
}

export function bool(value: unknown, path: string, fallback: boolean): boolean {
  if (value === undefined || value === null) return fallback
  if (typeof value !== 'boolean') fail(path, `must be true or false, got ${JSON.stringify(value)}`)
  return value
}

export function oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[], fallback: T): T {
  if (value === undefined || value === null) return fallback
  if (!allowed.includes(value as T))
    fail(path, `must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`)
  return value as T
}

/** Rejects keys the reader does not know: a typo (`desiredcount`) must not silently fall back to a default. */
export function known(value: Obj, path: string, keys: readonly string[]): void {
  for (const key of Object.keys(value))
    if (!keys.includes(key)) fail(`${path}.${key}`, `unknown key (known: ${keys.join(', ')})`)
}
