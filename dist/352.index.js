export const id = 352;
export const ids = [352];
export const modules = {

/***/ 6383:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bk: () => (/* binding */ readPatiently),
/* harmony export */   NS: () => (/* binding */ waitForNextLook),
/* harmony export */   jo: () => (/* binding */ backoffMs),
/* harmony export */   lT: () => (/* binding */ readUntilDeadline)
/* harmony export */ });
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8604);
/* harmony import */ var _cancel_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9969);
// How long to wait before looking again after AWS throttled a read or the network failed, on top of the SDK's
// own retries, and the one loop that waits: every AWS read of every mode is retried by readUntilDeadline
// (following an execution through ExecutionReader, the others through readPatiently). Full jitter (AWS
// Architecture Blog, "Exponential Backoff And Jitter"): a random wait up to an exponentially growing ceiling, so
// concurrent runs of the action do not retry in lockstep.


/** Full-jitter exponential back-off: up to `intervalMs × 2^(failures-1)`, capped at 8 intervals (≥ 1 s). Pure. */
function backoffMs(failures, intervalMs, random = Math.random) {
    const cap = Math.max(8 * intervalMs, 1000);
    const ceiling = Math.min(cap, intervalMs * 2 ** Math.max(0, failures - 1));
    return random() * ceiling;
}
/**
 * One read, made again after a full-jitter back-off while it fails transiently (throttling that outlived the
 * SDK's retries, a 5xx, a dropped connection) and the deadline allows: one throttle must not fail a step that
 * is only waiting. A cancel or the deadline ends it with an outcome; an error that waiting cannot fix, or a
 * transient one past `attempts`, is thrown as it came.
 */
async function readUntilDeadline(read, deps, opts, hooks = {}) {
    const inTime = opts.start === 'in-time';
    for (let failures = 0;;) {
        if (inTime && deps.signal.aborted)
            return { ok: false, why: 'cancelled' };
        if (inTime && !opts.once && deps.now() >= opts.deadline)
            return { ok: false, why: 'deadline' };
        hooks.attempt?.();
        try {
            return { ok: true, value: await read(deps.signal) };
        }
        catch (e) {
            if ((0,_cancel_js__WEBPACK_IMPORTED_MODULE_1__/* .wasCancelled */ .r)(e, deps.signal))
                return { ok: false, why: 'cancelled', error: e };
            if (!(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isTransient */ .dg)(e))
                throw e;
            hooks.transient?.(e);
            if (opts.once)
                return { ok: false, why: 'deadline', error: e };
            failures++;
            const left = opts.deadline - deps.now();
            if (!inTime && left <= 0)
                return { ok: false, why: 'deadline', error: e };
            (hooks.backOff ?? logBackOff(deps))(e, failures);
            if (opts.attempts !== undefined && failures >= opts.attempts)
                throw e;
            const wait = Math.min(backoffMs(failures, opts.intervalMs, opts.random), Math.max(0, left));
            await deps.sleep(wait, deps.signal);
        }
    }
}
/** The first failure of a read at info, the rest at debug. */
const logBackOff = (deps) => (e, failures) => {
    const text = `${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(e)} — backing off and trying again`;
    if (failures === 1)
        deps.log.info(text);
    else
        deps.log.debug(text);
};
/**
 * readUntilDeadline for reads whose failure is an error: the value, or the error that ended it (the last
 * transient one at the deadline, the read's abort on a cancel).
 */
async function readPatiently(read, deps, opts) {
    const out = await readUntilDeadline(() => read(), deps, opts);
    if (out.ok)
        return out.value;
    throw out.error ?? deps.signal.reason;
}
/**
 * The wait between two looks of a poll loop: `ms`, cut short by the deadline and by a cancel. Then why the loop
 * must end, if it must: the step was cancelled, or the deadline has come.
 */
async function waitForNextLook(deps, ms, deadline) {
    const wait = Math.min(ms, deadline - deps.now());
    if (wait > 0)
        await deps.sleep(wait, deps.signal);
    if (deps.signal.aborted)
        return 'cancelled';
    if (deps.now() >= deadline)
        return 'deadline';
    return undefined;
}


