// Judging tasks counted page by page (task-tally.ts) says exactly what judging the whole list says: same value,
// status and message, offenders quoted in listing order, whatever the page size; and it keeps the address of
// every task of the new revision (the target groups check matches each), in listing order.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import type { Task } from '@aws-sdk/client-ecs'
import { addTasks, addressOf, emptyTally } from '../../src/validate/task-tally.js'
import { judgeTasks } from '../../src/validate/task-verdict.js'

const TD = (n: number): string => `arn:aws:ecs:us-east-1:123456789012:task-definition/shop:${n}`

const task: fc.Arbitrary<Task> = fc.record({
  taskArn: fc.nat(999).map((n) => `arn:aws:ecs:us-east-1:123456789012:task/shop/t${n}`),
  lastStatus: fc.constantFrom('RUNNING', 'PENDING', 'STOPPED'),
  healthStatus: fc.constantFrom('HEALTHY', 'UNHEALTHY', 'UNKNOWN'),
  taskDefinitionArn: fc.option(fc.integer({ min: 1, max: 3 }).map(TD), { nil: undefined }),
  containers: fc.constant([{ name: 'app', healthStatus: 'UNHEALTHY' as const }]),
  attachments: fc.constantFrom([], [{ details: [{ name: 'privateIPv4Address', value: '10.0.0.7' }] }]),
})

describe('judgeTasks on a tally counted page by page', () => {
  it('matches judging the whole list', () => {
    fc.assert(
      fc.property(
        fc.array(task, { maxLength: 30 }),
        fc.integer({ min: 1, max: 7 }),
        fc.option(fc.integer({ min: 1, max: 3 }).map(TD), { nil: undefined }),
        fc.nat(30),
        (tasks, pageSize, primaryTaskDefinition, desiredCount) => {
          const tally = emptyTally(primaryTaskDefinition)
          for (let i = 0; i < tasks.length; i += pageSize) addTasks(tally, tasks.slice(i, i + pageSize))
          const input = { desiredCount, primaryTaskDefinition, missing: [] }
          expect(judgeTasks({ ...input, tasks: tally })).toEqual(judgeTasks({ ...input, tasks }))
          const onNew = primaryTaskDefinition
            ? tasks.filter((t) => t.taskDefinitionArn === primaryTaskDefinition)
            : []
          expect(tally.newRevision).toEqual(onNew.map(addressOf))
        },
      ),
    )
  })
})
