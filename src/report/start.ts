// Whether a step's start is reported at all — main loads the report code before the mode only then (a monitor
// or validate run that posts no commit status and no deployment reaches its first AWS request without it).
import type { Config } from '../config/types.js'

/** A commit status to set `pending`, or a GitHub deployment to set `in_progress`, when the step starts. */
export function startIsReported(config: Config): boolean {
  return Boolean(config.reporting.statusContext || config.reporting.deployment)
}
