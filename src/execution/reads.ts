// The two reads that watch an execution: its status (GetPipelineExecution: cheap, and the only source of
// Superseded/Stopped) and its progress (ListActionExecutions filtered by the execution: exact in every execution
// mode, unlike GetPipelineState; past executions are read the same way to learn how long actions take). Each
// goes through the reader, which spends its budget and waits out throttling.
import {
  CodePipelineClient,
  GetPipelineExecutionCommand,
  ListActionExecutionsCommand,
  type ActionExecutionDetail,
  type GetPipelineExecutionCommandOutput,
} from '@aws-sdk/client-codepipeline'
import type { ModeDeps } from '../deps.js'
import type { ExecutionReader, ReadOutcome } from './reader.js'
import type { Payer } from './schedule.js'

/** Who reads which execution. */
export interface ExecutionRead {
  deps: ModeDeps
  reader: ExecutionReader
  pipelineName: string
  executionId: string
}

/** `final`: the one last look at the deadline, made once whatever the clock says. */
export function readStatus(
  r: ExecutionRead,
  final = false,
): Promise<ReadOutcome<GetPipelineExecutionCommandOutput>> {
  return r.reader.read(
    { service: 'codepipeline', operation: 'GetPipelineExecution' },
    (abortSignal) =>
      r.deps.aws.get(CodePipelineClient).send(
        new GetPipelineExecutionCommand({
          pipelineName: r.pipelineName,
          pipelineExecutionId: r.executionId,
        }),
        { abortSignal },
      ),
    { kind: 'status', final },
  )
}

/** How a progress read is made: the reader's options, and how many pages at most (default: every page). */
export interface ProgressReadOptions {
  /** The one last look at the deadline. */
  final?: boolean
  /** A read that is nice to have: at most this many attempts. */
  attempts?: number
  /** The budget that pays (default progress). */
  kind?: Payer
  pages?: number
}

/** The action executions of the execution, page after page. */
export async function readProgress(
  r: ExecutionRead,
  opts: ProgressReadOptions = {},
): Promise<ReadOutcome<ActionExecutionDetail[]>> {
  const details: ActionExecutionDetail[] = []
  let nextToken: string | undefined
  let pages = 0
  do {
    const out = await r.reader.read(
      { service: 'codepipeline', operation: 'ListActionExecutions' },
      (abortSignal) =>
        r.deps.aws.get(CodePipelineClient).send(
          new ListActionExecutionsCommand({
            pipelineName: r.pipelineName,
            filter: { pipelineExecutionId: r.executionId },
            maxResults: 100,
            nextToken,
          }),
          { abortSignal },
        ),
      { final: opts.final, attempts: opts.attempts, kind: opts.kind },
    )
    if (!out.ok) return out
    details.push(...(out.value.actionExecutionDetails ?? []))
    nextToken = out.value.nextToken
  } while (nextToken && ++pages < (opts.pages ?? Infinity))
  return { ok: true, value: details }
}
