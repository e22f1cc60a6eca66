import { executionOfCommit } from '../../src/monitor/find.js'
import { summary as e } from '../helpers/executions.js'
import { nth } from '../helpers/must.js'

const SHA = 'a'.repeat(40)

describe('executionOfCommit', () => {
  it('the newest standard execution of the commit, whatever the list order', () => {
    const list = [
      e('old', 100, 'Failed', [SHA]),
      e('other', 300, 'InProgress', ['b'.repeat(40)]),
      e('new', 200, 'InProgress', [SHA]),
      e('rollback', 400, 'Succeeded', [SHA], { type: 'ROLLBACK' }),
    ]
    expect(executionOfCommit(list, SHA)?.id).toBe('new')
    expect(executionOfCommit([nth(list, 3)], SHA)?.id).toBe('rollback')
    expect(executionOfCommit(list, 'c'.repeat(40))).toBeUndefined()
  })
})
