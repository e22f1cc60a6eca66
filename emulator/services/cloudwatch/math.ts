// Metric math, the subset a deployment check uses: + - * / between series and scalars, parentheses, arrays
// [a, b], FILL(x, value|REPEAT), SUM/AVG/MIN/MAX (of an array → series; of one series → scalar), ABS.
// Series arithmetic keeps only timestamps present on both sides, as CloudWatch does.

export class MathError extends Error {}

export type Node =
  | { k: 'num'; v: number }
  | { k: 'id'; name: string }
  | { k: 'word'; name: string }
  | { k: 'neg'; e: Node }
  | { k: 'bin'; op: '+' | '-' | '*' | '/'; l: Node; r: Node }
  | { k: 'call'; fn: string; args: Node[] }
  | { k: 'arr'; items: Node[] }

export interface TimeSeries {
  /** Seconds. */
  period: number
  /** Timestamp (ms) → value, in ascending time order. */
  points: Map<number, number>
}

export type Value =
  | { kind: 'scalar'; v: number; period?: number }
  | { kind: 'series'; s: TimeSeries }
  | { kind: 'array'; items: TimeSeries[] }

type Token = { t: 'num'; v: number } | { t: 'name'; v: string } | { t: 'op'; v: string }

function tokenize(src: string): Token[] {
  const out: Token[] = []
  const re = /\s*(?:(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|([-+*/()[\],]))/y
  let pos = 0
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break
    re.lastIndex = pos
    const m = re.exec(src)
    if (!m) throw new MathError(`Unexpected character at position ${pos + 1}: "${src.slice(pos).trim()[0]}"`)
    if (m[1] !== undefined) out.push({ t: 'num', v: Number(m[1]) })
    else if (m[2] !== undefined) out.push({ t: 'name', v: m[2] })
    else if (m[3] !== undefined) out.push({ t: 'op', v: m[3] })
    pos = re.lastIndex
  }
  return out
}

export function parse(src: string): Node {
  const tokens = tokenize(src)
  let i = 0
  const peek = () => tokens[i]
  const isOp = (v: string) => peek()?.t === 'op' && peek()!.v === v
  const takeOp = () => {
    const token = tokens[i++]
    if (token?.t !== 'op') throw new MathError('Expected an operator')
    return token.v
  }
  const expect = (v: string) => {
    if (!isOp(v)) throw new MathError(`Expected "${v}"`)
    i++
  }
  const expr = (): Node => {
    let l = term()
    while (isOp('+') || isOp('-')) {
      const op = takeOp() as '+' | '-'
      l = { k: 'bin', op, l, r: term() }
    }
    return l
  }
  const term = (): Node => {
    let l = unary()
    while (isOp('*') || isOp('/')) {
      const op = takeOp() as '*' | '/'
      l = { k: 'bin', op, l, r: unary() }
    }
    return l
  }
  const unary = (): Node => {
    if (isOp('-')) {
      i++
      return { k: 'neg', e: unary() }
    }
    return primary()
  }
  const list = (close: string): Node[] => {
    const items: Node[] = []
    if (!isOp(close)) {
      items.push(expr())
      while (isOp(',')) {
        i++
        items.push(expr())
      }
    }
    expect(close)
    return items
  }
  const primary = (): Node => {
    const tok = tokens[i++]
    if (!tok) throw new MathError('Unexpected end of expression')
    if (tok.t === 'num') return { k: 'num', v: tok.v }
    if (tok.t === 'name') {
      if (isOp('(')) {
        i++
        return { k: 'call', fn: tok.v, args: list(')') }
      }
      return /^[a-z]/.test(tok.v) ? { k: 'id', name: tok.v } : { k: 'word', name: tok.v }
    }
    if (tok.v === '(') {
      const e = expr()
      expect(')')
      return e
    }
    if (tok.v === '[') return { k: 'arr', items: list(']') }
    throw new MathError(`Unexpected "${tok.v}"`)
  }
  const node = expr()
  if (i < tokens.length) throw new MathError(`Unexpected "${(tokens[i] as { v: unknown }).v}"`)
  return node
}

/** Query ids the expression reads. */
export function references(node: Node, out = new Set<string>()): Set<string> {
  switch (node.k) {
    case 'id':
      out.add(node.name)
      break
    case 'neg':
      references(node.e, out)
      break
    case 'bin':
      references(node.l, out)
      references(node.r, out)
      break
    case 'call':
      node.args.forEach((a) => references(a, out))
      break
    case 'arr':
      node.items.forEach((a) => references(a, out))
  }
  return out
}

export interface Window {
  /** ms, aligned. */
  start: number
  /** ms, exclusive. */
  end: number
}

