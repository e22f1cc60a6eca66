// Check rows the step writes itself, not from a verdict: a failure it saw directly, and the rows of checks
// it did not get to. Pure.
import type { ValidateConfig } from '../config/types.js'
import type { Check } from '../result.js'
import type { HealthConfig } from './health.js'
import { API_CHECK_NAME } from './rate-sources.js'

export function failRow(name: string, type: string, message: string): Check {
  return { name, type, status: 'fail', value: null, threshold: null, message }
}

/** Skip rows for every configured check, so the table still shows what was not looked at and why. */
export function notChecked(config: ValidateConfig, why: string, health?: HealthConfig): Check[] {
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
    // Before the service was read, its target groups are not known: only the API's rate is named.
    ...(health
      ? [...health.rates.map((r) => r.check), ...health.decided.map((c) => c.name)]
      : config.api
        ? [API_CHECK_NAME]
        : []
    ).map((name) => skip(name, 'metric')),
    ...config.metricChecks.map((c) => skip(c.name, 'metric')),
    ...config.alarmNames.map((n) => skip(n, 'alarm')),
  ]
}

/** The CloudWatch rows of notChecked: the ECS ones were looked at. */
export function healthNotChecked(config: ValidateConfig, health: HealthConfig, why: string): Check[] {
  return notChecked(config, why, health).filter((c) => !['tasks', 'version'].includes(c.name))
}
