// DescribeServices and UpdateService.
import { AwsError, type RequestContext } from '../../../core/types.js'
import { lastSegment } from '../ids.js'
import { assertDeployable, type EcsState } from '../state.js'
import { serviceView } from '../views.js'

const MAX_SERVICES = 10

export function describeServices(state: EcsState) {
  return (input: any, ctx: RequestContext) => {
    const refs: unknown = input.services
    if (!Array.isArray(refs) || refs.length === 0)
      throw new AwsError('InvalidParameterException', 'Services cannot be empty.')
    if (refs.length > MAX_SERVICES) {
      throw new AwsError('InvalidParameterException', `services can have at most ${MAX_SERVICES} items.`)
    }
    const cluster = state.cluster(input.cluster)
    const now = ctx.clock.now()
    const services = []
    const failures = []
    for (const ref of refs as string[]) {
      const service = state.findService(cluster, String(ref))
      if (service) services.push(serviceView(state, service, now))
      else
        failures.push({
          arn: String(ref).startsWith('arn:') ? ref : state.names.service(cluster.name, lastSegment(ref)),
          reason: 'MISSING',
        })
    }
    return { services, failures }
  }
}

export function updateService(state: EcsState) {
  return (input: any, ctx: RequestContext) => {
    if (typeof input.service !== 'string' || input.service === '')
      throw new AwsError('InvalidParameterException', 'Service cannot be empty.')
    const cluster = state.cluster(input.cluster)
    const service = state.service(cluster, input.service)
    if (service.status !== 'ACTIVE')
      throw new AwsError('ServiceNotActiveException', 'Service was not ACTIVE.')
    const now = ctx.clock.now()
    const primary = state.primaryAt(service, now)
    if (input.desiredCount !== undefined) {
      if (!Number.isInteger(input.desiredCount) || input.desiredCount < 0) {
        throw new AwsError('InvalidParameterException', 'desiredCount must be a non-negative integer.')
      }
      service.desiredCount = input.desiredCount
      // Scaling without a new deployment resizes the current one.
      if (primary) primary.desired = input.desiredCount
    }
    const breaker = input.deploymentConfiguration?.deploymentCircuitBreaker
    if (breaker)
      service.circuitBreaker = {
        ...service.circuitBreaker,
        enable: !!breaker.enable,
        rollback: !!breaker.rollback,
      }
    let target = primary?.taskDefinition
    if (input.taskDefinition !== undefined) {
      target = state.findTaskDefinition(String(input.taskDefinition))
      if (!target) throw new AwsError('ClientException', 'TaskDefinition not found.')
    }
    if (target && (target !== primary?.taskDefinition || input.forceNewDeployment === true)) {
      assertDeployable(service)
      state.startDeployment(service, target, state.planFor(service, target), now)
    }
    return { service: serviceView(state, service, now) }
  }
}
