// The create-pipeline section: the pipeline's source (repository, or a declaration file), the names of what it
// builds and deploys, and what to do once it exists (start, wait, dry run).
import { Inputs } from '../inputs.js'
import { namedSecretsOf } from '../secrets.js'
import { requirePipelineName, type CommonSection } from './common.js'
import {
  CODEBUILD_PROJECT,
  CONFIGURATION_VALUE,
  ECS_NAME,
  GIT_BRANCH,
  S3_BUCKET,
  type NameRule,
} from './constraints.js'
import { readDefaultedNames, type DefaultedInput } from './default-names.js'
import { readDeployGuards } from './deploy-guards.js'
import { readFollow } from './follow.js'
import { nameParser, parseArn, parseBoolean, parseEnum, parseRepository, parseTags } from './parse.js'
import { loadPipelineDefinition } from './pipeline-definition.js'
import { isComplete, type Reader } from './reader.js'
import type { CreatePipelineConfig } from './types.js'

type Source = Pick<CreatePipelineConfig, 'pipelineDefinition' | 'roleArn' | 'connectionArn' | 'repository'>
type Run = Pick<
  CreatePipelineConfig,
  'executionMode' | 'sourceTrigger' | 'tags' | 'startExecution' | 'wait' | 'dryRun' | 'follow'
>

/** The names a generated pipeline uses, each with its default (default-names.ts). */
const NAMES = {
  branch: [Inputs.Branch, GIT_BRANCH],
  artifactBucket: [Inputs.ArtifactBucket, S3_BUCKET],
  buildProject: [Inputs.BuildProject, CODEBUILD_PROJECT('the build project name')],
  testProject: [Inputs.TestProject, CODEBUILD_PROJECT('the test project name')],
  cluster: [Inputs.Cluster, ECS_NAME('the cluster name')],
  service: [Inputs.Service, ECS_NAME('the service name')],
} satisfies Record<string, [DefaultedInput, NameRule]>

export function readCreatePipeline(
  r: Reader,
  env: NodeJS.ProcessEnv,
  c: CommonSection,
): CreatePipelineConfig | undefined {
  const pipelineName = requirePipelineName(r, c)
  const source = readSource(r, env, c.shared.region)
  const names = readDefaultedNames(r, NAMES, c.names)
  const run = readRun(r, c)
  const imageDefinitionsFile = r.parse(
    Inputs.ImageDefinitionsFile,
    nameParser(CONFIGURATION_VALUE('the image definitions file name')),
  )
  const guards = readDeployGuards(r, {
    region: c.shared.region,
    generated: !r.given(Inputs.PipelineDefinition),
    executionMode: run?.executionMode,
    secrets: namedSecretsOf(c.shared, env),
  })
  if (pipelineName === undefined || source === undefined || run === undefined) return undefined
  if (imageDefinitionsFile === undefined || guards === undefined || !isComplete(names)) return undefined
  return {
    ...c.shared,
    mode: 'create-pipeline',
    pipelineName,
    ...source,
    ...names,
    imageDefinitionsFile,
    ...run,
    ...guards,
  }
}

/**
 * Where the pipeline comes from: a declaration file, or one generated from the repository (which then needs
 * the service role and the connection to GitHub).
 */
function readSource(r: Reader, env: NodeJS.ProcessEnv, region: string): Source | undefined {
  const definitionPath = r.optional(Inputs.PipelineDefinition)
  const pipelineDefinition =
    definitionPath === undefined
      ? undefined
      : r.attempt(() => loadPipelineDefinition(definitionPath, env.GITHUB_WORKSPACE || process.cwd()))
  const generated = definitionPath === undefined
  const roleArn = r.parse(Inputs.RoleArn, (i, v) => parseArn(i, v, 'role', region))
  if (roleArn === undefined && generated && !r.given(Inputs.RoleArn)) {
    r.problem(
      Inputs.RoleArn,
      'is required for create-pipeline: the ARN of the CodePipeline service role, e.g. arn:aws:iam::123456789012:role/codepipeline-service-role.',
    )
  }
  const connectionArn = r.parse(Inputs.ConnectionArn, (i, v) => parseArn(i, v, 'connection', region))
  if (connectionArn === undefined && generated && !r.given(Inputs.ConnectionArn)) {
    r.problem(
      Inputs.ConnectionArn,
      'is required for create-pipeline: the ARN of the CodeConnections connection to GitHub (Developer Tools → Settings → Connections).',
    )
  }
  const repositoryRaw = r.optional(Inputs.Repository) ?? (env.GITHUB_REPOSITORY || undefined)
  const repository =
    repositoryRaw === undefined
      ? r.problem(Inputs.Repository, 'is required (GITHUB_REPOSITORY is not set): "owner/repo".')
      : r.attempt(() => parseRepository(Inputs.Repository, repositoryRaw))
  if (repository === undefined) return undefined
  return { pipelineDefinition, roleArn, connectionArn, repository }
}

/** How the pipeline runs, and what this step does with it once it exists. */
function readRun(r: Reader, c: CommonSection): Run | undefined {
  const executionMode = r.parse(Inputs.ExecutionMode, (i, v) =>
    parseEnum(i, v, ['QUEUED', 'SUPERSEDED', 'PARALLEL'] as const, { caseInsensitive: true }),
  )
  const sourceTrigger = r.parse(Inputs.SourceTrigger, (i, v) => parseEnum(i, v, ['push', 'none'] as const))
  const tags = r.parse(Inputs.Tags, parseTags) ?? []
  const startExecution = r.parse(Inputs.StartExecution, parseBoolean)
  const wait = r.parse(Inputs.Wait, parseBoolean)
  const dryRun = r.parse(Inputs.DryRun, parseBoolean)
  const follow = readFollow(r)
  if (wait && startExecution === false) {
    r.problem(
      Inputs.Wait,
      'is "true" but start-execution is "false"; wait follows the execution that start-execution starts, so set start-execution: true too.',
    )
  }
  if (startExecution && c.shared.commitSha === undefined && !r.has(Inputs.CommitSha)) {
    r.problem(
      Inputs.CommitSha,
      'is required with start-execution (it pins the source revision): no commit-sha was given and GITHUB_SHA is not set.',
    )
  }
  const run = { executionMode, sourceTrigger, tags, startExecution, wait, dryRun, follow }
  return isComplete(run) ? run : undefined
}
