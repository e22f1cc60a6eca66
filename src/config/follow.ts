// How an execution is followed: read by monitor, and by create-pipeline for `wait`.
import { Inputs } from '../inputs.js'
import { parseBoolean, parseEnum, parsePositive } from './parse.js'
import type { Reader } from './reader.js'
import type { FollowConfig } from './types.js'

export function readFollow(r: Reader): FollowConfig | undefined {
  const pollSeconds = r.parse(Inputs.PollIntervalSeconds, parsePositive)
  const onSuperseded = r.parse(Inputs.OnSuperseded, (i, v) =>
    parseEnum(i, v, ['follow', 'fail', 'succeed'] as const),
  )
  const stopOnCancel = r.parse(Inputs.StopOnCancel, parseBoolean)
  const followRollback = r.parse(Inputs.FollowRollback, parseBoolean)
  if (
    pollSeconds === undefined ||
    onSuperseded === undefined ||
    stopOnCancel === undefined ||
    followRollback === undefined
  )
    return undefined
  return { pollIntervalMs: pollSeconds * 1000, onSuperseded, stopOnCancel, followRollback }
}
