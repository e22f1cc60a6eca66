// The lengths, ranges, patterns and enums of the CodePipeline model (botocore codepipeline/2015-07-09,
// reference §1.1 and §1.3) that aws-sdk's .min.json leaves out. Checked generically by the core.
import type { MemberConstraint, ModelConstraints } from '../../core/types.js'

const NAME: MemberConstraint = { min: 1, max: 100, pattern: '[A-Za-z0-9.@\\-_]+' }
const ARTIFACT: MemberConstraint = { min: 1, max: 100, pattern: '[a-zA-Z0-9_\\-]+' }
const EXECUTION_ID: MemberConstraint = {
  pattern: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
}
const NEXT_TOKEN: MemberConstraint = { min: 1, max: 2048 }
const RESULT = ['ROLLBACK', 'FAIL', 'RETRY', 'SKIP']

const action = 'pipeline.stages[].actions[]'
const declaration: Record<string, MemberConstraint> = {
  'pipeline.name': NAME,
  'pipeline.roleArn': { max: 1024, pattern: 'arn:aws(-[\\w]+)*:iam::[0-9]{12}:role/.*' },
  'pipeline.artifactStore.type': { enum: ['S3'] },
  'pipeline.artifactStore.location': { min: 3, max: 63, pattern: '[a-zA-Z0-9\\-\\.]+' },
  'pipeline.artifactStore.encryptionKey.id': { min: 1, max: 400 },
  'pipeline.artifactStore.encryptionKey.type': { enum: ['KMS'] },
  'pipeline.artifactStores{}.type': { enum: ['S3'] },
  'pipeline.artifactStores{}.location': { min: 3, max: 63, pattern: '[a-zA-Z0-9\\-\\.]+' },
  'pipeline.version': { min: 1 },
  'pipeline.executionMode': { enum: ['QUEUED', 'SUPERSEDED', 'PARALLEL'] },
  'pipeline.pipelineType': { enum: ['V1', 'V2'] },
  'pipeline.variables': { max: 50 },
  'pipeline.variables[].name': { min: 1, max: 128, pattern: '[A-Za-z0-9@\\-_]+' },
  'pipeline.variables[].defaultValue': { min: 1, max: 1000 },
  'pipeline.variables[].description': { min: 0, max: 200, pattern: '.*' },
  'pipeline.triggers': { max: 50 },
  'pipeline.triggers[].providerType': { enum: ['CodeStarSourceConnection'] },
  'pipeline.triggers[].gitConfiguration.sourceActionName': NAME,
  'pipeline.triggers[].gitConfiguration.push': { min: 1, max: 3 },
  'pipeline.triggers[].gitConfiguration.pullRequest': { min: 1, max: 3 },
  'pipeline.stages[].name': NAME,
  'pipeline.stages[].blockers[].type': { enum: ['Schedule'] },
  'pipeline.stages[].onFailure.result': { enum: RESULT },
  'pipeline.stages[].onFailure.retryConfiguration.retryMode': { enum: ['FAILED_ACTIONS', 'ALL_ACTIONS'] },
  'pipeline.stages[].onFailure.conditions': { min: 1, max: 1 },
  'pipeline.stages[].onSuccess.conditions': { min: 1, max: 1 },
  'pipeline.stages[].beforeEntry.conditions': { min: 1, max: 1 },
  [`${action}.name`]: NAME,
  [`${action}.actionTypeId.category`]: {
    enum: ['Source', 'Build', 'Deploy', 'Test', 'Invoke', 'Approval', 'Compute'],
  },
  [`${action}.actionTypeId.owner`]: { enum: ['AWS', 'ThirdParty', 'Custom'] },
  [`${action}.actionTypeId.provider`]: { min: 1, max: 35, pattern: '[0-9A-Za-z_-]+' },
  [`${action}.actionTypeId.version`]: { min: 1, max: 9, pattern: '[0-9A-Za-z_-]+' },
  [`${action}.runOrder`]: { min: 1, max: 999 },
  [`${action}.configuration`]: { max: 200 },
  [`${action}.configuration{key}`]: { min: 1, max: 50 },
  [`${action}.configuration{}`]: { min: 1, max: 1000 },
  [`${action}.commands`]: { min: 1, max: 50 },
  [`${action}.commands[]`]: { min: 1, max: 1000 },
  [`${action}.outputArtifacts[].name`]: ARTIFACT,
  [`${action}.outputArtifacts[].files`]: { min: 1, max: 10 },
  [`${action}.inputArtifacts[].name`]: ARTIFACT,
  [`${action}.outputVariables`]: { min: 1, max: 15 },
  [`${action}.region`]: { min: 4, max: 30 },
  [`${action}.namespace`]: { min: 1, max: 100, pattern: '[A-Za-z0-9@\\-_]+' },
  [`${action}.timeoutInMinutes`]: { min: 5, max: 86400 },
  [`${action}.environmentVariables`]: { min: 1, max: 10 },
  [`${action}.environmentVariables[].name`]: { min: 1, max: 128, pattern: '[A-Za-z0-9_]+' },
  [`${action}.environmentVariables[].value`]: { min: 1, max: 2000 },
  [`${action}.environmentVariables[].type`]: { enum: ['PLAINTEXT', 'SECRETS_MANAGER'] },
}

export const codepipelineConstraints: ModelConstraints = {
  'CreatePipeline|UpdatePipeline': declaration,
  CreatePipeline: { tags: { max: 200 } },
  'GetPipeline|GetPipelineState|StartPipelineExecution': { name: NAME },
  GetPipeline: { version: { min: 1 } },
  StartPipelineExecution: {
    variables: { min: 1, max: 50 },
    'variables[].name': { min: 1, max: 128, pattern: '[A-Za-z0-9@\\-_]+' },
    'variables[].value': { min: 1, max: 1000, pattern: '.*' },
    clientRequestToken: { min: 1, max: 128, pattern: '^[a-zA-Z0-9-]+$' },
    sourceRevisions: { min: 0, max: 50 },
    'sourceRevisions[].actionName': NAME,
    'sourceRevisions[].revisionType': {
      enum: ['COMMIT_ID', 'IMAGE_DIGEST', 'S3_OBJECT_VERSION_ID', 'S3_OBJECT_KEY'],
    },
    'sourceRevisions[].revisionValue': { min: 1, max: 1500 },
  },
  'StopPipelineExecution|GetPipelineExecution|ListPipelineExecutions|ListActionExecutions|RollbackStage': {
    pipelineName: NAME,
  },
  'StopPipelineExecution|GetPipelineExecution': { pipelineExecutionId: EXECUTION_ID },
  StopPipelineExecution: { reason: { max: 200 } },
  'ListPipelineExecutions|ListActionExecutions': { maxResults: { min: 1, max: 100 }, nextToken: NEXT_TOKEN },
  ListPipelineExecutions: { 'filter.succeededInStage.stageName': NAME },
  ListActionExecutions: {
    'filter.pipelineExecutionId': EXECUTION_ID,
    'filter.latestInPipelineExecution.pipelineExecutionId': EXECUTION_ID,
    'filter.latestInPipelineExecution.startTimeRange': { enum: ['Latest', 'All'] },
  },
  RollbackStage: { stageName: NAME, targetPipelineExecutionId: EXECUTION_ID },
  ListPipelines: { maxResults: { min: 1, max: 1000 }, nextToken: NEXT_TOKEN },
}
