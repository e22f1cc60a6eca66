// The two guards of the generated Deploy stage, each opt-in: a manual approval stage before it (what approvers
// are told: an SNS topic, a review URL, a note) and an automatic rollback when it fails.
import { Inputs, SecretInputs, type InputName } from '../inputs.js'
import { secretIn, type NamedSecret } from '../secrets.js'
import { CONFIGURATION_VALUE } from './constraints.js'
import { InputError } from './input-error.js'
import { nameParser, parseArn, parseBoolean, parseReviewUrl } from './parse.js'
import type { Reader } from './reader.js'
import type { ApprovalStage, CreatePipelineConfig, ExecutionMode } from './types.js'

type Guards = Pick<CreatePipelineConfig, 'approval' | 'rollbackOnFailure'>

/** The approval's details, each with the configuration key it fills. */
const DETAILS = [Inputs.ApprovalSnsTopicArn, Inputs.ApprovalReviewUrl, Inputs.ApprovalComment] as const

export interface GuardContext {
  region: string
  /** False with a pipeline-definition: the file's declaration is sent as it is. */
  generated: boolean
  executionMode?: ExecutionMode
  /** The step's secrets (secrets.ts): none may travel in what approvers are told. */
  secrets: NamedSecret[]
}

export function readDeployGuards(r: Reader, c: GuardContext): Guards | undefined {
  const approvalOn = r.parse(Inputs.Approval, parseBoolean)
  const details = readApprovalDetails(r, c)
  const rollbackOnFailure = r.parse(Inputs.RollbackOnFailure, parseBoolean)
  if (approvalOn === false) for (const input of DETAILS) if (r.given(input)) notOptedIn(r, input)
  if (!c.generated) {
    if (approvalOn) onlyGenerated(r, Inputs.Approval, 'the approval stage')
    if (rollbackOnFailure)
      onlyGenerated(r, Inputs.RollbackOnFailure, 'onFailure: { result: ROLLBACK } on a stage')
  }
  // "PARALLEL pipelines cannot use stage rollback or onFailure.result = ROLLBACK" (aws-api.md §1.1).
  if (rollbackOnFailure && c.executionMode === 'PARALLEL')
    r.problem(
      Inputs.RollbackOnFailure,
      'is "true" but execution-mode is "PARALLEL", whose stages CodePipeline cannot roll back; accepted: rollback-on-failure: false, or execution-mode QUEUED or SUPERSEDED.',
    )
  if (approvalOn === undefined || details === undefined || rollbackOnFailure === undefined) return undefined
  return { approval: approvalOn ? details : undefined, rollbackOnFailure }
}

/** NotificationArn, ExternalEntityLink and CustomData, as given (undefined when one of them is bad). */
function readApprovalDetails(r: Reader, c: GuardContext): ApprovalStage | undefined {
  const snsTopicArn = r.parse(Inputs.ApprovalSnsTopicArn, (i, v) => parseArn(i, v, 'approvalTopic', c.region))
  const reviewUrl = r.parse(Inputs.ApprovalReviewUrl, noSecret(c.secrets, 'a link', parseReviewUrl))
  const comment = r.parse(
    Inputs.ApprovalComment,
    noSecret(c.secrets, 'a note', nameParser(CONFIGURATION_VALUE('the approval comment'))),
  )
  if (DETAILS.some((input) => r.given(input) && r.has(input))) return undefined
  return { snsTopicArn, reviewUrl, comment }
}

/**
 * The review URL and the comment are masked in the step's own log, but CreatePipeline/UpdatePipeline store them
 * in the pipeline's declaration and CodePipeline sends them to approvers: a secret there would leave in clear.
 * Checked before the value's own rule, whose error may quote the value.
 */
function noSecret<T>(
  secrets: NamedSecret[],
  what: string,
  parse: (input: string, value: string) => T,
): (input: string, value: string) => T {
  return (input, value) => {
    const secret = secretIn(value, secrets)
    if (secret === undefined) return parse(input, value)
    throw new InputError(
      input,
      `contains the value of ${whereFrom(secret)} (value hidden: it is a secret); accepted: ${what} that holds no secret — CodePipeline stores it in the pipeline declaration and shows it to approvers unmasked.`,
    )
  }
}

function whereFrom(secret: NamedSecret): string {
  return (SecretInputs as readonly string[]).includes(secret.from)
    ? `the secret input ${secret.from}`
    : `the environment variable ${secret.from}`
}

// An approval stage holds every deploy until a person acts: it is never switched on as a side effect of
// another input, and a detail given without it is named rather than silently dropped.
function notOptedIn(r: Reader, input: InputName): void {
  r.problem(
    input,
    `is set but approval is "false"; the approval stage is opt-in: set approval: true to add it, or leave ${input} empty.`,
  )
}

function onlyGenerated(r: Reader, input: InputName, what: string): void {
  r.problem(
    input,
    `is "true" but pipeline-definition replaces the generated pipeline; accepted: ${input}: false with pipeline-definition (declare ${what} in that file instead).`,
  )
}
