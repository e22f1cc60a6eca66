// A manual approval the execution waits on: which one, since when, and how the wait is worded — each round while
// it waits, and when our timeout ends the wait; and how a failed one is worded (rejected, or expired). Pure.
import { formatDuration } from '../format.js'
import type { ActionRun } from './progress.js'

export interface PendingApproval {
  stage: string
  action: string
  /** ms epoch: when the approval action started waiting. */
  since: number
  /** The pipeline's console page, where a person approves or rejects. */
  url: string
}

/**
 * A Manual approval: a person approves or rejects it. The one test, for the wait and for a failure's words; a
 * run's provider is already the declared one when its execution names none (latestRuns).
 */
export function isManualApproval(run: ActionRun): boolean {
  return run.provider === 'Manual'
}

/** The Manual approval action in progress, if any. */
export function pendingApproval(runs: ActionRun[], now: number, url: string): PendingApproval | undefined {
  const run = runs.find((r) => r.status === 'InProgress' && isManualApproval(r))
  return run && { stage: run.stage, action: run.action, since: run.startedAt ?? now, url }
}

const waited = (a: PendingApproval, now: number): string =>
  formatDuration(Math.max(0, Math.round((now - a.since) / 1000))) ?? '0s'

/** The log line of each round while it waits. */
export function waitingLine(a: PendingApproval, now: number): string {
  return `Waiting for manual approval of ${a.stage} › ${a.action} for ${waited(a, now)}: a person approves or rejects it at ${a.url}`
}

/** The reason when our timeout ended the wait. */
export function approvalTimeoutReason(
  a: PendingApproval,
  now: number,
  subject: string,
  timeout: string,
): string {
  return (
    `${subject} timed out waiting for manual approval of ${a.stage} › ${a.action} ` +
    `(waited ${waited(a, now)}; timeout ${timeout}): a person approves or rejects it at ${a.url}.`
  )
}

/**
 * AWS fails an approval nobody answers within seven days; a reviewer's rejection fails it too, and the API tells
 * the two apart only by time (user guide, "Approve or reject an approval action in CodePipeline").
 */
const APPROVAL_EXPIRY_MS = 7 * 24 * 3600 * 1000

/** Why a Manual approval failed: rejected, with the reviewer's words, or expired unanswered. */
export function approvalFailure(run: ActionRun): string {
  const waited =
    run.startedAt !== undefined && run.updatedAt !== undefined ? run.updatedAt - run.startedAt : 0
  if (waited >= APPROVAL_EXPIRY_MS) return 'the approval expired: nobody answered it within 7 days'
  return `the approval was rejected${run.summary ? `: "${run.summary}"` : ''}`
}
