// The `apigateway:` section of a scenario: REST APIs (API Gateway v1) and HTTP APIs (API Gateway v2), by name,
// each with an optional stage and the traffic it serves (published to CloudWatch, metrics.ts). Times are seconds
// relative to the emulator's start.
import { parseTraffic, type TrafficSpec } from '../elbv2/scenario.js'
import { known, obj, optStr, type Obj } from '../ecs/read.js'

export interface ApiSpec {
  name: string
  /** Set to give the API a fixed id; otherwise one is derived from the name and kind. */
  id?: string
  /** The stage its traffic is published under (also without the Stage dimension, as API Gateway does). */
  stage?: string
  traffic?: TrafficSpec
}

export interface ApiGatewayScenario {
  restApis: ApiSpec[]
  httpApis: ApiSpec[]
}

/** Two APIs may share a name (API Gateway allows it): `restApis` and `httpApis` are lists or name-keyed maps. */
export function parseApiGatewayScenario(section: unknown): ApiGatewayScenario {
  const root = obj(section ?? {}, 'apigateway')
  known(root, 'apigateway', ['restApis', 'httpApis'])
  return {
    restApis: apis(root.restApis, 'apigateway.restApis'),
    httpApis: apis(root.httpApis, 'apigateway.httpApis'),
  }
}

function apis(raw: unknown, path: string): ApiSpec[] {
  if (raw === undefined) return []
  if (Array.isArray(raw))
    return raw.map((item, i) => {
      const o = obj(item, `${path}.${i}`)
      return api(optStr(o.name, `${path}.${i}.name`) ?? '', o, `${path}.${i}`)
    })
  return Object.entries(obj(raw, path)).map(([name, o]) =>
    api(name, obj(o ?? {}, `${path}.${name}`), `${path}.${name}`),
  )
}

function api(name: string, o: Obj, path: string): ApiSpec {
  known(o, path, ['name', 'id', 'stage', 'traffic'])
  return {
    name,
    id: optStr(o.id, `${path}.id`),
    stage: optStr(o.stage, `${path}.stage`),
    traffic:
      o.traffic === undefined
        ? undefined
        : parseTraffic(obj(o.traffic, `${path}.traffic`), `${path}.traffic`),
  }
}
