// The job summary of a run whose inputs were invalid: every bad input and what is wrong with it, written before
// any AWS call (every run writes a summary, this one too).
import { md } from './markdown.js'

/** One bad input as config reports it: the inputs the problem comes from, and what is accepted. */
export interface BadInput {
  inputs: readonly string[]
  problem: string
}

export function inputErrorsSummary(errors: readonly BadInput[]): string {
  const lines = errors.map((err) => `- **${md(err.inputs.join(' + '))}**: ${md(err.problem)}`)
  return `## ❌ Invalid inputs\n\nThe step stopped before calling AWS. Fix these inputs:\n\n${lines.join('\n')}\n`
}
