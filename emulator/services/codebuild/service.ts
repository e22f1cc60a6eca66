// CodeBuild BatchGetBuilds over the builds CodePipeline CodeBuild actions started.
import type { AwsService } from '../../core/types.js'
import type { BuildStore } from './builds.js'

export function codebuildService(builds: BuildStore, settle: () => void, now: () => number): AwsService {
  return {
    name: 'codebuild',
    targetPrefix: 'CodeBuild_20161006',
    protocol: 'awsJson1_1',
    modelFile: 'codebuild-2016-10-06.min.json',
    // CodeBuild answers bad input with its one modelled client error.
    errorCodes: { invalid: { code: 'InvalidInputException' } },
    constraints: { BatchGetBuilds: { ids: { min: 1, max: 100 }, 'ids[]': { min: 1 } } },
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
