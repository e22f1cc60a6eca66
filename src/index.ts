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
const { EXIT_GRACE_MS } = await import('./deadline.js')
await run()
// Everything is reported. A request that never answered (its caller gave up at the deadline) must not keep the
// process alive: the timer is unref'd, so it fires only when something else still holds the event loop.
setTimeout(() => process.exit(), EXIT_GRACE_MS).unref()
