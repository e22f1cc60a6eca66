import { commandsLogStream, failedPhase, tidyLogLines } from '../../src/execution/explain.js'

describe('failedPhase', () => {
  it.each([
    [
      'the failed phase and its message',
      {
        buildStatus: 'FAILED',
        phases: [
          { phaseType: 'INSTALL', phaseStatus: 'SUCCEEDED' },
          {
            phaseType: 'BUILD',
            phaseStatus: 'FAILED',
            contexts: [
              {
                statusCode: 'COMMAND_EXECUTION_ERROR',
                message: 'Error while executing command: npm test. Reason: exit status 1',
              },
            ],
          },
          { phaseType: 'COMPLETED' },
        ],
      },
      'BUILD phase FAILED: Error while executing command: npm test. Reason: exit status 1',
    ],
    ['a timed-out build without phases', { buildStatus: 'TIMED_OUT' }, 'build TIMED_OUT'],
    [
      'a successful build',
      { buildStatus: 'SUCCEEDED', phases: [{ phaseType: 'BUILD', phaseStatus: 'SUCCEEDED' }] },
      undefined,
    ],
  ])('%s', (_n, build, text) => expect(failedPhase(build as any)).toBe(text))
})

describe('tidyLogLines', () => {
  it('splits, strips colours and blank lines, keeps the last 20', () => {
    const lines = tidyLogLines([
      '\u001b[31merror\u001b[0m: boom\n',
      '',
      ...Array.from({ length: 25 }, (_, i) => `line ${i}\n`),
    ])
    expect(lines).toHaveLength(20)
    expect(lines[19]).toBe('line 24')
    expect(tidyLogLines(['\u001b[31merror\u001b[0m: boom\n\n'])).toEqual(['error: boom'])
  })

  it("ends at CodeBuild's failure mark, not at its housekeeping after it", () => {
    const lines = tidyLogLines([
      '[Container] 2026/11/26 11:56:30.000 Running command npm run test:integration',
      'FAIL tests/payments.integration.test.ts',
      'Tests: 1 failed, 41 passed, 42 total',
      '[Container] 2026/11/26 11:56:36.867 Command did not exit successfully npm run test:integration exit status 1',
      '[Container] 2026/11/26 11:56:38.811 Phase complete: BUILD State: FAILED',
      '[Container] 2026/11/26 11:56:40.756 Entering phase FINALIZING',
      '[Container] 2026/11/26 11:56:44.610 Phase complete: FINALIZING State: SUCCEEDED',
    ])
    expect(lines.slice(-2)).toEqual([
      'Tests: 1 failed, 41 passed, 42 total',
      '[Container] 2026/11/26 11:56:36.867 Command did not exit successfully npm run test:integration exit status 1',
    ])
  })
})

describe('commandsLogStream', () => {
  const run = { stage: 'Build', action: 'Lint', status: 'Failed', attempts: 1 }
  const arn = 'arn:aws:logs:eu-west-1:123456789012:log-group:/aws/codepipeline/shop:log-stream:abc-123'
  it.each([
    [
      'a Commands action with its logStreamARN',
      { ...run, provider: 'Commands', logStreamArn: arn },
      { group: '/aws/codepipeline/shop', stream: 'abc-123' },
    ],
    ['a Commands action without one', { ...run, provider: 'Commands' }, undefined],
    ['another provider', { ...run, provider: 'CodeBuild', logStreamArn: arn }, undefined],
    [
      'an ARN that is not a log stream',
      { ...run, provider: 'Commands', logStreamArn: 'arn:aws:logs:x' },
      undefined,
    ],
  ])('%s', (_, r, expected) => expect(commandsLogStream(r)).toEqual(expected))
})
