// Fault injection, deterministic from a seed: each decision hashes (seed, rule, service, operation, call
// number, attempt), so a test that repeats the same calls sees the same faults whatever the timing.
import { hashUnit } from './random.js'

export interface FaultRule {
  /** Service name (`codepipeline`, `ecs`, `monitoring`, `slack`, …); omitted = every service. */
  service?: string
  /** Operation name (`GetPipelineExecution`, `chat.postMessage`); omitted = every operation. */
  operation?: string
  /** Probability 0..1 of a throttling error (ThrottlingException 400; CloudWatch query code Throttling). */
  throttleRate?: number
  /** The `Retry-After` (seconds) of an HTTP route's throttling answer (429); default 1. */
  retryAfterSeconds?: number
  /** Probability 0..1 of a server error (`errorStatus`, default 500). */
  errorRate?: number
  errorStatus?: 500 | 502 | 503 | 504
  /** Probability 0..1 that the connection is destroyed without an answer. */
  dropRate?: number
  /**
   * Probability 0..1 that the request is accepted and never answered: the socket stays open until the client
   * gives up (its timeout or abort signal) or the emulator stops. The operation does not run.
   */
  hangRate?: number
  /**
   * Probability 0..1 that the connection is reset mid-body: the operation runs (its effects happen), the status
   * line, the headers (with the full Content-Length) and the first half of the body are sent, then the socket
   * is destroyed.
   */
  resetRate?: number
  /**
   * Probability 0..1 of an HTML page instead of the service's answer (`htmlStatus`, default 200, Content-Type
   * text/html): a captive portal, or a proxy's error page. The operation does not run.
   */
  htmlRate?: number
  htmlStatus?: 200 | 502 | 503 | 504
  /**
   * Probability 0..1 of a truncated answer: the operation runs, HTTP 200 with the protocol's content type (JSON;
   * XML for awsQuery) and the first half of the body, which does not parse.
   */
  malformedRate?: number
  /** Real milliseconds added before answering. */
  latencyMs?: number
  /**
   * Answer AccessDeniedException (400), as IAM does when no policy allows the call: every matching request,
   * deterministic (firstAttempts/firstCalls still apply). Not retried by the SDK: it is a client error.
   */
  deny?: boolean
  /** Only attempts 1..N of a call are affected (attempt from the SDK's `amz-sdk-request` header). */
  firstAttempts?: number
  /** Only the first N requests this rule matches are affected (counts requests, not calls). */
  firstCalls?: number
  /**
   * The first N requests this rule matches pass unharmed; the rule applies from request N+1 on (with
   * firstCalls, to the firstCalls requests after those). A fault in the middle of a run, or from then on.
   */
  skipCalls?: number
}

export interface FaultConfig {
  seed?: number
  rules: FaultRule[]
}

export type FaultKind = 'throttle' | 'error' | 'drop' | 'deny' | 'hang' | 'reset' | 'html' | 'malformed'

export interface FaultDecision {
  kind?: FaultKind
  status?: number
  /** With kind `throttle`: the Retry-After an HTTP route answers. */
  retryAfterSeconds?: number
  latencyMs: number
}

export class FaultInjector {
  private config: FaultConfig = { rules: [] }
  private readonly calls = new Map<string, number>()
  private readonly ruleHits = new Map<number, number>()

  constructor(
    config: FaultConfig | undefined,
    private readonly defaultSeed: number,
  ) {
    this.set(config)
  }

  /** Replace the rules; counters start again so the new rules behave as if fresh. */
  set(config: FaultConfig | undefined): void {
    for (const rule of config?.rules ?? []) validateRule(rule)
    this.config = config ?? { rules: [] }
    this.calls.clear()
    this.ruleHits.clear()
  }

  decide(service: string, operation: string, attempt: number): FaultDecision {
    const key = `${service}.${operation}`
    // A new call starts at attempt 1; retries share the call number so their dice differ only by attempt.
    const call = attempt <= 1 ? (this.calls.get(key) ?? 0) + 1 : (this.calls.get(key) ?? 1)
    this.calls.set(key, call)
    const seed = this.config.seed ?? this.defaultSeed
    const decision: FaultDecision = { latencyMs: 0 }
    this.config.rules.forEach((rule, index) => {
      if (rule.service !== undefined && rule.service !== service) return
      if (rule.operation !== undefined && rule.operation !== operation) return
      if (rule.firstAttempts !== undefined && attempt > rule.firstAttempts) return
      if (rule.firstCalls !== undefined || rule.skipCalls !== undefined) {
        const hits = (this.ruleHits.get(index) ?? 0) + 1
        this.ruleHits.set(index, hits)
        const skip = rule.skipCalls ?? 0
        if (hits <= skip) return
        if (rule.firstCalls !== undefined && hits > skip + rule.firstCalls) return
      }
      decision.latencyMs += rule.latencyMs ?? 0
      if (decision.kind) return
      const roll = (kind: string, rate: number | undefined) =>
        rate !== undefined && rate > 0 && hashUnit(seed, index, key, call, attempt, kind) < rate
      if (rule.deny) decision.kind = 'deny'
      else if (roll('drop', rule.dropRate)) decision.kind = 'drop'
      else if (roll('hang', rule.hangRate)) decision.kind = 'hang'
      else if (roll('reset', rule.resetRate)) decision.kind = 'reset'
      else if (roll('throttle', rule.throttleRate)) {
        decision.kind = 'throttle'
        decision.retryAfterSeconds = rule.retryAfterSeconds
      } else if (roll('error', rule.errorRate)) {
        decision.kind = 'error'
        decision.status = rule.errorStatus ?? 500
      } else if (roll('html', rule.htmlRate)) {
        decision.kind = 'html'
        decision.status = rule.htmlStatus ?? 200
      } else if (roll('malformed', rule.malformedRate)) decision.kind = 'malformed'
    })
    return decision
  }
}

const RATES = [
  'throttleRate',
  'errorRate',
  'dropRate',
  'hangRate',
  'resetRate',
  'htmlRate',
  'malformedRate',
] as const

function validateRule(rule: FaultRule): void {
  for (const k of RATES) {
    const v = rule[k]
    if (v !== undefined && !(v >= 0 && v <= 1))
      throw new Error(`fault rule ${k} must be within 0..1, got ${v}`)
  }
  const after = rule.retryAfterSeconds
  if (after !== undefined && !(Number.isInteger(after) && after >= 0))
    throw new Error(`fault rule retryAfterSeconds must be a whole number of seconds, got ${after}`)
}
