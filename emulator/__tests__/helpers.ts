// Shared by the emulator suites: SDK clients pointed at an emulator, and the action's standard pipeline.
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs'
import { CodeBuildClient } from '@aws-sdk/client-codebuild'
import { CodePipelineClient, type PipelineDeclaration } from '@aws-sdk/client-codepipeline'
import type { Emulator } from '../index.js'

/** The SDK's standard retry decisions without the back-off delay, so retried calls take milliseconds. */
export function fastRetry() {
  return {
    mode: 'standard',
    acquireInitialRetryToken: async () => ({ getRetryCount: () => 0, getRetryDelay: () => 0 }),
    refreshRetryTokenForRetry: async (token: { getRetryCount(): number }, info: { errorType: string }) => {
      const count = token.getRetryCount() + 1
      if (count >= 3 || !['THROTTLING', 'TRANSIENT'].includes(info.errorType)) throw new Error('no retry')
      return { getRetryCount: () => count, getRetryDelay: () => 0 }
    },
    recordSuccess: () => undefined,
  } as never
}

/** An SDK client's configuration for an emulator: its URL, a region, fake credentials, one attempt unless told. */
export function clientConfig(emu: Emulator, more: { maxAttempts?: number } = {}) {
  return {
    endpoint: emu.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIAEMULATOR', secretAccessKey: 'secret' },
    maxAttempts: 1,
    ...more,
  }
}

export function clients(emu: Emulator) {
  const { maxAttempts: _, ...where } = clientConfig(emu)
  const config = { ...where, retryStrategy: fastRetry() }
  const all = {
    codepipeline: new CodePipelineClient(config),
    codebuild: new CodeBuildClient(config),
    logs: new CloudWatchLogsClient(config),
  }
  return { ...all, destroy: () => Object.values(all).forEach((c) => c.destroy()) }
}

/** The pipeline the action generates (project shop, environment staging), with optional changes. */
export function shopPipeline(changes: Partial<PipelineDeclaration> = {}): PipelineDeclaration {
  return {
    name: 'shop-staging',
    roleArn: 'arn:aws:iam::123456789012:role/shop-codepipeline',
    pipelineType: 'V2',
    artifactStore: { type: 'S3', location: 'shop-staging-artifacts' },
    variables: [{ name: 'VERSION', defaultValue: 'latest' }],
    stages: [
      {
        name: 'Source',
        actions: [
          {
            name: 'Source',
            actionTypeId: {
              category: 'Source',
              owner: 'AWS',
              provider: 'CodeStarSourceConnection',
              version: '1',
            },
            configuration: {
              ConnectionArn: 'arn:aws:codestar-connections:us-east-1:123456789012:connection/abc',
              FullRepositoryId: 'acme/shop',
              BranchName: 'staging',
            },
            outputArtifacts: [{ name: 'SourceArtifact' }],
            namespace: 'SourceVariables',
          },
        ],
      },
      {
        name: 'Build',
        actions: [
          {
            name: 'Build',
            actionTypeId: { category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1' },
            configuration: { ProjectName: 'shop-staging-build' },
            inputArtifacts: [{ name: 'SourceArtifact' }],
            outputArtifacts: [{ name: 'BuildArtifact' }],
          },
        ],
      },
      {
        name: 'Test',
        actions: ['UnitTest', 'IntegrationTest'].map((name) => ({
          name,
          runOrder: 1,
          actionTypeId: { category: 'Test', owner: 'AWS', provider: 'CodeBuild', version: '1' },
          configuration: { ProjectName: 'shop-staging-test' },
          inputArtifacts: [{ name: 'SourceArtifact' }],
        })),
      },
      {
        name: 'Deploy',
        actions: [
          {
            name: 'Deploy',
            actionTypeId: { category: 'Deploy', owner: 'AWS', provider: 'ECS', version: '1' },
            configuration: { ClusterName: 'shop-staging', ServiceName: 'shop' },
            inputArtifacts: [{ name: 'BuildArtifact' }],
          },
        ],
      },
    ],
    ...changes,
  }
}

export const seconds = (n: number) => n * 1000
