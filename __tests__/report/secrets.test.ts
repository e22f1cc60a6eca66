import { describe, expect, it } from '@jest/globals'
import { createRedactor, secretForms } from '../../src/report/secrets.js'

describe('createRedactor', () => {
  const url = 'https://hooks.slack.com/services/T000/B000/s3cr3t"with/odd chars'
  const redact = createRedactor([url, 'xoxb-1111-secret-token'])
  it.each(secretForms(url))('removes the form %s', (form) => {
    expect(redact(`before ${form} after`)).toBe('before *** after')
  })
  it('removes tokens inside JSON', () => {
    expect(redact(JSON.stringify({ a: 'Bearer xoxb-1111-secret-token' }))).toBe('{"a":"Bearer ***"}')
  })
  it('leaves other text alone', () => expect(redact('nothing secret')).toBe('nothing secret'))
})
