import { describe, expect, it } from '@jest/globals'
import { alarmRows } from '../../src/validate/alarm-verdict.js'
import { only } from '../helpers/must.js'

describe('alarmRows', () => {
  const found = [
    { name: 'ok-alarm', kind: 'metric' as const, state: 'OK' },
    { name: 'firing', kind: 'composite' as const, state: 'ALARM', reason: 'child in ALARM' },
    { name: 'quiet', kind: 'metric' as const, state: 'INSUFFICIENT_DATA' },
  ]
  const cases = [
    { name: 'ok-alarm', status: 'pass', measured: undefined, message: /metric alarm is OK/ },
    {
      name: 'firing',
      status: 'fail',
      measured: undefined,
      message: /composite alarm is in ALARM: child in ALARM/,
    },
    { name: 'quiet', status: 'no-data', measured: undefined, message: /INSUFFICIENT_DATA/ },
    // A typo fails, but measured nothing: no write acts on it.
    {
      name: 'typo-alarm',
      status: 'fail',
      measured: false,
      message: /no metric or composite alarm named "typo-alarm".*a configuration error, not a measurement/,
    },
  ]
  it.each(cases)('$name → $status', ({ name, status, measured, message }) => {
    const row = only(alarmRows([name], found))
    expect(row).toMatchObject({ name, type: 'alarm', status })
    expect(row.measured).toBe(measured)
    expect(row.message).toMatch(message)
  })
  it('keeps the order of the input', () => {
    expect(alarmRows(['quiet', 'ok-alarm'], found).map((r) => r.name)).toEqual(['quiet', 'ok-alarm'])
  })
})
