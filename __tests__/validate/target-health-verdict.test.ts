// Target health → one row per target group: registered and healthy, nothing else serving, and no false failure
// when tasks cannot be matched to targets.
import { describe, expect, it } from '@jest/globals'
import type {
  TargetHealthDescription,
  TargetHealthStateEnum,
} from '@aws-sdk/client-elastic-load-balancing-v2'
import { addressOf, type TaskAddress } from '../../src/validate/task-tally.js'
import { judgeTargetGroup } from '../../src/validate/target-health-verdict.js'

const group = { arn: 'arn:tg', name: 'shop-tg', dimension: 'targetgroup/shop-tg/1' }
// A described task as the tally keeps it (its ARN, and the ENI address read from its attachments).
const task = (n: number, ip?: string): TaskAddress =>
  addressOf({
    taskArn: `arn:aws:ecs:us-east-1:123456789012:task/prod/${n}`,
    attachments: ip
      ? [{ type: 'ElasticNetworkInterface', details: [{ name: 'privateIPv4Address', value: ip }] }]
      : [],
  })
const target = (ip: string, State: TargetHealthStateEnum): TargetHealthDescription => ({
  Target: { Id: ip, Port: 8080 },
  TargetHealth: { State },
})

describe('judgeTargetGroup', () => {
  it.each([
    ['every new task healthy', [task(1, '10.0.0.1')], [target('10.0.0.1', 'healthy')], 'pass'],
    ['a new task unhealthy', [task(1, '10.0.0.1')], [target('10.0.0.1', 'unhealthy')], 'fail'],
    ['a new task not registered', [task(1, '10.0.0.1')], [], 'fail'],
    [
      'an old target still serving',
      [task(1, '10.0.0.1')],
      [target('10.0.0.1', 'healthy'), target('10.0.0.9', 'healthy')],
      'fail',
    ],
    [
      'an old target draining',
      [task(1, '10.0.0.1')],
      [target('10.0.0.1', 'healthy'), target('10.0.0.9', 'draining')],
      'pass',
    ],
    [
      'a task without an awsvpc address (bridge mode): not matched, never failed',
      [task(1)],
      [target('i-0abc', 'healthy')],
      'skip',
    ],
  ])('%s → %s', (_, tasks, targets, status) => {
    expect(judgeTargetGroup({ group, targets }, tasks).status).toBe(status)
  })

  it('a group that could not be read is unverified', () => {
    expect(judgeTargetGroup({ group, targets: new Error('Throttling') }, [task(1, '10.0.0.1')]).status).toBe(
      'unverified',
    )
  })
})
