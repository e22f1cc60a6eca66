// Every bad input of the shared table is refused by config, before any client exists, in an error that names
// it. The bundle's side of the same table (exit code, the one ::error line, the summary, add-mask) is
// __tests__/dist/bad-input.test.ts.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { InputErrors } from '../../src/config/read.js'
import type { InputName } from '../../src/inputs.js'
import { BAD_INPUTS, type BadInput } from '../fixtures/bad-inputs.js'
import { configFrom } from '../helpers/config.js'

/** The error config throws for a row, read as the runner would (its files in a fresh workspace). */
function refusal({ inputs, env, files }: BadInput): InputErrors {
  const workspace = mkdtempSync(join(tmpdir(), 'bad-input-'))
  for (const [name, content] of Object.entries(files ?? {})) writeFileSync(join(workspace, name), content)
  try {
    configFrom(inputs as Partial<Record<InputName, string>>, { GITHUB_WORKSPACE: workspace, ...env })
  } catch (e) {
    if (e instanceof InputErrors) return e
    throw e
  }
  throw new Error('expected the inputs to be refused')
}

describe('bad input is refused naming the input', () => {
  it.each(BAD_INPUTS)('$name → names "$input"', (row) => {
    const { message } = refusal(row)
    expect(message).toContain(`Input "${row.input}"`)
    if (row.message) expect(message).toMatch(row.message)
  })
})
