export const id = 902;
export const ids = [902];
export const modules = {

/***/ 350:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ GetPipelineExecutionCommand)
/* harmony export */ });
/* harmony import */ var _commandBuilder__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3574);
/* harmony import */ var _schemas_schemas_0__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2640);


class GetPipelineExecutionCommand extends (0,_commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* .command */ .G5)(_commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* ._ep0 */ .lq, _commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* ._mw0 */ .yt, "GetPipelineExecution", _schemas_schemas_0__WEBPACK_IMPORTED_MODULE_1__/* .GetPipelineExecution$ */ .zAM) {
}


/***/ }),

/***/ 3783:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ GetPipelineStateCommand)
/* harmony export */ });
/* harmony import */ var _commandBuilder__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3574);
/* harmony import */ var _schemas_schemas_0__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2640);


class GetPipelineStateCommand extends (0,_commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* .command */ .G5)(_commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* ._ep0 */ .lq, _commandBuilder__WEBPACK_IMPORTED_MODULE_0__/* ._mw0 */ .yt, "GetPipelineState", _schemas_schemas_0__WEBPACK_IMPORTED_MODULE_1__/* .GetPipelineState$ */ .uRz) {
}


/***/ }),

/***/ 6902:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  followExecution: () => (/* binding */ followExecution)
});

// EXTERNAL MODULE: ../src/commits.ts
var commits = __webpack_require__(7253);
// EXTERNAL MODULE: ../src/facts/codepipeline.ts
var codepipeline = __webpack_require__(6952);
// EXTERNAL MODULE: ../src/format.ts
var format = __webpack_require__(8904);
// EXTERNAL MODULE: ../node_modules/@aws-sdk/client-codepipeline/dist-es/CodePipelineClient.js + 8 modules
var CodePipelineClient = __webpack_require__(7153);
// EXTERNAL MODULE: ../node_modules/@aws-sdk/client-codepipeline/dist-es/commands/GetPipelineStateCommand.js
var GetPipelineStateCommand = __webpack_require__(3783);
// EXTERNAL MODULE: ../src/aws-errors.ts
var aws_errors = __webpack_require__(8604);
// EXTERNAL MODULE: ../src/execution/history.ts
var execution_history = __webpack_require__(8846);
;// CONCATENATED MODULE: ../src/execution/ending.ts
// What AWS says of how an execution ended, beyond its actions: why it was stopped (ListPipelineExecutions'
// stopTrigger) and which stage it stopped in, or which stage-condition rule failed it (GetPipelineState's
// condition states, exact while the execution is still the stage's latest). Read once, when the end is seen;
// nice to have: a read that fails leaves a note, and the verdict stands on the status.



/**
 * Whether the end needs these reads: a stop, or a failure no failed action explains (a beforeEntry or onSuccess
 * condition's rule failed the stage).
 */
function needsEndingReads(w) {
    if (w.status === 'Stopped')
        return true;
    return w.status === 'Failed' && !w.runs.some((r) => r.status === 'Failed');
}
async function readEnding(f, w) {
    const state = await readState(f);
    const ending = { stateRead: state !== undefined };
    const ours = (state ?? []).filter((s) => s.latestExecution?.pipelineExecutionId === w.executionId);
    if (w.status === 'Stopped') {
        ending.stage = ours.find((s) => s.latestExecution?.status === 'Stopped')?.stageName;
        ending.stopReason = await readStopReason(f, w.executionId);
    }
    else {
        const failed = ours.find((s) => s.latestExecution?.status === 'Failed');
        ending.stage = failed?.stageName;
        ending.condition = failed && failedCondition(failed);
    }
    return ending;
}
const KINDS = [
    ['beforeEntry', 'beforeEntryConditionState'],
    ['onSuccess', 'onSuccessConditionState'],
    ['onFailure', 'onFailureConditionState'],
];
/** The failed condition of a stage and its failed rules, with what each saw (pure). */
function failedCondition(stage) {
    for (const [kind, key] of KINDS) {
        const state = stage[key];
        const conditionFailed = ['Failed', 'Errored'].includes(state?.latestExecution?.status ?? '');
        const rules = (state?.conditionStates ?? [])
            .flatMap((c) => c.ruleStates ?? [])
            .filter((r) => r.latestExecution?.status === 'Failed');
        if (!conditionFailed && rules.length === 0)
            continue;
        const said = rules.map((r) => {
            const saw = r.latestExecution?.summary ?? r.latestExecution?.errorDetails?.message;
            return `rule ${r.ruleName ?? '?'} ${r.latestExecution?.status}${saw ? ` — ${saw}` : ''}`;
        });
        return `${kind} condition ${state?.latestExecution?.status ?? 'Failed'}${said.length ? `: ${said.join('; ')}` : ''}`;
    }
    return undefined;
}
/** The table as AWS ended it: the stage it stopped in is Stopped (a stop between stages leaves them as run). */
function withEnding(stages, ending, status) {
    if (!ending.stateRead)
        return stages;
    return stages.map((st) => {
        if (st.name === ending.stage) {
            const row = { ...st, status: status === 'Stopped' ? 'Stopped' : 'Failed' };
            if (ending.condition)
                row.error = ending.condition;
            return row;
        }
        // The stop was seen while this stage looked current; AWS says it stopped elsewhere.
        return status === 'Stopped' && st.status === 'Stopped' ? { ...st, status: 'Succeeded' } : st;
    });
}
async function readState(f) {
    const name = f.req.pipelineName;
    try {
        const out = await f.reader.read({ service: 'codepipeline', operation: 'GetPipelineState' }, (abortSignal) => f.deps.aws.get(CodePipelineClient/* CodePipelineClient */.p).send(new GetPipelineStateCommand/* GetPipelineStateCommand */.d({ name }), { abortSignal }), { attempts: 3, kind: 'explain' });
        if (out.ok)
            return out.value.stageStates ?? [];
    }
    catch (e) {
        f.notes.push(`The state of pipeline ${name} could not be read: ${(0,aws_errors/* describeError */.Uc)(e)}`);
    }
    return undefined;
}
async function readStopReason(f, executionId) {
    try {
        const out = await (0,execution_history/* listExecutions */.eX)(f.req.pipelineName, f.reader, f.deps, 1, undefined, 'explain');
        if (out.ok)
            return out.value.find((e) => e.id === executionId)?.stopReason;
    }
    catch (e) {
        f.notes.push(`Why execution ${executionId} was stopped could not be read: ${(0,aws_errors/* describeError */.Uc)(e)}`);
    }
    return undefined;
}

// EXTERNAL MODULE: ../src/execution/links.ts
var links = __webpack_require__(2639);
;// CONCATENATED MODULE: ../src/execution/approval.ts
// A manual approval the execution waits on: which one, since when, and how the wait is worded — each round while
// it waits, and when our timeout ends the wait; and how a failed one is worded (rejected, or expired). Pure.

/**
 * A Manual approval: a person approves or rejects it. The one test, for the wait and for a failure's words; a
 * run's provider is already the declared one when its execution names none (latestRuns).
 */
function isManualApproval(run) {
    return run.provider === 'Manual';
}
/** The Manual approval action in progress, if any. */
function pendingApproval(runs, now, url) {
    const run = runs.find((r) => r.status === 'InProgress' && isManualApproval(r));
    return run && { stage: run.stage, action: run.action, since: run.startedAt ?? now, url };
}
const waited = (a, now) => (0,format/* formatDuration */.a3)(Math.max(0, Math.round((now - a.since) / 1000))) ?? '0s';
/** The log line of each round while it waits. */
function waitingLine(a, now) {
    return `Waiting for manual approval of ${a.stage} › ${a.action} for ${waited(a, now)}: a person approves or rejects it at ${a.url}`;
}
/** The reason when our timeout ended the wait. */
function approvalTimeoutReason(a, now, subject, timeout) {
    return (`${subject} timed out waiting for manual approval of ${a.stage} › ${a.action} ` +
        `(waited ${waited(a, now)}; timeout ${timeout}): a person approves or rejects it at ${a.url}.`);
}
/**
 * AWS fails an approval nobody answers within seven days; a reviewer's rejection fails it too, and the API tells
 * the two apart only by time (user guide, "Approve or reject an approval action in CodePipeline").
 */
const APPROVAL_EXPIRY_MS = 7 * 24 * 3600 * 1000;
/** Why a Manual approval failed: rejected, with the reviewer's words, or expired unanswered. */
function approvalFailure(run) {
    const waited = run.startedAt !== undefined && run.updatedAt !== undefined ? run.updatedAt - run.startedAt : 0;
    if (waited >= APPROVAL_EXPIRY_MS)
        return 'the approval expired: nobody answered it within 7 days';
    return `the approval was rejected${run.summary ? `: "${run.summary}"` : ''}`;
}

;// CONCATENATED MODULE: ../src/execution/progress.ts
// Stage and action progress of one execution: the declared pipeline shape filled with what AWS reports for
// this execution (ListActionExecutions), the transitions between two snapshots, and their log lines. Pure.



const NOT_STARTED = 'NotStarted';
/**
 * Raw action executions (every attempt) → the latest attempt per stage/action. An action's provider is the one
 * its execution names, else the one the pipeline declares (`shape`): every reader of a run then sees the same.
 */
