// Check rows the step writes itself, not from a verdict: a failure it saw directly, and the rows of checks
// it did not get to. Pure.
import type { ValidateConfig } from '../config/types.js'
import type { Check } from '../result.js'
import { API_CHECK_NAME } from './metric-verdict.js'

export function failRow(name: string, type: string, message: string): Check {
  return { name, type, status: 'fail', value: null, threshold: null, message }
}

/** Skip rows for every configured check, so the table still shows what was not looked at and why. */
export function notChecked(config: ValidateConfig, why: string): Check[] {
  const skip = (name: string, type: string): Check => ({
    name,
    type,
    status: 'skip',
    value: null,
    threshold: null,
    message: `not checked: ${why}`,
  })
  return [
    skip('tasks', 'task'),
    skip('version', 'version'),
    ...(config.api ? [skip(API_CHECK_NAME, 'metric')] : []),
    ...config.metricChecks.map((c) => skip(c.name, 'metric')),
    ...config.alarmNames.map((n) => skip(n, 'alarm')),
  ]
}

/** The CloudWatch rows of notChecked: the ECS ones were looked at. */
export function healthNotChecked(config: ValidateConfig, why: string): Check[] {
  return notChecked(config, why).filter((c) => !['tasks', 'version'].includes(c.name))
}
