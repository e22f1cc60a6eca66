// Whether a step's start is reported: main loads the report code before the mode only then (start.ts).
import { describe, expect, it } from '@jest/globals'
import { startIsReported } from '../../src/report/start.js'
import { configFrom } from '../helpers/config.js'
import { PIPELINE_INPUTS } from '../fixtures/inputs.js'

const TOKEN = 'ghs_start00000000'
const SLACK = 'https://hooks.slack.com/services/T0/B0/start0secret'
const NO_REPOSITORY = { GITHUB_REPOSITORY: undefined }

describe('startIsReported', () => {
  it.each([
    ['no status-context, no deployment-environment', {}, {}, false],
    [
      'a Slack alert only (alerts go out at the end)',
      { 'notify-on': 'always', 'slack-webhook-url': SLACK },
      {},
      false,
    ],
    ['status-context', { 'status-context': 'deploy/staging', 'github-token': TOKEN }, {}, true],
    [
      'status-context with no GITHUB_REPOSITORY (its warning is said at the start)',
      { 'status-context': 'ci', 'github-token': TOKEN },
      NO_REPOSITORY,
      true,
    ],
    ['deployment-environment', { 'deployment-environment': 'staging', 'github-token': TOKEN }, {}, true],
  ] as const)('%s', (_, inputs, env, reported) => {
    expect(startIsReported(configFrom({ ...PIPELINE_INPUTS, mode: 'monitor', ...inputs }, env))).toBe(
      reported,
    )
  })
})
