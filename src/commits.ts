// Commit SHAs as every mode speaks of them: the short form shown to people and used as the default version,
// and the one test of "does this execution run this commit?". Pure.

/** Git's usual abbreviation, and what the buildspec's VERSION `auto` takes of COMMIT_ID. */
export const SHORT_SHA_LENGTH = 7
/** A full SHA-1 commit id; anything shorter is an abbreviation. */
const FULL_SHA_LENGTH = 40

export function shortSha(sha: string): string {
  return sha.slice(0, SHORT_SHA_LENGTH)
}

/**
 * The version when the `version` input is not given: the short commit SHA. create-pipeline's adoption test
 * (does AWS's first execution, VERSION `auto`, build the version asked for?) relies on this being the same.
 */
export function defaultVersion(commitSha: string | undefined): string | undefined {
  return commitSha ? shortSha(commitSha) : undefined
}

/**
 * Whether a source revision is the commit: case-insensitive; equal, or — only when one side is abbreviated —
 * the abbreviation (at least 7 characters) is a prefix of the other. Two different full SHAs never match.
 */
export function sameCommit(revision: string | undefined, sha: string | undefined): boolean {
  if (!revision || !sha) return false
  const a = revision.toLowerCase()
  const b = sha.toLowerCase()
  if (a === b) return true
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  return short.length >= SHORT_SHA_LENGTH && short.length < FULL_SHA_LENGTH && long.startsWith(short)
}

/** The version worth showing beside the commit: none when it only names the commit (the default short SHA). */
export function versionBesidesCommit(
  version: string | undefined,
  commitSha: string | undefined,
): string | undefined {
  return version && !sameCommit(version, commitSha) ? version : undefined
}
