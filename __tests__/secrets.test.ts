import { describe, expect, it } from '@jest/globals'
import { createRedactor, secretForms, secretsOf } from '../src/secrets.js'

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

describe('every encoding of a secret', () => {
  const token = 'ghs_L3akT3st0k3nABCDEFGHIJKLMNOP'
  const redact = createRedactor([token])
  it.each([0, 1, 2, 5])('removes it from base64 text with %i bytes before it', (before) => {
    const encoded = Buffer.from(`${'x'.repeat(before)}Authorization: token ${token} rest`).toString('base64')
    const out = redact(`payload=${encoded}`)
    const middle = Buffer.from(token).toString('base64').slice(4, -4)
    expect(out).not.toContain(middle)
    expect(out).toContain('***')
  })
  it('removes the base64url form', () => {
    const out = redact(Buffer.from(`?${token}`).toString('base64url'))
    expect(out).toContain('***')
  })
})

describe('request-signing material', () => {
  const redact = createRedactor([])
  it.each([
    [
      'Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261205/us-east-1/ecs/aws4_request, SignedHeaders=host, Signature=fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024',
      'fe5f80f77d5fa3',
    ],
    ['{"x-amz-security-token":"IQoJb3JpZ2luX2VjEHcaCXVzLWVhc3QtMSJGMEQCIBxyz"}', 'IQoJb3JpZ2lu'],
    [
      'https://bucket.s3.amazonaws.com/k?X-Amz-Signature=abcdef0123456789&X-Amz-Credential=ASIAXXXXXXXXXXXXXXXX%2F2026',
      'abcdef0123',
    ],
    ['key id ASIAQWERTYUIOPASDFGH in a message', 'ASIAQWERTYUIOPASDFGH'],
    ['authorization: Bearer xoxb-123-456-abc', 'xoxb-123'],
  ])('%s', (text, secretPart) => {
    const out = redact(text)
    expect(out).not.toContain(secretPart)
    expect(out).toContain('***')
  })
})

describe('secretsOf', () => {
  it('adds the AWS credentials and runner tokens of the environment', () => {
    const secrets = secretsOf(
      { reporting: { githubToken: 'ghs_abcdefgh' } } as Parameters<typeof secretsOf>[0],
      {
        AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG',
        AWS_SESSION_TOKEN: 'IQoJb3JpZ2luX2Vj',
        PATH: '/usr/bin',
      },
    )
    expect(secrets).toEqual(['ghs_abcdefgh', 'wJalrXUtnFEMI/K7MDENG', 'IQoJb3JpZ2luX2Vj'])
  })
})
