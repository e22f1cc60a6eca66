// Several services of one release in one step (`service`, one per line): each judged by its own run at once,
// its log lines prefixed with its name; their first looks are one DescribeServices, handed to each run; the
// step's result is the worst of theirs (several-verdict.ts). One service runs exactly as before. The step-wide
// checks (api-name, metric-checks, alarm-names) are judged once, with the first service, not once per service.
import type { Service } from '@aws-sdk/client-ecs'
import type { ValidateConfig } from '../config/types.js'
import type { Logger, ModeDeps } from '../deps.js'
import type { StepResult } from '../result.js'
import type { RunOptions } from './run-options.js'
import { run } from './run.js'
import { describeServices } from './service.js'
import { combineServices } from './several-verdict.js'

export async function runServices(config: ValidateConfig, deps: ModeDeps): Promise<StepResult> {
  const services = config.services ?? [config.service]
  if (services.length < 2) return run(config, deps)
  const startedAt = deps.now()
  const firstLooks = lookAtAll(config, deps, services, startedAt + config.timeoutMs)
  const results = await Promise.all(
    services.map((service, i) =>
      run(
        {
          ...config,
          service,
          services: undefined,
          ...(i > 0 ? { api: undefined, metricChecks: [], alarmNames: [] } : {}),
        },
        { ...deps, log: prefixed(deps.log, service) },
        optionsFor(service, i > 0 ? services[0] : undefined, firstLooks),
      ),
    ),
  )
  return combineServices(config, services, results, { startedAt, endedAt: deps.now() })
}

/** One DescribeServices for every service (at most 10, DescribeServices' limit), bounded by the step's deadline. */
function lookAtAll(
  config: ValidateConfig,
  deps: ModeDeps,
  services: string[],
  deadline: number,
): Promise<(service: string) => Service> {
  return describeServices(deps, { cluster: config.cluster, region: config.region }, services, deadline)
}

/** A run's share of the step: its first look, and the service the step-wide checks are judged with (not its own). */
function optionsFor(
  service: string,
  stepWideChecksWith: string | undefined,
  firstLooks: Promise<(service: string) => Service>,
): RunOptions {
  const firstLook = firstLooks.then((lookOf) => lookOf(service))
  // The run awaits it (and meets the failure, if any); it is not left unhandled meanwhile.
  firstLook.catch(() => undefined)
  return {
    firstLook,
    ...(stepWideChecksWith ? { stepWideChecksWith } : {}),
  }
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
