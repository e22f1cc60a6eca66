// One HTTP request → the service operation or HTTP route it is for → faults, model checks, handler → the wire
// answer of its protocol, and one request-log entry.
import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { indexConstraints, type ConstraintIndex } from './constraints.js'
import type { FaultDecision, FaultInjector } from './faults.js'
import { taint, taintBody } from './hostile.js'
import { jsonError, jsonSuccess, type WireResponse } from './json-protocol.js'
import { loadModel, speaksQuery, type ServiceModel } from './model.js'
import { decodeQuery, xmlError, xmlSuccess } from './query-protocol.js'
import type { RequestLog, RequestLogEntry } from './request-log.js'
import {
  AwsError,
  type AwsService,
  type ErrorCodeSpec,
  type HttpRequest,
  type HttpResponse,
  type HttpRoute,
  type RequestContext,
  type World,
} from './types.js'
import { checkInput, describeIssues } from './validate.js'

interface ServiceEntry {
  service: AwsService
  model?: ServiceModel
  constraints: ConstraintIndex
}

type Resolved =
  | { kind: 'aws'; entry: ServiceEntry; operation: string; wire: 'json' | 'query'; raw: () => unknown }
  | {
      kind: 'bad-aws'
      service: string
      operation: string
      wire: 'json' | 'query'
      error: AwsError
      entry?: ServiceEntry
    }
  | { kind: 'route'; route: HttpRoute; operation: string; request: HttpRequest }
  | { kind: 'none'; request: HttpRequest }

export interface DispatcherDeps {
  services: AwsService[]
  routes: HttpRoute[]
  settle: () => void
  world: World
  faults: FaultInjector
  log: RequestLog
  /** Text added to every free-text field of every answer (emulator/core/hostile.ts); none when undefined. */
  hostileText?: () => string | undefined
}

export class Dispatcher {
  private readonly byPrefix = new Map<string, ServiceEntry>()
  private readonly byQueryVersion = new Map<string, ServiceEntry>()

