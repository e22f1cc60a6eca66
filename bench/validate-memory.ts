// validate's memory in the size of the service, measured in the action's own process (the bundle, under the
// runner's Node, as a step runs it; the emulator in another process): at 100, 1,000 and 5,000 tasks its peak RSS,
// the peak of what it keeps alive (heap and buffers right after a forced full collection, sampled every 20 ms),
// and the 5,000-task run under --max-old-space-size=32.
// Run: npx tsx bench/validate-memory.ts (after npm run package)
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DIST, nodeBinary } from '../__tests__/helpers/run-action.js'
import { emulatorProcess, type BenchRow } from './validate.js'

const MiB = 1024
const SIZES = [100, 1000, 5000]
const HOOK = fileURLToPath(new URL('./memory-hook.mjs', import.meta.url))

interface Measured {
  result?: string
  maxRssKiB?: number
  peakLiveKiB?: number
  code: number | null
  stderr: string
}

/** One validate run of the bundle against the emulator (bench/validate.ts's service of `tasks` tasks). */
function validateOnce(
  tasks: number,
  emuEnv: Record<string, string>,
  execArgv: string[] = [],
): Promise<Measured> {
  const dir = mkdtempSync(join(tmpdir(), 'adp-bench-memory-'))
  const report = join(dir, 'memory.json')
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    RUNNER_TEMP: dir,
    MEMORY_REPORT: report,
    ...emuEnv,
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'x',
    AWS_REGION: 'us-east-1',
    INPUT_MODE: 'validate',
    INPUT_CLUSTER: 'bench',
    INPUT_SERVICE: `svc-${tasks}`,
    'INPUT_API-NAME': 'bench',
    'INPUT_TIMEOUT-MINUTES': '60',
    INPUT_ROLLBACK: 'none',
    'INPUT_NOTIFY-ON': 'never',
  }
  return new Promise((resolve, reject) => {
    const child = spawn(nodeBinary(), [...execArgv, '--import', HOOK, DIST], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      let memory = {}
      try {
        memory = JSON.parse(readFileSync(report, 'utf8'))
      } catch {
        // the process died before writing it (out of memory): reported from the exit code and stderr
      }
      rmSync(dir, { recursive: true, force: true })
      resolve({ result: /name=result::(\w+)/.exec(out)?.[1], ...memory, code, stderr })
    })
  })
}

const mib = (kib?: number): string => `${((kib ?? NaN) / MiB).toFixed(1)} MiB`

export async function benchValidateMemory(): Promise<{ rows: BenchRow[] }> {
  const emu = await emulatorProcess(SIZES, 0)
  const rows: BenchRow[] = []
  try {
    for (const n of SIZES) {
      const r = await validateOnce(n, emu.env)
      const live = await validateOnce(n, emu.env, ['--expose-gc'])
      rows.push({
        name: `validate ${n} tasks: peak RSS · peak kept alive`,
        value: `${mib(r.maxRssKiB)} · ${mib(live.peakLiveKiB)} (${r.result ?? `exit ${r.code}`})`,
        reference: n === SIZES[0] ? 'issue 13: 136 MiB RSS at 5,000 tasks' : `≤ ${SIZES[0]} tasks + 10 MiB`,
      })
    }
    const capped = await validateOnce(SIZES.at(-1)!, emu.env, ['--max-old-space-size=32'])
    rows.push({
      name: `validate ${SIZES.at(-1)} tasks, --max-old-space-size=32`,
      value: capped.result
        ? `completes (${capped.result}), ${mib(capped.maxRssKiB)}`
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
