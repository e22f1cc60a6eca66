// Named in the AWS user agent, so AWS-side logs (CloudTrail) show which tool made the calls.
export const ACTION_NAME = 'aws-deploy-pipeline'
export const ACTION_VERSION = '1.0.0'
