// `npm run bench`: every benchmark in bench/, one table, each figure beside its reference. The cold-start and
// validate-memory rows run dist/ as a step does: build it first (npm run package); the peer's bundle comes from
// `npx tsx bench/peer.ts` (its row says so when it is missing).
import { benchColdStart, type BenchRow } from './cold-start.js'

interface Bench {
  name: string
  run: () => Promise<{ rows: BenchRow[] }>
}

const benches: Bench[] = [
  { name: 'cold start', run: () => benchColdStart() },
  { name: 'monitor', run: async () => (await import('./monitor.js')).benchMonitor() },
  { name: 'validate', run: async () => (await import('./validate.js')).benchValidate() },
  {
    name: 'validate memory',
    run: async () => (await import('./validate-memory.js')).benchValidateMemory(),
  },
  { name: 'deadline', run: async () => (await import('./deadline.js')).benchDeadline() },
]

const rows: (BenchRow & { bench: string })[] = []
for (const bench of benches) {
  process.stderr.write(`running ${bench.name} …\n`)
  const started = Date.now()
  const result = await bench.run()
  rows.push(...result.rows.map((r) => ({ bench: bench.name, ...r })))
  process.stderr.write(`  ${bench.name}: ${((Date.now() - started) / 1000).toFixed(1)} s\n`)
}

const widths = ['bench', 'name', 'value', 'reference'].map((k) =>
  Math.max(k.length, ...rows.map((r) => String(r[k as keyof typeof r]).length)),
)
const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`
console.log(line(['bench', 'name', 'value', 'reference']))
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`)
for (const r of rows) console.log(line([r.bench, r.name, r.value, r.reference]))
