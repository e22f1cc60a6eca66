// CloudWatch Logs GetLogEvents over the log streams of emulated CodeBuild builds (group /aws/codebuild/<project>,
// stream = the build id's UUID) and of Commands actions (group /aws/codepipeline/<pipeline>, `streams`). Tokens follow AWS's `f/<n>` / `b/<n>` shape; at the end of the stream the
// forward token comes back unchanged, which is how callers know to stop.
import { AwsError, type AwsService } from '../../core/types.js'
import type { BuildStore } from '../codebuild/builds.js'

const MAX_EVENTS = 10000

type LogEvent = { timestamp: number; message: string; ingestionTime: number }

/** Other log streams than builds': the events of (group, stream) at `now`, undefined when there is no such stream. */
export type LogStreams = (group: string, stream: string, now: number) => LogEvent[] | undefined

export function logsService(
  builds: BuildStore,
  settle: () => void,
  now: () => number,
  streams: LogStreams = () => undefined,
): AwsService {
  return {
    name: 'logs',
    targetPrefix: 'Logs_20140328',
    protocol: 'awsJson1_1',
    model: 'logs',
    errorCodes: { invalid: { code: 'InvalidParameterException' } },
    operations: {
      GetLogEvents: (input: {
        logGroupName?: string
        logGroupIdentifier?: string
        logStreamName: string
        startTime?: number
        endTime?: number
        nextToken?: string
        limit?: number
        startFromHead?: boolean
      }) => {
        settle()
        const group = input.logGroupName ?? groupOf(input.logGroupIdentifier)
        if (!group)
          throw new AwsError(
            'InvalidParameterException',
            'Either logGroupName or logGroupIdentifier is required',
          )
        if (input.logGroupName && input.logGroupIdentifier) {
          throw new AwsError(
            'InvalidParameterException',
            'Specify only one of logGroupName and logGroupIdentifier',
          )
        }
        const t = now()
        const events = (
          streams(group, input.logStreamName, t) ?? buildEvents(builds, group, input.logStreamName, t)
        ).filter(
          (e) =>
            (input.startTime === undefined || e.timestamp >= input.startTime) &&
            (input.endTime === undefined || e.timestamp < input.endTime),
        )
        const limit = Math.min(input.limit ?? MAX_EVENTS, MAX_EVENTS)
        const token = parseToken(input.nextToken, events.length)
        let from: number
        let to: number
        if (token?.direction === 'b') {
          to = token.index
          from = Math.max(0, to - limit)
        } else if (token?.direction === 'f') {
          from = token.index
          to = Math.min(events.length, from + limit)
        } else if (input.startFromHead) {
          from = 0
          to = Math.min(events.length, limit)
        } else {
          to = events.length
          from = Math.max(0, to - limit)
        }
        return {
          events: events.slice(from, to),
          nextForwardToken: `f/${String(to).padStart(56, '0')}`,
          nextBackwardToken: `b/${String(from).padStart(56, '0')}`,
        }
      },
    },
  }
}

function buildEvents(builds: BuildStore, group: string, stream: string, t: number): LogEvent[] {
  const inGroup = [...builds.builds.values()].filter((b) => builds.logGroup(b.project) === group)
  if (!inGroup.some((b) => builds.streamExists(b, t))) {
    throw new AwsError('ResourceNotFoundException', 'The specified log group does not exist.')
  }
  const build = inGroup.find((b) => b.uuid === stream)
  if (!build || !builds.streamExists(build, t)) {
    throw new AwsError('ResourceNotFoundException', 'The specified log stream does not exist.')
  }
  return builds.logEvents(build, t)
}

function groupOf(identifier: string | undefined): string | undefined {
  if (!identifier) return undefined
  const m = /:log-group:([^:]+)/.exec(identifier)
  return m ? m[1] : identifier
}

function parseToken(
  token: string | undefined,
  length: number,
): { direction: 'f' | 'b'; index: number } | undefined {
  if (token === undefined) return undefined
  const m = /^([fb])\/(\d+)$/.exec(token)
  const index = m ? Number(m[2]) : NaN
  if (!m || index > length)
    throw new AwsError('InvalidParameterException', 'The specified nextToken is invalid.')
  return { direction: m[1] as 'f' | 'b', index }
}
