// Issue 16: one least-privilege IAM policy per mode, tested against the calls the code makes, so docs/iam.md
// cannot drift from the code again. Statically, every SDK command a mode's code can reach must be allowed by that
// mode's policy, and every action the policy allows must be one the code calls (or a listed, justified extra).
// Dynamically, each mode runs its scenarios against the emulator and every request it logged must be allowed too.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Mode } from '../../src/inputs.js'
import { MODES } from '../invariants/cases.js'
import { runCase, type StepCase } from '../invariants/harness.js'
import { CONNECTION, ROLE, TEST_SHA } from '../fixtures/inputs.js'
import { runActionStep } from '../examples/run-step.js'
import { callsInCode, callsMade } from './iam-actions.js'
import { documentedPolicies, IAM_DOC } from './policies.js'

const MODE_NAMES: Mode[] = ['create-pipeline', 'monitor', 'validate']
const policies = documentedPolicies()

/** Actions a policy may hold that are no API call of the action's, and why. */
const JUSTIFIED_EXTRAS: Partial<Record<Mode, Record<string, string>>> = {
  'create-pipeline': {
    'iam:PassRole':
      'CreatePipeline and UpdatePipeline hand role-arn to CodePipeline, which IAM checks as PassRole',
  },
}

const PIPELINE = {
  'project-name': 'shop',
  environment: 'staging',
  repository: 'octo-org/shop',
  'role-arn': ROLE,
  'connection-arn': CONNECTION,
  'timeout-minutes': '10',
}
const ROLLBACK_SCENARIO = {
  cluster: 'shop-staging',
  service: 'shop',
  'pipeline-name': 'shop-staging',
  'expected-image-tag': 'not-the-running-tag',
  'timeout-minutes': '5',
}
/** Creates the pipeline in the step's own emulator first, so that the step updates it. */
const createdFirst =
  (inputs: Record<string, string>): StepCase['setup'] =>
  async (emulator) => {
    const env = { GITHUB_REPOSITORY: 'acme/shop', GITHUB_SHA: TEST_SHA }
    const run = await runActionStep(emulator, { mode: 'create-pipeline', ...inputs }, env)
    expect(run.outputs['pipeline-change']).toBe('created')
  }

/** Each mode's paths: the invariant matrix's releases, plus the tag and rollback paths it does not take. */
const SCENARIOS: Record<Mode, Record<string, StepCase>> = {
  'create-pipeline': {
    'created with tags': {
      mode: 'create-pipeline',
      scenario: 'create-pipeline',
      inputs: { ...PIPELINE, tags: 'team=web' },
    },
    'updated (tags too), started and followed': {
      mode: 'create-pipeline',
      scenario: 'create-pipeline',
      setup: createdFirst({ ...PIPELINE, tags: 'team=web\nowner=alice' }),
      inputs: {
        ...PIPELINE,
        tags: 'team=platform',
        'execution-mode': 'QUEUED',
        'start-execution': 'true',
        wait: 'true',
      },
    },
  },
  monitor: {
    'a succeeding run': MODES['monitor, a succeeding run'],
    'a failing build': MODES['monitor, a failing build'],
  },
  validate: {
    'healthy, API and alarms': MODES['validate, a healthy release with rollback: service'],
    'healthy, behind a load balancer':
      MODES['validate, a healthy service behind a load balancer with default inputs'],
    'failing, rollback: service': {
      mode: 'validate',
      scenario: 'validate-pipeline-rollback',
      inputs: { ...ROLLBACK_SCENARIO, rollback: 'service' },
    },
    'failing, rollback: pipeline': {
      mode: 'validate',
      scenario: 'validate-pipeline-rollback',
      inputs: { ...ROLLBACK_SCENARIO, rollback: 'pipeline' },
    },
  },
}

const add = (mode: Mode, action: string): string =>
  `add ${action} to the ${mode} policy in ${IAM_DOC} (and to the read-only one if it is a read monitor or validate makes without rollback)`

describe(`the IAM policies of ${IAM_DOC}`, () => {
  it('are one per mode, plus the read-only one', () => {
    expect(Object.keys(policies).sort()).toEqual([...MODE_NAMES, 'read-only'].sort())
  })

  describe.each(MODE_NAMES)('%s', (mode) => {
    const inCode = callsInCode(mode)
    const allowed = new Set(policies[mode])

    it('allows every AWS call its code can make', () => {
      const missing = inCode
        .filter((c) => !allowed.has(c.action))
        .map((c) => `${mode} calls ${c.action} (${c.where}): ${add(mode, c.action)}`)
      expect([...new Set(missing)]).toEqual([])
    })

    it('allows nothing its code never calls, except the justified extras', () => {
      const called = new Set(inCode.map((c) => c.action))
      const extras = JUSTIFIED_EXTRAS[mode] ?? {}
      const unused = [...allowed]
        .filter((a) => !called.has(a) && !(a in extras))
        .map(
          (a) =>
            `the ${mode} policy in ${IAM_DOC} allows ${a}, which no ${mode} code calls: remove it (or justify it)`,
        )
      expect(unused).toEqual([])
    })
  })

  describe('read-only', () => {
    const readOnly = policies['read-only'] ?? []
    it('holds only reads that monitor or validate make', () => {
      const reads = new Set([...callsInCode('monitor'), ...callsInCode('validate')].map((c) => c.action))
      expect(readOnly.filter((a) => !reads.has(a) || WRITE.test(a))).toEqual([])
    })
  })
})

/** Actions that change something: never in the read-only policy. */
const WRITE = /:(Create|Update|Start|Stop|Rollback|Tag|Untag|Publish|Put|Delete|PassRole)/

describe.each(MODE_NAMES)('%s against the emulator', (mode) => {
  const seen: Record<string, string[]> = {}
  beforeAll(async () => {
    for (const [name, c] of Object.entries(SCENARIOS[mode])) {
      const run = await runCase(c)
      seen[name] = callsMade(run.emulator.log.entries)
      if (process.env.IAM_REPORT) console.log(`${mode} (${name}): ${seen[name].join(' ')}`)
      await run.emulator.stop()
    }
  }, 180_000)
  afterAll(() => undefined)

  it.each(Object.keys(SCENARIOS[mode]))(
    '%s: every request it made is allowed by its policy and found in its code',
    (name) => {
      const allowed = new Set(policies[mode])
      const inCode = new Set(callsInCode(mode).map((c) => c.action))
      const calls = seen[name] ?? []
      expect(calls.length).toBeGreaterThan(0)
      expect(
        calls.filter((a) => !allowed.has(a)).map((a) => `${mode} (${name}) called ${a}: ${add(mode, a)}`),
      ).toEqual([])
      expect(
        calls.filter((a) => !inCode.has(a)).map((a) => `${a}: the scan of src/ missed it (iam-actions.ts)`),
      ).toEqual([])
    },
  )

  if (mode !== 'create-pipeline')
    it('without rollback or alerts, needs only the read-only policy', () => {
      const readOnly = new Set(policies['read-only'])
      const reads = Object.entries(seen)
        .filter(([name]) => !/rollback/.test(name))
        .flatMap(([, calls]) => calls)
        .filter((a) => !WRITE.test(a))
      expect([...new Set(reads)].filter((a) => !readOnly.has(a))).toEqual([])
    })
})