function latestRuns(details, shape) {
    const byKey = new Map();
    for (const d of details) {
        if (!d.stageName || !d.actionName)
            continue;
        const key = `${d.stageName}\u0000${d.actionName}`;
        const started = d.startTime?.getTime();
        const prev = byKey.get(key);
        const attempts = (prev?.attempts ?? 0) + 1;
        if (prev && (prev.startedAt ?? 0) > (started ?? 0)) {
            prev.attempts = attempts;
            continue;
        }
        const result = d.output?.executionResult;
        byKey.set(key, {
            stage: d.stageName,
            action: d.actionName,
            status: d.status ?? 'Unknown',
            startedAt: started,
            updatedAt: d.lastUpdateTime?.getTime(),
            attempts,
            provider: d.input?.actionTypeId?.provider ?? declaredProvider(shape, d.stageName, d.actionName),
            externalExecutionId: result?.externalExecutionId,
            externalExecutionUrl: result?.externalExecutionUrl,
            summary: result?.externalExecutionSummary,
            errorCode: result?.errorDetails?.code,
            errorMessage: result?.errorDetails?.message,
            logStreamArn: result?.logStreamARN,
        });
    }
    return [...byKey.values()];
}
function actionRow(name, run) {
    if (!run)
        return { name, status: NOT_STARTED };
    const ended = (0,codepipeline/* isActionEnded */.n3)(run.status);
    const row = { name, status: run.status, startedAt: (0,format/* isoTime */.Ly)(run.startedAt) };
    if (ended)
        row.endedAt = (0,format/* isoTime */.Ly)(run.updatedAt);
    if (ended && run.startedAt !== undefined && run.updatedAt !== undefined) {
        row.durationSeconds = Math.max(0, Math.round((run.updatedAt - run.startedAt) / 1000));
    }
    if (run.attempts > 1)
        row.attempts = run.attempts;
    if (run.externalExecutionUrl)
        row.url = run.externalExecutionUrl;
    const error = actionError(run);
    if (error)
        row.error = error;
    return row;
}
function declaredProvider(shape, stage, action) {
    return shape?.stages.find((s) => s.name === stage)?.actions.find((a) => a.name === action)?.provider;
}
/** What CodePipeline says of a failed action: its error code and message, a Manual approval's answer. */
function actionError(run) {
    if (run.status !== 'Failed')
        return undefined;
    if (isManualApproval(run))
        return approvalFailure(run);
    return [run.errorCode, run.errorMessage ?? run.summary].filter(Boolean).join(': ') || undefined;
}
/** The status of a stage from its actions' latest attempts. */
function stageStatus(actions) {
    const statuses = actions.map((a) => a.status);
    if (statuses.includes('Failed'))
        return 'Failed';
    if (statuses.includes('InProgress'))
        return 'InProgress';
    if (statuses.includes('Abandoned'))
        return 'Stopped';
    if (statuses.every((s) => s === NOT_STARTED))
        return NOT_STARTED;
    if (statuses.every((s) => s === 'Succeeded'))
        return 'Succeeded';
    return 'InProgress';
}
/** Every declared stage and action, with this execution's progress (actions that never ran: NotStarted). */
function buildStages(shape, runs) {
    const rows = [];
    const find = (stage, action) => runs.find((r) => r.stage === stage && r.action === action);
    const stages = shape.stages.map((s) => ({
        name: s.name,
        actions: [...s.actions].sort((a, b) => a.runOrder - b.runOrder).map((a) => a.name),
    }));
    // Actions this execution ran that the current declaration no longer has (the pipeline changed since).
    for (const run of runs) {
        let stage = stages.find((s) => s.name === run.stage);
        if (!stage)
            stages.push((stage = { name: run.stage, actions: [] }));
        if (!stage.actions.includes(run.action))
            stage.actions.push(run.action);
    }
    for (const stage of stages) {
        const actions = stage.actions.map((a) => actionRow(a, find(stage.name, a)));
        const status = stageStatus(actions);
        const starts = actions.map((a) => a.startedAt).filter((t) => !!t);
        const ends = actions.map((a) => a.endedAt).filter((t) => !!t);
        const row = { name: stage.name, status, actions };
        // A stage AWS retried by itself: its row says so (its duration spans every attempt).
        const attempts = Math.max(1, ...actions.map((a) => a.attempts ?? 1));
        if (attempts > 1)
            row.attempts = attempts;
        if (starts.length)
            row.startedAt = starts.sort()[0];
        if (status !== 'InProgress' && status !== NOT_STARTED && ends.length) {
            row.endedAt = ends.sort()[ends.length - 1];
            if (row.startedAt && row.endedAt) {
                row.durationSeconds = Math.round((Date.parse(row.endedAt) - Date.parse(row.startedAt)) / 1000);
            }
        }
        rows.push(row);
    }
    return rows;
}
/** What changed between two snapshots, stage by stage, actions before their stage's own line. */
function transitions(before, after) {
    const out = [];
    for (const stage of after) {
        const prev = before.find((s) => s.name === stage.name);
        for (const action of stage.actions) {
            const old = prev?.actions.find((a) => a.name === action.name);
            const was = old?.status ?? NOT_STARTED;
            // A new attempt is a change even when the status reads the same (the failed attempt was not seen).
            if (action.status !== was || (action.attempts ?? 1) > (old?.attempts ?? 1)) {
                out.push({
                    stage: stage.name,
                    action: action.name,
                    status: action.status,
                    durationSeconds: action.durationSeconds,
                    error: action.error,
                    attempt: action.attempts,
                });
            }
        }
        const was = prev?.status ?? NOT_STARTED;
        if (stage.status === 'InProgress' && was === 'Failed') {
            out.push({ stage: stage.name, status: stage.status, attempt: stage.attempts, retrying: true });
        }
        else if (stage.status !== was && stage.status !== 'InProgress') {
            out.push({
                stage: stage.name,
                status: stage.status,
                durationSeconds: stage.durationSeconds,
                attempt: stage.attempts,
            });
        }
    }
    return out;
}
/** Elapsed time as a fixed-width clock, `[04:05]` or `[1:02:03]`. */
function formatElapsed(ms) {
    const s = Math.max(0, Math.floor(ms / 1000));
    const hh = Math.floor(s / 3600);
    const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
    const ss = String(s % 60).padStart(2, '0');
    return hh > 0 ? `[${hh}:${mm}:${ss}]` : `[${mm}:${ss}]`;
}
function formatTransition(t, elapsedMs) {
    const subject = t.action ? `${t.stage} › ${t.action}` : `Stage ${t.stage}`;
    const duration = t.status !== 'InProgress' ? (0,format/* formatDuration */.a3)(t.durationSeconds) : undefined;
    const took = duration ? ` after ${duration}` : '';
    const error = t.error ? ` — ${t.error}` : '';
    if (t.retrying)
        return `${formatElapsed(elapsedMs)} ${subject}: failed, AWS is retrying it (stage onFailure: RETRY)`;
    return `${formatElapsed(elapsedMs)} ${subject}: ${t.status}${took}${attemptNote(t.status, t.attempt)}${error}`;
}
/** ` (attempt 2, after a failed attempt that AWS retried)` — empty for a first attempt. */
function attemptNote(status, attempt) {
    if (!attempt || attempt < 2)
        return '';
    if (status === 'InProgress')
        return ` (retry, attempt ${attempt})`;
    if (status === 'Succeeded')
        return ` (attempt ${attempt}: an earlier attempt failed and AWS retried it)`;
    return ` (attempt ${attempt})`;
}
/** Where a failed, stopped or cancelled execution ended: the stage and action to name in the failure line. */
function whereItEnded(stages) {
    const failed = stages.find((s) => s.status === 'Failed');
    if (failed)
        return { stage: failed.name, action: failed.actions.find((a) => a.status === 'Failed')?.name };
    const unfinished = [...stages].reverse().find((s) => s.status !== NOT_STARTED && s.status !== 'Succeeded');
    if (!unfinished)
        return {};
    const action = unfinished.actions.find((a) => ['Abandoned', 'InProgress', 'Failed'].includes(a.status));
    return { stage: unfinished.name, action: action?.name };
}

;// CONCATENATED MODULE: ../src/execution/explain.ts



