// AWS's semantic rules for a pipeline declaration (what CreatePipeline/UpdatePipeline reject beyond the model),
// the defaults AWS fills in, and the masking of secrets on reads.
import { AwsError } from '../../core/types.js'
import { findProvider, secretKeys, type ActionTypeId } from './providers.js'

export interface ActionDeclaration {
  name: string
  actionTypeId: ActionTypeId
  runOrder?: number
  configuration?: Record<string, string>
  inputArtifacts?: { name: string }[]
  outputArtifacts?: { name: string; files?: string[] }[]
  namespace?: string
  region?: string
  roleArn?: string
  commands?: string[]
  [member: string]: unknown
}
export interface StageDeclaration {
  name: string
  actions: ActionDeclaration[]
  onFailure?: { result?: string; retryConfiguration?: { retryMode?: string } }
  [member: string]: unknown
}
export interface PipelineDeclaration {
  name: string
  roleArn: string
  artifactStore?: { type: string; location: string }
  artifactStores?: Record<string, { type: string; location: string }>
  stages: StageDeclaration[]
  version?: number
  executionMode?: 'QUEUED' | 'SUPERSEDED' | 'PARALLEL'
  pipelineType?: 'V1' | 'V2'
  variables?: { name: string; defaultValue?: string; description?: string }[]
  triggers?: {
    providerType: string
    gitConfiguration: { sourceActionName: string; push?: { branches?: { includes?: string[] } }[] }
  }[]
  [member: string]: unknown
}

const MAX_STAGES = 50
const MAX_ACTIONS_PER_STAGE = 50
const MAX_ACTIONS = 500

const structure = (message: string) => new AwsError('InvalidStructureException', message)
const actionError = (message: string) => new AwsError('InvalidActionDeclarationException', message)
const stageError = (message: string) => new AwsError('InvalidStageDeclarationException', message)

