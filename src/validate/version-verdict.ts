// The PRIMARY task definition's container images → the version check. Pure.
import type { Check } from '../result.js'
import { shortTd } from './rollout-verdict.js'

export interface ContainerImage {
  name: string
  image: string
}

/** The tag of an image reference: `repo:tag`, `host:5000/repo:tag`, `repo:tag@sha256:…`; undefined when none. */
export function imageTag(image: string): string | undefined {
  const withoutDigest = image.split('@')[0] ?? ''
  const lastSegment = withoutDigest.slice(withoutDigest.lastIndexOf('/') + 1)
  const colon = lastSegment.indexOf(':')
  return colon === -1 ? undefined : lastSegment.slice(colon + 1)
}

export const VERSION_NOT_VERIFIED =
  'version: no expected-image-tag was given, so which version the service runs was not verified'

export function versionSkipped(): Check {
  return {
    name: 'version',
    type: 'version',
    status: 'skip',
    value: null,
    threshold: null,
    message:
      'not verified: set expected-image-tag to check that every container runs the version you deployed (a rollback to the old version would otherwise go unnoticed here)',
  }
}

export function judgeVersion(
  expectedTag: string,
  taskDefinition: string,
  containers: ContainerImage[],
): Check {
  const base = { name: 'version', type: 'version', threshold: expectedTag }
  const wrong = containers.filter((c) => imageTag(c.image) !== expectedTag)
  if (containers.length === 0) {
    return { ...base, status: 'fail', value: null, message: `${shortTd(taskDefinition)} has no containers` }
  }
  if (wrong.length > 0) {
    return {
      ...base,
      status: 'fail',
      value: wrong.map((c) => imageTag(c.image) ?? '(no tag)').join(', '),
      message: `${shortTd(taskDefinition)}: ${wrong.map((c) => `container ${c.name} runs ${c.image}`).join('; ')}, not tag "${expectedTag}"`,
    }
  }
  return {
    ...base,
    status: 'pass',
    value: expectedTag,
    message: `every container of ${shortTd(taskDefinition)} (${containers.map((c) => c.name).join(', ')}) runs tag "${expectedTag}"`,
  }
}
