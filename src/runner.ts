// The three runner calls a run needs before its inputs are known to be valid: read an input, mask a secret,
// fail with one ::error line. They speak the documented workflow-command protocol exactly as @actions/core
// does (a test compares the two byte for byte). @actions/core itself is loaded only once the inputs are
// valid: it imports undici for OIDC, whose compile time more than doubled the start of every run
// (bench/cold-start: ~185 ms → ~80 ms for a bad-input run, bare node ≈ 50 ms).
import { appendFileSync } from 'node:fs'
import { EOL } from 'node:os'

/** Like core.getInput: INPUT_<NAME> (spaces → _, upper-cased; hyphens kept), trimmed, '' when absent. */
export function getInput(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

/** Command data escaping of @actions/core (utils.toCommandValue + command.escapeData). */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** Like core.setSecret: the runner masks the value in every log line from now on. */
export function setSecret(secret: string): void {
  process.stdout.write(`::add-mask::${escapeData(secret)}${EOL}`)
}

/** Like core.setFailed: one ::error line, and the step's exit code becomes 1. */
export function setFailed(message: string): void {
  process.exitCode = 1
  process.stdout.write(`::error::${escapeData(message)}${EOL}`)
}

/** Like core.summary.addRaw(markdown).write(): appends to this step's job summary, when the runner gives one. */
export function appendSummary(markdown: string, env: NodeJS.ProcessEnv = process.env): void {
  const path = env.GITHUB_STEP_SUMMARY
  if (path) appendFileSync(path, markdown)
}
