// The core's wire protocols, validation, faults and request log, through the real SDK clients and a test plugin.
import {
  CloudWatchClient,
  DescribeAlarmsCommand,
  InvalidParameterValueException,
} from '@aws-sdk/client-cloudwatch'
import {
  CodePipelineClient,
  CodePipelineServiceException,
  GetPipelineExecutionCommand,
  ListPipelinesCommand,
  PipelineNotFoundException,
  StartPipelineExecutionCommand,
  GetPipelineStateCommand,
} from '@aws-sdk/client-codepipeline'
import { PublishCommand, SNSClient, SNSServiceException } from '@aws-sdk/client-sns'
import { startEmulator, type Emulator } from '../index.js'
import { AwsError, type AwsService, type EmulatorPlugin } from '../core/types.js'
import { firstOf } from './must.js'

const testPlugin: EmulatorPlugin = {
  scenarioKey: 'test',
  create: (_section, world) => ({
    services: <AwsService[]>[
      {
        name: 'codepipeline',
        targetPrefix: 'CodePipeline_20150709',
        protocol: 'awsJson1_1',
        model: 'codepipeline',
        operations: {
          GetPipelineExecution: (input: { pipelineName: string }) => {
            if (input.pipelineName !== 'p') throw new AwsError('PipelineNotFoundException', 'not found')
            return {
              pipelineExecution: {
                pipelineExecutionId: 'e1',
                status: 'InProgress',
                x: new Date(1700000000500),
              },
            }
          },
          StartPipelineExecution: () => ({ pipelineExecutionId: 'e2' }),
          ListPipelines: () => ({ pipelines: [{ name: 'p', created: new Date(world.clock.now()) }] }),
        },
      },
      {
        name: 'monitoring',
        targetPrefix: 'GraniteServiceVersion20100801',
        protocol: 'awsJson1_0',
        model: 'monitoring',
        errorCodes: {
          invalid: { code: 'InvalidParameterValueException', queryCode: 'InvalidParameterValue' },
        },
        operations: { DescribeAlarms: () => ({ MetricAlarms: [], CompositeAlarms: [] }) },
      },
      {
        name: 'sns',
        targetPrefix: 'AmazonSimpleNotificationService',
        protocol: 'awsQuery',
        model: 'sns',
        operations: {
          Publish: (input: { TopicArn?: string; Message: string }) => {
            if (!input.TopicArn?.startsWith('arn:'))
              throw new AwsError('NotFoundException', 'Topic does not exist', 404, 'NotFound')
            return { MessageId: `m-${input.Message.length}` }
          },
        },
      },
    ],
  }),
}

const creds = { accessKeyId: 'AKIA', secretAccessKey: 'x' }
const EXECUTION_ID = '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d'
let emu: Emulator
let cp: CodePipelineClient
let cw: CloudWatchClient
let sns: SNSClient

beforeAll(async () => {
  emu = await startEmulator({ plugins: [testPlugin], start: '2026-01-15T10:00:00Z' })
  const config = { endpoint: emu.url, region: 'us-east-1', credentials: creds }
  cp = new CodePipelineClient({ ...config, retryStrategy: fastRetry() })
  cw = new CloudWatchClient({ ...config, retryStrategy: fastRetry() })
  sns = new SNSClient(config)
})
afterAll(async () => {
  cp.destroy()
  cw.destroy()
  sns.destroy()
  await emu.stop()
})
beforeEach(() => {
  emu.setFaults(undefined)
  emu.log.clear()
})

/** The SDK's standard retry strategy without its back-off delay, so retried calls take milliseconds. */
function fastRetry() {
  return {
    mode: 'standard',
    acquireInitialRetryToken: async () => ({ getRetryCount: () => 0, getRetryDelay: () => 0 }),
    refreshRetryTokenForRetry: async (token: { getRetryCount(): number }, info: { errorType: string }) => {
      const count = token.getRetryCount() + 1
      if (count >= 3 || !['THROTTLING', 'TRANSIENT', 'SERVER_ERROR'].includes(info.errorType))
        throw new Error('no retry')
      return { getRetryCount: () => count, getRetryDelay: () => 0 }
    },
    recordSuccess: () => undefined,
  } as never
}

