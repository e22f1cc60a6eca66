// A readable diff between the current and the desired declaration (both in comparable form), for the log and
// the job summary: one context line per stage/action that changed, then `-`/`+` lines per setting. Pure.

type Leaf = { group: string; key: string; value: string }

const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v))

const isNamed = (v: unknown): v is { name: string } =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  typeof (v as { name?: unknown }).name === 'string'

/** Flattens a declaration into settings, grouped by the stage/action they belong to. */
function leaves(value: unknown, path: string[] = [], out: Leaf[] = []): Leaf[] {
  if (Array.isArray(value)) {
    const named = value.every(isNamed)
    // Lists of bare names (artifacts) and of scalars read best on one line.
    if (
      value.every((v) => typeof v !== 'object' || v === null) ||
      (named && value.every((v) => Object.keys(v).length === 1))
    ) {
      out.push(leaf(path, show(named ? value.map((v) => (v as { name: string }).name) : value)))
      return out
    }
    value.forEach((v, i) =>
      leaves(
        v,
        [...path.slice(0, -1), `${path[path.length - 1]}[${named ? (v as { name: string }).name : i}]`],
        out,
      ),
    )
    return out
  }
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) leaves(v, [...path, k], out)
    return out
  }
  out.push(leaf(path, show(value)))
  return out
}

/**
 * Configuration keys that hold credentials (a GitHub v1 source's OAuthToken, which AWS masks on reads): a
 * `pipeline-definition` may carry one, and the diff goes to the log, the summary and the report output.
 */
const SECRET_KEY = /token|secret|password|passphrase|api_?key|credential/i

function leaf(path: string[], raw: string): Leaf {
  const inConfiguration = path.includes('configuration')
  const value = inConfiguration && SECRET_KEY.test(path[path.length - 1] ?? '') ? '****' : raw
  const stage = /^stages\[(.+)\]$/.exec(path[0] ?? '')
  const action = /^actions\[(.+)\]$/.exec(path[1] ?? '')
  if (stage && action)
    return { group: `stage ${stage[1]} › action ${action[1]}`, key: path.slice(2).join('.'), value }
  if (stage) return { group: `stage ${stage[1]}`, key: path.slice(1).join('.'), value }
  return { group: 'pipeline', key: path.join('.'), value }
}

/** `+`/`-`/` ` prefixed lines; empty when nothing differs. `current` undefined = everything is new. */
export function diffLines(current: unknown, desired: unknown): string[] {
  const have = current === undefined ? [] : leaves(current)
  const want = desired === undefined ? [] : leaves(desired)
  const id = (l: Leaf) => `${l.group}\u0000${l.key}`
  const haveBy = new Map(have.map((l) => [id(l), l]))
  const wantBy = new Map(want.map((l) => [id(l), l]))
  const groups = new Map<string, string[]>()
  const add = (group: string, line: string) => groups.set(group, [...(groups.get(group) ?? []), line])
  for (const l of [...want, ...have.filter((h) => !wantBy.has(id(h)))]) {
    const before = haveBy.get(id(l))
    const after = wantBy.get(id(l))
    if (before && after && before.value === after.value) continue
    if (before) add(l.group, `-   ${l.key}: ${before.value}`)
    if (after) add(l.group, `+   ${l.key}: ${after.value}`)
  }
  return [...groups].flatMap(([group, lines]) => [`  ${group}`, ...lines])
}

/** Tag changes as diff lines. */
export function tagDiffLines(changes: {
  set: Record<string, string>
  remove: string[]
  current: Record<string, string>
}): string[] {
  const lines: string[] = []
  for (const [k, v] of Object.entries(changes.set)) {
    if (k in changes.current) lines.push(`-   ${k}: ${changes.current[k]}`)
    lines.push(`+   ${k}: ${v}`)
  }
  for (const k of changes.remove) lines.push(`-   ${k}: ${changes.current[k] ?? ''}`)
  return lines.length === 0 ? [] : ['  tags', ...lines]
}