const LOG_TAIL_LINES = 20;
/** The failed phase of a build and its message (pure). */
function failedPhase(build) {
    const phase = build.phases?.find((p) => p.phaseStatus && p.phaseStatus !== 'SUCCEEDED');
    if (!phase)
        return build.buildStatus && build.buildStatus !== 'SUCCEEDED' ? `build ${build.buildStatus}` : undefined;
    const message = (phase.contexts ?? [])
        .map((c) => c.message)
        .filter((m) => !!m)
        .join('; ');
    return `${phase.phaseType} phase ${phase.phaseStatus}${message ? `: ${message}` : ''}`;
}
/** Log lines as a person reads them: no trailing newlines or colour codes, blank lines dropped. */
function tidyLogLines(messages) {
    const lines = messages
        .flatMap((m) => (m ?? '').split(/\r?\n/))
        // eslint-disable-next-line no-control-regex -- ANSI colour codes start with ESC
        .map((l) => l.replace(/\u001b\[[0-9;]*m/g, '').trimEnd())
        .filter((l) => l.trim() !== '');
    return failureEnd(lines).slice(-LOG_TAIL_LINES);
}
/**
 * CodeBuild ends a failed build's log with its own housekeeping (`[Container] … Phase complete: … FINALIZING`).
 * The lines worth showing are the command's output just before `Command did not exit successfully`.
 */
const FAILURE_MARK = /^\[Container\] .*(Command did not exit successfully|Phase complete: \w+ State: FAILED)/;
function failureEnd(lines) {
    const i = lines.findIndex((l) => FAILURE_MARK.test(l));
    return i < 0 ? lines : lines.slice(0, i + 1);
}
async function explainFailures(runs, reader, deps, region) {
    const failed = runs.filter((r) => r.status === 'Failed');
    const explanations = new Map(failed.map((run) => [run, { error: actionError(run), url: run.externalExecutionUrl }]));
    const builds = failed.filter(isBuildRun);
    const commands = failed.flatMap((run) => {
        const stream = commandsLogStream(run);
        return stream ? [{ run, stream }] : [];
    });
    if (builds.length === 0 && commands.length === 0)
        return { explanations, notes: [] };
    const x = { reader, deps, region, notes: [], sdk: await loadClients() };
    await Promise.all(commands.map(({ run, stream }) => explainCommands(x, explanations.get(run), stream, run)));
    if (builds.length === 0)
        return { explanations, notes: x.notes };
    const found = await readBuilds(x, builds);
    await Promise.all(builds.map((run) => {
        const build = found.find((b) => b.id === run.externalExecutionId);
        return build && explainBuild(x, explanations.get(run), build);
    }));
    return { explanations, notes: x.notes };
}
/** The log group and stream of a Commands action, from its logStreamARN (`…:log-group:G:log-stream:S`). */
function commandsLogStream(run) {
    if (run.provider !== 'Commands' || !run.logStreamArn)
        return undefined;
    const m = /:log-group:(.+?):log-stream:(.+)$/.exec(run.logStreamArn);
    return m?.[1] && m[2] ? { group: m[1], stream: m[2] } : undefined;
}
/** A Commands action's log link and last lines into its explanation. */
async function explainCommands(x, ex, log, run) {
    ex.logUrl = (0,links/* logStreamUrl */.MK)(x.region, log.group, log.stream);
    ex.logTail = await readLogTail(x, log, `The log of action ${run.stage} › ${run.action}`);
}
/**
 * The CodeBuild and CloudWatch Logs clients, loaded only when a failed build or Commands action is to be
 * explained: a run that sees no such failure (nearly every run) does not compile them (~290 kB of JavaScript)
 * before its first request.
 */
async function loadClients() {
    // One destructuring per import: __tests__/iam reads the commands a mode can call from these lines.
    const { CodeBuildClient, BatchGetBuildsCommand } = await __webpack_require__.e(/* import() */ 246).then(__webpack_require__.bind(__webpack_require__, 3246));
    const { CloudWatchLogsClient, GetLogEventsCommand } = await Promise.all(/* import() */[__webpack_require__.e(97), __webpack_require__.e(774)]).then(__webpack_require__.bind(__webpack_require__, 1774));
    return { CodeBuildClient, BatchGetBuildsCommand, CloudWatchLogsClient, GetLogEventsCommand };
}
/** A CodeBuild action that ran one build (a batch build has no single log to show). */
function isBuildRun(run) {
    return (run.provider === 'CodeBuild' &&
        !!run.externalExecutionId &&
        !run.externalExecutionId.startsWith('build-batch/'));
}
async function readBuilds(x, builds) {
    try {
        const out = await x.reader.read({ service: 'codebuild', operation: 'BatchGetBuilds' }, (abortSignal) => x.deps.aws
            .get(x.sdk.CodeBuildClient)
            .send(new x.sdk.BatchGetBuildsCommand({ ids: builds.map((r) => r.externalExecutionId) }), {
            abortSignal,
        }), { attempts: 3, kind: 'explain' });
        if (out.ok)
            return out.value.builds ?? [];
    }
    catch (e) {
        x.notes.push(`The failed build could not be read: ${(0,aws_errors/* describeError */.Uc)(e)}`);
    }
    return [];
}
/** The failed phase into the error line, the log's link and its last lines into the explanation. */
async function explainBuild(x, ex, build) {
    const phase = failedPhase(build);
    if (phase)
        ex.error = ex.error && !ex.error.includes(phase) ? `${phase} (${ex.error})` : phase;
    const group = build.logs?.groupName ?? build.logs?.cloudWatchLogs?.groupName;
    const stream = build.logs?.streamName ?? build.logs?.cloudWatchLogs?.streamName;
    ex.logUrl = build.logs?.deepLink ?? (group && stream ? (0,links/* logStreamUrl */.MK)(x.region, group, stream) : undefined);
    if (!group || !stream)
        return;
    ex.logTail = await readLogTail(x, { group, stream }, `The log of build ${build.id}`);
}
/** The last lines of a log stream; undefined (with a note naming `what`) when it could not be read. */
async function readLogTail(x, log, what) {
    try {
        const out = await x.reader.read({ service: 'logs', operation: 'GetLogEvents' }, (abortSignal) => x.deps.aws.get(x.sdk.CloudWatchLogsClient).send(new x.sdk.GetLogEventsCommand({
            logGroupName: log.group,
            logStreamName: log.stream,
            startFromHead: false,
            limit: 50,
        }), { abortSignal }), { attempts: 3, kind: 'explain' });
        if (out.ok)
            return tidyLogLines((out.value.events ?? []).map((e) => e.message));
    }
    catch (e) {
        x.notes.push(`${what} could not be read: ${(0,aws_errors/* describeError */.Uc)(e)}`);
    }
    return undefined;
}

// EXTERNAL MODULE: ../src/execution/reader.ts
var execution_reader = __webpack_require__(8247);
// EXTERNAL MODULE: ../src/execution/schedule.ts
var schedule = __webpack_require__(8325);
;// CONCATENATED MODULE: ../src/execution/follow-state.ts



function startFollowing(req, deps, reader) {
    return {
        req,
        deps,
        timeoutMs: req.timeoutMs ?? Math.max(0, req.deadline - deps.now()),
        reader: reader ?? new execution_reader/* ExecutionReader */.G(deps, (0,schedule/* followBudget */.rJ)(req.follow.pollIntervalMs, deps.now()), req.deadline),
        notes: [],
    };
}
/** The report of an execution nothing was read of yet. */
function blankReport(f, id, status = '') {
    return {
        id,
        status,
        url: (0,links/* executionUrl */.ME)(f.req.region, f.req.pipelineName, id),
        commit: f.req.commitSha,
        stages: [],
    };
}
/** The superseded first execution, for the result (undefined while the first execution is followed). */
function supersededDetails(f) {
    const original = f.original;
    return original && { id: original.report.id, url: original.report.url, commit: original.commit };
}

;// CONCATENATED MODULE: ../src/execution/verdict.ts
// Turns AWS statuses into a verdict: a pure decision table, so what "green" means is written down once.

function where(f) {
    if (f.failedStage && f.failedAction)
        return ` in stage ${f.failedStage}, action ${f.failedAction}`;
    if (f.failedStage)
        return ` in stage ${f.failedStage}`;
    return '';
}
/** AWS's stop reason (stopTrigger.reason), quoted: it is whatever the person who stopped it typed. */
function stopReason(f) {
    if (f.stopReason === undefined)
        return '';
    return f.stopReason ? `; the reason given: "${f.stopReason}"` : '; no reason was given';
}
function because(f) {
    return f.failure ? `: ${f.failure}` : '';
}
function decide(f, onSuperseded) {
    const subject = `Execution ${f.executionId} of ${f.pipelineName}`;
    switch (f.status) {
        case 'Succeeded':
            return { kind: 'final', verdict: 'success', reason: `${subject} succeeded.` };
        case 'Failed':
            if (f.autoRetryPending) {
                return { kind: 'wait', note: `stage ${f.failedStage ?? '?'} failed; AWS retries it automatically` };
            }
            return { kind: 'final', verdict: 'failure', reason: `${subject} failed${where(f)}${because(f)}.` };
        case 'Stopped':
            return {
                kind: 'final',
                verdict: 'failure',
                reason: `${subject} was stopped${where(f)}${stopReason(f)}${because(f)}.`,
            };
        case 'Cancelled':
            return {
                kind: 'final',
                verdict: 'failure',
                reason: `${subject} was cancelled${where(f)} (the pipeline was changed before it finished)${because(f)}.`,
            };
        case 'Superseded': {
            if (onSuperseded === 'follow')
                return { kind: 'follow-successor' };
            const by = f.supersededBy;
            const newer = by
                ? `newer execution ${by.id}${by.revision ? ` (commit ${(0,commits/* shortSha */.Fu)(by.revision)})` : ''}`
                : 'a newer execution';
            if (onSuperseded === 'succeed') {
                return {
                    kind: 'final',
                    verdict: 'success',
                    reason: `${subject} was superseded by ${newer}; on-superseded is "succeed", so this is not checked further.`,
                };
            }
            return {
                kind: 'final',
                verdict: 'failure',
                reason: `${subject} was superseded by ${newer} before it finished (on-superseded: fail).`,
            };
        }
        default:
            // InProgress, Stopping (not terminal: in-flight actions are still finishing) and anything new.
            return { kind: 'wait' };
    }
}
const verdict_short = (sha) => (sha ? (0,commits/* shortSha */.Fu)(sha) : 'unknown');
/**
 * on-superseded: follow. Success only when the successor succeeded AND its revision contains the commit;
 * anything not verified is a failure that says so.
 */
function judgeSuccessor(f) {
    const head = `Execution ${f.originalId} was superseded by ${f.successorId}`;
    if (f.successor.verdict === 'failure') {
        return { verdict: 'failure', reason: `${head}, which did not succeed: ${f.successor.reason}` };
    }
    const commit = verdict_short(f.commit);
    const other = verdict_short(f.successorCommit);
    switch (f.relation.kind) {
        case 'contains':
            return {
                verdict: 'success',
                reason: `${head}, which succeeded with revision ${other}${f.relation.how === 'same-commit' ? ' (the same commit)' : `, containing commit ${commit}`}.`,
            };
        case 'unrelated':
            return {
                verdict: 'failure',
                reason: `${head}, which succeeded, but commit ${commit} was replaced by an unrelated revision ${other} (compare: ${f.relation.how}); ${commit} was not deployed.`,
            };
        case 'unverified':
            return {
                verdict: 'failure',
                reason: `${head}, which succeeded with revision ${other}, but whether it contains commit ${commit} could not be verified: ${f.relation.why}.`,
            };
    }
}

;// CONCATENATED MODULE: ../src/execution/execution-report.ts







async function reportOf(f, watched, summary) {
    const w = watched.end === 'decided' && needsEndingReads(watched) ? await ended(f, watched) : watched;
    const report = reportWithoutExplanations(f, w, summary);
    if (w.end !== 'decided' || !w.runs.some((r) => r.status === 'Failed'))
        return { report, decision: redecided(f, w) };
    const failure = await explainInRows(f, w);
    return { report, decision: withFailure(f, w, failure) };
}
/** The watch as AWS says it ended: the stage it stopped or failed in, the stop's reason, a failed condition. */
async function ended(f, w) {
    const ending = await readEnding(f, w);
    const stages = withEnding(w.stages, ending, w.status);
    // No action failed, so the watch's log has not told it: the stage and the rule that failed it.
    if (ending.stage && ending.condition) {
        const failed = { stage: ending.stage, status: 'Failed', error: ending.condition };
        f.deps.log.info(formatTransition(failed, f.deps.now() - w.origin));
    }
    const at = ending.stage ? whereItEnded(stages) : undefined;
    const facts = {
        ...w.facts,
        failedStage: at?.stage ?? w.facts.failedStage,
        failedAction: at ? at.action : w.facts.failedAction,
        stopReason: ending.stopReason,
        failure: ending.condition ?? w.facts.failure,
    };
    return { ...w, stages, facts };
}
/** The decision from the facts as they now stand (a stop's reason, a failed condition). */
function redecided(f, w) {
    if (w.decision?.kind !== 'final')
        return w.decision;
    const again = decide(w.facts, f.req.follow.onSuperseded);
    return again.kind === 'final' ? again : w.decision;
}
function reportWithoutExplanations(f, w, summary) {
    const report = {
        ...blankReport(f, w.executionId, w.status),
        commit: commitOfExecution(w.execution) ?? summary.revisions[0] ?? (f.original ? undefined : f.req.commitSha),
        version: w.execution?.variables?.find((v) => v.name === 'VERSION')?.resolvedValue,
        startedAt: (0,format/* isoTime */.Ly)(summary.startedAt ?? firstStart(w.stages)),
        stages: w.stages,
        failedStage: w.facts.failedStage,
        failedAction: w.facts.failedAction,
    };
    if ((0,codepipeline/* isTerminal */.Hd)(w.status)) {
        report.endedAt = lastEnd(w.stages) ?? (0,format/* isoTime */.Ly)(f.deps.now());
    }
    return report;
}
/** Explains the failed actions into their rows of the table; returns the explanation of the one that failed it. */
async function explainInRows(f, w) {
    const { explanations, notes } = await explainFailures(w.runs, f.reader, f.deps, f.req.region);
    f.notes.push(...notes);
    for (const [run, ex] of explanations) {
        const row = rowOf(w.stages, run);
        if (row)
            explainRow(row, ex);
    }
    const failed = w.runs.find((r) => r.stage === w.facts.failedStage && r.action === w.facts.failedAction);
    return failed && explanations.get(failed);
}
/**
 * An action's row with its explanation: the error, the log and its tail, and the action's page, which the row
 * keeps only when it is not the log itself (CodeBuild's page can be): every report then links each once.
 */
function explainRow(row, ex) {
    if (ex.error)
        row.error = ex.error;
    if (ex.logUrl)
        row.logUrl = ex.logUrl;
    if (ex.logTail?.length)
        row.logTail = ex.logTail;
    if (ex.url && !row.url)
        row.url = ex.url;
    if (row.url && row.url === row.logUrl)
        delete row.url;
}
/** The decision again, with the failed action's error (and log link) in its reason. */
function withFailure(f, w, ex) {
    if (!ex?.error || w.decision?.kind !== 'final')
        return w.decision;
    const failure = ex.logUrl ? `${ex.error} (log: ${ex.logUrl})` : ex.error;
    const again = decide({ ...w.facts, failure }, f.req.follow.onSuperseded);
    return again.kind === 'final' ? again : w.decision;
}
function commitOfExecution(execution) {
    return execution?.artifactRevisions?.find((r) => r.revisionId)?.revisionId;
}
function rowOf(stages, run) {
    return stages.find((s) => s.name === run.stage)?.actions.find((a) => a.name === run.action);
}
function firstStart(stages) {
    const t = stages.map((s) => s.startedAt).filter((x) => !!x);
    return t.length ? Math.min(...t.map(Date.parse)) : undefined;
}
function lastEnd(stages) {
    const t = stages.flatMap((s) => s.actions.map((a) => a.endedAt)).filter((x) => !!x);
    return t.length ? t.sort()[t.length - 1] : undefined;
}

// EXTERNAL MODULE: ../node_modules/@aws-sdk/client-codepipeline/dist-es/commandBuilder.js
var commandBuilder = __webpack_require__(3574);
// EXTERNAL MODULE: ../node_modules/@aws-sdk/client-codepipeline/dist-es/schemas/schemas_0.js + 2 modules
var schemas_0 = __webpack_require__(2640);
;// CONCATENATED MODULE: ../node_modules/@aws-sdk/client-codepipeline/dist-es/commands/StopPipelineExecutionCommand.js


class StopPipelineExecutionCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "StopPipelineExecution", schemas_0/* StopPipelineExecution$ */.FiS) {
}

