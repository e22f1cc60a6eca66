import { describe, expect, it } from '@jest/globals'
import { InputError, withoutSecrets } from '../../src/config/input-error.js'
import { createRedactor } from '../../src/secrets.js'

const SECRET = 'https://hooks.slack.com/services/T000/B000/S3cr3tW3bh00kT0k3n'
const redact = createRedactor([SECRET])

describe('withoutSecrets', () => {
  it.each([
    ['a value without a secret is quoted as before', 'x', 'got "x"; accepted: y', 'got "x"; accepted: y'],
    [
      'a value carrying a secret, cut short by the quote, is named, not quoted',
      `ping ${SECRET} ${'x'.repeat(100)}`,
      `got "ping ${SECRET.slice(0, 60)}..."; accepted: y`,
      'got a value that contains the value of a secret input (not shown); accepted: y',
    ],
    [
      'a secret anywhere else in the problem is redacted',
      'x',
      `got "x"; compare ${SECRET}`,
      'got "x"; compare ***',
    ],
  ])('%s', (_name, value, problem, shown) => {
    const [out] = withoutSecrets([new InputError('approval-comment', problem)], () => value, redact)
    expect(out?.problem).toBe(shown)
    expect(out?.message).toBe(`Input "approval-comment": ${shown}`)
  })
})
