// A version's release notes are its section of CHANGELOG.md (Keep a Changelog): the lines under
// "## [1.2.3] - 2026-12-05" up to the next "## " heading, without the link definitions at the file's end, and with
// hard-wrapped lines joined: GitHub shows a line break in a release body as a break, like in a comment.

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
  return unwrap(body.filter((line) => !LINK_DEFINITION.test(line)))
    .join('\n')
    .trim()
}

const BLOCK_START = /^\s*(?:[-*+] |\d+[.)] |#|>|\||```|~~~)/
const FENCE = /^\s*(?:```|~~~)/

/** Joins each continuation line (not blank, not starting a block) onto the line before it; code fences stay as they are. */
export function unwrap(lines: readonly string[]): string[] {
  const out: string[] = []
  let inFence = false
  for (const line of lines) {
    const previous = out.at(-1)
    const continues = !inFence && line.trim() !== '' && !BLOCK_START.test(line) && joinable(previous)
    if (FENCE.test(line)) inFence = !inFence
    if (continues) out[out.length - 1] = `${previous!.trimEnd()} ${line.trim()}`
    else out.push(line)
  }
  return out
}

/** A paragraph or list item can take a continuation; a blank line, a heading, a table row or a fence cannot. */
function joinable(line: string | undefined): boolean {
  return line !== undefined && line.trim() !== '' && !/^\s*(?:#|\||```|~~~)/.test(line)
}

/** "## [1.2.3] - date" → '1.2.3'; "## [Unreleased]" and other lines → undefined. */
function headingVersion(line: string): string | undefined {
  const name = SECTION_HEADING.exec(line)?.[1]
  const version = name === undefined ? undefined : parseVersion(name)
  return version && formatVersion(version)
}
