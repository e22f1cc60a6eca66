// The generated pipeline: a pure function from the create-pipeline config to the PipelineDeclaration
// CodePipeline accepts. Source (CodeConnections) → Build (CodeBuild) → Test (two CodeBuild actions in
// parallel) → [Approval (manual)] → Deploy (ECS) [rolled back on failure], with artifacts wired between stages
// and no secret anywhere in it.
import type {
  ActionCategory,
  ActionDeclaration,
  ActionTypeId,
  PipelineDeclaration,
  PipelineTriggerDeclaration,
  StageDeclaration,
} from '@aws-sdk/client-codepipeline'
import type { ApprovalStage, CreatePipelineConfig } from '../config/types.js'
import { Action, Artifact, SOURCE_NAMESPACE, Stage, VERSION_DEFAULT, VERSION_VARIABLE } from './names.js'

/** The config fields the generated declaration depends on (config requires both ARNs without a definition). */
export type DeclarationInputs = Pick<
  CreatePipelineConfig,
  | 'pipelineName'
  | 'repository'
  | 'branch'
  | 'artifactBucket'
  | 'buildProject'
  | 'testProject'
  | 'cluster'
  | 'service'
  | 'imageDefinitionsFile'
  | 'executionMode'
  | 'sourceTrigger'
  | 'approval'
  | 'rollbackOnFailure'
> & { roleArn: string; connectionArn: string }

const aws = (category: ActionCategory, provider: string): ActionTypeId => ({
  category,
  owner: 'AWS',
  provider,
  version: '1',
})

/** CodeBuild's `EnvironmentVariables` setting: a JSON array serialised into one string (≤1000 chars). */
export function codeBuildEnvironment(vars: Record<string, string>): string {
  return JSON.stringify(Object.entries(vars).map(([name, value]) => ({ name, value, type: 'PLAINTEXT' })))
}

/** Every CodeBuild action gets the release version and the commit it builds. */
const releaseVariables = {
  VERSION: `#{variables.${VERSION_VARIABLE}}`,
  // From the Source action's output variables, so a push-started run (no VERSION given) still knows it.
  COMMIT_ID: `#{${SOURCE_NAMESPACE}.CommitId}`,
}

function testAction(name: string, testType: string, project: string): ActionDeclaration {
  return {
    name,
    actionTypeId: aws('Test', 'CodeBuild'),
    runOrder: 1, // both test actions share runOrder 1: they run in parallel
    configuration: {
      ProjectName: project,
      EnvironmentVariables: codeBuildEnvironment({ TEST_TYPE: testType, ...releaseVariables }),
    },
    inputArtifacts: [{ name: Artifact.Source }],
  }
}

/**
 * Push triggering made explicit. On a V2 pipeline whose CodeConnections source has DetectChanges on, AWS adds
 * this very trigger by itself and GetPipeline then returns it; declaring it keeps the declaration we send
 * identical to the one we read back (otherwise every run would see a difference and update), and shows the
 * behaviour in the pipeline instead of leaving it implicit.
 */
export function pushTrigger(sourceActionName: string, branch: string): PipelineTriggerDeclaration {
  return {
    providerType: 'CodeStarSourceConnection',
    gitConfiguration: { sourceActionName, push: [{ branches: { includes: [branch] } }] },
  }
}

/**
 * A stage of its own, so that a rejection (or seven days without an answer) fails this stage and never
 * triggers the Deploy stage's rollback. Only the details given are configured: AWS takes any of the three.
 */
function approvalStage(a: ApprovalStage): StageDeclaration {
  const configuration: Record<string, string> = {}
  if (a.snsTopicArn !== undefined) configuration.NotificationArn = a.snsTopicArn
  if (a.reviewUrl !== undefined) configuration.ExternalEntityLink = a.reviewUrl
  if (a.comment !== undefined) configuration.CustomData = a.comment
  return {
    name: Stage.Approval,
    actions: [
      {
        name: Action.Approval,
        actionTypeId: aws('Approval', 'Manual'),
        runOrder: 1,
        ...(Object.keys(configuration).length > 0 ? { configuration } : {}),
      },
    ],
  }
}

function deployStage(c: DeclarationInputs): StageDeclaration {
  return {
    name: Stage.Deploy,
    actions: [
      {
        name: Action.Deploy,
        actionTypeId: aws('Deploy', 'ECS'),
        runOrder: 1,
        configuration: {
          ClusterName: c.cluster,
          ServiceName: c.service,
          FileName: c.imageDefinitionsFile,
        },
        inputArtifacts: [{ name: Artifact.Build }],
      },
    ],
    // A V2 stage setting: a failed deploy starts a ROLLBACK execution of this stage to the last one that
    // succeeded in it (https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-rollback-auto.html).
    ...(c.rollbackOnFailure ? { onFailure: { result: 'ROLLBACK' } } : {}),
  }
}

export function buildDeclaration(c: DeclarationInputs): PipelineDeclaration {
  const push = c.sourceTrigger === 'push'
  return {
    name: c.pipelineName,
    roleArn: c.roleArn,
    pipelineType: 'V2',
    executionMode: c.executionMode,
    artifactStore: { type: 'S3', location: c.artifactBucket },
    variables: [
      {
        name: VERSION_VARIABLE,
        defaultValue: VERSION_DEFAULT,
        description: `Release version passed to CodeBuild; "${VERSION_DEFAULT}" = first 7 characters of COMMIT_ID.`,
      },
    ],
    ...(push ? { triggers: [pushTrigger(Action.Source, c.branch)] } : {}),
    stages: [
      {
        name: Stage.Source,
        actions: [
          {
            name: Action.Source,
            actionTypeId: aws('Source', 'CodeStarSourceConnection'),
            runOrder: 1,
            configuration: {
              ConnectionArn: c.connectionArn,
              FullRepositoryId: c.repository,
              BranchName: c.branch,
              DetectChanges: String(push),
            },
            outputArtifacts: [{ name: Artifact.Source }],
            namespace: SOURCE_NAMESPACE,
          },
        ],
      },
      {
        name: Stage.Build,
        actions: [
          {
            name: Action.Build,
            actionTypeId: aws('Build', 'CodeBuild'),
            runOrder: 1,
            configuration: {
              ProjectName: c.buildProject,
              EnvironmentVariables: codeBuildEnvironment(releaseVariables),
            },
            inputArtifacts: [{ name: Artifact.Source }],
            // The build writes image-definitions-file into this artifact (the buildspec contract).
            outputArtifacts: [{ name: Artifact.Build }],
          },
        ],
      },
      {
        name: Stage.Test,
        actions: [
          testAction(Action.UnitTest, 'unit', c.testProject),
          testAction(Action.IntegrationTest, 'integration', c.testProject),
        ],
      },
      ...(c.approval ? [approvalStage(c.approval)] : []),
      deployStage(c),
    ],
  }
}
