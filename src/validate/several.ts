// Several services of one release in one step (`service`, one per line): each judged by its own run at once,
// its log lines prefixed with its name, their first DescribeServices shared (shared-describe.ts); the step's
// result is the worst of theirs (several-verdict.ts). One service runs exactly as before. The step-wide checks (api-name, metric-checks, alarm-names) are judged once,
// with the first service, not once per service.
import type { ValidateConfig } from '../config/types.js'
import type { Logger, ModeDeps } from '../deps.js'
import type { StepResult } from '../result.js'
import { run } from './run.js'
import { combineServices } from './several-verdict.js'
import { sharingDescribeServices } from './shared-describe.js'

export async function runServices(config: ValidateConfig, deps: ModeDeps): Promise<StepResult> {
  const services = config.services ?? [config.service]
  if (services.length < 2) return run(config, deps)
  const startedAt = deps.now()
  // Their first looks go out together: one DescribeServices for up to 10 services.
  const aws = sharingDescribeServices(deps.aws)
  const results = await Promise.all(
    services.map((service, i) =>
      run(
        {
          ...config,
          service,
          services: undefined,
          ...(i > 0
            ? { api: undefined, metricChecks: [], alarmNames: [], stepWideChecksWith: services[0] }
            : {}),
        },
        { ...deps, aws, log: prefixed(deps.log, service) },
      ),
    ),
  )
  return combineServices(config, services, results, { startedAt, endedAt: deps.now() })
}

/** Runs side by side cannot share the runner's log groups: a service's lines carry its name instead. */
function prefixed(log: Logger, service: string): Logger {
  const tag = (m: string) => `[${service}] ${m}`
  return {
    info: (m) => log.info(tag(m)),
    warning: (m) => log.warning(tag(m)),
    debug: (m) => log.debug(tag(m)),
    group: (name, fn) => {
      log.info(tag(`— ${name} —`))
      return fn()
    },
  }
}
