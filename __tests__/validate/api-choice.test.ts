import { describe, expect, it } from '@jest/globals'
import { chooseApi, metricName, type ApiLists } from '../../src/validate/api-choice.js'

const lists: ApiLists = {
  rest: [
    { id: 'a1b2c3d4e5', name: 'shop-prod' },
    { id: 'f6g7h8i9j0', name: 'twin' },
    { id: 'k1l2m3n4o5', name: 'twin' },
    { id: 'p6q7r8s9t0', name: 'both' },
    { id: 'u1v2w3x4y5', name: 'café' },
  ],
  http: [
    { id: 'z9y8x7w6v5', name: 'shop-http' },
    { id: 'u4t3s2r1q0', name: 'both' },
    { id: 'h1h1h1h1h1', name: 'pair' },
    { id: 'h2h2h2h2h2', name: 'pair' },
  ],
}

describe('chooseApi: api-name → the API measured, or a row saying why none is', () => {
  it.each([
    [
      'a REST API by name: ApiName (+ Stage)',
      'shop-prod',
      'prod',
      'rate',
      /ApiName=shop-prod,Stage=prod 5XXError/,
    ],
    [
      'an HTTP API by name: ApiId (+ Stage)',
      'shop-http',
      '$default',
      'rate',
      /ApiId=z9y8x7w6v5,Stage=\$default 5xx/,
    ],
    ['an HTTP API by id', 'h2h2h2h2h2', undefined, 'rate', /ApiId=h2h2h2h2h2 5xx/],
    ['a REST API by id: measured by its name', 'a1b2c3d4e5', undefined, 'rate', /ApiName=shop-prod 5XXError/],
    [
      'REST APIs sharing a name share its metrics: measured together',
      'twin',
      undefined,
      'rate',
      /ApiName=twin/,
    ],
    [
      'a REST name with non-ASCII characters: stripped, as API Gateway does',
      'café',
      undefined,
      'rate',
      /ApiName=caf 5XX/,
    ],
    [
      'no such API: fail, naming the input',
      'shop-prdo',
      undefined,
      'fail',
      /^no REST or HTTP API named "shop-prdo" in us-east-1 \(5 REST and 4 HTTP APIs listed\): check api-name/,
    ],
    [
      'a REST and an HTTP API of one name: fail, naming both',
      'both',
      undefined,
      'fail',
      /2 APIs are named "both" \(REST API p6q7r8s9t0, HTTP API u4t3s2r1q0\): set api-name to the id/,
    ],
    [
      'two HTTP APIs of one name: fail, naming both',
      'pair',
      undefined,
      'fail',
      /HTTP API h1h1h1h1h1, HTTP API h2h2h2h2h2/,
    ],
  ])('%s', (_, name, stage, kind, said) => {
    const choice = chooseApi({ name, stage }, lists, 'us-east-1')
    if (kind === 'rate') {
      expect(choice.kind).toBe('rate')
      if (choice.kind !== 'rate') return
      const s = choice.source
      const dims = s.dimensions.map((d) => `${d.Name}=${d.Value}`).join(',')
      expect(`${dims} ${s.errorsMetric} ${s.requestsMetric}`).toMatch(said)
      expect(s.requestsMetric).toBe('Count')
      expect(s.check).toBe('API 5XX error rate')
    } else {
      // Names no API (or more than one): the step fails, but it measured nothing, so no write acts on it.
      expect(choice).toMatchObject({
        kind: 'row',
        row: { status: 'fail', measured: false, name: 'API 5XX error rate' },
      })
      if (choice.kind === 'row') expect(choice.row.message).toMatch(said)
    }
  })

  it('says when REST APIs sharing a name are measured together', () => {
    const choice = chooseApi({ name: 'twin' }, lists, 'us-east-1')
    expect(choice.kind === 'rate' && choice.source.label).toMatch(/2 REST APIs share this name/)
  })

  it('metricName: the id when nothing ASCII is left', () => {
    expect(metricName({ id: 'abcdefghij', name: 'カフェ' })).toBe('abcdefghij')
  })
})
