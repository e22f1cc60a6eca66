import { describe, expect, it } from '@jest/globals'
import { buildAlert } from '../../src/report/alert.js'
import { renderSlackMessage, SLACK_LIMITS, slackEscape } from '../../src/report/slack-message.js'
import { checkMessage } from '../../emulator/services/slack/blocks.js'
import { ALL, monitorFailure, validateFailure } from './fixtures.js'
import { nth } from '../helpers/must.js'

const run = { runUrl: 'https://github.com/octo-org/shop/actions/runs/4242' }

describe('renderSlackMessage', () => {
  it.each(Object.entries(ALL))('%s renders a message Slack accepts', (_name, make) => {
    const msg = renderSlackMessage(buildAlert(make(), run))
    expect(checkMessage(msg as unknown as Record<string, unknown>)).toBeUndefined()
    expect(msg.blocks[0]?.type).toBe('header')
  })

  it('puts verdict, environment and version in the header and the failed action in a section', () => {
    const msg = renderSlackMessage(buildAlert(monitorFailure(), run))
    expect(msg.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: '❌ Deployment pipeline failed: staging · 1.4.2', emoji: true },
    })
    const text = JSON.stringify(msg.blocks)
    expect(text).toContain('*Stage Build › Build: Failed*')
    // AWS text is escaped: no accidental links or mentions from a log line.
    expect(text).toContain('applies the &lt;discount&gt; &amp; rounds')
    expect(text).toContain('|Workflow run>')
    expect(msg.text).toContain('Deployment pipeline failed')
  })

  it("links the failed action's log once", () => {
    const r = monitorFailure()
    const d = r.details as { execution: { stages: { actions: { url?: string; logUrl?: string }[] }[] } }
    const action = nth(nth(d.execution.stages, 1).actions, 0)
    action.url = action.logUrl // CodeBuild's action page can be the log itself
    const text = JSON.stringify(renderSlackMessage(buildAlert(r, run)).blocks)
    expect(text.split(`${action.logUrl}|`)).toHaveLength(2)
  })

  it('links the log once when the reason already carries it', () => {
    const r = monitorFailure()
    const d = r.details as { execution: { stages: { actions: { logUrl?: string }[] }[] } }
    const logUrl = nth(nth(d.execution.stages, 1).actions, 0).logUrl ?? ''
    r.reason = `Stage Build failed: BUILD phase FAILED (log: ${logUrl}).`
    const msg = renderSlackMessage(buildAlert(r, run))
    expect(JSON.stringify(msg.blocks).split(logUrl)).toHaveLength(2)
  })

  it('shows failing checks with value and threshold', () => {
    const text = JSON.stringify(renderSlackMessage(buildAlert(validateFailure(), run)).blocks)
    expect(text).toContain('value 0.0431, threshold 0.01')
    expect(text).toContain('*Not verified*')
  })

  it('stays within Block Kit limits for a huge failure', () => {
    const r = validateFailure()
    const d = r.details as { checks: { name: string; type: string; status: string; message: string }[] }
    d.checks = Array.from({ length: 400 }, (_, i) => ({
      name: `check ${i} ${'x'.repeat(300)}`,
      type: 'metric',
      status: 'fail',
      message: 'm'.repeat(5000),
    }))
    r.reason = 'r'.repeat(10_000)
    r.environment = 'e'.repeat(500)
    const msg = renderSlackMessage(buildAlert(r, run))
    expect(msg.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks)
    expect(checkMessage(msg as unknown as Record<string, unknown>)).toBeUndefined()
    expect(JSON.stringify(msg.blocks)).toContain('more in the job summary')
  })

  it.each(['javascript:alert(document.domain)', 'data:text/html,<b>x</b>', 'not a url'])(
    'links only http(s) addresses: %s stays a plain label',
    (url) => {
      const r = monitorFailure()
      const d = r.details as { execution: { stages: { actions: { logUrl?: string }[] }[] } }
      nth(nth(d.execution.stages, 1).actions, 0).logUrl = url
      const text = JSON.stringify(renderSlackMessage(buildAlert(r, run)).blocks)
      expect(text).not.toContain(`<${url}`)
      expect(text).not.toMatch(/<(?:javascript|data):/)
    },
  )

  it('escapes Slack control characters', () => {
    expect(slackEscape('<!channel> & <https://x|y>')).toBe('&lt;!channel&gt; &amp; &lt;https://x|y&gt;')
  })
})
