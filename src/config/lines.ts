// How a list input reads: one value per line. Pure; its own module so that the parsers (parse.ts) and the
// rules (constraints.ts) split a list the same way without importing each other.

/** Newline-separated list; blank lines dropped. */
export function parseLines(value: string): string[] {
  return value
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
}