/***/ }),

/***/ 9969:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ AFTER_CANCEL_MS),
/* harmony export */   r: () => (/* binding */ wasCancelled)
/* harmony export */ });
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8604);
// What a cancel looks like, said once. The runner cancels with SIGINT/SIGTERM; main aborts the step's
// AbortSignal; every wait (sleep) and every request takes that signal. Code that catches an error asks
// wasCancelled; code that has just waited asks `signal.aborted`.

/**
 * How long a request made after a cancel may take (stopping the followed execution, the last commit status):
 * the runner sends SIGTERM 7.5 s after SIGINT, and the step still has its summary to write.
 */
const AFTER_CANCEL_MS = 4_000;
/** Whether an error, or the end of a wait, is the step being cancelled rather than a failure. */
function wasCancelled(e, signal) {
    return (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isAbort */ .rV)(e) || signal?.aborted === true;
}


/***/ }),

/***/ 2639:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EL: () => (/* binding */ pipelineUrl),
/* harmony export */   ME: () => (/* binding */ executionUrl),
/* harmony export */   MK: () => (/* binding */ logStreamUrl)
/* harmony export */ });
/* unused harmony export consoleHost */
// Console links, in the console domain of the region's partition (aws, aws-cn, aws-us-gov).
function consoleHost(region) {
    if (region.startsWith('cn-'))
        return `${region}.console.amazonaws.cn`;
    if (region.startsWith('us-gov-'))
        return `${region}.console.amazonaws-us-gov.com`;
    return `${region}.console.aws.amazon.com`;
}
function executionUrl(region, pipelineName, executionId) {
    const name = encodeURIComponent(pipelineName);
    const id = encodeURIComponent(executionId);
    return `https://${consoleHost(region)}/codesuite/codepipeline/pipelines/${name}/executions/${id}/timeline?region=${region}`;
}
/** The pipeline's page in the console: where a person reviews a pending manual approval. */
function pipelineUrl(region, pipelineName) {
    return `https://${consoleHost(region)}/codesuite/codepipeline/pipelines/${encodeURIComponent(pipelineName)}/view?region=${region}`;
}
/** CloudWatch Logs console link to one log stream (what CodeBuild's own `deepLink` points at). */
function logStreamUrl(region, group, stream) {
    // The console's fragment encoding: '/' → '$252F' (an encoded '%2F').
    const enc = (s) => encodeURIComponent(encodeURIComponent(s)).replace(/%/g, '$');
    return `https://${consoleHost(region)}/cloudwatch/home?region=${region}#logsV2:log-groups/log-group/${enc(group)}/log-events/${enc(stream)}`;
}


/***/ }),

/***/ 6952:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hd: () => (/* binding */ isTerminal),
/* harmony export */   W_: () => (/* binding */ isRunning),
/* harmony export */   n3: () => (/* binding */ isActionEnded)
/* harmony export */ });
/* unused harmony exports TERMINAL_EXECUTION_STATUSES, RUNNING_EXECUTION_STATUSES, ENDED_ACTION_STATUSES */
// What CodePipeline's statuses mean, written down once (AWS CodePipeline API reference: PipelineExecution,
// ActionExecution). Every mode and report asks here instead of listing statuses itself.
/** Execution statuses after which an execution never changes again on its own. */
const TERMINAL_EXECUTION_STATUSES = new Set([
    'Succeeded',
    'Failed',
    'Stopped',
    'Superseded',
    'Cancelled',
]);
/** Execution statuses of an execution still in flight: an UpdatePipeline would cancel it. */
const RUNNING_EXECUTION_STATUSES = new Set(['InProgress', 'Stopping']);
/** Action execution statuses after which that attempt of the action is over. */
const ENDED_ACTION_STATUSES = new Set(['Succeeded', 'Failed', 'Abandoned']);
/** Whether an execution with this status has ended for good (Stopping has not: actions are still finishing). */
function isTerminal(status) {
    return TERMINAL_EXECUTION_STATUSES.has(status ?? '');
}
/** Whether an execution with this status is still in flight. */
function isRunning(status) {
    return RUNNING_EXECUTION_STATUSES.has(status ?? '');
}
/** Whether this attempt of an action is over. */
function isActionEnded(status) {
    return ENDED_ACTION_STATUSES.has(status ?? '');
}


