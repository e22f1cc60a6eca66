// Tasks are never stored: a task is a (deployment, slot) pair whose status follows from the deployment's
// timeline at t. Listing works on slot ranges, so a 5,000-task service costs nothing until a page is cut.
import { taskId } from './ids.js'
import type { Deployment, Service } from './model.js'
import type { EcsState } from './state.js'
import {
  EXTRA_SLOT_BASE,
  STOPPED_VISIBLE_MS,
  aliveSlots,
  attemptTimes,
  attemptsMade,
  isFailing,
  launchedSlots,
  rampUp,
  slotStartedAt,
  slotStoppedAt,
} from './timeline.js'
import type { StopSpec } from './scenario.js'

export type DesiredStatus = 'RUNNING' | 'STOPPED' | 'PENDING'

/** Slots [from, to) of one deployment, or an explicit list of slots. */
export type Segment = { service: Service; d: Deployment } & (
  { from: number; to: number } | { slots: number[] }
)

export function segmentSize(s: Segment): number {
  return 'slots' in s ? s.slots.length : s.to - s.from
}

export function slotAt(s: Segment, i: number): number {
  if (!('slots' in s)) return s.from + i
  const slot = s.slots[i]
  if (slot === undefined) throw new RangeError(`slot ${i} is outside a segment of ${s.slots.length}`)
  return slot
}

/** The task slots of one deployment whose desired status is `desired` at t. */
export function deploymentSegments(
  service: Service,
  d: Deployment,
  desired: DesiredStatus,
  t: number,
): Segment[] {
  if (d.createdAt > t || desired === 'PENDING') return [] // ECS never sets a desired status of PENDING
  if (desired === 'RUNNING') {
    if (!isFailing(d)) return [{ service, d, from: 0, to: aliveSlots(d, t) }]
    const made = attemptsMade(d, t)
    return made > 0 && attemptTimes(d, made - 1).stoppedAt > t ? [{ service, d, slots: [made - 1] }] : []
  }
  const since = t - STOPPED_VISIBLE_MS
  const slots: number[] = []
  if (isFailing(d)) {
    for (let j = attemptsMade(d, t) - 1; j >= 0; j--) {
      const stopped = attemptTimes(d, j).stoppedAt
      if (stopped < since) break
      if (stopped <= t) slots.push(j)
    }
    slots.reverse()
  } else {
    const launched = launchedSlots(d, t)
    for (let i = aliveSlots(d, t); i < launched; i++) {
      const stopped = slotStoppedAt(d, i, t)
      if (stopped !== undefined && stopped >= since) slots.push(i)
    }
  }
  d.plan.stoppedTasks.forEach((x, k) => {
    const stopped = d.createdAt + x.after * 1000
    if (stopped <= t && stopped >= since && !(d.killedAt !== undefined && d.killedAt < stopped))
      slots.push(EXTRA_SLOT_BASE + k)
  })
  return slots.length ? [{ service, d, slots }] : []
}

export interface TaskFilter {
  services: Service[]
  desired: DesiredStatus
  startedBy?: string
  family?: string
  launchType?: string
}

export function listSegments(filter: TaskFilter, t: number): Segment[] {
  const out: Segment[] = []
  for (const service of filter.services) {
    if (filter.launchType && filter.launchType !== service.launchType) continue
    for (const d of service.deployments.toReversed()) {
      if (filter.startedBy !== undefined && d.id !== filter.startedBy) continue
      if (filter.family !== undefined && d.taskDefinition.family !== filter.family) continue
      for (const s of deploymentSegments(service, d, filter.desired, t)) if (segmentSize(s) > 0) out.push(s)
    }
  }
  return out
}

/** Task ARNs [offset, offset + count) of the concatenated segments. */
export function pageOfArns(state: EcsState, segments: Segment[], offset: number, count: number): string[] {
  const arns: string[] = []
  let skip = offset
  for (const s of segments) {
    const size = segmentSize(s)
    if (skip >= size) {
      skip -= size
      continue
    }
    for (let i = skip; i < size && arns.length < count; i++) {
      arns.push(state.names.task(s.service.cluster.name, taskId(s.d.taskPrefix, slotAt(s, i))))
    }
    skip = 0
    if (arns.length >= count) break
  }
  return arns
}

