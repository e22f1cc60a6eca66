// Console links, in the console domain of the region's partition (aws, aws-cn, aws-us-gov).

export function consoleHost(region: string): string {
  if (region.startsWith('cn-')) return `${region}.console.amazonaws.cn`
  if (region.startsWith('us-gov-')) return `${region}.console.amazonaws-us-gov.com`
  return `${region}.console.aws.amazon.com`
}

export function executionUrl(region: string, pipelineName: string, executionId: string): string {
  const name = encodeURIComponent(pipelineName)
  const id = encodeURIComponent(executionId)
  return `https://${consoleHost(region)}/codesuite/codepipeline/pipelines/${name}/executions/${id}/timeline?region=${region}`
}

/** The pipeline's page in the console: where a person reviews a pending manual approval. */
export function pipelineUrl(region: string, pipelineName: string): string {
  return `https://${consoleHost(region)}/codesuite/codepipeline/pipelines/${encodeURIComponent(pipelineName)}/view?region=${region}`
}

/** CloudWatch Logs console link to one log stream (what CodeBuild's own `deepLink` points at). */
export function logStreamUrl(region: string, group: string, stream: string): string {
  // The console's fragment encoding: '/' → '$252F' (an encoded '%2F').
  const enc = (s: string) => encodeURIComponent(encodeURIComponent(s)).replace(/%/g, '$')
  return `https://${consoleHost(region)}/cloudwatch/home?region=${region}#logsV2:log-groups/log-group/${enc(group)}/log-events/${enc(stream)}`
}
