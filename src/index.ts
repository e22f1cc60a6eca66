// Entry point of the bundled action: runs run() and nothing else.
import { run } from './main.js'

await run()
