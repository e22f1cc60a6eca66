// Preloaded with `node --import` by bench/cold-start.ts: counts the bytes of JavaScript the process loads before
// its first HTTP request and writes them to LOADED_REPORT when that request starts (or at exit, if none).
// LOADED_TRACE=1 also prints when each file loads; LOADED_EXIT=1 ends the process at the first request (so a
// --cpu-prof profile covers exactly the start-up).
import { registerHooks } from 'node:module'
import { subscribe } from 'node:diagnostics_channel'
import { statSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'

const trace = (what) =>
  process.env.LOADED_TRACE && process.stderr.write(`${performance.now().toFixed(1)} ${what}\n`)
const files = new Map()
registerHooks({
  load(url, context, next) {
    if (url.startsWith('file:')) {
      files.set(url, statSync(fileURLToPath(url)).size)
      trace(`load ${url}`)
    }
    return next(url, context)
  },
})
let reported = false
const report = (when) => {
  if (reported || !process.env.LOADED_REPORT) return
  reported = true
  const bytes = [...files.values()].reduce((a, b) => a + b, 0)
  writeFileSync(process.env.LOADED_REPORT, JSON.stringify({ when, bytes, files: Object.fromEntries(files) }))
}
subscribe('http.client.request.start', () => {
  trace('request')
  report('first request')
  if (process.env.LOADED_EXIT) process.exit(0)
})
process.on('exit', () => report('exit'))
