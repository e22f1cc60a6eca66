// `npm run demo`: the whole action on the bundled AWS emulator, no AWS account needed. It runs the BUILT
// dist/index.js as the GitHub runner would — create-pipeline (start-execution) → monitor → validate — for a
// healthy release and for a release whose integration tests fail, prints each step's log and outputs, writes
// each step's job summary as Markdown and HTML (demo/out/), shows the Slack messages sent, and ends with a table.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { startEmulator } from '../emulator/index.js'
import type { SlackState } from '../emulator/services/slack/index.js'
import { ROOT, runAction, type RunResult } from '../__tests__/helpers/run-action.js'
import { summaryPage } from '../scripts/markdown-html.js'
import { slackText } from './slack-text.js'

const OUT = join(ROOT, 'demo', 'out')
/** Emulator ms per real ms while pipelines run. */
const SPEED = 200
const bold = (s: string): string => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s)
const dim = (s: string): string => (process.stdout.isTTY ? `\x1b[2m${s}\x1b[0m` : s)

const releases = [
  {
    key: 'v1.4.0',
    title: 'Release v1.4.0 — a healthy release',
    sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
  },
  {
    key: 'v1.5.0',
    title: 'Release v1.5.0 — its integration tests fail',
    sha: 'e5f6a7b8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e',
  },
]

/** What a runner shows of the step's stdout: workflow commands turned into readable lines. */
function readableLog(stdout: string): string {
  return stdout
    .split('\n')
    .filter(
      (l) =>
        l !== '' &&
        !l.startsWith('::add-mask::') &&
        !l.startsWith('::endgroup::') &&
        !l.startsWith('::debug::'),
    )
    .map((l) =>
      l
        .replace(/^::group::(.*)$/, (_m, name: string) => bold(`▸ ${name}`))
        .replace(
          /^::(error|warning|notice)[^:]*::(.*)$/,
          (_m, kind: string, msg: string) => `${kind}: ${msg.replace(/%0A/g, '\n  ')}`,
        ),
    )
    .map((l) => `    ${l}`)
    .join('\n')
}

function showOutputs(outputs: Record<string, string>): string {
  return Object.entries(outputs)
    .filter(([k]) => k !== 'report')
    .map(([k, v]) => `    ${k} = ${v.length > 160 ? `${v.slice(0, 157)}...` : v}`)
    .join('\n')
}

/** "4 pass, 1 skip" from the checks output of validate. */
function checkCounts(checks: string | undefined): string | undefined {
  if (!checks) return undefined
  const counts = new Map<string, number>()
  for (const c of JSON.parse(checks) as { status: string }[])
    counts.set(c.status, (counts.get(c.status) ?? 0) + 1)
  return [...counts].map(([status, n]) => `${n} ${status}`).join(', ')
}

