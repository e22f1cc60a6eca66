export const id = 207;
export const ids = [207];
export const modules = {

/***/ 2431:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ readPatiently),
/* harmony export */   j: () => (/* binding */ backoffMs)
/* harmony export */ });
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5148);
// How long to wait before looking again after AWS throttled a read or the network failed, on top of the SDK's
// own retries. Full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"): a random wait up to an
// exponentially growing ceiling, so concurrent runs of the action do not retry in lockstep.

/** Full-jitter exponential back-off: up to `intervalMs × 2^(failures-1)`, capped at 8 intervals (≥ 1 s). Pure. */
function backoffMs(failures, intervalMs, random = Math.random) {
    const cap = Math.max(8 * intervalMs, 1000);
    const ceiling = Math.min(cap, intervalMs * 2 ** Math.max(0, failures - 1));
    return random() * ceiling;
}
/**
 * One read of a poll loop, made again after a back-off while it fails transiently (throttling that outlived
 * the SDK's retries, a 5xx, a dropped connection) and the deadline allows: one throttle must not fail a step
 * that is only waiting. A cancel, any other error, or a transient one at the deadline is thrown.
 */
async function readPatiently(read, deps, opts) {
    for (let failures = 1;; failures++) {
        try {
            return await read();
        }
        catch (e) {
            const left = opts.deadline - deps.now();
            if ((0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isAbort */ .rV)(e) || deps.signal.aborted || !(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isTransient */ .dg)(e) || left <= 0)
                throw e;
            const text = `${(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describeError */ .Uc)(e)} — backing off and trying again`;
            if (failures === 1)
                deps.log.info(text);
            else
                deps.log.debug(text);
            await deps.sleep(Math.min(backoffMs(failures, opts.intervalMs, opts.random), left), deps.signal);
        }
    }
}


/***/ }),

/***/ 1323:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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
/** CloudWatch Logs console link to one log stream (what CodeBuild's own `deepLink` points at). */
function logStreamUrl(region, group, stream) {
    // The console's fragment encoding: '/' → '$252F' (an encoded '%2F').
    const enc = (s) => encodeURIComponent(encodeURIComponent(s)).replace(/%/g, '$');
    return `https://${consoleHost(region)}/cloudwatch/home?region=${region}#logsV2:log-groups/log-group/${enc(group)}/log-events/${enc(stream)}`;
}


/***/ }),

/***/ 4663:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8992);
/* harmony import */ var _follow_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4313);
/* harmony import */ var _history_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7498);
/* harmony import */ var _reader_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1091);
/* harmony import */ var _schedule_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3569);
// The monitor mode: find the execution (given, or the newest one of the commit, waiting for it to appear),
// follow it to its end and return the verdict with everything the reports need.





