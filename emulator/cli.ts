// `aws-deploy-emulator --scenario <name|path> [--port N] [--speed N] [--seed N]` (here: `npm run emulator -- …`):
// serve a scenario until SIGINT/SIGTERM, after printing the environment a process under test needs.
import { parseArgs } from 'node:util'
import { startEmulator } from './core/start.js'

const USAGE = `Usage: aws-deploy-emulator --scenario <name|path> [--port N] [--speed N] [--seed N] [--start ISO]
       (in this repository: npm run emulator -- …)

  --scenario  a scenario in emulator/scenarios/ (e.g. healthy-release) or a .yaml/.json file
  --port      port to listen on (default: any free port)
  --speed     emulator milliseconds per real millisecond (default 1; 600 = ten minutes per second)
  --seed      seed for generated ids and fault dice
  --start     emulator time at start (default: the scenario's start, else now)`

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string' },
      port: { type: 'string' },
      speed: { type: 'string' },
      seed: { type: 'string' },
      start: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    console.log(USAGE)
    return
  }
  const number = (name: string, v: string | undefined) => {
    if (v === undefined) return undefined
    const n = Number(v)
    if (!Number.isFinite(n)) throw new Error(`--${name} must be a number, got "${v}"\n\n${USAGE}`)
    return n
  }
  const emulator = await startEmulator({
    scenario: values.scenario,
    port: number('port', values.port),
    clock: { speed: number('speed', values.speed) ?? 1 },
    seed: number('seed', values.seed),
    start: values.start,
  })
  console.log(`# AWS Deploy Pipeline emulator on ${emulator.url} (scenario: ${values.scenario ?? 'none'})`)
  console.log('# Export these in the shell that runs the action:')
  for (const [k, v] of Object.entries(emulator.env)) console.log(`export ${k}=${v}`)
  const stop = (signal: string) => {
    console.log(`# ${signal}: stopping after ${emulator.log.entries.length} requests`)
    void emulator.stop().then(() => process.exit(0))
  }
  process.once('SIGINT', () => stop('SIGINT'))
  process.once('SIGTERM', () => stop('SIGTERM'))
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
