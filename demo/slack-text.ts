// Shows a Block Kit message the way a person reads it in a terminal: header, then each block's text.
type Block = {
  type: string
  text?: { text?: string }
  fields?: { text?: string }[]
  elements?: { text?: string | { text?: string }; url?: string }[]
}

function plain(mrkdwn: string): string {
  // <url|label> → label (url)
  return mrkdwn.replace(/<([^|>]+)\|([^>]+)>/g, '$2 ($1)').replace(/<([^>]+)>/g, '$1')
}

export function slackText(payload: Record<string, unknown>): string {
  const blocks = (payload.blocks as Block[] | undefined) ?? []
  if (blocks.length === 0) return plain(String(payload.text ?? ''))
  const lines: string[] = []
  for (const b of blocks) {
    if (b.type === 'header' && b.text?.text) lines.push(`# ${b.text.text}`)
    else if (b.type === 'divider') lines.push('  ———')
    else {
      if (b.text?.text) lines.push(...plain(b.text.text).split('\n'))
      // Fields are "*Label*\nvalue": one "Label: value" line each.
      for (const f of b.fields ?? []) if (f.text) lines.push(plain(f.text).replace(/^\*([^*]+)\*\n/, '$1: '))
      for (const e of b.elements ?? []) {
        const t = typeof e.text === 'string' ? e.text : e.text?.text
        if (t) lines.push(e.url ? `[${t}] ${e.url}` : plain(t))
      }
    }
  }
  return lines.map((l) => `  ${l}`).join('\n')
}
