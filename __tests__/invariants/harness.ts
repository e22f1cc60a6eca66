// The invariant matrix's harness: one step (config → mode → reports → the step's result) run in-process through
// main's runStep, the real @actions/core writing to a captured stdout, the real SDK clients over HTTP to the
// emulator on its manual clock. Everything the step wrote is collected, and every invariant of issue 11 is
// checked against it by `violations`.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as core from '@actions/core'
import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'
import { startEmulator, type Emulator, type FaultConfig, type Scenario } from '../../emulator/index.js'
import { createAwsClients } from '../../src/aws.js'
import { readConfig } from '../../src/config/read.js'
import { OVERRUN_BOUND_MS } from '../../src/deadline.js'
import type { InputName } from '../../src/inputs.js'
import { runStep } from '../../src/main.js'
import { createRedactor, secretsOf } from '../../src/secrets.js'
import { parse as parseYaml } from 'yaml'
import { TOPIC } from '../fixtures/inputs.js'
import { leaksIn, stdoutPlaces } from '../helpers/leaks.js'
import { noBackoff } from '../helpers/deps.js'
import { inStepProcess } from '../helpers/in-step-process.js'
import { parseOutputFile, ROOT } from '../helpers/run-action.js'

export { TOPIC }
import { commandLines } from '../helpers/commands.js'

export const GITHUB_TOKEN = 'ghs_InvariantT0kenABCDEFGHIJKLMNOPQRS'
export const WEBHOOK_PATH = '/slack/webhook/T0INV/B0INV/Inv4ri4ntW3bh00kS3cr3t'
export const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYINVARIANTKEY'
/** The marker of every piece of hostile text: a command built from it would carry it right after `::…::`. */
export const MARK = 'PWNED'

/**
 * What an attacker who controls a buildspec, a pipeline or an upstream answer writes into every free-text field:
 * workflow commands of both forms after every kind of line break, HTML, Markdown links, Slack mentions, and the
 * step's own secrets in plain and encoded forms.
 */
export function hostileText(webhookUrl: string): string {
  return [
    ` \n::add-mask::${MARK}-mask`,
    `\r::error title=${MARK}::${MARK} forged error`,
    `\r\n::stop-commands::${MARK}`,
    `\n  ::set-output name=result::${MARK}`,
    `\u2028::warning::${MARK}`,
    ` ##[error]${MARK} old form`,
    ` <img src=x onerror=alert(1)> <script>${MARK}</script> [click](javascript:alert(1))`,
    ` <!channel> <!here> <!everyone> <@U024BE7LH> <#C0123456> <!subteam^S012>`,
    ` token ${GITHUB_TOKEN} hook ${encodeURIComponent(webhookUrl)} key ${JSON.stringify(AWS_SECRET)}`,
    ` ${Buffer.from(`x${GITHUB_TOKEN}`).toString('base64')}`,
    // From the outside attack: a blank line ends an HTML block (a <details> label), a bare address autolinks.
    ` \n\n![${MARK}](https://evil.example/pixel.png) [Approve the deploy](https://evil.example/approve)\n\n`,
    ` mail ${MARK.toLowerCase()}@evil.example`,
  ].join('')
}

export interface StepCase {
  mode: 'create-pipeline' | 'monitor' | 'validate'
  scenario: Scenario | string
  inputs: Partial<Record<InputName, string>>
  /** Runs against the emulator before the step (e.g. a first create-pipeline), without faults or hostile text. */
  setup?: (emulator: Emulator) => Promise<void>
  faults?: FaultConfig
  hostile?: boolean
  /** Real milliseconds after which AWS requests are cut (a hang's only end in-process). */
  cutoffMs?: number
}

export interface StepRun {
  stdout: string
  summary: string
  outputs: Record<string, string>
  report: { verdict?: string; reason?: string; unverified?: boolean; details?: Record<string, unknown> }
  slack: string
  sns: string
  github: string
  /** AWS operations the emulator received, in order. */
  calls: string[]
  /** The action of each ContinueServiceDeployment the emulator received and did not throttle (CONTINUE when none was given). */
  hookAnswers: string[]
  /** Emulator (manual clock) milliseconds the step took. */
  elapsedMs: number
  timeoutMs: number
  emulator: Emulator
}

