// AWS errors turned into the one line a user can act on: which pipeline, which call, AWS's own message, and
// what to do about it (for access denied: the IAM action to allow). Pure.
import { errorCode, isAccessDenied, isMissingCredentials, isThrottling } from '../aws-errors.js'

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

/** The IAM actions a call needs from the caller. */
export function iamActionsFor(operation: string, roleArn?: string): string[] {
  const actions = [`codepipeline:${operation}`]
  if ((operation === 'CreatePipeline' || operation === 'UpdatePipeline') && roleArn)
    actions.push(`iam:PassRole on ${roleArn}`)
  else if (operation === 'CreatePipeline' || operation === 'UpdatePipeline')
    actions.push('iam:PassRole on the pipeline role')
  return actions
}

const WRITES = new Set(['CreatePipeline', 'UpdatePipeline'])

function hint(error: unknown, operation: string, ctx: FailureContext): string | undefined {
  const code = errorCode(error)
  if (isAccessDenied(error))
    return `Allow ${iamActionsFor(operation, ctx.roleArn).join(' and ')} for the credentials this step uses.`
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
  if (isMissingCredentials(error))
    return 'Configure AWS credentials for this job first (aws-actions/configure-aws-credentials).'
  return undefined
}

/** `Pipeline "shop-staging": CreatePipeline failed — InvalidStructureException: <AWS message>. <what to do>` */
export function failureLine(operation: string, error: unknown, ctx: FailureContext): string {
  const code = errorCode(error)
  const message = ((error as { message?: string })?.message ?? String(error)).replace(/\s+/g, ' ').trim()
  const verb = isAccessDenied(error)
    ? 'was denied'
    : DECLARATION_ERRORS.has(code)
      ? 'was rejected by AWS'
      : 'failed'
  const what = `Pipeline "${ctx.pipelineName}": ${operation} ${verb} — ${code}: ${message || '(no message)'}`
  const h = hint(error, operation, ctx)
  return h ? `${what}${/[.!?]$/.test(what) ? '' : '.'} ${h}` : what
}

/** The error thrown by a step of create-pipeline; its message is already the user-facing line. */
export class PipelineStepError extends Error {
  constructor(
    readonly operation: string,
    message: string,
    readonly code?: string,
  ) {
    super(message)
    this.name = 'PipelineStepError'
  }
}

export function stepError(operation: string, error: unknown, ctx: FailureContext): PipelineStepError {
  return new PipelineStepError(
    operation,
    failureLine(operation, error, ctx),
    (error as { name?: string })?.name,
  )
}
