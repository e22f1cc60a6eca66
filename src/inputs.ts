// One list of the action's input and output names, shared by config parsing, reports, docs and tests.
// A default here is the one the code applies; action.yml must state the same (checked by a test).

export const Inputs = {
  Mode: 'mode',
  ProjectName: 'project-name',
  Environment: 'environment',
  Version: 'version',
  AwsRegion: 'aws-region',
  PipelineName: 'pipeline-name',
  CommitSha: 'commit-sha',
  TimeoutMinutes: 'timeout-minutes',
  MaxAttempts: 'max-attempts',
  // create-pipeline
  RoleArn: 'role-arn',
  ConnectionArn: 'connection-arn',
  Repository: 'repository',
  Branch: 'branch',
  ArtifactBucket: 'artifact-bucket',
  BuildProject: 'build-project',
  TestProject: 'test-project',
  Cluster: 'cluster',
  Service: 'service',
  ImageDefinitionsFile: 'image-definitions-file',
  ExecutionMode: 'execution-mode',
  SourceTrigger: 'source-trigger',
  PipelineDefinition: 'pipeline-definition',
  Tags: 'tags',
  StartExecution: 'start-execution',
  Wait: 'wait',
  DryRun: 'dry-run',
  Approval: 'approval',
  ApprovalSnsTopicArn: 'approval-sns-topic-arn',
  ApprovalReviewUrl: 'approval-review-url',
  ApprovalComment: 'approval-comment',
  RollbackOnFailure: 'rollback-on-failure',
  // monitor
  ExecutionId: 'execution-id',
  OnSuperseded: 'on-superseded',
  StopOnCancel: 'stop-on-cancel',
  FollowRollback: 'follow-rollback',
  PollIntervalSeconds: 'poll-interval-seconds',
  // validate
  WaitForStable: 'wait-for-stable',
  ExpectedImageTag: 'expected-image-tag',
  ApiName: 'api-name',
  ApiStage: 'api-stage',
  MaxErrorRate: 'max-error-rate',
  WindowMinutes: 'window-minutes',
  MetricChecks: 'metric-checks',
  AlarmNames: 'alarm-names',
  OnMissingData: 'on-missing-data',
  BakeMinutes: 'bake-minutes',
  Rollback: 'rollback',
  PauseHook: 'pause-hook',
  // reporting
  SlackWebhookUrl: 'slack-webhook-url',
  SlackBotToken: 'slack-bot-token',
  SlackChannel: 'slack-channel',
  NotifyOn: 'notify-on',
  SnsTopicArn: 'sns-topic-arn',
  GithubToken: 'github-token',
  StatusContext: 'status-context',
  StatusFinal: 'status-final',
  DeploymentEnvironment: 'deployment-environment',
  EnvironmentUrl: 'environment-url',
  FailOnAlertError: 'fail-on-alert-error',
} as const
export type InputName = (typeof Inputs)[keyof typeof Inputs]

/** Inputs whose value is a secret: masked as soon as read, never echoed in errors. */
export const SecretInputs: readonly InputName[] = [
  Inputs.SlackWebhookUrl,
  Inputs.SlackBotToken,
  Inputs.GithubToken,
]

/**
 * Literal defaults. Derived defaults (`pipeline-name` = `<project-name>-<environment>`, `commit-sha` from the
 * event, …) are applied in config/ (default-names.ts, common.ts) and have no literal default in action.yml.
 */
export const Defaults = {
  [Inputs.TimeoutMinutes]: '60',
  [Inputs.MaxAttempts]: '5',
  [Inputs.ImageDefinitionsFile]: 'imagedefinitions.json',
  [Inputs.ExecutionMode]: 'SUPERSEDED',
  [Inputs.SourceTrigger]: 'push',
  [Inputs.StartExecution]: 'false',
  [Inputs.Wait]: 'false',
  [Inputs.DryRun]: 'false',
  [Inputs.Approval]: 'false',
  [Inputs.RollbackOnFailure]: 'false',
  [Inputs.OnSuperseded]: 'follow',
  [Inputs.StopOnCancel]: 'false',
  [Inputs.FollowRollback]: 'false',
  [Inputs.PollIntervalSeconds]: '10',
  [Inputs.WaitForStable]: 'true',
  [Inputs.MaxErrorRate]: '0.01',
  [Inputs.WindowMinutes]: '5',
  [Inputs.OnMissingData]: 'warn',
  [Inputs.BakeMinutes]: '0',
  [Inputs.Rollback]: 'none',
  [Inputs.PauseHook]: 'off',
  [Inputs.NotifyOn]: 'failure',
  [Inputs.FailOnAlertError]: 'false',
} as const satisfies Partial<Record<InputName, string>>

export const Outputs = {
  Result: 'result',
  PipelineName: 'pipeline-name',
  PipelineVersion: 'pipeline-version',
  PipelineChange: 'pipeline-change',
  ExecutionId: 'execution-id',
  ExecutionStatus: 'execution-status',
  FailedStage: 'failed-stage',
  FailedAction: 'failed-action',
  ExecutionUrl: 'execution-url',
  Checks: 'checks',
  Report: 'report',
  AlertSent: 'alert-sent',
} as const
export type OutputName = (typeof Outputs)[keyof typeof Outputs]

export const Modes = ['create-pipeline', 'monitor', 'validate'] as const
export type Mode = (typeof Modes)[number]
