// GitHub-flavoured Markdown building blocks for the job summary. Everything that comes from AWS or from
// inputs goes through `md` (inline text), `code` (inline code), `link` or `fence` (code blocks).

/** CommonMark's line endings (CR, LF, CRLF), and the Unicode separators some renderers also break at. */
const LINE_BREAKS = /\r\n|\r|\n|\u2028|\u2029/g

/**
 * Escapes text for GFM inline content, table cells included; line breaks (a bare CR too) become spaces. URLs in the
 * text become links whose target is never escaped like text (GFM would otherwise autolink the escaped form, with
 * `%5C` in the target and backslashes on screen).
 */
export function md(text: string): string {
  const flat = text.replace(LINE_BREAKS, ' ')
  let out = ''
  let at = 0
  for (const { url, index } of urlsAt(flat)) {
    out += escapeText(flat.slice(at, index)) + link(url, url)
    at = index + url.length
  }
  return out + escapeText(flat.slice(at))
}

/** The URLs `md` makes links of, in order. */
export function urlsIn(text: string): string[] {
  return urlsAt(text.replace(LINE_BREAKS, ' ')).map((u) => u.url)
}

function urlsAt(text: string): { url: string; index: number }[] {
  return [...text.matchAll(URL_IN_TEXT)].map((m) => ({ url: trimTrailing(m[0]), index: m.index }))
}

/** An http(s) URL in running text: up to white space or a character no URL in our reports contains. */
const URL_IN_TEXT = /https?:\/\/[^\s<>"'`|\\]+/g

/** GFM's rule for where an autolinked URL ends: not at trailing punctuation, nor at a `)` it did not open. */
function trimTrailing(url: string): string {
  let end = url.length
  for (;;) {
    const last = url[end - 1] ?? ''
    const open = (url.slice(0, end).match(/\(/g) ?? []).length
    const close = (url.slice(0, end).match(/\)/g) ?? []).length
    if ('.,;:!?*_~'.includes(last) || (last === ')' && close > open)) end--
    else return url.slice(0, end)
  }
}

function escapeText(text: string): string {
  // `@` everywhere: GFM turns a bare user@host into a mailto: link (only http(s) links are ours to make).
  return text.replace(/[\\`*_{}[\]()<>#+!|~&@]/g, (c) => `\\${c}`).replace(/^([-=.:])/, '\\$1')
}

/** Inline code that survives backticks and pipes inside the value. */
export function code(text: string): string {
  const value = text.replace(LINE_BREAKS, ' ').replace(/\|/g, '\\|')
  const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((r) => r.length))
  const ticks = '`'.repeat(longest + 1)
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : ''
  return `${ticks}${pad}${value}${pad}${ticks}`
}

/** Only http(s) URLs become links; characters that end a Markdown link target are percent-encoded. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return undefined
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined
  return parsed.href.replace(
    /[()<> |"]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  )
}

export function link(label: string, url: string | undefined): string {
  const target = safeUrl(url)
  // The label is text only: a URL inside a link's text must not become a second link.
  const text = escapeText(label.replace(LINE_BREAKS, ' '))
  return target ? `[${text}](${target})` : text
}

/** A fenced code block whose fence is longer than any backtick run in the content. */
export function fence(lines: string[], language = ''): string {
  const longest = Math.max(0, ...lines.flatMap((l) => l.match(/`+/g) ?? []).map((r) => r.length))
  const f = '`'.repeat(Math.max(3, longest + 1))
  return [`${f}${language}`, ...lines.map((l) => l.replace(/\r/g, '')), f].join('\n')
}

/** A GFM table; cells must already be escaped. */
export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map((c) => (c === '' ? ' ' : c)).join(' | ')} |`
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n')
}

/** A collapsible section (GitHub renders <details> in summaries); `summary` must already be HTML-safe. */
export function details(summary: string, body: string, open = false): string {
  return `<details${open ? ' open' : ''}><summary>${summary}</summary>\n\n${body}\n\n</details>`
}

/** Escapes text for HTML contexts (the <summary> of a details block). */
export function html(text: string): string {
  // One line: a blank line would end the HTML block it sits in, and GFM would read the rest as Markdown.
  return text
    .replace(LINE_BREAKS, ' ')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}
