// The CodePipeline operations the action uses, with AWS's checks and effects.
import { AwsError, type Handler } from '../../core/types.js'
import { checkDeclaration, withDefaults, type PipelineDeclaration } from './declaration.js'
import type { PipelineEngine } from './engine.js'
import { currentDeclaration, currentStage, type Execution, type PipelineRecord } from './model.js'
import {
  actionExecutionDetail,
  executionSummary,
  getPipelineView,
  pipelineExecution,
  pipelineState,
} from './views.js'

const CALLER = 'arn:aws:sts::{account}:assumed-role/emulator/deploy-pipeline'

export function codepipelineOperations(engine: PipelineEngine): Record<string, Handler> {
  const world = engine.world
  const now = () => world.clock.now()
  const caller = () => CALLER.replace('{account}', world.accountId)

  const pipeline = (name: string): PipelineRecord => {
    engine.advance()
    const p = engine.pipelines.get(name)
    if (!p)
      throw new AwsError(
        'PipelineNotFoundException',
        `Account '${world.accountId}' does not have a pipeline with name '${name}'`,
      )
    return p
  }
  const execution = (p: PipelineRecord, id: string): Execution => {
    const e = p.executions.find((x) => x.id === id)
    if (!e) {
      throw new AwsError(
        'PipelineExecutionNotFoundException',
        `Pipeline execution with id '${id}' does not exist in pipeline with name '${p.name}'`,
      )
    }
    return e
  }

  /** The pipeline an ARN names (tagging APIs address pipelines by ARN). */
  const byArn = (arn: string): PipelineRecord => {
    if (!/^arn:aws(-[\w]+)*:codepipeline:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9.@\-_]+$/.test(arn))
      throw new AwsError('InvalidArnException', `The ARN is not valid: ${arn}`)
    engine.advance()
    const p = [...engine.pipelines.values()].find((x) => x.arn === arn)
    if (!p) throw new AwsError('ResourceNotFoundException', `The resource with the ARN ${arn} was not found`)
    return p
  }

  return {
    CreatePipeline: (input: { pipeline: PipelineDeclaration; tags?: { key: string; value: string }[] }) => {
      engine.advance()
      if (engine.pipelines.has(input.pipeline.name)) {
        throw new AwsError(
          'PipelineNameInUseException',
          `A pipeline with the name '${input.pipeline.name}' already exists in account '${world.accountId}'`,
        )
      }
      checkDeclaration(input.pipeline, world.region)
      const p = createPipelineRecord(engine, input.pipeline, now(), input.tags ?? [])
      // AWS starts a first execution as soon as a pipeline is created.
      engine.start(p, { at: now(), trigger: { triggerType: 'CreatePipeline', triggerDetail: caller() } })
      const view = getPipelineView(p, 1)
      return { pipeline: view.pipeline, tags: input.tags }
    },

    UpdatePipeline: (input: { pipeline: PipelineDeclaration }) => {
      const p = pipeline(input.pipeline.name)
      checkDeclaration(input.pipeline, world.region)
      const previous = currentDeclaration(p)
      const next = withDefaults(keepMaskedSecrets(input.pipeline, previous), p.versions.length + 1)
      engine.cancelInFlight(p, now())
      p.versions.push(next)
      p.updated = now()
      return { pipeline: getPipelineView(p, next.version!).pipeline }
    },

    GetPipeline: (input: { name: string; version?: number }) => {
      const p = pipeline(input.name)
      const version = input.version ?? p.versions.length
      if (version < 1 || version > p.versions.length) {
        throw new AwsError(
          'PipelineVersionNotFoundException',
          `Pipeline '${p.name}' has no version ${version}`,
        )
      }
      return getPipelineView(p, version)
    },

    ListPipelines: (input: { maxResults?: number; nextToken?: string }) => {
      engine.advance()
      const all = [...engine.pipelines.values()].sort((a, b) => a.name.localeCompare(b.name))
      const { page, nextToken } = paginate(all, input.nextToken, input.maxResults ?? 1000)
      return {
        pipelines: page.map((p) => {
          const d = currentDeclaration(p)
          return {
            name: p.name,
            version: d.version,
            pipelineType: d.pipelineType,
            executionMode: d.executionMode,
            created: new Date(p.created),
            updated: new Date(p.updated),
          }
        }),
        nextToken,
      }
    },

    StartPipelineExecution: (input: {
      name: string
      variables?: { name: string; value: string }[]
      clientRequestToken?: string
      sourceRevisions?: { actionName: string; revisionType: string; revisionValue: string }[]
    }) => {
      const p = pipeline(input.name)
      if (input.clientRequestToken && p.tokens.has(input.clientRequestToken)) {
        return { pipelineExecutionId: p.tokens.get(input.clientRequestToken) }
      }
      const d = currentDeclaration(p)
      const declared = new Set((d.variables ?? []).map((v) => v.name))
      for (const v of input.variables ?? []) {
        if (!declared.has(v.name)) {
          throw new AwsError(
            'ValidationException',
            `Variable '${v.name}' is not declared in pipeline '${p.name}'`,
          )
        }
      }
      for (const v of d.variables ?? []) {
        if (v.defaultValue === undefined && !input.variables?.some((x) => x.name === v.name)) {
          throw new AwsError(
            'ValidationException',
            `Variable '${v.name}' has no default value and must be provided`,
          )
        }
      }
      let commitSha: string | undefined
      for (const r of input.sourceRevisions ?? []) {
        const action = d.stages[0]?.actions.find((a) => a.name === r.actionName)
        if (!action) {
          throw new AwsError(
            'ValidationException',
            `Source action '${r.actionName}' does not exist in pipeline '${p.name}'`,
          )
        }
        if (
          r.revisionType !== 'COMMIT_ID' &&
          ['CodeStarSourceConnection', 'CodeCommit', 'GitHub'].includes(action.actionTypeId.provider)
        ) {
          throw new AwsError(
            'ValidationException',
            `Revision type ${r.revisionType} is not valid for source action '${r.actionName}'`,
          )
        }
        commitSha = r.revisionValue
      }
      const id = engine.start(p, {
        at: now(),
        trigger: { triggerType: 'StartPipelineExecution', triggerDetail: caller() },
        commitSha,
        variables: Object.fromEntries((input.variables ?? []).map((v) => [v.name, v.value])),
      })
      if (input.clientRequestToken) p.tokens.set(input.clientRequestToken, id)
      return { pipelineExecutionId: id }
    },

    StopPipelineExecution: (input: {
      pipelineName: string
      pipelineExecutionId: string
      abandon?: boolean
      reason?: string
    }) => {
      const p = pipeline(input.pipelineName)
      const e = execution(p, input.pipelineExecutionId)
      if (e.status === 'Stopping') {
        throw new AwsError('DuplicatedStopRequestException', `Execution '${e.id}' is already being stopped`)
      }
      if (e.status !== 'InProgress') {
        throw new AwsError(
          'PipelineExecutionNotStoppableException',
          `Unable to stop pipeline execution '${e.id}': it is ${e.status}, not InProgress`,
        )
      }
      engine.stop(e, input.abandon ?? false, input.reason, now())
      return { pipelineExecutionId: e.id }
    },

    GetPipelineExecution: (input: { pipelineName: string; pipelineExecutionId: string }) => {
      const p = pipeline(input.pipelineName)
      return { pipelineExecution: pipelineExecution(execution(p, input.pipelineExecutionId), world.region) }
    },

    GetPipelineState: (input: { name: string }) => pipelineState(pipeline(input.name), world.region),

    ListPipelineExecutions: (input: {
      pipelineName: string
      maxResults?: number
      nextToken?: string
      filter?: { succeededInStage?: { stageName?: string } }
    }) => {
      const p = pipeline(input.pipelineName)
      const stage = input.filter?.succeededInStage?.stageName
      const all = newestFirst(p.executions).filter(
        (e) => !stage || e.stages.get(stage)?.status === 'Succeeded',
      )
      const { page, nextToken } = paginate(all, input.nextToken, input.maxResults ?? 100)
      return { pipelineExecutionSummaries: page.map((e) => executionSummary(e, world.region)), nextToken }
    },

    ListActionExecutions: (input: {
      pipelineName: string
      maxResults?: number
      nextToken?: string
      filter?: {
        pipelineExecutionId?: string
        latestInPipelineExecution?: { pipelineExecutionId: string; startTimeRange: 'Latest' | 'All' }
      }
    }) => {
      const p = pipeline(input.pipelineName)
      const latest = input.filter?.latestInPipelineExecution
      const only = input.filter?.pipelineExecutionId ?? latest?.pipelineExecutionId
      if (only) execution(p, only)
      let rows = p.executions
        .filter((e) => !only || e.id === only)
        .flatMap((e) => [...e.stages.values()].flatMap((s) => s.runs.map((a) => ({ e, a }))))
      if (latest?.startTimeRange === 'Latest') {
        rows = rows.filter(({ e, a }) => {
          const runs = e.stages.get(a.stageName)!.runs.filter((r) => r.actionName === a.actionName)
          return runs[runs.length - 1] === a
        })
      }
      rows.sort((x, y) => y.a.startTime - x.a.startTime)
      const { page, nextToken } = paginate(rows, input.nextToken, input.maxResults ?? 100)
      return {
        actionExecutionDetails: page.map(({ e, a }) => actionExecutionDetail(p, e, a, world.region)),
        nextToken,
      }
    },

    ListTagsForResource: (input: { resourceArn: string; nextToken?: string; maxResults?: number }) => {
      const { page, nextToken } = paginate(
        byArn(input.resourceArn).tags,
        input.nextToken,
        input.maxResults ?? 50,
      )
      return { tags: page, nextToken }
    },

    TagResource: (input: { resourceArn: string; tags: { key: string; value: string }[] }) => {
      const p = byArn(input.resourceArn)
      const reserved = input.tags.find((t) => t.key.toLowerCase().startsWith('aws:'))
      if (reserved)
        throw new AwsError(
          'InvalidTagsException',
          `Tag keys beginning with 'aws:' are reserved: ${reserved.key}`,
        )
      const next = [...p.tags.filter((t) => !input.tags.some((x) => x.key === t.key)), ...input.tags]
      if (next.length > 50)
        throw new AwsError(
          'TooManyTagsException',
          `A resource can have at most 50 tags; this would make ${next.length}`,
        )
      p.tags = next
      return {}
    },

    UntagResource: (input: { resourceArn: string; tagKeys: string[] }) => {
      const p = byArn(input.resourceArn)
      p.tags = p.tags.filter((t) => !input.tagKeys.includes(t.key))
      return {}
    },

    /**
     * A person answers a Manual approval (PutApprovalResult API reference): the token must be the open
     * request's (GetPipelineState shows it); an answered or expired request cannot be answered again.
     */
    PutApprovalResult: (input: {
      pipelineName: string
      stageName: string
      actionName: string
      result: { summary: string; status: 'Approved' | 'Rejected' }
      token: string
    }) => {
      const p = pipeline(input.pipelineName)
      const stage = currentDeclaration(p).stages.find((s) => s.name === input.stageName)
      if (!stage)
        throw new AwsError(
          'StageNotFoundException',
          `Stage '${input.stageName}' does not exist in pipeline '${p.name}'`,
        )
      const action = stage.actions.find((a) => a.name === input.actionName)
      if (!action || action.actionTypeId.category !== 'Approval') {
        throw new AwsError(
          'ActionNotFoundException',
          `Approval action '${input.actionName}' does not exist in stage '${stage.name}'`,
        )
      }
      const runs = p.executions.flatMap((e) => e.stages.get(stage.name)?.runs ?? [])
      const run = runs.find((r) => r.actionName === action.name && r.token === input.token)
      if (!run)
        throw new AwsError(
          'InvalidApprovalTokenException',
          `The approval token '${input.token}' is not valid`,
        )
      if (run.status !== 'InProgress') {
        throw new AwsError(
          'ApprovalAlreadyCompletedException',
          `The approval request for action '${action.name}' is already ${run.status === 'Succeeded' ? 'approved' : 'completed'}`,
        )
      }
      engine.answerApproval(run, input.result.status, input.result.summary, now())
      return { approvedAt: new Date(now()) }
    },

    RollbackStage: (input: {
      pipelineName: string
      stageName: string
      targetPipelineExecutionId: string
    }) => {
      const p = pipeline(input.pipelineName)
      const d = currentDeclaration(p)
      if (!d.stages.some((s) => s.name === input.stageName)) {
        throw new AwsError(
          'StageNotFoundException',
          `Stage '${input.stageName}' does not exist in pipeline '${p.name}'`,
        )
      }
      const target = execution(p, input.targetPipelineExecutionId)
      const unable = (why: string) =>
        new AwsError(
          'UnableToRollbackStageException',
          `Unable to roll back stage '${input.stageName}': ${why}`,
        )
      if (d.executionMode === 'PARALLEL') throw unable('rollback is not supported in PARALLEL execution mode')
      // AWS: "You cannot roll back to a target execution ID that is a rollback execution type."
      if (target.executionType === 'ROLLBACK') {
        throw unable(`execution '${target.id}' is a rollback execution; a rollback cannot target one`)
      }
      if (target.pipelineVersion !== d.version) {
        throw new AwsError(
          'PipelineExecutionOutdatedException',
          `Execution '${target.id}' ran on pipeline version ${target.pipelineVersion}; the pipeline is at version ${d.version}`,
        )
      }
      if (target.stages.get(input.stageName)?.status !== 'Succeeded') {
        throw unable(`execution '${target.id}' did not succeed in that stage`)
      }
      const running = p.executions.some(
        (e) => e.state === 'running' && currentStage(e)?.name === input.stageName,
      )
      if (running) throw unable('the stage is currently running')
      const latest =
        p.executions
          .filter((e) => e.stages.has(input.stageName))
          .sort(
            (a, b) => b.stages.get(input.stageName)!.startTime - a.stages.get(input.stageName)!.startTime,
          )[0] ?? target // the target ran the stage, so the list holds it at least
      if (latest === target)
        throw unable(`execution '${target.id}' is already the latest execution in that stage`)
      if (target.startTime > latest.startTime)
        throw unable(`execution '${target.id}' is newer than the stage's current execution`)
      const id = engine.start(p, {
        at: now(),
        trigger: { triggerType: 'ManualRollback', triggerDetail: caller() },
        rollback: { stageName: input.stageName, target },
      })
      return { pipelineExecutionId: id }
    },
  }
}

