// The names the action derives from project-name and environment when their own input is empty: one table,
// saying what each default is made of and how an error message shows it.
import { Inputs, type InputName } from '../inputs.js'
import type { NameRule } from './constraints.js'
import type { Derivation, Reader, Sources } from './reader.js'

/** What the defaults are made of, as the user set them. */
export interface ProjectNames {
  projectName?: string
  environment?: string
}

export interface NameDefault {
  /** The inputs it is made of. */
  from: Sources
  /** The default as a message shows it: "<project-name>-<environment>-build". */
  shown: string
  value(names: ProjectNames): string | undefined
}

const ENVIRONMENT: NameDefault = {
  from: [Inputs.Environment],
  shown: '<environment>',
  value: (n) => n.environment,
}

const PROJECT_NAME: NameDefault = {
  from: [Inputs.ProjectName],
  shown: '<project-name>',
  value: (n) => n.projectName,
}

/** `<project-name>-<environment>` followed by `suffix`. */
const projectEnvironment = (suffix = ''): NameDefault => ({
  from: [Inputs.ProjectName, Inputs.Environment],
  shown: `"<project-name>-<environment>${suffix}"`,
  value: (n) => (n.projectName && n.environment ? `${n.projectName}-${n.environment}${suffix}` : undefined),
})

export const DEFAULT_NAMES = {
  [Inputs.PipelineName]: projectEnvironment(),
  [Inputs.Branch]: ENVIRONMENT,
  [Inputs.ArtifactBucket]: projectEnvironment('-artifacts'),
  [Inputs.BuildProject]: projectEnvironment('-build'),
  [Inputs.TestProject]: projectEnvironment('-test'),
  [Inputs.Cluster]: projectEnvironment(),
  [Inputs.Service]: PROJECT_NAME,
} as const satisfies Partial<Record<InputName, NameDefault>>

export type DefaultedInput = keyof typeof DEFAULT_NAMES

/** The default of `input` as the reader takes it: undefined when what it is made of is not set. */
export function derivation(input: DefaultedInput, names: ProjectNames): Derivation | undefined {
  const d: NameDefault = DEFAULT_NAMES[input]
  const value = d.value(names)
  return value === undefined ? undefined : { value, from: d.from }
}

/**
 * A name held to `rule` whether set or derived, and required when neither the input nor what it derives from
 * is set. `hint` is said after "set it" in that case.
 */
export function readDefaultedName(
  r: Reader,
  input: DefaultedInput,
  rule: NameRule,
  names: ProjectNames,
  hint = '',
): string | undefined {
  const d: NameDefault = DEFAULT_NAMES[input]
  const v = r.name(input, rule, derivation(input, names))
  if (v === undefined && !r.given(input) && !r.derivedFailed(d.from))
    r.problem(
      input,
      `is required: set it${hint}, or project-name and environment (it defaults to ${d.shown}).`,
    )
  return v
}

/** Reads names with defaults, in the table's order (the order their problems are reported in). */
export function readDefaultedNames<K extends string>(
  r: Reader,
  rules: Record<K, [DefaultedInput, NameRule]>,
  names: ProjectNames,
): Record<K, string | undefined> {
  const read = (Object.keys(rules) as K[]).map((key) => {
    const [input, rule] = rules[key]
    return [key, readDefaultedName(r, input, rule, names)] as const
  })
  return Object.fromEntries(read) as Record<K, string | undefined>
}
