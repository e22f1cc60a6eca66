// Cold start of the bundled action, the way the runner starts it: `node dist/index.js` as a new process, beside
// bare node and a peer's bundle, all interleaved round by round (a shared machine's noise hits every series alike)
// and compared by their medians.
// - first request: spawn → the local server receiving the first AWS request of a valid monitor run, on a job's
//   first step (a fresh RUNNER_TEMP, no compile cache) and on a later step (the cache the first step filled);
// - the peer, moia-oss/aws-codepipeline-trigger (bench/peer.ts), timed the same way (its first request is
//   StartPipelineExecution; it keeps no compile cache, so every step of a job is a first step for it);
// - bad input: spawn → exit of a run refused at its inputs;
// - bare node: spawn → exit of `node -e ''`, the denominator of every ratio.
// Each figure twice: wall time (what a job waits) and CPU time (user + system, bench/cpu-hook.mjs), which other
// processes' load barely moves — on a busy shared machine the wall ratios stretch, the CPU ratios much less.
// Also what a valid monitor run loads before its first request (bench/loaded-hook.mjs) and dist/'s size.
// `npx tsx bench/cold-start.ts` (BENCH_RUNS=n rounds, 15 by default)
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { DIST, nodeBinary } from '../__tests__/helpers/run-action.js'
import { peerBundle, PEER_NAME } from './peer.js'

export interface BenchRow {
  name: string
  value: string
  reference: string
}

const ROUNDS = 15
const LOADED_HOOK = fileURLToPath(new URL('./loaded-hook.mjs', import.meta.url))
const CPU_HOOK = fileURLToPath(new URL('./cpu-hook.mjs', import.meta.url))

/** One timed process: wall ms (spawn → exit or → first request) and the CPU ms it had used by then. */
interface Timed {
  wall: number
  cpu: number
}

/** Spawns `node --import cpu-hook <args>`; `cpu` is read from its stderr once it has closed. */
function spawnTimed(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(nodeBinary(), ['--import', CPU_HOOK, ...args], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const cpu = (): number => Number(/cpu-ms ([\d.]+)/.exec(stderr)?.[1] ?? NaN)
  return { child, cpu }
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  if (s.length === 0) return NaN
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2
}

const temps: string[] = []
/** RUNNER_TEMP is per job on a runner: a fresh one is a job's first step (no compile cache yet). */
const freshRunnerTemp = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'adp-bench-'))
  temps.push(dir)
  return dir
}
const baseEnv = (runnerTemp = freshRunnerTemp()): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  RUNNER_TEMP: runnerTemp,
})

/** Spawn → exit. */
function timeToExit(args: string[], env: NodeJS.ProcessEnv): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const start = performance.now()
    const { child, cpu } = spawnTimed(args, env)
    child.on('error', reject)
    child.on('close', () => resolve({ wall: performance.now() - start, cpu: cpu() }))
  })
}

/** The AWS side: answers every request as CodePipeline does for a pipeline that does not exist. */
async function localAws(): Promise<{ url: string; onRequest: (f: () => void) => void; close: () => void }> {
  let arrived: (() => void) | undefined
  const server = createServer((req, res) => {
    arrived?.()
    arrived = undefined
    req.resume()
    res.writeHead(400, {
      'content-type': 'application/x-amz-json-1.1',
      'x-amzn-errortype': 'PipelineNotFoundException',
    })
    res.end('{"__type":"PipelineNotFoundException","message":"bench"}')
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    onRequest: (f) => (arrived = f),
    close: () => server.close(),
  }
}

const awsEnv = (url: string): NodeJS.ProcessEnv => ({
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'x',
  AWS_ENDPOINT_URL: url,
})

/** A valid monitor run of this action: its first request is GetPipeline. */
const monitorInputs: NodeJS.ProcessEnv = {
  INPUT_MODE: 'monitor',
  'INPUT_PIPELINE-NAME': 'shop-staging',
  'INPUT_EXECUTION-ID': '11111111-2222-3333-4444-555555555555',
  'INPUT_MAX-ATTEMPTS': '1',
}

/** The peer's inputs (its action.yml defaults spelt out, as the runner does): first request StartPipelineExecution. */
const peerInputs: NodeJS.ProcessEnv = {
  INPUT_PIPELINE: 'shop-staging',
  INPUT_WAIT: 'false',
  'INPUT_FOLLOW-CODEBUILD': 'false',
}

type Aws = Awaited<ReturnType<typeof localAws>>

/**
 * Spawn → the server receiving the first request; the process is then stopped (what follows is not timed), a
 * moment later so that its CPU time at the request reaches stderr.
 */
function timeToFirstRequest(aws: Aws, args: string[], env: NodeJS.ProcessEnv): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const start = performance.now()
    let at: number | undefined
    aws.onRequest(() => {
      at = performance.now() - start
      setTimeout(() => child.kill('SIGKILL'), 20)
    })
    const { child, cpu } = spawnTimed(args, env)
    child.on('error', reject)
    child.on('close', (code) =>
      at === undefined
        ? reject(new Error(`${args.at(-1)} exited (${code}) without a request`))
        : resolve({ wall: at, cpu: cpu() }),
    )
  })
}

