// Entry point of the bundled action. It only turns on Node's compile cache and runs run(): the cache
// lets the second and third steps of a job (create-pipeline → monitor → validate) skip compiling the
// bundle again. The rest of the action is imported after, so that it is compiled through the cache.
import module from 'node:module'
import { join } from 'node:path'

const runnerTemp = process.env.RUNNER_TEMP
try {
  module.enableCompileCache?.(runnerTemp ? join(runnerTemp, 'aws-deploy-pipeline-compile-cache') : undefined)
} catch {
  // An unwritable cache directory only costs speed.
}
const { run } = await import('./main.js')
await run()
