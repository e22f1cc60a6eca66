// Monitor benchmark: AWS calls per minute of pipeline time and detection latency (terminal state → step exit)
// of the monitor at its default settings, beside the peers' design: a fixed 10-second poller making one status
// read (GetPipelineExecution) per poll, as moia-oss/aws-codepipeline-trigger and solarmosaic/aws-codepipeline-
// execute do. Three kinds of run, each averaged over random start offsets: a succeeding run with history, a
// failing run (an end no history predicts) and a succeeding run of a new pipeline (no history). The pipeline:
// Source → Build → Test (unit ∥ integration) → Deploy, ~12 minutes, with three past executions whose durations
// differ from this one's by up to ±15 % (the monitor learns from them; the run it follows is never exactly like
// them). The monitor's calls count every read (set-up, status, progress); the reads that explain a failure
// once it is seen come on top of the budget and are shown apart. Runs on the emulator's manual clock, through
// the SDK.
// `npx tsx bench/monitor.ts`
import {
  CodePipelineClient,
  GetPipelineExecutionCommand,
  ListPipelineExecutionsCommand,
} from '@aws-sdk/client-codepipeline'
import { startEmulator, type Emulator, type Scenario } from '../emulator/index.js'
import { monitorConfig } from '../__tests__/helpers/config.js'
import { emulatorDeps } from '../__tests__/helpers/deps.js'
import type { ModeDeps } from '../src/deps.js'
import { run as monitor } from '../src/monitor/run.js'

const RUNS = 24
const EXECUTION = '00000009-0000-4000-8000-000000000009'
const SHA = 'abcdef0123456789abcdef0123456789abcdef01'
/** Usual durations, seconds. */
const USUAL = { Source: 10, Build: 270, UnitTest: 90, IntegrationTest: 200, Deploy: 240 }

interface Sample {
  callsPerMinute: number
  /** The reads that explain a failure (CodeBuild, CloudWatch Logs), per minute. */
  explainingPerMinute: number
  latencyS: number
}

type Kind = 'history' | 'failing' | 'new'
const KINDS: { kind: Kind; label: string }[] = [
  { kind: 'history', label: 'succeeding run with history' },
  { kind: 'failing', label: 'failing run' },
  { kind: 'new', label: 'new pipeline (no history)' },
]

function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const jitter = (random: () => number) =>
  Object.fromEntries(
    Object.entries(USUAL).map(([name, s]) => [
      name,
      { durationSeconds: Math.round(s * (0.85 + 0.3 * random())) },
    ]),
  )

function scenario(random: () => number, kind: Kind): Scenario {
  const current = jitter(random)
  const past = [3, 2, 1].map((h) => ({ at: -h * 3600, commit: SHA, actions: jitter(random) }))
  if (kind === 'failing') {
    // Integration tests fail somewhere in their run: an end no history predicts.
    current.IntegrationTest = {
      durationSeconds: Math.round(USUAL.IntegrationTest * (0.2 + 0.8 * random())),
      outcome: 'Failed',
    } as never
  }
  return {
    start: '2026-11-20T10:00:00Z',
    repositories: { 'acme/shop': { staging: [{ sha: SHA, at: -1 }] } },
    ecs: {
      clusters: {
        'shop-staging': {
          services: {
            shop: {
              desiredCount: 1,
              taskDefinitions: [
                { images: { shop: '123456789012.dkr.ecr.us-east-1.amazonaws.com/shop:base' } },
              ],
              deployments: [{ taskDefinition: 1, at: -86400 }],
            },
          },
        },
      },
    },
    codepipeline: {
      pipelines: [
        {
          declaration: 'shop-staging',
          executions: [
            ...(kind === 'new' ? [] : past),
            { id: EXECUTION, at: 0, commit: SHA, actions: current },
          ],
        },
      ],
    },
  }
}

const silent = { info() {}, warning() {}, debug() {}, group: <T>(_n: string, fn: () => Promise<T>) => fn() }

