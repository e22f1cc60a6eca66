// Runs pipeline executions on the emulator clock. State advances lazily: before every read or write the engine
// replays all events (scheduled starts, action completions, stop completions) up to clock.now(), in time
// order. Nothing runs on timers, so a manual clock makes everything deterministic.
import { randomUuid } from '../../core/random.js'
import { AwsError, type EcsDeployTarget, type SettableClock, type World } from '../../core/types.js'
import type { BuildStore } from '../codebuild/builds.js'
import type { Commit, Repositories } from '../repositories/index.js'
import type { ActionDeclaration, PipelineDeclaration, StageDeclaration } from './declaration.js'
import {
  currentDeclaration,
  currentStage,
  currentStageRun,
  type ActionRun,
  type ConditionRun,
  type Execution,
  type PipelineRecord,
  type StageRun,
} from './model.js'
import { resolvePlan } from './plans.js'
import type { ActionTimeline } from './scenario.js'

/** How long Stopping lasts when in-progress actions are abandoned (or the execution was only waiting). */
const STOP_SETTLE_MS = 1000

/** An approval nobody answers fails after 7 days (CodePipeline user guide, "Approve or reject an approval action"). */
export const APPROVAL_EXPIRY_MS = 7 * 24 * 3600 * 1000

export interface StartOptions {
  at: number
  trigger: { triggerType: string; triggerDetail: string }
  id?: string
  commitSha?: string
  variables?: Record<string, string>
  plans?: Record<string, ActionTimeline>
  rollback?: { stageName: string; target: Execution }
}

export class PipelineEngine {
  readonly pipelines = new Map<string, PipelineRecord>()

  constructor(
    readonly world: World,
    readonly builds: BuildStore,
    private readonly defaults: Record<string, ActionTimeline> | undefined,
    private readonly commitPlans: Record<string, Record<string, ActionTimeline>> = {},
  ) {}

  /** Events up to here have been replayed; anything scheduled later waits in `pending`. */
  private processedUntil = -Infinity

  /** Replay every event up to `to` (default: now). */
  advance(to = this.world.clock.now()): void {
    this.processedUntil = Math.max(this.processedUntil, to)
    for (;;) {
      let next: number | undefined
      for (const p of this.pipelines.values()) {
        const t = nextEvent(p)
        if (t !== undefined && (next === undefined || t < next)) next = t
      }
      if (next === undefined || next > to) return
      for (const p of this.pipelines.values()) this.step(p, next)
    }
  }

  /** Create an execution now, or schedule it (scenario executions in the future). */
  start(p: PipelineRecord, options: StartOptions): string {
    const id = options.id ?? randomUuid(this.world.random)
    const begin = () => this.begin(p, id, options)
    if (options.at > this.processedUntil) p.pending.push({ at: options.at, start: begin })
    else begin()
    return id
  }

  private begin(p: PipelineRecord, id: string, o: StartOptions): void {
    const declaration = currentDeclaration(p)
    const source = declaration.stages[0]?.actions.find((a) => a.actionTypeId.category === 'Source')
    const where = source ? repositoryOf(source) : undefined
    let commit: Commit | undefined
    if (o.rollback) commit = o.rollback.target.commit
    else if (where) {
      const repos = this.world.states.repositories as Repositories | undefined
      commit = o.commitSha
        ? (repos?.find(where.repository, o.commitSha) ?? {
            sha: o.commitSha,
            message: '',
            author: '',
            at: o.at,
          })
        : repos?.head(where.repository, where.branch, o.at)
    }
    const variables = o.rollback
      ? o.rollback.target.variables
      : (declaration.variables ?? []).map((v) => ({
          name: v.name,
          resolvedValue: o.variables?.[v.name] ?? v.defaultValue ?? '',
        }))
    const stageIndex = o.rollback ? declaration.stages.findIndex((s) => s.name === o.rollback!.stageName) : 0
    const execution: Execution = {
      id,
      pipelineName: p.name,
      pipelineVersion: declaration.version ?? 1,
      declaration,
      status: 'InProgress',
      startTime: o.at,
      lastUpdateTime: o.at,
      trigger: o.trigger,
      executionMode: declaration.executionMode ?? 'SUPERSEDED',
      executionType: o.rollback ? 'ROLLBACK' : 'STANDARD',
      rollbackTargetId: o.rollback?.target.id,
      commit,
      repository: where?.repository,
      branch: where?.branch,
      revisionKnown: o.rollback !== undefined,
      variables,
      plans: o.plans,
      stageIndex,
      state: 'waiting',
      onlyStage: o.rollback?.stageName,
      stages: new Map(),
    }
    p.executions.push(execution)
    this.waitFor(p, execution, stageIndex, o.at)
    this.admit(p, o.at)
  }

