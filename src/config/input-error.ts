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
