import type { RuleExecutionStatus, StageState } from '@aws-sdk/client-codepipeline'
import { failedCondition, withEnding } from '../../src/execution/ending.js'
import type { StageRow } from '../../src/result.js'

const rule = (ruleName: string, status: RuleExecutionStatus, summary?: string) => ({
  ruleName,
  latestExecution: { status, summary },
})

describe('failedCondition', () => {
  it.each<[string, StageState, string | undefined]>([
    [
      'a beforeEntry rule that failed, with what it saw',
      {
        beforeEntryConditionState: {
          latestExecution: { status: 'Failed' },
          conditionStates: [
            {
              ruleStates: [
                rule('NoOpenAlarms', 'Failed', 'Alarm x is in ALARM'),
                rule('Window', 'Succeeded'),
              ],
            },
          ],
        },
      },
      'beforeEntry condition Failed: rule NoOpenAlarms Failed — Alarm x is in ALARM',
    ],
    [
      'an onSuccess condition that errored, no rule said more',
      { onSuccessConditionState: { latestExecution: { status: 'Errored' }, conditionStates: [] } },
      'onSuccess condition Errored',
    ],
    [
      'conditions that passed',
      {
        beforeEntryConditionState: {
          latestExecution: { status: 'Succeeded' },
          conditionStates: [{ ruleStates: [rule('A', 'Succeeded')] }],
        },
      },
      undefined,
    ],
    ['no conditions', {}, undefined],
  ])('%s', (_, stage, words) => expect(failedCondition(stage)).toBe(words))
})

describe('withEnding', () => {
  const stages: StageRow[] = [
    { name: 'Build', status: 'Stopped', actions: [{ name: 'Build', status: 'Succeeded' }] },
    { name: 'Deploy', status: 'NotStarted', actions: [{ name: 'Deploy', status: 'NotStarted' }] },
  ]
  it('AWS names the stopped stage: that stage is Stopped', () =>
    expect(withEnding(stages, { stateRead: true, stage: 'Build' }, 'Stopped')[0]!.status).toBe('Stopped'))
  it('AWS names no stopped stage (stopped between stages): the stage that was done is Succeeded', () =>
    expect(withEnding(stages, { stateRead: true }, 'Stopped')[0]!.status).toBe('Succeeded'))
  it('the state could not be read: the table stays as seen', () =>
    expect(withEnding(stages, { stateRead: false }, 'Stopped')).toBe(stages))
  it('a failed condition: the stage is Failed with the rule in its row', () =>
    expect(
      withEnding(
        stages,
        { stateRead: true, stage: 'Deploy', condition: 'beforeEntry condition Failed' },
        'Failed',
      )[1],
    ).toMatchObject({ status: 'Failed', error: 'beforeEntry condition Failed' }))
})