/** Throws the exception AWS answers for the first rule the declaration breaks. */
export function checkDeclaration(p: PipelineDeclaration, region: string): void {
  if (p.artifactStore && p.artifactStores) {
    throw structure('Pipeline cannot have both artifactStore and artifactStores; use one of them')
  }
  if (!p.artifactStore && !p.artifactStores) {
    throw structure('Pipeline must have either artifactStore or artifactStores')
  }
  if (p.artifactStores && !p.artifactStores[region]) {
    throw structure(`artifactStores must contain an artifact store for the pipeline Region '${region}'`)
  }
  const type = p.pipelineType ?? 'V1'
  if (type === 'V1') {
    if (p.executionMode === 'QUEUED' || p.executionMode === 'PARALLEL') {
      throw new AwsError(
        'ValidationException',
        `Execution mode ${p.executionMode} is only supported for V2 pipelines`,
      )
    }
    if (p.variables?.length)
      throw new AwsError('ValidationException', 'Pipeline variables are only supported for V2 pipelines')
    if (p.triggers?.length)
      throw new AwsError('ValidationException', 'Triggers are only supported for V2 pipelines')
  }
  if (p.stages.length < 2) {
    throw structure(`Pipeline has only ${p.stages.length} stage(s). There should be a minimum of 2 stages.`)
  }
  if (p.stages.length > MAX_STAGES) {
    throw new AwsError(
      'LimitExceededException',
      `Pipeline has ${p.stages.length} stages; the maximum is ${MAX_STAGES}`,
    )
  }
  const totalActions = p.stages.reduce((n, s) => n + s.actions.length, 0)
  if (totalActions > MAX_ACTIONS) {
    throw new AwsError(
      'LimitExceededException',
      `Pipeline has ${totalActions} actions; the maximum is ${MAX_ACTIONS}`,
    )
  }
  dupes(
    p.stages.map((s) => s.name),
    (n) => structure(`Pipeline has more than one stage named '${n}'`),
  )
  dupes(p.variables?.map((v) => v.name) ?? [], (n) =>
    structure(`Pipeline has more than one variable named '${n}'`),
  )

  const produced = new Set<string>()
  const allOutputs: string[] = []
  const namespaces: string[] = []
  p.stages.forEach((stage, index) => {
    if (stage.actions.length === 0) throw stageError(`Stage '${stage.name}' must contain at least one action`)
    if (stage.actions.length > MAX_ACTIONS_PER_STAGE) {
      throw new AwsError(
        'LimitExceededException',
        `Stage '${stage.name}' has more than ${MAX_ACTIONS_PER_STAGE} actions`,
      )
    }
    dupes(
      stage.actions.map((a) => a.name),
      (n) => stageError(`Stage '${stage.name}' has more than one action named '${n}'`),
    )
    // "You cannot roll back a source stage"
    // (https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-rollback.html).
    if (stage.onFailure?.result === 'ROLLBACK' && index === 0) {
      throw stageError(`Stage '${stage.name}' is the source stage; a source stage cannot be rolled back`)
    }
    if (stage.onFailure?.result === 'ROLLBACK' && p.executionMode === 'PARALLEL') {
      throw new AwsError(
        'ValidationException',
        'Stage rollback on failure is not supported in PARALLEL execution mode',
      )
    }
    // Within a stage, an action sees the outputs of earlier stages and of lower run orders in this stage.
    const byRunOrder = [...stage.actions].sort((a, b) => (a.runOrder ?? 1) - (b.runOrder ?? 1))
    const stageOutputs: { runOrder: number; names: string[] }[] = []
    for (const action of byRunOrder) {
      checkAction(action, stage, index)
      const runOrder = action.runOrder ?? 1
      const visible = new Set([
        ...produced,
        ...stageOutputs.filter((o) => o.runOrder < runOrder).flatMap((o) => o.names),
      ])
      for (const input of action.inputArtifacts ?? []) {
        if (!visible.has(input.name)) {
          throw structure(
            `Input artifact '${input.name}' of action '${action.name}' in stage '${stage.name}' is not the output ` +
              'artifact of any preceding action',
          )
        }
      }
      const outs = (action.outputArtifacts ?? []).map((o) => o.name)
      stageOutputs.push({ runOrder, names: outs })
      allOutputs.push(...outs)
      if (action.namespace) namespaces.push(action.namespace)
    }
    stageOutputs.forEach((o) => o.names.forEach((n) => produced.add(n)))
  })
  dupes(allOutputs, (n) =>
    structure(`Output artifact name '${n}' is used by more than one action; names must be unique`),
  )
  dupes(namespaces, (n) =>
    structure(`Namespace '${n}' is used by more than one action; namespaces must be unique`),
  )
  for (const trigger of p.triggers ?? []) {
    const name = trigger.gitConfiguration.sourceActionName
    const source = p.stages[0]?.actions.find((a) => a.name === name)
    if (!source || source.actionTypeId.provider !== 'CodeStarSourceConnection') {
      throw structure(`Trigger sourceActionName '${name}' must name a CodeStarSourceConnection source action`)
    }
  }
}