/**
 * Runs one step and collects what it wrote, on a new emulator (or `on`, one a setup runs a step against first).
 * The emulator is the caller's to stop.
 */
export async function runCase(c: StepCase, on?: Emulator): Promise<StepRun> {
  const emulator = on ?? (await startEmulator({ scenario: withAlertTargets(c.scenario), clock: 'manual' }))
  if (c.setup) {
    await c.setup(emulator)
    emulator.log.clear() // what the step under test did, not its setup
  }
  const webhook = `${emulator.url}${WEBHOOK_PATH}`
  emulator.setFaults(c.faults)
  if (c.hostile) emulator.setHostileText(hostileText(webhook))
  const dir = mkdtempSync(join(tmpdir(), 'adp-invariant-'))
  const files = { output: join(dir, 'output'), summary: join(dir, 'summary') }
  for (const f of Object.values(files)) writeFileSync(f, '')
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...emulator.env,
    AWS_SECRET_ACCESS_KEY: AWS_SECRET,
    AWS_REGION: 'us-east-1',
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_RUN_ID: '4242',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: `${emulator.url}/github`,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_OUTPUT: files.output,
    GITHUB_WORKSPACE: dir,
  }
  const inputs: Partial<Record<InputName, string>> = {
    mode: c.mode,
    'github-token': GITHUB_TOKEN,
    'status-context': 'deploy/staging',
    'slack-webhook-url': webhook,
    'sns-topic-arn': TOPIC,
    'notify-on': 'always',
    ...c.inputs,
  }
  const startedAt = emulator.clock.now()
  const { stdout, value: config } = await inStepProcess(env, async () => {
    const config = readConfig((name) => inputs[name] ?? '', { env, mask: core.setSecret })
    const cutoff = { at: Date.now() + (c.cutoffMs ?? 60_000) }
    const aws = await createAwsClients(config, env, {
      cutoff: () => cutoff.at,
      retryStrategy: noBackoff(config.maxAttempts),
    })
    await runStep(config, {
      core,
      aws,
      cutoff,
      redact: createRedactor(secretsOf(config, env)),
      startedAt,
      now: () => emulator.clock.now(),
      sleep: sleepOn(emulator),
      signal: new AbortController().signal,
      env,
    })
    return config
  })
  const outputs = parseOutputFile(readFileSync(files.output, 'utf8'))
  const summary = readFileSync(files.summary, 'utf8')
  rmSync(dir, { recursive: true, force: true })
  const bodies = (service: string) =>
    JSON.stringify(emulator.log.entries.filter((e) => e.service === service).map((e) => e.params))
  return {
    stdout,
    summary,
    outputs,
    report: outputs.report ? (JSON.parse(outputs.report) as StepRun['report']) : {},
    slack: bodies('slack'),
    sns: bodies('sns'),
    github: bodies('github'),
    calls: emulator.log.entries
      .filter((e) => !['slack', 'sns', 'github'].includes(e.service))
      .map((e) => e.operation),
    // Every request that may have answered the hook: a throttled one was refused before it was applied.
    hookAnswers: emulator.log.entries
      .filter((e) => e.operation === 'ContinueServiceDeployment' && e.fault !== 'throttle')
      .map((e) => (e.params as { action?: string } | undefined)?.action ?? 'CONTINUE'),
    elapsedMs: emulator.clock.now() - startedAt,
    timeoutMs: config.timeoutMs,
    emulator,
  }
}

/** The scenario (a name in emulator/scenarios/ or an object) with the SNS topic alerts go to. */
function withAlertTargets(scenario: Scenario | string): Scenario {
  const loaded =
    typeof scenario === 'string'
      ? (parseYaml(readFileSync(join(ROOT, 'emulator', 'scenarios', `${scenario}.yaml`), 'utf8')) as Scenario)
      : scenario
  return { ...loaded, sns: { topics: [TOPIC] } } as Scenario
}

/** Commands the action itself issues through @actions/core. */
const OWN_COMMANDS = new Set(['add-mask', 'debug', 'warning', 'error', 'notice', 'group', 'endgroup'])

