// The emulator's API Gateway through the real SDK clients (restJson1): REST APIs (GetRestApis, paged by
// position) and HTTP APIs (GetApis, paged by nextToken), and their metrics in CloudWatch.
import { afterEach, describe, expect, it } from '@jest/globals'
import { APIGatewayClient, GetRestApisCommand } from '@aws-sdk/client-api-gateway'
import { ApiGatewayV2Client, GetApisCommand } from '@aws-sdk/client-apigatewayv2'
import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch'
import { startEmulator, type Emulator } from '../index.js'
import { clientConfig } from './helpers.js'

let emulator: Emulator
afterEach(() => emulator.stop())

async function start() {
  emulator = await startEmulator({
    clock: 'manual',
    scenario: {
      apigateway: {
        restApis: [
          { name: 'shop' },
          { name: 'shop' },
          { name: 'admin', stage: 'prod', traffic: { requestsPerMinute: 100 } },
        ],
        httpApis: {
          'shop-http': {
            stage: '$default',
            traffic: { requestsPerMinute: 50, errors: [{ from: -120, to: -60, perMinute: 5 }] },
          },
        },
      },
      cloudwatch: { metrics: [] },
    } as never,
  })
  return clientConfig(emulator)
}

describe('API Gateway', () => {
  it('GetRestApis pages by position; two REST APIs may share a name, each with its own id', async () => {
    const client = new APIGatewayClient(await start())
    const first = await client.send(new GetRestApisCommand({ limit: 2 }))
    expect(first.items?.map((a) => a.name)).toEqual(['shop', 'shop'])
    expect(first.items?.[0]?.id).toMatch(/^[a-z0-9]{10}$/)
    expect(first.items?.[0]?.id).not.toBe(first.items?.[1]?.id)
    expect(first.items?.[0]?.createdDate).toBeInstanceOf(Date)
    const second = await client.send(new GetRestApisCommand({ limit: 2, position: first.position }))
    expect(second.items?.map((a) => a.name)).toEqual(['admin'])
    expect(second.position).toBeUndefined()
    await expect(client.send(new GetRestApisCommand({ limit: 501 }))).rejects.toMatchObject({
      name: 'BadRequestException',
    })
  })

  it('GetApis lists HTTP APIs with their id, protocol and endpoint', async () => {
    const client = new ApiGatewayV2Client(await start())
    const out = await client.send(new GetApisCommand({}))
    expect(out.Items).toHaveLength(1)
    expect(out.Items?.[0]).toMatchObject({ Name: 'shop-http', ProtocolType: 'HTTP' })
    expect(out.Items?.[0]?.ApiEndpoint).toBe(
      `https://${out.Items?.[0]?.ApiId}.execute-api.us-east-1.amazonaws.com`,
    )
    expect(out.NextToken).toBeUndefined()
  })

  it("publishes an HTTP API's 5xx and Count by ApiId and by ApiId + Stage; a REST API's by ApiName", async () => {
    const config = await start()
    const http = await new ApiGatewayV2Client(config).send(new GetApisCommand({}))
    const id = http.Items?.[0]?.ApiId ?? ''
    const cw = new CloudWatchClient(config)
    const now = emulator.clock.now()
    const q = (Id: string, MetricName: string, Dimensions: { Name: string; Value: string }[]) => ({
      Id,
      MetricStat: {
        Metric: { Namespace: 'AWS/ApiGateway', MetricName, Dimensions },
        Period: 60,
        Stat: 'Sum',
      },
    })
    const out = await cw.send(
      new GetMetricDataCommand({
        StartTime: new Date(now - 300_000),
        EndTime: new Date(now - 60_000),
        MetricDataQueries: [
          q('errors', '5xx', [{ Name: 'ApiId', Value: id }]),
          q('staged', '5xx', [
            { Name: 'ApiId', Value: id },
            { Name: 'Stage', Value: '$default' },
          ]),
          q('rest', 'Count', [{ Name: 'ApiName', Value: 'admin' }]),
        ],
      }),
    )
    const byId = Object.fromEntries((out.MetricDataResults ?? []).map((r) => [r.Id, r.Values ?? []]))
    // A minute with requests has an error datapoint even without errors (every request is a sample).
    expect(byId.errors?.length).toBeGreaterThanOrEqual(4)
    expect(byId.errors?.filter((v: number) => v === 0).length).toBe((byId.errors?.length ?? 0) - 1)
    expect(byId.errors).toContain(5)
    expect(byId.staged).toEqual(byId.errors)
    expect(byId.rest?.length).toBe(byId.errors?.length)
    expect(new Set(byId.rest)).toEqual(new Set([100]))
  })
})