// EXTERNAL MODULE: ../src/cancel.ts
var cancel = __webpack_require__(9969);
;// CONCATENATED MODULE: ../src/execution/stop.ts
// stop-on-cancel: when the workflow run is cancelled, ask AWS to stop the execution it was following.




/** The execution after the stop (status Stopping when asked), and what became of it, for the reason. */
async function stopOnCancel(f, execution) {
    if (!f.req.follow.stopOnCancel || (0,codepipeline/* isTerminal */.Hd)(execution.status)) {
        return { execution, what: 'it keeps running (stop-on-cancel is false)' };
    }
    try {
        // deps.signal is already aborted: the stop gets its own short deadline.
        await f.deps.aws.get(CodePipelineClient/* CodePipelineClient */.p).send(new StopPipelineExecutionCommand({
            pipelineName: f.req.pipelineName,
            pipelineExecutionId: execution.id,
            reason: 'The GitHub workflow run following this execution was cancelled.',
        }), { abortSignal: AbortSignal.timeout(cancel/* AFTER_CANCEL_MS */.R) });
        return {
            execution: { ...execution, status: 'Stopping' },
            what: 'it was asked to stop (StopPipelineExecution)',
        };
    }
    catch (e) {
        f.notes.push(`Could not stop execution ${execution.id}: ${(0,aws_errors/* describeError */.Uc)(e)}`);
        return { execution, what: `stopping it failed: ${(0,aws_errors/* describeError */.Uc)(e)}` };
    }
}

;// CONCATENATED MODULE: ../src/execution/outcome.ts





/** The execution ended and was judged. */
function finished(f, verdict, reason, execution, superseded) {
    return { verdict, reason, execution, superseded, timedOut: false, cancelled: false, notes: withStats(f) };
}
/** A wrong id (or one older than AWS keeps): a plain failure, not an execution with status "Unknown". */
function notFound(f, execution) {
    const reason = `No execution ${execution.id} in pipeline ${f.req.pipelineName}: check execution-id (executions are kept 12 months).`;
    return { ...finished(f, 'failure', reason, execution), notFound: true };
}
/** The execution's state could not be read (access denied, expired credentials…): not verified. */
function unreadable(f, execution, error) {
    const reason = `Stopped following execution ${execution.id} of ${f.req.pipelineName} (${lastStatus(execution.status)}): ${error}`;
    return { ...finished(f, 'failure', reason, execution, supersededDetails(f)), unverified: true };
}
/** Superseded too many times in a row (a busy branch): stop following successors. */
function gaveUp(f, original, execution, hop) {
    const reason = `Execution ${original.report.id} was superseded ${hop + 1} times in a row; gave up following at ${execution.id}.`;
    return finished(f, 'failure', reason, execution, supersededDetails(f));
}
/** The deadline or a cancel came first. `unread`: what could not be read before the deadline. */
function interrupted(f, why, execution, unread) {
    return why === 'cancelled' ? cancelled(f, execution) : timedOut(f, execution, unread);
}
/**
 * `unread`: what could not be read before the deadline (default: the execution, when no status was read).
 * `approval`: the manual approval the execution was waiting on — the timeout then says so, and where to answer.
 */
function timedOut(f, execution, unread, approval) {
    const where = execution.failedStage ?? runningStage(execution.stages);
    const unreadable = notRead(f, execution, unread);
    const subject = `Execution ${execution.id} of ${f.req.pipelineName}`;
    return {
        verdict: 'failure',
        reason: approval && !unreadable
            ? approvalTimeoutReason(approval, f.deps.now(), subject, (0,format/* minutes */.Gx)(f.timeoutMs))
            : `Timed out after ${(0,format/* minutes */.Gx)(f.timeoutMs)} following execution ${execution.id} of ${f.req.pipelineName}; ` +
                `${lastStatus(execution.status)}${where ? ` (stage ${where})` : ''}${unreadable}.`,
        execution,
        superseded: supersededDetails(f),
        timedOut: true,
        cancelled: false,
        notes: withStats(f),
        // Timed out because AWS's answers ran out, not while watching a slow execution: not verified.
        unverified: unreadable !== '' || undefined,
    };
}
/** The workflow run was cancelled: stop the execution when stop-on-cancel says so, and say what became of it. */
async function cancelled(f, execution) {
    const stop = await stopOnCancel(f, execution);
    const where = runningStage(stop.execution.stages);
    return {
        verdict: 'failure',
        reason: `Cancelled while following execution ${stop.execution.id} of ${f.req.pipelineName} (${lastStatus(stop.execution.status)}${where ? `, stage ${where}` : ''}); ${stop.what}.`,
        execution: stop.execution,
        superseded: supersededDetails(f),
        timedOut: false,
        cancelled: true,
        notes: withStats(f),
    };
}
/** The notes, after logging the read counts when AWS throttled or failed transiently. */
function withStats(f) {
    const { calls, throttled, transient } = f.reader.stats;
    if (throttled + transient > 0) {
        f.deps.log.info(`AWS reads: ${calls}, of which ${throttled} throttled and ${transient} failed transiently (waited out).`);
    }
    return f.notes;
}
/** `: <what> could not be read (<the last failure>)` when AWS's answers ran out, so its state is unverified. */
function notRead(f, execution, unread) {
    const failure = f.reader.lastFailure;
    if (!failure)
        return '';
    const what = unread ?? (execution.status === '' ? `execution ${execution.id}` : undefined);
    if (!what)
        return '';
    return `: ${what} could not be read (last attempt: ${failure})`;
}
/** The stage the execution was in, with the actions in progress there. */
function runningStage(stages) {
    const stage = [...stages].reverse().find((s) => s.status !== NOT_STARTED && s.status !== 'Succeeded');
    if (!stage)
        return undefined;
    const busy = stage.actions.filter((a) => a.status === 'InProgress').map((a) => a.name);
    return busy.length ? `${stage.name}, action ${busy.join(', ')} in progress` : stage.name;
}
/** The status last seen, in AWS's words; said so when none was read (the status itself stays empty). */
function lastStatus(status) {
    return status ? `last status ${status}` : 'no status read yet';
}

// EXTERNAL MODULE: ../node_modules/@aws-sdk/client-codepipeline/dist-es/commands/GetPipelineCommand.js
var GetPipelineCommand = __webpack_require__(7092);
;// CONCATENATED MODULE: ../src/execution/predict.ts
// Past executions predict the future: each action's usual duration (from the last successful executions) and,
// from the current progress, when the next change and the end of the execution are due. Pure.

const actionKey = (stage, action) => `${stage}/${action}`;
/** Usual duration per action: the median over past successful runs, spread from their range (≥ 15 %). */
function usualDurations(history) {
    const samples = new Map();
    for (const runs of history) {
        for (const r of runs) {
            if (r.status !== 'Succeeded' || r.startedAt === undefined || r.updatedAt === undefined)
                continue;
            const key = actionKey(r.stage, r.action);
            samples.set(key, [...(samples.get(key) ?? []), Math.max(0, r.updatedAt - r.startedAt)]);
        }
    }
    const out = new Map();
    for (const [key, list] of samples) {
        const sorted = [...list].sort((a, b) => a - b);
        const ms = sorted[Math.floor(sorted.length / 2)] ?? 0;
        const range = (sorted.at(-1) ?? 0) - (sorted[0] ?? 0);
        out.set(key, { ms, spreadMs: Math.max(0.15 * ms, range / 2) });
    }
    return out;
}
/**
 * The next change that has not been seen yet, and the predicted end of the execution. Actions run stage by
 * stage, and within a stage by runOrder (same runOrder = parallel). Unknown durations stop the prediction.
 */
function nextExpectation(shape, runs, usual, now, executionStart) {
    const failed = runs.find((r) => (0,codepipeline/* isActionEnded */.n3)(r.status) && r.status !== 'Succeeded');
    if (failed)
        return endAfterFailure(runs, failed.stage, usual, now);
    const events = [];
    const firstStart = runs.map((r) => r.startedAt).filter((t) => t !== undefined);
    let cursor = Math.min(executionStart ?? now, ...firstStart);
    let complete = true;
    outer: for (const stage of shape.stages) {
        const orders = [...new Set(stage.actions.map((a) => a.runOrder))].sort((a, b) => a - b);
        for (const order of orders) {
            let groupEnd = cursor;
            for (const action of stage.actions.filter((a) => a.runOrder === order)) {
                const run = runs.find((r) => r.stage === stage.name && r.action === action.name);
                if (run && (0,codepipeline/* isActionEnded */.n3)(run.status)) {
                    groupEnd = Math.max(groupEnd, run.updatedAt ?? cursor);
                    continue;
                }
                const u = usual.get(actionKey(stage.name, action.name));
                if (!u) {
                    complete = false;
                    break outer;
                }
                const start = run?.startedAt ?? Math.max(cursor, now);
                const end = start + u.ms;
                events.push({
                    at: end,
                    spreadMs: u.spreadMs,
                    stage: stage.name,
                    action: action.name,
                    terminal: false,
                });
                // A late action pushes everything after it: it cannot end before now.
                groupEnd = Math.max(groupEnd, end, now);
            }
            cursor = groupEnd;
        }
    }
    if (events.length === 0)
        return {};
    const last = events.reduce((a, b) => (b.at >= a.at ? b : a));
    if (complete)
        last.terminal = true;
    const next = events.reduce((a, b) => (b.at < a.at ? b : a));
    return { next, end: complete ? last.at : undefined };
}
/**
 * An action failed: the execution ends when the actions still running in its stage end (AWS lets them finish),
 * at once when none runs. The last of them to end is the end.
 */
