import { successorOf } from '../../src/execution/history.js'
import { summary as e } from '../helpers/executions.js'

const SHA = 'a'.repeat(40)

describe('successorOf', () => {
  const ours = e('ours', 100, 'Superseded', [SHA], { updatedAt: 500 })
  it.each([
    ['the next one still running', [e('b', 200, 'InProgress', ['b'])], 'b'],
    [
      'skips one that failed before ours was superseded',
      [e('c', 150, 'Failed', ['c'], { updatedAt: 300 }), e('b', 200, 'Succeeded', ['b'], { updatedAt: 900 })],
      'b',
    ],
    [
      'skips one superseded earlier',
      [e('c', 150, 'Superseded', ['c'], { updatedAt: 400 }), e('b', 200, 'InProgress', ['b'])],
      'b',
    ],
    [
      'takes one superseded later (the chain continues from it)',
      [e('b', 200, 'Superseded', ['b'], { updatedAt: 800 }), e('d', 300, 'InProgress', ['d'])],
      'b',
    ],
    ['never an older one', [e('z', 50, 'InProgress', ['z'])], undefined],
  ])('%s', (_n, others, id) => {
    expect(successorOf(ours, [ours, ...others])?.id).toBe(id)
  })
})
