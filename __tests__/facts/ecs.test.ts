import { describe, expect, it } from '@jest/globals'
import type { Task } from '@aws-sdk/client-ecs'
import { isCrash } from '../../src/facts/ecs.js'

describe('isCrash', () => {
  const stopped = (over: Partial<Task>): Task => ({
    taskArn: 'arn:aws:ecs:us-east-1:123456789012:task/shop-staging/x',
    lastStatus: 'STOPPED',
    desiredStatus: 'STOPPED',
    startedBy: 'ecs-svc/1',
    ...over,
  })
  const exit = (code: number) => [{ name: 'app', exitCode: code }]
  it.each([
    ['essential container exited', { stopCode: 'EssentialContainerExited', containers: exit(137) }, true],
    ['failed to start', { stopCode: 'TaskFailedToStart' }, true],
    ['a non-zero exit without a stop code', { containers: exit(2) }, true],
    [
      'scheduler scale-in, even exit 143',
      { stopCode: 'ServiceSchedulerInitiated', containers: exit(143) },
      false,
    ],
    ['stopped by a person', { stopCode: 'UserInitiated', containers: exit(137) }, false],
    ['a clean exit', { stopCode: 'SpotInterruption', containers: exit(0) }, false],
  ] as [string, Partial<Task>, boolean][])('%s → crash %s', (_name, over, crash) => {
    expect(isCrash(stopped(over))).toBe(crash)
  })
})