function endAfterFailure(runs, stage, usual, now) {
    const running = runs.filter((r) => r.stage === stage && r.status === 'InProgress');
    const ends = running.map((r) => {
        const u = usual.get(actionKey(r.stage, r.action));
        if (!u || r.startedAt === undefined)
            return undefined;
        const at = Math.max(now, r.startedAt + u.ms);
        return { at, spreadMs: u.spreadMs, stage, action: r.action, terminal: true, afterFailure: true };
    });
    if (ends.length === 0 || ends.some((e) => !e))
        return {};
    const last = ends.reduce((a, b) => (b.at >= a.at ? b : a));
    return { next: last, end: last.at };
}

// EXTERNAL MODULE: ../node_modules/@aws-sdk/client-codepipeline/dist-es/commands/GetPipelineExecutionCommand.js
var GetPipelineExecutionCommand = __webpack_require__(350);
;// CONCATENATED MODULE: ../node_modules/@aws-sdk/client-codepipeline/dist-es/commands/ListActionExecutionsCommand.js


class ListActionExecutionsCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "ListActionExecutions", schemas_0/* ListActionExecutions$ */.G_R) {
}

;// CONCATENATED MODULE: ../src/execution/reads.ts
// The two reads that watch an execution: its status (GetPipelineExecution: cheap, and the only source of
// Superseded/Stopped) and its progress (ListActionExecutions filtered by the execution: exact in every execution
// mode, unlike GetPipelineState; past executions are read the same way to learn how long actions take). Each
// goes through the reader, which spends its budget and waits out throttling.

/** `final`: the one last look at the deadline, made once whatever the clock says. */
function readStatus(r, final = false) {
    return r.reader.read({ service: 'codepipeline', operation: 'GetPipelineExecution' }, (abortSignal) => r.deps.aws.get(CodePipelineClient/* CodePipelineClient */.p).send(new GetPipelineExecutionCommand/* GetPipelineExecutionCommand */.q({
        pipelineName: r.pipelineName,
        pipelineExecutionId: r.executionId,
    }), { abortSignal }), { kind: 'status', final });
}
/** The action executions of the execution, page after page. */
async function readProgress(r, opts = {}) {
    const details = [];
    let nextToken;
    let pages = 0;
    do {
        const out = await r.reader.read({ service: 'codepipeline', operation: 'ListActionExecutions' }, (abortSignal) => r.deps.aws.get(CodePipelineClient/* CodePipelineClient */.p).send(new ListActionExecutionsCommand({
            pipelineName: r.pipelineName,
            filter: { pipelineExecutionId: r.executionId },
            maxResults: 100,
            nextToken,
        }), { abortSignal }), { final: opts.final, attempts: opts.attempts, kind: opts.kind });
        if (!out.ok)
            return out;
        details.push(...(out.value.actionExecutionDetails ?? []));
        nextToken = out.value.nextToken;
    } while (nextToken && ++pages < (opts.pages ?? Infinity));
    return { ok: true, value: details };
}

