// Issue 16: every workflow example in the README and docs/ runs as written. Each ```yaml block is extracted;
// the steps that use this action run, with their `with:` as written, against the emulator set up as
// docs/before-you-start.md says a real account is (world.ts), and must end as the example claims — success,
// the image carrying the tag the buildspec contract gives it, no API Gateway read unless the example names an
// API. Companion actions are checked for their current major. Buildspecs are checked against the contract by
// running their commands. A block that is none of these must be marked `<!-- example: partial — why -->`;
// `<!-- example: after quick-start -->` runs a step list after the quick start's steps that precede its mode.
import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from '@jest/globals'
import { startEmulator, type Emulator } from '../../emulator/index.js'
import { shortSha } from '../../src/commits.js'
import { account, afterQuickStart, quickStart, setUp } from './before.js'
import { expectClaims, expectCommitStatus, proof } from './claims.js'
import { exampleFiles, examplesIn, usesThisAction } from './examples.js'
import { declaresGitHubProvider, jobIdentities, trustedSubjects } from './oidc.js'
import { runActionStep, stepInputs } from './run-step.js'
import { branchesOf, COMMIT, runnerEnv, simulate } from './simulation.js'
import { accountScenario } from './world.js'

const EXAMPLES = exampleFiles().flatMap(examplesIn)
/** The current major of each companion action an example may use. */
const CURRENT_MAJOR: Record<string, number> = {
  'aws-actions/configure-aws-credentials': 6,
  'actions/checkout': 7,
  'actions/setup-node': 7,
}
/**
 * Blocks left unrun on purpose (`<!-- example: partial — why -->` before the fence), as `file (heading): why`.
 * Keep it short: each is a reader's example nobody proves.
 */
const SKIPPED_ON_PURPOSE: string[] = []
const MARKED_PARTIAL = EXAMPLES.filter((e) => e.marker?.startsWith('partial'))
const runnable = EXAMPLES.filter((e) => e.shape.kind === 'workflow' || e.shape.kind === 'steps')
const buildspecs = EXAMPLES.filter((e) => e.shape.kind === 'buildspec')
const templates = EXAMPLES.filter((e) => e.shape.kind === 'cloudformation')
const proved: string[] = []

describe('the YAML examples of README.md and docs/', () => {
  it('are each run, checked as a buildspec or template, or marked partial with a reason', () => {
    const unaccounted = EXAMPLES.filter(
      (e) => e.shape.kind === 'other' && !e.marker?.startsWith('partial'),
    ).map(
      (e) =>
        `${e.where}: not a workflow, steps or buildspec — make it one, or mark it <!-- example: partial — why -->`,
    )
    expect(unaccounted).toEqual([])
  })

  it('skip only the few marked partial, each saying why', () => {
    for (const e of MARKED_PARTIAL) expect(e.marker).toMatch(/^partial — .{10,}/)
    const skipped = MARKED_PARTIAL.map(
      (e) => `${e.file} (${e.heading}): ${e.marker?.replace(/^partial — /, '')}`,
    )
    expect(skipped).toEqual(SKIPPED_ON_PURPOSE)
  })

  it('include the quick start, which runs this action', () => {
    expect(simulate(quickStart()).steps.some(usesThisAction)).toBe(true)
  })

  it.each(runnable.map((e) => [e.where, e] as const))(
    '%s uses companion actions at their current major',
    (_w, e) => {
      for (const step of simulate(e).steps.filter((s) => s.uses && !usesThisAction(s))) {
        const [name = '', ref = ''] = (step.uses ?? '').split('@')
        expect({ name, major: CURRENT_MAJOR[name] && `v${CURRENT_MAJOR[name]}` }).toEqual({
          name,
          major: ref,
        })
      }
    },
  )
})