/***/ }),

/***/ 4341:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ../src/commits.ts
var commits = __webpack_require__(7253);
// EXTERNAL MODULE: ../src/execution/follow.ts + 20 modules
var follow = __webpack_require__(6902);
// EXTERNAL MODULE: ../src/execution/history.ts
var execution_history = __webpack_require__(8846);
// EXTERNAL MODULE: ../src/execution/reader.ts
var execution_reader = __webpack_require__(8247);
// EXTERNAL MODULE: ../src/execution/schedule.ts
var schedule = __webpack_require__(8325);
// EXTERNAL MODULE: ../src/format.ts
var format = __webpack_require__(8904);
// EXTERNAL MODULE: ../src/result.ts
var result = __webpack_require__(6738);
// EXTERNAL MODULE: ../src/backoff.ts
var backoff = __webpack_require__(6383);
;// CONCATENATED MODULE: ../src/monitor/find.ts
// Which execution the monitor follows for a commit: the newest one that runs it, waiting (within the deadline)
// for one to appear — a pipeline started by the push can start a little later. The choice is a pure function.




/** Pages of 100 executions searched for the commit on the first look; later looks read only the newest page. */
const FIRST_SEARCH_PAGES = 3;
/** The newest execution of the commit; a rollback execution only when no standard one exists. */
function executionOfCommit(list, commit) {
    const matches = (0,execution_history/* newestFirst */.ll)(list).filter((e) => e.revisions.some((r) => (0,commits/* sameCommit */.Kd)(r, commit)));
    return matches.find((e) => e.type !== 'ROLLBACK') ?? matches[0];
}
/** The newest execution of the commit, waiting (within the reader's deadline) for one to appear. */
async function findByCommit(search, reader, deps) {
    const { pipelineName, commit } = search;
    let seen = [];
    for (let look = 0;; look++) {
        const pages = look === 0 ? FIRST_SEARCH_PAGES : 1;
        const enough = (soFar) => !!executionOfCommit(soFar, commit);
        const listed = await (0,execution_history/* listExecutions */.eX)(pipelineName, reader, deps, pages, enough);
        if (!listed.ok)
            return { ...listed, seen, unread: listed.why === 'deadline' ? reader.lastFailure : undefined };
        seen = merge(seen, listed.value);
        const match = executionOfCommit(seen, commit);
        if (match) {
            deps.log.info(`Execution ${match.id} runs commit ${(0,commits/* shortSha */.Fu)(commit)} (${match.status}).`);
            return { ok: true, value: { match, seen } };
        }
        if (look === 0) {
            deps.log.info(`No execution of ${pipelineName} runs commit ${(0,commits/* shortSha */.Fu)(commit)} yet; waiting for one to appear (a pipeline started by the push can start a little later).`);
        }
        const gap = (0,schedule/* plannedGap */.hP)({ now: deps.now(), intervalMs: search.intervalMs }, reader.budget);
        const ended = await (0,backoff/* waitForNextLook */.NS)(deps, gap, reader.deadline);
        if (ended)
            return { ok: false, why: ended, seen };
    }
}
/** Newer reads replace older ones of the same execution. */
function merge(old, fresh) {
    const ids = new Set(fresh.map((e) => e.id));
    return [...fresh, ...old.filter((e) => !ids.has(e.id))];
}

;// CONCATENATED MODULE: ../src/monitor/run.ts
// The monitor mode: find the execution (given, or the newest one of the commit, waiting for it to appear),
// follow it to its end and return the verdict with everything the reports need.








