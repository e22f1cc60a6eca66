export const id = 9;
export const ids = [9];
export const modules = {

/***/ 9248:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ createGitHubClient)
/* harmony export */ });
async function createGitHubClient(token, run) {
    const { getOctokit } = await Promise.all(/* import() */[__webpack_require__.e(119), __webpack_require__.e(413)]).then(__webpack_require__.bind(__webpack_require__, 2413));
    return getOctokit(token, { baseUrl: run.apiUrl });
}


/***/ }),

/***/ 3009:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  followExecution: () => (/* binding */ followExecution),
  f: () => (/* binding */ followWithPrelude)
});

// EXTERNAL MODULE: ./src/commits.ts
var commits = __webpack_require__(5477);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-codepipeline/dist-cjs/index.js
var dist_cjs = __webpack_require__(8232);
// EXTERNAL MODULE: ./src/github.ts
var src_github = __webpack_require__(9248);
// EXTERNAL MODULE: ./src/aws-errors.ts
var aws_errors = __webpack_require__(5148);
;// CONCATENATED MODULE: ./src/monitor/commit-relation.ts
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
    const [owner, repo] = repository.split('/');
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

// EXTERNAL MODULE: ./src/backoff.ts
var backoff = __webpack_require__(2431);
// EXTERNAL MODULE: ./src/cancel.ts
var cancel = __webpack_require__(833);
// EXTERNAL MODULE: ./src/facts/codepipeline.ts
var codepipeline = __webpack_require__(9416);
// EXTERNAL MODULE: ./src/format.ts
var format = __webpack_require__(6264);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-codebuild/dist-cjs/index.js
var client_codebuild_dist_cjs = __webpack_require__(4774);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch-logs/dist-cjs/index.js
var client_cloudwatch_logs_dist_cjs = __webpack_require__(2684);
// EXTERNAL MODULE: ./src/monitor/links.ts
var links = __webpack_require__(1323);
;// CONCATENATED MODULE: ./src/monitor/explain.ts
// Why an action failed — the thing users of deploy actions ask for most. CodePipeline's error details and
// external summary for every failed action; for CodeBuild actions the failed build phase with its message, the
// CloudWatch Logs link and the last lines of the build's log. Nice to have: a read that fails leaves a note.




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
function codePipelineError(run) {
    const message = run.errorMessage ?? run.summary;
    return [run.errorCode, message].filter(Boolean).join(': ') || undefined;
}
async function explainFailures(runs, reader, deps, region) {
    const explanations = new Map();
    const notes = [];
    const failed = runs.filter((r) => r.status === 'Failed');
    for (const run of failed) {
        explanations.set(run, { error: codePipelineError(run), url: run.externalExecutionUrl });
    }
    const builds = failed.filter((r) => r.provider === 'CodeBuild' &&
        r.externalExecutionId &&
        !r.externalExecutionId.startsWith('build-batch/'));
    if (builds.length === 0)
        return { explanations, notes };
    let found = [];
    try {
        const out = await reader.read({ service: 'codebuild', operation: 'BatchGetBuilds' }, (abortSignal) => deps.aws
            .get(client_codebuild_dist_cjs/* CodeBuildClient */.bex)
            .send(new client_codebuild_dist_cjs/* BatchGetBuildsCommand */.zZb({ ids: builds.map((r) => r.externalExecutionId) }), {
            abortSignal,
        }), { attempts: 3 });
        if (out.ok)
            found = out.value.builds ?? [];
    }
    catch (e) {
        notes.push(`The failed build could not be read: ${(0,aws_errors/* describeError */.Uc)(e)}`);
    }
    await Promise.all(builds.map(async (run) => {
        const build = found.find((b) => b.id === run.externalExecutionId);
        if (!build)
            return;
        const ex = explanations.get(run);
        const phase = failedPhase(build);
        if (phase)
            ex.error = ex.error && !ex.error.includes(phase) ? `${phase} (${ex.error})` : phase;
        const group = build.logs?.groupName ?? build.logs?.cloudWatchLogs?.groupName;
        const stream = build.logs?.streamName ?? build.logs?.cloudWatchLogs?.streamName;
        ex.logUrl = build.logs?.deepLink ?? (group && stream ? (0,links/* logStreamUrl */.MK)(region, group, stream) : undefined);
        if (!group || !stream)
            return;
        try {
            const out = await reader.read({ service: 'logs', operation: 'GetLogEvents' }, (abortSignal) => deps.aws.get(client_cloudwatch_logs_dist_cjs/* CloudWatchLogsClient */.TFr).send(new client_cloudwatch_logs_dist_cjs/* GetLogEventsCommand */.h7S({
                logGroupName: group,
                logStreamName: stream,
                startFromHead: false,
                limit: 50,
            }), { abortSignal }), { attempts: 3 });
            if (out.ok)
                ex.logTail = tidyLogLines((out.value.events ?? []).map((e) => e.message));
        }
        catch (e) {
            notes.push(`The log of build ${build.id} could not be read: ${(0,aws_errors/* describeError */.Uc)(e)}`);
        }
    }));
    return { explanations, notes };
}

