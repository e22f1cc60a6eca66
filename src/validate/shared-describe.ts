// Several services of one release read together: DescribeServices calls that their runs make in the same turn of
// the event loop (the first look of each, as the runs start side by side) become one call for up to 10 services
// (DescribeServices' limit), and each run gets back its own service or its own failure. Every other call goes
// through unchanged. Only the several-services path uses it; one service's run is untouched.
import {
  DescribeServicesCommand,
  ECSClient,
  type DescribeServicesCommandOutput,
  type Failure,
  type Service,
} from '@aws-sdk/client-ecs'
import type { AwsClients, ClientClass } from '../aws.js'

/** DescribeServices describes at most this many services per call. */
const PER_CALL = 10

interface Waiting {
  service: string
  resolve: (out: DescribeServicesCommandOutput) => void
  reject: (e: unknown) => void
}

/** The clients, with ECS's DescribeServices shared between the runs that use them. */
export function sharingDescribeServices(aws: AwsClients): AwsClients {
  let shared: ECSClient | undefined
  return {
    get<T>(Client: ClientClass<T>, overrides?: { region?: string }): T {
      const client = aws.get(Client, overrides)
      if ((Client as unknown) !== ECSClient || overrides?.region) return client
      shared ??= coalescing(client as unknown as ECSClient)
      return shared as unknown as T
    },
  }
}

/** A client whose single-service DescribeServices of one cluster, asked in the same turn, go out as one call. */
function coalescing(ecs: ECSClient): ECSClient {
  const queues = new Map<string, Waiting[]>()
  const send = ecs.send.bind(ecs) as (command: unknown, options?: unknown) => Promise<unknown>
  const flush = (cluster: string, options: unknown): void => {
    const waiting = queues.get(cluster) ?? []
    queues.delete(cluster)
    for (let i = 0; i < waiting.length; i += PER_CALL) {
      const batch = waiting.slice(i, i + PER_CALL)
      const services = [...new Set(batch.map((w) => w.service))]
      send(new DescribeServicesCommand({ cluster, services }), options).then(
        (out) => {
          for (const w of batch) w.resolve(sliceFor(out as DescribeServicesCommandOutput, w.service))
        },
        (e: unknown) => {
          for (const w of batch) w.reject(e)
        },
      )
    }
  }
  const proxy = Object.create(ecs) as ECSClient
  proxy.send = ((command: unknown, options?: unknown) => {
    if (!(command instanceof DescribeServicesCommand)) return send(command, options)
    const { cluster, services } = command.input
    const [service] = services ?? []
    if (!cluster || !service || (services ?? []).length !== 1) return send(command, options)
    return new Promise<DescribeServicesCommandOutput>((resolve, reject) => {
      const queue = queues.get(cluster) ?? []
      if (queue.length === 0) queueMicrotask(() => setImmediate(() => flush(cluster, options)))
      queue.push({ service, resolve, reject })
      queues.set(cluster, queue)
    })
  }) as ECSClient['send']
  return proxy
}

/** `service` is a name or an ARN: the service DescribeServices answered for it, or its failure. */
function sliceFor(out: DescribeServicesCommandOutput, service: string): DescribeServicesCommandOutput {
  const name = service.split('/').at(-1) ?? service
  const isIt = (s: Service) => s.serviceArn === service || s.serviceName === name
  const failedFor = (f: Failure) => f.arn === service || (f.arn ?? '').split('/').at(-1) === name
  return {
    ...out,
    services: (out.services ?? []).filter(isIt),
    failures: (out.failures ?? []).filter(failedFor),
  }
}