  constructor(private readonly deps: DispatcherDeps) {
    for (const service of deps.services) {
      const model = service.model ? loadModel(service.model) : undefined
      const entry: ServiceEntry = { service, model, constraints: indexConstraints(service.constraints) }
      if (this.byPrefix.has(service.targetPrefix))
        throw new Error(`two services claim ${service.targetPrefix}`)
      this.byPrefix.set(service.targetPrefix, entry)
      // awsQuery requests carry no target, only `Version=<apiVersion>` (SNS 2010-03-31, CloudWatch 2010-08-01).
      if (model && speaksQuery(model)) this.byQueryVersion.set(model.metadata.apiVersion, entry)
    }
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req)
    const time = this.deps.world.clock.now()
    const attempt = parseAttempt(header(req, 'amz-sdk-request'))
    const resolved = this.resolve(req, body)
    const requestId = randomUUID()
    const entry: Omit<RequestLogEntry, 'seq'> = {
      time,
      service: 'unknown',
      operation: 'unknown',
      params: undefined,
      attempt,
      status: 0,
    }
    if (resolved.kind === 'none') {
      entry.service = 'http'
      entry.operation = `${resolved.request.method} ${resolved.request.path}`
      entry.params = parseMaybeJson(body)
      entry.status = 404
      this.deps.log.add(entry)
      return send(res, {
        status: 404,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ message: `The emulator has no route for ${entry.operation}` }),
      })
    }
    entry.service =
      resolved.kind === 'aws'
        ? resolved.entry.service.name
        : resolved.kind === 'route'
          ? resolved.route.service
          : resolved.service
    entry.operation = resolved.operation

    const decision = this.deps.faults.decide(entry.service, entry.operation, attempt)
    if (decision.latencyMs > 0) {
      entry.latencyMs = decision.latencyMs
      await new Promise((r) => setTimeout(r, decision.latencyMs))
    }
    if (decision.kind === 'drop') {
      entry.fault = 'drop'
      this.deps.log.add(entry)
      req.socket.destroy()
      return
    }
    if (decision.kind === 'hang') {
      // Accepted and never answered: the client gives up (its timeout, its abort signal) or stop() destroys
      // the socket (closeAllConnections); either way the socket closes and this request ends.
      entry.fault = 'hang'
      this.deps.log.add(entry)
      await socketClosed(req)
      return
    }
    if (decision.kind === 'html') {
      // A proxy or captive portal answered instead of the service: the operation never ran.
      entry.fault = 'html'
      entry.status = decision.status ?? 200
      this.deps.log.add(entry)
      return send(res, htmlPage(entry.status))
    }
    if (decision.kind) entry.fault = decision.kind
    const ctx: RequestContext = {
      clock: this.deps.world.clock,
      region: this.deps.world.region,
      accountId: this.deps.world.accountId,
      requestId,
    }

    const answer =
      resolved.kind === 'route'
        ? await this.route(resolved, decision, ctx, entry)
        : await this.aws(resolved, decision.kind, decision.status, ctx, entry)
    const hostile = this.deps.hostileText?.()
    // Slack's and GitHub's error bodies are untrusted text too (AWS answers are tainted in aws()).
    const response =
      hostile && resolved.kind === 'route' && answer.status >= 400 && typeof answer.body === 'string'
        ? { ...answer, body: taintBody(answer.body, hostile) }
        : answer
    entry.status = response.status
    if (decision.kind === 'malformed') {
      // The operation ran; its answer arrives cut short, as HTTP 200 that does not parse.
      entry.status = 200
      this.deps.log.add(entry)
      return send(res, truncated(response))
    }
    this.deps.log.add(entry)
    if (decision.kind === 'reset') return sendPartial(res, response)
    send(res, response)
  }

  private resolve(req: IncomingMessage, body: string): Resolved {
    const url = new URL(req.url ?? '/', 'http://emulator')
    const target = header(req, 'x-amz-target')
    if (target) {
      const dot = target.lastIndexOf('.')
      const prefix = target.slice(0, dot)
      const operation = target.slice(dot + 1)
      const entry = this.byPrefix.get(prefix)
      if (!entry) {
        const error = new AwsError('UnknownOperationException', `Unknown service target ${prefix}`)
        return { kind: 'bad-aws', service: prefix || 'unknown', operation, wire: 'json', error }
      }
      return {
        kind: 'aws',
        entry,
        operation,
        wire: 'json',
        raw: () => (body.trim() === '' ? {} : JSON.parse(body)),
      }
    }
    const type = header(req, 'content-type') ?? ''
    if (req.method === 'POST' && type.startsWith('application/x-www-form-urlencoded')) {
      const params = new URLSearchParams(body)
      const action = params.get('Action')
      if (action) {
        const version = params.get('Version') ?? ''
        const entry = this.byQueryVersion.get(version)
        if (!entry) {
          const error = new AwsError('InvalidAction', `No service with API version ${version || '(none)'}`)
          return { kind: 'bad-aws', service: 'unknown', operation: action, wire: 'query', error }
        }
        return {
          kind: 'aws',
          entry,
          operation: action,
          wire: 'query',
          raw: () => decodeQuery(entry.model!, action, params),
        }
      }
    }
    const request: HttpRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
    }
    for (const route of this.deps.routes) {
      const operation = route.match(request)
      if (operation !== undefined) return { kind: 'route', route, operation, request }
    }
    return { kind: 'none', request }
  }

  private async aws(
    resolved: Extract<Resolved, { kind: 'aws' | 'bad-aws' }>,
    fault: string | undefined,
    faultStatus: number | undefined,
    ctx: RequestContext,
    entry: Omit<RequestLogEntry, 'seq'>,
  ): Promise<WireResponse> {
    const service = resolved.kind === 'aws' ? resolved.entry.service : undefined
    const model = resolved.kind === 'aws' ? resolved.entry.model : undefined
    const codes = errorCodes(service)
    const hostile = this.deps.hostileText?.()
    const answerError = (plain: AwsError): WireResponse => {
      const error = hostile ? withMessage(plain, `${plain.message}${hostile}`) : plain
      entry.error = error.queryCode && resolved.wire === 'query' ? error.queryCode : error.code
      if (resolved.wire === 'query') return xmlError(model, error, ctx.requestId)
      const protocol = service?.protocol ?? 'awsJson1_1'
      return jsonError(protocol, error, ctx.requestId, protocol === 'awsJson1_0')
    }
    if (resolved.kind === 'bad-aws') return answerError(resolved.error)
    const { operation } = resolved
    try {
      let raw: unknown
      try {
        raw = resolved.raw()
      } catch {
        throw new AwsError('SerializationException', 'Request body is not valid JSON')
      }
      entry.params = raw
      if (fault === 'deny') throw accessDenied(service!.name, operation, ctx.accountId)
      if (fault === 'throttle') throw fromSpec(codes.throttling, 'Rate exceeded', 400)
      if (fault === 'error') {
        const status = faultStatus ?? 500
        if (status === 503) throw new AwsError('ServiceUnavailable', 'Service is unavailable', 503)
        throw fromSpec(codes.internal, 'We encountered an internal error. Please try again.', status)
      }
      this.deps.settle()
      const handler = service!.operations[operation]
      if (!handler) {
        if (model?.operations[operation]) {
          throw new AwsError(
            'NotImplemented',
            `The emulator does not implement ${service!.name} ${operation}`,
            501,
          )
        }
        if (resolved.wire === 'query')
          throw new AwsError('InvalidAction', `Could not find operation ${operation}`)
        throw new AwsError('UnknownOperationException', `Unknown operation ${operation}`)
      }
      let input = raw
      if (model) {
        const checked = checkInput(model, operation, raw, resolved.entry.constraints)
        if (checked.issues.length > 0) {
          const missing = checked.issues.every((i) => i.kind === 'missing')
          throw fromSpec(missing ? codes.missing : codes.invalid, describeIssues(checked.issues), 400)
        }
        input = checked.value
        entry.params = input
      }
      const answer = await handler(input, ctx)
      const output = hostile ? taint(answer, hostile) : answer
      return resolved.wire === 'json'
        ? jsonSuccess(service!.protocol, output, ctx.requestId)
        : xmlSuccess(model!, operation, output, ctx.requestId)
    } catch (e) {
      if (e instanceof AwsError) return answerError(e)
      const message = e instanceof Error ? e.message : String(e)
      return answerError(fromSpec(codes.internal, `Emulator failure in ${operation}: ${message}`, 500))
    }
  }

  private async route(
    resolved: Extract<Resolved, { kind: 'route' }>,
    decision: FaultDecision,
    ctx: RequestContext,
    entry: Omit<RequestLogEntry, 'seq'>,
  ): Promise<WireResponse> {
    const { kind: fault, status: faultStatus } = decision
    entry.params = parseMaybeJson(resolved.request.body)
    const own =
      fault === 'deny' || fault === 'throttle' || fault === 'error'
        ? resolved.route.fault?.(fault, faultStatus, ctx)
        : undefined
    if (own) {
      entry.error = own.headers?.['x-amzn-errortype'] ?? fault
      return { status: own.status, headers: own.headers ?? {}, body: own.body ?? '' }
    }
    if (fault === 'deny') {
      entry.error = 'forbidden'
      return {
        status: 403,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          ok: false,
          error: 'forbidden',
          message: 'Resource not accessible by integration',
        }),
      }
    }
    if (fault === 'throttle') {
      entry.error = 'ratelimited'
      return {
        status: 429,
        headers: {
          'content-type': 'application/json',
          'retry-after': String(decision.retryAfterSeconds ?? 1),
        },
        body: JSON.stringify({ ok: false, error: 'ratelimited', message: 'Rate limited' }),
      }
    }
    if (fault === 'error') {
      entry.error = 'internal_error'
      return {
        status: faultStatus ?? 500,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ok: false, error: 'internal_error', message: 'Server error' }),
      }
    }
    try {
      this.deps.settle()
      const out: HttpResponse = await resolved.route.handle(resolved.request, ctx)
      return { status: out.status, headers: out.headers ?? {}, body: out.body ?? '' }
    } catch (e) {
      entry.error = 'emulator_failure'
      const message = e instanceof Error ? e.message : String(e)
      return {
        status: 500,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ message }),
      }
    }
  }
}

