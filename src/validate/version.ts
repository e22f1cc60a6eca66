// The version check's one read: the PRIMARY deployment's task definition and its container images.
import { DescribeTaskDefinitionCommand, ECSClient } from '@aws-sdk/client-ecs'
import type { ModeDeps } from '../deps.js'
import type { Check } from '../result.js'
import { judgeVersion } from './version-verdict.js'
import { call } from '../aws-errors.js'
import { patiently } from './read.js'

export async function checkVersion(
  deps: ModeDeps,
  expectedTag: string,
  taskDefinition: string,
  deadline: number,
): Promise<Check> {
  const out = await patiently(deps, deadline, () =>
    call('ecs', 'DescribeTaskDefinition', () =>
      deps.aws
        .get(ECSClient)
        .send(new DescribeTaskDefinitionCommand({ taskDefinition }), { abortSignal: deps.signal }),
    ),
  )
  const containers = (out.taskDefinition?.containerDefinitions ?? []).map((c) => ({
    name: c.name ?? '?',
    image: c.image ?? '',
  }))
  return judgeVersion(expectedTag, taskDefinition, containers)
}
