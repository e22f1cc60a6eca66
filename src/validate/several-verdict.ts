// The results of several services → the step's one result: the worst verdict (a measured failure before one
// that could not be verified, before a pass), every row named by its service, a section per service. Pure.
import type { ValidateConfig } from '../config/types.js'
import { stepResult, type Check, type StepResult, type ValidateDetails } from '../result.js'
import { passedCount } from './verdict.js'

export type ServiceDetails = Omit<ValidateDetails, 'kind' | 'services'>

const detailsOf = (r: StepResult): ValidateDetails => r.details as ValidateDetails

/** `cart: 5 of 6 checks passed`: a passing service's part of the step's reason, from its checks. */
function passedPart(r: StepResult): string {
  const d = detailsOf(r)
  return `${d.service}: ${passedCount(d.checks, d.unverified)}`
}

/** How bad a result is: the step takes the worst. */
function rank(r: StepResult): number {
  if (r.cancelled) return 3
  if (r.verdict === 'failure') return r.unverified ? 1 : 2
  return 0
}

export function combineServices(
  config: ValidateConfig,
  services: string[],
  results: StepResult[],
  time: { startedAt: number; endedAt: number },
): StepResult {
  const worst = results.reduce<StepResult | undefined>((w, r) => (!w || rank(r) > rank(w) ? r : w), undefined)
  const failing = results.filter((r) => r.verdict === 'failure')
  const named = (r: StepResult) => detailsOf(r).service
  const others = failing.filter((r) => r !== worst).map(named)
  const list = services.map((s) => `"${s}"`).join(', ')
  const reason =
    worst && worst.verdict === 'failure'
      ? `${worst.reason}${others.length ? ` (and not passing either: ${others.join(', ')})` : ''}`
      : `Validation of services ${list} in cluster "${config.cluster}" passed: ${results.map(passedPart).join('; ')}`
  const per: ServiceDetails[] = results.map((r) => {
    const { kind: _kind, ...rest } = detailsOf(r)
    void _kind
    return rest
  })
  const rows = (d: ServiceDetails): Check[] =>
    d.checks.map((c) => ({ ...c, name: `${d.service}: ${c.name}` }))
  const details: ValidateDetails = {
    kind: 'validate',
    cluster: config.cluster,
    service: services.join(', '),
    checks: per.flatMap(rows),
    unverified: per.flatMap((d) => d.unverified.map((u) => `${d.service}: ${u}`)),
    services: per,
  }
  return stepResult(config, {
    verdict: failing.length > 0 ? 'failure' : 'success',
    reason,
    details,
    cancelled: results.some((r) => r.cancelled),
    unverified: failing.length > 0 && failing.every((r) => r.unverified),
    warnings: results.flatMap((r) => r.warnings.map((w) => `${named(r)}: ${w}`)),
    startedAt: time.startedAt,
    endedAt: time.endedAt,
  })
}