const RECENT_SHOWN = 5;
async function run(config, deps) {
    const startedAt = deps.now();
    const deadline = startedAt + config.timeoutMs;
    const reader = new execution_reader/* ExecutionReader */.G(deps, (0,schedule/* followBudget */.rJ)(config.follow.pollIntervalMs, startedAt), deadline);
    const target = await whichExecution(config, reader, deps);
    const ending = target.ok
        ? endingOf(await run_follow(config, target, reader, deps))
        : noExecutionOfCommit(config, target);
    const { details, ...rest } = ending;
    return (0,result/* stepResult */.G)(config, {
        ...rest,
        details: { kind: 'monitor', pipelineName: config.pipelineName, ...details },
        startedAt,
        endedAt: deps.now(),
    });
}
/** execution-id when given; else the newest execution of commit-sha, waiting for one to appear. */
async function whichExecution(config, reader, deps) {
    if (config.executionId)
        return { ok: true, executionId: config.executionId };
    const commit = config.commitSha;
    const search = { pipelineName: config.pipelineName, commit, intervalMs: config.follow.pollIntervalMs };
    const found = await deps.log.group(`Finding the execution of commit ${(0,commits/* shortSha */.Fu)(commit)}`, () => findByCommit(search, reader, deps));
    if (!found.ok)
        return { ...found, commit };
    return { ok: true, executionId: found.value.match.id, executions: found.value.seen };
}
function run_follow(config, target, reader, deps) {
    const request = {
        pipelineName: config.pipelineName,
        executionId: target.executionId,
        commitSha: config.commitSha,
        follow: config.follow,
        deadline: reader.deadline,
        run: config.run,
        githubToken: config.reporting.githubToken,
        region: config.region,
        timeoutMs: config.timeoutMs,
    };
    return (0,follow.followExecution)(request, deps, { reader, executions: target.executions });
}
function endingOf(outcome) {
    return {
        verdict: outcome.verdict,
        reason: outcome.reason,
        details: {
            // No such execution: no execution-status output, no table of an execution that never was.
            execution: outcome.notFound ? undefined : outcome.execution,
            superseded: outcome.superseded,
            timedOut: outcome.timedOut || undefined,
        },
        cancelled: outcome.cancelled,
        warnings: outcome.notes,
        unverified: outcome.unverified,
    };
}
/**
 * No execution of the commit appeared before the deadline, or the executions could not be listed (then not
 * verified: nothing says the commit did not run), or the run was cancelled while waiting.
 */
function noExecutionOfCommit(config, target) {
    const what = `execution of ${config.pipelineName} for commit ${(0,commits/* shortSha */.Fu)(target.commit)}`;
    if (target.why === 'cancelled') {
        return {
            verdict: 'failure',
            reason: `Cancelled while waiting for an ${what}.`,
            details: {},
            cancelled: true,
        };
    }
    const recent = (0,execution_history/* newestFirst */.ll)(target.seen).slice(0, RECENT_SHOWN);
    const within = (0,format/* minutes */.Gx)(config.timeoutMs);
    const head = target.unread
        ? `No ${what} was found within ${within}: the executions of ${config.pipelineName} could not be read (last attempt: ${target.unread}).`
        : `No ${what} appeared within ${within}.`;
    return {
        verdict: 'failure',
        reason: head + latestExecutions(recent, !target.unread),
        unverified: !!target.unread || undefined,
        details: {
            timedOut: true,
            recentExecutions: recent.map((e) => ({
                id: e.id,
                status: e.status,
                revision: e.revisions[0],
                startedAt: (0,format/* isoTime */.Ly)(e.startedAt),
            })),
        },
    };
}
/** The latest executions read; "none" only when the listing answered (an unread one says nothing). */
function latestExecutions(recent, listed) {
    if (recent.length)
        return ` The latest executions: ${recent.map((e) => `${e.id} ${e.status} (revision ${e.revisions[0] ? (0,commits/* shortSha */.Fu)(e.revisions[0]) : 'none'})`).join('; ')}.`;
    return listed ? ' The pipeline has no executions.' : '';
}


/***/ })

};
