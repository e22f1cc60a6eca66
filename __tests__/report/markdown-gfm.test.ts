// What GitHub shows: Markdown from the report builders rendered by a CommonMark/GFM-conformant parser (micromark
// with its GFM extension), not by our own renderer — links keep their exact target, text stays text.
import { describe, expect, it } from '@jest/globals'
import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'
import { details, html as htmlText, md, table } from '../../src/report/markdown.js'

const render = (markdown: string): string =>
  micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] })
const hrefs = (html: string): string[] => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!)

const LOG =
  'https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:log-groups/log-group/$252Faws$252Fcodebuild$252Fshop_build/log-events/abc_def'

describe('md: URLs in text', () => {
  it.each([
    ['in parentheses', `Build failed (log: ${LOG})`, LOG],
    ['before a full stop', `See ${LOG}.`, LOG],
    ['with its own parentheses', 'see https://example.com/a_(b)_c, then', 'https://example.com/a_(b)_c'],
    ['after a bare CR', `line one\rlog ${LOG}`, LOG],
  ])('%s: one link, its target exactly the URL, no backslash on screen', (_, text, url) => {
    const html = render(md(text))
    expect(hrefs(html)).toEqual([url.replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'))])
    expect(html).not.toContain('%5C')
    expect(html).not.toContain('\\')
  })

  it('keeps the text around the URL escaped', () => {
    const html = render(md(`*not bold* <img src=x> ${LOG} _not italic_`))
    expect(html).toContain('*not bold* &lt;img src=x&gt;')
    expect(html).toContain('_not italic_')
    expect(html).not.toContain('<img')
  })

  it('in a table cell the row stays one row', () => {
    const html = render(table(['Stage', 'Error'], [['Build', md(`failed | see ${LOG} |x`)]]))
    expect(html.match(/<tr>/g)).toHaveLength(2)
    expect(hrefs(html)).toEqual([LOG])
  })

  it('a javascript: or data: URL is never a link', () => {
    expect(hrefs(render(md('click javascript:alert(1) or data:text/html,x')))).toEqual([])
  })
})

describe('found by the outside attack', () => {
  it('an e-mail address in AWS text stays text: no mailto: link', () => {
    const html = render(md('failed: ask ops@evil.example or see a@b.co'))
    expect(hrefs(html)).toEqual([])
    expect(html).toContain('ops@evil.example')
  })

  it('a blank line in a details label does not end the HTML block: no image, no link', () => {
    const label = 'Build › x \n\n![p](https://evil.example/p.png) [Approve](https://evil.example/a)\n\n'
    const html = render(details(htmlText(label), '```\nlog\n```', true))
    expect(html).not.toMatch(/<img\b/)
    expect(hrefs(html)).toEqual([])
  })
})