  private step(p: PipelineRecord, t: number): void {
    for (const due of p.pending.filter((x) => x.at === t)) {
      p.pending.splice(p.pending.indexOf(due), 1)
      due.start()
    }
    for (const e of p.executions) {
      if (e.stop?.doneAt === t) this.finishStop(e, t)
      if (e.state !== 'running') continue
      const run = currentStageRun(e)!
      for (const a of run.current)
        if (a.status === 'InProgress' && a.endTime === t) this.finishAction(e, a, t)
      this.progress(p, e, run, t)
    }
    this.admit(p, t)
  }

  // --- stages ---------------------------------------------------------------------------------------------

  private waitFor(p: PipelineRecord, e: Execution, stageIndex: number, t: number): void {
    e.state = 'waiting'
    e.stageIndex = stageIndex
    e.waitingSince = t
    if (e.executionMode !== 'SUPERSEDED') return
    // A newer execution waiting for a stage replaces an older one waiting for the same stage.
    for (const other of p.executions) {
      if (other === e || other.state !== 'waiting' || other.stageIndex !== stageIndex) continue
      const older = other.startTime <= e.startTime ? other : e
      older.status = 'Superseded'
      older.state = 'done'
      older.lastUpdateTime = t
      older.statusSummary = undefined
    }
  }

  /** Let waiting executions into free stages (every stage is free in PARALLEL mode). */
  private admit(p: PipelineRecord, t: number): void {
    const waiting = p.executions
      .filter((e) => e.state === 'waiting' && e.status === 'InProgress')
      .sort((a, b) => a.waitingSince! - b.waitingSince! || a.startTime - b.startTime)
    for (const e of waiting) {
      const stage = currentStage(e)
      if (!stage) continue
      const busy =
        e.executionMode !== 'PARALLEL' &&
        p.executions.some((o) => o !== e && o.state === 'running' && currentStage(o)?.name === stage.name)
      if (!busy) this.enter(e, stage, t)
    }
  }

  private enter(e: Execution, stage: StageDeclaration, t: number): void {
    const run: StageRun = {
      stageName: stage.name,
      executionId: e.id,
      status: 'InProgress',
      startTime: t,
      attempt: 1,
      autoRetries: 0,
      attemptActions: stage.actions,
      groups: runOrders(stage.actions),
      groupIndex: 0,
      current: [],
      runs: [],
    }
    e.stages.set(stage.name, run)
    e.state = 'running'
    e.lastUpdateTime = t
    run.beforeEntry = this.evaluate(e, stage.beforeEntry as StageConditions | undefined, 'FAIL', t)
    if (run.beforeEntry?.status === 'Failed') {
      if (run.beforeEntry.result === 'SKIP') return this.skip(e, run, t)
      return this.failStage(e, run, stage, t)
    }
    this.startGroup(e, run, t)
  }

  /** A beforeEntry condition with result SKIP: the stage is skipped and the execution goes on. */
  private skip(e: Execution, run: StageRun, t: number): void {
    run.status = 'Skipped'
    run.endTime = t
    const p = this.pipelines.get(e.pipelineName)!
    if (e.onlyStage || e.stageIndex + 1 >= e.declaration.stages.length) {
      e.status = 'Succeeded'
      e.state = 'done'
      return
    }
    this.waitFor(p, e, e.stageIndex + 1, t)
  }

