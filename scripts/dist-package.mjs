// npm run package: dist/ from src/, through build/ (build/README.md: the path mappings that keep what a run does
// not use off its start-up path). `npm run package -- --source-map` adds source maps, for a local debugging
// session only (run with `node --enable-source-maps dist/index.js`).
//
// Why the shipped dist/ has no source maps (issue 13 goal 4, measured with bench/ and the commands in
// docs/develop.md): they were half of dist/ (4.7 of 9.1 MB; the action's download, a gzipped tarball of the repo,
// 2.3 instead of 1.5 MB), every run loaded the source-map-support register (41 kB) before its first request, and
// a failing run whose stack is formatted paid ~28 ms of CPU to parse a map. What they bought is a `src/*.ts:line`
// in a debug log's stack instead of `dist/NNN.index.js:line` — and dist/ is not minified: the frame names the
// same function, and that line of dist/ is the compiled TypeScript, comments kept.
import { execFileSync } from 'node:child_process'
import { rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const dist = fileURLToPath(new URL('../dist/', import.meta.url))
const build = fileURLToPath(new URL('../build/', import.meta.url))
const sourceMaps = process.argv.includes('--source-map')

rmSync(dist, { recursive: true, force: true })
// ncc reads the tsconfig.json of the directory it runs in: build/tsconfig.json.
const ncc = [
  'build',
  'index.ts',
  '-o',
  dist,
  '--transpile-only',
  '--license',
  'licenses.txt',
  '--target',
  'es2022',
]
const cli = createRequire(import.meta.url).resolve('@vercel/ncc/dist/ncc/cli.js')
execFileSync(process.execPath, [cli, ...ncc, ...(sourceMaps ? ['--source-map'] : [])], {
  cwd: build,
  stdio: 'inherit',
})

// ncc emits ESM for a "type": "module" project; this marker makes Node load dist/index.js as ESM
// wherever the action is checked out, independent of the root package.json.
writeFileSync(new URL('package.json', `file://${dist}`), JSON.stringify({ type: 'module' }, null, 2) + '\n')
