// Service events (DescribeServices `events`), derived from the deployments' timelines, worded as ECS words
// them. Newest first, at most 100, as on ECS.
import { taskId } from './ids.js'
import type { Deployment, Service } from './model.js'
import { attemptTimes, attemptsMade, capacity, completedAt, failedAt, isFailing } from './timeline.js'

export interface ServiceEvent {
  id: string
  createdAt: Date
  message: string
}

const MAX_EVENTS = 100
/** Without a circuit breaker, a failing deployment retries forever; ECS says so after a while. */
const UNABLE_AFTER_ATTEMPTS = 10

export function serviceEvents(service: Service, t: number): ServiceEvent[] {
  const raw: { at: number; message: string; id: string }[] = []
  const svc = `(service ${service.name})`
  for (const d of service.deployments) {
    if (d.createdAt > t) continue
    let n = 0
    const add = (at: number, message: string) => {
      if (at <= t) raw.push({ at, message, id: eventId(d, n) })
      n++
    }
    const task = (slot: number) => `(task ${taskId(d.taskPrefix, slot)})`
    if (isFailing(d)) {
      const made = attemptsMade(d, t)
      for (let j = Math.max(0, made - MAX_EVENTS); j < made; j++) {
        add(attemptTimes(d, j).createdAt, `${svc} has started 1 tasks: ${task(j)}.`)
      }
      const failed = failedAt(d)
      if (failed !== undefined) {
        add(failed, `${svc} (deployment ${d.id}) deployment failed: tasks failed to start.`)
        if (d.rollback && d.source) add(failed, `${svc} rolling back to deployment ${d.source.id}.`)
      } else if (!d.circuitBreaker.enable && made >= UNABLE_AFTER_ATTEMPTS) {
        add(
          attemptTimes(d, UNABLE_AFTER_ATTEMPTS - 1).stoppedAt,
          `${svc} is unable to consistently start tasks successfully. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.`,
        )
      }
      continue
    }
    const cap = capacity(d)
    if (cap > 0) {
      const shown = Array.from({ length: Math.min(cap, 10) }, (_, i) => task(i)).join(' ')
      add(d.createdAt, `${svc} has started ${cap} tasks: ${shown}.`)
    }
    const done = completedAt(d)
    if (done !== undefined) {
      add(done, `${svc} (deployment ${d.id}) deployment completed.`)
      add(done, `${svc} has reached a steady state.`)
    }
  }
  // Same instant: the later-generated message is the newer one (steady state after deployment completed).
  const order = raw.map((e, i) => ({ ...e, i }))
  order.sort((a, b) => b.at - a.at || b.i - a.i)
  return order
    .slice(0, MAX_EVENTS)
    .map((e) => ({ id: e.id, createdAt: new Date(Math.round(e.at)), message: e.message }))
}

function eventId(d: Deployment, n: number): string {
  const p = d.taskPrefix
  return `${p.slice(0, 8)}-${p.slice(8, 12)}-4${p.slice(12, 15)}-a${p.slice(15, 18)}-${n.toString(16).padStart(12, '0')}`
}
