// The YAML examples of the README and docs/, as a reader sees them: each fenced ```yaml block with its file, line,
// the heading it sits under and the `<!-- example: … -->` marker on the line before it, if any. Classified by
// shape: a workflow (`jobs:`), a list of steps, a CodeBuild buildspec, or something else (which must be marked).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { ROOT } from '../helpers/run-action.js'

/** `uses: <owner>/aws-deploy-pipeline@vN`, or `./` in this repository's own workflows. */
const THIS_ACTION = /^(?:[\w.-]+\/aws-deploy-pipeline@v\d+|\.\/?)$/

export const usesThisAction = (s: Step): boolean => !!s.uses && THIS_ACTION.test(s.uses)

export interface Step {
  id?: string
  name?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
}

export interface Workflow {
  on?: unknown
  jobs: Record<string, { steps?: Step[]; environment?: unknown }>
}

export type Shape =
  | { kind: 'workflow'; workflow: Workflow }
  | { kind: 'steps'; steps: Step[] }
  | { kind: 'buildspec'; buildspec: { phases: Record<string, { commands?: string[] }> } }
  | { kind: 'cloudformation'; template: CloudFormationTemplate }
  | { kind: 'other' }

export interface CloudFormationTemplate {
  Parameters?: Record<string, { Default?: string }>
  Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>
}

/** CloudFormation's short-form functions, kept as `{ Ref: … }`, `{ 'Fn::Sub': … }`, `{ 'Fn::GetAtt': … }`. */
const CLOUDFORMATION_TAGS = [
  { tag: '!Ref', resolve: (v: string) => ({ Ref: v }) },
  { tag: '!Sub', resolve: (v: string) => ({ 'Fn::Sub': v }) },
  { tag: '!GetAtt', resolve: (v: string) => ({ 'Fn::GetAtt': v }) },
]

export interface Example {
  /** `README.md:42` */
  where: string
  file: string
  line: number
  heading: string
  /** The text of `<!-- example: … -->` right before the fence. */
  marker?: string
  text: string
  shape: Shape
}

/** The files whose examples must run: the README and every page of docs/. */
export function exampleFiles(): string[] {
  const docs = readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`)
  return ['README.md', ...docs]
}

export function examplesIn(file: string): Example[] {
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n')
  const out: Example[] = []
  let heading = ''
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    if (/^#{1,6} /.test(line)) heading = line.replace(/^#+ /, '')
    const fence = /^(`{3,})\s*ya?ml\s*$/.exec(line)
    if (!fence) continue
    const end = lines.findIndex((l, j) => j > i && l.trim() === fence[1])
    const text = lines.slice(i + 1, end).join('\n')
    out.push({
      where: `${file}:${i + 1}`,
      file,
      line: i + 1,
      heading,
      marker: markerBefore(lines, i),
      text,
      shape: shapeOf(text),
    })
    i = end
  }
  return out
}

function markerBefore(lines: string[], fenceIndex: number): string | undefined {
  let j = fenceIndex - 1
  while (j >= 0 && (lines[j] ?? '').trim() === '') j--
  return /^<!-- example: (.+?) -->$/.exec((lines[j] ?? '').trim())?.[1]
}

function shapeOf(text: string): Shape {
  let doc: unknown
  try {
    doc = parse(text, { customTags: CLOUDFORMATION_TAGS })
  } catch {
    return { kind: 'other' }
  }
  if (isObject(doc) && isObject(doc.jobs)) return { kind: 'workflow', workflow: doc as unknown as Workflow }
  if (Array.isArray(doc) && doc.length > 0 && doc.every((s) => isObject(s) && ('uses' in s || 'run' in s)))
    return { kind: 'steps', steps: doc as Step[] }
  if (isObject(doc) && isObject(doc.phases) && doc.version !== undefined)
    return { kind: 'buildspec', buildspec: doc as { phases: Record<string, { commands?: string[] }> } }
  if (isObject(doc) && doc.AWSTemplateFormatVersion !== undefined && isObject(doc.Resources))
    return { kind: 'cloudformation', template: doc as unknown as CloudFormationTemplate }
  return { kind: 'other' }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
