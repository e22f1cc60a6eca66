// Preloaded with `node --import` by bench/validate-memory.ts into the action's own process: at exit, writes its
// peak RSS and, when the process runs with --expose-gc, the peak of what it keeps alive — sampled every 20 ms
// right after a full collection, so garbage the collector has not reached yet does not count — to MEMORY_REPORT.
import { writeFileSync } from 'node:fs'
import { setInterval } from 'node:timers'

const gc = globalThis.gc
let peakLive = 0
if (gc) {
  setInterval(() => {
    gc()
    const m = process.memoryUsage()
    peakLive = Math.max(peakLive, m.heapUsed + m.external)
  }, 20).unref()
}
process.on('exit', () => {
  const report = {
    maxRssKiB: process.resourceUsage().maxRSS,
    peakLiveKiB: gc ? Math.round(peakLive / 1024) : undefined,
  }
  if (process.env.MEMORY_REPORT) writeFileSync(process.env.MEMORY_REPORT, JSON.stringify(report))
})
