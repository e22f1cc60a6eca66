// Tag changes for an existing pipeline. When the `tags` input is set it is the pipeline's whole tag set (AWS's
// reserved `aws:` tags excepted, which nobody may change); when it is empty, tags are left alone. Pure.
import type { Tag } from '../config/types.js'

export interface TagChanges {
  /** Keys to add or change, with their new values. */
  set: Record<string, string>
  /** Keys to remove. */
  remove: string[]
  current: Record<string, string>
}

export function tagChanges(desired: Tag[], current: Record<string, string>): TagChanges {
  const want = Object.fromEntries(desired.map((t) => [t.key, t.value]))
  const set = Object.fromEntries(Object.entries(want).filter(([k, v]) => current[k] !== v))
  const remove = Object.keys(current).filter((k) => !(k in want) && !k.startsWith('aws:'))
  return { set, remove, current }
}

export const hasTagChanges = (c: TagChanges | undefined): boolean =>
  c !== undefined && (Object.keys(c.set).length > 0 || c.remove.length > 0)
