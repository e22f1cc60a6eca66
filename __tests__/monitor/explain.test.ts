import { failedPhase, tidyLogLines } from '../../src/monitor/explain.js'

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
})
