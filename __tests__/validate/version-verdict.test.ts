import { describe, expect, it } from '@jest/globals'
import { imageTag, judgeVersion, versionSkipped } from '../../src/validate/version-verdict.js'

const TD = 'arn:aws:ecs:us-east-1:123456789012:task-definition/shop:7'

describe('imageTag', () => {
  it.each([
    ['123456789012.dkr.ecr.us-east-1.amazonaws.com/shop:abc1234', 'abc1234'],
    ['registry.local:5000/team/shop:v1.2.3', 'v1.2.3'],
    ['registry.local:5000/team/shop', undefined],
    ['shop:abc1234@sha256:0123', 'abc1234'],
    ['shop@sha256:0123', undefined],
    ['nginx', undefined],
  ])('%s → %s', (image, tag) => expect(imageTag(image)).toBe(tag))
})

describe('judgeVersion', () => {
  it('passes when every container carries the tag', () => {
    const c = judgeVersion('abc1234', TD, [
      { name: 'app', image: 'r/shop:abc1234' },
      { name: 'sidecar', image: 'r/envoy:abc1234' },
    ])
    expect(c).toMatchObject({ status: 'pass', value: 'abc1234', threshold: 'abc1234' })
    expect(c.message).toMatch(/shop:7 \(app, sidecar\)/)
  })
  it('fails naming the container and its image', () => {
    const c = judgeVersion('abc1234', TD, [
      { name: 'app', image: 'r/shop:0ld0ld0' },
      { name: 'sidecar', image: 'r/envoy:abc1234' },
    ])
    expect(c.status).toBe('fail')
    expect(c.message).toMatch(/container app runs r\/shop:0ld0ld0, not tag "abc1234"/)
  })
  it('an untagged image does not carry the tag', () => {
    expect(judgeVersion('abc1234', TD, [{ name: 'app', image: 'r/shop@sha256:1' }]).status).toBe('fail')
  })
  it('without expected-image-tag: a skip row that says plainly the version was not verified', () => {
    expect(versionSkipped()).toMatchObject({ name: 'version', status: 'skip' })
    expect(versionSkipped().message).toMatch(/^not verified/)
  })
})
