// What a run of several (several.ts) is handed by the step that runs them side by side; no input sets these.
import type { Service } from '@aws-sdk/client-ecs'

export interface RunOptions {
  /**
   * The service's first look, already asked for with the others (one DescribeServices for them all): the
   * service, or the error its own DescribeServices would have thrown.
   */
  firstLook?: Promise<Service>
  /** Set on the services after the first of several: the step-wide checks are judged with this one. */
  stepWideChecksWith?: string
}
