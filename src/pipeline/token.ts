// StartPipelineExecution's clientRequestToken: the same for every attempt of one workflow run attempt, so an
// SDK retry (or a re-sent call after a dropped connection) cannot start a second execution. Pure.
import { createHash } from 'node:crypto'

export interface TokenParts {
  pipelineName: string
  commitSha?: string
  version?: string
  runId?: string
  runAttempt?: string
}

/** Matches ^[a-zA-Z0-9-]+$ and is at most 128 characters (AWS's limits). */
export function clientRequestToken(p: TokenParts): string {
  const hash = createHash('sha256')
    .update(
      [p.pipelineName, p.commitSha ?? '', p.version ?? '', p.runId ?? '', p.runAttempt ?? ''].join('\n'),
    )
    .digest('hex')
  const run = p.runId
    ? `${p.runId.replace(/[^a-zA-Z0-9]/g, '')}-${(p.runAttempt ?? '1').replace(/[^a-zA-Z0-9]/g, '')}-`
    : ''
  return `gha-${run}${hash}`.slice(0, 128)
}
