// How times, durations and values read, written down once for the modes' sentences and every report:
// durations, minutes of a timeout, instants, length bounds, plain text. Pure.

/** `95` → `1m 35s`; `3725` → `1h 2m` (as GitHub shows a job's duration); undefined for no duration. */
export function formatDuration(seconds: number | undefined): string | undefined {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return undefined
  const s = Math.round(seconds)
  if (s < 60) return `${s}s`
  const m = Math.floor(s / 60)
  if (m < 60) return `${m}m ${s % 60}s`
  return `${Math.floor(m / 60)}h ${m % 60}m`
}

/**
 * `4600` → `5 s`: milliseconds as whole seconds, the wording of a wait in the log and in a check's message.
 * `up` rounds up (a wait still to come is not understated).
 */
export function seconds(ms: number, rounding: 'nearest' | 'up' = 'nearest'): string {
  return `${(rounding === 'up' ? Math.ceil : Math.round)(ms / 1000)} s`
}

/** `after waiting 125 s (timeout-minutes 3)`: how long a wait lasted and what bounded it, said once. */
export function waitedFor(ms: number, budget: string): string {
  return `after waiting ${seconds(ms)} (${budget})`
}

/** `90000` → `1.5`: minutes as an input such as timeout-minutes says them, up to 2 decimals. */
export function minutesValue(ms: number): string {
  return String(Math.round((ms / 60_000) * 100) / 100)
}

/** `3000` → `0.05 min (3 s)`, `90000` → `1.5 min`: the wording of a timeout, seconds too when under a minute. */
export function minutes(ms: number): string {
  const min = `${minutesValue(ms)} min`
  return ms < 60_000 ? `${min} (${seconds(ms)})` : min
}

/** Seconds between two ISO-8601 instants, when both are known and in order. */
export function secondsBetween(start?: string, end?: string): number | undefined {
  if (!start || !end) return undefined
  const d = (Date.parse(end) - Date.parse(start)) / 1000
  return Number.isFinite(d) && d >= 0 ? d : undefined
}

/** Milliseconds since the epoch → ISO-8601; undefined for an unknown (or unparsable, NaN) instant. */
export function isoTime(ms: number | undefined): string | undefined {
  return ms === undefined || Number.isNaN(ms) ? undefined : new Date(ms).toISOString()
}

/** `2026-11-05T10:11:12.345Z` → `10:11:12 UTC` (the date is the run's, the time is what readers compare). */
export function clockTime(iso?: string): string | undefined {
  if (!iso) return undefined
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? undefined : `${d.toISOString().slice(11, 19)} UTC`
}

/** `the rollout failed` → `The rollout failed`: a clause become a sentence. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** Cuts `text` to at most `max` characters, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text
  return max <= 1 ? wholeCharacters(text, max) : wholeCharacters(text, max - 1) + '…'
}

/**
 * The first `units` UTF-16 units, without half of a character cut in two: a lone surrogate is not valid Unicode,
 * and the SDK's URL encoding of an SNS message throws on one (an emoji in a build log lost the e-mail alert).
 */
export function wholeCharacters(text: string, units: number): string {
  const cut = text.slice(0, units)
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut
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
