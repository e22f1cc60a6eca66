/** A bad input: raised before any network call; its message names the input and what is accepted. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    readonly problem: string,
  ) {
    super(`Input "${input}": ${problem}`)
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
