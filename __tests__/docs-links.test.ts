// The README is the short tour and docs/ the reference: every relative link between them must land on a file
// (and a heading, when it names one), every input and output must stay documented, and the README must stay short.
import { describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { Inputs, Outputs } from '../src/inputs.js'

const root = join(dirname(new URL(import.meta.url).pathname), '..')
const pages = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
]
const read = (page: string): string => readFileSync(join(root, page), 'utf8')

/** The text outside fenced code blocks: links inside code are examples, not links. */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '')
}

/** Link targets of the page: `[text](target)`, without external URLs. */
function relativeLinks(markdown: string): string[] {
  const targets = [...prose(markdown).matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1] ?? '')
  return targets.filter((target) => !/^[a-z]+:/i.test(target))
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
function anchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-')
}

function anchorsOf(page: string): Set<string> {
  const headings = [...prose(read(page)).matchAll(/^#{1,6} (.+)$/gm)].map((match) => anchor(match[1] ?? ''))
  return new Set(headings)
}

describe('docs links', () => {
  it.each(pages)('every relative link in %s lands on an existing file and heading', (page) => {
    const broken = relativeLinks(read(page)).filter((link) => {
      const [path = '', fragment] = link.split('#')
      const target = path === '' ? page : relative(root, join(root, dirname(page), path))
      if (!existsSync(join(root, target))) return true
      return fragment !== undefined && target.endsWith('.md') && !anchorsOf(target).has(fragment)
    })
    expect(broken).toEqual([])
  })
})

describe('docs facts', () => {
  const reference = read('docs/reference.md')

  it.each(Object.values(Inputs))('docs/reference.md documents the input %s', (name) => {
    expect(reference).toContain(`\`${name}\``)
  })

  it.each(Object.values(Outputs))('docs/reference.md documents the output %s', (name) => {
    expect(reference).toContain(`\`${name}\``)
  })

  it('the README stays a short tour (at most 20 KB) and still says how to run the tests', () => {
    const readme = read('README.md')
    expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(20 * 1024)
    expect(readme).toContain('npm test')
  })
})
