// CodeBuild BatchGetBuilds over the builds CodePipeline CodeBuild actions started.
import type { AwsService } from '../../core/types.js'
import type { BuildStore } from './builds.js'

export function codebuildService(builds: BuildStore, settle: () => void, now: () => number): AwsService {
  return {
    name: 'codebuild',
    targetPrefix: 'CodeBuild_20161006',
    protocol: 'awsJson1_1',
    model: 'codebuild',
    // CodeBuild answers bad input with its one modelled client error.
    errorCodes: { invalid: { code: 'InvalidInputException' } },
    operations: {
      BatchGetBuilds: (input: { ids: string[] }) => {
        settle()
        const found = input.ids.map((id) => builds.builds.get(id)).filter((b) => b !== undefined)
        return {
          builds: found.map((b) => builds.render(b, now())),
          buildsNotFound: input.ids.filter((id) => !builds.builds.has(id)),
        }
      },
    },
  }
}
