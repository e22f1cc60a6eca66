// DescribeTaskDefinition.
import { AwsError, type RequestContext } from '../../../core/types.js'
import type { EcsState } from '../state.js'

export function describeTaskDefinition(state: EcsState) {
  return (input: any, _ctx: RequestContext) => {
    const td =
      typeof input.taskDefinition === 'string' ? state.findTaskDefinition(input.taskDefinition) : undefined
    if (!td) throw new AwsError('ClientException', 'Unable to describe task definition.')
    return {
      taskDefinition: {
        taskDefinitionArn: td.arn,
        family: td.family,
        revision: td.revision,
        status: 'ACTIVE',
        containerDefinitions: td.containers.map((c) => ({
          name: c.name,
          image: c.image,
          essential: c.essential,
          cpu: 0,
          portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp' }],
          healthCheck: c.healthCheck
            ? {
                command: ['CMD-SHELL', 'curl -f http://localhost:8080/health || exit 1'],
                interval: 30,
                timeout: 5,
                retries: 3,
              }
            : undefined,
          environment: [],
          mountPoints: [],
          volumesFrom: [],
        })),
        networkMode: 'awsvpc',
        volumes: [],
        placementConstraints: [],
        compatibilities: ['EC2', 'FARGATE'],
        requiresCompatibilities: ['FARGATE'],
        cpu: td.cpu,
        memory: td.memory,
        registeredAt: new Date(td.registeredAt),
        registeredBy: `arn:aws:iam::${state.names.accountId}:role/deployer`,
      },
      tags: input.include?.includes('TAGS') ? [] : undefined,
    }
  }
}
