/** A value an invariant guarantees (a list checked non-empty, an index within bounds), or an error naming it. */
export function must<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`expected ${what}, got ${String(value)}`)
  return value
}
