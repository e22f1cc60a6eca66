// validate's memory in the size of the service: peak RSS of one validate run (its own process, the emulator
// in another) at 100, 1,000 and 5,000 tasks, and the 5,000-task run under --max-old-space-size=32.
// Run: npx tsx bench/validate-memory.ts
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { emulatorProcess, type BenchRow } from './validate.js'

const MiB = 1024
const SIZES = [100, 1000, 5000]

function validateOnce(
  service: string,
  env: Record<string, string>,
  execArgv: string[] = [],
): Promise<{ verdict?: string; maxRssKiB?: number; code: number | null; stderr: string }> {
  const script = fileURLToPath(new URL('./validate-memory-run.ts', import.meta.url))
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...execArgv, '--import', 'tsx', script, service], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      const line = out.trim().split('\n').pop() ?? ''
      resolve({ ...(line.startsWith('{') ? JSON.parse(line) : {}), code, stderr })
    })
  })
}

export async function benchValidateMemory(): Promise<{ rows: BenchRow[] }> {
  const emu = await emulatorProcess(SIZES, 0)
  const rows: BenchRow[] = []
  try {
    const peaks: number[] = []
    for (const n of SIZES) {
      const r = await validateOnce(`svc-${n}`, emu.env)
      peaks.push(r.maxRssKiB ?? NaN)
      rows.push({
        name: `validate peak RSS, ${n} tasks`,
        value: `${((r.maxRssKiB ?? NaN) / MiB).toFixed(1)} MiB (${r.verdict ?? `exit ${r.code}`})`,
        reference: n === SIZES[0] ? '—' : `≤ ${SIZES[0]} tasks + 10 MiB`,
      })
    }
    const capped = await validateOnce(`svc-${SIZES.at(-1)}`, emu.env, ['--max-old-space-size=32'])
    rows.push({
      name: `validate ${SIZES.at(-1)} tasks, --max-old-space-size=32`,
      value: capped.verdict
        ? `completes (${capped.verdict}), ${((capped.maxRssKiB ?? NaN) / MiB).toFixed(1)} MiB`
        : `fails (exit ${capped.code}${/heap out of memory/i.test(capped.stderr) ? ', heap out of memory' : ''})`,
      reference: 'completes',
    })
  } finally {
    await emu.stop()
  }
  return { rows }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { rows } = await benchValidateMemory()
  for (const r of rows) console.log(`${r.name} | ${r.value} | ${r.reference}`)
}
