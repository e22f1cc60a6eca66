// Reading a pipeline's executions: the newest pages of ListPipelineExecutions, and the successor of a
// superseded execution among them. The choice is a pure function.
import {
  CodePipelineClient,
  ListPipelineExecutionsCommand,
  type PipelineExecutionSummary,
} from '@aws-sdk/client-codepipeline'
import type { ModeDeps } from '../deps.js'
import { isRunning } from '../facts/codepipeline.js'
import type { ExecutionReader, ReadOutcome } from './reader.js'
import type { Payer } from './schedule.js'

export interface ExecutionSummary {
  id: string
  status: string
  startedAt?: number
  updatedAt?: number
  revisions: string[]
  type?: string
  /** triggerType: AutomatedRollback, ManualRollback, Webhook… */
  trigger?: string
  /** With type ROLLBACK: the execution it rolls back to. */
  rollbackTarget?: string
  /** With status Stopping/Stopped: the reason given to StopPipelineExecution ('' when none was given). */
  stopReason?: string
}

export function summaryOf(s: PipelineExecutionSummary): ExecutionSummary {
  return {
    id: s.pipelineExecutionId ?? '?',
    status: s.status ?? '',
    startedAt: s.startTime?.getTime(),
    updatedAt: s.lastUpdateTime?.getTime(),
    revisions: (s.sourceRevisions ?? []).map((r) => r.revisionId).filter((r): r is string => !!r),
    type: s.executionType,
    trigger: s.trigger?.triggerType,
    rollbackTarget: s.rollbackMetadata?.rollbackTargetPipelineExecutionId,
    stopReason: s.stopTrigger ? (s.stopTrigger.reason ?? '') : undefined,
  }
}

/** Newest first (AWS's order is not a promise: sort by start time ourselves). */
export function newestFirst(list: ExecutionSummary[]): ExecutionSummary[] {
  return [...list].sort((a, b) => (b.startedAt ?? 0) - (a.startedAt ?? 0))
}

/**
 * The execution that replaced a superseded one: the earliest execution started after it that had not already
 * ended when it was superseded (one that failed early, or was itself superseded earlier, never reached the
 * stage ours waited for). If that one was superseded later in turn, the caller follows the chain.
 */
export function successorOf(
  original: ExecutionSummary,
  list: ExecutionSummary[],
): ExecutionSummary | undefined {
  const since = original.startedAt ?? 0
  const supersededAt = original.updatedAt ?? Number.POSITIVE_INFINITY
  return [...list]
    .filter((e) => e.id !== original.id && (e.startedAt ?? 0) > since)
    .filter((e) => isRunning(e.status) || (e.updatedAt ?? 0) >= supersededAt)
    .sort((a, b) => (a.startedAt ?? 0) - (b.startedAt ?? 0))[0]
}

/** Reads up to `pages` pages (100 executions each), stopping early once `enough` says so. */
export async function listExecutions(
  pipelineName: string,
  reader: ExecutionReader,
  deps: ModeDeps,
  pages: number,
  enough: (soFar: ExecutionSummary[]) => boolean = () => false,
  kind: Payer = 'progress',
): Promise<ReadOutcome<ExecutionSummary[]>> {
  const client = deps.aws.get(CodePipelineClient)
  const all: ExecutionSummary[] = []
  let nextToken: string | undefined
  for (let page = 0; page < pages; page++) {
    const out = await reader.read(
      { service: 'codepipeline', operation: 'ListPipelineExecutions' },
      (abortSignal) =>
        client.send(new ListPipelineExecutionsCommand({ pipelineName, maxResults: 100, nextToken }), {
          abortSignal,
        }),
      { kind },
    )
    if (!out.ok) return out
    all.push(...(out.value.pipelineExecutionSummaries ?? []).map(summaryOf))
    nextToken = out.value.nextToken
    if (!nextToken || enough(all)) break
  }
  return { ok: true, value: all }
}
