import { describe, expect, it } from '@jest/globals'
import { refuseTarget } from '../../../src/validate/rollback/service.js'

const td = (rev: number, family = 'shop') =>
  `arn:aws:ecs:us-east-1:123456789012:task-definition/${family}:${rev}`
const image = (tag: string) => `123456789012.dkr.ecr.us-east-1.amazonaws.com/shop:${tag}`

describe('refuseTarget', () => {
  it.each([
    [
      'the usual case: back to the older revision',
      { target: td(2), images: [image('v1')], running: td(3) },
      undefined,
    ],
    [
      'never to what the PRIMARY deployment already runs',
      { target: td(2), images: [image('v1')], running: td(2) },
      /^not needed: the PRIMARY deployment already runs shop:2/,
    ],
    [
      'never to a task definition whose images carry the expected tag (the version being judged)',
      { target: td(3), images: [image('v2')], running: td(2), expectedImageTag: 'v2' },
      /^not done: shop:3, which the service ran before its latest deployment, carries the expected tag "v2"/,
    ],
    [
      'the expected tag on a sidecar counts too',
      { target: td(2), images: [image('v1'), 'envoy:v2'], running: td(9), expectedImageTag: 'v2' },
      /carries the expected tag "v2"/,
    ],
    [
      'without the tag: the latest deployment went back to an older revision, so it was a rollback',
      { target: td(3), images: [image('v2')], running: td(2) },
      /^not done: the latest deployment went from shop:3 back to the older shop:2 — it looks like an earlier rollback/,
    ],
    [
      'another family is not compared by revision',
      { target: td(7, 'old-shop'), images: [image('v1')], running: td(2) },
      undefined,
    ],
  ])('%s', (_name, facts, expected) => {
    const refused = refuseTarget(facts)
    if (expected === undefined) expect(refused).toBeUndefined()
    else expect(refused).toMatch(expected)
  })
})
