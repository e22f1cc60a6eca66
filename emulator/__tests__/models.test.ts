// The vendored service models (emulator/models/, extracted from botocore by tools/extract-models.ts): they load,
// every shape they name exists, every pattern compiles, every operation the plugins serve is modelled, and the
// awsQuery decoder reads them.
import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Clock } from '../core/clock.js'
import { loadModel, resolveShape, speaksQuery, type ServiceModel, type Shape } from '../core/model.js'
import { decodeQuery } from '../core/query-protocol.js'
import type { World } from '../core/types.js'
import { plugins } from '../services/index.js'

const dir = fileURLToPath(new URL('../models/', import.meta.url))
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))

function refs(shape: Shape): Shape[] {
  return [...Object.values(shape.members ?? {}), shape.member, shape.key, shape.value].filter(
    (s): s is Shape => s !== undefined,
  )
}

function servedServices() {
  const world: World = {
    clock: new Clock(Date.parse('2026-01-15T10:00:00Z'), 0),
    region: 'us-east-1',
    accountId: '123456789012',
    random: () => 0.5,
    states: {},
  }
  return plugins.flatMap((p) => p.create(undefined, world).services ?? [])
}

it('vendors the nine services the emulator serves or will serve', () => {
  expect(names.sort()).toEqual([
    'apigateway',
    'apigatewayv2',
    'codebuild',
    'codepipeline',
    'ecs',
    'elbv2',
    'logs',
    'monitoring',
    'sns',
  ])
})

describe.each(names)('models/%s.json', (name) => {
  const model: ServiceModel = loadModel(name)

  it('says where it came from', () => {
    expect(model.source).toMatch(/^boto\/botocore \d+\.\d+\.\d+ \(commit [0-9a-f]{40}, \d{4}-\d\d-\d\d\): /)
  })

  it('names only shapes it contains', () => {
    const operationRefs = Object.values(model.operations).flatMap((o) => [o.input, o.output])
    for (const ref of [...operationRefs, ...Object.values(model.shapes).flatMap(refs)]) {
      if (ref?.shape) expect(model.shapes).toHaveProperty([ref.shape])
    }
  })

  it('has patterns that compile as JavaScript regular expressions', () => {
    for (const shape of Object.values(model.shapes)) {
      if (shape.pattern !== undefined) expect(() => new RegExp(`^(?:${shape.pattern})$`, 'su')).not.toThrow()
    }
  })
})

it('models the input of every operation the plugins serve', () => {
  const services = servedServices()
  expect(services.map((s) => s.name).sort()).toEqual([
    'codebuild',
    'codepipeline',
    'ecs',
    'elasticloadbalancing',
    'logs',
    'monitoring',
    'sns',
  ])
  for (const service of services) {
    const model = loadModel(service.model!)
    for (const operation of Object.keys(service.operations)) {
      expect([service.name, operation, model.operations[operation]?.input]).toEqual([
        service.name,
        operation,
        expect.objectContaining({ shape: expect.any(String) }),
      ])
    }
  }
})

it('knows the APIs the next issues need', () => {
  const inputOf = (name: string, operation: string) => loadModel(name).operations[operation]?.input
  for (const operation of [
    'ListServiceDeployments',
    'DescribeServiceDeployments',
    'ContinueServiceDeployment',
    'StopServiceDeployment',
  ]) {
    expect(inputOf('ecs', operation)).toBeDefined()
  }
  expect(inputOf('elbv2', 'DescribeTargetHealth')).toBeDefined()
  expect(inputOf('elbv2', 'DescribeTargetGroups')).toBeDefined()
  expect(inputOf('apigateway', 'GetRestApis')).toBeDefined()
  expect(inputOf('apigatewayv2', 'GetApis')).toBeDefined()
  const ecs = loadModel('ecs')
  const configuration = resolveShape(ecs, { shape: 'DeploymentConfiguration' })
  expect(configuration.members).toHaveProperty('lifecycleHooks')
})

it('routes awsQuery by API version for SNS, Elastic Load Balancing v2 and CloudWatch', () => {
  expect(['sns', 'elbv2', 'monitoring'].filter((n) => speaksQuery(loadModel(n)))).toEqual([
    'sns',
    'elbv2',
    'monitoring',
  ])
  expect(speaksQuery(loadModel('ecs'))).toBe(false)
})

it('decodes an Elastic Load Balancing v2 awsQuery form with its model', () => {
  const form = new URLSearchParams({
    Action: 'DescribeTargetHealth',
    Version: '2015-12-01',
    TargetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/shop/0123456789abcdef',
    'Targets.member.1.Id': '10.0.1.15',
    'Targets.member.1.Port': '8080',
    'Include.member.1': 'AnomalyDetection',
  })
  expect(decodeQuery(loadModel('elbv2'), 'DescribeTargetHealth', form)).toEqual({
    TargetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/shop/0123456789abcdef',
    Targets: [{ Id: '10.0.1.15', Port: 8080 }],
    Include: ['AnomalyDetection'],
  })
})