export function createPipelineRecord(
  engine: PipelineEngine,
  declaration: PipelineDeclaration,
  created: number,
  tags: { key: string; value: string }[],
): PipelineRecord {
  const { region, accountId } = engine.world
  const record: PipelineRecord = {
    name: declaration.name,
    arn: `arn:aws:codepipeline:${region}:${accountId}:${declaration.name}`,
    versions: [withDefaults(declaration, 1)],
    created,
    updated: created,
    tags,
    executions: [],
    pending: [],
    tokens: new Map(),
  }
  engine.pipelines.set(record.name, record)
  return record
}

/** UpdatePipeline with a secret still masked (`****`, as GetPipeline returned it) keeps the stored value. */
function keepMaskedSecrets(next: PipelineDeclaration, previous: PipelineDeclaration): PipelineDeclaration {
  const copy = structuredClone(next)
  for (const stage of copy.stages) {
    for (const action of stage.actions) {
      const before = previous.stages
        .find((s) => s.name === stage.name)
        ?.actions.find((a) => a.name === action.name)
      for (const [k, v] of Object.entries(action.configuration ?? {})) {
        if (v === '****' && before?.configuration?.[k] !== undefined)
          action.configuration![k] = before.configuration[k]
      }
    }
  }
  return copy
}

function newestFirst(executions: Execution[]): Execution[] {
  return [...executions].sort(
    (a, b) => b.startTime - a.startTime || executions.indexOf(b) - executions.indexOf(a),
  )
}

/** Opaque page tokens: base64 of the next offset. */
export function paginate<T>(
  items: T[],
  token: string | undefined,
  max: number,
): { page: T[]; nextToken?: string } {
  let offset = 0
  if (token !== undefined) {
    const decoded = Number(
      Buffer.from(token, 'base64')
        .toString('utf8')
        .replace(/^offset:/, ''),
    )
    if (!Number.isInteger(decoded) || decoded < 0 || decoded > items.length) {
      throw new AwsError('InvalidNextTokenException', 'The next token is not valid')
    }
    offset = decoded
  }
  const page = items.slice(offset, offset + max)
  const next = offset + max
  return {
    page,
    nextToken: next < items.length ? Buffer.from(`offset:${next}`).toString('base64') : undefined,
  }
}