  /**
   * A stage condition's rules, evaluated at once (the emulator's simplification: a rule's outcome comes from
   * the scenario's timeline of that rule name, default Succeeded). Any failed rule fails the condition.
   */
  private evaluate(
    e: Execution,
    conditions: StageConditions | undefined,
    defaultResult: string,
    t: number,
  ): ConditionRun | undefined {
    const condition = conditions?.conditions?.[0]
    if (!condition) return undefined
    const rules = (condition.rules ?? []).map((rule) => {
      const plan = this.rulePlan(e, rule.name)
      const failed = plan.outcome === 'Failed'
      return {
        ruleName: rule.name,
        ruleExecutionId: randomUuid(this.world.random),
        status: failed ? ('Failed' as const) : ('Succeeded' as const),
        summary: plan.summary ?? (failed ? plan.error?.message : undefined),
        errorDetails: failed
          ? {
              code: plan.error?.code ?? 'RuleFailed',
              message: plan.error?.message ?? `Rule ${rule.name} failed`,
            }
          : undefined,
        at: t,
      }
    })
    const failed = rules.filter((r) => r.status === 'Failed')
    return {
      result: condition.result ?? defaultResult,
      status: failed.length ? 'Failed' : 'Succeeded',
      summary: failed.length ? `${failed.length} of ${rules.length} rules failed` : undefined,
      rules,
      at: t,
    }
  }

  private rulePlan(
    e: Execution,
    ruleName: string,
  ): { outcome?: string; summary?: string; error?: { code?: string; message: string } } {
    const p = this.pipelines.get(e.pipelineName)!
    const byCommit = e.commit ? this.commitPlans[e.commit.sha] : undefined
    return { ...p.actionTimelines?.[ruleName], ...byCommit?.[ruleName], ...e.plans?.[ruleName] }
  }

  private startGroup(e: Execution, run: StageRun, t: number): void {
    const order = run.groups[run.groupIndex]
    run.current = run.attemptActions
      .filter((a) => (a.runOrder ?? 1) === order)
      .map((a) => this.startAction(e, run, a, t))
    run.runs.push(...run.current)
  }

  /** Called when nothing of the current run-order group is in progress any more. */
  private progress(p: PipelineRecord, e: Execution, run: StageRun, t: number): void {
    if (run.current.some((a) => a.status === 'InProgress')) return
    if (e.stop) {
      if (e.stop.doneAt === undefined) this.finishStop(e, t)
      return
    }
    const failed = run.current.filter((a) => a.status === 'Failed')
    const stage = currentStage(e)
    if (!stage) throw new Error(`execution ${e.id} settles a stage it is not in`)
    if (failed.length > 0) {
      if (stage?.onFailure?.result === 'RETRY' && run.autoRetries < 1)
        return this.retry(e, run, stage, failed, t)
      return this.failStage(e, run, stage, t)
    }
    if (run.groupIndex + 1 < run.groups.length) {
      run.groupIndex++
      return this.startGroup(e, run, t)
    }
    run.onSuccess = this.evaluate(e, stage.onSuccess as StageConditions | undefined, 'FAIL', t)
    if (run.onSuccess?.status === 'Failed') return this.failStage(e, run, stage, t, run.onSuccess.result)
    run.status = 'Succeeded'
    run.endTime = t
    e.lastUpdateTime = t
    if (e.onlyStage || e.stageIndex + 1 >= e.declaration.stages.length) {
      e.status = 'Succeeded'
      e.state = 'done'
      return
    }
    this.waitFor(p, e, e.stageIndex + 1, t)
  }

  /**
   * The stage fails and with it the execution. A stage with onFailure ROLLBACK (or an onSuccess condition with
   * result ROLLBACK) then rolls back to the most recent execution that succeeded in it on this pipeline version:
   * AWS starts a new execution, executionType ROLLBACK, trigger AutomatedRollback (user guide, "Configure a
   * stage for automatic rollback"). Without such an execution there is nothing to roll back to.
   */
  private failStage(e: Execution, run: StageRun, stage: StageDeclaration, t: number, result?: string): void {
    run.status = 'Failed'
    run.endTime = t
    e.status = 'Failed'
    e.state = 'done'
    e.lastUpdateTime = t
    e.statusSummary = undefined
    const rollsBack = (result ?? stage.onFailure?.result) === 'ROLLBACK'
    if (!rollsBack || e.executionType === 'ROLLBACK') return
    const p = this.pipelines.get(e.pipelineName)!
    const target = lastSuccessIn(p, stage.name, e)
    if (!target) return
    this.start(p, {
      at: t,
      trigger: { triggerType: 'AutomatedRollback', triggerDetail: e.id },
      rollback: { stageName: stage.name, target },
    })
  }

