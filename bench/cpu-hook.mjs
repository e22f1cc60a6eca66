// Preloaded with `node --import` into every process bench/cold-start.ts times (bare node too, so each pays it):
// writes the CPU time (user + system, ms) the process has used when it starts its first HTTP request, or at exit
// if it sends none, to stderr as `cpu-ms <n>`. CPU time barely moves with other processes' load; wall time does.
import { subscribe } from 'node:diagnostics_channel'

let written = false
const write = () => {
  if (written) return
  written = true
  const { user, system } = process.cpuUsage()
  process.stderr.write(`cpu-ms ${((user + system) / 1000).toFixed(1)}\n`)
}
subscribe('http.client.request.start', write)
process.on('exit', write)
