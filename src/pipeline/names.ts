// The fixed names of the generated pipeline's stages, actions, artifacts and variables. Buildspecs, the
// emulator's scenarios and the docs refer to them, so they are part of the public contract.

export const Stage = {
  Source: 'Source',
  Build: 'Build',
  Test: 'Test',
  Approval: 'Approval',
  Deploy: 'Deploy',
} as const

export const Action = {
  Source: 'Source',
  Build: 'Build',
  UnitTest: 'UnitTest',
  IntegrationTest: 'IntegrationTest',
  Approval: 'Approval',
  Deploy: 'Deploy',
} as const

export const Artifact = { Source: 'SourceArtifact', Build: 'BuildArtifact' } as const

/** Namespace of the Source action's output variables (`#{SourceVariables.CommitId}`). */
export const SOURCE_NAMESPACE = 'SourceVariables'

/** The pipeline variable the Build action passes to CodeBuild. */
export const VERSION_VARIABLE = 'VERSION'

/**
 * VERSION's default value: what a run not started by this action (a push, a console "Release change") gets.
 * It cannot be the release version itself, or every new version would change the pipeline. The buildspec
 * contract: `auto` means "use the first 7 characters of COMMIT_ID" — the action's own default version.
 */
export const VERSION_DEFAULT = 'auto'