  /** Stage onFailure RETRY: run the failed actions (or all) again, once, and the run orders not reached yet. */
  private retry(e: Execution, run: StageRun, stage: StageDeclaration, failed: ActionRun[], t: number): void {
    const order = run.groups[run.groupIndex] ?? Infinity // no group: no run order left to reach
    const later = stage.actions.filter((a) => (a.runOrder ?? 1) > order)
    const failedNames = new Set(failed.map((a) => a.actionName))
    run.attemptActions =
      stage.onFailure?.retryConfiguration?.retryMode === 'ALL_ACTIONS'
        ? stage.actions
        : [...stage.actions.filter((a) => failedNames.has(a.name)), ...later]
    run.autoRetries++
    run.attempt++
    run.groups = runOrders(run.attemptActions)
    run.groupIndex = 0
    e.lastUpdateTime = t
    this.startGroup(e, run, t)
  }

  // --- actions --------------------------------------------------------------------------------------------

  private startAction(e: Execution, run: StageRun, a: ActionDeclaration, t: number): ActionRun {
    const p = this.pipelines.get(e.pipelineName)!
    const byCommit = e.commit ? this.commitPlans[e.commit.sha] : undefined
    const plan = resolvePlan(a, run.attempt, [p.actionTimelines, byCommit, e.plans], this.defaults)
    const action: ActionRun = {
      actionExecutionId: randomUuid(this.world.random),
      executionId: e.id,
      stageName: run.stageName,
      actionName: a.name,
      declaration: a,
      pipelineVersion: e.pipelineVersion,
      attempt: run.attempt,
      startTime: t,
      endTime: t + Math.max(1, Math.round(plan.durationSeconds * 1000)),
      status: 'InProgress',
      lastUpdateTime: t,
      plan,
    }
    const { region } = this.world
    const id = a.actionTypeId
    if (id.category === 'Source' && e.commit) {
      action.externalExecutionId = e.commit.sha
      action.externalExecutionUrl = revisionUrl(e, a, region)
      action.summary = e.commit.message
    }
    if (id.provider === 'CodeBuild') {
      const project = a.configuration?.ProjectName ?? 'project'
      const build = this.builds.create({
        project,
        start: t,
        end: action.endTime,
        plan,
        pipelineName: e.pipelineName,
        commitSha: e.commit?.sha ?? '',
        sourceVersion: `arn:aws:s3:::${artifactBucket(e.declaration, region)}/${e.pipelineName.slice(0, 20)}/${
          a.inputArtifacts?.[0]?.name ?? 'Source'
        }/${action.actionExecutionId.slice(0, 7)}`,
        environmentVariables: buildEnvironment(a, e),
      })
      action.buildId = build.id
      action.externalExecutionId = build.id
      action.externalExecutionUrl = `https://console.aws.amazon.com/codebuild/home?region=${region}#/builds/${encodeURIComponent(build.id)}/view/new`
    }
    if (id.provider === 'ECS' && plan.outcome === 'Succeeded') this.deploy(e, a, action, t)
    if (id.category === 'Approval') this.awaitApproval(action, t)
    if (id.provider === 'Commands') {
      const { accountId } = this.world
      action.logStreamArn = `arn:aws:logs:${region}:${accountId}:log-group:${commandsLogGroup(e.pipelineName)}:log-stream:${action.actionExecutionId}`
    }
    return action
  }

