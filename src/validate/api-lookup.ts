// api-name → its API: the REST APIs (API Gateway GetRestApis, 500 a page) and the HTTP APIs (API Gateway v2
// GetApis) listed at once, every page read patiently (read.ts), and the one named chosen (api-choice.ts). A
// list that could not be read makes the API check `unverified`, never `fail`.
import { APIGatewayClient, GetRestApisCommand } from '@aws-sdk/client-api-gateway'
import { ApiGatewayV2Client, GetApisCommand } from '@aws-sdk/client-apigatewayv2'
import { call } from '../aws-errors.js'
import type { ValidateConfig } from '../config/types.js'
import type { ModeDeps } from '../deps.js'
import { chooseApi, type ApiChoice, type ListedApi } from './api-choice.js'
import { API_CHECK_NAME } from './rate-sources.js'
import { allPages, unreadableRow, unreadableWhy } from './read.js'

/** GetRestApis' largest page (API Gateway v1 API reference: limit, default 25, at most 500). */
const REST_PAGE = 500

/** The API api-name names, or its check row; undefined without api-name. */
export async function lookUpApi(
  deps: ModeDeps,
  config: Pick<ValidateConfig, 'api' | 'region' | 'maxErrorRate'>,
  deadline: number,
): Promise<ApiChoice | undefined> {
  if (!config.api) return undefined
  try {
    const [rest, http] = await Promise.all([restApis(deps, deadline), httpApis(deps, deadline)])
    return chooseApi(config.api, { rest, http }, config.region)
  } catch (e) {
    return {
      kind: 'row',
      row: unreadableRow(API_CHECK_NAME, 'metric', unreadableWhy(e), config.maxErrorRate),
    }
  }
}

async function restApis(deps: ModeDeps, deadline: number): Promise<ListedApi[]> {
  const client = deps.aws.get(APIGatewayClient)
  const pages = await allPages(
    deps,
    deadline,
    (position) =>
      call('apigateway', 'GetRestApis', () =>
        client.send(new GetRestApisCommand({ limit: REST_PAGE, position }), { abortSignal: deps.signal }),
      ),
    (page) => page.position,
  )
  return pages.flatMap((p) => p.items ?? []).map((a) => ({ id: a.id ?? '', name: a.name ?? '' }))
}

/** GetApis lists WebSocket APIs too: only HTTP APIs publish the `5xx` metric. */
async function httpApis(deps: ModeDeps, deadline: number): Promise<ListedApi[]> {
  const client = deps.aws.get(ApiGatewayV2Client)
  const pages = await allPages(
    deps,
    deadline,
    (NextToken) =>
      call('apigateway', 'GetApis', () =>
        client.send(new GetApisCommand({ NextToken }), { abortSignal: deps.signal }),
      ),
    (page) => page.NextToken,
  )
  return pages
    .flatMap((p) => p.Items ?? [])
    .filter((a) => a.ProtocolType === 'HTTP')
    .map((a) => ({ id: a.ApiId ?? '', name: a.Name ?? '' }))
}
