// AWS's structural limits on a pipeline declaration, checked before any write call so that a value that is
// too long (a CodeBuild EnvironmentVariables string, a branch name) is named precisely instead of surfacing
// as AWS's generic ValidationException. AWS still has the last word on everything else.
import type { PipelineDeclaration } from '@aws-sdk/client-codepipeline'

const NAME = /^[A-Za-z0-9.@\-_]{1,100}$/
const ARTIFACT = /^[a-zA-Z0-9_-]{1,100}$/
const BUCKET = /^[a-zA-Z0-9.-]{3,63}$/
const VARIABLE = /^[A-Za-z0-9@\-_]{1,128}$/
export const MAX_CONFIGURATION_VALUE = 1000
export const MAX_CONFIGURATION_KEY = 50

/** Every problem found, each naming where it is; empty when the declaration is within AWS's limits. */
export function declarationProblems(d: PipelineDeclaration): string[] {
  const problems: string[] = []
  const name = (what: string, value: string | undefined, pattern = NAME) => {
    if (value === undefined || !pattern.test(value))
      problems.push(
        `${what} ${JSON.stringify(value ?? '')} must be 1–100 characters of ${pattern === NAME ? 'A-Z a-z 0-9 . @ - _' : 'A-Z a-z 0-9 - _'}`,
      )
  }
  name('pipeline name', d.name)
  if (!d.roleArn) problems.push('roleArn is missing (set role-arn or "roleArn" in the definition)')
  if (d.artifactStore && !BUCKET.test(d.artifactStore.location ?? ''))
    problems.push(
      `artifact store location ${JSON.stringify(d.artifactStore.location ?? '')} must be an S3 bucket name of 3–63 characters`,
    )
  if (!d.artifactStore && !d.artifactStores)
    problems.push('artifactStore is missing (the S3 bucket for artifacts)')
  const stages = d.stages ?? []
  if (stages.length < 2 || stages.length > 50)
    problems.push(`a pipeline has 2–50 stages; this one has ${stages.length}`)
  for (const v of d.variables ?? []) {
    if (!VARIABLE.test(v.name ?? ''))
      problems.push(`variable name ${JSON.stringify(v.name ?? '')} is invalid`)
    if (v.defaultValue !== undefined && (v.defaultValue.length < 1 || v.defaultValue.length > 1000))
      problems.push(`variable ${v.name} default value must be 1–1000 characters`)
  }
  for (const stage of stages) {
    name('stage name', stage.name)
    const actions = stage.actions ?? []
    if (actions.length < 1 || actions.length > 50)
      problems.push(`stage ${stage.name} has ${actions.length} actions; a stage has 1–50`)
    for (const action of actions) {
      const where = `${stage.name} › ${action.name}`
      name(`action name in stage ${stage.name}`, action.name)
      for (const a of [...(action.inputArtifacts ?? []), ...(action.outputArtifacts ?? [])])
        name(`artifact name in ${where}`, a.name, ARTIFACT)
      for (const [key, value] of Object.entries(action.configuration ?? {})) {
        if (key.length < 1 || key.length > MAX_CONFIGURATION_KEY)
          problems.push(`${where}: configuration key "${key}" must be 1–${MAX_CONFIGURATION_KEY} characters`)
        if (typeof value !== 'string')
          problems.push(
            `${where}: configuration ${key} must be a string (JSON-valued settings are serialised)`,
          )
        else if (value.length < 1)
          problems.push(
            `${where}: configuration ${key} is empty; AWS requires 1–${MAX_CONFIGURATION_VALUE} characters`,
          )
        else if (value.length > MAX_CONFIGURATION_VALUE)
          problems.push(
            `${where}: configuration ${key} is ${value.length} characters; AWS allows at most ${MAX_CONFIGURATION_VALUE}`,
          )
      }
    }
  }
  return problems
}