// --- DescribeTasks ---

interface Life {
  lastStatus: 'PENDING' | 'RUNNING' | 'STOPPED'
  createdAt: number
  startedAt?: number
  stoppedAt?: number
  stop?: StopSpec
}

const SCHEDULER_STOP = (by: string): StopSpec => ({
  stopCode: 'ServiceSchedulerInitiated',
  stoppedReason: `Scaling activity initiated by (deployment ${by})`,
  exitCode: 0,
})

/** The life of slot `slot` of d as seen at t, or undefined when that task does not exist (yet, or any more). */
export function slotLife(service: Service, d: Deployment, slot: number, t: number): Life | undefined {
  if (d.createdAt > t) return undefined
  let life: Life | undefined
  if (slot >= EXTRA_SLOT_BASE) {
    const x = d.plan.stoppedTasks[slot - EXTRA_SLOT_BASE]
    if (!x) return undefined
    const stoppedAt = d.createdAt + x.after * 1000
    if (stoppedAt > t) return undefined
    const createdAt = Math.max(d.createdAt, stoppedAt - 120_000)
    life = { lastStatus: 'STOPPED', createdAt, startedAt: createdAt + 20_000, stoppedAt, stop: x }
  } else if (isFailing(d)) {
    if (slot >= attemptsMade(d, t)) return undefined
    const { createdAt, stoppedAt } = attemptTimes(d, slot)
    const killed = d.killedAt !== undefined && stoppedAt === d.killedAt
    const started =
      d.plan.failure.stopCode === 'TaskFailedToStart' ? undefined : createdAt + (stoppedAt - createdAt) / 2
    // In flight it counts as pending (Deployment.pendingCount); it only shows it ran once it has stopped.
    if (stoppedAt > t) life = { lastStatus: 'PENDING', createdAt }
    else {
      const stop = killed ? SCHEDULER_STOP(successorId(service, d, stoppedAt)) : d.plan.failure
      life = {
        lastStatus: 'STOPPED',
        createdAt,
        startedAt: started !== undefined && started < stoppedAt ? started : undefined,
        stoppedAt,
        stop,
      }
    }
  } else {
    if (slot >= launchedSlots(d, t)) return undefined
    const startedAt = slotStartedAt(d, slot)
    if (slot < aliveSlots(d, t)) {
      life =
        slot < rampUp(d, t)
          ? { lastStatus: 'RUNNING', createdAt: d.createdAt, startedAt }
          : { lastStatus: 'PENDING', createdAt: d.createdAt }
    } else {
      const stoppedAt = slotStoppedAt(d, slot, t)
      if (stoppedAt === undefined) return undefined
      life = {
        lastStatus: 'STOPPED',
        createdAt: d.createdAt,
        startedAt: startedAt <= stoppedAt ? startedAt : undefined,
        stoppedAt,
        stop: SCHEDULER_STOP(successorId(service, d, stoppedAt)),
      }
    }
  }
  if (life.stoppedAt !== undefined && life.stoppedAt < t - STOPPED_VISIBLE_MS) return undefined
  return life
}

/** The deployment that replaced d's task stopped at `at`: the newest one started by then. */
function successorId(service: Service, d: Deployment, at: number): string {
  let by = d
  for (const x of service.deployments) if (x.createdAt > d.createdAt && x.createdAt <= at) by = x
  return by.id
}

const digests = new Map<string, string>()

