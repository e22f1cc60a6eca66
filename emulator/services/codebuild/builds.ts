// CodeBuild builds started by CodePipeline CodeBuild actions. A build is a start time, a duration and a plan;
// its phases, status and log lines at any moment are computed from them (reference §2.1 for the shapes).
import { randomUuid } from '../../core/random.js'
import type { World } from '../../core/types.js'
import type { ActionPlan } from '../codepipeline/plans.js'
import type { BuildPhaseType } from '../codepipeline/scenario.js'

export interface BuildRecord {
  id: string
  uuid: string
  project: string
  buildNumber: number
  start: number
  end: number
  plan: ActionPlan
  pipelineName: string
  commitSha: string
  sourceVersion: string
  /** Set when the action was abandoned: the build stops there. */
  stoppedAt?: number
  environmentVariables: { name: string; value: string; type: string }[]
}

interface Phase {
  type: BuildPhaseType
  start: number
  end: number
  failed: boolean
}

const PHASES: [BuildPhaseType, number][] = [
  ['SUBMITTED', 0.01],
  ['QUEUED', 0.01],
  ['PROVISIONING', 0.12],
  ['DOWNLOAD_SOURCE', 0.04],
  ['INSTALL', 0.12],
  ['PRE_BUILD', 0.05],
  ['BUILD', 0.5],
  ['POST_BUILD', 0.05],
  ['UPLOAD_ARTIFACTS', 0.05],
  ['FINALIZING', 0.05],
]

export class BuildStore {
  readonly builds = new Map<string, BuildRecord>()
  private readonly numbers = new Map<string, number>()

  constructor(private readonly world: World) {}

  create(input: Omit<BuildRecord, 'id' | 'uuid' | 'buildNumber'>): BuildRecord {
    const uuid = randomUuid(this.world.random)
    const buildNumber = (this.numbers.get(input.project) ?? 0) + 1
    this.numbers.set(input.project, buildNumber)
    const record = { ...input, id: `${input.project}:${uuid}`, uuid, buildNumber }
    this.builds.set(record.id, record)
    return record
  }

  logGroup(project: string): string {
    return `/aws/codebuild/${project}`
  }

  /** The BatchGetBuilds view of a build at `now`. */
  render(b: BuildRecord, now: number): Record<string, unknown> {
    const { region, accountId } = this.world
    const failed = b.plan.outcome === 'Failed'
    const stopAt = b.stoppedAt !== undefined && b.stoppedAt < b.end ? b.stoppedAt : undefined
    const finish = stopAt ?? b.end
    const done = now >= finish
    const phases = phaseTimeline(b).filter((p) => p.start <= now && p.start <= finish)
    const status = done ? (stopAt !== undefined ? 'STOPPED' : failed ? 'FAILED' : 'SUCCEEDED') : 'IN_PROGRESS'
    const rendered: Record<string, unknown>[] = phases.map((p) => {
      const end = Math.min(p.end, finish)
      if (end > now) return { phaseType: p.type, startTime: new Date(p.start) } // still running
      const phaseStatus = p.failed
        ? 'FAILED'
        : stopAt !== undefined && p.end > stopAt
          ? 'STOPPED'
          : 'SUCCEEDED'
      return {
        phaseType: p.type,
        phaseStatus,
        startTime: new Date(p.start),
        endTime: new Date(end),
        durationInSeconds: Math.round((end - p.start) / 1000),
        contexts: p.failed
          ? [{ statusCode: 'COMMAND_EXECUTION_ERROR', message: failureMessage(b) }]
          : [{ statusCode: '', message: '' }],
      }
    })
    if (done) rendered.push({ phaseType: 'COMPLETED', startTime: new Date(finish) })
    const group = this.logGroup(b.project)
    const streamExists = now >= streamStart(b)
    const deepLink = `https://console.aws.amazon.com/cloudwatch/home?region=${region}#logEvent:group=${group};stream=${b.uuid}`
    const exported = b.plan.build?.exportedVariables ?? {}
    return {
      id: b.id,
      arn: `arn:aws:codebuild:${region}:${accountId}:build/${b.id}`,
      buildNumber: b.buildNumber,
      startTime: new Date(b.start),
      ...(done ? { endTime: new Date(finish) } : {}),
      currentPhase: done ? 'COMPLETED' : (phases[phases.length - 1]?.type ?? 'SUBMITTED'),
      buildStatus: status,
      sourceVersion: b.sourceVersion,
      resolvedSourceVersion: b.commitSha,
      projectName: b.project,
      phases: rendered,
      source: { type: 'CODEPIPELINE', buildspec: '', insecureSsl: false },
      artifacts: { location: '' },
      environment: {
        type: 'LINUX_CONTAINER',
        image: 'aws/codebuild/standard:7.0',
        computeType: 'BUILD_GENERAL1_SMALL',
        environmentVariables: b.environmentVariables,
        privilegedMode: false,
        imagePullCredentialsType: 'CODEBUILD',
      },
      serviceRole: `arn:aws:iam::${accountId}:role/service-role/codebuild-${b.project}-service-role`,
      logs: {
        groupName: group,
        streamName: b.uuid,
        ...(streamExists ? { deepLink } : {}),
        cloudWatchLogsArn: `arn:aws:logs:${region}:${accountId}:log-group:${group}:log-stream:${b.uuid}`,
        cloudWatchLogs: { status: 'ENABLED' },
        s3Logs: { status: 'DISABLED', encryptionDisabled: false },
      },
      timeoutInMinutes: 60,
      queuedTimeoutInMinutes: 480,
      buildComplete: done,
      initiator: `codepipeline/${b.pipelineName}`,
      encryptionKey: `arn:aws:kms:${region}:${accountId}:alias/aws/s3`,
      exportedEnvironmentVariables: Object.entries(exported).map(([name, value]) => ({ name, value })),
    }
  }

