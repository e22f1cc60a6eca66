// The `ecs:` scenario section: defaults, and mistakes reported with the path to fix.
import { parseEcsScenario } from '../services/ecs/scenario.js'
import { firstOf, nth, only } from './must.js'

const parse = (section: unknown) => parseEcsScenario(section, 'us-east-1', '123456789012')

describe('ecs scenario section', () => {
  it('fills in defaults: 1 task, ECS controller, circuit breaker with rollback, one deployment an hour ago', () => {
    const service = only(only(parse({ clusters: { c: { services: { web: {} } } } }).clusters).services)
    expect(service).toMatchObject({
      name: 'web',
      desiredCount: 1,
      controller: 'ECS',
      status: 'ACTIVE',
      circuitBreaker: { enable: true, rollback: true, thresholdType: 'BOUNDED_PERCENT', thresholdValue: 50 },
      taskDefinitions: [
        {
          family: 'web',
          revision: 1,
          containers: [{ name: 'app', image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:latest' }],
        },
      ],
      deployments: [{ taskDefinition: '1', at: -3600, outcome: 'success', duration: 60 }],
      onDeploy: [{ outcome: 'success', duration: 60 }],
    })
  })

  it('a service deploys ROLLING unless told; LINEAR takes the documented defaults (10 %, 6 min)', () => {
    const { services } = firstOf(
      parse({ clusters: { c: { services: { a: {}, b: { strategy: 'LINEAR' } } } } }).clusters,
    )
    const [rolling, linear] = [firstOf(services), nth(services, 1)]
    expect(rolling.deploymentStrategy).toMatchObject({ strategy: 'ROLLING', lifecycleHooks: [] })
    expect(linear.deploymentStrategy).toMatchObject({
      strategy: 'LINEAR',
      linear: { stepPercent: 10, stepBakeTimeInMinutes: 6 },
    })
  })

  it('accepts no section at all', () => {
    expect(parse(undefined)).toEqual({ clusters: [] })
  })

  it.each([
    [
      { clusters: { c: { services: { web: { desiredcount: 2 } } } } },
      /ecs\.clusters\.c\.services\.web\.desiredcount: unknown key/,
    ],
    [{ clusters: { c: { services: { web: { desiredCount: -1 } } } } }, /desiredCount: must be at least 0/],
    [
      { clusters: { c: { services: { web: { controller: 'ECS_BLUE' } } } } },
      /controller: must be one of ECS, CODE_DEPLOY, EXTERNAL/,
    ],
    [
      { clusters: { c: { services: { web: { deployments: [{ outcome: 'boom' }] } } } } },
      /deployments\.0\.outcome: must be one of/,
    ],
    [
      { clusters: { c: { services: { web: { deployments: [{ at: 10 }] } } } } },
      /the first deployment must start at or before 0/,
    ],
    [
      { clusters: { c: { services: { web: { deployments: [{ at: -10 }, { at: -20 }] } } } } },
      /in time order/,
    ],
    [{ clusters: { c: { services: { web: { taskDefinitions: [{}] } } } } }, /needs `images` or `containers`/],
    [
      { clusters: { c: { services: { web: { strategy: 'CANARY' } } } } },
      /web\.canary: needs canaryPercent and canaryBakeTimeInMinutes with strategy CANARY/,
    ],
    [
      {
        clusters: {
          c: {
            services: {
              web: { strategy: 'BLUE_GREEN', lifecycleHooks: [{ lifecycleStages: ['PRE_SCALE_UP'] }] },
            },
          },
        },
      },
      /lifecycleHooks\.0\.lifecycleStages\.0: must be one of POST_SCALE_UP/,
    ],
    [
      {
        clusters: {
          c: {
            services: {
              web: { lifecycleHooks: [{ targetType: 'AWS_LAMBDA', lifecycleStages: ['POST_SCALE_UP'] }] },
            },
          },
        },
      },
      /lifecycleHooks\.0\.hookTargetArn: is required/,
    ],
    [
      { clusters: { c: { services: { web: { deployments: [{ alarm: { after: 10, names: [] } }] } } } } },
      /deployments\.0\.alarm\.names: needs at least one alarm name/,
    ],
  ])('rejects %j', (section, message) => {
    expect(() => parse(section)).toThrow(message)
  })
})
