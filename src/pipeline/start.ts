// start-execution: run the pipeline on exactly `commit-sha` with VERSION=<version>. Right after a create AWS
// has already started a first execution by itself; when that one builds the same commit (and the same
// version) it is adopted instead of starting a second.
import { defaultVersion, sameCommit, shortSha } from '../commits.js'
import {
  ListPipelineExecutionsCommand,
  StartPipelineExecutionCommand,
  type CodePipelineClient,
  type PipelineExecutionSummary,
} from '@aws-sdk/client-codepipeline'
import type { ModeDeps } from '../deps.js'
import { call } from '../aws-errors.js'
import { readPatiently } from '../backoff.js'
import { isTerminal } from '../facts/codepipeline.js'
import { VERSION_DEFAULT, VERSION_VARIABLE } from './names.js'

export interface StartRequest {
  pipelineName: string
  commitSha: string
  version?: string
  /** Source actions to pin to `commitSha`; empty = the execution builds the branch head (said plainly). */
  pinnedSourceActions: string[]
  hasVersionVariable: boolean
  versionDefault?: string
  clientRequestToken: string
  /** The pipeline was created by this run: look for AWS's own first execution before starting one. */
  freshlyCreated: boolean
  deadline: number
  pollMs: number
}

export interface StartOutcome {
  executionId: string
  adopted: boolean
  status: string
  notes: string[]
}

/** How long to wait for the first execution's Source action to report its commit before starting our own. */
export const ADOPT_WAIT_MS = 120_000

/** Whether AWS's first execution (VERSION = the declared default) builds the version asked for. Pure. */
export function firstRunVersionMatches(
  r: Pick<StartRequest, 'hasVersionVariable' | 'versionDefault' | 'version' | 'commitSha'>,
): boolean {
  if (!r.hasVersionVariable) return true
  if (r.version === r.versionDefault) return true
  // The buildspec contract: VERSION `auto` means the first 7 characters of COMMIT_ID — the action's default
  // version (defaultVersion, which config/read.ts uses too).
  return r.versionDefault === VERSION_DEFAULT && r.version === defaultVersion(r.commitSha)
}

/** The pinned source revision of an execution, if its Source action has reported it. Pure. */
export function pinnedRevisionOf(e: PipelineExecutionSummary, actions: string[]): string | undefined {
  return e.sourceRevisions?.find((r) => actions.includes(r.actionName ?? '') && r.revisionId)?.revisionId
}

/** AWS's own first execution of a fresh pipeline, once it shows the commit it builds (or ends without one). */
async function firstExecution(
  cp: CodePipelineClient,
  r: StartRequest,
  deps: Pick<ModeDeps, 'now' | 'sleep' | 'log' | 'signal'>,
): Promise<PipelineExecutionSummary | undefined> {
  const until = Math.min(r.deadline, deps.now() + ADOPT_WAIT_MS)
  let logged = false
  for (;;) {
    const page = await readPatiently(
      () =>
        call('codepipeline', 'ListPipelineExecutions', () =>
          cp.send(new ListPipelineExecutionsCommand({ pipelineName: r.pipelineName, maxResults: 10 }), {
            abortSignal: deps.signal,
          }),
        ),
      deps,
      { deadline: until, intervalMs: r.pollMs },
    )
    const first = (page.pipelineExecutionSummaries ?? []).find(
      (e) => e.trigger?.triggerType === 'CreatePipeline',
    )
    if (first && (pinnedRevisionOf(first, r.pinnedSourceActions) || isTerminal(first.status))) return first
    if (deps.signal.aborted || deps.now() >= until) return first
    if (!logged) {
      deps.log.info(`Waiting for the pipeline's first execution to report the commit it builds…`)
      logged = true
    }
    await deps.sleep(Math.min(r.pollMs, Math.max(until - deps.now(), 0)), deps.signal)
  }
}

export async function startOrAdopt(
  cp: CodePipelineClient,
  r: StartRequest,
  deps: Pick<ModeDeps, 'now' | 'sleep' | 'log' | 'signal'>,
): Promise<StartOutcome> {
  // Only a pinned first execution of a fresh pipeline can be known to build the commit.
  if (!r.freshlyCreated || r.pinnedSourceActions.length === 0) return startNew(cp, r, deps, [])
  const adoption = await adoptFirst(cp, r, deps)
  return 'executionId' in adoption ? adoption : startNew(cp, r, deps, adoption.notes)
}

/** AWS's first execution, adopted when it builds the commit and version asked for; otherwise why it was not. */
async function adoptFirst(
  cp: CodePipelineClient,
  r: StartRequest,
  deps: Pick<ModeDeps, 'now' | 'sleep' | 'log' | 'signal'>,
): Promise<StartOutcome | { notes: string[] }> {
  const first = await firstExecution(cp, r, deps)
  const id = first?.pipelineExecutionId
  if (!first || !id) return { notes: [] }
  const revision = pinnedRevisionOf(first, r.pinnedSourceActions)
  const short = shortSha(r.commitSha)
  if (sameCommit(revision, r.commitSha) && !isTerminal(first.status) && firstRunVersionMatches(r)) {
    deps.log.info(`Adopted execution ${id}: AWS started it on create and it builds ${short}.`)
    const note = `Adopted execution ${id}, which AWS started on create for the same commit, instead of starting a second one.`
    return { executionId: id, adopted: true, status: first.status ?? 'InProgress', notes: [note] }
  }
  const why =
    revision === undefined
      ? 'has not reported its commit'
      : !sameCommit(revision, r.commitSha)
        ? `builds ${shortSha(revision)}, not ${short}`
        : isTerminal(first.status)
          ? `already ended (${first.status})`
          : `runs with VERSION=${r.versionDefault}, not ${r.version}`
  return { notes: [`AWS's first execution ${id} ${why}; started a new execution for ${short}.`] }
}

/** StartPipelineExecution on the commit (pinned where the declaration allows) with VERSION, when declared. */
async function startNew(
  cp: CodePipelineClient,
  r: StartRequest,
  deps: Pick<ModeDeps, 'log'>,
  notesSoFar: string[],
): Promise<StartOutcome> {
  const notes = [...notesSoFar]
  const short = shortSha(r.commitSha)
  const variables =
    r.hasVersionVariable && r.version ? [{ name: VERSION_VARIABLE, value: r.version }] : undefined
  if (!r.hasVersionVariable)
    notes.push(
      `The pipeline declares no ${VERSION_VARIABLE} variable, so VERSION was not passed to the execution.`,
    )
  if (r.pinnedSourceActions.length === 0)
    notes.push(
      `No CodeConnections source of this repository to pin: the execution builds the head of the source branch, not necessarily ${short}.`,
    )
  const out = await call('codepipeline', 'StartPipelineExecution', () =>
    cp.send(
      new StartPipelineExecutionCommand({
        name: r.pipelineName,
        variables,
        sourceRevisions: r.pinnedSourceActions.length
          ? r.pinnedSourceActions.map((actionName) => ({
              actionName,
              revisionType: 'COMMIT_ID',
              revisionValue: r.commitSha,
            }))
          : undefined,
        clientRequestToken: r.clientRequestToken,
      }),
    ),
  )
  const executionId = out.pipelineExecutionId ?? ''
  deps.log.info(
    `Started execution ${executionId} of ${short}${variables ? ` with VERSION=${r.version}` : ''}.`,
  )
  return { executionId, adopted: false, status: 'InProgress', notes }
}
