// Regenerates emulator/models/*.json from AWS's current service models as botocore ships them
// (botocore/data/<service>/<version>/service-2.json): the operations the emulator serves or will serve, every
// shape they reach, and the traits request checking and awsQuery need — documentation and examples dropped.
// The other operations of each service keep their name only, so the emulator can tell "modelled but not
// emulated" (501) from "no such operation".
//
//   git clone --depth 1 https://github.com/boto/botocore /tmp/botocore
//   npm run models -w @aws-deploy-pipeline/emulator -- /tmp/botocore
//
// Each model records the botocore version, commit and date it came from. To serve a new operation, add it to
// SERVICES and run again.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Output file name (emulator/models/<name>.json) → botocore service, API version and operations kept. */
const SERVICES: Record<string, { botocore: string; version: string; operations: string[] }> = {
  codepipeline: {
    botocore: 'codepipeline',
    version: '2015-07-09',
    operations: [
      'CreatePipeline',
      'UpdatePipeline',
      'GetPipeline',
      'ListPipelines',
      'StartPipelineExecution',
      'StopPipelineExecution',
      'GetPipelineExecution',
      'GetPipelineState',
      'ListPipelineExecutions',
      'ListActionExecutions',
      'ListTagsForResource',
      'TagResource',
      'UntagResource',
      'RollbackStage',
      'PutApprovalResult',
    ],
  },
  codebuild: { botocore: 'codebuild', version: '2016-10-06', operations: ['BatchGetBuilds'] },
  logs: { botocore: 'logs', version: '2014-03-28', operations: ['GetLogEvents'] },
  monitoring: {
    botocore: 'cloudwatch',
    version: '2010-08-01',
    operations: ['GetMetricData', 'ListMetrics', 'DescribeAlarms'],
  },
  ecs: {
    botocore: 'ecs',
    version: '2014-11-13',
    operations: [
      'DescribeServices',
      'UpdateService',
      'ListTasks',
      'DescribeTasks',
      'DescribeTaskDefinition',
      'ListServiceDeployments',
      'DescribeServiceDeployments',
      'DescribeServiceRevisions',
      'StopServiceDeployment',
      'ContinueServiceDeployment',
    ],
  },
  sns: { botocore: 'sns', version: '2010-03-31', operations: ['Publish'] },
  elbv2: {
    botocore: 'elbv2',
    version: '2015-12-01',
    operations: ['DescribeTargetGroups', 'DescribeTargetHealth', 'DescribeLoadBalancers'],
  },
  apigateway: { botocore: 'apigateway', version: '2015-07-09', operations: ['GetRestApis'] },
  apigatewayv2: { botocore: 'apigatewayv2', version: '2018-11-29', operations: ['GetApis'] },
}

/** What the emulator reads from metadata: routing (targetPrefix, protocols, apiVersion) and XML output. */
const METADATA = [
  'apiVersion',
  'protocol',
  'protocols',
  'jsonVersion',
  'targetPrefix',
  'xmlNamespace',
  'awsQueryCompatible',
  'serviceId',
  'uid',
]

/** Traits that say nothing about what a request may contain. Everything else is kept. */
const DROPPED_TRAITS = new Set([
  'documentation',
  'documentationUrl',
  'deprecated',
  'deprecatedMessage',
  'deprecatedSince',
  'examples',
])

type Json = Record<string, any>

function main(): void {
  const clone = process.argv[2]
  if (!clone) throw new Error('usage: extract-models <a clone of github.com/boto/botocore>')
  const release = releaseOf(clone)
  const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'models')
  mkdirSync(out, { recursive: true })
  for (const [name, spec] of Object.entries(SERVICES)) {
    const file = `botocore/data/${spec.botocore}/${spec.version}/service-2.json`
    const full = JSON.parse(readFileSync(join(clone, file), 'utf8')) as Json
    const model = trim(full, spec.operations, `${release}: ${file}`)
    writeFileSync(join(out, `${name}.json`), render(model))
    console.log(
      `${name}.json: ${spec.operations.length} operations, ${Object.keys(model.shapes).length} shapes`,
    )
  }
}

/** `boto/botocore 1.43.67 (commit <sha>, <date>)`: the version botocore declares, the clone's commit and date. */
function releaseOf(clone: string): string {
  const init = readFileSync(join(clone, 'botocore', '__init__.py'), 'utf8')
  const version = /^__version__ = '([^']+)'/m.exec(init)?.[1]
  if (!version) throw new Error(`${clone}/botocore/__init__.py declares no __version__`)
  const [commit, date] = execFileSync('git', ['-C', clone, 'log', '-1', '--format=%H %cs'], {
    encoding: 'utf8',
  })
    .trim()
    .split(' ')
  return `boto/botocore ${version} (commit ${commit}, ${date})`
}

function trim(full: Json, keep: string[], source: string): Json {
  const operations: Json = {}
  const reached = new Set<string>()
  for (const name of Object.keys(full.operations).sort()) {
    if (!keep.includes(name)) {
      operations[name] = {}
      continue
    }
    const { input, output } = full.operations[name] as Json
    operations[name] = strip({ input, output })
    for (const ref of [input, output]) if (ref) reach(full.shapes, ref.shape, reached)
  }
  const missing = keep.filter((name) => !full.operations[name])
  if (missing.length) throw new Error(`${source} has no operation ${missing.join(', ')}`)
  const shapes: Json = {}
  for (const name of [...reached].sort()) shapes[name] = strip(full.shapes[name])
  const metadata: Json = {}
  for (const key of METADATA) if (full.metadata[key] !== undefined) metadata[key] = full.metadata[key]
  return { source, metadata, operations, shapes }
}

function reach(shapes: Json, name: string, seen: Set<string>): void {
  if (seen.has(name)) return
  const shape = shapes[name] as Json | undefined
  if (!shape) throw new Error(`unknown shape ${name}`)
  seen.add(name)
  const refs = [...Object.values(shape.members ?? {}), shape.member, shape.key, shape.value]
  for (const ref of refs) if (ref?.shape) reach(shapes, ref.shape, seen)
}

function strip(value: unknown): any {
  if (Array.isArray(value)) return value.map(strip)
  if (typeof value !== 'object' || value === null) return value
  const out: Json = {}
  for (const [k, v] of Object.entries(value)) if (!DROPPED_TRAITS.has(k)) out[k] = strip(v)
  return out
}

/** One operation or shape per line: small diffs when AWS changes a model, and no formatter needed. */
function render(model: Json): string {
  const section = (entries: Json) =>
    Object.entries(entries)
      .map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`)
      .join(',\n')
  return (
    `{\n  "source": ${JSON.stringify(model.source)},\n  "metadata": ${JSON.stringify(model.metadata)},\n` +
    `  "operations": {\n${section(model.operations)}\n  },\n  "shapes": {\n${section(model.shapes)}\n  }\n}\n`
  )
}

main()