/** The peers' design: every 10 s one status read, until a terminal status. */
async function fixedPoller(deps: ModeDeps): Promise<void> {
  const client = deps.aws.get(CodePipelineClient)
  for (;;) {
    const out = await client.send(
      new GetPipelineExecutionCommand({ pipelineName: 'shop-staging', pipelineExecutionId: EXECUTION }),
    )
    if (!['InProgress', 'Stopping'].includes(out.pipelineExecution?.status ?? '')) return
    await deps.sleep(10_000)
  }
}

async function terminalTime(e: Emulator): Promise<number> {
  const client = new CodePipelineClient({
    region: 'us-east-1',
    endpoint: e.url,
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
  })
  const out = await client.send(new ListPipelineExecutionsCommand({ pipelineName: 'shop-staging' }))
  const ours = out.pipelineExecutionSummaries?.find((s) => s.pipelineExecutionId === EXECUTION)
  return ours!.lastUpdateTime!.getTime()
}

type Poller = 'monitor' | 'fixed'

const EXPLAINING = new Set(['codebuild', 'logs'])

async function once(poller: Poller, seed: number, kind: Kind): Promise<Sample> {
  const random = rng(seed)
  const e = await startEmulator({ scenario: scenario(random, kind), seed })
  try {
    const deps = await emulatorDeps(e)
    deps.log = { ...silent, lines: [] }
    // The step starts 0–60 s after the execution (the workflow and the pipeline both start on the push).
    e.clock.advance(Math.round(random() * 60_000))
    const started = e.clock.now()
    if (poller === 'monitor') {
      const config = monitorConfig({
        'pipeline-name': 'shop-staging',
        'execution-id': EXECUTION,
        'commit-sha': SHA,
      })
      await monitor(config, deps)
    } else {
      await fixedPoller(deps)
    }
    const exited = e.clock.now()
    const explaining = e.log.entries.filter((c) => EXPLAINING.has(c.service)).length
    const calls = e.log.entries.length - explaining
    const end = await terminalTime(e)
    const minutes = (end - started) / 60_000
    return {
      callsPerMinute: calls / minutes,
      explainingPerMinute: explaining / minutes,
      latencyS: (exited - end) / 1000,
    }
  } finally {
    await e.stop()
  }
}

async function measure(poller: Poller, kind: Kind) {
  const samples: Sample[] = []
  for (let i = 0; i < RUNS; i++) samples.push(await once(poller, 1000 + i, kind))
  const mean = (f: (s: Sample) => number) => samples.reduce((a, s) => a + f(s), 0) / samples.length
  const max = (f: (s: Sample) => number) => Math.max(...samples.map(f))
  return {
    calls: mean((s) => s.callsPerMinute),
    explaining: mean((s) => s.explainingPerMinute),
    latency: mean((s) => s.latencyS),
    maxLatency: max((s) => s.latencyS),
  }
}

export async function benchMonitor(): Promise<{
  rows: { name: string; value: string; reference: string }[]
}> {
  const rows: { name: string; value: string; reference: string }[] = []
  for (const { kind, label } of KINDS) {
    const m = await measure('monitor', kind)
    const f = await measure('fixed', kind)
    const explaining = m.explaining > 0 ? ` (+${m.explaining.toFixed(2)} explaining the failure)` : ''
    rows.push(
      {
        name: `${label}: AWS calls / min of pipeline time`,
        value: `${m.calls.toFixed(2)}${explaining}`,
        reference: `${f.calls.toFixed(2)} fixed 10 s, one status read per poll`,
      },
      {
        name: `${label}: mean detection latency`,
        value: `${m.latency.toFixed(2)} s (max ${m.maxLatency.toFixed(1)} s), ${(m.latency / f.latency).toFixed(2)} of the poller's`,
        reference: `${f.latency.toFixed(2)} s (max ${f.maxLatency.toFixed(1)} s) fixed 10 s`,
      },
    )
  }
  return { rows }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { rows } = await benchMonitor()
  console.log(
    `monitor benchmark: ${RUNS} random start offsets each, default settings (poll-interval-seconds 10)`,
  )
  const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => (Object.values(r)[i] ?? '').length), 9))
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(w[i] ?? 0)).join(' | ')} |`
  console.log(line(['figure', 'monitor', 'reference']))
  console.log(`|${w.map((x) => '-'.repeat(x + 2)).join('|')}|`)
  for (const r of rows) console.log(line([r.name, r.value, r.reference]))
}