  /** Log lines of a build printed by `now`, oldest first (GetLogEvents). */
  logEvents(b: BuildRecord, now: number): { timestamp: number; message: string; ingestionTime: number }[] {
    return logLines(b)
      .filter((l) => l.timestamp + 200 <= now && (b.stoppedAt === undefined || l.timestamp <= b.stoppedAt))
      .map((l) => ({ ...l, ingestionTime: l.timestamp + 200 }))
  }

  streamExists(b: BuildRecord, now: number): boolean {
    return now >= streamStart(b)
  }
}

function streamStart(b: BuildRecord): number {
  return phaseTimeline(b).find((p) => p.type === 'DOWNLOAD_SOURCE')?.start ?? b.start
}

function failedPhase(b: BuildRecord): BuildPhaseType | undefined {
  return b.plan.outcome === 'Failed' ? (b.plan.build?.failedPhase ?? 'BUILD') : undefined
}

function failureMessage(b: BuildRecord): string {
  return b.plan.build?.message ?? 'Error while executing command: npm test. Reason: exit status 1'
}

/** Phases in order; a failed build skips from the failed phase straight to FINALIZING. */
function phaseTimeline(b: BuildRecord): Phase[] {
  const fail = failedPhase(b)
  const failIndex = fail ? PHASES.findIndex(([t]) => t === fail) : -1
  const used = PHASES.filter(([t], i) => failIndex < 0 || i <= failIndex || t === 'FINALIZING')
  const total = used.reduce((n, [, w]) => n + w, 0)
  const span = Math.max(b.end - b.start, used.length)
  let t = b.start
  return used.map(([type, w], i) => {
    const end = i === used.length - 1 ? b.end : t + Math.floor((span * w) / total)
    const phase = { type, start: t, end, failed: type === fail }
    t = end
    return phase
  })
}

function logLines(b: BuildRecord): { timestamp: number; message: string }[] {
  const out: { timestamp: number; message: string }[] = []
  const stamp = (ms: number) => {
    const d = new Date(ms).toISOString()
    return `[Container] ${d.slice(0, 10).replace(/-/g, '/')} ${d.slice(11, 23)}`
  }
  const fail = failedPhase(b)
  const contentPhase = fail ?? 'BUILD'
  for (const p of phaseTimeline(b)) {
    if (['SUBMITTED', 'QUEUED', 'PROVISIONING'].includes(p.type)) continue
    const at = (f: number) => Math.floor(p.start + (p.end - p.start) * f)
    out.push({ timestamp: at(0), message: `${stamp(at(0))} Entering phase ${p.type}` })
    if (p.type === contentPhase) {
      const lines = b.plan.build?.logLines ?? [`${stamp(at(0.1))} Running command npm test`]
      lines.forEach((line, i) =>
        out.push({ timestamp: at(0.1 + (0.7 * i) / Math.max(lines.length, 1)), message: line }),
      )
    }
    if (p.failed) {
      // CodeBuild names the command that failed; the scenario's message does too when it follows CodeBuild's
      // "Error while executing command: <cmd>. Reason: …" form.
      const command = /executing command: (.+?)\. Reason/.exec(failureMessage(b))?.[1] ?? 'npm test'
      out.push({
        timestamp: at(0.9),
        message: `${stamp(at(0.9))} Command did not exit successfully ${command} exit status 1`,
      })
      out.push({ timestamp: at(0.95), message: `${stamp(at(0.95))} Phase complete: ${p.type} State: FAILED` })
      out.push({
        timestamp: at(0.96),
        message: `${stamp(at(0.96))} Phase context status code: COMMAND_EXECUTION_ERROR Message: ${failureMessage(b)}`,
      })
    } else {
      out.push({
        timestamp: at(0.99),
        message: `${stamp(at(0.99))} Phase complete: ${p.type} State: SUCCEEDED`,
      })
    }
  }
  return out
}
