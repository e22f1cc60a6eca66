import { describe, expect, it } from '@jest/globals'
import { InputError } from '../../src/config/input-error.js'
import {
  parseArn,
  parseBoolean,
  parseCommitSha,
  parseNonNegative,
  parsePositive,
  parseRate,
  parseRegion,
  parseTags,
  parseWebhookUrl,
} from '../../src/config/parse.js'

describe('parsePositive', () => {
  it.each([
    ['60', 60],
    ['0.5', 0.5],
    ['.5', 0.5],
    ['1', 1],
  ])('accepts %s', (v, n) => expect(parsePositive('x', v)).toBe(n))
  it.each(['0', '-1', 'abc', '1e3', '', ' 5', 'Infinity', '0x10'])('rejects %p', (v) =>
    expect(() => parsePositive('x', v)).toThrow(InputError),
  )
  it('rejects decimals for whole numbers', () =>
    expect(() => parsePositive('x', '2.5', { integer: true })).toThrow(/whole number/))
  it('enforces a maximum', () =>
    expect(() => parsePositive('x', '21', { integer: true, max: 20 })).toThrow(/at most 20/))
})

describe('parseNonNegative', () => {
  it.each([
    ['0', 0],
    ['2.5', 2.5],
  ])('accepts %s', (v, n) => expect(parseNonNegative('x', v)).toBe(n))
  it.each(['-1', 'x'])('rejects %s', (v) => expect(() => parseNonNegative('x', v)).toThrow(InputError))
})

describe('parseRate', () => {
  it.each([
    ['0.01', 0.01],
    ['1', 1],
    ['0.5', 0.5],
  ])('accepts %s', (v, n) => expect(parseRate('r', v)).toBe(n))
  it.each(['0', '1.01', '-0.1', '5%', 'one'])('rejects %s', (v) =>
    expect(() => parseRate('r', v)).toThrow(/at most 1/),
  )
})

describe('parseBoolean', () => {
  it.each([
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['false', false],
    ['False', false],
    ['FALSE', false],
  ])('%s → %s', (v, b) => expect(parseBoolean('b', v)).toBe(b))
  it.each(['yes', 'no', '1', 'on'])('rejects %s', (v) =>
    expect(() => parseBoolean('b', v)).toThrow(/"true" or "false"/),
  )
})

describe('parseArn', () => {
  it.each([
    ['role', 'arn:aws:iam::123456789012:role/service-role/pipeline'],
    ['role', 'arn:aws-cn:iam::123456789012:role/p'],
    [
      'connection',
      'arn:aws:codeconnections:us-east-1:123456789012:connection/0a1b2c3d-4e5f-6789-abcd-ef0123456789',
    ],
    [
      'connection',
      'arn:aws:codestar-connections:eu-west-1:123456789012:connection/0a1b2c3d-4e5f-6789-abcd-ef0123456789',
    ],
    ['connection', 'arn:aws-us-gov:codeconnections:us-gov-west-1:123456789012:connection/abc'],
    ['topic', 'arn:aws:sns:us-east-1:123456789012:deploy-alerts'],
  ] as const)('accepts a %s ARN %s', (kind, v) => expect(parseArn('a', v, kind)).toBe(v))
  it.each([
    ['role', 'pipeline-role'],
    ['role', 'arn:aws:iam::12345:role/p'],
    ['role', 'arn:aws:iam::123456789012:user/p'],
    ['connection', 'arn:aws:codestar:us-east-1:123456789012:connection/x'],
    ['connection', 'arn:aws:codeconnections:us-east-1:123456789012:host/x'],
    ['topic', 'arn:aws:sqs:us-east-1:123456789012:q'],
    ['topic', 'arn:aws:sns:us-east-1:123456789012:deploy.fifo'],
  ] as const)('rejects a %s ARN %s, showing an example', (kind, v) =>
    expect(() => parseArn('a', v, kind)).toThrow(/accepted: an ARN like arn:aws:/),
  )
})

describe('parseRegion', () => {
  it.each(['us-east-1', 'eu-central-2', 'us-gov-west-1', 'cn-north-1', 'ap-southeast-5', 'eusc-de-east-1'])(
    'accepts %s',
    (r) => expect(parseRegion('aws-region', r)).toBe(r),
  )
  it.each(['Virginia', 'us-east', 'US-EAST-1'])('rejects %s', (r) =>
    expect(() => parseRegion('aws-region', r)).toThrow(InputError),
  )
})

describe('parseCommitSha', () => {
  it('lower-cases a full SHA', () =>
    expect(parseCommitSha('c', 'ABCDEF0123456789ABCDEF0123456789ABCDEF01')).toBe(
      'abcdef0123456789abcdef0123456789abcdef01',
    ))
  it.each(['abc1234', 'z'.repeat(40)])('rejects %s', (v) =>
    expect(() => parseCommitSha('c', v)).toThrow(/full commit SHA/),
  )
})

describe('parseTags', () => {
  it('reads key=value lines and skips blanks', () =>
    expect(parseTags('tags', 'team=web\n\n owner = ops \nempty=')).toEqual([
      { key: 'team', value: 'web' },
      { key: 'owner', value: 'ops' },
      { key: 'empty', value: '' },
    ]))
  it.each(['novalue', '=x', 'a=b\nbroken'])('rejects %p', (v) =>
    expect(() => parseTags('tags', v)).toThrow(/key=value/),
  )
})

describe('parseWebhookUrl', () => {
  it.each(['https://hooks.slack.com/services/T0/B0/x', 'http://127.0.0.1:8080/hook', 'http://[::1]:9/x'])(
    'accepts %s',
    (u) => expect(parseWebhookUrl('w', u)).toBe(u),
  )
  it.each([
    'http://hooks.slack.com/services/T0/B0/secretpart',
    'ftp://x/secretpart',
    'not a url secretpart',
    'http://localhost/secretpart',
    'http://127.evil.com/secretpart',
  ])('rejects %s without echoing it', (u) => {
    let message = ''
    try {
      parseWebhookUrl('w', u)
    } catch (e) {
      message = (e as Error).message
    }
    expect(message).toMatch(/value hidden/)
    expect(message).not.toContain('secretpart')
  })
})
