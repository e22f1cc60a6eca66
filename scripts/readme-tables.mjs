// Regenerates the README's inputs and outputs tables from action.yml (action-docs), then formats the
// README so the result is stable. `--check` fails when the committed README has drifted.
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const check = process.argv.includes('--check')
const target = check ? join(mkdtempSync(join(tmpdir(), 'readme-')), 'README.md') : join(root, 'README.md')
if (check) copyFileSync(join(root, 'README.md'), target)

const bin = (name) => join(root, 'node_modules', '.bin', name)
execFileSync(bin('action-docs'), ['--no-banner', '-s', join(root, 'action.yml'), '-u', target], {
  cwd: root,
  stdio: 'pipe',
})
execFileSync(bin('prettier'), ['--config', join(root, '.prettierrc.json'), '--write', target], {
  cwd: root,
  stdio: 'pipe',
})

if (check && readFileSync(target, 'utf8') !== readFileSync(join(root, 'README.md'), 'utf8')) {
  console.error(
    'README.md inputs/outputs tables differ from action.yml: run `npm run docs` and commit README.md.',
  )
  process.exit(1)
}