// EXTERNAL MODULE: ./src/monitor/history.ts
var monitor_history = __webpack_require__(7498);
;// CONCATENATED MODULE: ./src/monitor/predict.ts
// Past executions predict the future: each action's usual duration (from the last successful executions) and,
// from the current progress, when the next change and the end of the execution are due. Pure.

const actionKey = (stage, action) => `${stage}/${action}`;
/** Usual duration per action: the median over past successful runs, spread from their range (≥ 10 %). */
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
        const ms = sorted[Math.floor(sorted.length / 2)];
        const range = sorted[sorted.length - 1] - sorted[0];
        out.set(key, { ms, spreadMs: Math.max(0.1 * ms, range / 2) });
    }
    return out;
}
/**
 * The next change that has not been seen yet, and the predicted end of the execution. Actions run stage by
 * stage, and within a stage by runOrder (same runOrder = parallel). Unknown durations stop the prediction.
 */
function nextExpectation(shape, runs, usual, now, executionStart) {
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
                    if (run.status !== 'Succeeded')
                        return {}; // failed or abandoned: the end is now, not predictable
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

;// CONCATENATED MODULE: ./src/monitor/progress.ts
// Stage and action progress of one execution: the declared pipeline shape filled with what AWS reports for
// this execution (ListActionExecutions), the transitions between two snapshots, and their log lines. Pure.


const NOT_STARTED = 'NotStarted';
/** Raw action executions (every attempt) → the latest attempt per stage/action. */
function latestRuns(details) {
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
            provider: d.input?.actionTypeId?.provider,
            externalExecutionId: result?.externalExecutionId,
            externalExecutionUrl: result?.externalExecutionUrl,
            summary: result?.externalExecutionSummary,
            errorCode: result?.errorDetails?.code,
            errorMessage: result?.errorDetails?.message,
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
    if (run.status === 'Failed') {
        const error = [run.errorCode, run.errorMessage ?? run.summary].filter(Boolean).join(': ');
        if (error)
            row.error = error;
    }
    return row;
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
            if (row.startedAt) {
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

// EXTERNAL MODULE: ./src/monitor/reader.ts
var monitor_reader = __webpack_require__(1091);
// EXTERNAL MODULE: ./src/monitor/schedule.ts
var schedule = __webpack_require__(3569);
;// CONCATENATED MODULE: ./src/monitor/shape.ts
function shapeOf(declaration) {
    const stages = (declaration?.stages ?? []).map((s) => ({
        name: s.name ?? '?',
        autoRetry: s.onFailure?.result === 'RETRY',
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

;// CONCATENATED MODULE: ./src/monitor/verdict.ts
// Turns AWS statuses into a verdict: a pure decision table, so what "green" means is written down once.

function where(f) {
    if (f.failedStage && f.failedAction)
        return ` in stage ${f.failedStage}, action ${f.failedAction}`;
    if (f.failedStage)
        return ` in stage ${f.failedStage}`;
    return '';
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
            return { kind: 'final', verdict: 'failure', reason: `${subject} was stopped${where(f)}${because(f)}.` };
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

;// CONCATENATED MODULE: ./src/monitor/watch.ts
// Watches one execution until its verdict is decided, the deadline passes or the run is cancelled. Each look
// is one read: GetPipelineExecution (the status: cheap, and the only source of Superseded/Stopped) or
// ListActionExecutions filtered by the execution (progress: exact in every execution mode, unlike
// GetPipelineState). The planner picks which and when; see schedule.ts.








/** How long a failed stage with onFailure RETRY may stay Failed before the failure is taken as final. */
const retryGraceMs = (intervalMs) => Math.max(120_000, 3 * intervalMs);
/** Which read the next look makes (pure). Either read sees the end; only the status sees Superseded/Stopped. */
function chooseLook(s) {
    if (!s.progressFetched)
        return 'progress';
    if (s.progressStreak >= 2)
        return 'status';
    const due = s.next && s.now >= s.next.at - s.next.spreadMs;
    // The end is due: the status says it (progress when the status budget is spent).
    if (due && s.next.terminal)
        return s.statusAffordable || !s.progressAffordable ? 'status' : 'progress';
    // An action's end is due: progress shows it, and refines the prediction of the rest.
    if (due)
        return s.progressAffordable ? 'progress' : 'status';
    // Steady looks alternate, so both budgets are spent evenly.
    const preferred = s.progressStreak === 0 ? 'progress' : 'status';
    const other = preferred === 'status' ? 'progress' : 'status';
    return (preferred === 'status' ? s.statusAffordable : s.progressAffordable) ? preferred : other;
}
async function watchExecution(ctx, executionId, opts = {}) {
    const { deps, reader, shape } = ctx;
    const client = deps.aws.get(dist_cjs/* CodePipelineClient */.pEs);
    const intervalMs = ctx.follow.pollIntervalMs;
    const origin = opts.startedAt ?? deps.now();
    const w = {
        executionId,
        status: 'Unknown',
        runs: [],
        stages: buildStages(shape, []),
        facts: { executionId, pipelineName: ctx.pipelineName, status: 'Unknown' },
        end: 'deadline',
    };
    let progressFetched = false;
    let progressStreak = 0;
    let nextKind = 'status';
    let endSuspected = false;
    let lastChangeAt = deps.now();
    let failedSeenAt;
    let lastNote;
    const say = (line) => deps.log.info(line);
    const elapsed = () => deps.now() - origin;
    const readProgress = async (final = false) => {
        const details = [];
        let nextToken;
        do {
            const out = await reader.read({ service: 'codepipeline', operation: 'ListActionExecutions' }, (abortSignal) => client.send(new dist_cjs/* ListActionExecutionsCommand */.X$i({
                pipelineName: ctx.pipelineName,
                filter: { pipelineExecutionId: executionId },
                maxResults: 100,
                nextToken,
            }), { abortSignal }), { final });
            if (!out.ok)
                return out;
            details.push(...(out.value.actionExecutionDetails ?? []));
            nextToken = out.value.nextToken;
        } while (nextToken);
        return { ok: true, value: details };
    };
    /** Records the execution's status; a change is logged once and restarts the quiet-stretch clock. */
    const noteStatus = (status) => {
        if (status === w.status)
            return;
        say(`${formatElapsed(elapsed())} Execution ${executionId}: ${status}`);
        w.status = status;
        lastChangeAt = deps.now();
        if (status === 'Failed')
            failedSeenAt = deps.now();
    };
    const applyProgress = (details) => {
        progressFetched = true;
        w.runs = latestRuns(details);
        const stages = buildStages(shape, w.runs);
        const changes = transitions(w.stages, stages);
        for (const t of changes)
            say(formatTransition(t, elapsed()));
        w.stages = stages;
        return changes.length > 0;
    };
    const factsNow = () => {
        const at = whereItEnded(w.stages);
        const failedRun = w.runs.find((r) => r.stage === at.stage && r.action === at.action);
        const stage = shape.stages.find((s) => s.name === at.stage);
        const retryPending = w.status === 'Failed' &&
            !!stage?.autoRetry &&
            (failedRun?.attempts ?? 1) < 2 &&
            deps.now() - (failedSeenAt ?? deps.now()) < retryGraceMs(intervalMs);
        return {
            executionId,
            pipelineName: ctx.pipelineName,
            status: w.status,
            failedStage: (0,codepipeline/* isTerminal */.Hd)(w.status) && w.status !== 'Succeeded' ? at.stage : undefined,
            failedAction: (0,codepipeline/* isTerminal */.Hd)(w.status) && w.status !== 'Succeeded' ? at.action : undefined,
            autoRetryPending: retryPending,
        };
    };
    const readStatus = (final = false) => reader.read({ service: 'codepipeline', operation: 'GetPipelineExecution' }, (abortSignal) => client.send(new dist_cjs/* GetPipelineExecutionCommand */.qZw({
        pipelineName: ctx.pipelineName,
        pipelineExecutionId: executionId,
    }), { abortSignal }), { kind: 'status', final });
    /**
     * At the deadline: one last look, so a run that ended during the last wait is judged, not timed out.
     * When the progress read fails there, the status alone decides (the table may then lag a little).
     */
    const lastLook = async () => {
        const out = await readStatus(true);
        if (out.ok && out.value.pipelineExecution) {
            w.execution = out.value.pipelineExecution;
            const status = w.execution.status ?? w.status;
            noteStatus(status);
            if ((0,codepipeline/* isTerminal */.Hd)(status)) {
                const progress = await readProgress(true);
                if (progress.ok)
                    applyProgress(progress.value);
                w.facts = factsNow();
                const decision = decide(w.facts, ctx.follow.onSuperseded);
                if (decision.kind !== 'wait')
                    return { ...w, decision, end: 'decided' };
            }
        }
        return { ...w, facts: factsNow(), end: 'deadline' };
    };
    // What was seen so far stays in the report when AWS stops answering mid-watch.
    try {
        return await loop();
    }
    catch (e) {
        const notFound = (0,aws_errors/* errorCode */.CA)(e) === 'PipelineExecutionNotFoundException' || undefined;
        return { ...w, facts: factsNow(), end: 'error', error: (0,aws_errors/* describeError */.Uc)(e), notFound };
    }
    async function loop() {
        for (;;) {
            let confirm = false;
            if (nextKind === 'status') {
                const out = await readStatus();
                if (!out.ok)
                    return out.why === 'deadline' ? lastLook() : { ...w, facts: factsNow(), end: out.why };
                progressStreak = 0;
                w.execution = out.value.pipelineExecution;
                const status = w.execution?.status ?? 'Unknown';
                noteStatus(status);
                if ((0,codepipeline/* isTerminal */.Hd)(status)) {
                    // The end: one more progress read, so the table and the failure point are exact.
                    const progress = await readProgress();
                    if (!progress.ok && progress.why === 'cancelled')
                        return { ...w, facts: factsNow(), end: 'cancelled' };
                    // A terminal status is known: a progress read lost to throttling at the deadline must not turn
                    // a verified verdict into a timeout — decide from what is known.
                    if (progress.ok)
                        applyProgress(progress.value);
                    w.facts = factsNow();
                    const decision = decide(w.facts, ctx.follow.onSuperseded);
                    if (decision.kind !== 'wait')
                        return { ...w, decision, end: 'decided' };
                    if (decision.note && decision.note !== lastNote)
                        say(`${formatElapsed(elapsed())} ${decision.note}`);
                    lastNote = decision.note;
                }
            }
            else {
                const out = await readProgress();
                if (!out.ok)
                    return out.why === 'deadline' ? lastLook() : { ...w, facts: factsNow(), end: out.why };
                progressStreak++;
                if (applyProgress(out.value))
                    lastChangeAt = deps.now();
                // A failed action, or every action done: the status will say what it means — look now.
                const lastStage = w.stages[w.stages.length - 1];
                const allDone = !!lastStage && lastStage.actions.every((a) => (0,codepipeline/* isActionEnded */.n3)(a.status));
                const wasSuspected = endSuspected;
                endSuspected = w.runs.some((r) => r.status === 'Failed' || r.status === 'Abandoned') || allDone;
                // The first sign of the end: ask the status at once (later signs wait for the dense looks below).
                confirm = endSuspected && !wasSuspected;
            }
            // Plan the next look: when (the planner), which read (the state and the budgets), then the budget's wait.
            const at = deps.now();
            const expectation = endSuspected
                ? { at, spreadMs: intervalMs, terminal: true, stage: '', action: '' }
                : nextExpectation(shape, w.runs, ctx.usual, at, opts.startedAt).next;
            let gap = 0;
            if (confirm)
                nextKind = 'status';
            else {
                const want = (0,schedule/* desiredGap */.Rl)({ now: at, intervalMs, next: expectation, lastChangeAt });
                const t = at + want;
                nextKind = chooseLook({
                    now: t,
                    next: expectation,
                    progressFetched,
                    progressStreak,
                    statusAffordable: reader.budgets.affordable('status', t),
                    progressAffordable: reader.budgets.affordable('progress', t),
                });
                gap = want + reader.budgets.waitFor(nextKind, t);
            }
            const ended = await (0,backoff/* waitForNextLook */.NS)(deps, gap, ctx.deadline);
            if (ended === 'cancelled')
                return { ...w, facts: factsNow(), end: 'cancelled' };
            if (ended === 'deadline')
                return lastLook();
        }
    }
}

;// CONCATENATED MODULE: ./src/monitor/follow.ts
// Follows one pipeline execution to its end and judges it: the shared core of `monitor` and of
// create-pipeline's `wait: true`. Reads the pipeline's shape and recent history (to predict when changes are
// due), watches the execution, explains a failure, follows a successor when superseded, stops it on cancel.


















/** Superseded executions followed in a row before giving up (a busy branch). */
const MAX_SUCCESSORS = 10;
/** Past successful executions read to learn each action's usual duration. */
const HISTORY_SAMPLES = 2;
async function followExecution(req, deps) {
    return followWithPrelude(req, deps, {});
}
async function followWithPrelude(req, deps, prelude) {
    const timeoutMs = req.timeoutMs ?? Math.max(0, req.deadline - deps.now());
    const reader = prelude.reader ??
        new monitor_reader/* MonitorReader */.u(deps, new schedule/* ReadBudgets */.Tr(req.follow.pollIntervalMs, deps.now()), req.deadline);
    const notes = [];
    // Declared before any read: timedOut() and cancelled() read it, and the first reads can already end there.
    let original;
    const client = deps.aws.get(dist_cjs/* CodePipelineClient */.pEs);
    const blank = (id, status = 'Unknown') => ({
        id,
        status,
        url: (0,links/* executionUrl */.ME)(req.region, req.pipelineName, id),
        commit: req.commitSha,
        stages: [],
    });
    // The pipeline's shape (every stage and action for the table) and its recent history.
    const pipeline = await reader.read({ service: 'codepipeline', operation: 'GetPipeline' }, (abortSignal) => client.send(new dist_cjs/* GetPipelineCommand */.YeD({ name: req.pipelineName }), { abortSignal }), { kind: 'free' });
    if (!pipeline.ok)
        return interrupted(pipeline.why, blank(req.executionId), `the pipeline ${req.pipelineName}`);
    const shape = shapeOf(pipeline.value.pipeline);
    let executions = prelude.executions;
    if (!executions) {
        const listed = await (0,monitor_history/* listExecutions */.eX)(req.pipelineName, reader, deps, 1, undefined, 'free');
        if (!listed.ok)
            return interrupted(listed.why, blank(req.executionId), `the executions of ${req.pipelineName}`);
        executions = listed.value;
    }
    const usual = await learnDurations(req, deps, reader, executions);
    deps.log.info(`Following execution ${req.executionId} of ${req.pipelineName}${req.commitSha ? ` (commit ${(0,commits/* shortSha */.Fu)(req.commitSha)})` : ''}: ` +
        `at most one AWS read per ${req.follow.pollIntervalMs / 1000}s on average` +
        (usual.size > 0 ? `, timed from ${usual.size} action durations of past runs.` : '.') +
        ' Lines start with [mm:ss], the time since the execution started.');
    const ctx = {
        pipelineName: req.pipelineName,
        follow: req.follow,
        deadline: req.deadline,
        deps,
        reader,
        shape,
        usual,
    };
    let current = executions.find((e) => e.id === req.executionId) ?? {
        id: req.executionId,
        status: 'Unknown',
        revisions: req.commitSha ? [req.commitSha] : [],
    };
    for (let hop = 0;; hop++) {
        const watched = await deps.log.group(`Execution ${current.id}`, () => watchExecution(ctx, current.id, { startedAt: current.startedAt }));
        const report = await reportOf(watched, current);
        if (watched.end === 'cancelled')
            return cancelled(report);
        if (watched.end === 'deadline')
            return timedOut(report);
        if (watched.end === 'error' && watched.notFound && hop === 0) {
            // A wrong id (or one older than AWS keeps): a plain failure, not an execution with status "Unknown".
            return {
                ...done('failure', `No execution ${current.id} in pipeline ${req.pipelineName}: check execution-id (executions are kept 12 months).`, report),
                notFound: true,
            };
        }
        if (watched.end === 'error') {
            // The execution's state could not be read (access denied, expired credentials…): not verified.
            return {
                ...done('failure', `Stopped following execution ${report.id} of ${req.pipelineName} (last status ${report.status}): ${watched.error}`, report, original && { id: original.report.id, url: original.report.url, commit: original.commit }),
                unverified: true,
            };
        }
        let decision = watched.decision;
        if (decision.kind === 'final' && watched.status === 'Superseded' && !original) {
            // on-superseded fail/succeed: name the execution that replaced it (one list read, nice to have).
            const by = await supersededBy(current, report);
            const again = by && decide({ ...watched.facts, supersededBy: by }, req.follow.onSuperseded);
            if (again && again.kind === 'final')
                decision = again;
        }
        if (decision.kind === 'final') {
            if (!original)
                return done(decision.verdict, decision.reason, report);
            const relation = decision.verdict === 'success'
                ? await commitRelation({
                    commit: original.commit,
                    successorCommit: report.commit,
                    repository: shape.sourceRepository ?? req.run.repository,
                    token: req.githubToken,
                    run: req.run,
                    signal: deps.signal,
                })
                : { kind: 'unverified', why: 'not compared: the newer execution did not succeed' };
            const judged = judgeSuccessor({
                originalId: original.report.id,
                successorId: report.id,
                successor: decision,
                commit: original.commit,
                successorCommit: report.commit,
                relation,
            });
            return done(judged.verdict, judged.reason, report, {
                id: original.report.id,
                url: original.report.url,
                commit: original.commit,
                successorCommitRelation: relation.kind === 'unverified' ? `unverified: ${relation.why}` : relation.how,
            });
        }
        // Superseded, on-superseded: follow — judge by the execution that replaced it.
        if (!original)
            original = { report, commit: req.commitSha ?? report.commit };
        if (hop >= MAX_SUCCESSORS) {
            return done('failure', `Execution ${original.report.id} was superseded ${hop + 1} times in a row; gave up following at ${current.id}.`, report, { id: original.report.id, url: original.report.url, commit: original.commit });
        }
        const successor = await findSuccessor(current, report);
        if (!successor.ok) {
            if (successor.why === 'cancelled')
                return cancelled(report);
            return timedOut(report);
        }
        deps.log.info(`Execution ${current.id} was superseded by ${successor.value.id}` +
            `${successor.value.revisions[0] ? ` (revision ${(0,commits/* shortSha */.Fu)(successor.value.revisions[0])})` : ''}; following it.`);
        current = successor.value;
    }
    function done(verdict, reason, execution, superseded) {
        return { verdict, reason, execution, superseded, timedOut: false, cancelled: false, notes: withStats() };
    }
    function withStats() {
        const { calls, throttled, transient } = reader.stats;
        if (throttled + transient > 0) {
            deps.log.info(`AWS reads: ${calls}, of which ${throttled} throttled and ${transient} failed transiently (waited out).`);
        }
        return notes;
    }
    /** `unread`: what could not be read before the deadline (default: the execution, when no status was read). */
    function timedOut(execution, unread) {
        const where = execution.failedStage ?? runningStage(execution.stages);
        const unreadable = notRead(execution, unread);
        return {
            verdict: 'failure',
            reason: `Timed out after ${(0,format/* minutes */.Gx)(timeoutMs)} following execution ${execution.id} of ${req.pipelineName}; ` +
                `last status ${execution.status}${where ? ` (stage ${where})` : ''}${unreadable}.`,
            execution,
            superseded: original && {
                id: original.report.id,
                url: original.report.url,
                commit: original.commit,
            },
            timedOut: true,
            cancelled: false,
            notes: withStats(),
            // Timed out because AWS's answers ran out, not while watching a slow execution: not verified.
            unverified: unreadable !== '' || undefined,
        };
    }
    async function cancelled(execution) {
        let what = 'it keeps running (stop-on-cancel is false)';
        if (req.follow.stopOnCancel && !(0,codepipeline/* isTerminal */.Hd)(execution.status)) {
            try {
                // deps.signal is already aborted: the stop gets its own short deadline.
                await client.send(new dist_cjs/* StopPipelineExecutionCommand */.krr({
                    pipelineName: req.pipelineName,
                    pipelineExecutionId: execution.id,
                    reason: 'The GitHub workflow run following this execution was cancelled.',
                }), { abortSignal: AbortSignal.timeout(cancel/* AFTER_CANCEL_MS */.R) });
                what = 'it was asked to stop (StopPipelineExecution)';
                execution = { ...execution, status: 'Stopping' };
            }
            catch (e) {
                what = `stopping it failed: ${(0,aws_errors/* describeError */.Uc)(e)}`;
                notes.push(`Could not stop execution ${execution.id}: ${(0,aws_errors/* describeError */.Uc)(e)}`);
            }
        }
        const where = runningStage(execution.stages);
        return {
            verdict: 'failure',
            reason: `Cancelled while following execution ${execution.id} of ${req.pipelineName} (last status ${execution.status}${where ? `, stage ${where}` : ''}); ${what}.`,
            execution,
            superseded: original && { id: original.report.id, url: original.report.url, commit: original.commit },
            timedOut: false,
            cancelled: true,
            notes: withStats(),
        };
    }
    function interrupted(why, execution, unread) {
        return why === 'cancelled' ? cancelled(execution) : timedOut(execution, unread);
    }
    /** `: <what> could not be read (<the last failure>)` when AWS's answers ran out, so its state is unverified. */
    function notRead(execution, unread) {
        const failure = reader.lastFailure;
        if (!failure)
            return '';
        const what = unread ?? (execution.status === 'Unknown' ? `execution ${execution.id}` : undefined);
        if (!what)
            return '';
        return `: ${what} could not be read (last attempt: ${failure})`;
    }
    /** The execution report, with failure explanations for failed actions and a failure line that uses them. */
    async function reportOf(w, summary) {
        const report = {
            ...blank(w.executionId, w.status),
            commit: commitOfExecution(w.execution) ?? summary.revisions[0] ?? (original ? undefined : req.commitSha),
            version: w.execution?.variables?.find((v) => v.name === 'VERSION')?.resolvedValue,
            startedAt: (0,format/* isoTime */.Ly)(summary.startedAt ?? firstStart(w.stages)),
            stages: w.stages,
            failedStage: w.facts.failedStage,
            failedAction: w.facts.failedAction,
        };
        if ((0,codepipeline/* isTerminal */.Hd)(w.status)) {
            report.endedAt = lastEnd(w.stages) ?? (0,format/* isoTime */.Ly)(deps.now());
        }
        if (w.end !== 'decided' || !w.runs.some((r) => r.status === 'Failed'))
            return report;
        const { explanations, notes: more } = await explainFailures(w.runs, reader, deps, req.region);
        notes.push(...more);
        for (const [run, ex] of explanations) {
            const row = rowOf(w.stages, run);
            if (!row)
                continue;
            if (ex.error)
                row.error = ex.error;
            if (ex.logUrl)
                row.logUrl = ex.logUrl;
            if (ex.logTail?.length)
                row.logTail = ex.logTail;
            if (ex.url && !row.url)
                row.url = ex.url;
        }
        const failed = w.runs.find((r) => r.stage === w.facts.failedStage && r.action === w.facts.failedAction);
        const ex = failed && explanations.get(failed);
        if (ex?.error && w.decision?.kind === 'final') {
            const failure = ex.logUrl ? `${ex.error} (log: ${ex.logUrl})` : ex.error;
            const again = decide({ ...w.facts, failure }, req.follow.onSuperseded);
            if (again.kind === 'final')
                w.decision = again;
        }
        return report;
    }
    /** The execution that superseded `of`, from one read of the newest executions; undefined if not found. */
    async function supersededBy(of, report) {
        try {
            const listed = await (0,monitor_history/* listExecutions */.eX)(req.pipelineName, reader, deps, 1, undefined, 'free');
            if (!listed.ok)
                return undefined;
            const self = listed.value.find((e) => e.id === of.id) ?? {
                ...of,
                updatedAt: Date.parse(report.endedAt ?? ''),
            };
            const successor = (0,monitor_history/* successorOf */.kz)(self, listed.value);
            return successor && { id: successor.id, revision: successor.revisions[0] };
        }
        catch (e) {
            deps.log.debug(`The superseding execution was not read: ${(0,aws_errors/* describeError */.Uc)(e)}`);
            return undefined;
        }
    }
    async function findSuccessor(of, report) {
        for (;;) {
            const listed = await (0,monitor_history/* listExecutions */.eX)(req.pipelineName, reader, deps, 1);
            if (!listed.ok)
                return listed;
            const self = listed.value.find((e) => e.id === of.id) ?? {
                ...of,
                updatedAt: Date.parse(report.endedAt ?? ''),
            };
            const successor = (0,monitor_history/* successorOf */.kz)(self, listed.value);
            if (successor)
                return { ok: true, value: successor };
            const now = deps.now();
            const gap = (0,schedule/* plannedGap */.hP)({ now, intervalMs: req.follow.pollIntervalMs, lastChangeAt: now }, reader.budgets, 'progress');
            const ended = await (0,backoff/* waitForNextLook */.NS)(deps, gap, req.deadline);
            if (ended)
                return { ok: false, why: ended };
        }
    }
}
/** Each action's usual duration, from the newest successful executions before this one. Nice to have. */
async function learnDurations(req, deps, reader, executions) {
    const self = executions.find((e) => e.id === req.executionId);
    const past = (0,monitor_history/* newestFirst */.ll)(executions)
        .filter((e) => e.id !== req.executionId && e.status === 'Succeeded')
        .filter((e) => !self?.startedAt || (e.startedAt ?? 0) < self.startedAt)
        .slice(0, HISTORY_SAMPLES);
    const client = deps.aws.get(dist_cjs/* CodePipelineClient */.pEs);
    const history = [];
    for (const e of past) {
        try {
            const out = await reader.read({ service: 'codepipeline', operation: 'ListActionExecutions' }, (abortSignal) => client.send(new dist_cjs/* ListActionExecutionsCommand */.X$i({
                pipelineName: req.pipelineName,
                filter: { pipelineExecutionId: e.id },
                maxResults: 100,
            }), { abortSignal }), { attempts: 2, kind: 'free' });
            if (out.ok)
                history.push(latestRuns(out.value.actionExecutionDetails ?? []));
        }
        catch (err) {
            deps.log.debug(`Past execution ${e.id} not read: ${(0,aws_errors/* describeError */.Uc)(err)}`);
        }
    }
    return usualDurations(history);
}
function commitOfExecution(execution) {
    return execution?.artifactRevisions?.find((r) => r.revisionId)?.revisionId;
}
function rowOf(stages, run) {
    return stages.find((s) => s.name === run.stage)?.actions.find((a) => a.name === run.action);
}
function runningStage(stages) {
    const stage = [...stages].reverse().find((s) => s.status !== NOT_STARTED && s.status !== 'Succeeded');
    if (!stage)
        return undefined;
    const busy = stage.actions.filter((a) => a.status === 'InProgress').map((a) => a.name);
    return busy.length ? `${stage.name}, action ${busy.join(', ')} in progress` : stage.name;
}
function firstStart(stages) {
    const t = stages.map((s) => s.startedAt).filter((x) => !!x);
    return t.length ? Math.min(...t.map(Date.parse)) : undefined;
}
function lastEnd(stages) {
    const t = stages.flatMap((s) => s.actions.map((a) => a.endedAt)).filter((x) => !!x);
    return t.length ? t.sort()[t.length - 1] : undefined;
}


/***/ }),

/***/ 7498:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JQ: () => (/* binding */ executionOfCommit),
/* harmony export */   eX: () => (/* binding */ listExecutions),
/* harmony export */   kz: () => (/* binding */ successorOf),
/* harmony export */   ll: () => (/* binding */ newestFirst)
/* harmony export */ });
/* unused harmony export summaryOf */
/* harmony import */ var _commits_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5477);
/* harmony import */ var _aws_sdk_client_codepipeline__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8232);
/* harmony import */ var _facts_codepipeline_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9416);
// Reading a pipeline's executions: the newest pages of ListPipelineExecutions, the execution of a commit
// among them, and the successor of a superseded execution. The choices are pure functions.



function summaryOf(s) {
    return {
        id: s.pipelineExecutionId ?? '?',
        status: s.status ?? 'Unknown',
        startedAt: s.startTime?.getTime(),
        updatedAt: s.lastUpdateTime?.getTime(),
        revisions: (s.sourceRevisions ?? []).map((r) => r.revisionId).filter((r) => !!r),
        type: s.executionType,
    };
}
/** Newest first (AWS's order is not a promise: sort by start time ourselves). */
function newestFirst(list) {
    return [...list].sort((a, b) => (b.startedAt ?? 0) - (a.startedAt ?? 0));
}
/** The newest execution of the commit; a rollback execution only when no standard one exists. */
function executionOfCommit(list, commit) {
    const matches = newestFirst(list).filter((e) => e.revisions.some((r) => (0,_commits_js__WEBPACK_IMPORTED_MODULE_1__/* .sameCommit */ .Kd)(r, commit)));
    return matches.find((e) => e.type !== 'ROLLBACK') ?? matches[0];
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
    const client = deps.aws.get(_aws_sdk_client_codepipeline__WEBPACK_IMPORTED_MODULE_2__/* .CodePipelineClient */ .pEs);
    const all = [];
    let nextToken;
    for (let page = 0; page < pages; page++) {
        const out = await reader.read({ service: 'codepipeline', operation: 'ListPipelineExecutions' }, (abortSignal) => client.send(new _aws_sdk_client_codepipeline__WEBPACK_IMPORTED_MODULE_2__/* .ListPipelineExecutionsCommand */ .bni({ pipelineName, maxResults: 100, nextToken }), {
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

/***/ 1091:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ MonitorReader)
/* harmony export */ });
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5148);
/* harmony import */ var _backoff_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2431);


class MonitorReader {
    deps;
    budgets;
    deadline;
    random;
    stats = { calls: 0, throttled: 0, transient: 0 };
    /** The last transient failure, as one line naming the call (cleared by the next read that succeeds). */
    lastFailure;
    warned = false;
    constructor(deps, budgets, deadline, random = Math.random) {
        this.deps = deps;
        this.budgets = budgets;
        this.deadline = deadline;
        this.random = random;
    }
    /**
     * One read, repeated after back-off while AWS throttles or the network fails; none starts after the deadline.
     * `what` names the call in logs and in the error that escapes.
     * `attempts` bounds the repeats for reads that are nice to have (failure details) rather than needed. `kind`
     * says which budget pays (default progress); `free` reads are the fixed set-up of every run. A `final` read is
     * the one last look at the deadline: made once, whatever the clock says.
     */
    async read(what, call, opts = {}) {
        try {
            const out = await (0,_backoff_js__WEBPACK_IMPORTED_MODULE_1__/* .readUntilDeadline */ .lT)(call, this.deps, {
                deadline: this.deadline,
                intervalMs: this.budgets.intervalMs,
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
        if (kind !== 'free')
            this.budgets.spend(kind, this.deps.now());
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

/***/ 3569:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rl: () => (/* binding */ desiredGap),
/* harmony export */   Tr: () => (/* binding */ ReadBudgets),
/* harmony export */   hP: () => (/* binding */ plannedGap)
/* harmony export */ });
/* unused harmony exports ReadBudget, minGap, steadyGap */
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
 * The two budgets: at most one status read per interval on average (poll-interval-seconds), and as many progress
 * reads — so never more calls than a fixed poller making both reads every interval, and usually far fewer.
 */
class ReadBudgets {
    intervalMs;
    status;
    progress;
    constructor(intervalMs, now, capacity = 30) {
        this.intervalMs = intervalMs;
        this.status = new ReadBudget(intervalMs, now, capacity, 1);
        this.progress = new ReadBudget(intervalMs, now, capacity, 1);
    }
    of(kind) {
        return kind === 'status' ? this.status : this.progress;
    }
    spend(kind, now) {
        this.of(kind).spend(now);
    }
    affordable(kind, at) {
        return this.of(kind).waitForOne(at) === 0;
    }
    /** Milliseconds from `now` until a read of `kind` is affordable. */
    waitFor(kind, now) {
        return this.of(kind).waitForOne(now);
    }
}
/** Shortest gap between looks: a fifth of the interval. */
const minGap = (intervalMs) => intervalMs / 5;
/** The gap between looks while nothing is due: failures come at any time, so look steadily. */
const steadyGap = (intervalMs) => 0.75 * intervalMs;
/**
 * The gap the planner would like before the next look, budget aside:
 * - nothing due soon: the steady gap (or the start of the usual window of the next change, if sooner);
 * - inside the window of the execution's end: dense (a twelfth of the window, at least minGap), paid for by the
 *   reads the steady gap saved;
 * - late: the gap grows with the lateness, back up to the steady gap;
 * - nothing predictable for a long time (an approval, a long test): growing to three intervals.
 */
function desiredGap(p) {
    const I = p.intervalMs;
    const steady = steadyGap(I);
    if (!p.next) {
        const quietMs = Math.max(0, p.now - p.lastChangeAt);
        return Math.min(3 * I, steady * (1 + quietMs / 300_000));
    }
    const windowStart = p.next.at - p.next.spreadMs;
    const windowEnd = p.next.at + p.next.spreadMs;
    if (p.now < windowStart)
        return clamp(windowStart - p.now, minGap(I), steady);
    if (!p.next.terminal)
        return steady;
    const dense = Math.max(minGap(I), p.next.spreadMs / 6);
    if (p.now <= windowEnd)
        return Math.min(dense, steady);
    return clamp((p.now - windowEnd) / 4, dense, steady);
}
/** The gap after the budget has its say: never before a read of that kind is affordable. */
function plannedGap(p, budgets, kind) {
    const want = desiredGap(p);
    return want + budgets.waitFor(kind, p.now + want);
}
function clamp(v, lo, hi) {
    return Math.min(hi, Math.max(lo, v));
}


/***/ })

};

//# sourceMappingURL=9.index.js.map