// The invariant matrix (cases.ts) for the monitor following a run that succeeds, a run whose build fails, a failed
// deploy and its automatic rollback, and a run stopped at its manual approval.
import { expect, it } from '@jest/globals'
import { matrixOf, MODES } from './cases.js'
import { runCase } from './harness.js'

matrixOf(
  'monitor, a succeeding run',
  'monitor, a failing build',
  'monitor, a failed deploy rolled back and followed',
  'monitor, a run stopped at its manual approval, with a reason',
)

// From the outside attack: a cut inside an emoji of a build log left a lone surrogate, and the SNS e-mail failed.
it('delivers the e-mail alert when a cut falls inside an emoji', async () => {
  const run = await runCase({
    ...MODES['monitor, a failing build']!,
    setup: async (e) => e.setHostileText(` ${'🚀'.repeat(5_000)}`),
  })
  try {
    expect(run.stdout).not.toMatch(/URIError|URI malformed/)
    expect(run.outputs['alert-sent']).toBe('true')
    expect(JSON.parse(run.sns)).toHaveLength(1)
  } finally {
    await run.emulator.stop()
  }
})
