// The CodePipeline plugin: CodePipeline itself plus the CodeBuild and CloudWatch Logs views of the builds its
// CodeBuild actions run and of its Commands actions' output (one engine, three AWS services). Its state is
// world.states.codepipeline.
import type { EmulatorPlugin } from '../../core/types.js'
import { BuildStore } from '../codebuild/builds.js'
import { codebuildService } from '../codebuild/service.js'
import { logsService } from '../logs/service.js'
import { codepipelineConstraints } from './constraints.js'
import { checkDeclaration, type PipelineDeclaration } from './declaration.js'
import { PipelineEngine } from './engine.js'
import { codepipelineOperations, createPipelineRecord } from './operations.js'
import { parseSection } from './scenario.js'

export const codepipelinePlugin: EmulatorPlugin = {
  scenarioKey: 'codepipeline',
  create(section, world) {
    const scenario = parseSection(section)
    const builds = new BuildStore(world)
    const engine = new PipelineEngine(world, builds, scenario.defaults, scenario.commits)
    world.states.codepipeline = engine
    const start = world.clock.now()
    for (const ps of scenario.pipelines ?? []) {
      const declaration = ps.declaration as PipelineDeclaration // parseSection loaded named declarations
      try {
        checkDeclaration(declaration, world.region)
      } catch (e) {
        throw new Error(`scenario pipeline ${declaration.name}: ${(e as Error).message}`, { cause: e })
      }
      const firstRun = Math.min(0, ...(ps.executions ?? []).map((x) => x.at))
      const created = start + (ps.createdAt ?? firstRun - 60) * 1000
      const record = createPipelineRecord(engine, declaration, created, [])
      record.actionTimelines = ps.actions
      const v2 = (declaration.pipelineType ?? 'V1') === 'V2'
      const connection = declaration.stages[0]?.actions[0]?.configuration?.ConnectionArn ?? ''
      for (const x of ps.executions ?? []) {
        const id = engine.start(record, {
          at: start + x.at * 1000,
          id: x.id,
          commitSha: x.commit,
          plans: x.actions,
          variables: x.variables,
          trigger: { triggerType: x.trigger ?? (v2 ? 'WebhookV2' : 'Webhook'), triggerDetail: connection },
        })
        if (x.stop) engine.scheduleStop(record, id, { ...x.stop, at: start + x.stop.at * 1000 })
      }
    }
    const settle = () => engine.advance()
    const now = () => world.clock.now()
    return {
      services: [
        {
          name: 'codepipeline',
          targetPrefix: 'CodePipeline_20150709',
          protocol: 'awsJson1_1',
          model: 'codepipeline',
          constraints: codepipelineConstraints,
          operations: codepipelineOperations(engine),
        },
        codebuildService(builds, settle, now),
        logsService(builds, settle, now, (group, stream, t) => engine.commandLogs(group, stream, t)),
      ],
      settle,
    }
  },
}