describe.each(buildspecs.map((e) => [`${e.where} (${e.heading})`, e] as const))('buildspec %s', (_w, e) => {
  const commands = Object.values(e.shape.kind === 'buildspec' ? e.shape.buildspec.phases : {})
    .flatMap((p) => p.commands ?? [])
    .join('\n')
  /** The buildspec's commands under bash, docker/aws/npm replaced by echo, ending with `tail`. */
  const shell = (env: Record<string, string>, tail = ''): string =>
    execFileSync(
      'bash',
      ['-c', `docker() { :; }; aws() { :; }; npm() { echo "npm $*"; }\n${commands}\n${tail}`],
      {
        env: { PATH: process.env.PATH, REPOSITORY_URI: 'repo', COMMIT_ID: COMMIT, ...env },
        encoding: 'utf8',
        cwd: mkdtempSync(join(tmpdir(), 'adp-buildspec-')),
      },
    )

  it('follows the contract: VERSION `auto` tags the short SHA, a given version tags itself; or it runs TEST_TYPE', () => {
    if (commands.includes('$VERSION')) {
      expect(shell({ VERSION: 'auto' }, 'cat imagedefinitions.json')).toContain(`:${shortSha(COMMIT)}"`)
      expect(shell({ VERSION: '1.4.2' }, 'cat imagedefinitions.json')).toContain(':1.4.2"')
      proved.push(`${e.where} buildspec: VERSION auto → image :${shortSha(COMMIT)}, VERSION 1.4.2 → :1.4.2`)
    } else {
      expect(commands).toContain('TEST_TYPE')
      expect(shell({ TEST_TYPE: 'unit' })).toBe('npm ci\nnpm test\n')
      expect(shell({ TEST_TYPE: 'integration' })).toBe('npm ci\nnpm run test:integration\n')
      expect(() => shell({ TEST_TYPE: 'other' })).toThrow()
      proved.push(
        `${e.where} buildspec: TEST_TYPE unit and integration run their suites, anything else fails`,
      )
    }
  })
})

describe.each(templates.map((e) => [`${e.where} (${e.heading})`, e] as const))(
  'CloudFormation %s',
  (_w, e) => {
    const template = e.shape.kind === 'cloudformation' ? e.shape.template : { Resources: {} }

    it("declares GitHub's OIDC provider and trusts the token subject of every workflow example assuming its roles", () => {
      expect(declaresGitHubProvider(template)).toBe(true)
      const trusted = trustedSubjects(template)
      const jobs = runnable.flatMap((x) => jobIdentities(x).map((j) => ({ ...j, where: x.where })))
      const covered = jobs.filter((j) =>
        Object.keys(trusted).some((name) => j.role.endsWith(`:role/${name}`)),
      )
      expect(covered.length).toBeGreaterThan(0)
      const refused = covered
        .filter(
          (j) =>
            !Object.entries(trusted).some(
              ([name, subs]) => j.role.endsWith(`:role/${name}`) && subs.some((p) => p.test(j.subject)),
            ),
        )
        .map((j) => `${j.where}: ${j.role} does not trust ${j.subject}`)
      expect(refused).toEqual([])
      proved.push(
        `${e.where} CloudFormation: trusts ${covered.map((j) => `${j.subject} (${j.where})`).join(', ')}`,
      )
    })
  },
)

const runs = runnable.flatMap((e) =>
  branchesOf(e).map((branch) => [`${e.where} (${e.heading}) on ${branch}`, e, branch] as const),
)

describe.each(runs)('example %s', (_w, example, branch) => {
  let emulator: Emulator | undefined
  afterAll(async () => emulator?.stop())

  it('runs as written and every step of this action ends as the example claims', async () => {
    const sim = simulate(example, branch)
    const actionSteps = sim.steps.filter(usesThisAction)
    expect(actionSteps.length).toBeGreaterThan(0)
    const firstInputs = stepInputs(actionSteps[0]?.with ?? {}, sim.context)
    const environment = firstInputs.environment ?? ''
    const pipelineRunsByItself =
      !actionSteps.some((s) => s.with?.mode === 'create-pipeline') && !afterQuickStart(example)
    emulator = await startEmulator({
      scenario: accountScenario({
        ...account(sim, environment),
        autoVersionTag: pipelineRunsByItself ? shortSha(COMMIT) : undefined,
      }),
      clock: 'manual',
    })
    sim.context.secrets.SLACK_WEBHOOK_URL = emulator.env.SLACK_WEBHOOK_URL ?? ''
    await setUp(emulator, example, sim, actionSteps)
    for (const step of actionSteps) {
      const run = await runActionStep(emulator, stepInputs(step.with ?? {}, sim.context), runnerEnv(sim))
      if (step.id) sim.context.steps[step.id] = { outputs: run.outputs }
      expectClaims(run, example)
      expectCommitStatus(emulator, run, example)
      proved.push(`${example.where} on ${branch} ${step.name ?? run.inputs.mode}: ${proof(run)}`)
    }
  }, 120_000)
})

afterAll(() => {
  if (process.env.EXAMPLES_REPORT) console.log(proved.join('\n'))
})
