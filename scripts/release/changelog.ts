// A version's release notes are its section of CHANGELOG.md (Keep a Changelog): the lines under
// "## [1.2.3] - 2026-12-05" up to the next "## " heading, without the link definitions at the file's end.

import { formatVersion, parseVersion, type Version } from './version.js'

const SECTION_HEADING = /^## \[?([^\]\s]+)\]?(?:\s|$)/
const LINK_DEFINITION = /^\[[^\]]+\]:\s/

/** The body of the version's section, trimmed; undefined when there is no such section. */
export function releaseNotes(changelog: string, version: Version): string | undefined {
  const lines = changelog.split(/\r?\n/)
  const start = lines.findIndex((line) => headingVersion(line) === formatVersion(version))
  if (start < 0) return undefined
  const length = lines.slice(start + 1).findIndex((line) => SECTION_HEADING.test(line))
  const body = lines.slice(start + 1, length < 0 ? undefined : start + 1 + length)
  return body
    .filter((line) => !LINK_DEFINITION.test(line))
    .join('\n')
    .trim()
}

/** "## [1.2.3] - date" → '1.2.3'; "## [Unreleased]" and other lines → undefined. */
function headingVersion(line: string): string | undefined {
  const name = SECTION_HEADING.exec(line)?.[1]
  const version = name === undefined ? undefined : parseVersion(name)
  return version && formatVersion(version)
}
