// Finding 4 of issue 11: the monitor's first reads meeting a hostile network — no answer (a short client
// timeout), a reset mid-body, a proxy's 502 page, a captive portal's 200 page, truncated JSON, a cancel while a
// read hangs — end in a clean verdict that names what could not be read, never a JS error; and a transient
// failure that clears before the deadline is waited out to the right verdict.
import { afterEach, describe, expect, it } from '@jest/globals'
import { NodeHttpHandler } from '@smithy/node-http-handler'
import { startEmulator, type Emulator, type FaultRule } from '../../emulator/index.js'
import type { AwsClients, ClientClass } from '../../src/aws.js'
import { monitorConfig } from '../helpers/config.js'
import { emulatorDeps } from '../helpers/deps.js'
import { run } from '../../src/monitor/run.js'
import { followExecution } from '../../src/execution/follow.js'
import { execId, sha, shopScenario } from './scenarios.js'

let emulator: Emulator | undefined
afterEach(async () => {
  await emulator?.stop()
  emulator = undefined
})

/** Clients with a short request timeout (a hung read fails in 100 ms of real time) and no SDK retries. */
function shortTimeoutClients(e: Emulator): AwsClients & { destroy(): void } {
  const made = new Map<unknown, { destroy(): void }>()
  return {
    get<T>(Client: ClientClass<T>): T {
      if (!made.has(Client)) {
        made.set(
          Client,
          new Client({
            region: 'us-east-1',
            endpoint: e.url,
            credentials: { accessKeyId: 'AKIAEMULATOR', secretAccessKey: 'secret' },
            maxAttempts: 1,
            requestHandler: new NodeHttpHandler({ requestTimeout: 100, throwOnRequestTimeout: true }),
          }) as { destroy(): void },
        )
      }
      return made.get(Client) as T
    },
    destroy: () => made.forEach((c) => c.destroy()),
  }
}

const scenario = () =>
  shopScenario({
    commits: [{ sha: sha(1), at: -60 }],
    executions: [{ id: execId(1), at: 0, commit: sha(1) }],
  })

/** `which`: the execution followed, by id (default) or by the commit it runs. */
type Which = { 'execution-id': string } | { 'commit-sha': string }

async function monitor(
  rules: FaultRule[],
  opts: { timeoutMinutes?: string; cancelAfterMs?: number; which?: Which } = {},
) {
  emulator = await startEmulator({ scenario: scenario(), faults: { rules } })
  const e = emulator
  const abort = new AbortController()
  const deps = await emulatorDeps(e, { signal: abort.signal })
  const aws = shortTimeoutClients(e)
  deps.aws = aws
  const timer =
    opts.cancelAfterMs === undefined ? undefined : setTimeout(() => abort.abort(), opts.cancelAfterMs)
  try {
    const config = monitorConfig(
      {
        'pipeline-name': 'shop-staging',
        ...(opts.which ?? { 'execution-id': execId(1) }),
        'timeout-minutes': opts.timeoutMinutes ?? '2',
        'poll-interval-seconds': '10',
      },
      { GITHUB_REPOSITORY: 'acme/shop' },
    )
    const result = await run(config, deps)
    return { result, lines: deps.log.lines, e }
  } finally {
    clearTimeout(timer)
    aws.destroy()
  }
}

/** No JS error text anywhere the user reads. */
const JS_ERROR =
  /ReferenceError|TypeError|SyntaxError|before initialization|is not defined|Cannot read prop|Deserialization error|\$response/

const firstReads: [string, FaultRule][] = [
  ['no answer (the request times out)', { hangRate: 1 }],
  ['a reset mid-body', { resetRate: 1 }],
  ["a proxy's 502 page", { htmlRate: 1, htmlStatus: 502 }],
  ["a captive portal's 200 page", { htmlRate: 1 }],
  ['truncated JSON', { malformedRate: 1 }],
]

describe('monitor: the first read never gets a valid answer', () => {
  it.each(firstReads)('%s: timed out, naming the pipeline that could not be read', async (_, fault) => {
    const { result, lines } = await monitor([{ service: 'codepipeline', operation: 'GetPipeline', ...fault }])
    expect(result.verdict).toBe('failure')
    expect(result.reason).toMatch(
      new RegExp(
        `^Timed out after 2 min following execution ${execId(1)} of shop-staging; no status read yet: ` +
          'the pipeline shop-staging could not be read \\(last attempt: codepipeline:GetPipeline: ',
      ),
    )
    expect(result.reason).toMatch(/could not be verified\)\.$/)
    expect(result.unverified).toBe(true)
    expect(result.reason).not.toMatch(JS_ERROR)
    expect(lines.join('\n')).not.toMatch(JS_ERROR)
  })

  it('the executions listing fails the same way: named too', async () => {
    const { result } = await monitor([
      { service: 'codepipeline', operation: 'ListPipelineExecutions', htmlRate: 1, htmlStatus: 502 },
    ])
    expect(result.unverified).toBe(true)
    expect(result.reason).toMatch(
      /the executions of shop-staging could not be read \(last attempt: codepipeline:ListPipelineExecutions: AWS answered with something that is not a valid response \(HTTP 502, text\/html\) — could not be verified\)\.$/,
    )
  })

  it("the execution's own status never reads: the execution is named", async () => {
    const { result } = await monitor([
      { service: 'codepipeline', operation: 'GetPipelineExecution', malformedRate: 1 },
      { service: 'codepipeline', operation: 'ListActionExecutions', malformedRate: 1 },
    ])
    expect(result.reason).toMatch(
      new RegExp(`execution ${execId(1)} could not be read \\(last attempt: codepipeline:`),
    )
    expect(result.reason).not.toMatch(JS_ERROR)
  })

  it('cancelled while the first read hangs: a cancel, not a crash', async () => {
    const { result } = await monitor([{ service: 'codepipeline', operation: 'GetPipeline', hangRate: 1 }], {
      timeoutMinutes: '30',
      cancelAfterMs: 50,
    })
    expect(result.cancelled).toBe(true)
    expect(result.verdict).toBe('failure')
    expect(result.unverified).toBeUndefined()
    expect(result.reason).toMatch(
      new RegExp(`^Cancelled while following execution ${execId(1)} of shop-staging`),
    )
    expect(result.reason).not.toMatch(JS_ERROR)
  })
})

