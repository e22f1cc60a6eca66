// rollback: service — UpdateService back to the task definition the service ran before this deployment,
// as the service's deployment history records it (not "revision N−1", which may never have run).
import {
  DescribeServiceDeploymentsCommand,
  DescribeServiceRevisionsCommand,
  ECSClient,
  UpdateServiceCommand,
  type Service,
} from '@aws-sdk/client-ecs'
import type { ModeDeps } from '../../deps.js'
import { describeError } from '../aws-errors.js'
import { controllerOf, primaryOf, shortTd, type DeploymentHistory } from '../rollout-verdict.js'
import type { Target } from '../service.js'

export interface RollbackResult {
  mode: 'pipeline' | 'service'
  done: boolean
  message: string
}

const ALREADY_ROLLED_BACK = new Set(['ROLLBACK_IN_PROGRESS', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_REQUESTED'])

export async function rollbackService(
  deps: ModeDeps,
  t: Target,
  service: Service,
  history: DeploymentHistory,
): Promise<RollbackResult> {
  const result = (done: boolean, message: string): RollbackResult => ({ mode: 'service', done, message })
  const controller = controllerOf(service)
  if (controller !== 'ECS') {
    return result(
      false,
      `not possible: the service uses the ${controller} deployment controller, whose task definition only ${controller === 'CODE_DEPLOY' ? 'CodeDeploy' : 'the external controller'} can change; roll back there`,
    )
  }
  if (history.kind === 'unavailable') {
    return result(false, `not done: the deployment history could not be read (${history.reason})`)
  }
  const latest = history.latest
  if (!latest?.serviceDeploymentArn) return result(false, 'not done: the service has no deployment history')
  if (ALREADY_ROLLED_BACK.has(latest.status ?? '')) {
    return result(
      false,
      `not needed: ECS already rolled the deployment back (${latest.status}); the service runs ${shortTd(primaryOf(service)?.taskDefinition)}`,
    )
  }
  const ecs = deps.aws.get(ECSClient)
  try {
    const described = await ecs.send(
      new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [latest.serviceDeploymentArn] }),
      { abortSignal: deps.signal },
    )
    const sources = described.serviceDeployments?.[0]?.sourceServiceRevisions ?? []
    // Several sources when a deployment replaced an unfinished one: the one that ran the most tasks.
    const source = [...sources].sort((a, b) => (b.runningTaskCount ?? 0) - (a.runningTaskCount ?? 0))[0]
    if (!source?.arn) {
      return result(
        false,
        "not possible: this was the service's first deployment; there is no previous task definition",
      )
    }
    const revisions = await ecs.send(
      new DescribeServiceRevisionsCommand({ serviceRevisionArns: [source.arn] }),
      {
        abortSignal: deps.signal,
      },
    )
    const previous = revisions.serviceRevisions?.[0]?.taskDefinition
    if (!previous)
      return result(false, `not done: the previous service revision ${source.arn} could not be read`)
    if (previous === primaryOf(service)?.taskDefinition) {
      return result(
        false,
        `not needed: the service already runs the previous task definition ${shortTd(previous)}`,
      )
    }
    await ecs.send(
      new UpdateServiceCommand({ cluster: t.cluster, service: t.service, taskDefinition: previous }),
      {
        abortSignal: deps.signal,
      },
    )
    return result(
      true,
      `UpdateService started a deployment back to ${shortTd(previous)}, the task definition the service ran before this deployment (not waited for)`,
    )
  } catch (e) {
    return result(false, `failed: ${describeError(e)}`)
  }
}
