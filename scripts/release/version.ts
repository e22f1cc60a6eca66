// Release versions: exactly MAJOR.MINOR.PATCH (tags carry a leading v), compared numerically.

export interface Version {
  major: number
  minor: number
  patch: number
}

const VERSION = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/

/** '1.2.3' or 'v1.2.3' → the version; anything else (pre-releases, build metadata, leading zeros) → undefined. */
export function parseVersion(text: string): Version | undefined {
  const match = VERSION.exec(text.trim())
  if (!match) return undefined
  const [, major, minor, patch] = match
  if (major === undefined || minor === undefined || patch === undefined) return undefined
  return { major: Number(major), minor: Number(minor), patch: Number(patch) }
}

export function compareVersions(a: Version, b: Version): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch
}

export const formatVersion = (v: Version): string => `${v.major}.${v.minor}.${v.patch}`

/** The full tag (v1.2.3) and the moving major tag (v1) of a version. */
export const releaseTag = (v: Version): string => `v${formatVersion(v)}`
export const majorTag = (v: Version): string => `v${v.major}`

/** The highest of the tags that are release versions (v1.2.3); other tags (v1, latest, …) are ignored. */
export function newestRelease(tags: readonly string[]): Version | undefined {
  const versions = tags
    .filter((tag) => tag.startsWith('v'))
    .map(parseVersion)
    .filter((v): v is Version => v !== undefined)
  return versions.sort(compareVersions).at(-1)
}
