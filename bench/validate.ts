// validate at scale: services of 1,000 and 5,000 tasks with a fixed latency added to every AWS call in the
// emulator. Prints the calls per operation beside the minimum, and the wall time beside the lower bound:
// DescribeServices, then the ⌈N/100⌉ ListTasks pages in sequence (each needs the previous nextToken), then
// the last page's DescribeTasks — every other DescribeTasks, the GetMetricData, the deployment history and
// the one page of STOPPED tasks (the crashes) overlap with the pages. The emulator runs in its own process
// (its CPU work is AWS's, not the action's).
// Run: npx tsx bench/validate.ts
import { createAwsClients } from '../src/aws.js'
import type { ModeDeps } from '../src/deps.js'
import type { ValidateConfig } from '../src/config/types.js'
import { run } from '../src/validate/run.js'
import { fork, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { Scenario } from '../emulator/index.js'
import { targetGroupArn } from '../emulator/services/elbv2/index.js'

export interface BenchRow {
  name: string
  value: string
  reference: string
}

const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50)
const RUNS = 5
const SIZES = [1000, 5000]

function scenario(sizes = SIZES): Scenario {
  const api = (name: string, sum: number) => ({
    namespace: 'AWS/ApiGateway',
    name,
    dimensions: { ApiName: 'bench' },
    delay: 60,
    points: [{ from: -7200, to: 600, every: 60, sum, count: 1000, min: 0, max: 1 }],
  })
  return {
    ecs: {
      clusters: {
        bench: {
          services: Object.fromEntries(
            sizes.map((n) => [
              `svc-${n}`,
              {
                desiredCount: n,
                taskDefinitions: [{ images: { app: `123456789012.dkr.ecr.us-east-1.amazonaws.com/svc:v1` } }],
                deployments: [{ at: -7200 }],
                // Behind an Application Load Balancer: its target group's health and 5XX rate are checked too.
                loadBalancers: [
                  {
                    targetGroupArn: targetGroupArn('us-east-1', '123456789012', `tg-${n}`),
                    containerName: 'app',
                    containerPort: 8080,
                  },
                ],
              },
            ]),
          ),
        },
      },
    },
    elbv2: {
      loadBalancers: { bench: {} },
      targetGroups: Object.fromEntries(
        sizes.map((n) => [`tg-${n}`, { loadBalancer: 'bench', traffic: { requestsPerMinute: 1000 } }]),
      ),
    },
    apigateway: { restApis: { bench: {} } },
    cloudwatch: { metrics: [api('5XXError', 2), api('Count', 1000)] },
  } as unknown as Scenario
}

function benchConfig(service: string): ValidateConfig {
  return {
    mode: 'validate',
    region: 'us-east-1',
    timeoutMs: 60 * 60_000,
    maxAttempts: 3,
    reporting: { notifyOn: 'never', statusFinal: true, failOnAlertError: false },
    run: { serverUrl: 'https://github.com', apiUrl: 'https://api.github.com' },
    cluster: 'bench',
    service,
    waitForStable: true,
    api: { name: 'bench' },
    maxErrorRate: 0.01,
    windowMinutes: 5,
    metricChecks: [],
    alarmNames: [],
    pauseHook: 'off',
    onMissingData: 'warn',
    bakeMs: 0,
    rollback: 'none',
  }
}

const quiet = {
  info: () => undefined,
  warning: () => undefined,
  debug: () => undefined,
  group: <T>(_name: string, fn: () => Promise<T>) => fn(),
}

