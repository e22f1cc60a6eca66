// The IAM policies docs/iam.md documents, read back from its ```json blocks: each follows a
// `<!-- policy: <name> -->` line, and its Allow statements' actions are what the policy grants.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../helpers/run-action.js'

export const IAM_DOC = 'docs/iam.md'

interface Statement {
  Effect: string
  Action: string | string[]
}

/** Policy name → the actions it allows, sorted. */
export function documentedPolicies(): Record<string, string[]> {
  const text = readFileSync(join(ROOT, IAM_DOC), 'utf8')
  const policies: Record<string, string[]> = {}
  for (const [, name = '', json = ''] of text.matchAll(
    /<!-- policy: ([\w-]+) -->\s*```json\n([\s\S]*?)\n```/g,
  )) {
    const statements = (JSON.parse(json) as { Statement: Statement[] }).Statement
    const actions = statements
      .filter((s) => s.Effect === 'Allow')
      .flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]))
    policies[name] = [...new Set(actions)].sort()
  }
  return policies
}
