// Writes the reviewed summary fixtures: each mode's success and failure StepResult (from
// __tests__/report/fixtures.ts) → __tests__/fixtures/summaries/<name>.md (renderSummary) and .html
// (markdown-html.ts). Run after a deliberate change to the summary, look at the HTML, and commit both:
//   npx tsx scripts/summary-fixtures.ts
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { SUMMARY_CASES, summaryFixture } from '../__tests__/report/summary-cases.js'
import { summaryPage } from './markdown-html.js'

const dir = join(import.meta.dirname, '..', '__tests__', 'fixtures', 'summaries')
for (const name of Object.keys(SUMMARY_CASES)) {
  const md = summaryFixture(name)
  writeFileSync(join(dir, `${name}.md`), md)
  writeFileSync(join(dir, `${name}.html`), summaryPage(md, name))
  console.log(`${name}: ${Buffer.byteLength(md)} bytes of Markdown`)
}
