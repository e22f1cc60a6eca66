// The summary page renders through a GFM-conformant parser: what the reviewed fixtures show is what GitHub shows.
import { describe, expect, it } from '@jest/globals'
import { markdownToHtml, summaryPage } from '../../scripts/markdown-html.js'

describe('markdownToHtml (micromark + GFM)', () => {
  it('renders GFM tables, escapes and the <details> block summaries use', () => {
    const html = markdownToHtml(
      '| a | b |\n|---|---|\n| \\<b\\> | `x \\| y` |\n\n<details><summary>more</summary>\n\nhidden\n\n</details>\n',
    )
    expect(html).toContain('<td>&lt;b&gt;</td>')
    expect(html).toContain('<code>x | y</code>')
    expect(html).toContain('<details><summary>more</summary>')
    expect(html).toContain('<p>hidden</p>')
  })

  it('wraps it in a page with an escaped title', () => {
    expect(summaryPage('# hi', '<x>')).toContain('<title>&lt;x&gt;</title>')
  })
})
