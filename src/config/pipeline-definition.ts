// Loads a user's pipeline declaration file (JSON or YAML) for create-pipeline. Only the basic shape is
// checked here; CodePipeline itself has the last word and its rejection is reported as such.
//
// The file is untrusted in where it points and what it holds: it must be a regular file inside the workspace
// (after resolving symlinks), it is read with a bound (a FIFO, a device or an endless file cannot hang the step)
// and an error never quotes its content — a path that names a secret file must not print the secret.
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import { parse as parseYaml, parseDocument, YAMLParseError } from 'yaml'
import { InputError } from './input-error.js'
import { shown } from './parse.js'

const INPUT = 'pipeline-definition'

/**
 * 1 MiB: far above a real declaration (50 stages × 50 actions of ≤1000-character settings stays well below it,
 * and CodePipeline's own resolved configuration is capped at 100 KB: aws-api.md §1 limits).
 */
export const MAX_DEFINITION_BYTES = 1024 * 1024

const fail = (path: string, problem: string): never => {
  throw new InputError(INPUT, `file ${shown(path)} ${problem}`)
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path)
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel))
}

/** Reads at most MAX_DEFINITION_BYTES + 1 bytes of a regular file inside `workspace`. */
function readBounded(path: string, workspace: string): { full: string; text: string } {
  const full = isAbsolute(path) ? path : resolve(workspace, path)
  let root: string
  let real: string
  try {
    root = realpathSync(workspace)
    real = realpathSync(full)
  } catch {
    return fail(path, `was not found (looked at ${full}); accepted: a JSON or YAML file in the workspace.`)
  }
  if (!isInside(root, real))
    fail(
      path,
      `resolves to a path outside the workspace (${root}); accepted: a file inside GITHUB_WORKSPACE (symlinks may not lead out of it).`,
    )
  let fd: number
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; O_NOFOLLOW: the resolved path must not have been
    // swapped for a symlink since.
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW)
  } catch {
    return fail(path, `could not be opened (looked at ${real}); accepted: a readable JSON or YAML file.`)
  }
  try {
    const stat = fstatSync(fd)
    if (!stat.isFile())
      fail(
        path,
        `is not a regular file (${stat.isDirectory() ? 'a directory' : stat.isFIFO() ? 'a FIFO' : 'a device or socket'}); accepted: a JSON or YAML file.`,
      )
    const tooBig = (): never =>
      fail(
        path,
        `is larger than ${MAX_DEFINITION_BYTES} bytes (1 MiB); accepted: a pipeline declaration of at most 1 MiB.`,
      )
    if (stat.size > MAX_DEFINITION_BYTES) tooBig()
    const buffer = Buffer.alloc(MAX_DEFINITION_BYTES + 1)
    let length = 0
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null)
      if (n === 0) break
      length += n
      if (length > MAX_DEFINITION_BYTES) tooBig()
    }
    const bytes = buffer.subarray(0, length)
    if (bytes.includes(0))
      fail(path, 'is not a text file (it contains NUL bytes); accepted: a JSON or YAML file.')
    let text: string
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    } catch {
      return fail(path, 'is not UTF-8 text; accepted: a JSON or YAML file in UTF-8.')
    }
    return { full: real, text }
  } finally {
    closeSync(fd)
  }
}

/** Where and what kind of syntax error, never the text around it. */
function syntaxProblem(source: string, json: boolean): string {
  const doc = parseDocument(source, { prettyErrors: true })
  const err = doc.errors[0]
  if (err instanceof YAMLParseError) {
    const at = err.linePos?.[0]
    const where = at ? ` at line ${at.line}, column ${at.col}` : ''
    return `${err.code.toLowerCase().replace(/_/g, ' ')}${where}`
  }
  return json ? 'not valid JSON (it reads as YAML: rename it to .yaml?)' : 'unreadable'
}

export function loadPipelineDefinition(
  path: string,
  workspace: string,
): { path: string; declaration: Record<string, unknown> } {
  const { full, text: source } = readBounded(path, workspace)
  const json = /\.json$/i.test(full)
  let doc: unknown
  try {
    doc = json ? JSON.parse(source) : parseYaml(source)
  } catch {
    fail(path, `is not valid ${json ? 'JSON' : 'YAML'}: ${syntaxProblem(source, json)}.`)
  }
  // `aws codepipeline get-pipeline` output wraps the declaration in {"pipeline": …}; accept both.
  const declaration =
    typeof doc === 'object' && doc !== null && 'pipeline' in doc
      ? (doc as { pipeline: unknown }).pipeline
      : doc
  if (typeof declaration !== 'object' || declaration === null || Array.isArray(declaration)) {
    fail(path, 'must hold a pipeline declaration object (name, roleArn, artifactStore, stages).')
  }
  const stages = (declaration as { stages?: unknown }).stages
  if (!Array.isArray(stages) || stages.length < 2) {
    fail(path, 'must declare "stages": a list of at least two stages.')
  }
  return { path: full, declaration: declaration as Record<string, unknown> }
}
