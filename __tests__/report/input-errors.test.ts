// The summary of a run stopped by bad inputs: each input named once, its problem Markdown-escaped.
import { describe, expect, it } from '@jest/globals'
import { inputErrorsSummary } from '../../src/report/input-errors.js'

describe('inputErrorsSummary', () => {
  it('lists every bad input with what is wrong, derived names as the inputs they come from', () => {
    const errors = [
      { inputs: ['mode'], problem: 'expected one of create-pipeline, monitor, validate' },
      { inputs: ['project-name', 'environment'], problem: 'is 120 characters; accepted: at most 100' },
    ]
    expect(inputErrorsSummary(errors)).toBe(
      '## ❌ Invalid inputs\n\nThe step stopped before calling AWS. Fix these inputs:\n\n' +
        '- **mode**: expected one of create-pipeline, monitor, validate\n' +
        '- **project-name \\+ environment**: is 120 characters; accepted: at most 100\n',
    )
  })

  it('makes untrusted text inert: Markdown and HTML in a problem are escaped', () => {
    const summary = inputErrorsSummary([
      { inputs: ['region'], problem: 'got "<img src=x>" **bold** [link](http://x)' },
    ])
    expect(summary).toContain(
      // A URL becomes a link of its own (never escaped inside its target); the rest stays text.
      '- **region**: got "\\<img src=x\\>" \\*\\*bold\\*\\* \\[link\\]\\([http://x](http://x/)\\)\n',
    )
  })
})