/** Starts bench/emulator-process.ts and talks to it over IPC. */
export async function emulatorProcess(sizes = SIZES, latencyMs = LATENCY_MS) {
  const child: ChildProcess = fork(fileURLToPath(new URL('./emulator-process.ts', import.meta.url)), {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const ask = <T>(msg: object): Promise<T> =>
    new Promise((resolve) => {
      child.once('message', (m) => resolve(m as T))
      child.send(msg)
    })
  const { env } = await ask<{ env: Record<string, string> }>({
    start: { scenario: scenario(sizes), faults: { rules: [{ latencyMs }] } },
  })
  return {
    env,
    counts: async () => (await ask<{ counts: Record<string, number> }>({ counts: true })).counts,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve())
        child.send({ stop: true })
      }),
  }
}

export async function benchValidate(): Promise<{ rows: BenchRow[] }> {
  const emu = await emulatorProcess()
  const saved = { ...process.env }
  Object.assign(process.env, emu.env)
  const rows: BenchRow[] = []
  try {
    const deps: ModeDeps = {
      aws: await createAwsClients({ region: 'us-east-1', maxAttempts: 3 }, process.env),
      now: Date.now,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      log: quiet,
      signal: new AbortController().signal,
      env: process.env,
    }
    await run(benchConfig(`svc-${SIZES[0]}`), deps) // warm-up: connections, JIT
    for (const n of SIZES) {
      const pages = Math.ceil(n / 100)
      const times: number[] = []
      let counts: Record<string, number> = {}
      let verdict = ''
      for (let i = 0; i < RUNS; i++) {
        const before = await emu.counts()
        const t0 = performance.now()
        const result = await run(benchConfig(`svc-${n}`), deps)
        times.push(performance.now() - t0)
        verdict = result.verdict
        const after = await emu.counts()
        counts = Object.fromEntries(
          Object.entries(after)
            .map(([k, v]) => [k, v - (before[k] ?? 0)] as const)
            .filter(([, v]) => v > 0),
        )
      }
      const wall = times.sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? NaN
      const bound = (pages + 2) * LATENCY_MS
      // + DescribeTargetGroups and DescribeTargetHealth (the service's one target group), GetRestApis and GetApis
      // (api-name found by name): all four alongside the task pages.
      const minimum = 1 + pages + pages + 1 + 4
      const total = Object.values(counts).reduce((a, b) => a + b, 0)
      const calls = Object.entries(counts)
        .map(([k, v]) => `${k.split('.')[1]} ${v}`)
        .join(', ')
      rows.push(
        {
          name: `${n} tasks: calls (${verdict})`,
          value: `${total}: ${calls}`,
          reference: `minimum ${minimum} (DescribeServices 1, ListTasks ${pages}, DescribeTasks ${pages}, GetMetricData 1 for the API and the target group's rate, DescribeTargetGroups 1, DescribeTargetHealth 1, GetRestApis 1, GetApis 1 — the last four alongside the pages); by design +1 ListServiceDeployments (a completed rollback is invisible otherwise) and +1 ListTasks for one page of STOPPED tasks, in parallel with the RUNNING pages (crashes the scheduler replaced are invisible otherwise), +1 DescribeTasks when any task stopped`,
        },
        {
          name: `${n} tasks: wall time (median of ${RUNS}, ${LATENCY_MS} ms per call)`,
          value: `${Math.round(wall)} ms${bound > 0 ? ` = ${(wall / bound).toFixed(2)}× bound` : ''}`,
          reference: `bound ${bound} ms: DescribeServices + ${pages} ListTasks pages in sequence + last DescribeTasks (${pages + 2} × ${LATENCY_MS} ms); aim ≤ 1.3×. validate asks for page 1 alongside DescribeServices, so its own chain is ${pages + 1} calls`,
        },
      )
    }
  } finally {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k]
    Object.assign(process.env, saved)
    await emu.stop()
  }
  return { rows }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { rows } = await benchValidate()
  const nameWidth = Math.max(...rows.map((r) => r.name.length))
  const valueWidth = Math.max(...rows.map((r) => r.value.length))
  for (const r of rows)
    console.log(`${r.name.padEnd(nameWidth)} | ${r.value.padEnd(valueWidth)} | ${r.reference}`)
}
