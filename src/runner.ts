// The runner calls a run makes before its inputs are known to be valid — read an input, mask a secret, fail
// with one ::error line, write the job summary — all through @actions/core, the library the runner's protocol
// belongs to and the one @github/local-action stands in for (its stand-in masks what setSecret is given; a
// hand-written `::add-mask::` line would be printed in clear there). The names stay here so that config/ and
// main.ts do not import @actions/core themselves.
import * as core from '@actions/core'

/** core.getInput: INPUT_<NAME>, trimmed, '' when absent. */
export function getInput(name: string): string {
  // Explicit, though core trims by default: local-action's stand-in trims only when asked.
  return core.getInput(name, { trimWhitespace: true })
}

/** core.setSecret: the runner masks the value in every log line from now on. */
export function setSecret(secret: string): void {
  core.setSecret(secret)
}

/** core.setFailed: one ::error line, and the step's exit code becomes 1. */
export function setFailed(message: string): void {
  core.setFailed(message)
}

/** core.setOutput: a step output (GITHUB_OUTPUT), even when the run stops at its inputs. */
export function setOutput(name: string, value: string): void {
  core.setOutput(name, value)
}

/** Appends to this step's job summary, when the runner gives one (core.summary needs GITHUB_STEP_SUMMARY). */
export async function appendSummary(markdown: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write()
}
