// A service behind an Application Load Balancer, shared by the invariant matrix and the runner-contract suite:
// three tasks of v2 (deployed 20 minutes ago) in the service's one target group, `shop-tg`.
import type { Scenario } from '../../emulator/index.js'
import { targetGroupArn } from '../../emulator/services/elbv2/index.js'

/** `traffic` is the target group's (requests and 5XX per minute); none by default. */
export function behindLoadBalancer(traffic?: Record<string, unknown>): Scenario {
  return {
    ecs: {
      clusters: {
        prod: {
          services: {
            shop: {
              desiredCount: 3,
              loadBalancers: [
                {
                  targetGroupArn: targetGroupArn('us-east-1', '123456789012', 'shop-tg'),
                  containerName: 'app',
                  containerPort: 8080,
                },
              ],
              taskDefinitions: [{ images: { app: 'shop:v1' } }, { images: { app: 'shop:v2' } }],
              deployments: [
                { at: -7200, taskDefinition: 1 },
                { at: -1200, taskDefinition: 2 },
              ],
            },
          },
        },
      },
    },
    elbv2: {
      loadBalancers: { shop: {} },
      targetGroups: { 'shop-tg': { loadBalancer: 'shop', ...(traffic && { traffic }) } },
    },
  } as unknown as Scenario
}
