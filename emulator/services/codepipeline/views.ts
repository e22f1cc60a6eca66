// The read models of the CodePipeline API, rendered from engine state: what GetPipelineExecution,
// ListPipelineExecutions, GetPipelineState and ListActionExecutions return.
import { must } from '../../core/must.js'
import { maskConfiguration, masked } from './declaration.js'
import { resolveVariables, revisionUrl } from './engine.js'
import {
  currentDeclaration,
  type ActionRun,
  type ConditionRun,
  type Execution,
  type PipelineRecord,
} from './model.js'

const date = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms))

function sourceAction(e: Execution) {
  return e.declaration.stages[0]?.actions.find((a) => a.actionTypeId.category === 'Source')
}

function revisionSummary(e: Execution): string | undefined {
  const source = sourceAction(e)
  if (!e.commit || !source) return undefined
  if (source.actionTypeId.provider === 'CodeStarSourceConnection') {
    return JSON.stringify({ ProviderType: 'GitHub', CommitMessage: e.commit.message })
  }
  return e.commit.message
}

export function artifactRevisions(e: Execution, region: string) {
  const source = sourceAction(e)
  if (!e.revisionKnown || !e.commit || !source) return []
  return (source.outputArtifacts ?? []).map((o) => ({
    name: o.name,
    revisionId: e.commit!.sha,
    revisionSummary: revisionSummary(e),
    created: date(e.commit!.at),
    revisionUrl: revisionUrl(e, source, region),
  }))
}

export function sourceRevisions(e: Execution, region: string) {
  const source = sourceAction(e)
  if (!e.revisionKnown || !e.commit || !source) return []
  return [
    {
      actionName: source.name,
      revisionId: e.commit.sha,
      revisionSummary: revisionSummary(e),
      revisionUrl: revisionUrl(e, source, region),
    },
  ]
}

export function pipelineExecution(e: Execution, region: string) {
  return {
    pipelineName: e.pipelineName,
    pipelineVersion: e.pipelineVersion,
    pipelineExecutionId: e.id,
    status: e.status,
    statusSummary: e.statusSummary,
    artifactRevisions: artifactRevisions(e, region),
    variables: e.variables,
    trigger: e.trigger,
    executionMode: e.executionMode,
    executionType: e.executionType,
    rollbackMetadata: e.rollbackTargetId
      ? { rollbackTargetPipelineExecutionId: e.rollbackTargetId }
      : undefined,
  }
}

export function executionSummary(e: Execution, region: string) {
  return {
    pipelineExecutionId: e.id,
    status: e.status,
    statusSummary: e.statusSummary,
    startTime: date(e.startTime),
    lastUpdateTime: date(e.lastUpdateTime),
    sourceRevisions: sourceRevisions(e, region),
    trigger: e.trigger,
    stopTrigger: e.stopTrigger,
    executionMode: e.executionMode,
    executionType: e.executionType,
    rollbackMetadata: e.rollbackTargetId
      ? { rollbackTargetPipelineExecutionId: e.rollbackTargetId }
      : undefined,
  }
}

function actionExecution(a: ActionRun) {
  return {
    actionExecutionId: a.actionExecutionId,
    status: a.status,
    summary: a.summary,
    lastStatusChange: date(a.lastUpdateTime),
    externalExecutionId: a.externalExecutionId,
    externalExecutionUrl: a.externalExecutionUrl,
    errorDetails: a.errorDetails,
    // An open approval's token: what PutApprovalResult needs (gone once it is answered).
    token: a.status === 'InProgress' ? a.token : undefined,
    logStreamARN: a.logStreamArn,
  }
}

/** StageConditionState of one condition run (GetPipelineState). */
function conditionState(c: ConditionRun | undefined) {
  if (!c) return undefined
  const status = { status: c.status, summary: c.summary, lastStatusChange: date(c.at) }
  return {
    latestExecution: { status: c.status, summary: c.summary },
    conditionStates: [
      {
        latestExecution: status,
        ruleStates: c.rules.map((r) => ({
          ruleName: r.ruleName,
          latestExecution: {
            ruleExecutionId: r.ruleExecutionId,
            status: r.status,
            summary: r.summary,
            lastStatusChange: date(r.at),
            errorDetails: r.errorDetails,
          },
        })),
      },
    ],
  }
}

