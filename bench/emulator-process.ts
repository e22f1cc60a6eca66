// The emulator in its own process, for benchmarks whose client-side wall time must not include the
// emulator's own CPU work (on AWS the server's work happens elsewhere). Driven over IPC by bench scripts:
// {start: {scenario, faults}} → {url, env}; {counts} → counts; {stop} → exits.
import { startEmulator, type Emulator } from '../emulator/index.js'

let emu: Emulator | undefined
process.on('message', (msg: any) => void handle(msg))

async function handle(msg: any): Promise<void> {
  if (msg.start) {
    emu = await startEmulator({ ...msg.start, start: Date.now(), clock: { speed: 1 } })
    process.send!({ url: emu.url, env: emu.env })
  } else if (msg.counts) {
    process.send!({ counts: emu!.counts() })
  } else if (msg.stop) {
    await emu?.stop()
    process.exit(0)
  }
}