/** The same error with another message (hostile text appended). */
function withMessage(error: AwsError, message: string): AwsError {
  return new AwsError(error.code, message, error.status, error.queryCode)
}

/** IAM action prefixes where they differ from the emulator's service name. */
const IAM_PREFIX: Record<string, string> = { monitoring: 'cloudwatch' }

/** What IAM answers when no policy allows the call (message format of AWS's own denials). */
function accessDenied(service: string, operation: string, accountId: string): AwsError {
  const action = `${IAM_PREFIX[service] ?? service}:${operation}`
  return new AwsError(
    'AccessDeniedException',
    `User: arn:aws:sts::${accountId}:assumed-role/emulator/deploy-pipeline is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`,
    400,
    'AccessDenied',
  )
}

const defaults = {
  json: {
    invalid: { code: 'ValidationException' },
    throttling: { code: 'ThrottlingException', queryCode: 'Throttling' },
    internal: { code: 'InternalFailure', queryCode: 'InternalFailure' },
  },
  query: {
    invalid: { code: 'InvalidParameter' },
    throttling: { code: 'Throttling' },
    internal: { code: 'InternalError' },
  },
}

function errorCodes(service: AwsService | undefined): Required<NonNullable<AwsService['errorCodes']>> {
  const base = service?.protocol === 'awsQuery' ? defaults.query : defaults.json
  const own = service?.errorCodes ?? {}
  const invalid = own.invalid ?? base.invalid
  return {
    invalid,
    missing: own.missing ?? invalid,
    throttling: own.throttling ?? base.throttling,
    internal: own.internal ?? base.internal,
  }
}

