// Regenerates the inputs and outputs tables of docs/reference.md from action.yml with action-docs, between the
// `<!-- action-docs-inputs -->` / `<!-- action-docs-outputs -->` marker pairs, formatted by Prettier so the
// result is stable. `--check` fails when the committed reference has drifted from action.yml.
// (The tables live in docs/, not the README: they are most of the reference and would bury the README.)
// (action-docs' own --update-readme writes the file asynchronously after Prettier could run: this script
// takes its stdout and does the replacement itself.)
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const referencePath = join(root, 'docs', 'reference.md')
const bin = (name) => join(root, 'node_modules', '.bin', name)

const generated = execFileSync(bin('action-docs'), ['--no-banner', '-s', join(root, 'action.yml')], {
  cwd: root,
  encoding: 'utf8',
})
/** The `## Name` section of action-docs' output, up to the next `## `. */
function section(name) {
  const match = new RegExp(`^## ${name}\\n[\\s\\S]*?(?=^## |(?![\\s\\S]))`, 'm').exec(generated)
  if (!match) throw new Error(`action-docs printed no "${name}" section`)
  return match[0].trim()
}

function fill(text, marker, content) {
  const tag = `<!-- action-docs-${marker} source="action.yml" -->`
  const first = text.indexOf(tag)
  const second = text.indexOf(tag, first + tag.length)
  if (first < 0 || second < 0) throw new Error(`docs/reference.md needs two "${tag}" markers`)
  return `${text.slice(0, first + tag.length)}\n\n${content}\n\n${text.slice(second)}`
}

const current = readFileSync(referencePath, 'utf8')
let next = fill(current, 'inputs', section('Inputs'))
next = fill(next, 'outputs', section('Outputs'))
next = execFileSync(
  bin('prettier'),
  ['--config', join(root, '.prettierrc.json'), '--stdin-filepath', referencePath],
  {
    input: next,
    encoding: 'utf8',
  },
)

if (process.argv.includes('--check')) {
  if (next !== current) {
    console.error(
      'docs/reference.md inputs/outputs tables differ from action.yml: run `npm run docs` and commit docs/reference.md.',
    )
    process.exit(1)
  }
} else {
  writeFileSync(referencePath, next)
}