async function main(): Promise<void> {
  rmSync(OUT, { recursive: true, force: true })
  mkdirSync(OUT, { recursive: true })
  const started = Date.now()
  // Emulator time starts three hours in the past and runs 200× faster than real time: a 5-minute pipeline
  // takes 1.5 s, and emulator time stays behind the real clock the action's metric windows are based on.
  const emulator = await startEmulator({
    scenario: 'demo',
    clock: { speed: 200 },
    start: Date.now() - 3 * 3600_000,
  })
  const shared = {
    'project-name': 'shop',
    environment: 'staging',
    repository: 'octo-org/shop',
    'slack-webhook-url': emulator.env.SLACK_WEBHOOK_URL,
    'timeout-minutes': '3',
  }
  const table: { release: string; step: string; result: string; detail: string }[] = []
  try {
    for (const release of releases) {
      console.log(`\n${bold(`━━ ${release.title} (commit ${release.sha.slice(0, 7)}) ━━`)}`)
      emulator.clock.set({ speed: SPEED })
      const env = { ...emulator.env, GITHUB_SHA: release.sha, GITHUB_REF: 'refs/heads/staging' }
      const common = { ...shared, version: release.key }
      const steps: { step: string; inputs: Record<string, string> }[] = [
        {
          step: 'create-pipeline',
          inputs: {
            ...common,
            mode: 'create-pipeline',
            'role-arn': 'arn:aws:iam::123456789012:role/shop-codepipeline',
            'connection-arn':
              'arn:aws:codeconnections:us-east-1:123456789012:connection/0a1b2c3d-4e5f-6789-abcd-ef0123456789',
            'source-trigger': 'none',
            'start-execution': 'true',
            tags: 'team=web',
          },
        },
        { step: 'monitor', inputs: { ...common, mode: 'monitor', 'poll-interval-seconds': '0.25' } },
        {
          step: 'validate',
          inputs: {
            ...common,
            mode: 'validate',
            'expected-image-tag': release.key,
            'alarm-names': 'shop-staging-5xx',
          },
        },
      ]
      let failed = false
      let executionId = ''
      for (const { step, inputs } of steps) {
        if (failed) {
          console.log(`\n  ${bold(step)}: skipped — a previous step failed (as in a workflow)`)
          table.push({ release: release.key, step, result: 'skipped', detail: 'previous step failed' })
          continue
        }
        if (step === 'monitor' && executionId) inputs['execution-id'] = executionId
        // The action's metric windows use the real clock: bring emulator time to the present first.
        if (step === 'validate') emulator.clock.set({ now: Date.now(), speed: 1 })
        console.log(`\n  ${bold(`$ ${step}`)}  ${dim(`(INPUT_MODE=${step}, node dist/index.js)`)}`)
        const run: RunResult = await runAction({ inputs, env, timeoutMs: 150_000 })
        console.log(readableLog(run.stdout))
        console.log(`  ${bold('outputs')}\n${showOutputs(run.outputs)}`)
        const base = join(OUT, `${release.key}-${step}`)
        writeFileSync(`${base}.md`, run.summary)
        writeFileSync(`${base}.html`, summaryPage(run.summary, `${release.key} · ${step}`))
        console.log(
          `  ${bold('summary')}  ${relative(process.cwd(), base)}.md  ${relative(process.cwd(), base)}.html`,
        )
        executionId = run.outputs['execution-id'] ?? executionId
        failed = run.exitCode !== 0
        table.push({
          release: release.key,
          step,
          result: `${run.outputs.result ?? 'failure'} (exit ${run.exitCode})`,
          detail:
            run.outputs['pipeline-change'] ??
            checkCounts(run.outputs.checks) ??
            (run.outputs['failed-action']
              ? `failed: ${run.outputs['failed-stage']} / ${run.outputs['failed-action']}`
              : (run.outputs['execution-status'] ?? '')),
        })
      }
    }

    const messages = (emulator.world.states.slack as SlackState | undefined)?.messages ?? []
    console.log(`\n${bold(`━━ Slack: ${messages.length} message(s) received by the webhook ━━`)}`)
    for (const m of messages) console.log(`${slackText(m.payload)}\n`)

    console.log(bold('━━ Both runs ━━'))
    const w = [8, 16, 20] as const
    console.log(`  ${'release'.padEnd(w[0])} ${'step'.padEnd(w[1])} ${'result'.padEnd(w[2])} detail`)
    for (const r of table)
      console.log(`  ${r.release.padEnd(w[0])} ${r.step.padEnd(w[1])} ${r.result.padEnd(w[2])} ${r.detail}`)
    console.log(
      `\n  AWS calls made: ${Object.values(emulator.counts()).reduce((a, b) => a + b, 0)}; took ${((Date.now() - started) / 1000).toFixed(1)} s`,
    )
    console.log(`  Open the summaries in a browser: ${relative(process.cwd(), OUT)}/*.html`)
  } finally {
    await emulator.stop()
  }
}

await main()