/** Every invariant of issue 11 that `run` breaks, in words (empty when it keeps them all). */
export function violations(run: StepRun): string[] {
  return [
    ...endsWithReports(run),
    ...noForgedCommand(run),
    ...noLiveHtml(run),
    ...noSlackMention(run),
    ...noSecret(run),
    ...noCrashText(run),
  ]
}

function endsWithReports(run: StepRun): string[] {
  const out: string[] = []
  if (!['success', 'failure'].includes(run.outputs.result ?? ''))
    out.push(`output result is "${run.outputs.result}"`)
  if (!run.summary.trim()) out.push('no job summary')
  if (run.elapsedMs > run.timeoutMs + OVERRUN_BOUND_MS)
    out.push(`took ${run.elapsedMs} ms of emulator time, past timeout + bound`)
  return out
}

function noForgedCommand(run: StepRun): string[] {
  const out: string[] = []
  for (const line of commandLines(run.stdout)) {
    if (line.includes('##[')) {
      out.push(`old-form command on stdout: ${JSON.stringify(line.slice(0, 120))}`)
      continue
    }
    const m = /^\s*::([^\s:]+)([^:]*)::([\s\S]*)$/.exec(line)
    const [name, props, data] = m ? [m[1]!, m[2]!, m[3]!] : ['?', '', line]
    if (!OWN_COMMANDS.has(name) || props.includes(MARK) || data.startsWith(MARK))
      out.push(`forged command on stdout: ${JSON.stringify(line.slice(0, 120))}`)
  }
  return out
}

/** The summary as GitHub renders it (GFM): hostile HTML must arrive as text, links only to http(s). */
function noLiveHtml(run: StepRun): string[] {
  const html = micromark(run.summary, {
    allowDangerousHtml: true,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()],
  })
  const out: string[] = []
  if (/<(img|script|iframe|svg)\b|<[^>]*\son\w+=/i.test(html)) out.push('live HTML in the rendered summary')
  // A URL in AWS text may be shown as a link to itself; never under a label the text chose.
  if (/<a href="https?:\/\/evil\.example[^"]*">(?!https?:)/.test(html))
    out.push('a link an attacker labelled in the rendered summary')
  for (const [, href] of html.matchAll(/href="([^"]*)"/g))
    if (!/^https?:\/\//.test(href!)) out.push(`a link to ${href} in the rendered summary`)
  return out
}

function noSlackMention(run: StepRun): string[] {
  return /<!channel>|<!here>|<!everyone>|<@U|<#C|<!subteam/.test(run.slack.replace(/\\u003c/g, '<'))
    ? ['a live mention in a Slack message']
    : []
}

function noSecret(run: StepRun): string[] {
  const places: [string, string][] = [
    ...stdoutPlaces(run.stdout),
    ['summary', run.summary],
    ['outputs', JSON.stringify(run.outputs)],
    ['slack', run.slack],
    ['sns', run.sns],
    ['github', run.github],
  ]
  return leaksIn(places, [GITHUB_TOKEN, WEBHOOK_PATH, AWS_SECRET])
}

const CRASH =
  /ReferenceError|TypeError|RangeError|SyntaxError|URIError|URI malformed|Cannot read propert|is not a function|is not defined|\$response|Deserialization error|\n\s+at \S+ \(/

function noCrashText(run: StepRun): string[] {
  const shown = run.stdout.split('\n').filter((l) => !l.startsWith('::debug::'))
  const places: [string, string][] = [
    ['stdout', shown.join('\n')],
    ['summary', run.summary],
    ['outputs', JSON.stringify(run.outputs)],
    ['slack', run.slack],
  ]
  return places
    .filter(([, text]) => CRASH.test(text))
    .map(([where, text]) => `crash text in ${where}: ${CRASH.exec(text)![0]}`)
}

/**
 * A sleep on the manual clock that behaves like one on a real clock when waits overlap: each wait wakes at the
 * instant it asked for, so two reads backing off side by side move the clock once, not by the sum of their
 * waits (which would push a step past its deadline that a real clock never would).
 */
function sleepOn(emulator: Emulator): (ms: number) => Promise<void> {
  return async (ms) => {
    const wake = emulator.clock.now() + ms
    await new Promise((resolve) => setImmediate(resolve))
    const left = wake - emulator.clock.now()
    if (left > 0) emulator.clock.advance(left)
  }
}