// The commit's execution is looked for in ListPipelineExecutions: a listing that never answered is no proof that
// the commit did not run — unverified, naming the call, never "the pipeline has no executions".
describe('monitor by commit: the executions listing never answers', () => {
  const listing = (fault: FaultRule): FaultRule[] => [
    { service: 'codepipeline', operation: 'ListPipelineExecutions', ...fault },
  ]
  it.each<[string, FaultRule, string]>([
    [
      'HTTP 503 on every read',
      { errorRate: 1, errorStatus: 503 },
      'ListPipelineExecutions failed — ServiceUnavailable: Service is unavailable',
    ],
    [
      'no answer (the request times out)',
      { hangRate: 1 },
      'codepipeline:ListPipelineExecutions: no answer within the time left before the deadline (the request timed out) — could not be verified',
    ],
  ])('%s: unverified, naming ListPipelineExecutions', async (_, fault, lastAttempt) => {
    const { result } = await monitor(listing(fault), { which: { 'commit-sha': sha(1) } })
    expect(result.verdict).toBe('failure')
    expect(result.unverified).toBe(true)
    expect(result.reason).toBe(
      `No execution of shop-staging for commit 1111111 was found within 2 min: the executions of shop-staging could not be read (last attempt: ${lastAttempt}).`,
    )
    expect(result.reason).not.toMatch(/has no executions|appeared within/)
    expect(result.reason).not.toMatch(JS_ERROR)
  })

  it('a listing that answered once, then never again: unverified, with the executions it read', async () => {
    const { result } = await monitor(listing({ errorRate: 1, errorStatus: 503, skipCalls: 1 }), {
      which: { 'commit-sha': sha(9) },
      timeoutMinutes: '1',
    })
    expect(result.unverified).toBe(true)
    expect(result.reason).toMatch(
      new RegExp(
        `^No execution of shop-staging for commit 9999999 was found within 1 min: the executions of shop-staging could not be read \\(last attempt: ListPipelineExecutions failed — ServiceUnavailable: Service is unavailable\\)\\. The latest executions: ${execId(1)} `,
      ),
    )
  })

  it('a listing that answers without the commit stays a measured "no execution appeared"', async () => {
    const { result } = await monitor([], { which: { 'commit-sha': sha(9) }, timeoutMinutes: '1' })
    expect(result.unverified).toBeUndefined()
    expect(result.reason).toMatch(
      new RegExp(
        `^No execution of shop-staging for commit 9999999 appeared within 1 min\\. The latest executions: ${execId(1)} `,
      ),
    )
  })
})

describe('monitor: a first read that recovers is waited out', () => {
  it.each(firstReads)(
    '%s on the first three reads, then the execution is followed to success',
    async (_, fault) => {
      const { result, e } = await monitor([{ service: 'codepipeline', firstCalls: 3, ...fault }], {
        timeoutMinutes: '30',
      })
      expect(result.verdict).toBe('success')
      expect(result.unverified).toBeUndefined()
      expect(e.log.entries.filter((x) => x.fault).length).toBe(3)
    },
  )
})

describe('create-pipeline: following an execution whose first reads fail', () => {
  it('followExecution answers a clean timeout', async () => {
    emulator = await startEmulator({
      scenario: scenario(),
      faults: { rules: [{ service: 'codepipeline', operation: 'GetPipeline', resetRate: 1 }] },
    })
    const deps = await emulatorDeps(emulator)
    const aws = shortTimeoutClients(emulator)
    deps.aws = aws
    try {
      const config = monitorConfig({ 'pipeline-name': 'shop-staging', 'execution-id': execId(1) }, {})
      const outcome = await followExecution(
        {
          pipelineName: 'shop-staging',
          executionId: execId(1),
          follow: config.follow,
          deadline: deps.now() + 60_000,
          run: config.run,
          region: 'us-east-1',
        },
        deps,
      )
      expect(outcome).toMatchObject({
        verdict: 'failure',
        timedOut: true,
        cancelled: false,
        unverified: true,
      })
      expect(outcome.reason).toMatch(
        /the pipeline shop-staging could not be read \(last attempt: codepipeline:GetPipeline: the connection was reset/,
      )
      expect(outcome.reason).not.toMatch(JS_ERROR)
    } finally {
      aws.destroy()
    }
  })
})
