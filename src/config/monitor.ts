// The monitor section: which execution (execution-id, else the commit's) and how to follow it.
import { Inputs } from '../inputs.js'
import { requirePipelineName, type CommonSection } from './common.js'
import { readFollow } from './follow.js'
import { parseExecutionId } from './parse.js'
import type { Reader } from './reader.js'
import type { MonitorConfig } from './types.js'

export function readMonitor(r: Reader, c: CommonSection): MonitorConfig | undefined {
  const pipelineName = requirePipelineName(r, c)
  const executionId = r.parse(Inputs.ExecutionId, parseExecutionId)
  if (
    r.optional(Inputs.ExecutionId) === undefined &&
    c.shared.commitSha === undefined &&
    !r.has(Inputs.CommitSha)
  ) {
    r.problem(
      Inputs.CommitSha,
      'is required when execution-id is empty (the execution is found by its commit): no commit-sha was given and GITHUB_SHA is not set.',
    )
  }
  const follow = readFollow(r)
  if (pipelineName === undefined || !follow) return undefined
  return { ...c.shared, mode: 'monitor', pipelineName, executionId, follow }
}
