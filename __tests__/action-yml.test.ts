// action.yml is valid action metadata, lists exactly the inputs and outputs the code knows, and states
// the same literal defaults the code applies.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { Ajv } from 'ajv'
import { parse } from 'yaml'
import { Defaults, Inputs, Outputs } from '../src/inputs.js'
import { ROOT } from './helpers/run-action.js'

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8'))
const schema = JSON.parse(readFileSync(join(ROOT, '__tests__/fixtures/schemas/github-action.json'), 'utf8'))

describe('action.yml', () => {
  it('validates against the public action metadata schema', () => {
    const ajv = new Ajv({ strict: false, allErrors: true })
    const valid = ajv.validate(schema, action)
    expect(ajv.errors ?? []).toEqual([])
    expect(valid).toBe(true)
  })

  it('runs dist/index.js on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })

  it('is the Node version the install instructions name', () => {
    const major = String(action.runs.using).replace('node', '')
    for (const doc of ['README.md', 'docs/develop.md']) {
      const named = [...readFileSync(join(ROOT, doc), 'utf8').matchAll(/\bNode (\d+)/g)].map((m) => m[1])
      expect({ doc, named: [...new Set(named)] }).toEqual({ doc, named: [major] })
    }
  })

  it('declares exactly the inputs the code reads', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(Object.values(Inputs).sort())
  })

  it('declares exactly the outputs the code sets', () => {
    expect(Object.keys(action.outputs).sort()).toEqual(Object.values(Outputs).sort())
  })

  it.each(Object.values(Inputs))('input %s states the default the code applies', (name) => {
    const declared = action.inputs[name].default
    const literal = (Defaults as Record<string, string>)[name]
    if (name === Inputs.GithubToken) expect(declared).toBe('${{ github.token }}')
    else expect(declared).toBe(literal)
    expect(action.inputs[name].description.length).toBeGreaterThan(20)
  })

  it('requires only mode', () => {
    const required = Object.entries(action.inputs).filter(([, v]) => (v as { required?: boolean }).required)
    expect(required.map(([k]) => k)).toEqual(['mode'])
  })
})
