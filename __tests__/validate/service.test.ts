import { describe, expect, it } from '@jest/globals'
import type { DescribeServicesCommandOutput } from '@aws-sdk/client-ecs'
import { serviceIn } from '../../src/validate/service.js'

const ARN = (name: string) => `arn:aws:ecs:us-east-1:123456789012:service/prod/${name}`
const out: DescribeServicesCommandOutput = {
  $metadata: {},
  services: [
    { serviceName: 'shop', serviceArn: ARN('shop') },
    { serviceName: 'cart', serviceArn: ARN('cart') },
  ],
  failures: [
    { arn: ARN('gone'), reason: 'MISSING' },
    { arn: ARN('old'), reason: 'INACTIVE' },
  ],
}
const t = (service: string) => ({ cluster: 'prod', region: 'us-east-1', service })

describe('serviceIn: one service of a DescribeServices answer', () => {
  it.each([
    ['by name', 'cart', 'cart'],
    ['by ARN', ARN('shop'), 'shop'],
  ])('%s', (_how, service, name) => {
    expect(serviceIn(out, t(service)).serviceName).toBe(name)
  })

  it.each([
    ['its own failure', 'old', /"old" was not found in cluster "prod" \(INACTIVE\)/],
    ['its own failure, by ARN', ARN('gone'), /not found in cluster "prod" \(MISSING\)/],
    ['no word on it', 'other', /"other" was not found in cluster "prod" \(MISSING\)/],
  ])('not found: %s', (_how, service, message) => {
    expect(() => serviceIn(out, t(service))).toThrow(message)
  })
})