;// CONCATENATED MODULE: ../src/execution/shape.ts
function shapeOf(declaration) {
    const stages = (declaration?.stages ?? []).map((s) => ({
        name: s.name ?? '?',
        autoRetry: s.onFailure?.result === 'RETRY',
        rollsBack: s.onFailure?.result === 'ROLLBACK',
        conditions: !!(s.beforeEntry || s.onSuccess || s.onFailure?.conditions),
        actions: (s.actions ?? []).map((a) => ({
            name: a.name ?? '?',
            runOrder: a.runOrder ?? 1,
            provider: a.actionTypeId?.provider,
        })),
    }));
    return { stages, sourceRepository: sourceRepository(declaration) };
}
function sourceRepository(declaration) {
    for (const stage of declaration?.stages ?? []) {
        for (const action of stage.actions ?? []) {
            if (action.actionTypeId?.category !== 'Source')
                continue;
            const c = action.configuration ?? {};
            if (c.FullRepositoryId)
                return c.FullRepositoryId;
            if (c.Owner && c.Repo)
                return `${c.Owner}/${c.Repo}`;
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ../src/execution/setup.ts
// The reads a follow starts with, paid from the read budget like every look: the pipeline's shape (every stage and action for
// the table), its recent executions, and how long each action usually takes (from past successful runs).







/** Past successful executions read to learn each action's usual duration. */
const HISTORY_SAMPLES = 2;
/** `known`: the executions the caller already read (monitor, to find the commit's execution). */
async function prepare(f, known) {
    const name = f.req.pipelineName;
    const pipeline = await f.reader.read({ service: 'codepipeline', operation: 'GetPipeline' }, (abortSignal) => f.deps.aws.get(CodePipelineClient/* CodePipelineClient */.p).send(new GetPipelineCommand/* GetPipelineCommand */.Y({ name }), { abortSignal }), { kind: 'setup' });
    if (!pipeline.ok)
        return { ok: false, why: pipeline.why, unread: `the pipeline ${name}` };
    const shape = shapeOf(pipeline.value.pipeline);
    const listed = known
        ? { ok: true, value: known }
        : await (0,execution_history/* listExecutions */.eX)(name, f.reader, f.deps, 1, undefined, 'setup');
    if (!listed.ok)
        return { ok: false, why: listed.why, unread: `the executions of ${name}` };
    const usual = await learnDurations(f, listed.value);
    return { ok: true, value: { shape, executions: listed.value, usual } };
}
/** Each action's usual duration, from the newest successful executions before this one. Nice to have. */
async function learnDurations(f, executions) {
    const history = [];
    for (const past of pastSuccesses(executions, f.req.executionId)) {
        const runs = await pastRuns(f, past.id);
        if (runs)
            history.push(runs);
    }
    return usualDurations(history);
}
/** The newest successful executions that started before the followed one (pure). */
function pastSuccesses(executions, executionId) {
    const self = executions.find((e) => e.id === executionId);
    return (0,execution_history/* newestFirst */.ll)(executions)
        .filter((e) => e.id !== executionId && e.status === 'Succeeded')
        .filter((e) => !self?.startedAt || (e.startedAt ?? 0) < self.startedAt)
        .slice(0, HISTORY_SAMPLES);
}
/** The action runs of a past execution (one page); undefined when they could not be read (two attempts). */
async function pastRuns(f, executionId) {
    const read = { deps: f.deps, reader: f.reader, pipelineName: f.req.pipelineName, executionId };
    try {
        const out = await readProgress(read, { attempts: 2, kind: 'setup', pages: 1 });
        return out.ok ? latestRuns(out.value) : undefined;
    }
    catch (err) {
        f.deps.log.debug(`Past execution ${executionId} not read: ${(0,aws_errors/* describeError */.Uc)(err)}`);
        return undefined;
    }
}

// EXTERNAL MODULE: ../src/backoff.ts
var backoff = __webpack_require__(6383);
;// CONCATENATED MODULE: ../src/execution/watch-state.ts





/** How long a failed stage with onFailure RETRY may stay Failed before the failure is taken as final. */
const retryGraceMs = (intervalMs) => Math.max(120_000, 3 * intervalMs);
/** `listed`: what the listing of executions said (the status stays empty when it was not listed). */
function startWatch(ctx, executionId, listed) {
    const { deps, reader, pipelineName } = ctx;
    const { startedAt, status = '' } = listed;
    return {
        seen: {
            executionId,
            origin: startedAt ?? deps.now(),
            status,
            runs: [],
            stages: buildStages(ctx.shape, []),
            facts: { executionId, pipelineName, status },
            end: 'deadline',
        },
        read: { deps, reader, pipelineName, executionId },
        startedAt,
        progressFetched: false,
        progressStreak: 0,
        nextKind: 'progress',
        endSuspected: false,
        logged: buildStages(ctx.shape, []),
    };
}
/** One log line, on the execution's [mm:ss] clock. */
function say(ctx, s, line) {
    ctx.deps.log.info(`${formatElapsed(ctx.deps.now() - s.seen.origin)} ${line}`);
}
/** Records the execution's status; a change is logged once. */
function noteStatus(ctx, s, status) {
    if (status === s.seen.status)
        return;
    say(ctx, s, `Execution ${s.seen.executionId}: ${status}`);
    s.seen.status = status;
    if (status === 'Failed')
        s.failedSeenAt = ctx.deps.now();
}
/**
 * Records the progress read and logs each transition. `statusKnown`: the status was read with it, so a stage
 * whose actions are all done can be told as Succeeded or Stopped.
 */
function applyProgress(ctx, s, details, statusKnown = false) {
    s.progressFetched = true;
    s.seen.runs = latestRuns(details, ctx.shape);
    s.seen.stages = withStop(buildStages(ctx.shape, s.seen.runs), s.seen.status);
    logTransitions(ctx, s, statusKnown);
}
/** A status was read: the table again in its light (a stopped stage), and the stage ends held back until now. */
function relogWithStatus(ctx, s) {
    if (!s.progressFetched)
        return;
    s.seen.stages = withStop(buildStages(ctx.shape, s.seen.runs), s.seen.status);
    logTransitions(ctx, s, true);
}
/**
 * Logs what changed since the log last told the table. A stage whose actions all succeeded, with no later stage
 * started, is told only once a status confirms it: a stopped execution ends its stage Stopped, not Succeeded.
 */
function logTransitions(ctx, s, statusKnown) {
    const held = new Set();
    for (const t of transitions(s.logged, s.seen.stages)) {
        if (!statusKnown && !t.action && t.status === 'Succeeded' && isFrontier(s.seen.stages, t.stage)) {
            held.add(t.stage);
            continue;
        }
        ctx.deps.log.info(formatTransition(t, ctx.deps.now() - s.seen.origin));
    }
    s.logged = s.seen.stages.map((st) => {
        const before = s.logged.find((x) => x.name === st.name);
        return held.has(st.name) && before ? { ...st, status: before.status } : st;
    });
}
/** No stage after this one has started. */
function isFrontier(stages, name) {
    const i = stages.findIndex((st) => st.name === name);
    return stages.slice(i + 1).every((st) => st.status === NOT_STARTED);
}
/**
 * While the execution is Stopping or Stopped, the stage it was in (the last one started, unless it failed) has
 * that status: AWS stops a stage even when its running actions finish successfully (stop and wait).
 */
function withStop(stages, status) {
    if (status !== 'Stopping' && status !== 'Stopped')
        return stages;
    const last = [...stages].reverse().find((st) => st.status !== NOT_STARTED);
    if (!last || last.status === 'Failed')
        return stages;
    return stages.map((st) => (st === last ? { ...st, status } : st));
}
/** Each round while a manual approval waits: say which, for how long, and where a person answers it. */
function noteApproval(ctx, s) {
    const now = ctx.deps.now();
    const url = (0,links/* pipelineUrl */.EL)(ctx.region, ctx.pipelineName);
    s.seen.approval = pendingApproval(s.seen.runs, now, url);
    if (s.seen.approval)
        say(ctx, s, waitingLine(s.seen.approval, now));
}
/**
 * A failed action with nothing left running (AWS lets the stage's running actions finish first), or every action
 * of the last stage done: the status will say what it means.
 */
function endLooksNear(seen) {
    const lastStage = seen.stages[seen.stages.length - 1];
    const allDone = !!lastStage && lastStage.actions.every((a) => (0,codepipeline/* isActionEnded */.n3)(a.status));
    const failed = seen.runs.some((r) => r.status === 'Failed' || r.status === 'Abandoned');
    return (failed && !seen.runs.some((r) => r.status === 'InProgress')) || allDone;
}
/** Progress was read and nothing runs: between stages (waiting, superseded, stopped) or not started yet. */
function isIdle(seen) {
    return !seen.runs.some((r) => r.status === 'InProgress') && !endLooksNear(seen);
}
/** The facts a verdict is decided from, as seen now. */
function factsNow(ctx, s) {
    const { seen, read } = s;
    const at = whereItEnded(seen.stages);
    const ended = (0,codepipeline/* isTerminal */.Hd)(seen.status) && seen.status !== 'Succeeded';
    return {
        executionId: read.executionId,
        pipelineName: ctx.pipelineName,
        status: seen.status,
        failedStage: ended ? at.stage : undefined,
        failedAction: ended ? at.action : undefined,
        autoRetryPending: autoRetryPending(ctx, s, at),
    };
}
/** A stage with onFailure RETRY failed for the first time, recently: AWS will run it again. */
function autoRetryPending(ctx, s, at) {
    const { seen } = s;
    const failedRun = seen.runs.find((r) => r.stage === at.stage && r.action === at.action);
    const stage = ctx.shape.stages.find((st) => st.name === at.stage);
    if (seen.status !== 'Failed' || !stage?.autoRetry || (failedRun?.attempts ?? 1) >= 2)
        return false;
    const now = ctx.deps.now();
    return now - (s.failedSeenAt ?? now) < retryGraceMs(ctx.follow.pollIntervalMs);
}
/** The watch ends without a verdict; what was seen stays in the result. */
function endAs(ctx, s, end) {
    return { ...s.seen, facts: factsNow(ctx, s), end };
}
/** AWS answered with an error that waiting cannot fix (access denied, expired credentials, no such execution). */
function endWithError(ctx, s, e) {
    const notFound = (0,aws_errors/* errorCode */.CA)(e) === 'PipelineExecutionNotFoundException' || undefined;
    return { ...s.seen, facts: factsNow(ctx, s), end: 'error', error: (0,aws_errors/* describeError */.Uc)(e), notFound };
}

;// CONCATENATED MODULE: ../src/execution/watch.ts







/** A status look at least every this many looks: Stopping, Superseded and Cancelled show only in the status. */
const STATUS_EVERY = 6;
/**
 * Which read the next look makes (pure). Progress (ListActionExecutions) is the usual look: it carries both the
 * progress and the first sign of the end (a failed action, the last stage done). The status answers what
 * progress cannot show: whether a sign of the end is the end, and what an idle execution (nothing running) is.
 */
function chooseLook(s) {
    if (!s.progressFetched)
        return 'progress';
    // A sign of the end or an idle run: the status says what it means, then progress what changed since.
    if (s.endSuspected || s.idle)
        return s.progressStreak > 0 ? 'status' : 'progress';
    return s.progressStreak >= STATUS_EVERY ? 'status' : 'progress';
}
async function watchExecution(ctx, executionId, 
/** What the listing of executions said of it: when it started, its status then. */
opts = {}) {
    const s = startWatch(ctx, executionId, opts);
    // What was seen so far stays in the report when AWS stops answering mid-watch.
    try {
        return await lookUntilTheEnd(ctx, s);
    }
    catch (e) {
        return endWithError(ctx, s, e);
    }
}
async function lookUntilTheEnd(ctx, s) {
    for (;;) {
        const look = s.nextKind === 'status' ? await lookAtStatus(ctx, s) : await lookAtProgress(ctx, s);
        if (look.ended)
            return look.ended;
        const next = planNextLook(ctx, s, look.confirm);
        s.nextKind = next.kind;
        const ended = await (0,backoff/* waitForNextLook */.NS)(ctx.deps, next.gap, ctx.deadline);
        if (ended === 'cancelled')
            return endAs(ctx, s, 'cancelled');
        if (ended === 'deadline')
            return lastLook(ctx, s);
    }
}
async function lookAtStatus(ctx, s) {
    const out = await readStatus(s.read);
    if (!out.ok)
        return { ended: await readFailed(ctx, s, out.why) };
    const progressJustRead = s.progressStreak > 0;
    s.progressStreak = 0;
    s.seen.execution = out.value.pipelineExecution;
    const status = s.seen.execution?.status ?? '';
    noteStatus(ctx, s, status);
    relogWithStatus(ctx, s);
    if (!(0,codepipeline/* isTerminal */.Hd)(status)) {
        noteApproval(ctx, s);
        return { confirm: false };
    }
    // The end: the table and the failure point must be exact — read progress again unless the look just before
    // this one did (it showed the sign of the end that this status look confirms).
    if (!progressJustRead) {
        const progress = await readProgress(s.read);
        if (!progress.ok && progress.why === 'cancelled')
            return { ended: endAs(ctx, s, 'cancelled') };
        // A terminal status is known: a progress read lost to throttling at the deadline must not turn
        // a verified verdict into a timeout — decide from what is known.
        if (progress.ok)
            applyProgress(ctx, s, progress.value, true);
    }
    const decision = decideNow(ctx, s);
    if (decision.kind !== 'wait')
        return { ended: { ...s.seen, decision, end: 'decided' } };
    if (decision.note && decision.note !== s.lastNote)
        say(ctx, s, decision.note);
    s.lastNote = decision.note;
    return { confirm: false };
}
async function lookAtProgress(ctx, s) {
    const out = await readProgress(s.read);
    if (!out.ok)
        return { ended: await readFailed(ctx, s, out.why) };
    s.progressStreak++;
    applyProgress(ctx, s, out.value);
    noteApproval(ctx, s);
    // A failed action, or every action done: the status will say what it means — look now.
    const wasSuspected = s.endSuspected;
    s.endSuspected = endLooksNear(s.seen);
    // The first sign of the end: ask the status at once (later signs wait for the dense looks below).
    return { confirm: s.endSuspected && !wasSuspected };
}
/** A read gave up: at the deadline one last look still judges a run that just ended; a cancel ends here. */
function readFailed(ctx, s, why) {
    return why === 'deadline' ? lastLook(ctx, s) : endAs(ctx, s, why);
}
/**
 * At the deadline: one last look, so a run that ended during the last wait is judged, not timed out.
 * When the progress read fails there, the status alone decides (the table may then lag a little).
 */
async function lastLook(ctx, s) {
    const out = await readStatus(s.read, true);
    if (out.ok && out.value.pipelineExecution) {
        s.seen.execution = out.value.pipelineExecution;
        const status = s.seen.execution.status ?? s.seen.status;
        noteStatus(ctx, s, status);
        relogWithStatus(ctx, s);
        if ((0,codepipeline/* isTerminal */.Hd)(status)) {
            const progress = await readProgress(s.read, { final: true });
            if (progress.ok)
                applyProgress(ctx, s, progress.value, true);
            const decision = decideNow(ctx, s);
            if (decision.kind !== 'wait')
                return { ...s.seen, decision, end: 'decided' };
        }
    }
    return endAs(ctx, s, 'deadline');
}
/** The facts as seen now, kept for the report, and the verdict they give. */
function decideNow(ctx, s) {
    s.seen.facts = factsNow(ctx, s);
    return decide(s.seen.facts, ctx.follow.onSuperseded);
}
/**
 * Plans the next look: which read (what was seen) and when (the planner, then the budget's wait).
 * `confirm`: the first sign of the end — ask the status at once.
 */
function planNextLook(ctx, s, confirm) {
    if (confirm)
        return { kind: 'status', gap: 0 };
    const now = ctx.deps.now();
    const next = expectedChange(ctx, s, now);
    const gap = (0,schedule/* plannedGap */.hP)({ now, intervalMs: ctx.follow.pollIntervalMs, next }, ctx.reader.budget);
    const kind = chooseLook({
        progressFetched: s.progressFetched,
        progressStreak: s.progressStreak,
        endSuspected: s.endSuspected,
        idle: isIdle(s.seen),
    });
    return { kind, gap };
}
/** The next change due: the end, once progress suggests it; else what past runs predict. */
function expectedChange(ctx, s, now) {
    if (s.endSuspected) {
        return { at: now, spreadMs: ctx.follow.pollIntervalMs, terminal: true, stage: '', action: '' };
    }
    return nextExpectation(ctx.shape, s.seen.runs, ctx.usual, now, s.startedAt).next;
}

;// CONCATENATED MODULE: ../src/execution/rollback.ts
// A stage with onFailure ROLLBACK that failed: AWS starts a new execution of type ROLLBACK (trigger
// AutomatedRollback) that runs the stage again with the most recent execution that succeeded in it. The
// report names that execution and what it rolls back to; with follow-rollback it is watched to its end and its
// outcome named. The verdict stays a failure: the followed commit did not deploy.




/** Listings made while waiting for the rollback execution to appear (AWS starts it as the stage fails). */
const LOOKS_FOR_ROLLBACK = 3;
/** The sentence the failure reason ends with, when the failed stage rolls back on failure ('' otherwise). */
async function rollbackNote(f, ctx, failed) {
    const stage = rollingBackStage(ctx.shape.stages, failed);
    if (!stage)
        return '';
    const found = await findRollback(f, failed);
    const head = ` Stage ${stage} rolls back on failure:`;
    if (found.kind === 'unread')
        return `${head} whether AWS started a rollback execution could not be read (${found.why}).`;
    if (found.kind === 'none')
        return `${head} no rollback execution appeared${found.before ?? ''} (AWS rolls back only to an execution that succeeded in the stage on this pipeline version).`;
    const { rollback, target } = found;
    const started = `${head} AWS started rollback execution ${rollback.id} to execution ${rollback.rollbackTarget ?? '?'}${commitOf(target)}`;
    if (!f.req.follow.followRollback)
        return `${started} (follow-rollback: true follows it).`;
    const watched = await f.deps.log.group(`Rollback execution ${rollback.id}`, () => watchExecution(ctx, rollback.id, { startedAt: rollback.startedAt, status: rollback.status }));
    return `${started}; ${rollbackOutcome(watched, stage)}`;
}
/** The failed stage, when it is declared to roll back on failure (pure). */
function rollingBackStage(stages, failed) {
    if (failed.status !== 'Failed' || failed.execution?.executionType === 'ROLLBACK')
        return undefined;
    const name = failed.facts.failedStage;
    return stages.find((s) => s.name === name)?.rollsBack ? name : undefined;
}
/** How the rollback ended, in words (pure). */
function rollbackOutcome(w, stage) {
    if (w.end === 'cancelled')
        return 'following it was cancelled.';
    if (w.end === 'deadline')
        return `it was still ${w.status || 'running'} when the timeout ended.`;
    if (w.end === 'error')
        return `it could not be followed: ${w.error}.`;
    if (w.status === 'Succeeded')
        return `the rollback succeeded: stage ${stage} runs the earlier execution again.`;
    const where = w.facts.failedStage
        ? ` in stage ${w.facts.failedStage}${w.facts.failedAction ? `, action ${w.facts.failedAction}` : ''}`
        : '';
    return `the rollback ended ${w.status}${where}.`;
}
/** The newest ROLLBACK execution started since the failed one, and the execution it rolls back to. */
function rollbackOf(failed, list) {
    const rollback = (0,execution_history/* newestFirst */.ll)(list).find((e) => e.type === 'ROLLBACK' && e.id !== failed.id && (e.startedAt ?? 0) >= (failed.startedAt ?? 0));
    return rollback && { rollback, target: list.find((e) => e.id === rollback.rollbackTarget) };
}
/** A listing that could not be read is said as such: never as "no rollback appeared". */
async function findRollback(f, failed) {
    const self = { id: failed.executionId, startedAt: rollback_firstStart(failed) };
    for (let look = 0; look < LOOKS_FOR_ROLLBACK; look++) {
        const listed = await (0,execution_history/* listExecutions */.eX)(f.req.pipelineName, f.reader, f.deps, 1, undefined, 'explain');
        if (!listed.ok)
            return {
                kind: 'unread',
                why: listed.why === 'cancelled' ? 'the step was cancelled' : 'the step ran out of time',
            };
        const found = rollbackOf(self, listed.value);
        if (found)
            return { kind: 'found', ...found };
        if (await (0,backoff/* waitForNextLook */.NS)(f.deps, f.req.follow.pollIntervalMs, f.req.deadline))
            return { kind: 'none', before: ' before the step ran out of time' };
    }
    return { kind: 'none' };
}
function rollback_firstStart(w) {
    const starts = w.runs.map((r) => r.startedAt).filter((t) => t !== undefined);
    return starts.length ? Math.min(...starts) : undefined;
}
function commitOf(target) {
    const revision = target?.revisions[0];
    return revision ? ` (commit ${(0,commits/* shortSha */.Fu)(revision)})` : '';
}

// EXTERNAL MODULE: ../src/github.ts
var src_github = __webpack_require__(8352);
;// CONCATENATED MODULE: ../src/execution/commit-relation.ts
// Does the successor's revision contain the followed commit? GitHub's compare API answers: comparing
// commit...successor, `ahead` or `identical` means the successor's history includes the commit.



/** GitHub's compare `status` → the relation (pure). */
function relationOf(status) {
    switch (status) {
        case 'ahead':
        case 'identical':
            return { kind: 'contains', how: status };
        case 'behind':
        case 'diverged':
            return { kind: 'unrelated', how: status };
        default:
            return { kind: 'unverified', why: `GitHub's compare API answered an unknown status "${status ?? ''}"` };
    }
}
async function commitRelation(opts) {
    const { commit, successorCommit, repository, token } = opts;
    if (!commit)
        return { kind: 'unverified', why: 'no commit-sha is known for the followed execution' };
    if (!successorCommit)
        return { kind: 'unverified', why: 'the newer execution has no source revision' };
    if ((0,commits/* sameCommit */.Kd)(commit, successorCommit))
        return { kind: 'contains', how: 'same-commit' };
    if (!repository || !/^[^/]+\/[^/]+$/.test(repository)) {
        return { kind: 'unverified', why: 'the source repository of the pipeline is unknown' };
    }
    if (!token)
        return { kind: 'unverified', why: 'no github-token to call the compare API' };
    const [owner = '', repo = ''] = repository.split('/');
    try {
        const github = await (0,src_github/* createGitHubClient */.L)(token, opts.run);
        const { data } = await github.rest.repos.compareCommitsWithBasehead({
            owner,
            repo,
            basehead: `${commit}...${successorCommit}`,
            per_page: 1,
            request: {
                signal: opts.signal
                    ? AbortSignal.any([opts.signal, AbortSignal.timeout(5_000)])
                    : AbortSignal.timeout(5_000),
            },
        });
        return relationOf(data.status);
    }
    catch (e) {
        return { kind: 'unverified', why: `GitHub's compare API for ${repository} failed (${(0,aws_errors/* describeError */.Uc)(e)})` };
    }
}

;// CONCATENATED MODULE: ../src/execution/successor.ts
// A superseded execution and the one that replaced it: naming it (on-superseded fail/succeed), waiting for it
// to appear (on-superseded: follow), and judging the first execution by it — success only when it succeeded
// with a revision that contains the followed commit.







/** on-superseded fail/succeed: the verdict's reason names the execution that replaced it (nice to have). */
async function withSuccessorNamed(f, decision, watched, of, report) {
    if (decision.kind !== 'final' || watched.status !== 'Superseded' || f.original)
        return decision;
    const by = await supersededBy(f, of, report);
    const again = by && decide({ ...watched.facts, supersededBy: by }, f.req.follow.onSuperseded);
    return again && again.kind === 'final' ? again : decision;
}
/** The execution that superseded `of`, from one read of the newest executions; undefined if not found. */
async function supersededBy(f, of, report) {
    try {
        const listed = await (0,execution_history/* listExecutions */.eX)(f.req.pipelineName, f.reader, f.deps, 1, undefined, 'setup');
        if (!listed.ok)
            return undefined;
        const successor = successorIn(listed.value, of, report);
        return successor && { id: successor.id, revision: successor.revisions[0] };
    }
    catch (e) {
        f.deps.log.debug(`The superseding execution was not read: ${(0,aws_errors/* describeError */.Uc)(e)}`);
        return undefined;
    }
}
/** on-superseded: follow — the execution that replaced `of`, waiting (within the deadline) for it to appear. */
async function findSuccessor(f, of, report) {
    for (;;) {
        const listed = await (0,execution_history/* listExecutions */.eX)(f.req.pipelineName, f.reader, f.deps, 1);
        if (!listed.ok)
            return listed;
        const successor = successorIn(listed.value, of, report);
        if (successor)
            return { ok: true, value: successor };
        const now = f.deps.now();
        const gap = (0,schedule/* plannedGap */.hP)({ now, intervalMs: f.req.follow.pollIntervalMs }, f.reader.budget);
        const ended = await (0,backoff/* waitForNextLook */.NS)(f.deps, gap, f.req.deadline);
        if (ended)
            return { ok: false, why: ended };
    }
}
/** The successor of `of` in the list; `of` as listed, else as watched (superseded when its report ended). */
function successorIn(list, of, report) {
    const self = list.find((e) => e.id === of.id) ?? { ...of, updatedAt: Date.parse(report.endedAt ?? '') };
    return (0,execution_history/* successorOf */.kz)(self, list);
}
/** The first execution, judged by the successor that ended: `decision` is the successor's own verdict. */
async function judgeBySuccessor(f, original, shape, decision, report) {
    const relation = await relationToSuccessor(f, original, shape, decision, report);
    const judged = judgeSuccessor({
        originalId: original.report.id,
        successorId: report.id,
        successor: decision,
        commit: original.commit,
        successorCommit: report.commit,
        relation,
    });
    return finished(f, judged.verdict, judged.reason, report, {
        id: original.report.id,
        url: original.report.url,
        commit: original.commit,
        successorCommitRelation: relation.kind === 'unverified' ? `unverified: ${relation.why}` : relation.how,
    });
}
/** Does the successor's revision contain the followed commit? Asked only of a successor that succeeded. */
async function relationToSuccessor(f, original, shape, decision, report) {
    if (decision.verdict !== 'success') {
        return { kind: 'unverified', why: 'not compared: the newer execution did not succeed' };
    }
    return commitRelation({
        commit: original.commit,
        successorCommit: report.commit,
        repository: shape.sourceRepository ?? f.req.run.repository,
        token: f.req.githubToken,
        run: f.req.run,
        signal: f.deps.signal,
    });
}

;// CONCATENATED MODULE: ../src/execution/follow.ts
// Follows one pipeline execution to its end and judges it: the shared core of `monitor` and of
// create-pipeline's `wait: true`. Reads the pipeline's shape and recent history (to predict when changes are
// due), watches the execution, explains a failure, follows a successor when superseded, stops it on cancel.








/** Superseded executions followed in a row before giving up (a busy branch). */
const MAX_SUCCESSORS = 10;
/** `prelude`: what the caller already read (monitor: the read budget, the executions it searched). */
async function followExecution(req, deps, prelude = {}) {
    const f = startFollowing(req, deps, prelude.reader);
    const setup = await prepare(f, prelude.executions);
    if (!setup.ok)
        return interrupted(f, setup.why, blankReport(f, req.executionId), setup.unread);
    announce(f, setup.value);
    return followChain(f, watchContext(f, setup.value), firstExecution(req, setup.value.executions));
}
/** Watches the execution and, while it is superseded (on-superseded: follow), each successor in turn. */
async function followChain(f, ctx, first) {
    let current = first;
    for (let hop = 0;; hop++) {
        // The report's reads may add to the execution's log (a failed stage condition): inside its group.
        const { watched, report, decision } = await f.deps.log.group(`Execution ${current.id}`, async () => {
            const seen = { startedAt: current.startedAt, status: current.status };
            const watched = await watchExecution(ctx, current.id, seen);
            return { watched, ...(await reportOf(f, watched, current)) };
        });
        if (watched.end !== 'decided' || !decision)
            return endedUndecided(f, watched, report, hop);
        const named = await withSuccessorNamed(f, decision, watched, current, report);
        if (named.kind === 'final') {
            const reason = named.reason + (await rollbackNote(f, ctx, watched));
            if (!f.original)
                return finished(f, named.verdict, reason, report);
            return judgeBySuccessor(f, f.original, ctx.shape, named, report);
        }
        // Superseded, on-superseded: follow — judge by the execution that replaced it.
        const original = rememberOriginal(f, report);
        if (hop >= MAX_SUCCESSORS)
            return gaveUp(f, original, report, hop);
        const successor = await findSuccessor(f, current, report);
        if (!successor.ok)
            return interrupted(f, successor.why, report);
        sayFollowing(f, current, successor.value);
        current = successor.value;
    }
}
/** The watch ended without a verdict: cancelled, out of time, or AWS could not be read. */
function endedUndecided(f, watched, report, hop) {
    if (watched.end === 'cancelled')
        return cancelled(f, report);
    // Nothing of the execution itself was read (its listed status aside): say so.
    const unread = !watched.execution && !watched.runs.length ? `execution ${watched.executionId}` : undefined;
    if (watched.end === 'deadline')
        return timedOut(f, report, unread, watched.approval);
    if (watched.notFound && hop === 0)
        return notFound(f, report);
    return unreadable(f, report, watched.error);
}
/** The first execution, kept once it was superseded: the result is about its commit. */
function rememberOriginal(f, report) {
    f.original ??= { report, commit: f.req.commitSha ?? report.commit };
    return f.original;
}
function announce(f, setup) {
    const { req, deps } = f;
    const usual = setup.usual;
    deps.log.info(`Following execution ${req.executionId} of ${req.pipelineName}${req.commitSha ? ` (commit ${(0,commits/* shortSha */.Fu)(req.commitSha)})` : ''}: ` +
        `at most one AWS read per ${req.follow.pollIntervalMs / 1000}s on average, set-up included (reads that explain a failure come on top)` +
        (usual.size > 0 ? `, timed from ${usual.size} action durations of past runs.` : '.') +
        ' Lines start with [mm:ss], the time since the execution started.');
}
function sayFollowing(f, current, successor) {
    const revision = successor.revisions[0];
    f.deps.log.info(`Execution ${current.id} was superseded by ${successor.id}` +
        `${revision ? ` (revision ${(0,commits/* shortSha */.Fu)(revision)})` : ''}; following it.`);
}
function watchContext(f, setup) {
    const { req, deps, reader } = f;
    return {
        pipelineName: req.pipelineName,
        follow: req.follow,
        deadline: req.deadline,
        deps,
        reader,
        shape: setup.shape,
        usual: setup.usual,
        region: req.region,
    };
}
/** The requested execution as listed, or what is known of it when it is not among the newest. */
function firstExecution(req, executions) {
    return (executions.find((e) => e.id === req.executionId) ?? {
        id: req.executionId,
        status: '',
        revisions: req.commitSha ? [req.commitSha] : [],
    });
}


/***/ }),

/***/ 8846:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   eX: () => (/* binding */ listExecutions),
/* harmony export */   kz: () => (/* binding */ successorOf),
/* harmony export */   ll: () => (/* binding */ newestFirst)
/* harmony export */ });
/* unused harmony export summaryOf */
/* harmony import */ var _aws_sdk_client_codepipeline__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7153);
/* harmony import */ var _aws_sdk_client_codepipeline__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7057);
/* harmony import */ var _facts_codepipeline_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6952);
// Reading a pipeline's executions: the newest pages of ListPipelineExecutions, and the successor of a
// superseded execution among them. The choice is a pure function.


