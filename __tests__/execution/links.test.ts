import { consoleHost, executionUrl, logStreamUrl } from '../../src/execution/links.js'

describe('console links', () => {
  it.each([
    ['us-east-1', 'us-east-1.console.aws.amazon.com'],
    ['cn-north-1', 'cn-north-1.console.amazonaws.cn'],
    ['us-gov-west-1', 'us-gov-west-1.console.amazonaws-us-gov.com'],
  ])('%s → %s', (region, host) => {
    expect(consoleHost(region)).toBe(host)
    expect(executionUrl(region, 'shop-staging', 'e-1')).toBe(
      `https://${host}/codesuite/codepipeline/pipelines/shop-staging/executions/e-1/timeline?region=${region}`,
    )
  })

  it('log stream links use the console fragment encoding', () => {
    expect(logStreamUrl('us-east-1', '/aws/codebuild/shop', 'abc/def')).toBe(
      'https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:log-groups/log-group/$252Faws$252Fcodebuild$252Fshop/log-events/abc$252Fdef',
    )
  })
})