/** A stable fake `sha256:` digest per image, so tasks of one image agree. */
export function imageDigest(image: string): string {
  let digest = digests.get(image)
  if (!digest) {
    let out = ''
    let h = 0x811c9dc5
    for (let round = 0; out.length < 64; round++) {
      for (const ch of `${round}:${image}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0
      out += h.toString(16).padStart(8, '0')
    }
    digest = `sha256:${out.slice(0, 64)}`
    digests.set(image, digest)
  }
  return digest
}

export function describeTask(state: EcsState, service: Service, d: Deployment, slot: number, t: number) {
  const life = slotLife(service, d, slot, t)
  if (!life) return undefined
  const id = taskId(d.taskPrefix, slot)
  const cluster = service.cluster.name
  const taskArn = state.names.task(cluster, id)
  const running = life.lastStatus === 'RUNNING'
  const unhealthy = running && slot < d.plan.unhealthyTasks
  const containers = d.taskDefinition.containers.map((c, i) => {
    const health = !running || !c.healthCheck ? 'UNKNOWN' : unhealthy ? 'UNHEALTHY' : 'HEALTHY'
    const stopped = life.lastStatus === 'STOPPED'
    return {
      containerArn: state.names.container(cluster, id, i),
      taskArn,
      name: c.name,
      image: c.image,
      imageDigest: imageDigest(c.image),
      lastStatus: life.lastStatus,
      exitCode: stopped && life.startedAt !== undefined && c.essential ? life.stop?.exitCode : undefined,
      reason: stopped && c.essential ? (life.stop?.containerReason ?? undefined) : undefined,
      healthStatus: health,
      cpu: '0',
      networkInterfaces: [],
    }
  })
  const checked = d.taskDefinition.containers.filter((c) => c.essential && c.healthCheck)
  const healthStatus = !running || checked.length === 0 ? 'UNKNOWN' : unhealthy ? 'UNHEALTHY' : 'HEALTHY'
  const date = (ms: number | undefined) => (ms === undefined ? undefined : new Date(Math.round(ms)))
  return {
    taskArn,
    clusterArn: service.cluster.arn,
    taskDefinitionArn: d.taskDefinition.arn,
    group: `service:${service.name}`,
    startedBy: d.id,
    lastStatus: life.lastStatus,
    desiredStatus: life.lastStatus === 'STOPPED' ? 'STOPPED' : 'RUNNING',
    healthStatus,
    launchType: service.launchType,
    platformVersion: service.launchType === 'FARGATE' ? '1.4.0' : undefined,
    platformFamily: service.launchType === 'FARGATE' ? 'Linux' : undefined,
    availabilityZone: `${state.names.region}${'abc'[slot % 3]}`,
    connectivity: 'CONNECTED',
    cpu: d.taskDefinition.cpu,
    memory: d.taskDefinition.memory,
    createdAt: date(life.createdAt),
    pullStartedAt: date(life.startedAt === undefined ? undefined : life.createdAt + 1000),
    pullStoppedAt: date(life.startedAt === undefined ? undefined : life.createdAt + 5000),
    startedAt: date(life.startedAt),
    stoppingAt: date(life.stoppedAt === undefined ? undefined : life.stoppedAt - 1000),
    stoppedAt: date(life.stoppedAt),
    executionStoppedAt: date(life.stoppedAt === undefined ? undefined : life.stoppedAt - 500),
    stopCode: life.stop?.stopCode,
    stoppedReason: life.stop?.stoppedReason,
    version: life.lastStatus === 'STOPPED' ? 4 : life.lastStatus === 'RUNNING' ? 3 : 2,
    containers,
    attachments: [eniAttachment(id, state.taskIpOf(d, slot), life.lastStatus)],
  }
}

/** Fargate tasks use awsvpc networking: one elastic network interface, whose address targets register. */
function eniAttachment(id: string, ip: string, lastStatus: string) {
  return {
    id: `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-eni0-${id.slice(20)}`,
    type: 'ElasticNetworkInterface',
    status: lastStatus === 'STOPPED' ? 'DELETED' : 'ATTACHED',
    details: [
      { name: 'networkInterfaceId', value: `eni-${id.slice(0, 17)}` },
      { name: 'privateIPv4Address', value: ip },
    ],
  }
}
