// The `elbv2:` section of a scenario: load balancers, their target groups, how targets fare, and the traffic
// each target group serves (published to CloudWatch as AWS/ApplicationELB metrics). Times are seconds relative
// to the emulator's start.
import { fail, known, list, num, obj, oneOf, optStr, type Obj } from '../ecs/read.js'

export interface ErrorBurst {
  from: number
  to: number
  perMinute: number
}

export interface TrafficSpec {
  from: number
  to: number
  requestsPerMinute: number
  errors: ErrorBurst[]
}

export interface TargetGroupSpec {
  name: string
  arn?: string
  loadBalancer?: string
  protocol: 'HTTP' | 'HTTPS' | 'TCP' | 'TLS' | 'UDP'
  port: number
  /** The first N tasks of the service's newest deployment fail their health checks. */
  unhealthy: number
  /** Tasks that started less than this many seconds ago are still `initial`. */
  initialFor: number
  /** Seconds a deregistered target stays `draining` (the deregistration_delay attribute; AWS's default 300). */
  deregistrationDelay: number
  /** Tasks of older deployments that stopped but stay registered and `healthy` (still taking traffic). */
  staleTargets: number
  traffic?: TrafficSpec
}

export interface LoadBalancerSpec {
  name: string
  type: 'application' | 'network'
}

export interface Elbv2Scenario {
  loadBalancers: LoadBalancerSpec[]
  targetGroups: TargetGroupSpec[]
}

export function parseElbv2Scenario(section: unknown): Elbv2Scenario {
  const root = obj(section, 'elbv2')
  known(root, 'elbv2', ['loadBalancers', 'targetGroups'])
  const lbs = obj(root.loadBalancers, 'elbv2.loadBalancers')
  const loadBalancers = Object.entries(lbs).map(([name, raw]) => {
    const path = `elbv2.loadBalancers.${name}`
    const o = obj(raw, path)
    known(o, path, ['type'])
    return { name, type: oneOf(o.type, `${path}.type`, ['application', 'network'] as const, 'application') }
  })
  const tgs = obj(root.targetGroups, 'elbv2.targetGroups')
  const targetGroups = Object.entries(tgs).map(([name, raw]) =>
    parseTargetGroup(name, obj(raw, `elbv2.targetGroups.${name}`), `elbv2.targetGroups.${name}`),
  )
  for (const tg of targetGroups)
    if (tg.loadBalancer && !loadBalancers.some((lb) => lb.name === tg.loadBalancer))
      fail(`elbv2.targetGroups.${tg.name}.loadBalancer`, `no load balancer ${tg.loadBalancer}`)
  return { loadBalancers, targetGroups }
}

function parseTargetGroup(name: string, o: Obj, path: string): TargetGroupSpec {
  known(o, path, [
    'arn',
    'loadBalancer',
    'protocol',
    'port',
    'unhealthy',
    'initialFor',
    'deregistrationDelay',
    'staleTargets',
    'traffic',
  ])
  return {
    name,
    arn: optStr(o.arn, `${path}.arn`),
    loadBalancer: optStr(o.loadBalancer, `${path}.loadBalancer`),
    protocol: oneOf(o.protocol, `${path}.protocol`, ['HTTP', 'HTTPS', 'TCP', 'TLS', 'UDP'] as const, 'HTTP'),
    port: num(o.port, `${path}.port`, 8080, 1),
    unhealthy: num(o.unhealthy, `${path}.unhealthy`, 0, 0),
    initialFor: num(o.initialFor, `${path}.initialFor`, 0, 0),
    deregistrationDelay: num(o.deregistrationDelay, `${path}.deregistrationDelay`, 300, 0),
    staleTargets: num(o.staleTargets, `${path}.staleTargets`, 0, 0),
    traffic:
      o.traffic === undefined
        ? undefined
        : parseTraffic(obj(o.traffic, `${path}.traffic`), `${path}.traffic`),
  }
}

export function parseTraffic(o: Obj, path: string): TrafficSpec {
  known(o, path, ['from', 'to', 'requestsPerMinute', 'errors'])
  return {
    from: num(o.from, `${path}.from`, -3600),
    to: num(o.to, `${path}.to`, 3600),
    requestsPerMinute: num(o.requestsPerMinute, `${path}.requestsPerMinute`, 600, 0),
    errors: list(o.errors, `${path}.errors`).map((e, i) => {
      const ep = `${path}.errors.${i}`
      const b = obj(e, ep)
      known(b, ep, ['from', 'to', 'perMinute'])
      return {
        from: num(b.from, `${ep}.from`, NaN),
        to: num(b.to, `${ep}.to`, NaN),
        perMinute: num(b.perMinute, `${ep}.perMinute`, 1, 0),
      }
    }),
  }
}
