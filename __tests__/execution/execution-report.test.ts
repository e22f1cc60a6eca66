import { describe, expect, it } from '@jest/globals'
import type { ActionRow } from '../../src/result.js'
import type { Explanation } from '../../src/execution/explain.js'
import { explainRow } from '../../src/execution/execution-report.js'

const LOG = 'https://console.aws.amazon.com/cloudwatch/home#logsV2:log-groups/log-group/build/log-events/abc'
const PAGE = 'https://console.aws.amazon.com/codesuite/codebuild/projects/shop/build/shop:abc'

describe("explainRow: a failed action's row with its explanation, each address once", () => {
  it.each<[string, Partial<ActionRow>, Explanation, Partial<ActionRow>]>([
    ['page and log apart', { url: PAGE }, { logUrl: LOG }, { url: PAGE, logUrl: LOG }],
    ['the page is the log: kept as the log', { url: LOG }, { logUrl: LOG }, { logUrl: LOG }],
    [
      "the explanation's page, when the row has none",
      {},
      { url: PAGE, logUrl: LOG },
      { url: PAGE, logUrl: LOG },
    ],
    ["the explanation's page is the log", {}, { url: LOG, logUrl: LOG }, { logUrl: LOG }],
    [
      'no log: the page stays',
      { url: PAGE },
      { error: 'BUILD: exit 1' },
      { url: PAGE, error: 'BUILD: exit 1' },
    ],
    ['the log tail', {}, { logTail: ['a', 'b'] }, { logTail: ['a', 'b'] }],
  ])('%s', (_name, given, ex, want) => {
    const row: ActionRow = { name: 'Build', status: 'Failed', ...given }
    explainRow(row, ex)
    expect(row).toEqual({ name: 'Build', status: 'Failed', ...want })
  })
})
