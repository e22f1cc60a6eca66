// The OIDC side of a workflow example: the subject claim GitHub puts in the job's token, and the subjects a
// CloudFormation role trusts, so that the deploy role docs/before-you-start.md creates lets each example in.
import type { CloudFormationTemplate, Example, Workflow } from './examples.js'
import { interpolate } from './expressions.js'
import { branchesOf, simulate, type Simulation } from './simulation.js'
import { REPOSITORY } from './world.js'

export const OIDC_URL = 'https://token.actions.githubusercontent.com'
const SUB = 'token.actions.githubusercontent.com:sub'

export interface JobIdentity {
  /** The role the job's configure-aws-credentials step assumes. */
  role: string
  subject: string
}

/** Each job of a workflow example that assumes a role, with the `sub` claim of its token. */
export function jobIdentities(example: Example): JobIdentity[] {
  const shape = example.shape
  if (shape.kind !== 'workflow') return []
  return branchesOf(example).flatMap((branch) => identities(shape.workflow, simulate(example, branch)))
}

function identities(workflow: Workflow, sim: Simulation): JobIdentity[] {
  return Object.values(workflow.jobs).flatMap((job) => {
    const step = (job.steps ?? []).find((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'))
    const role = step?.with?.['role-to-assume']
    if (typeof role !== 'string') return []
    const environment =
      typeof job.environment === 'string' ? interpolate(job.environment, sim.context) : undefined
    const subject = environment
      ? `repo:${REPOSITORY}:environment:${environment}`
      : sim.event === 'pull_request'
        ? `repo:${REPOSITORY}:pull_request`
        : `repo:${REPOSITORY}:ref:refs/heads/${sim.branch}`
    return [{ role, subject }]
  })
}

interface TrustStatement {
  Principal?: { Federated?: unknown }
  Action?: string
  Condition?: { StringEquals?: Record<string, unknown>; StringLike?: Record<string, unknown> }
}

/** Role name → the `sub` patterns its trust policy accepts from GitHub's provider (parameters at their defaults). */
export function trustedSubjects(template: CloudFormationTemplate): Record<string, RegExp[]> {
  const out: Record<string, RegExp[]> = {}
  for (const resource of Object.values(template.Resources)) {
    if (resource.Type !== 'AWS::IAM::Role') continue
    const props = resource.Properties as {
      RoleName: string
      AssumeRolePolicyDocument: { Statement: TrustStatement[] }
    }
    const statements = props.AssumeRolePolicyDocument.Statement.filter(
      (s) =>
        s.Action === 'sts:AssumeRoleWithWebIdentity' &&
        s.Condition?.StringEquals?.['token.actions.githubusercontent.com:aud'] === 'sts.amazonaws.com',
    )
    out[props.RoleName] = statements.flatMap((s) =>
      [s.Condition?.StringLike?.[SUB] ?? s.Condition?.StringEquals?.[SUB] ?? []]
        .flat()
        .map((p) => pattern(p, template)),
    )
  }
  return out
}

/** A StringLike value (`*` and `?` wildcards), `Fn::Sub` resolved against the parameters' defaults. */
function pattern(value: unknown, template: CloudFormationTemplate): RegExp {
  const raw =
    typeof value === 'object' && value !== null && 'Fn::Sub' in value
      ? String(value['Fn::Sub'])
      : String(value)
  const text = raw.replace(
    /\$\{(\w+)\}/g,
    (_m, name: string) => template.Parameters?.[name]?.Default ?? `\${${name}}`,
  )
  const escaped = text
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.')
  return new RegExp(`^${escaped}$`)
}

/** Whether the template declares GitHub's OIDC provider for the audience configure-aws-credentials asks for. */
export function declaresGitHubProvider(template: CloudFormationTemplate): boolean {
  return Object.values(template.Resources).some((r) => {
    const p = r.Properties as { Url?: string; ClientIdList?: string[] } | undefined
    return (
      r.Type === 'AWS::IAM::OIDCProvider' &&
      p?.Url === OIDC_URL &&
      !!p.ClientIdList?.includes('sts.amazonaws.com')
    )
  })
}
