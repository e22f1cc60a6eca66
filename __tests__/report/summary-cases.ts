// The summaries kept as reviewed fixtures: one success and one failure of each mode, with the notification
// lines a real run adds.
import { renderSummary, type DeliveryLine } from '../../src/report/summary.js'
import { ALL } from './fixtures.js'
import { monitorFailureAsReported } from './summary-shapes.js'
import { must } from '../helpers/must.js'

const run = {
  serverUrl: 'https://github.com',
  repository: 'octo-org/shop',
  runUrl: 'https://github.com/octo-org/shop/actions/runs/4242',
}

const emailDelivered: DeliveryLine = { channel: 'E-mail (SNS)', ok: true, text: 'alert delivered' }
const delivered: DeliveryLine[] = [
  { channel: 'Slack (webhook)', ok: true, text: 'alert delivered' },
  emailDelivered,
]

export const SUMMARY_CASES: Record<
  string,
  { make: () => ReturnType<(typeof ALL)[keyof typeof ALL]>; deliveries: DeliveryLine[] }
> = {
  'create-pipeline-success': {
    make: ALL.createSuccess,
    deliveries: [{ channel: 'Alerts', ok: true, text: 'none sent: notify-on is "failure"' }],
  },
  'create-pipeline-failure': { make: ALL.createFailure, deliveries: delivered },
  'monitor-success': {
    make: ALL.monitorSuccess,
    deliveries: [
      {
        channel: 'Commit status "deploy/staging"',
        ok: true,
        text: 'pending — Deployment pipeline succeeded: … — awaiting the final check',
      },
    ],
  },
  'monitor-failure': {
    // As the monitor reports it: the failed build's log in the reason.
    make: monitorFailureAsReported,
    deliveries: [
      ...delivered,
      { channel: 'Commit status "deploy/staging"', ok: true, text: 'failure — Stage Build failed: …' },
    ],
  },
  'validate-success': {
    make: ALL.validateSuccess,
    deliveries: [
      {
        channel: 'Commit status "deploy/staging"',
        ok: true,
        text: 'success — All 4 checks passed for shop-staging/shop',
      },
    ],
  },
  'validate-failure': {
    make: ALL.validateFailure,
    deliveries: [
      {
        channel: 'Slack (chat.postMessage)',
        ok: false,
        text: 'alert NOT delivered: Slack answered HTTP 503 (gave up after 5 attempts)',
      },
      emailDelivered,
    ],
  },
}

export function summaryFixture(name: string): string {
  const c = must(SUMMARY_CASES[name], `the summary case "${name}"`)
  return renderSummary(c.make(), { run, deliveries: c.deliveries })
}
