// ARNs and identifiers shaped like ECS's, drawn from the emulator's seeded PRNG so runs are repeatable.

export class EcsNames {
  constructor(
    readonly region: string,
    readonly accountId: string,
    private readonly random: () => number,
  ) {}

  private arn(resource: string): string {
    return `arn:aws:ecs:${this.region}:${this.accountId}:${resource}`
  }

  cluster(name: string): string {
    return this.arn(`cluster/${name}`)
  }
  service(cluster: string, name: string): string {
    return this.arn(`service/${cluster}/${name}`)
  }
  legacyService(name: string): string {
    return this.arn(`service/${name}`)
  }
  task(cluster: string, id: string): string {
    return this.arn(`task/${cluster}/${id}`)
  }
  taskDefinition(family: string, revision: number): string {
    return this.arn(`task-definition/${family}:${revision}`)
  }
  taskSet(cluster: string, service: string, id: string): string {
    return this.arn(`task-set/${cluster}/${service}/${id}`)
  }
  serviceDeployment(cluster: string, service: string): string {
    return this.arn(`service-deployment/${cluster}/${service}/${this.alnum(21)}`)
  }
  serviceRevision(cluster: string, service: string): string {
    return this.arn(`service-revision/${cluster}/${service}/${this.digits(19)}`)
  }
  container(cluster: string, taskId: string, index: number): string {
    const id = `${taskId.slice(0, 8)}-${taskId.slice(8, 12)}-${taskId.slice(12, 16)}-${(index + 0xa000).toString(16)}-${taskId.slice(20)}`
    return this.arn(`container/${cluster}/${taskId}/${id}`)
  }

  deploymentId(): string {
    return `ecs-svc/${this.digits(19)}`
  }
  hex(length: number): string {
    let out = ''
    for (let i = 0; i < length; i++) out += Math.floor(this.random() * 16).toString(16)
    return out
  }
  digits(length: number): string {
    let out = String(1 + Math.floor(this.random() * 9))
    for (let i = 1; i < length; i++) out += Math.floor(this.random() * 10)
    return out
  }
  alnum(length: number): string {
    const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
    let out = ''
    for (let i = 0; i < length; i++) out += chars[Math.floor(this.random() * chars.length)]
    return out
  }
}

/** Task ids are 32 hex characters: the deployment's 20-character prefix and the slot number. */
export function taskId(prefix: string, slot: number): string {
  return prefix + slot.toString(16).padStart(12, '0')
}

export function parseTaskId(id: string): { prefix: string; slot: number } | undefined {
  if (!/^[0-9a-f]{32}$/.test(id)) return undefined
  return { prefix: id.slice(0, 20), slot: parseInt(id.slice(20), 16) }
}

/** The last path segment of an ARN (`…:task/cluster/abc` → `abc`), or the value itself when it is a name. */
export function lastSegment(value: string): string {
  return value.startsWith('arn:') ? value.slice(value.lastIndexOf('/') + 1) : value
}

/**
 * The private IPv4 address of a task's elastic network interface (awsvpc: the id a load balancer registers
 * the task by). `deploymentIndex` is the deployment's place among all the emulator's deployments, so no two
 * tasks share one: 10.<deployment>.<slot / 256>.<slot % 256>.
 */
export function taskIp(deploymentIndex: number, slot: number): string {
  return `10.${deploymentIndex % 256}.${(slot >> 8) & 255}.${slot & 255}`
}
