// runner.ts delegates to @actions/core: what it writes is byte for byte what core writes (and, under
// @github/local-action, what its stand-in for core does).
import { afterEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '@actions/core'
import * as runner from '../src/runner.js'

function stdoutOf(fn: () => void): string {
  const writes: string[] = []
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    writes.push(String(chunk))
    return true
  })
  try {
    fn()
  } finally {
    spy.mockRestore()
  }
  return writes.join('')
}

const TEXTS = [
  'plain',
  'multi\nline\r\ntext',
  '100% done, a:b',
  '',
  'https://hooks.slack.com/services/T0/B0/x%2F',
]

afterEach(() => {
  process.exitCode = undefined
})

describe('runner.ts matches @actions/core', () => {
  it.each(TEXTS)('setSecret(%p)', (text) =>
    expect(stdoutOf(() => runner.setSecret(text))).toBe(stdoutOf(() => core.setSecret(text))),
  )

  it.each(TEXTS)('setFailed(%p), exit code included', (text) => {
    const ours = stdoutOf(() => runner.setFailed(text))
    const oursCode = process.exitCode
    process.exitCode = undefined
    expect(ours).toBe(stdoutOf(() => core.setFailed(text)))
    expect(oursCode).toBe(process.exitCode)
  })

  it.each([
    ['mode', 'INPUT_MODE', '  monitor \n', 'monitor'],
    ['pipeline-name', 'INPUT_PIPELINE-NAME', 'shop-prod', 'shop-prod'],
    ['with space', 'INPUT_WITH_SPACE', 'x', 'x'],
    ['absent', 'INPUT_NOPE', undefined, ''],
  ])('getInput(%p)', (name, key, value, expected) => {
    const saved = process.env[key]
    if (value === undefined) delete process.env[key]
    else process.env[key] = value
    try {
      expect(runner.getInput(name)).toBe(expected)
      expect(runner.getInput(name)).toBe(core.getInput(name))
    } finally {
      if (saved === undefined) delete process.env[key]
      else process.env[key] = saved
    }
  })
})
