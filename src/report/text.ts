// Small text helpers shared by every report: durations, short ids, length bounds.
import { shortSha as short } from '../text.js'

/** `95` → `1m 35s`; `3725` → `1h 2m`; undefined stays undefined. */
export function formatDuration(seconds: number | undefined): string | undefined {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return undefined
  const s = Math.round(seconds)
  if (s < 60) return `${s}s`
  const m = Math.floor(s / 60)
  if (m < 60) return `${m}m ${s % 60}s`
  return `${Math.floor(m / 60)}h ${m % 60}m`
}

/** Seconds between two ISO-8601 instants, when both are known and in order. */
export function secondsBetween(start?: string, end?: string): number | undefined {
  if (!start || !end) return undefined
  const d = (Date.parse(end) - Date.parse(start)) / 1000
  return Number.isFinite(d) && d >= 0 ? d : undefined
}

/** `2026-11-05T10:11:12.345Z` → `10:11:12 UTC` (the date is the run's, the time is what readers compare). */
export function clockTime(iso?: string): string | undefined {
  if (!iso) return undefined
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? undefined : `${d.toISOString().slice(11, 19)} UTC`
}

export function shortSha(sha?: string): string | undefined {
  return sha ? short(sha) : undefined
}

/** Cuts `text` to at most `max` characters, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text
  return max <= 1 ? text.slice(0, max) : text.slice(0, max - 1) + '…'
}

/** One line: newlines and runs of whitespace become single spaces. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** Printable ASCII only (e-mail subjects): accents dropped, other characters replaced by `?`. */
export function printableAscii(text: string): string {
  return oneLine(text)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '?')
}

/** Value of a check (number, string or null) as a reader wants it. */
export function formatValue(value: string | number | null | undefined): string {
  if (value === undefined || value === null) return '—'
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return String(value)
    return String(Number(value.toPrecision(4)))
  }
  return value
}
