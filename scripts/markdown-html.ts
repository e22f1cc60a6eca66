// A small GitHub-flavoured Markdown → HTML renderer for the subset the job summaries use: headings, paragraphs,
// tables, lists, block quotes, fenced code, <details> blocks, and inline code, links, bold, italics, backslash
// escapes and <sub>. It lets tests and the demo look at summaries the way GitHub shows them without a Markdown
// dependency (a maintained library such as markdown-it would render everything; it would be a new dependency).
// Anything outside the subset is shown as escaped text rather than guessed at.

const ESCAPABLE = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/
const INLINE_TAGS = /^<\/?(sub|sup|br|b|i|code)\s*\/?>/i

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)
}

/** Inline Markdown → HTML. */
export function inline(src: string): string {
  let out = ''
  let i = 0
  while (i < src.length) {
    const c = src[i]
    if (c === '\\' && i + 1 < src.length && ESCAPABLE.test(src[i + 1])) {
      out += escapeHtml(src[i + 1])
      i += 2
      continue
    }
    if (c === '`') {
      let n = 0
      while (src[i + n] === '`') n++
      const fence = '`'.repeat(n)
      let j = i + n
      let end = -1
      while (j < src.length) {
        const k = src.indexOf(fence, j)
        if (k < 0) break
        if (src[k + n] !== '`' && src[k - 1] !== '`') {
          end = k
          break
        }
        j = k + 1
        while (src[j] === '`') j++
      }
      if (end < 0) {
        out += escapeHtml(fence)
        i += n
        continue
      }
      let content = src.slice(i + n, end).replace(/\n/g, ' ')
      if (content.length > 2 && content.startsWith(' ') && content.endsWith(' ') && content.trim() !== '')
        content = content.slice(1, -1)
      out += `<code>${escapeHtml(content)}</code>`
      i = end + n
      continue
    }
    if (src.startsWith('**', i)) {
      const end = findClosing(src, '**', i + 2)
      if (end > i + 2) {
        out += `<strong>${inline(src.slice(i + 2, end))}</strong>`
        i = end + 2
        continue
      }
    }
    if (c === '_' && (i === 0 || /[\s(>*]/.test(src[i - 1]))) {
      const end = findClosing(src, '_', i + 1)
      if (end > i + 1 && (end + 1 >= src.length || /[\s).,:;!?*<]/.test(src[end + 1]))) {
        out += `<em>${inline(src.slice(i + 1, end))}</em>`
        i = end + 1
        continue
      }
    }
    if (c === '[') {
      const close = findClosing(src, ']', i + 1)
      if (close > i && src[close + 1] === '(') {
        const paren = src.indexOf(')', close + 2)
        const url = paren > 0 ? src.slice(close + 2, paren) : ''
        if (paren > 0 && /^https?:\/\/\S+$/.test(url)) {
          out += `<a href="${escapeHtml(url)}">${inline(src.slice(i + 1, close))}</a>`
          i = paren + 1
          continue
        }
      }
    }
    if (c === '<') {
      const tag = INLINE_TAGS.exec(src.slice(i))
      if (tag) {
        out += tag[0]
        i += tag[0].length
        continue
      }
    }
    out += escapeHtml(c)
    i++
  }
  return out
}

/** Index of the next unescaped `marker` at or after `from`, or -1. Skips code spans. */
function findClosing(src: string, marker: string, from: number): number {
  for (let i = from; i < src.length; i++) {
    if (src[i] === '\\') {
      i++
      continue
    }
    if (src[i] === '`') {
      let n = 0
      while (src[i + n] === '`') n++
      const k = src.indexOf('`'.repeat(n), i + n)
      if (k > 0) i = k + n - 1
      continue
    }
    if (src.startsWith(marker, i)) return i
  }
  return -1
}

/** Splits a table row on pipes not escaped by an odd number of backslashes; `\|` becomes `|`. */
export function splitRow(line: string): string[] {
  let row = line.trim()
  if (row.startsWith('|')) row = row.slice(1)
  if (row.endsWith('|') && !isEscaped(row, row.length - 1)) row = row.slice(0, -1)
  const cells: string[] = []
  let cell = ''
  for (let i = 0; i < row.length; i++) {
    if (row[i] === '|' && !isEscaped(row, i)) {
      cells.push(cell)
      cell = ''
    } else if (row[i] === '\\' && row[i + 1] === '|' && !isEscaped(row, i)) {
      cell += '|'
      i++
    } else cell += row[i]
  }
  cells.push(cell)
  return cells.map((c) => c.trim())
}