function summaryOf(s) {
    return {
        id: s.pipelineExecutionId ?? '?',
        status: s.status ?? '',
        startedAt: s.startTime?.getTime(),
        updatedAt: s.lastUpdateTime?.getTime(),
        revisions: (s.sourceRevisions ?? []).map((r) => r.revisionId).filter((r) => !!r),
        type: s.executionType,
        trigger: s.trigger?.triggerType,
        rollbackTarget: s.rollbackMetadata?.rollbackTargetPipelineExecutionId,
        stopReason: s.stopTrigger ? (s.stopTrigger.reason ?? '') : undefined,
    };
}
/** Newest first (AWS's order is not a promise: sort by start time ourselves). */
function newestFirst(list) {
    return [...list].sort((a, b) => (b.startedAt ?? 0) - (a.startedAt ?? 0));
}
/**
 * The execution that replaced a superseded one: the earliest execution started after it that had not already
 * ended when it was superseded (one that failed early, or was itself superseded earlier, never reached the
 * stage ours waited for). If that one was superseded later in turn, the caller follows the chain.
 */
function successorOf(original, list) {
    const since = original.startedAt ?? 0;
    const supersededAt = original.updatedAt ?? Number.POSITIVE_INFINITY;
    return [...list]
        .filter((e) => e.id !== original.id && (e.startedAt ?? 0) > since)
        .filter((e) => (0,_facts_codepipeline_js__WEBPACK_IMPORTED_MODULE_0__/* .isRunning */ .W_)(e.status) || (e.updatedAt ?? 0) >= supersededAt)
        .sort((a, b) => (a.startedAt ?? 0) - (b.startedAt ?? 0))[0];
}
/** Reads up to `pages` pages (100 executions each), stopping early once `enough` says so. */
async function listExecutions(pipelineName, reader, deps, pages, enough = () => false, kind = 'progress') {
    const client = deps.aws.get(_aws_sdk_client_codepipeline__WEBPACK_IMPORTED_MODULE_1__/* .CodePipelineClient */ .p);
    const all = [];
    let nextToken;
    for (let page = 0; page < pages; page++) {
        const out = await reader.read({ service: 'codepipeline', operation: 'ListPipelineExecutions' }, (abortSignal) => client.send(new _aws_sdk_client_codepipeline__WEBPACK_IMPORTED_MODULE_2__/* .ListPipelineExecutionsCommand */ .b({ pipelineName, maxResults: 100, nextToken }), {
            abortSignal,
        }), { kind });
        if (!out.ok)
            return out;
        all.push(...(out.value.pipelineExecutionSummaries ?? []).map(summaryOf));
        nextToken = out.value.nextToken;
        if (!nextToken || enough(all))
            break;
    }
    return { ok: true, value: all };
}


