// The ECS plugin: builds the ECS world from the scenario's `ecs:` section, serves the ECS API, and offers
// itself to other plugins as world.states.ecs (the CodePipeline ECS deploy action deploys through it).
import type { EmulatorPlugin } from '../../core/types.js'
import { continueServiceDeployment } from './ops/continue-service-deployment.js'
import {
  describeServiceDeployments,
  describeServiceRevisions,
  listServiceDeployments,
} from './ops/service-deployments.js'
import { describeServices, updateService } from './ops/services.js'
import { describeTaskDefinition } from './ops/task-definitions.js'
import { describeTasks, listTasks } from './ops/tasks.js'
import { parseEcsScenario } from './scenario.js'
import { EcsState } from './state.js'

export const ecsPlugin: EmulatorPlugin = {
  scenarioKey: 'ecs',
  create(section, world) {
    const state = new EcsState(parseEcsScenario(section, world.region, world.accountId), world)
    world.states.ecs = state
    return {
      services: [
        {
          name: 'ecs',
          targetPrefix: 'AmazonEC2ContainerServiceV20141113',
          protocol: 'awsJson1_1',
          model: 'ecs',
          // ECS models no ValidationException; its frontend reports bad parameters as InvalidParameterException.
          errorCodes: {
            invalid: { code: 'InvalidParameterException' },
            missing: { code: 'InvalidParameterException' },
          },
          // The handlers check these enums themselves, in ECS's words ("Invalid desiredStatus: DONE.").
          constraints: {
            ListTasks: { desiredStatus: { checkedByHandler: true } },
            ListServiceDeployments: { 'status[]': { checkedByHandler: true } },
          },
          operations: {
            DescribeServices: describeServices(state),
            UpdateService: updateService(state),
            ListTasks: listTasks(state),
            DescribeTasks: describeTasks(state),
            DescribeTaskDefinition: describeTaskDefinition(state),
            ListServiceDeployments: listServiceDeployments(state),
            DescribeServiceDeployments: describeServiceDeployments(state),
            DescribeServiceRevisions: describeServiceRevisions(state),
            ContinueServiceDeployment: continueServiceDeployment(state),
          },
        },
      ],
    }
  },
}