function isEscaped(s: string, i: number): boolean {
  let n = 0
  while (i - 1 - n >= 0 && s[i - 1 - n] === '\\') n++
  return n % 2 === 1
}

const isTableSeparator = (line: string) => /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line)

/** Block-level Markdown → HTML fragment. */
export function markdownToHtml(md: string): string {
  const lines = md.replace(/\r\n/g, '\n').split('\n')
  const out: string[] = []
  let i = 0
  while (i < lines.length) {
    const line = lines[i]
    if (line.trim() === '') {
      i++
      continue
    }
    const fence = /^(`{3,})(.*)$/.exec(line)
    if (fence) {
      const body: string[] = []
      i++
      const closes = (l: string) => /^`+\s*$/.test(l) && l.trim().length >= fence[1].length
      while (i < lines.length && !closes(lines[i])) body.push(lines[i++])
      i++
      const lang = fence[2].trim()
      out.push(
        `<pre><code${lang ? ` class="language-${escapeHtml(lang)}"` : ''}>${body.map(escapeHtml).join('\n')}</code></pre>`,
      )
      continue
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line)
    if (heading) {
      const level = heading[1].length
      out.push(`<h${level}>${inline(heading[2])}</h${level}>`)
      i++
      continue
    }
    if (/^<\/?(details|summary)[\s>]/i.test(line) || /^<\/details>/i.test(line)) {
      // An HTML block: passed through until a blank line (CommonMark HTML block type 6).
      while (i < lines.length && lines[i].trim() !== '') out.push(lines[i++])
      continue
    }
    if (line.startsWith('|') && i + 1 < lines.length && isTableSeparator(lines[i + 1])) {
      const header = splitRow(line)
      i += 2
      const rows: string[][] = []
      while (i < lines.length && lines[i].startsWith('|')) rows.push(splitRow(lines[i++]))
      const cell = (tag: string, c: string) => `<${tag}>${inline(c)}</${tag}>`
      out.push(
        '<table>',
        `<thead><tr>${header.map((c) => cell('th', c)).join('')}</tr></thead>`,
        '<tbody>',
        ...rows.map((r) => `<tr>${header.map((_, k) => cell('td', r[k] ?? '')).join('')}</tr>`),
        '</tbody>',
        '</table>',
      )
      continue
    }
    if (/^[-*] /.test(line)) {
      const items: string[] = []
      while (i < lines.length && /^[-*] /.test(lines[i])) items.push(lines[i++].slice(2))
      out.push('<ul>', ...items.map((it) => `<li>${inline(it)}</li>`), '</ul>')
      continue
    }
    if (line.startsWith('>')) {
      const quoted: string[] = []
      while (i < lines.length && lines[i].startsWith('>')) quoted.push(lines[i++].replace(/^> ?/, ''))
      out.push(`<blockquote>${markdownToHtml(quoted.join('\n'))}</blockquote>`)
      continue
    }
    const para: string[] = []
    while (
      i < lines.length &&
      lines[i].trim() !== '' &&
      !/^(#{1,6}\s|```|\||[-*] |>|<details)/.test(lines[i])
    )
      para.push(lines[i++])
    if (para.length === 0) para.push(lines[i++])
    out.push(`<p>${inline(para.join('\n'))}</p>`)
  }
  return out.join('\n')
}

const STYLE = `body{font-family:-apple-system,BlinkMacSystemFont,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif,"Apple Color Emoji","Segoe UI Emoji";font-size:14px;line-height:1.5;color:#1f2328;max-width:1012px;margin:24px auto;padding:0 16px}
h2{font-size:1.5em;border-bottom:1px solid #d1d9e0;padding-bottom:.3em}h3{font-size:1.25em}h4{font-size:1em}
table{border-collapse:collapse;margin:0 0 16px;display:block;overflow:auto}th,td{border:1px solid #d1d9e0;padding:6px 13px}th{font-weight:600}tr:nth-child(2n){background:#f6f8fa}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:85%;background:#818b981f;border-radius:6px;padding:.2em .4em}
pre{background:#f6f8fa;border-radius:6px;padding:16px;overflow:auto}pre code{background:none;padding:0;font-size:85%}
a{color:#0969da;text-decoration:none}blockquote{margin:0 0 16px;padding:0 1em;color:#59636e;border-left:.25em solid #d1d9e0}
details{margin-bottom:16px}summary{cursor:pointer}ul{padding-left:2em}`

/** A standalone page that looks like a GitHub job summary. */
export function summaryPage(md: string, title = 'Job summary'): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
${STYLE}
</style>
</head>
<body>
${markdownToHtml(md)}
</body>
</html>
`
}
