// CloudWatch alarm states → one check row per named alarm. Pure.
import type { Check } from '../result.js'
import { configurationErrorRow } from './measured.js'

export interface AlarmState {
  name: string
  kind: 'metric' | 'composite'
  state: string
  reason?: string
}

export function alarmRows(names: string[], found: AlarmState[]): Check[] {
  const byName = new Map(found.map((a) => [a.name, a]))
  return names.map((name): Check => {
    const base = { name, type: 'alarm', threshold: 'not ALARM' }
    const alarm = byName.get(name)
    if (!alarm) {
      // A typo fails the step (it would otherwise pass silently), but measured nothing: no write acts on it.
      return configurationErrorRow({
        ...base,
        value: null,
        message: `no metric or composite alarm named "${name}" exists in this account and region: check alarm-names (a configuration error, not a measurement of the release)`,
      })
    }
    const why = alarm.reason ? `: ${alarm.reason}` : ''
    switch (alarm.state) {
      case 'OK':
        return { ...base, status: 'pass', value: 'OK', message: `${alarm.kind} alarm is OK` }
      case 'ALARM':
        return { ...base, status: 'fail', value: 'ALARM', message: `${alarm.kind} alarm is in ALARM${why}` }
      case 'INSUFFICIENT_DATA':
        return {
          ...base,
          status: 'no-data',
          value: 'INSUFFICIENT_DATA',
          message: `${alarm.kind} alarm has INSUFFICIENT_DATA: it cannot tell whether the service is healthy${why}`,
        }
      default:
        return {
          ...base,
          status: 'no-data',
          value: alarm.state,
          message: `${alarm.kind} alarm is in an unknown state ${alarm.state}`,
        }
    }
  })
}
