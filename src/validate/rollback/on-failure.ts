// Whether to roll back, and the rollback: only on a measured failure, the way rollback says. A failure
// that was not measured (checks that could not be read, or an alarm or API name that names nothing) is never
// acted on; finish.ts reports why.
import type { Service } from '@aws-sdk/client-ecs'
import type { Check } from '../../result.js'
import type { DeploymentHistory } from '../rollout-verdict.js'
import type { Step } from '../step.js'
import { judge, notMeasured } from '../verdict.js'
import { rollbackPipeline } from './pipeline.js'
import { rollbackService, type RollbackResult } from './service.js'

export async function rollBackIfMeasured(
  step: Step,
  checks: Check[],
  service: Service,
  history: DeploymentHistory,
): Promise<RollbackResult | undefined> {
  const { config, deps, target, deadline } = step
  if (config.rollback === 'none') return undefined
  const { failure } = judge(checks, config.onMissingData, target)
  if (failure === 'unverified' || failure === 'configuration')
    deps.log.info(`Rollback (${config.rollback}): ${notMeasured(checks)}`)
  if (failure !== 'measured') return undefined
  return deps.log.group(`Rollback (${config.rollback})`, async () => {
    const r =
      config.rollback === 'pipeline'
        ? await rollbackPipeline(deps, config.pipelineName, target, config.commitSha, deadline)
        : await rollbackService(deps, target, service, history, config.expectedImageTag, deadline)
    deps.log.info(r.message)
    return r
  })
}
