/** A bad input: raised before any network call; its message names the input and what is accepted. */
export class InputError extends Error {
  /**
   * `inputs` lists every input the problem comes from when that is more than one: a derived name such as the
   * pipeline name "<project-name>-<environment>" is the user's project-name and environment, not pipeline-name.
   */
  constructor(
    readonly input: string,
    readonly problem: string,
    readonly inputs: readonly string[] = [input],
  ) {
    super(
      inputs.length > 1
        ? `Inputs ${inputs.map((i) => `"${i}"`).join(' + ')}: ${problem}`
        : `Input "${input}": ${problem}`,
    )
    this.name = 'InputError'
  }
}

/** Several bad inputs reported at once, so a user fixes them in one round. */
export class InputErrors extends Error {
  constructor(readonly errors: InputError[]) {
    super(errors.map((e) => e.message).join('\n'))
    this.name = 'InputErrors'
  }
}

/** `got "…"` as shown() quotes a value: whole, or cut short. */
const QUOTED_VALUE = /got "(?:[^"\\]|\\.)*"/g

/**
 * The errors as they may be printed when inputs carry secrets: a problem that quotes a value containing a
 * secret — whole, or cut short mid-secret where redaction could no longer find it — names it instead of quoting
 * it, and whatever else is left is redacted.
 */
export function withoutSecrets(
  errors: readonly InputError[],
  valueOf: (input: string) => string,
  redact: (text: string) => string,
): InputError[] {
  return errors.map((e) => {
    const carriesSecret = e.inputs.some((input) => {
      const value = valueOf(input)
      return redact(value) !== value
    })
    const problem = carriesSecret
      ? e.problem.replace(QUOTED_VALUE, 'got a value that contains the value of a secret input (not shown)')
      : e.problem
    return new InputError(e.input, redact(problem), e.inputs)
  })
}
