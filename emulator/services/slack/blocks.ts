// The Block Kit checks Slack applies before posting (the limits of reference §6.3), so an oversized or
// malformed message fails in tests exactly as it would in Slack.

const MAX_BLOCKS = 50
const MAX_HEADER = 150
const MAX_SECTION = 3000
const MAX_FIELDS = 10
const MAX_FIELD = 2000
const MAX_TEXT = 40_000
const MAX_AGGREGATE = 13_200

/** The Slack error code for a bad message, or undefined when Slack would accept it. */
export function checkMessage(message: Record<string, unknown>): string | undefined {
  const text = message.text
  const blocks = message.blocks
  if (text !== undefined && typeof text !== 'string') return 'invalid_arguments'
  if ((text === undefined || text === '') && blocks === undefined && message.attachments === undefined)
    return 'no_text'
  if (typeof text === 'string' && text.length > MAX_TEXT) return 'msg_too_long'
  if (blocks === undefined) return undefined
  if (!Array.isArray(blocks) || blocks.length > MAX_BLOCKS) return 'invalid_blocks'
  let aggregate = 0
  for (const b of blocks as Record<string, any>[]) {
    const err = checkBlock(b)
    if (err) return err
    aggregate += blockText(b)
  }
  if (aggregate > MAX_AGGREGATE) return 'msg_blocks_too_long'
  return undefined
}

function isText(t: any): boolean {
  return (
    t && (t.type === 'mrkdwn' || t.type === 'plain_text') && typeof t.text === 'string' && t.text.length > 0
  )
}

function checkBlock(b: Record<string, any>): string | undefined {
  if (b.block_id !== undefined && (typeof b.block_id !== 'string' || b.block_id.length > 255))
    return 'invalid_blocks'
  switch (b.type) {
    case 'header':
      return b.text?.type === 'plain_text' && isText(b.text) && b.text.text.length <= MAX_HEADER
        ? undefined
        : 'invalid_blocks'
    case 'section': {
      if (b.text === undefined && b.fields === undefined) return 'invalid_blocks'
      if (b.text !== undefined && (!isText(b.text) || b.text.text.length > MAX_SECTION))
        return 'invalid_blocks'
      if (b.fields !== undefined) {
        if (!Array.isArray(b.fields) || b.fields.length > MAX_FIELDS) return 'invalid_blocks'
        if (b.fields.some((f: any) => !isText(f) || f.text.length > MAX_FIELD)) return 'invalid_blocks'
      }
      return undefined
    }
    case 'context':
      return Array.isArray(b.elements) &&
        b.elements.length > 0 &&
        b.elements.length <= 10 &&
        b.elements.every(isText)
        ? undefined
        : 'invalid_blocks'
    case 'divider':
      return undefined
    default:
      return 'invalid_blocks'
  }
}

function blockText(b: Record<string, any>): number {
  let n = typeof b.text?.text === 'string' ? b.text.text.length : 0
  for (const f of b.fields ?? []) n += f.text?.length ?? 0
  for (const e of b.elements ?? []) n += e.text?.length ?? 0
  return n
}
