// The job summary: a heading with the verdict, what ran, and the one-sentence reason.
import type { StepResult } from '../result.js'

/** Escapes text from AWS or inputs for GitHub-flavoured Markdown (tables included). */
export function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ')
}

export function renderSummary(result: StepResult): string {
  const icon = result.cancelled ? '⏹️' : result.verdict === 'success' ? '✅' : '❌'
  const word = result.cancelled ? 'cancelled' : result.verdict === 'success' ? 'succeeded' : 'failed'
  const lines = [`## ${icon} ${result.mode} ${word}`, '', md(result.reason), '']
  const facts: [string, string | undefined][] = [
    ['Pipeline', result.pipelineName],
    ['Environment', result.environment],
    ['Version', result.version],
    ['Commit', result.commitSha],
    ['Region', result.region],
  ]
  lines.push('| | |', '|---|---|')
  for (const [k, v] of facts) if (v) lines.push(`| ${k} | ${md(v)} |`)
  return lines.join('\n') + '\n'
}
