// AWS errors turned into the one line a user can act on: which pipeline, which call, AWS's own message, and
// what to do about it (for access denied: the IAM action to allow). Pure.
import { errorCode, failureLine as callFailureLine, iamAction, isThrottling } from '../aws-errors.js'

export interface FailureContext {
  pipelineName: string
  /** The role CreatePipeline/UpdatePipeline pass to CodePipeline (needs iam:PassRole). */
  roleArn?: string
  /** The user's definition file, when the declaration came from one. */
  definitionPath?: string
  maxAttempts?: number
}

const DECLARATION_ERRORS = new Set([
  'InvalidStructureException',
  'InvalidStageDeclarationException',
  'InvalidActionDeclarationException',
  'InvalidBlockerDeclarationException',
  'ValidationException',
])

/** What CreatePipeline/UpdatePipeline need besides their own action: passing the pipeline's role. */
function passRole(operation: string, roleArn?: string): string[] {
  if (!WRITES.has(operation)) return []
  return [roleArn ? `iam:PassRole on ${roleArn}` : 'iam:PassRole on the pipeline role']
}

/** The IAM actions a call needs from the caller. */
export function iamActionsFor(operation: string, roleArn?: string): string[] {
  return [iamAction({ service: 'codepipeline', operation }), ...passRole(operation, roleArn)]
}

const WRITES = new Set(['CreatePipeline', 'UpdatePipeline'])

/** Advice for CodePipeline's own errors (access denied and missing credentials are aws-errors.ts's). */
function hint(error: unknown, operation: string, ctx: FailureContext): string | undefined {
  const code = errorCode(error)
  if (DECLARATION_ERRORS.has(code))
    return ctx.definitionPath
      ? `Fix the declaration in ${ctx.definitionPath}.`
      : 'Check the create-pipeline inputs the declaration is built from (see the diff in the job summary).'
  // For a write, LimitExceededException is a quota (pipelines per Region, actions per pipeline), not a rate.
  if (code === 'LimitExceededException' && WRITES.has(operation))
    return 'An AWS quota was reached (e.g. pipelines per Region or actions per pipeline); the SDK retried it as throttling before giving up. Request a quota increase or remove unused pipelines.'
  if (isThrottling(error))
    return `AWS kept throttling after ${ctx.maxAttempts ?? 'the configured'} attempts; raise max-attempts or re-run later.`
  switch (code) {
    case 'PipelineNameInUseException':
      return 'A pipeline of this name appeared between the read and the create (a concurrent run?); re-run to update it instead.'
    case 'ConcurrentModificationException':
      return 'The pipeline was changed by someone else at the same time; re-run.'
    case 'InvalidTagsException':
    case 'TooManyTagsException':
      return 'Check the tags input (at most 50 tags; keys must not start with "aws:").'
    case 'PipelineNotFoundException':
      return 'The pipeline disappeared while this step ran (deleted concurrently?); re-run.'
    case 'ConcurrentPipelineExecutionsLimitExceededException':
      return 'Too many executions of this pipeline are already running; wait for some to finish.'
    case 'ConflictException':
      return 'AWS refused the start as conflicting with another request with the same client token; re-run the workflow.'
  }
  return undefined
}

/** `Pipeline "shop-staging": CreatePipeline failed — InvalidStructureException: <AWS message>. <what to do>` */
export function failureLine(operation: string, error: unknown, ctx: FailureContext): string {
  return callFailureLine({ service: 'codepipeline', operation }, error, {
    subject: `Pipeline "${ctx.pipelineName}"`,
    extraActions: passRole(operation, ctx.roleArn),
    rejected: DECLARATION_ERRORS.has(errorCode(error)),
    hint: hint(error, operation, ctx),
  })
}
