// API Gateway, REST APIs (v1: GET /restapis, GetRestApis) and HTTP APIs (v2: GET /v2/apis, GetApis), as the
// SDK's restJson1 clients call them: listed by name, paged, and each API's traffic published to CloudWatch
// (metrics.ts). Errors carry the restJson1 error type in `x-amzn-ErrorType` with a JSON `message`.
// References: API Gateway v1 API reference "GetRestApis" (limit: default 25, at most 500; position), API
// Gateway v2 API reference "Apis" (GET /v2/apis: maxResults, nextToken; items with apiId, name, protocolType).
import { decodePageToken, encodePageToken } from '../../core/page-token.js'
import type {
  EmulatorPlugin,
  HttpRequest,
  HttpResponse,
  HttpRoute,
  RequestContext,
  World,
} from '../../core/types.js'
import type { MetricStore } from '../cloudwatch/series.js'
import { elbId } from '../elbv2/index.js'
import { apiMetrics } from './metrics.js'
import { parseApiGatewayScenario, type ApiSpec } from './scenario.js'

const REST_PAGE = 25
const REST_MAX = 500
const HTTP_PAGE = 25

/** A stable 10-character id per API, as API Gateway's ids look ([a-z0-9]{10}). */
export function apiId(kind: 'rest' | 'http', name: string, index: number): string {
  return BigInt(`0x${elbId(`${kind}:${index}:${name}`)}`)
    .toString(36)
    .slice(0, 10)
    .padStart(10, '0')
}

interface Listed {
  spec: ApiSpec
  id: string
}

export const apigatewayPlugin: EmulatorPlugin = {
  scenarioKey: 'apigateway',
  create(section, world) {
    const scenario = parseApiGatewayScenario(section)
    const rest: Listed[] = scenario.restApis.map((spec, i) => ({
      spec,
      id: spec.id ?? apiId('rest', spec.name, i),
    }))
    const http: Listed[] = scenario.httpApis.map((spec, i) => ({
      spec,
      id: spec.id ?? apiId('http', spec.name, i),
    }))
    const store = world.states.cloudwatch as MetricStore | undefined
    for (const a of rest) store?.add(apiMetrics(a.spec, 'rest', a.id))
    for (const a of http) store?.add(apiMetrics(a.spec, 'http', a.id))
    world.states.apigateway = { rest, http }
    const created = new Date(world.clock.now() - 86_400_000)
    const routes: HttpRoute[] = [
      {
        service: 'apigateway',
        match: (req) => (req.method === 'GET' && req.path === '/restapis' ? 'GetRestApis' : undefined),
        handle: (req) => getRestApis(req, rest, created),
        fault,
      },
      {
        service: 'apigateway',
        match: (req) => (req.method === 'GET' && req.path === '/v2/apis' ? 'GetApis' : undefined),
        handle: (req) => getApis(req, http, created, world),
        fault,
      },
    ]
    return { routes }
  },
}

function getRestApis(req: HttpRequest, apis: Listed[], created: Date): HttpResponse {
  const limitText = req.query.get('limit')
  const limit = limitText === null ? REST_PAGE : Number(limitText)
  if (!Number.isInteger(limit) || limit < 1 || limit > REST_MAX)
    return error(400, 'BadRequestException', `Invalid limit: must be between 1 and ${REST_MAX}`)
  const from = offset(req.query.get('position') ?? undefined, 'restapis')
  if (from instanceof Error) return error(400, 'BadRequestException', 'Invalid position')
  const page = apis.slice(from, from + limit)
  const next = from + limit < apis.length ? encodePageToken('restapis', from + limit) : undefined
  return ok({
    item: page.map(({ spec, id }) => ({
      id,
      name: spec.name,
      createdDate: Math.floor(created.getTime() / 1000),
      apiKeySource: 'HEADER',
      endpointConfiguration: { types: ['REGIONAL'] },
      disableExecuteApiEndpoint: false,
      rootResourceId: id.slice(0, 6).split('').reverse().join('').padEnd(10, 'a'),
    })),
    ...(next ? { position: next } : {}),
  })
}

function getApis(req: HttpRequest, apis: Listed[], created: Date, world: World): HttpResponse {
  const maxText = req.query.get('maxResults')
  const max = maxText === null ? HTTP_PAGE : Number(maxText)
  if (!Number.isInteger(max) || max < 1) return error(400, 'BadRequestException', 'Invalid maxResults')
  const from = offset(req.query.get('nextToken') ?? undefined, 'apis')
  if (from instanceof Error) return error(400, 'BadRequestException', 'Invalid nextToken')
  const page = apis.slice(from, from + max)
  const next = from + max < apis.length ? encodePageToken('apis', from + max) : undefined
  return ok({
    items: page.map(({ spec, id }) => ({
      apiId: id,
      name: spec.name,
      protocolType: 'HTTP',
      apiEndpoint: `https://${id}.execute-api.${world.region}.amazonaws.com`,
      createdDate: created.toISOString(),
      routeSelectionExpression: '$request.method $request.path',
      apiKeySelectionExpression: '$request.header.x-api-key',
      disableExecuteApiEndpoint: false,
    })),
    ...(next ? { nextToken: next } : {}),
  })
}

/** Injected faults in API Gateway's own words (its common errors: AccessDeniedException, TooManyRequestsException). */
function fault(
  kind: 'deny' | 'throttle' | 'error',
  status: number | undefined,
  ctx: RequestContext,
): HttpResponse {
  if (kind === 'deny')
    return error(
      403,
      'AccessDeniedException',
      `User: arn:aws:sts::${ctx.accountId}:assumed-role/emulator/deploy-pipeline is not authorized to perform: apigateway:GET on resource: arn:aws:apigateway:${ctx.region}::/restapis because no identity-based policy allows the apigateway:GET action`,
    )
  if (kind === 'throttle') return error(429, 'TooManyRequestsException', 'Too Many Requests')
  return status === 503
    ? error(503, 'ServiceUnavailableException', 'Service Unavailable')
    : error(status ?? 500, 'InternalFailure', 'Internal server error')
}

function offset(token: string | undefined, key: string): number | Error {
  try {
    return decodePageToken(token, key, () => new Error('bad token'))
  } catch (e) {
    return e as Error
  }
}

const ok = (body: unknown): HttpResponse => ({
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})

const error = (status: number, type: string, message: string): HttpResponse => ({
  status,
  headers: { 'content-type': 'application/json', 'x-amzn-errortype': type },
  body: JSON.stringify({ message }),
})