export function evaluate(node: Node, lookup: (id: string) => TimeSeries, window: Window): Value {
  const ev = (n: Node): Value => evaluate(n, lookup, window)
  switch (node.k) {
    case 'num':
      return { kind: 'scalar', v: node.v }
    case 'id':
      return { kind: 'series', s: lookup(node.name) }
    case 'word':
      throw new MathError(`Unknown identifier "${node.name}"`)
    case 'neg':
      return arithmetic('-', { kind: 'scalar', v: 0 }, ev(node.e))
    case 'bin':
      return arithmetic(node.op, ev(node.l), ev(node.r))
    case 'arr': {
      const items: TimeSeries[] = []
      for (const v of node.items.map(ev)) {
        if (v.kind === 'series') items.push(v.s)
        else if (v.kind === 'array') items.push(...v.items)
        else throw new MathError('An array may hold only time series')
      }
      return { kind: 'array', items }
    }
    case 'call':
      return call(node, ev, window)
  }
}

function call(node: Extract<Node, { k: 'call' }>, ev: (n: Node) => Value, window: Window): Value {
  const fn = node.fn.toUpperCase()
  const arity = (n: number) => {
    if (node.args.length !== n) throw new MathError(`${fn} takes ${n} argument${n === 1 ? '' : 's'}`)
  }
  const arg = (k: number): Node => {
    const a = node.args[k]
    if (!a) throw new MathError(`${fn} takes ${k + 1} argument${k === 0 ? '' : 's'}`)
    return a
  }
  switch (fn) {
    case 'FILL': {
      arity(2)
      const target = ev(arg(0))
      const how = arg(1)
      const fill = (s: TimeSeries) => fillSeries(s, how, ev, window)
      if (target.kind === 'series') return { kind: 'series', s: fill(target.s) }
      if (target.kind === 'array') return { kind: 'array', items: target.items.map(fill) }
      throw new MathError('FILL needs a time series')
    }
    case 'ABS': {
      arity(1)
      return map(ev(arg(0)), Math.abs)
    }
    case 'SUM':
    case 'AVG':
    case 'MIN':
    case 'MAX': {
      arity(1)
      const v = ev(arg(0))
      if (v.kind === 'series')
        return { kind: 'scalar', v: reduce(fn, [...v.s.points.values()]), period: v.s.period }
      if (v.kind === 'array') return { kind: 'series', s: across(fn, v.items) }
      throw new MathError(`${fn} needs a time series or an array of time series`)
    }
    default:
      throw new MathError(`Unsupported function ${node.fn}`)
  }
}

function fillSeries(s: TimeSeries, how: Node, ev: (n: Node) => Value, window: Window): TimeSeries {
  const repeat = how.k === 'word' && how.name.toUpperCase() === 'REPEAT'
  let value = NaN
  if (!repeat) {
    const v = ev(how)
    if (v.kind !== 'scalar') throw new MathError('FILL takes a number or REPEAT as its second argument')
    value = v.v
  }
  const points = new Map<number, number>()
  let last: number | undefined
  for (let t = window.start; t < window.end; t += s.period * 1000) {
    const own = s.points.get(t)
    if (own !== undefined) last = own
    const v = own ?? (repeat ? last : value)
    if (v !== undefined) points.set(t, v)
  }
  return { period: s.period, points }
}

function reduce(fn: string, values: number[]): number {
  if (values.length === 0) return NaN
  if (fn === 'SUM') return values.reduce((a, b) => a + b, 0)
  if (fn === 'AVG') return values.reduce((a, b) => a + b, 0) / values.length
  return fn === 'MIN' ? Math.min(...values) : Math.max(...values)
}

/** Per timestamp across several series (those that have a value there). */
function across(fn: string, items: TimeSeries[]): TimeSeries {
  const stamps = [...new Set(items.flatMap((s) => [...s.points.keys()]))].sort((a, b) => a - b)
  const points = new Map<number, number>()
  for (const t of stamps) {
    const values = items.map((s) => s.points.get(t)).filter((v): v is number => v !== undefined)
    points.set(t, reduce(fn, values))
  }
  return { period: items[0]?.period ?? 60, points }
}

function map(v: Value, f: (x: number) => number): Value {
  if (v.kind === 'scalar') return { ...v, v: f(v.v) }
  const one = (s: TimeSeries): TimeSeries => ({
    period: s.period,
    points: new Map([...s.points].map(([t, x]) => [t, f(x)])),
  })
  return v.kind === 'series' ? { kind: 'series', s: one(v.s) } : { kind: 'array', items: v.items.map(one) }
}

const OPS = {
  '+': (a: number, b: number) => a + b,
  '-': (a: number, b: number) => a - b,
  '*': (a: number, b: number) => a * b,
  '/': (a: number, b: number) => a / b,
}

function arithmetic(op: keyof typeof OPS, l: Value, r: Value): Value {
  const f = OPS[op]
  if (l.kind === 'scalar' && r.kind === 'scalar')
    return { kind: 'scalar', v: f(l.v, r.v), period: l.period ?? r.period }
  if (l.kind === 'scalar') return map(r, (x) => f(l.v, x))
  if (r.kind === 'scalar') return map(l, (x) => f(x, r.v))
  if (l.kind === 'series' && r.kind === 'series') {
    const points = new Map<number, number>()
    for (const [t, a] of l.s.points) {
      const b = r.s.points.get(t)
      if (b !== undefined) points.set(t, f(a, b))
    }
    return { kind: 'series', s: { period: l.s.period, points } }
  }
  throw new MathError('Arithmetic between arrays of time series is not supported')
}