describe('JSON 1.1', () => {
  it('returns output with epoch-second timestamps turned into Date', async () => {
    const out = await cp.send(new ListPipelinesCommand({}))
    expect(out.pipelines?.[0]?.created).toEqual(new Date('2026-01-15T10:00:00Z'))
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('raises a modelled error as its SDK class', async () => {
    const err = await cp
      .send(new GetPipelineExecutionCommand({ pipelineName: 'q', pipelineExecutionId: EXECUTION_ID }))
      .catch((e) => e)
    expect(err).toBeInstanceOf(PipelineNotFoundException)
    expect(err.message).toBe('not found')
    expect(emu.log.where({ operation: 'GetPipelineExecution' })).toMatchObject([
      { status: 400, error: 'PipelineNotFoundException' },
    ])
  })

  it('rejects a missing required member with ValidationException', async () => {
    const err = await cp.send(new GetPipelineExecutionCommand({ pipelineName: 'p' } as never)).catch((e) => e)
    expect(err).toBeInstanceOf(CodePipelineServiceException)
    expect(err.name).toBe('ValidationException')
    expect(err.message).toBe(
      "1 validation error detected: Value null at 'pipelineExecutionId' failed to satisfy constraint: Member must not be null",
    )
  })

  it("checks the model's patterns", async () => {
    const err = await cp.send(new StartPipelineExecutionCommand({ name: 'bad name!' })).catch((e) => e)
    expect(err.name).toBe('ValidationException')
    expect(err.message).toContain('Member must satisfy regular expression pattern')
  })

  it('answers a modelled but unimplemented operation with 501, not 200', async () => {
    const err = await cp.send(new GetPipelineStateCommand({ name: 'p' })).catch((e) => e)
    expect(err.name).toBe('NotImplemented')
    expect(err.$metadata.httpStatusCode).toBe(501)
  })

  it('answers an unknown operation with UnknownOperationException', async () => {
    const res = await fetch(emu.url, {
      method: 'POST',
      headers: { 'x-amz-target': 'CodePipeline_20150709.Nope', 'content-type': 'application/x-amz-json-1.1' },
      body: '{}',
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ __type: 'UnknownOperationException' })
  })
})

describe('JSON 1.0 query-compatible (CloudWatch)', () => {
  it('maps the query error code back to the SDK class', async () => {
    const err = await cw.send(new DescribeAlarmsCommand({ MaxRecords: 500 })).catch((e) => e)
    expect(err).toBeInstanceOf(InvalidParameterValueException)
    expect(err.Code).toBe('InvalidParameterValue')
  })

  it('throttles with query code Throttling, which the SDK retries', async () => {
    emu.setFaults({ rules: [{ service: 'monitoring', throttleRate: 1, firstAttempts: 1 }] })
    const out = await cw.send(new DescribeAlarmsCommand({}))
    expect(out.MetricAlarms).toEqual([])
    expect(emu.log.where({ service: 'monitoring' }).map((e) => [e.attempt, e.status, e.error])).toEqual([
      [1, 400, 'ThrottlingException'],
      [2, 200, undefined],
    ])
  })
})

describe('awsQuery (SNS)', () => {
  it('decodes the form and answers XML', async () => {
    const out = await sns.send(
      new PublishCommand({ TopicArn: 'arn:aws:sns:us-east-1:1:t', Message: 'hello' }),
    )
    expect(out.MessageId).toBe('m-5')
    expect(firstOf(emu.log.where({ service: 'sns' })).params).toEqual({
      TopicArn: 'arn:aws:sns:us-east-1:1:t',
      Message: 'hello',
    })
  })

  it('answers errors as <ErrorResponse>', async () => {
    const err = await sns.send(new PublishCommand({ TopicArn: 'nope', Message: 'x' })).catch((e) => e)
    expect(err).toBeInstanceOf(SNSServiceException)
    expect(err.name).toBe('NotFoundException')
    expect(err.$metadata.httpStatusCode).toBe(404)
  })
})

describe('faults', () => {
  it('retries through a throttled first attempt', async () => {
    emu.setFaults({ rules: [{ operation: 'ListPipelines', throttleRate: 1, firstAttempts: 1 }] })
    await cp.send(new ListPipelinesCommand({}))
    expect(emu.counts()['codepipeline.ListPipelines']).toBe(2)
  })

  it('gives up after three throttled attempts with ThrottlingException', async () => {
    emu.setFaults({ rules: [{ operation: 'ListPipelines', throttleRate: 1 }] })
    const err = await cp.send(new ListPipelinesCommand({})).catch((e) => e)
    expect(err.name).toBe('ThrottlingException')
    expect(err.$metadata.httpStatusCode).toBe(400)
    expect(emu.counts()['codepipeline.ListPipelines']).toBe(3)
  })

  it('retries 5xx answers and dropped connections', async () => {
    emu.setFaults({
      rules: [
        { operation: 'ListPipelines', errorRate: 1, firstCalls: 1 },
        { operation: 'ListPipelines', dropRate: 1, firstCalls: 2 },
      ],
    })
    await cp.send(new ListPipelinesCommand({}))
    expect(emu.log.where({ operation: 'ListPipelines' }).map((e) => e.fault)).toEqual([
      'error',
      'drop',
      undefined,
    ])
  })

  it('decides the same way for the same seed', async () => {
    const run = async () => {
      emu.setFaults({ seed: 7, rules: [{ operation: 'ListPipelines', throttleRate: 0.5 }] })
      emu.log.clear()
      for (let i = 0; i < 6; i++) await cp.send(new ListPipelinesCommand({})).catch(() => undefined)
      return emu.log.entries.map((e) => e.status)
    }
    const first = await run()
    expect(await run()).toEqual(first)
    expect(first).toContain(400)
    expect(first).toContain(200)
  })

  it('adds latency', async () => {
    emu.setFaults({ rules: [{ operation: 'ListPipelines', latencyMs: 50 }] })
    const t = Date.now()
    await cp.send(new ListPipelinesCommand({}))
    expect(Date.now() - t).toBeGreaterThanOrEqual(45)
  })
})

describe('env and clock', () => {
  it('gives the environment a process under test needs', () => {
    expect(emu.env).toMatchObject({
      AWS_ENDPOINT_URL: emu.url,
      AWS_REGION: 'us-east-1',
      GITHUB_API_URL: `${emu.url}/github`,
      SLACK_API_URL: `${emu.url}/slack/api/`,
      SLACK_WEBHOOK_URL: `${emu.url}/slack/webhook/T000/B000/XXXX`,
    })
  })

  it('moves a manual clock only on advance', () => {
    const t = emu.clock.now()
    emu.clock.advance(60_000)
    expect(emu.clock.now()).toBe(t + 60_000)
  })

  it('answers 404 for paths no route claims', async () => {
    const res = await fetch(`${emu.url}/nowhere`)
    expect(res.status).toBe(404)
  })
})
