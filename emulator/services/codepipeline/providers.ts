// The action types CodePipeline offers (reference §1.2 and AWS's action structure reference): category, owner,
// required configuration keys, secret keys (masked as **** on reads) and how many artifacts each takes.

export interface ProviderSpec {
  category: string
  owner: 'AWS' | 'ThirdParty' | 'Custom'
  provider: string
  required: string[]
  secret?: string[]
  inputs: [number, number]
  outputs: [number, number]
  /** When set, the only configuration keys the action type declares: any other is refused. */
  known?: string[]
}

const spec = (
  category: string,
  owner: ProviderSpec['owner'],
  provider: string,
  required: string[],
  inputs: [number, number],
  outputs: [number, number],
  secret?: string[],
): ProviderSpec => ({ category, owner, provider, required, inputs, outputs, secret })

const MANUAL_APPROVAL_KEYS = ['NotificationArn', 'ExternalEntityLink', 'CustomData']

export const PROVIDERS: ProviderSpec[] = [
  spec(
    'Source',
    'AWS',
    'CodeStarSourceConnection',
    ['ConnectionArn', 'FullRepositoryId', 'BranchName'],
    [0, 0],
    [1, 1],
  ),
  spec('Source', 'AWS', 'S3', ['S3Bucket', 'S3ObjectKey'], [0, 0], [1, 1]),
  spec('Source', 'AWS', 'ECR', ['RepositoryName'], [0, 0], [1, 1]),
  spec('Source', 'AWS', 'CodeCommit', ['RepositoryName', 'BranchName'], [0, 0], [1, 1]),
  spec(
    'Source',
    'ThirdParty',
    'GitHub',
    ['Owner', 'Repo', 'Branch', 'OAuthToken'],
    [0, 0],
    [1, 1],
    ['OAuthToken'],
  ),
  spec('Build', 'AWS', 'CodeBuild', ['ProjectName'], [1, 5], [0, 5]),
  spec('Test', 'AWS', 'CodeBuild', ['ProjectName'], [1, 5], [0, 5]),
  // The Commands action belongs to the Compute category; its commands live in the action's `commands` member.
  spec('Compute', 'AWS', 'Commands', [], [1, 10], [0, 1]),
  spec('Deploy', 'AWS', 'ECS', ['ClusterName', 'ServiceName'], [1, 1], [0, 0]),
  spec(
    'Deploy',
    'AWS',
    'CodeDeployToECS',
    ['ApplicationName', 'DeploymentGroupName', 'TaskDefinitionTemplateArtifact', 'AppSpecTemplateArtifact'],
    [1, 5],
    [0, 0],
  ),
  spec('Deploy', 'AWS', 'CodeDeploy', ['ApplicationName', 'DeploymentGroupName'], [1, 1], [0, 0]),
  spec('Deploy', 'AWS', 'S3', ['BucketName', 'Extract'], [1, 1], [0, 0]),
  spec('Deploy', 'AWS', 'CloudFormation', ['ActionMode', 'StackName'], [0, 10], [0, 1]),
  // A manual approval takes no artifact and three optional settings: the SNS topic notified, the URL to review
  // and a comment (https://docs.aws.amazon.com/codepipeline/latest/userguide/approvals-action-add.html).
  { ...spec('Approval', 'AWS', 'Manual', [], [0, 0], [0, 0]), known: MANUAL_APPROVAL_KEYS },
  spec('Invoke', 'AWS', 'Lambda', ['FunctionName'], [0, 5], [0, 5]),
]

export interface ActionTypeId {
  category: string
  owner: string
  provider: string
  version: string
}

export function findProvider(id: ActionTypeId): ProviderSpec | undefined {
  return PROVIDERS.find(
    (p) =>
      p.category === id.category && p.owner === id.owner && p.provider === id.provider && id.version === '1',
  )
}

export function secretKeys(id: ActionTypeId): string[] {
  return findProvider(id)?.secret ?? []
}
