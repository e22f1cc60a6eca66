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
import { call, describeError } from '../../aws-errors.js'
import { patiently } from '../read.js'
import { controllerOf, primaryOf, shortTd, type DeploymentHistory } from '../rollout-verdict.js'
import type { Target } from '../service.js'
import { imageTag } from '../version-verdict.js'

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
  expectedImageTag: string | undefined,
  /** Its reads are retried on transient failures until then; a read that still fails means no rollback. */
  deadline: number,
): Promise<RollbackResult> {
  const result = (done: boolean, message: string): RollbackResult => ({ mode: 'service', done, message })
  const undo = deploymentToUndo(service, history)
  if ('refused' in undo) return result(false, undo.refused)
  try {
    const before = await revisionBefore(deps, undo.arn, deadline)
    if ('refused' in before) return result(false, before.refused)
    const previous = before.taskDefinition
    const refused = refuseTarget({
      target: previous,
      images: before.images,
      running: primaryOf(service)?.taskDefinition,
      expectedImageTag,
    })
    if (refused) return result(false, refused)
    await call('ecs', 'UpdateService', () =>
      deps.aws
        .get(ECSClient)
        .send(
          new UpdateServiceCommand({ cluster: t.cluster, service: t.service, taskDefinition: previous }),
          {
            abortSignal: deps.signal,
          },
        ),
    )
    return result(
      true,
      `UpdateService started a deployment back to ${shortTd(previous)}, the task definition the service ran before this deployment (not waited for)`,
    )
  } catch (e) {
    return result(false, `failed: ${describeError(e)}`)
  }
}

/** The service deployment to undo (the latest), or why there is none a rollback here may undo. */
function deploymentToUndo(
  service: Service,
  history: DeploymentHistory,
): { arn: string } | { refused: string } {
  const controller = controllerOf(service)
  if (controller !== 'ECS') {
    return {
      refused: `not possible: the service uses the ${controller} deployment controller, whose task definition only ${controller === 'CODE_DEPLOY' ? 'CodeDeploy' : 'the external controller'} can change; roll back there`,
    }
  }
  if (history.kind === 'unavailable')
    return { refused: `not done: the deployment history could not be read (${history.reason})` }
  const latest = history.latest
  if (!latest?.serviceDeploymentArn) return { refused: 'not done: the service has no deployment history' }
  if (ALREADY_ROLLED_BACK.has(latest.status ?? '')) {
    return {
      refused: `not needed: ECS already rolled the deployment back (${latest.status}); the service runs ${shortTd(primaryOf(service)?.taskDefinition)}`,
    }
  }
  return { arn: latest.serviceDeploymentArn }
}

/** The task definition (and its images) the service ran before the deployment, as ECS recorded it. */
async function revisionBefore(
  deps: ModeDeps,
  deploymentArn: string,
  deadline: number,
): Promise<{ taskDefinition: string; images: string[] } | { refused: string }> {
  const ecs = deps.aws.get(ECSClient)
  const described = await patiently(deps, deadline, () =>
    call('ecs', 'DescribeServiceDeployments', () =>
      ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [deploymentArn] }), {
        abortSignal: deps.signal,
      }),
    ),
  )
  const sources = described.serviceDeployments?.[0]?.sourceServiceRevisions ?? []
  // Several sources when a deployment replaced an unfinished one: the one that ran the most tasks.
  const source = [...sources].sort((a, b) => (b.runningTaskCount ?? 0) - (a.runningTaskCount ?? 0))[0]
  const revisionArn = source?.arn
  if (!revisionArn)
    return {
      refused: "not possible: this was the service's first deployment; there is no previous task definition",
    }
  const revisions = await patiently(deps, deadline, () =>
    call('ecs', 'DescribeServiceRevisions', () =>
      ecs.send(new DescribeServiceRevisionsCommand({ serviceRevisionArns: [revisionArn] }), {
        abortSignal: deps.signal,
      }),
    ),
  )
  const revision = revisions.serviceRevisions?.[0]
  const taskDefinition = revision?.taskDefinition
  if (!taskDefinition)
    return { refused: `not done: the previous service revision ${revisionArn} could not be read` }
  return { taskDefinition, images: (revision.containerImages ?? []).map((c) => c.image ?? '') }
}

export interface TargetFacts {
  /** The task definition the service ran before its latest deployment: the rollback's target. */
  target: string
  /** That revision's container images. */
  images: string[]
  /** The PRIMARY deployment's task definition. */
  running?: string
  expectedImageTag?: string
}

const taskDefinitionRevision = (arn: string): { family: string; revision: number } | undefined => {
  const m = /task-definition\/([^:]+):(\d+)$/.exec(arn)
  return m?.[1] && m[2] ? { family: m[1], revision: Number(m[2]) } : undefined
}

/**
 * Why the task definition the service ran before its latest deployment must not be rolled back to, or
 * undefined when it may. After an earlier rollback (ours or anyone's UpdateService back to an old revision)
 * the latest deployment IS that rollback, and what ran before it is the version that failed: going "back"
 * there would redeploy it. Pure.
 */
export function refuseTarget(f: TargetFacts): string | undefined {
  if (f.target === f.running) {
    return `not needed: the PRIMARY deployment already runs ${shortTd(f.target)}, the task definition the service ran before its latest deployment`
  }
  if (f.expectedImageTag && f.images.some((i) => imageTag(i) === f.expectedImageTag)) {
    return `not done: ${shortTd(f.target)}, which the service ran before its latest deployment, carries the expected tag "${f.expectedImageTag}" — the version being judged; the latest deployment (to ${shortTd(f.running)}) looks like an earlier rollback, and rolling back again would redeploy the version that failed`
  }
  const target = f.target ? taskDefinitionRevision(f.target) : undefined
  const running = f.running ? taskDefinitionRevision(f.running) : undefined
  if (target && running && target.family === running.family && target.revision > running.revision) {
    return `not done: the latest deployment went from ${shortTd(f.target)} back to the older ${shortTd(f.running)} — it looks like an earlier rollback; rolling back again would redeploy ${shortTd(f.target)}`
  }
  return undefined
}
