// UpdatePipeline cancels the executions in flight. Before an update the action waits (within the timeout) for
// every running execution to end, saying which one it waits for, instead of cancelling a deploy by surprise.
import { shortSha } from '../commits.js'
import {
  ListPipelineExecutionsCommand,
  type CodePipelineClient,
  type PipelineExecutionSummary,
} from '@aws-sdk/client-codepipeline'
import type { ModeDeps } from '../deps.js'
import { call } from '../aws-errors.js'
import { readPatiently } from '../backoff.js'
import { isRunning } from '../facts/codepipeline.js'

/** Executions that an update would cancel, newest first (one page: running executions are the newest). */
export async function runningExecutions(
  cp: CodePipelineClient,
  pipelineName: string,
  signal?: AbortSignal,
): Promise<PipelineExecutionSummary[]> {
  const page = await call('codepipeline', 'ListPipelineExecutions', () =>
    cp.send(new ListPipelineExecutionsCommand({ pipelineName, maxResults: 100 }), { abortSignal: signal }),
  )
  return (page.pipelineExecutionSummaries ?? []).filter((e) => isRunning(e.status))
}

export interface IdleOutcome {
  /** Executions that were running when the wait began (and that the action waited for). */
  waitedFor: string[]
  /** Still running at the deadline (or when cancelled): the update must not happen. */
  stillRunning?: PipelineExecutionSummary
  cancelled: boolean
  waitedMs: number
}

const describe = (e: PipelineExecutionSummary): string => {
  const commit = e.sourceRevisions?.find((r) => r.revisionId)?.revisionId
  return `${e.pipelineExecutionId} (${e.status}${commit ? `, commit ${shortSha(commit)}` : ''})`
}

export async function waitUntilIdle(
  cp: CodePipelineClient,
  pipelineName: string,
  deps: Pick<ModeDeps, 'now' | 'sleep' | 'log' | 'signal'>,
  opts: { deadline: number; pollMs: number },
): Promise<IdleOutcome> {
  const started = deps.now()
  const waitedFor: string[] = []
  let reported = ''
  for (;;) {
    const running = await readPatiently(() => runningExecutions(cp, pipelineName, deps.signal), deps, {
      deadline: opts.deadline,
      intervalMs: opts.pollMs,
    })
    if (running.length === 0) {
      if (waitedFor.length > 0) deps.log.info(`No execution is running any more; updating now.`)
      return { waitedFor, cancelled: false, waitedMs: deps.now() - started }
    }
    for (const e of running)
      if (e.pipelineExecutionId && !waitedFor.includes(e.pipelineExecutionId))
        waitedFor.push(e.pipelineExecutionId)
    const line = running.map(describe).join(', ')
    if (line !== reported) {
      deps.log.info(
        `Waiting for ${running.length === 1 ? 'execution' : 'executions'} ${line} to end before UpdatePipeline (an update would cancel ${running.length === 1 ? 'it' : 'them'}).`,
      )
      reported = line
    }
    const left = opts.deadline - deps.now()
    if (deps.signal.aborted || left <= 0)
      return {
        waitedFor,
        stillRunning: running[0],
        cancelled: deps.signal.aborted,
        waitedMs: deps.now() - started,
      }
    await deps.sleep(Math.min(opts.pollMs, left), deps.signal)
  }
}
