// What each step of create-pipeline gets (the step's context) and gives back (what it did, gathered by run.ts
// into the details reports render), and the two ways a step stops short: Stop with a line for the user, or
// Unfinished when it fails after doing something that must still be reported.
import type { CodePipelineClient } from '@aws-sdk/client-codepipeline'
import type { CreatePipelineConfig } from '../config/types.js'
import type { ModeDeps } from '../deps.js'
import type { CreatePipelineDetails } from '../result.js'
import type { DesiredPipeline } from './definition.js'

export interface StepContext {
  config: CreatePipelineConfig
  deps: ModeDeps
  desired: DesiredPipeline
  /** The pipeline's name: the definition file's, or the pipeline-name input. */
  name: string
  cp: CodePipelineClient
  /** Reads are waited out while AWS throttles or answers with something transient, until the deadline. */
  patience: { deadline: number; intervalMs: number }
}

/** What a step did, for the details: notes add up, the other fields replace what an earlier step said. */
export type Done = Partial<Omit<CreatePipelineDetails, 'kind' | 'pipelineName' | 'stages'>>

export function withDone(details: CreatePipelineDetails, done: Done): CreatePipelineDetails {
  return { ...details, ...done, notes: [...details.notes, ...(done.notes ?? [])] }
}

/** Ends the mode with a failure line (already user-facing). */
export class Stop extends Error {
  constructor(
    message: string,
    readonly cancelled = false,
  ) {
    super(message)
  }
}

/** A step that failed part way: `error` is why, `done` what it had changed before (still reported). */
export class Unfinished extends Error {
  constructor(
    readonly error: unknown,
    readonly done: Done,
  ) {
    super('a step failed part way')
  }
}

/** Runs `work`; if it throws, `done` (what the step had done before) is kept for the report. */
export async function keepOnFailure<T>(done: Done, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (e) {
    throw new Unfinished(e, done)
  }
}
