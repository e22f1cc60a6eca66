// A step run in-process as the runner would run it in its own process: the step's environment in process.env and
// its stdout captured (where @actions/core writes workflow commands), both put back afterwards, and no exit code
// left behind — shared by the invariant matrix's harness and the examples' step runner.

/** Runs `body` with `env` as process.env and stdout captured; what it wrote comes back with its value. */
export async function inStepProcess<T>(
  env: NodeJS.ProcessEnv,
  body: () => Promise<T>,
): Promise<{ stdout: string; value: T }> {
  const saved = { ...process.env }
  const write = process.stdout.write.bind(process.stdout)
  let stdout = ''
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString()
    return true
  }) as typeof process.stdout.write
  try {
    Object.assign(process.env, env)
    const value = await body()
    return { stdout, value }
  } finally {
    process.stdout.write = write
    process.exitCode = undefined
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k]
    Object.assign(process.env, saved)
  }
}
