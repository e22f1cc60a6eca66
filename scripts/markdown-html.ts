// Job summaries as GitHub shows them: GitHub-flavoured Markdown rendered by micromark with its GFM extension (a
// CommonMark/GFM-conformant parser, as GitHub's own cmark-gfm is), wrapped in a page styled like a job summary.
// Tests render the reviewed summary fixtures with it, and the demo writes its summaries through it. Raw HTML is
// passed through as GitHub passes the few tags summaries use (<details>, <summary>, <sub>).
import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  )
}

/** Markdown → HTML fragment, as a GFM-conformant parser renders it. */
export function markdownToHtml(md: string): string {
  return micromark(md, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] })
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