/***/ }),

/***/ 8247:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ ExecutionReader)
/* harmony export */ });
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8604);
/* harmony import */ var _backoff_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6383);
/* harmony import */ var _schedule_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8325);



class ExecutionReader {
    deps;
    budget;
    deadline;
    random;
    stats = { calls: 0, throttled: 0, transient: 0 };
    /** The last transient failure, as one line naming the call (cleared by the next read that succeeds). */
    lastFailure;
    warned = false;
    constructor(deps, budget, deadline, random = Math.random) {
        this.deps = deps;
        this.budget = budget;
        this.deadline = deadline;
        this.random = random;
    }
    /**
     * One read, repeated after back-off while AWS throttles or the network fails; none starts after the deadline.
     * `what` names the call in logs and in the error that escapes.
     * `attempts` bounds the repeats for reads that are nice to have (failure details) rather than needed. `kind`
     * says who pays (default progress): every read spends the budget except `explain` reads, the few that explain a failure once it is seen. A `final` read is
     * the one last look at the deadline: made once, whatever the clock says.
     */
    async read(what, call, opts = {}) {
        try {
            const out = await (0,_backoff_js__WEBPACK_IMPORTED_MODULE_1__/* .readUntilDeadline */ .lT)(call, this.deps, {
                deadline: this.deadline,
                intervalMs: this.budget.intervalMs,
                random: this.random,
                start: 'in-time',
                once: opts.final,
                attempts: opts.attempts,
            }, {
                attempt: () => this.spend(opts.kind ?? 'progress'),
                transient: (e) => (this.lastFailure = (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(new _aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsCallError */ .iQ(what, e))),
                backOff: (e) => this.count(what.operation, e),
            });
            if (!out.ok)
                return { ok: false, why: out.why };
            this.lastFailure = undefined;
            return out;
        }
        catch (e) {
            throw new _aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AwsCallError */ .iQ(what, e);
        }
    }
    spend(kind) {
        (0,_schedule_js__WEBPACK_IMPORTED_MODULE_2__/* .pay */ .li)(this.budget, kind, this.deps.now());
        this.stats.calls++;
    }
    /** A failure waited out: counted, and said once at info (later ones at debug). */
    count(label, e) {
        if ((0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isThrottling */ .E2)(e))
            this.stats.throttled++;
        else
            this.stats.transient++;
        const text = `${label}: ${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(e)} — backing off and trying again`;
        if (!this.warned)
            this.deps.log.info(text);
        else
            this.deps.log.debug(text);
        this.warned = true;
    }
}


/***/ }),

/***/ 8325:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hP: () => (/* binding */ plannedGap),
/* harmony export */   li: () => (/* binding */ pay),
/* harmony export */   rJ: () => (/* binding */ followBudget)
/* harmony export */ });
/* unused harmony exports ReadBudget, minGap, savingGap, desiredGap */
/** Token bucket of AWS reads. */
class ReadBudget {
    intervalMs;
    tokens;
    at;
    capacity;
    constructor(intervalMs, now, 
    /** Reads that may be saved up for a busy moment. */
    capacity = 12, initial = 1) {
        this.intervalMs = intervalMs;
        this.capacity = capacity;
        this.tokens = initial;
        this.at = now;
    }
    refill(now) {
        if (now > this.at) {
            this.tokens = Math.min(this.capacity, this.tokens + (now - this.at) / this.intervalMs);
            this.at = now;
        }
    }
    available(now) {
        this.refill(now);
        return this.tokens;
    }
    /** Spend reads. May go below zero (a read that had to be made): later reads then wait longer. */
    spend(now, reads = 1) {
        this.refill(now);
        this.tokens -= reads;
    }
    /** Milliseconds from `now` until one read is affordable. */
    waitForOne(now) {
        const t = this.available(now);
        return t >= 1 ? 0 : Math.ceil((1 - t) * this.intervalMs);
    }
}
/**
 * The budget of a follow: the step starts with no saved read (the one read a fixed poller makes at once is the
 * first set-up read), so over any run the reads paid for are at most those of a poller reading once per interval.
 */
const followBudget = (intervalMs, now) => new ReadBudget(intervalMs, now, 12, 0);
/** Spends one read of `payer` (explaining reads are free). */
function pay(budget, payer, now) {
    if (payer !== 'explain')
        budget.spend(now);
}
/** Shortest gap between looks: a fifth of the interval. */
const minGap = (intervalMs) => intervalMs / 5;
/** Longest gap while the last action is far from its usual end: the reads saved there pay for dense looks. */
const savingGap = (intervalMs) => 2 * intervalMs;
/**
 * The gap the planner would like before the next look, budget aside:
 * - nothing predicted, or an intermediate change due: the interval (failures come at any time);
 * - the end is predicted and far (the last action runs): up to two intervals, until a spread before the window;
 * - approaching the window: the interval, landing at the window's start;
 * - inside the window of the end: dense (a twelfth of the window's half-width, at least minGap);
 * - late: the gap grows with the lateness, back up to the interval.
 */
function desiredGap(p) {
    const I = p.intervalMs;
    if (!p.next?.terminal)
        return I;
    const windowStart = p.next.at - p.next.spreadMs;
    const windowEnd = p.next.at + p.next.spreadMs;
    // Past runs are few: the end may come a spread early. Save only until then.
    const savingEnds = windowStart - p.next.spreadMs;
    if (p.now < savingEnds && !p.next.afterFailure)
        return clamp(savingEnds - p.now, I, savingGap(I));
    if (p.now < windowStart)
        return clamp(windowStart - p.now, minGap(I), I);
    const dense = Math.min(I, Math.max(minGap(I), p.next.spreadMs / 12));
    if (p.now <= windowEnd)
        return dense;
    return clamp((p.now - windowEnd) / 4, dense, I);
}
/** The gap after the budget has its say: never before a read is affordable. */
function plannedGap(p, budget) {
    const want = desiredGap(p);
    return want + budget.waitForOne(p.now + want);
}
function clamp(v, lo, hi) {
    return Math.min(hi, Math.max(lo, v));
}


/***/ }),

/***/ 8352:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ createGitHubClient)
/* harmony export */ });
async function createGitHubClient(token, run) {
    const { getOctokit } = await __webpack_require__.e(/* import() */ 450).then(__webpack_require__.bind(__webpack_require__, 450));
    return getOctokit(token, { baseUrl: run.apiUrl });
}


/***/ })

};