  /**
   * A Manual approval gets its token (GetPipelineState shows it; in PARALLEL mode ListActionExecutions'
   * externalExecutionId stands for it — PutApprovalResult API reference). Left to a person, it waits for
   * PutApprovalResult until it expires.
   */
  private awaitApproval(action: ActionRun, t: number): void {
    action.token = randomUuid(this.world.random)
    action.externalExecutionId = action.token
    if (action.plan.approval !== 'pending') return
    action.endTime = t + APPROVAL_EXPIRY_MS
    action.plan = {
      ...action.plan,
      outcome: 'Failed',
      summary: 'The approval request expired: no response within 7 days',
    }
  }

  /** PutApprovalResult: the approval ends now, as the person answered. */
  answerApproval(a: ActionRun, status: 'Approved' | 'Rejected', summary: string, t: number): void {
    a.plan = { ...a.plan, outcome: status === 'Approved' ? 'Succeeded' : 'Failed', summary, error: undefined }
    a.endTime = t
    a.answeredAt = t
    this.advance(t)
  }

  /** An ECS deploy action starts a rolling deployment in the ECS emulator, stamped with the action's start. */
  private deploy(e: Execution, a: ActionDeclaration, action: ActionRun, t: number): void {
    const ecs = this.world.states.ecs as Partial<EcsDeployTarget> | undefined
    if (typeof ecs?.deployImages !== 'function') return
    const cluster = a.configuration?.ClusterName ?? 'default'
    const service = a.configuration?.ServiceName ?? ''
    const images = action.plan.images ?? defaultImages(e, service, this.world)
    try {
      ;(this.world.clock as SettableClock).runAt(t, () => ecs.deployImages!(cluster, service, images))
    } catch (err) {
      if (!(err instanceof AwsError)) throw err
      action.plan = { ...action.plan, outcome: 'Failed', error: { code: 'JobFailed', message: err.message } }
      action.endTime = t + 1000
    }
  }

  private finishAction(e: Execution, a: ActionRun, t: number): void {
    a.status = a.plan.outcome
    a.lastUpdateTime = t
    e.lastUpdateTime = t
    const id = a.declaration.actionTypeId
    if (a.status === 'Failed' && id.category === 'Approval') {
      // A rejected or expired approval reports the reviewer's (or the expiry's) summary, no error code.
      a.summary = a.plan.summary
      return
    }
    if (a.status === 'Failed') {
      const buildFailure = id.provider === 'CodeBuild' ? 'Build terminated with state: FAILED' : undefined
      a.errorDetails = {
        code: a.plan.error?.code ?? 'JobFailed',
        message: a.plan.error?.message ?? buildFailure ?? `Action ${a.actionName} failed`,
      }
      a.summary = a.plan.summary ?? buildFailure ?? a.errorDetails.message
      return
    }
    if (a.plan.summary) a.summary = a.plan.summary
    if (id.category === 'Source') {
      e.revisionKnown = true
      a.outputVariables = sourceVariables(e, a.declaration)
    }
    if (id.provider === 'CodeBuild') a.outputVariables = { ...a.plan.build?.exportedVariables }
  }

  /**
   * The log stream of a Commands action (GetLogEvents): its `logLines` (default: the commands it runs), spread
   * over its run and visible once ingested; undefined when no Commands action writes to (group, stream).
   */
  commandLogs(
    group: string,
    stream: string,
    now: number,
  ): { timestamp: number; message: string; ingestionTime: number }[] | undefined {
    this.advance(now)
    for (const p of this.pipelines.values()) {
      if (commandsLogGroup(p.name) !== group) continue
      const run = p.executions
        .flatMap((e) => [...e.stages.values()].flatMap((st) => st.runs))
        .find((a) => a.logStreamArn?.endsWith(`:log-stream:${stream}`))
      if (!run || now < run.startTime) return undefined
      const lines = run.plan.logLines ?? (run.declaration.commands ?? []).map((c) => `Running command: ${c}`)
      const end = run.status === 'InProgress' ? run.endTime : run.lastUpdateTime
      return lines
        .map((message, i) => ({
          timestamp: Math.floor(run.startTime + ((end - run.startTime) * (i + 1)) / (lines.length + 1)),
          message,
        }))
        .map((l) => ({ ...l, ingestionTime: l.timestamp + 200 }))
        .filter((l) => l.ingestionTime <= now)
    }
    return undefined
  }