/** Pages of 100 executions searched for the commit on the first look; later looks read only the newest page. */
const FIRST_SEARCH_PAGES = 3;
const RECENT_SHOWN = 5;
async function run(config, deps) {
    const started = deps.now();
    const deadline = started + config.timeoutMs;
    const reader = new _reader_js__WEBPACK_IMPORTED_MODULE_1__/* .MonitorReader */ .u(deps, new _schedule_js__WEBPACK_IMPORTED_MODULE_2__/* .ReadBudgets */ .Tr(config.follow.pollIntervalMs, started), deadline);
    const result = (verdict, reason, details, extra = {}) => ({
        mode: 'monitor',
        verdict,
        reason,
        pipelineName: config.pipelineName,
        environment: config.environment,
        version: config.version,
        commitSha: config.commitSha,
        region: config.region,
        details: { kind: 'monitor', pipelineName: config.pipelineName, ...details },
        cancelled: extra.cancelled || undefined,
        unverified: extra.unverified || undefined,
        warnings: extra.warnings ?? [],
        startedAt: new Date(started).toISOString(),
        endedAt: new Date(deps.now()).toISOString(),
    });
    let executionId = config.executionId;
    let executions;
    if (!executionId) {
        const commit = config.commitSha;
        const found = await deps.log.group(`Finding the execution of commit ${(0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .shortSha */ .Fu)(commit)}`, () => findByCommit(config.pipelineName, commit, reader, deps, config.follow.pollIntervalMs));
        if (!found.ok) {
            const minutes = +(config.timeoutMs / 60_000).toFixed(2);
            if (found.why === 'cancelled') {
                return result('failure', `Cancelled while waiting for an execution of ${config.pipelineName} for commit ${(0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .shortSha */ .Fu)(commit)}.`, {}, { cancelled: true });
            }
            const recent = (0,_history_js__WEBPACK_IMPORTED_MODULE_4__/* .newestFirst */ .ll)(found.seen).slice(0, RECENT_SHOWN);
            const listing = recent.length
                ? ` The latest executions: ${recent.map((e) => `${e.id} ${e.status} (revision ${e.revisions[0] ? (0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .shortSha */ .Fu)(e.revisions[0]) : 'none'})`).join('; ')}.`
                : ' The pipeline has no executions.';
            return result('failure', `No execution of ${config.pipelineName} for commit ${(0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .shortSha */ .Fu)(commit)} appeared within ${minutes} min.${listing}`, {
                timedOut: true,
                recentExecutions: recent.map((e) => ({
                    id: e.id,
                    status: e.status,
                    revision: e.revisions[0],
                    startedAt: e.startedAt === undefined ? undefined : new Date(e.startedAt).toISOString(),
                })),
            });
        }
        executionId = found.value.match.id;
        executions = found.value.seen;
    }
    const outcome = await (0,_follow_js__WEBPACK_IMPORTED_MODULE_0__/* .followWithPrelude */ .f)({
        pipelineName: config.pipelineName,
        executionId,
        commitSha: config.commitSha,
        follow: config.follow,
        deadline,
        run: config.run,
        githubToken: config.reporting.githubToken,
        region: config.region,
        timeoutMs: config.timeoutMs,
    }, deps, { reader, executions });
    return result(outcome.verdict, outcome.reason, {
        // No such execution: no execution-status output, no table of an execution that never was.
        execution: outcome.notFound ? undefined : outcome.execution,
        superseded: outcome.superseded,
        timedOut: outcome.timedOut || undefined,
    }, { cancelled: outcome.cancelled, warnings: outcome.notes, unverified: outcome.unverified });
}
/** The newest execution of the commit, waiting (within the deadline) for one to appear. */
async function findByCommit(pipelineName, commit, reader, deps, intervalMs) {
    let seen = [];
    let pages = FIRST_SEARCH_PAGES;
    const waitingSince = deps.now();
    for (;;) {
        const listed = await (0,_history_js__WEBPACK_IMPORTED_MODULE_4__/* .listExecutions */ .eX)(pipelineName, reader, deps, pages, (soFar) => !!(0,_history_js__WEBPACK_IMPORTED_MODULE_4__/* .executionOfCommit */ .JQ)(soFar, commit));
        if (!listed.ok)
            return { ...listed, seen };
        seen = merge(seen, listed.value);
        const match = (0,_history_js__WEBPACK_IMPORTED_MODULE_4__/* .executionOfCommit */ .JQ)(seen, commit);
        if (match) {
            deps.log.info(`Execution ${match.id} runs commit ${(0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .shortSha */ .Fu)(commit)} (${match.status}).`);
            return { ok: true, value: { match, seen } };
        }
        if (pages === FIRST_SEARCH_PAGES) {
            deps.log.info(`No execution of ${pipelineName} runs commit ${(0,_text_js__WEBPACK_IMPORTED_MODULE_3__/* .shortSha */ .Fu)(commit)} yet; waiting for one to appear (a pipeline started by the push can start a little later).`);
        }
        pages = 1;
        const now = deps.now();
        const gap = Math.min((0,_schedule_js__WEBPACK_IMPORTED_MODULE_2__/* .plannedGap */ .hP)({ now, intervalMs, lastChangeAt: waitingSince }, reader.budgets, 'progress'), reader.deadline - now);
        if (gap > 0)
            await deps.sleep(gap, deps.signal);
        if (deps.signal.aborted)
            return { ok: false, why: 'cancelled', seen };
        if (deps.now() >= reader.deadline)
            return { ok: false, why: 'deadline', seen };
    }
}
/** Newer reads replace older ones of the same execution. */
function merge(old, fresh) {
    const ids = new Set(fresh.map((e) => e.id));
    return [...fresh, ...old.filter((e) => !ids.has(e.id))];
}


/***/ })

};

//# sourceMappingURL=207.index.js.map