// Loads a user's pipeline declaration file (JSON or YAML) for create-pipeline. Only the basic shape is
// checked here; CodePipeline itself has the last word and its rejection is reported as such.
import { readFileSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { InputError } from './input-error.js'
import { shown } from './parse.js'

const INPUT = 'pipeline-definition'

export function loadPipelineDefinition(
  path: string,
  workspace: string,
): { path: string; declaration: Record<string, unknown> } {
  const full = isAbsolute(path) ? path : resolve(workspace, path)
  let source: string
  try {
    source = readFileSync(full, 'utf8')
  } catch {
    throw new InputError(
      INPUT,
      `file ${shown(path)} was not found (looked at ${full}); accepted: a JSON or YAML file in the workspace.`,
    )
  }
  let doc: unknown
  try {
    doc = /\.json$/i.test(full) ? JSON.parse(source) : parseYaml(source)
  } catch (e) {
    const kind = /\.json$/i.test(full) ? 'JSON' : 'YAML'
    throw new InputError(
      INPUT,
      `file ${shown(path)} is not valid ${kind}: ${(e as Error).message.split('\n')[0]}`,
    )
  }
  // `aws codepipeline get-pipeline` output wraps the declaration in {"pipeline": …}; accept both.
  const declaration =
    typeof doc === 'object' && doc !== null && 'pipeline' in doc
      ? (doc as { pipeline: unknown }).pipeline
      : doc
  if (typeof declaration !== 'object' || declaration === null || Array.isArray(declaration)) {
    throw new InputError(
      INPUT,
      `file ${shown(path)} must hold a pipeline declaration object (name, roleArn, artifactStore, stages).`,
    )
  }
  const stages = (declaration as { stages?: unknown }).stages
  if (!Array.isArray(stages) || stages.length < 2) {
    throw new InputError(INPUT, `file ${shown(path)} must declare "stages": a list of at least two stages.`)
  }
  return { path: full, declaration: declaration as Record<string, unknown> }
}
