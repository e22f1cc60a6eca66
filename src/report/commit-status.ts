// The commit status: what state and description the check shows, so that a required status check never turns
// green before the last gate. Pure; github-status.ts posts it.
import type { Config } from '../config/types.js'
import type { StepResult } from '../result.js'
import { oneLine, truncate } from '../format.js'
import { shortSha } from '../commits.js'
import { headlineOf, subjectOf } from './verdict.js'

export type StatusState = 'pending' | 'success' | 'failure' | 'error'

export interface StatusUpdate {
  state: StatusState
  /** One line, at most 140 characters (GitHub's limit). */
  description: string
}

export const DESCRIPTION_MAX = 140

const starting: Record<Config['mode'], string> = {
  'create-pipeline': 'Creating or updating',
  monitor: 'Following',
  validate: 'Validating the deployment of',
}

export function startStatus(config: Config): StatusUpdate {
  const what = config.mode === 'validate' ? `${config.cluster}/${config.service}` : config.pipelineName
  const commit = config.commitSha ? ` for ${shortSha(config.commitSha)}` : ''
  return { state: 'pending', description: bound(`${starting[config.mode]} ${what}${commit}…`) }
}

export function endStatus(result: StepResult, statusFinal: boolean): StatusUpdate {
  if (result.cancelled)
    return {
      state: 'error',
      description: bound(
        `Cancelled: ${subjectOf(result).toLowerCase()} did not finish (the workflow run was cancelled)`,
      ),
    }
  if (result.verdict === 'failure') return { state: 'failure', description: bound(oneLine(result.reason)) }
  if (statusFinal) return { state: 'success', description: bound(oneLine(result.reason)) }
  // Not this step's call to conclude: say what passed so far and stay pending for the step that may.
  const suffix = ' — awaiting the final check'
  return {
    state: 'pending',
    description:
      truncate(`${headlineOf(result)}: ${oneLine(result.reason)}`, DESCRIPTION_MAX - suffix.length) + suffix,
  }
}

function bound(text: string): string {
  return truncate(oneLine(text), DESCRIPTION_MAX)
}
