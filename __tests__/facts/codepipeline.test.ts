import { describe, expect, it } from '@jest/globals'
import { isActionEnded, isRunning, isTerminal } from '../../src/facts/codepipeline.js'

describe('CodePipeline statuses', () => {
  it.each([
    // status, terminal (execution), running (execution), ended (action attempt)
    ['Succeeded', true, false, true],
    ['Failed', true, false, true],
    ['Stopped', true, false, false],
    ['Superseded', true, false, false],
    ['Cancelled', true, false, false],
    ['InProgress', false, true, false],
    ['Stopping', false, true, false],
    ['Abandoned', false, false, true],
    ['Unknown', false, false, false],
    [undefined, false, false, false],
  ])('%s → terminal %s, running %s, action ended %s', (status, terminal, running, ended) => {
    expect(isTerminal(status)).toBe(terminal)
    expect(isRunning(status)).toBe(running)
    expect(isActionEnded(status)).toBe(ended)
  })
})
