import { describe, expect, it } from '@jest/globals'
import { inline, markdownToHtml, splitRow } from '../../scripts/markdown-html.js'

describe('inline', () => {
  it.each([
    ['\\<b\\> \\| \\_x\\_', '&lt;b&gt; | _x_'],
    ['**bold** and _em_', '<strong>bold</strong> and <em>em</em>'],
    ['`a` and ``x`y``', '<code>a</code> and <code>x`y</code>'],
    ['[label](https://x.test/a?b=1)', '<a href="https://x.test/a?b=1">label</a>'],
    ['[bad](javascript:alert)', '[bad](javascript:alert)'],
    ['<sub>small</sub> <script>', '<sub>small</sub> &lt;script&gt;'],
    ['snake_case_name', 'snake_case_name'],
  ])('%s', (md, html) => expect(inline(md)).toBe(html))
})

describe('markdownToHtml', () => {
  it('tables with escaped pipes, lists, quotes, fences and details', () => {
    const md = [
      '## T',
      '',
      '| a | b |',
      '|---|---|',
      '| x \\| y | `c\\|d` |',
      '',
      '- one',
      '- two',
      '',
      '> quoted',
      '',
      '<details open><summary>s</summary>',
      '',
      '```',
      '<raw>',
      '```',
      '',
      '</details>',
    ].join('\n')
    expect(markdownToHtml(md)).toBe(
      [
        '<h2>T</h2>',
        '<table>',
        '<thead><tr><th>a</th><th>b</th></tr></thead>',
        '<tbody>',
        '<tr><td>x | y</td><td><code>c|d</code></td></tr>',
        '</tbody>',
        '</table>',
        '<ul>',
        '<li>one</li>',
        '<li>two</li>',
        '</ul>',
        '<blockquote><p>quoted</p></blockquote>',
        '<details open><summary>s</summary>',
        '<pre><code>&lt;raw&gt;</code></pre>',
        '</details>',
      ].join('\n'),
    )
  })
  it('splits rows on unescaped pipes only', () =>
    expect(splitRow('| a \\| b | c\\\\|d |')).toEqual(['a | b', 'c\\\\', 'd']))
})