function fromSpec(spec: ErrorCodeSpec, message: string, status: number): AwsError {
  return new AwsError(spec.code, message, status, spec.queryCode)
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name]
  return Array.isArray(v) ? v[0] : v
}

/** `amz-sdk-request: attempt=2; max=3` → 2. */
function parseAttempt(value: string | undefined): number {
  const m = value ? /attempt=(\d+)/.exec(value) : null
  return m ? Number(m[1]) : 1
}

function parseMaybeJson(body: string): unknown {
  if (body === '') return undefined
  try {
    return JSON.parse(body)
  } catch {
    return body
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function send(res: ServerResponse, response: WireResponse | HttpResponse): void {
  const body = response.body ?? ''
  res.writeHead(response.status, { ...response.headers, 'content-length': Buffer.byteLength(body) })
  res.end(body)
}

/** Status line, headers (with the full Content-Length) and the first half of the body, then a reset. */
function sendPartial(res: ServerResponse, response: WireResponse | HttpResponse): void {
  const body = Buffer.from(response.body ?? '', 'utf8')
  res.writeHead(response.status, { ...response.headers, 'content-length': body.length })
  res.flushHeaders()
  const part = body.subarray(0, Math.floor(body.length / 2))
  if (part.length === 0) setImmediate(() => res.destroy())
  else res.write(part, () => res.destroy())
}

/** The answer cut in half, as HTTP 200: JSON (or awsQuery's XML) that does not parse. */
function truncated(response: WireResponse | HttpResponse): HttpResponse {
  const headers: Record<string, string> = {}
  for (const [k, v] of Object.entries(response.headers ?? {})) {
    // A 200 names no error: the error type headers of an error answer would let the SDK read it anyway.
    if (!/^x-amzn-(errortype|query-error)$/i.test(k)) headers[k.toLowerCase()] = String(v)
  }
  const type = headers['content-type'] ?? ''
  let body = response.body ?? ''
  if (!/json|xml/.test(type) || body.length < 2) {
    headers['content-type'] = 'application/json'
    body = '{"ok":true,"message":"the rest of this answer never arrived"}'
  }
  return { status: 200, headers, body: body.slice(0, Math.floor(body.length / 2)) }
}

const HTML_TITLES: Record<number, string> = {
  502: '502 Bad Gateway',
  503: '503 Service Temporarily Unavailable',
  504: '504 Gateway Time-out',
}

/** A proxy's error page (nginx's), or for 200 a captive portal's sign-in page. */
function htmlPage(status: number): HttpResponse {
  const title = HTML_TITLES[status]
  const body = title
    ? `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`
    : '<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Sign in to the network</title></head>\n' +
      '<body>\n<h1>Welcome to Guest Wi-Fi</h1>\n<p>Please accept the terms of use to continue.</p>\n' +
      '<form method="post" action="/login"><button type="submit">Accept and connect</button></form>\n</body>\n</html>\n'
  return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body }
}

function socketClosed(req: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    if (req.socket.destroyed) return resolve()
    req.socket.once('close', () => resolve())
  })
}
