// Remembers which AWS call failed, so the failure line can name it (and the IAM action it needs).

export class AwsCallError extends Error {
  constructor(
    readonly operation: string,
    readonly error: unknown,
  ) {
    super(`${operation}: ${(error as Error)?.message ?? String(error)}`)
    this.name = 'AwsCallError'
  }
}

export async function call<T>(operation: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (e) {
    throw new AwsCallError(operation, e)
  }
}
