// The plugins every emulator loads (startEmulator's default). One line per plugin.
import type { EmulatorPlugin } from '../core/types.js'
import { apigatewayPlugin } from './apigateway/index.js'
import { cloudwatchPlugin } from './cloudwatch/index.js'
import { codepipelinePlugin } from './codepipeline/index.js'
import { ecsPlugin } from './ecs/index.js'
import { elbv2Plugin } from './elbv2/index.js'
import { githubPlugin } from './github/index.js'
import { repositoriesPlugin } from './repositories/index.js'
import { slackPlugin } from './slack/index.js'
import { snsPlugin } from './sns/index.js'

export const plugins: EmulatorPlugin[] = [
  repositoriesPlugin,
  codepipelinePlugin,
  ecsPlugin,
  cloudwatchPlugin,
  elbv2Plugin,
  apigatewayPlugin,
  slackPlugin,
  githubPlugin,
  snsPlugin,
]
