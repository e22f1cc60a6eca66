// The IAM actions behind the AWS calls the code makes. Statically: every SDK command a mode can reach, following
// the imports from the mode's entry (and the reports, which every mode runs). Dynamically: the requests the
// emulator received, by its service and operation. Both map to `<prefix>:<Operation>`, the IAM action of an AWS
// API operation for every service here except API Gateway, whose actions are HTTP verbs on resources.
import { readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import type { RequestLogEntry } from '../../emulator/index.js'
import type { Mode } from '../../src/inputs.js'
import { ROOT } from '../helpers/run-action.js'

/** SDK package → IAM service prefix. */
const PREFIX_OF_PACKAGE: Record<string, string> = {
  '@aws-sdk/client-codepipeline': 'codepipeline',
  '@aws-sdk/client-codebuild': 'codebuild',
  '@aws-sdk/client-cloudwatch-logs': 'logs',
  '@aws-sdk/client-ecs': 'ecs',
  '@aws-sdk/client-cloudwatch': 'cloudwatch',
  '@aws-sdk/client-elastic-load-balancing-v2': 'elasticloadbalancing',
  '@aws-sdk/client-sns': 'sns',
  '@aws-sdk/client-api-gateway': 'apigateway',
  '@aws-sdk/client-apigatewayv2': 'apigateway',
}

/** The emulator's service names (its log) → IAM service prefix; the rest (Slack, GitHub) are not AWS. */
const PREFIX_OF_EMULATED: Record<string, string> = {
  codepipeline: 'codepipeline',
  codebuild: 'codebuild',
  logs: 'logs',
  ecs: 'ecs',
  monitoring: 'cloudwatch',
  cloudwatch: 'cloudwatch',
  elasticloadbalancing: 'elasticloadbalancing',
  elbv2: 'elasticloadbalancing',
  sns: 'sns',
  apigateway: 'apigateway',
}
const NOT_AWS = new Set(['slack', 'github'])

/** API Gateway's control plane is authorised per HTTP verb: every read the action makes is `apigateway:GET`. */
function iamAction(prefix: string, operation: string): string {
  if (prefix === 'apigateway')
    return /^(Get|List)/.test(operation) ? 'apigateway:GET' : `apigateway:${operation}`
  return `${prefix}:${operation}`
}

export interface CodeCall {
  action: string
  /** `GetPipelineCommand in src/execution/setup.ts` */
  where: string
}

const ENTRIES: Record<Mode, string[]> = {
  'create-pipeline': ['src/pipeline/run.ts', 'src/report/index.ts'],
  monitor: ['src/monitor/run.ts', 'src/report/index.ts'],
  validate: ['src/validate/run.ts', 'src/report/index.ts'],
}

/** `import { …Command } from '@aws-sdk/client-x'` and `const { …Command } = await import('@aws-sdk/client-x')`. */
const SDK_IMPORT =
  /(?:import|const)\s*(?:type\s*)?\{([^}]*)\}\s*(?:from|=\s*await\s+import\()\s*'(@aws-sdk\/[^']+)'/g

/** Every AWS call the mode's code can make, from the SDK commands its files import. */
export function callsInCode(mode: Mode): CodeCall[] {
  const calls: CodeCall[] = []
  for (const file of reachableFiles(ENTRIES[mode])) {
    const text = readFileSync(join(ROOT, file), 'utf8')
    const imports = text.matchAll(SDK_IMPORT)
    for (const [, names = '', pkg = ''] of imports) {
      const prefix = PREFIX_OF_PACKAGE[pkg]
      for (const name of names.split(',').map((n) => n.trim().replace(/^type\s+/, ''))) {
        const command = /^(\w+)Command$/.exec(name)
        if (!command) continue
        if (!prefix)
          throw new Error(`${file} imports ${name} from ${pkg}: add its IAM prefix to iam-actions.ts`)
        calls.push({ action: iamAction(prefix, command[1] ?? ''), where: `${name} in ${file}` })
      }
    }
  }
  return calls
}

/** The IAM actions of the AWS requests the emulator logged. */
export function callsMade(entries: RequestLogEntry[]): string[] {
  const actions = new Set<string>()
  for (const e of entries) {
    if (NOT_AWS.has(e.service)) continue
    const prefix = PREFIX_OF_EMULATED[e.service]
    if (!prefix)
      throw new Error(`The emulator logged service "${e.service}": add its IAM prefix to iam-actions.ts`)
    actions.add(iamAction(prefix, e.operation))
  }
  return [...actions].sort()
}

/** src/ files reachable from the entries through relative imports, static and dynamic. */
function reachableFiles(entries: string[]): string[] {
  const seen = new Set<string>()
  const queue = [...entries]
  while (queue.length > 0) {
    const file = queue.pop()!
    if (seen.has(file)) continue
    seen.add(file)
    const text = readFileSync(join(ROOT, file), 'utf8')
    for (const [, spec = ''] of text.matchAll(/(?:from\s*|import\s*\(\s*)'(\.{1,2}\/[^']+)\.js'/g)) {
      queue.push(relative(ROOT, resolve(ROOT, dirname(file), `${spec}.ts`)))
    }
  }
  return [...seen].sort()
}
