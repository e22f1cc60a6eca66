// ListTasks and DescribeTasks.
import { AwsError, type RequestContext } from '../../../core/types.js'
import { lastSegment, parseTaskId } from '../ids.js'
import { decodeToken, encodeToken, pageSize } from '../paging.js'
import type { EcsState } from '../state.js'
import { describeTask, listSegments, pageOfArns, segmentSize, type DesiredStatus } from '../tasks.js'

const MAX_DESCRIBE = 100

export function listTasks(state: EcsState) {
  return (input: any, ctx: RequestContext) => {
    const cluster = state.cluster(input.cluster)
    const desired = (input.desiredStatus ?? 'RUNNING') as DesiredStatus
    if (!['RUNNING', 'STOPPED', 'PENDING'].includes(desired)) {
      throw new AwsError('InvalidParameterException', `Invalid desiredStatus: ${String(desired)}.`)
    }
    const size = pageSize(input.maxResults, 100)
    const services = input.serviceName
      ? [state.service(cluster, String(input.serviceName))]
      : [...cluster.services.values()]
    const key = [
      cluster.arn,
      input.serviceName ?? '',
      desired,
      input.startedBy ?? '',
      input.family ?? '',
      input.launchType ?? '',
    ].join('|')
    const offset = decodeToken(input.nextToken, key)
    // Container instances exist only for EC2 capacity, which the emulator does not model: nothing matches.
    const segments = input.containerInstance
      ? []
      : listSegments(
          {
            services,
            desired,
            startedBy: input.startedBy,
            family: input.family,
            launchType: input.launchType,
          },
          ctx.clock.now(),
        )
    const total = segments.reduce((n, s) => n + segmentSize(s), 0)
    const taskArns = pageOfArns(state, segments, offset, size)
    const next = offset + taskArns.length
    return { taskArns, nextToken: next < total ? encodeToken(key, next) : undefined }
  }
}

export function describeTasks(state: EcsState) {
  return (input: any, ctx: RequestContext) => {
    const refs: unknown = input.tasks
    if (!Array.isArray(refs) || refs.length === 0)
      throw new AwsError('InvalidParameterException', 'Tasks cannot be empty.')
    if (refs.length > MAX_DESCRIBE)
      throw new AwsError('InvalidParameterException', `Tasks cannot have more than ${MAX_DESCRIBE} elements.`)
    const cluster = state.cluster(input.cluster)
    const now = ctx.clock.now()
    const tasks = []
    const failures = []
    for (const ref of refs.map(String)) {
      const id = lastSegment(ref)
      const parsed = parseTaskId(id)
      const owner = parsed && state.byTaskPrefix.get(parsed.prefix)
      const inCluster =
        owner &&
        owner.service.cluster === cluster &&
        (!ref.startsWith('arn:') || ref === state.names.task(cluster.name, id))
      const task =
        inCluster && parsed
          ? describeTask(state, owner.service, owner.deployment, parsed.slot, now)
          : undefined
      if (task) tasks.push(task)
      else
        failures.push({
          arn: ref.startsWith('arn:') ? ref : state.names.task(cluster.name, id),
          reason: 'MISSING',
        })
    }
    return { tasks, failures }
  }
}
