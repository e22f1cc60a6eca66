// Cold start of the bundled action, the way the runner starts it: `node dist/index.js` as a new process.
// 1. A bad-input run (exits after config validation) against bare `node -e ''`, interleaved, medians.
// 2. Time from process start to the first AWS request of a valid run, against a local server.
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { performance } from 'node:perf_hooks'
import { DIST, nodeBinary } from '../__tests__/helpers/run-action.js'

export interface BenchRow {
  name: string
  value: string
  reference: string
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  const upper = s[Math.floor(s.length / 2)] ?? NaN // NaN for no samples, as before
  return s.length % 2 ? upper : ((s[s.length / 2 - 1] ?? NaN) + upper) / 2
}

function timeProcess(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now()
    const child = spawn(nodeBinary(), args, { env, stdio: 'ignore' })
    child.on('error', reject)
    child.on('close', () => resolve(performance.now() - start))
  })
}

/** RUNNER_TEMP is per job on a runner: a fresh one is a job's first step (no compile cache yet). */
const freshRunnerTemp = (): string => mkdtempSync(join(tmpdir(), 'adp-bench-'))
const baseEnv = (runnerTemp = freshRunnerTemp()): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  RUNNER_TEMP: runnerTemp,
})

/** ms from spawn to the first HTTP request the action sends. */
async function timeToFirstRequest(runs: number): Promise<number[]> {
  let arrived: (() => void) | undefined
  const server = createServer((req, res) => {
    arrived?.()
    req.resume()
    // A terminal execution, so the run ends quickly after the measurement.
    res.writeHead(400, {
      'content-type': 'application/x-amz-json-1.1',
      'x-amzn-errortype': 'PipelineNotFoundException',
    })
    res.end('{"__type":"PipelineNotFoundException","message":"bench"}')
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    const first = new Promise<number>((r) => (arrived = () => r(performance.now() - start)))
    const child = spawn(nodeBinary(), [DIST], {
      stdio: 'ignore',
      env: {
        ...baseEnv(),
        INPUT_MODE: 'monitor',
        'INPUT_PIPELINE-NAME': 'shop-staging',
        'INPUT_EXECUTION-ID': '11111111-2222-3333-4444-555555555555',
        'INPUT_MAX-ATTEMPTS': '1',
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
        AWS_SECRET_ACCESS_KEY: 'x',
        AWS_ENDPOINT_URL: url,
      },
    })
    const exited = new Promise<null>((r) => child.on('close', () => r(null)))
    const t = await Promise.race([first, exited])
    if (t !== null) times.push(t)
    await exited
  }
  server.close()
  return times
}

export async function benchColdStart(runs = 15): Promise<{ rows: BenchRow[] }> {
  const bare: number[] = []
  const action: number[] = []
  const cached: number[] = []
  const jobTemp = freshRunnerTemp()
  await timeProcess([DIST], { ...baseEnv(jobTemp), INPUT_MODE: '' }) // the job's first step fills the cache
  for (let i = 0; i < runs; i++) {
    bare.push(await timeProcess(['-e', ''], baseEnv()))
    action.push(await timeProcess([DIST], { ...baseEnv(), INPUT_MODE: '' }))
    cached.push(await timeProcess([DIST], { ...baseEnv(jobTemp), INPUT_MODE: '' }))
  }
  const first = await timeToFirstRequest(Math.min(runs, 10))
  const ratio = median(action) / median(bare)
  const rows: BenchRow[] = [
    { name: 'cold start: bare node -e "" (median)', value: `${median(bare).toFixed(1)} ms`, reference: '—' },
    {
      name: 'cold start: dist/index.js bad input (median)',
      value: `${median(action).toFixed(1)} ms`,
      reference: '—',
    },
    {
      name: 'cold start: ratio to bare node',
      value: `${ratio.toFixed(2)}×`,
      reference: '≤ 4× (fastest AWS action ≈ 4.5×, ECS deploy ≈ 6×)',
    },
    {
      name: 'later steps of a job (compile cache warm)',
      value: `${median(cached).toFixed(1)} ms, ${(median(cached) / median(bare)).toFixed(2)}×`,
      reference: 'the 2nd and 3rd step of create-pipeline → monitor → validate',
    },
    {
      name: 'start → first AWS request, valid monitor run (median)',
      value: first.length ? `${median(first).toFixed(1)} ms` : 'n/a (no request: monitor mode not available)',
      reference: '—',
    },
  ]
  return { rows }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { rows } = await benchColdStart(Number(process.env.BENCH_RUNS ?? 15))
  console.log(`node: ${nodeBinary()}`)
  console.table(rows)
}