function checkAction(action: ActionDeclaration, stage: StageDeclaration, stageIndex: number): void {
  const id = action.actionTypeId
  const provider = findProvider(id)
  if (!provider) {
    throw actionError(
      `ActionType (Category: '${id.category}', Provider: '${id.provider}', Owner: '${id.owner}', Version: ` +
        `'${id.version}') in action '${action.name}' is not available in region 'US_EAST_1'`,
    )
  }
  const isSource = id.category === 'Source'
  if (stageIndex === 0 && !isSource) {
    throw structure(`Stage '${stage.name}' is the first stage; it may only contain source actions`)
  }
  if (stageIndex > 0 && isSource) {
    throw structure(`Source action '${action.name}' must be in the first stage of the pipeline`)
  }
  const config = action.configuration ?? {}
  for (const key of provider.required) {
    if (config[key] === undefined) {
      throw actionError(
        `Action configuration for action '${action.name}' is missing required configuration '${key}'`,
      )
    }
  }
  const unknown = provider.known && Object.keys(config).find((key) => !provider.known!.includes(key))
  if (unknown) {
    throw actionError(
      `Action configuration for action '${action.name}' contains unknown configuration '${unknown}'`,
    )
  }
  if (id.provider === 'Commands' && !action.commands?.length) {
    throw actionError(`Action '${action.name}' of provider 'Commands' must declare commands`)
  }
  const inputs = action.inputArtifacts?.length ?? 0
  const outputs = action.outputArtifacts?.length ?? 0
  const range = ([lo, hi]: [number, number]) => (lo === hi ? `${lo}` : `${lo} to ${hi}`)
  if (inputs < provider.inputs[0] || inputs > provider.inputs[1]) {
    throw actionError(
      `Action '${action.name}' has ${inputs} input artifacts; '${id.provider}' actions take ${range(provider.inputs)}`,
    )
  }
  if (outputs < provider.outputs[0] || outputs > provider.outputs[1]) {
    throw actionError(
      `Action '${action.name}' has ${outputs} output artifacts; '${id.provider}' actions take ${range(provider.outputs)}`,
    )
  }
  if (id.provider === 'CodeBuild' && inputs > 1 && !config.PrimarySource) {
    throw actionError(`Action '${action.name}' has more than one input artifact and must set PrimarySource`)
  }
  if (id.provider === 'CodeBuild' && config.EnvironmentVariables !== undefined) {
    let parsed: unknown
    try {
      parsed = JSON.parse(config.EnvironmentVariables)
    } catch {
      parsed = undefined
    }
    if (!Array.isArray(parsed)) {
      throw actionError(
        `EnvironmentVariables of action '${action.name}' must be a JSON array of {name, value, type}`,
      )
    }
  }
}

function dupes(names: string[], error: (name: string) => AwsError): void {
  const seen = new Set<string>()
  for (const n of names) {
    if (seen.has(n)) throw error(n)
    seen.add(n)
  }
}

/**
 * The push trigger AWS adds by itself to a V2 pipeline that declares no trigger, for each CodeConnections source
 * with change detection on (DetectChanges defaults to true): GetPipeline returns it although CreatePipeline did
 * not send it (hashicorp/terraform-provider-aws#38409).
 */
function implicitTriggers(p: PipelineDeclaration): PipelineDeclaration['triggers'] {
  if ((p.pipelineType ?? 'V1') !== 'V2' || p.triggers?.length) return p.triggers
  const sources = (p.stages[0]?.actions ?? []).flatMap((a) => {
    const branch = a.configuration?.BranchName
    const detects =
      a.actionTypeId.provider === 'CodeStarSourceConnection' && a.configuration?.DetectChanges !== 'false'
    return detects && branch ? [{ name: a.name, branch }] : []
  })
  if (sources.length === 0) return p.triggers
  return sources.map(({ name, branch }) => ({
    providerType: 'CodeStarSourceConnection',
    gitConfiguration: {
      sourceActionName: name,
      push: [{ branches: { includes: [branch] } }],
    },
  }))
}

/** The declaration as AWS stores it: defaults filled in. `version` is set by the caller. */
export function withDefaults(p: PipelineDeclaration, version: number): PipelineDeclaration {
  const copy = structuredClone(p)
  return {
    ...copy,
    triggers: implicitTriggers(copy),
    version,
    executionMode: copy.executionMode ?? 'SUPERSEDED',
    pipelineType: copy.pipelineType ?? 'V1',
    stages: copy.stages.map((s) => ({
      ...s,
      actions: s.actions.map((a) => ({
        ...a,
        runOrder: a.runOrder ?? 1,
        configuration: a.configuration ?? {},
        outputArtifacts: a.outputArtifacts ?? [],
        inputArtifacts: a.inputArtifacts ?? [],
      })),
    })),
  }
}

/** Secrets (GitHub v1 OAuthToken) come back as `****`. */
export function masked(p: PipelineDeclaration): PipelineDeclaration {
  return {
    ...p,
    stages: p.stages.map((s) => ({
      ...s,
      actions: s.actions.map((a) => ({ ...a, configuration: maskConfiguration(a) })),
    })),
  }
}

export function maskConfiguration(a: ActionDeclaration): Record<string, string> | undefined {
  if (!a.configuration) return undefined
  const out = { ...a.configuration }
  for (const key of secretKeys(a.actionTypeId)) if (key in out) out[key] = '****'
  return out
}
