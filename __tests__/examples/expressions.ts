// `${{ … }}` in an example's `with:` values, evaluated the way the runner does for the few forms examples use:
// a context path (`github.sha`, `secrets.X`, `vars.X`, `steps.<id>.outputs.<name>`, `needs.<job>.outputs.<name>`),
// a quoted literal, and `==` / `!=` between two of them. Anything else throws: a new form needs a line here, never
// a silent empty string.

export type Context = Record<string, unknown>

export function interpolate(value: string, context: Context): string {
  return value.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_whole, expression: string) =>
    asText(evaluate(expression, context)),
  )
}

function evaluate(expression: string, context: Context): unknown {
  const comparison = /^(.+?)\s*(==|!=)\s*(.+)$/.exec(expression)
  if (comparison) {
    const [, left = '', op, right = ''] = comparison
    const equal =
      String(operand(left, context)).toLowerCase() === String(operand(right, context)).toLowerCase()
    return op === '==' ? equal : !equal
  }
  return operand(expression, context)
}

function operand(text: string, context: Context): unknown {
  const literal = /^'((?:[^']|'')*)'$/.exec(text.trim())
  if (literal) return (literal[1] ?? '').replace(/''/g, "'")
  const path = text.trim().split('.')
  if (!path.every((p) => /^[A-Za-z_][\w-]*$/.test(p))) throw new Error(`Unsupported expression: ${text}`)
  let value: unknown = context
  for (const [i, key] of path.entries()) {
    // A step not run yet, or an output never set, reads as '' on the runner; anything else missing is a gap in
    // the simulation.
    if (['steps', 'outputs'].includes(path[i - 1] ?? '') && isRecord(value) && !(key in value)) return ''
    if (!isRecord(value) || !(key in value)) throw new Error(`The simulated context has no ${text.trim()}`)
    value = value[key]
  }
  return value
}

function asText(value: unknown): string {
  if (value === undefined || value === null) return ''
  return typeof value === 'string' ? value : String(value)
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null
