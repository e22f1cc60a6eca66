// Console links for the pipeline and its executions, in the partition of the region (aws, aws-cn, aws-us-gov).

function consoleBase(region: string): string {
  if (region.startsWith('cn-')) return 'https://console.amazonaws.cn'
  if (region.startsWith('us-gov-')) return 'https://console.amazonaws-us-gov.com'
  return `https://${region}.console.aws.amazon.com`
}

export function pipelineUrl(region: string, pipelineName: string): string {
  return `${consoleBase(region)}/codesuite/codepipeline/pipelines/${encodeURIComponent(pipelineName)}/view?region=${region}`
}

export function executionUrl(region: string, pipelineName: string, executionId: string): string {
  return `${consoleBase(region)}/codesuite/codepipeline/pipelines/${encodeURIComponent(pipelineName)}/executions/${executionId}/timeline?region=${region}`
}
