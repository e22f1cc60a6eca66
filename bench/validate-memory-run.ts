// One validate run in this process, against the emulator at the endpoints in the environment; prints its
// verdict and peak RSS as JSON. Started by bench/validate-memory.ts, once per size and heap cap.
import { createAwsClients } from '../src/aws.js'
import { run } from '../src/validate/run.js'
import { benchConfig, quiet } from './validate.js'

const service = process.argv[2] ?? 'svc-100'
const deps = {
  aws: await createAwsClients({ region: 'us-east-1', maxAttempts: 3 }, process.env),
  now: Date.now,
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  log: quiet,
  signal: new AbortController().signal,
  env: process.env,
}
const result = await run(benchConfig(service), deps)
process.stdout.write(
  JSON.stringify({ verdict: result.verdict, maxRssKiB: process.resourceUsage().maxRSS }) + '\n',
)
process.exit(0)
