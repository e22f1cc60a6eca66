// Tag changes: the tags input is the whole set, aws: tags are never touched.
import { describe, expect, it } from '@jest/globals'
import { hasTagChanges, tagChanges } from '../../src/pipeline/tags.js'

describe('tagChanges', () => {
  it.each<{
    name: string
    want: Record<string, string>
    have: Record<string, string>
    set: Record<string, string>
    remove: string[]
  }>([
    { name: 'same', want: { a: '1' }, have: { a: '1' }, set: {}, remove: [] },
    { name: 'added', want: { a: '1', b: '2' }, have: { a: '1' }, set: { b: '2' }, remove: [] },
    { name: 'changed', want: { a: '2' }, have: { a: '1' }, set: { a: '2' }, remove: [] },
    { name: 'removed', want: { a: '1' }, have: { a: '1', b: '2' }, set: {}, remove: ['b'] },
    { name: 'aws: tags kept', want: { a: '1' }, have: { a: '1', 'aws:x': 'y' }, set: {}, remove: [] },
  ])('$name', ({ want, have, set, remove }) => {
    const c = tagChanges(
      Object.entries(want).map(([key, value]) => ({ key, value })),
      have,
    )
    expect(c.set).toEqual(set)
    expect(c.remove).toEqual(remove)
    expect(hasTagChanges(c)).toBe(Object.keys(set).length + remove.length > 0)
  })
  it('no changes when tags were not read', () => expect(hasTagChanges(undefined)).toBe(false))
})