/** GetPipelineState: each stage shows its latest execution, whichever execution that is. */
export function pipelineState(p: PipelineRecord, region: string) {
  const declaration = currentDeclaration(p)
  return {
    pipelineName: p.name,
    pipelineVersion: declaration.version,
    created: date(p.created),
    updated: date(p.updated),
    stageStates: declaration.stages.map((stage, index) => {
      const runs = p.executions
        .map((e) => ({ e, run: e.stages.get(stage.name) }))
        .filter((x) => x.run !== undefined)
        .sort((a, b) => a.run!.startTime - b.run!.startTime)
      const latest = runs[runs.length - 1]
      const waiting = p.executions.filter(
        (e) => e.state === 'waiting' && e.status === 'InProgress' && e.stageIndex === index,
      )
      const inbound = waiting.map((e) => ({
        pipelineExecutionId: e.id,
        status: 'InProgress',
        type: e.executionType,
      }))
      const actionStates = stage.actions.map((action) => {
        const own = latest?.run!.runs.filter((r) => r.actionName === action.name) ?? []
        const last = own[own.length - 1]
        const source = action.actionTypeId.category === 'Source' && latest?.e.commit
        return {
          actionName: action.name,
          currentRevision: source
            ? { revisionId: latest!.e.commit!.sha, created: date(latest!.e.commit!.at) }
            : undefined,
          latestExecution: last ? actionExecution(last) : undefined,
          entityUrl: entityUrl(action.actionTypeId.provider, action.configuration ?? {}, region),
          revisionUrl: source ? revisionUrl(latest!.e, action, region) : undefined,
        }
      })
      const retried = latest && latest.run!.autoRetries > 0
      return {
        stageName: stage.name,
        inboundExecution: inbound[0],
        inboundExecutions: inbound.length ? inbound : undefined,
        inboundTransitionState: { enabled: true },
        actionStates,
        latestExecution: latest
          ? { pipelineExecutionId: latest.e.id, status: latest.run!.status, type: latest.e.executionType }
          : undefined,
        beforeEntryConditionState: conditionState(latest?.run!.beforeEntry),
        onSuccessConditionState: conditionState(latest?.run!.onSuccess),
        retryStageMetadata: retried
          ? {
              autoStageRetryAttempt: latest.run!.autoRetries,
              manualStageRetryAttempt: 0,
              latestRetryTrigger: 'AutomatedStageRetry',
            }
          : undefined,
      }
    }),
  }
}

function entityUrl(provider: string, c: Record<string, string>, region: string): string | undefined {
  switch (provider) {
    case 'CodeBuild':
      return `https://console.aws.amazon.com/codebuild/home?region=${region}#/projects/${c.ProjectName}/view`
    case 'ECS':
      return `https://console.aws.amazon.com/ecs/home?region=${region}#/clusters/${c.ClusterName}/services/${c.ServiceName}/details`
    case 'CodeStarSourceConnection':
      return `https://${region}.console.aws.amazon.com/codesuite/settings/connections`
    default:
      return undefined
  }
}

/** ListActionExecutions: one entry per action run (retries included). */
export function actionExecutionDetail(p: PipelineRecord, e: Execution, a: ActionRun, region: string) {
  const bucket =
    e.declaration.artifactStore?.location ?? e.declaration.artifactStores?.[region]?.location ?? ''
  const location = (name: string) => ({
    bucket,
    key: `${p.name.slice(0, 20)}/${name.slice(0, 20)}/${a.actionExecutionId.slice(0, 7)}`,
  })
  const configuration = maskConfiguration(a.declaration) ?? {}
  const resolved = Object.fromEntries(
    Object.entries(configuration).map(([k, v]) => [k, resolveVariables(v, e)]),
  )
  const finished = a.status !== 'InProgress'
  return {
    pipelineExecutionId: e.id,
    actionExecutionId: a.actionExecutionId,
    pipelineVersion: a.pipelineVersion,
    stageName: a.stageName,
    actionName: a.actionName,
    startTime: date(a.startTime),
    lastUpdateTime: date(a.lastUpdateTime),
    updatedBy: `arn:aws:iam::${p.arn.split(':')[4]}:role/codepipeline-service-role`,
    status: a.status,
    input: {
      actionTypeId: a.declaration.actionTypeId,
      configuration,
      resolvedConfiguration: resolved,
      region,
      inputArtifacts: (a.declaration.inputArtifacts ?? []).map((i) => ({
        name: i.name,
        s3location: location(i.name),
      })),
      namespace: a.declaration.namespace,
    },
    output: {
      outputArtifacts:
        a.status === 'Succeeded'
          ? (a.declaration.outputArtifacts ?? []).map((o) => ({ name: o.name, s3location: location(o.name) }))
          : [],
      executionResult:
        a.externalExecutionId || finished
          ? {
              externalExecutionId: a.externalExecutionId,
              externalExecutionSummary: a.summary,
              externalExecutionUrl: a.externalExecutionUrl,
              errorDetails: a.errorDetails,
              logStreamARN: a.logStreamArn,
            }
          : undefined,
      outputVariables: a.outputVariables ?? {},
    },
  }
}

export function getPipelineView(p: PipelineRecord, version: number) {
  return {
    pipeline: masked(must(p.versions[version - 1], `version ${version} of pipeline ${p.name}`)),
    metadata: { pipelineArn: p.arn, created: date(p.created), updated: date(p.updated) },
  }
}