  /** A scenario's stop: StopPipelineExecution at `at`, when the execution is still InProgress then. */
  scheduleStop(
    p: PipelineRecord,
    id: string,
    stop: { at: number; abandon?: boolean; reason?: string },
  ): void {
    p.pending.push({
      at: stop.at,
      start: () => {
        const e = p.executions.find((x) => x.id === id)
        if (e?.status === 'InProgress') this.stop(e, stop.abandon ?? false, stop.reason, stop.at)
      },
    })
  }

  // --- stop, cancel ---------------------------------------------------------------------------------------

  stop(e: Execution, abandon: boolean, reason: string | undefined, t: number): void {
    e.status = 'Stopping'
    e.stopTrigger = { reason: reason ?? '' }
    e.lastUpdateTime = t
    e.stop = { abandon }
    const run = e.state === 'running' ? currentStageRun(e) : undefined
    if (run) run.status = 'Stopping'
    if (abandon && run) {
      for (const a of run.current.filter((x) => x.status === 'InProgress')) this.abandon(a, t)
    }
    if (abandon || !run) e.stop.doneAt = t + STOP_SETTLE_MS
  }

  private finishStop(e: Execution, t: number): void {
    const run = e.state === 'running' ? currentStageRun(e) : undefined
    if (run) {
      run.status = 'Stopped'
      run.endTime = t
    }
    e.status = 'Stopped'
    e.state = 'done'
    e.lastUpdateTime = t
    e.stop = { abandon: e.stop?.abandon ?? false }
  }

  /** UpdatePipeline: executions in flight end as Cancelled; their running actions are abandoned. */
  cancelInFlight(p: PipelineRecord, t: number): void {
    for (const e of p.executions) {
      if (e.status !== 'InProgress' && e.status !== 'Stopping') continue
      const run = e.state === 'running' ? currentStageRun(e) : undefined
      if (run) {
        for (const a of run.current.filter((x) => x.status === 'InProgress')) this.abandon(a, t)
        run.status = 'Cancelled'
        run.endTime = t
      }
      e.status = 'Cancelled'
      e.state = 'done'
      e.lastUpdateTime = t
      e.stop = undefined
    }
    p.pending.length = 0
  }

  private abandon(a: ActionRun, t: number): void {
    a.status = 'Abandoned'
    a.lastUpdateTime = t
    if (a.buildId) {
      const build = this.builds.builds.get(a.buildId)
      if (build) build.stoppedAt = t
    }
  }
}

/** Where Commands actions write their output (user guide, "Permissions required to view compute logs"). */
export function commandsLogGroup(pipelineName: string): string {
  return `/aws/codepipeline/${pipelineName}`
}

/** The most recent STANDARD execution that succeeded in the stage on the current pipeline version. */
function lastSuccessIn(p: PipelineRecord, stageName: string, failed: Execution): Execution | undefined {
  return p.executions
    .filter(
      (x) =>
        x !== failed &&
        x.executionType === 'STANDARD' &&
        x.pipelineVersion === failed.pipelineVersion &&
        x.stages.get(stageName)?.status === 'Succeeded',
    )
    .sort((a, b) => b.stages.get(stageName)!.startTime - a.stages.get(stageName)!.startTime)[0]
}

/** A stage's beforeEntry / onSuccess member (BeforeEntryConditions, SuccessConditions: one condition). */
type StageConditions = { conditions?: { result?: string; rules?: { name: string }[] }[] }

function nextEvent(p: PipelineRecord): number | undefined {
  let next: number | undefined
  const consider = (t: number | undefined) => {
    if (t !== undefined && (next === undefined || t < next)) next = t
  }
  for (const x of p.pending) consider(x.at)
  for (const e of p.executions) {
    consider(e.stop?.doneAt)
    if (e.state !== 'running') continue
    const run = currentStageRun(e)
    for (const a of run?.current ?? []) if (a.status === 'InProgress') consider(a.endTime)
  }
  return next
}

