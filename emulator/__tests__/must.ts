// Lookups for tests under noUncheckedIndexedAccess: a missing element fails the test with a message naming what was
// missing, where a `!` would fail later with "cannot read properties of undefined".

import { must } from '../core/must.js'

export { must }

type List<T> = readonly T[] | null | undefined

/** items[index], or a failure naming the list and its length. */
export function nth<T>(items: List<T>, index: number, what = 'the list'): T {
  return must(items?.at(index), `an element at ${index} of ${what} (length ${items?.length ?? 'none'})`)
}

/** The first element, or a failure naming the list. */
export function firstOf<T>(items: List<T>, what = 'the list'): T {
  return nth(items, 0, what)
}

/** The last element, or a failure naming the list. */
export function lastOf<T>(items: List<T>, what = 'the list'): T {
  return nth(items, -1, what)
}

/** The one element of a list that must hold exactly one. */
export function only<T>(items: List<T>, what = 'the list'): T {
  if (items?.length !== 1)
    throw new Error(`expected exactly one element in ${what}, got ${items?.length ?? 'none'}`)
  return nth(items, 0, what)
}