/** Bytes of JavaScript (and files) a run loads before its first request. */
function loadedBeforeFirstRequest(
  aws: Aws,
  script: string,
  env: NodeJS.ProcessEnv,
): Promise<{ bytes: number; files: number }> {
  const report = join(freshRunnerTemp(), 'loaded.json')
  return new Promise((resolve, reject) => {
    const child = spawn(nodeBinary(), ['--import', LOADED_HOOK, script], {
      env: { ...env, LOADED_REPORT: report },
      stdio: 'ignore',
    })
    child.on('error', reject)
    child.on('close', () => {
      const loaded = JSON.parse(readFileSync(report, 'utf8')) as { bytes: number; files: object }
      resolve({ bytes: loaded.bytes, files: Object.keys(loaded.files).length })
    })
    aws.onRequest(() => undefined)
  })
}

/** Bytes of dist/: the JavaScript, the source maps, the rest (licenses, package.json). */
export function distBytes(dir = dirname(DIST)): { js: number; maps: number; other: number } {
  const sizes = { js: 0, maps: 0, other: 0 }
  for (const f of readdirSync(dir)) {
    const n = statSync(join(dir, f)).size
    if (f.endsWith('.map')) sizes.maps += n
    else if (/\.(c|m)?js$/.test(f)) sizes.js += n
    else sizes.other += n
  }
  return sizes
}

interface Series {
  bare: Timed[]
  badInput: Timed[]
  first: Timed[]
  cached: Timed[]
  peer: Timed[]
}

async function measure(aws: Aws, rounds: number, peer: string | undefined): Promise<Series> {
  const s: Series = { bare: [], badInput: [], first: [], cached: [], peer: [] }
  const jobTemp = freshRunnerTemp()
  const monitor = (temp?: string) => ({ ...baseEnv(temp), ...awsEnv(aws.url), ...monitorInputs })
  await timeToFirstRequest(aws, [DIST], monitor(jobTemp)) // the job's first step fills the cache
  for (let i = 0; i < rounds; i++) {
    s.bare.push(await timeToExit(['-e', ''], baseEnv()))
    s.first.push(await timeToFirstRequest(aws, [DIST], monitor()))
    if (peer)
      s.peer.push(await timeToFirstRequest(aws, [peer], { ...baseEnv(), ...awsEnv(aws.url), ...peerInputs }))
    s.cached.push(await timeToFirstRequest(aws, [DIST], monitor(jobTemp)))
    s.badInput.push(await timeToExit([DIST], { ...baseEnv(), INPUT_MODE: '' }))
  }
  return s
}

const wall = (xs: Timed[]): number => median(xs.map((x) => x.wall))
const cpu = (xs: Timed[]): number => median(xs.map((x) => x.cpu))
const ms = (n: number): string => `${n.toFixed(1)} ms`
/** Wall: median and ratio to bare node's; then CPU the same way. */
const figures = (xs: Timed[], bare: Timed[]): string =>
  `${ms(wall(xs))}, ${(wall(xs) / wall(bare)).toFixed(2)}× · CPU ${ms(cpu(xs))}, ${(cpu(xs) / cpu(bare)).toFixed(2)}×`
const kB = (n: number): string => `${(n / 1000).toFixed(0)} kB`

export async function benchColdStart(rounds = ROUNDS): Promise<{ rows: BenchRow[] }> {
  const aws = await localAws()
  const peer = peerBundle()
  try {
    const s = await measure(aws, rounds, peer.path)
    const monitorEnv = { ...baseEnv(), ...awsEnv(aws.url), ...monitorInputs }
    const ours = await loadedBeforeFirstRequest(aws, DIST, monitorEnv)
    const theirs = peer.path
      ? await loadedBeforeFirstRequest(aws, peer.path, { ...baseEnv(), ...awsEnv(aws.url), ...peerInputs })
      : undefined
    const dist = distBytes()
    const rows: BenchRow[] = [
      {
        name: `bare node -e "" (median of ${rounds}, interleaved)`,
        value: `${ms(wall(s.bare))} · CPU ${ms(cpu(s.bare))} (load average ${loadavg()[0]!.toFixed(1)})`,
        reference: 'a loaded machine stretches every ratio: compare ours with the peer of the same run',
      },
      {
        name: 'first AWS request, valid monitor run, job’s first step',
        value: figures(s.first, s.bare),
        reference: '≤ 3.0× bare node, ahead of the peer (issue 13: 4.11×)',
      },
      {
        name: 'first AWS request, later step (compile cache)',
        value: figures(s.cached, s.bare),
        reference: '≤ 2.5× bare node (issue 13: 3.27×)',
      },
      {
        name: `peer ${PEER_NAME}: first AWS request (every step)`,
        value: peer.path ? figures(s.peer, s.bare) : `not measured: ${peer.missing}`,
        reference: 'issue 13: 3.59×',
      },
      {
        name: 'bad input: spawn → exit',
        value: figures(s.badInput, s.bare),
        reference: 'issue 13: ~2.0×; ~3.4× once @actions/core (with undici) loaded on every path',
      },
      {
        name: 'JS a valid monitor run loads before its first request',
        value: `${kB(ours.bytes)} in ${ours.files} files${theirs ? ` (peer: ${kB(theirs.bytes)} in ${theirs.files})` : ''}`,
        reference: 'issue 13: 2,940 kB',
      },
      {
        name: 'dist/ bytes',
        value: `${kB(dist.js + dist.maps + dist.other)} (JS ${kB(dist.js)}, maps ${kB(dist.maps)}, other ${kB(dist.other)})`,
        reference: 'issue 13: 8,500 kB, half of it source maps',
      },
    ]
    return { rows }
  } finally {
    aws.close()
    for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { rows } = await benchColdStart(Number(process.env.BENCH_RUNS ?? ROUNDS))
  console.log(`node: ${nodeBinary()}`)
  for (const r of rows) console.log(`${r.name} | ${r.value} | ${r.reference}`)
}