function runOrders(actions: ActionDeclaration[]): number[] {
  return [...new Set(actions.map((a) => a.runOrder ?? 1))].sort((a, b) => a - b)
}

export function repositoryOf(source: ActionDeclaration): { repository: string; branch: string } | undefined {
  const c = source.configuration ?? {}
  // The keys are required for each provider (checkDeclaration), so each is there.
  const located = (repository: string | undefined, branch: string | undefined) =>
    repository !== undefined && branch !== undefined ? { repository, branch } : undefined
  switch (source.actionTypeId.provider) {
    case 'CodeStarSourceConnection':
      return located(c.FullRepositoryId, c.BranchName)
    case 'GitHub':
      return located(`${c.Owner}/${c.Repo}`, c.Branch)
    case 'CodeCommit':
      return located(c.RepositoryName, c.BranchName)
    default:
      return undefined
  }
}

export function revisionUrl(e: Execution, source: ActionDeclaration, region: string): string | undefined {
  if (!e.commit) return undefined
  const c = source.configuration ?? {}
  switch (source.actionTypeId.provider) {
    case 'CodeStarSourceConnection':
      return (
        `https://${region}.console.aws.amazon.com/codesuite/settings/connections/redirect?connectionArn=` +
        `${encodeURIComponent(c.ConnectionArn ?? '')}&referenceType=COMMIT&FullRepositoryId=` +
        `${encodeURIComponent(c.FullRepositoryId ?? '')}&Commit=${e.commit.sha}`
      )
    case 'GitHub':
      return `https://github.com/${c.Owner}/${c.Repo}/commit/${e.commit.sha}`
    default:
      return undefined
  }
}

function sourceVariables(e: Execution, a: ActionDeclaration): Record<string, string> {
  const c = a.configuration ?? {}
  const commit = e.commit
  if (!commit) return {}
  const base = {
    CommitId: commit.sha,
    CommitMessage: commit.message,
    BranchName: e.branch ?? '',
    AuthorDate: new Date(commit.at).toISOString(),
  }
  if (a.actionTypeId.provider === 'CodeStarSourceConnection') {
    return { ...base, ConnectionArn: c.ConnectionArn ?? '', FullRepositoryName: c.FullRepositoryId ?? '' }
  }
  return base
}

function buildEnvironment(
  a: ActionDeclaration,
  e: Execution,
): { name: string; value: string; type: string }[] {
  let vars: { name: string; value: string; type?: string }[]
  try {
    vars = a.configuration?.EnvironmentVariables ? JSON.parse(a.configuration.EnvironmentVariables) : []
  } catch {
    vars = [] // checkDeclaration rejects non-JSON values; this only guards scenario files
  }
  return vars.map((v) => ({ name: v.name, value: resolveVariables(v.value, e), type: v.type ?? 'PLAINTEXT' }))
}

/** `#{variables.X}` and `#{SourceVariables.CommitId}` as CodePipeline resolves them in configuration. */
export function resolveVariables(value: string, e: Execution): string {
  return value.replace(/#\{([A-Za-z0-9@\-_]+)\.([A-Za-z0-9@\-_]+)\}/g, (whole, ns: string, name: string) => {
    if (ns === 'variables') return e.variables.find((v) => v.name === name)?.resolvedValue ?? whole
    const source = e.declaration.stages[0]?.actions.find((a) => a.namespace === ns)
    if (source && e.commit) return sourceVariables(e, source)[name] ?? whole
    return whole
  })
}

function defaultImages(e: Execution, service: string, world: World): { name: string; imageUri: string }[] {
  const tag =
    e.variables.find((v) => v.name === 'VERSION')?.resolvedValue || e.commit?.sha.slice(0, 7) || 'latest'
  return [
    { name: service, imageUri: `${world.accountId}.dkr.ecr.${world.region}.amazonaws.com/${service}:${tag}` },
  ]
}

function artifactBucket(p: PipelineDeclaration, region: string): string {
  return p.artifactStore?.location ?? p.artifactStores?.[region]?.location ?? 'codepipeline-artifacts'
}
