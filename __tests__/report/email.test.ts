import { describe, expect, it } from '@jest/globals'
import { buildAlert } from '../../src/report/alert.js'
import { renderEmail, SNS_LIMITS } from '../../src/report/email.js'
import { ALL, monitorFailure } from './fixtures.js'

const run = { runUrl: 'https://github.com/octo-org/shop/actions/runs/4242' }

describe('renderEmail', () => {
  it.each(Object.entries(ALL))('%s: subject is ≤100 printable ASCII without line breaks', (_n, make) => {
    const { subject } = renderEmail(buildAlert(make(), run))
    expect(subject.length).toBeLessThanOrEqual(SNS_LIMITS.subject)
    expect(subject).toMatch(/^[\x20-\x7e]+$/)
  })

  it('says what failed, with the log tail and links', () => {
    const { subject, body } = renderEmail(buildAlert(monitorFailure(), run))
    expect(subject).toBe('[FAILED] Deployment pipeline failed: staging 1.4.2')
    expect(body).toContain('* Stage Build › Build: Failed')
    expect(body).toContain('Tests: 1 failed, 211 passed, 212 total')
    expect(body).toContain('Workflow run: https://github.com/octo-org/shop/actions/runs/4242')
  })

  it('keeps non-ASCII out of the subject and huge bodies under the SNS limit', () => {
    const r = monitorFailure()
    r.environment = 'prod\nüction ✨ '.repeat(20)
    r.reason = 'x'.repeat(400_000)
    const { subject, body } = renderEmail(buildAlert(r, run))
    expect(subject).toMatch(/^[\x20-\x7e]{1,100}$/)
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(SNS_LIMITS.messageBytes)
    expect(body).toContain('message cut')
  })

  it.each([0, 1])(
    'cuts a huge body of emoji between characters (offset %i): the SDK can encode it',
    (offset) => {
      const r = monitorFailure()
      r.reason = 'x'.repeat(offset) + '🚀'.repeat(120_000)
      const { body } = renderEmail(buildAlert(r, run))
      expect(body).toContain('message cut')
      expect(() => encodeURIComponent(body)).not.toThrow()
    },
  )
})
