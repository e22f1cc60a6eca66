export const id = 971;
export const ids = [971];
export const modules = {

/***/ 2431:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bk: () => (/* binding */ readPatiently),
/* harmony export */   NS: () => (/* binding */ waitForNextLook),
/* harmony export */   lT: () => (/* binding */ readUntilDeadline)
/* harmony export */ });
/* unused harmony export backoffMs */
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5148);
/* harmony import */ var _cancel_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(833);
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

/***/ 833:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ AFTER_CANCEL_MS),
/* harmony export */   r: () => (/* binding */ wasCancelled)
/* harmony export */ });
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5148);
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

/***/ 1971:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./src/result.ts
var result = __webpack_require__(1666);
;// CONCATENATED MODULE: ./src/validate/verdict.ts
const MAX_REASON = 400;
function clip(s) {
    return s.length > MAX_REASON ? `${s.slice(0, MAX_REASON - 1)}…` : s;
}
function noDataLine(c) {
    return `${c.name}: ${c.message}`;
}
const names = (checks) => checks.map((c) => c.name).join(', ');
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
function judge(checks, onMissingData, target, notes = []) {
    const where = `service "${target.service}" in cluster "${target.cluster}"`;
    const failed = checks.filter((c) => c.status === 'fail');
    const noData = checks.filter((c) => c.status === 'no-data');
    const unread = checks.filter((c) => c.status === 'unverified');
    const unverified = [...unread.map(noDataLine), ...noData.map(noDataLine), ...notes];
    const blocking = onMissingData === 'fail' ? [...failed, ...noData] : failed;
    const first = blocking[0];
    if (first) {
        const more = blocking.length > 1
            ? ` (and ${blocking.length - 1} more failed check${blocking.length > 2 ? 's' : ''}: ${names(blocking.slice(1))})`
            : '';
        const alsoUnread = unread.length > 0 ? `; not verified: ${names(unread)}` : '';
        const why = first.status === 'no-data' ? `no data (on-missing-data: fail) — ${first.message}` : first.message;
        return {
            verdict: 'failure',
            failure: 'measured',
            reason: clip(`Validation of ${where} failed: ${first.name} — ${why}${more}${alsoUnread}`),
            unverified,
        };
    }
    const firstUnread = unread[0];
    if (firstUnread) {
        const first = firstUnread;
        const more = unread.length > 1 ? ` (and ${unread.length - 1} more not verified: ${names(unread.slice(1))})` : '';
        return {
            verdict: 'failure',
            failure: 'unverified',
            reason: clip(`Validation of ${where} could not be verified (no check measured a failure): ${first.name} — ${first.message}${more}`),
            unverified,
        };
    }
    const passed = checks.filter((c) => c.status === 'pass').length;
    const notVerified = unverified.length ? `; ${plural(unverified.length, 'thing')} not verified` : '';
    return {
        verdict: 'success',
        reason: clip(`Validation of ${where} passed: ${passed} of ${checks.length} checks passed${notVerified}`),
        unverified,
    };
}
/** Why a configured rollback was not made: no check measured a failure; these could not be read. */
function notMeasured(checks) {
    const unread = checks.filter((c) => c.status === 'unverified').map((c) => c.name);
    return `not done — nothing was rolled back because the failure was not measured: ${unread.join(', ')} could not be verified, and a rollback acts only on a measured failure`;
}

;// CONCATENATED MODULE: ./src/validate/finish.ts
// The end of a validate step, whichever way it ends: the checks so far → the verdict, its reason, the
// warnings and the details the reports render. A step that ends early returns an Ending instead of throwing.


/** The step ends before its last part: a cancel, or a service that could not be found or read. */
class Ending {
    findings;
    reason;
    cancelled;
    constructor(findings, 
    /** Said instead of the verdict's reason. */
    reason, cancelled = false) {
        this.findings = findings;
        this.reason = reason;
        this.cancelled = cancelled;
    }
}
/** A cancel: nothing more is looked at and nothing is rolled back; what was found so far is reported. */
function cancelledWhile(findings, reason) {
    return new Ending(findings, reason, true);
}
function finish(step, end) {
    const { findings, reason, cancelled } = end instanceof Ending ? end : { findings: end, reason: undefined, cancelled: false };
    const { config, deps, target, startedAt } = step;
    const judgement = judge(findings.checks, config.onMissingData, target, findings.unverified);
    // A failure that was not measured is never acted on, and the report says so.
    const rollback = findings.rollback ??
        (judgement.failure === 'unverified' && config.rollback !== 'none' && !cancelled
            ? { mode: config.rollback, done: false, message: notMeasured(findings.checks) }
            : undefined);
    const details = {
        kind: 'validate',
        cluster: config.cluster,
        service: config.service,
        ...findings,
        rollback,
        unverified: judgement.unverified,
    };
    const verdict = cancelled ? 'failure' : judgement.verdict;
    return (0,result/* stepResult */.G)(config, {
        verdict,
        reason: reason ??
            (rollback && verdict === 'failure'
                ? `${judgement.reason}. Rollback (${rollback.mode}): ${rollback.message}`
                : judgement.reason),
        details,
        cancelled,
        unverified: judgement.failure === 'unverified',
        warnings: cancelled ? [] : warnings(step, findings, judgement.unverified),
        startedAt,
        endedAt: deps.now(),
    });
}
/** What AWS could not be read for is warned about whatever on-missing-data says. */
function warnings(step, findings, unverified) {
    const unread = new Set(findings.checks.filter((c) => c.status === 'unverified').map(noDataLine));
    return unverified
        .filter((u) => step.config.onMissingData !== 'pass' || unread.has(u))
        .map((u) => `Not verified — ${u}`);
}

// EXTERNAL MODULE: ./src/backoff.ts
var backoff = __webpack_require__(2431);
// EXTERNAL MODULE: ./src/aws-errors.ts
var aws_errors = __webpack_require__(5148);
;// CONCATENATED MODULE: ./src/validate/read.ts
// Every AWS read of validate goes through `patiently`: the project's one retry mechanism (readPatiently in
// backoff.ts) makes it again, after a full-jitter back-off, while it fails transiently (throttling that
// outlived the SDK's retries, 5xx, timeouts, resets) and the deadline allows. A read that still failed is
// no measurement: its check becomes `unverified` (unreadableRow), never `fail`, so no rollback acts on it.


/** The back-off unit between looks at a read that failed: up to 2 s, 4 s, … capped at 16 s (backoffMs). */
const READ_INTERVAL_MS = 2_000;
/** One read, retried on transient failures until `deadline` (ms since the epoch). */
function patiently(deps, deadline, read) {
    return (0,backoff/* readPatiently */.Bk)(read, deps, { deadline, intervalMs: READ_INTERVAL_MS });
}
/**
 * Every page of a paginated read, each page read patiently: `page` reads one given the previous page's token,
 * `next` says the token of the page after (undefined on the last).
 */
async function allPages(deps, deadline, page, next) {
    const pages = [];
    let token;
    do {
        const after = token;
        const read = await patiently(deps, deadline, () => page(after));
        pages.push(read);
        token = next(read);
    } while (token);
    return pages;
}
/**
 * Why a read failed, for a check row: AWS's own words, and for a transient failure that the retries did not
 * outlast, that it was still failing when the time ran out.
 */
function unreadableWhy(e) {
    if ((0,aws_errors/* isAbort */.rV)(e))
        return (0,aws_errors/* describeError */.Uc)(e);
    const said = (0,aws_errors/* describeError */.Uc)(e).replace(/[.\s]+$/, '');
    return (0,aws_errors/* isTransient */.dg)(e) ? `${said} (still failing after retrying until the deadline)` : said;
}
/** The row of a check whose reads failed: not verified, neither pass nor fail. */
function unreadableRow(name, type, why, threshold = null) {
    return { name, type, status: 'unverified', value: null, threshold, message: `could not be read: ${why}` };
}
/**
 * The same deps with a signal of their own that also aborts when `stop` is called, so reads (and their
 * back-off sleeps) that are no longer needed end at once instead of retrying until the deadline.
 */
function stoppable(deps) {
    const local = new AbortController();
    const abort = () => local.abort();
    if (deps.signal.aborted)
        local.abort();
    else
        deps.signal.addEventListener('abort', abort, { once: true });
    return {
        deps: { ...deps, signal: local.signal },
        stop: () => {
            deps.signal.removeEventListener('abort', abort);
            local.abort();
        },
    };
}

// EXTERNAL MODULE: ./src/format.ts
var format = __webpack_require__(6264);
;// CONCATENATED MODULE: ./src/validate/rollout-verdict.ts

/**
 * What bounded the rollout wait: the step's timeout, less the bake's time when there is a bake (the bake is
 * kept its time inside the timeout). Said in full, so a wait shorter than timeout-minutes is not a mystery.
 */
function waitBudget(timeoutMs, bakeMs) {
    return bakeMs > 0
        ? `timeout-minutes ${(0,format/* minutesValue */.th)(timeoutMs)} − bake-minutes ${(0,format/* minutesValue */.th)(bakeMs)}, kept for the bake`
        : `timeout-minutes ${(0,format/* minutesValue */.th)(timeoutMs)}`;
}
function controllerOf(service) {
    return service.deploymentController?.type ?? 'ECS';
}
/** Services whose deployments carry a rolloutState: the ECS controller, not behind a Classic Load Balancer. */
function hasRolloutState(service) {
    const classic = (service.loadBalancers ?? []).some((lb) => lb.loadBalancerName);
    return controllerOf(service) === 'ECS' && !classic;
}
function primaryOf(service) {
    return (service.deployments ?? []).find((d) => d.status === 'PRIMARY');
}
/**
 * CODE_DEPLOY and EXTERNAL services: AWS lists no deployments for them and reports their state in task sets
 * (PRIMARY serves production traffic; ACTIVE ones are being brought up or drained).
 */
function usesTaskSets(service) {
    return controllerOf(service) !== 'ECS' && (service.deployments ?? []).length === 0;
}
function primaryTaskSetOf(service) {
    return (service.taskSets ?? []).find((s) => s.status === 'PRIMARY');
}
/** What every task must run: the PRIMARY deployment's task definition, or the PRIMARY task set's. */
function primaryTaskDefinitionOf(service) {
    return usesTaskSets(service)
        ? primaryTaskSetOf(service)?.taskDefinition
        : primaryOf(service)?.taskDefinition;
}
/** A task set is steady: STEADY_STATE (ECS's own test, health included) and running = computed desired. */
function taskSetSteady(set) {
    return set.stabilityStatus === 'STEADY_STATE' && set.runningCount === set.computedDesiredCount;
}
/** The steady-state test of AWS's ServicesStable waiter. */
function isSteady(service) {
    return (service.deployments ?? []).length === 1 && service.runningCount === service.desiredCount;
}
/** Whether waiting for the rollout can stop: it finished (either way), or it can no longer succeed. */
function rolloutSettled(service) {
    if (service.status !== 'ACTIVE')
        return true;
    if (usesTaskSets(service)) {
        const set = primaryTaskSetOf(service);
        return !set || taskSetSteady(set); // without a PRIMARY task set there is nothing to wait for
    }
    if (!hasRolloutState(service))
        return isSteady(service);
    const deployments = service.deployments ?? [];
    // A FAILED deployment (still listed while ECS rolls it back) decides: no need to wait for the rollback.
    if (deployments.some((d) => d.rolloutState === 'FAILED'))
        return true;
    return primaryOf(service)?.rolloutState === 'COMPLETED' && isSteady(service);
}
const ROLLBACK_STATUSES = new Set([
    'ROLLBACK_REQUESTED',
    'ROLLBACK_IN_PROGRESS',
    'ROLLBACK_SUCCESSFUL',
    'ROLLBACK_FAILED',
]);
const ROLLBACK_EVENT = /rolling back|deployment failed|circuit breaker|unable to consistently start tasks/i;
/** Service events since `since` that say a deployment failed or was rolled back, newest first. */
function failureEvents(events, since) {
    return (events ?? []).filter((e) => (e.createdAt?.getTime() ?? 0) >= since && ROLLBACK_EVENT.test(e.message ?? ''));
}
function latestEvents(service, n = 3) {
    return (service.events ?? []).slice(0, n).map((e) => e.message ?? '');
}
/** The events worth quoting: those about a failure or rollback first (they explain it), else the newest. */
const quoteEvents = (service) => {
    const failures = failureEvents(service.events, 0)
        .slice(0, 2)
        .map((e) => e.message ?? '');
    const events = failures.length > 0 ? failures : latestEvents(service);
    return events.length
        ? ` ${failures.length > 0 ? 'Service events' : 'Latest service events'}: ${events.map((m) => `"${m}"`).join('; ')}`
        : '';
};
/**
 * What a rollback status means for what runs now. Only ROLLBACK_SUCCESSFUL puts the previous task definition
 * back; after ROLLBACK_FAILED the PRIMARY may still be the failing definition (or there was none before).
 */
function rollbackProblem(status, reason, service, primary) {
    const why = `${status}${reason ? `: ${reason}` : ''}`;
    if (status === 'ROLLBACK_SUCCESSFUL')
        return `the latest deployment was rolled back (${why}); the service now runs the previous task definition ${shortTd(primary.taskDefinition)}`;
    if (status === 'ROLLBACK_FAILED') {
        const running = service.runningCount ?? 0;
        const runs = running === 0
            ? `nothing runs (0 of ${service.desiredCount ?? 0} tasks)`
            : `${running} of ${service.desiredCount ?? 0} tasks run (PRIMARY deployment on ${shortTd(primary.taskDefinition)})`;
        return `the latest deployment failed and its rollback failed too (${why}); ${runs}`;
    }
    return `the latest deployment is being rolled back (${why}); the service is not yet back on a working task definition`;
}
const ROLLOUT_ROW = { name: 'rollout', type: 'rollout', threshold: 'COMPLETED, running = desired > 0' };
function judgeRollout(input) {
    const { service } = input;
    const name = service.serviceName ?? 'service';
    const primary = primaryOf(service);
    const unverified = [];
    const fail = (value, message) => ({
        check: { ...ROLLOUT_ROW, status: 'fail', value, message },
        primaryTaskDefinition: primary?.taskDefinition,
        unverified,
    });
    if (service.status !== 'ACTIVE') {
        return fail(service.status ?? 'UNKNOWN', `service "${name}" is ${service.status}, not ACTIVE`);
    }
    if (usesTaskSets(service))
        return judgeTaskSets(input);
    if (!primary)
        return fail('NO_DEPLOYMENT', `service "${name}" has no PRIMARY deployment.${quoteEvents(service)}`);
    const withState = hasRolloutState(service);
    const problems = [
        ...deploymentProblems(input, primary, unverified),
        ...steadyStateProblems(service, primary),
    ];
    const controller = controllerOf(service);
    const fallback = withState
        ? ''
        : ` (${controller === 'ECS' ? 'behind a Classic Load Balancer' : `${controller} controller`}: no rolloutState, judged by the steady-state test)`;
    if (!withState) {
        unverified.push(`rollout: the ${controller === 'ECS' ? 'Classic Load Balancer' : controller} service reports no rolloutState; it was judged by the steady-state test (one deployment, running = desired), which cannot see a rollback`);
    }
    const value = withState ? (primary.rolloutState ?? 'UNKNOWN') : isSteady(service) ? 'STEADY' : 'NOT_STEADY';
    if (problems.length > 0) {
        return fail(value, `${(0,format/* capitalise */.sK)(problems.join('; '))}${fallback}.${quoteEvents(service)}`);
    }
    return {
        check: {
            ...ROLLOUT_ROW,
            status: 'pass',
            value,
            message: `deployment ${primary.id} on ${shortTd(primary.taskDefinition)}: ${service.runningCount} of ${service.desiredCount} tasks running, one deployment${withState ? ', rollout COMPLETED' : ''}${fallback}`,
        },
        primaryTaskDefinition: primary.taskDefinition,
        rolloutEndedAt: rolloutEndedAt(input.history, primary),
        unverified,
    };
}
/**
 * What went wrong with the latest deployment: it failed or was rolled back (its status in the history, a
 * FAILED deployment, else the service events), or it has not finished. Adds to `unverified` what the history
 * could not tell.
 */
function deploymentProblems(input, primary, unverified) {
    const { service, history } = input;
    const problems = [];
    const latest = history.kind === 'known' ? history.latest : undefined;
    if (latest && ROLLBACK_STATUSES.has(latest.status ?? '')) {
        problems.push(rollbackProblem(latest.status ?? '', latest.statusReason, service, primary));
    }
    else if (latest?.status === 'STOPPED') {
        problems.push(`the latest deployment was STOPPED${latest.statusReason ? `: ${latest.statusReason}` : ''}`);
    }
    const failed = (service.deployments ?? []).find((d) => d.rolloutState === 'FAILED');
    if (failed && problems.length === 0) {
        problems.push(`deployment ${failed.id} FAILED (${failed.rolloutStateReason ?? 'no reason given'})${failed !== primary ? ' and is being rolled back' : ''}`);
    }
    if (history.kind === 'unavailable' && hasRolloutState(service)) {
        // Without the history, the events are the only witness of a rollback that has already completed.
        const since = (primary.createdAt?.getTime() ?? 0) - 5 * 60_000;
        const witnessed = failureEvents(service.events, since);
        if (witnessed.length > 0 && problems.length === 0) {
            problems.push(`the service events report a failed or rolled-back deployment: "${witnessed[0]?.message ?? ''}"`);
        }
        unverified.push(`rollout: the deployment history could not be read (${history.reason}); a completed rollback was looked for in the service events only`);
    }
    const unfinished = hasRolloutState(service) ? unfinishedProblem(input, primary, problems) : undefined;
    return unfinished === undefined ? problems : [...problems, unfinished];
}
/** The rollout has not finished, or FAILED, when nothing else has said so already. */
function unfinishedProblem(input, primary, problems) {
    if (primary.rolloutState === 'IN_PROGRESS' && problems.length === 0) {
        return input.timedOutAfterMs !== undefined
            ? `the rollout is still IN_PROGRESS after waiting ${Math.round(input.timedOutAfterMs / 1000)} s (${input.waitBudget ?? 'timeout-minutes'})`
            : `the rollout is still IN_PROGRESS${input.waitForStable ? '' : ' (wait-for-stable is false, so it was not waited for)'}`;
    }
    if (primary.rolloutState === 'FAILED' && !problems.some((p) => p.includes('FAILED')))
        return `the rollout FAILED: ${primary.rolloutStateReason ?? 'no reason given'}`;
    return undefined;
}
/** The steady-state facts: one deployment, running = desired > 0. */
function steadyStateProblems(service, primary) {
    const deployments = service.deployments ?? [];
    const problems = [];
    if (deployments.length > 1) {
        problems.push(`${deployments.length} deployments are still active (old tasks not yet replaced: ${deployments
            .filter((d) => d !== primary)
            .map((d) => `${d.id} on ${shortTd(d.taskDefinition)} running ${d.runningCount}`)
            .join(', ')})`);
    }
    if ((service.desiredCount ?? 0) === 0)
        problems.push('the service desires 0 tasks: nothing is deployed');
    else if (service.runningCount !== service.desiredCount) {
        problems.push(`${service.runningCount} of ${service.desiredCount} desired tasks are running`);
    }
    return problems;
}
/** When the rollout ended: the latest deployment's end when it succeeded, else the PRIMARY's last change. */
function rolloutEndedAt(history, primary) {
    const latest = history.kind === 'known' ? history.latest : undefined;
    return ((latest?.status === 'SUCCESSFUL' ? latest.finishedAt?.getTime() : undefined) ??
        primary.updatedAt?.getTime() ??
        primary.createdAt?.getTime());
}
/**
 * CODE_DEPLOY and EXTERNAL services, judged by the PRIMARY task set (AWS gives them no deployments, so no
 * rolloutState and no service deployment history: whether CodeDeploy rolled back cannot be seen in ECS).
 */
function judgeTaskSets(input) {
    const { service } = input;
    const name = service.serviceName ?? 'service';
    const controller = controllerOf(service);
    const sets = service.taskSets ?? [];
    const primary = primaryTaskSetOf(service);
    const base = {
        name: 'rollout',
        type: 'rollout',
        threshold: 'PRIMARY task set STEADY_STATE, running = desired > 0',
    };
    const unverified = [
        `rollout: the ${controller} service lists no deployments (AWS reports task sets for this controller), so it was judged by its PRIMARY task set (STEADY_STATE, running = desired); rollback detection is not available for ${controller} services — ${controller === 'CODE_DEPLOY' ? 'a CodeDeploy rollback' : 'a rollback by the external controller'} to the old task definition is caught only by expected-image-tag`,
    ];
    const fallback = ` (${controller} controller: no deployments, judged by the PRIMARY task set)`;
    const fail = (value, message) => ({
        check: {
            ...base,
            status: 'fail',
            value,
            message: `${(0,format/* capitalise */.sK)(message)}${fallback}.${quoteEvents(service)}`,
        },
        primaryTaskDefinition: primary?.taskDefinition,
        unverified,
    });
    if (!primary) {
        return fail('NO_TASK_SET', `service "${name}" has no PRIMARY task set${sets.length ? ` (${sets.map((s) => `${s.id} ${s.status}`).join(', ')})` : ''}`);
    }
    const problems = [];
    const desired = primary.computedDesiredCount ?? 0;
    if (primary.stabilityStatus !== 'STEADY_STATE') {
        problems.push(input.timedOutAfterMs !== undefined
            ? `the PRIMARY task set ${primary.id} is still ${primary.stabilityStatus ?? 'not steady'} after waiting ${Math.round(input.timedOutAfterMs / 1000)} s (${input.waitBudget ?? 'timeout-minutes'})`
            : `the PRIMARY task set ${primary.id} is ${primary.stabilityStatus ?? 'not steady'}${input.waitForStable ? '' : ' (wait-for-stable is false, so it was not waited for)'}`);
    }
    if (desired === 0)
        problems.push('the PRIMARY task set desires 0 tasks: nothing is deployed');
    else if (primary.runningCount !== desired) {
        problems.push(`${primary.runningCount ?? 0} of ${desired} tasks of the PRIMARY task set are running`);
    }
    const value = primary.stabilityStatus ?? 'UNKNOWN';
    if (problems.length > 0)
        return fail(value, problems.join('; '));
    const others = sets.filter((s) => s !== primary);
    const otherNote = others.length
        ? `; ${others.length} other task set(s) still present: ${others.map((s) => `${s.id} ${s.status} on ${shortTd(s.taskDefinition)} running ${s.runningCount ?? 0}`).join(', ')}`
        : '';
    return {
        check: {
            ...base,
            status: 'pass',
            value,
            message: `PRIMARY task set ${primary.id} on ${shortTd(primary.taskDefinition)}: ${primary.runningCount} of ${desired} tasks running, STEADY_STATE${otherNote}${fallback}`,
        },
        primaryTaskDefinition: primary.taskDefinition,
        rolloutEndedAt: (primary.stabilityStatusAt ?? primary.updatedAt ?? primary.createdAt)?.getTime(),
        unverified,
    };
}
/** `family:revision` of a task definition ARN. */
function shortTd(arn) {
    return arn ? arn.slice(arn.lastIndexOf('/') + 1) : 'unknown task definition';
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var dist_cjs = __webpack_require__(212);
// EXTERNAL MODULE: ./src/cancel.ts
var cancel = __webpack_require__(833);
;// CONCATENATED MODULE: ./src/validate/service.ts
// Reads the ECS service: DescribeServices (with clear errors for a missing cluster or service), its latest
// service deployment, and the wait for the rollout to settle.





/** The cluster or service named in the inputs does not exist: the user's to fix, said in one line. */
class TargetNotFound extends Error {
    name = 'TargetNotFound';
}
/** DescribeServices, retried on transient failures until `deadline` (read.ts). */
async function describeService(deps, t, deadline) {
    const ecs = deps.aws.get(dist_cjs/* ECSClient */.Zgc);
    let out;
    try {
        out = await patiently(deps, deadline, () => (0,aws_errors/* call */.T1)('ecs', 'DescribeServices', () => ecs.send(new dist_cjs/* DescribeServicesCommand */.H7c({ cluster: t.cluster, services: [t.service] }), {
            abortSignal: deps.signal,
        })));
    }
    catch (e) {
        if ((0,aws_errors/* errorCode */.CA)(e) === 'ClusterNotFoundException') {
            throw new TargetNotFound(`ECS cluster "${t.cluster}" was not found in ${t.region}: check the cluster input (default "<project-name>-<environment>") and aws-region`);
        }
        throw e;
    }
    const service = out.services?.[0];
    if (!service) {
        const reason = out.failures?.[0]?.reason ?? 'MISSING';
        throw new TargetNotFound(`ECS service "${t.service}" was not found in cluster "${t.cluster}" (${reason}): check the service input (default "<project-name>")`);
    }
    return service;
}
/** Deployments created this long before the oldest one DescribeServices lists are looked at too. */
const HISTORY_MARGIN_MS = 60_000;
const HISTORY_PAGE = 100;
/**
 * The newest service deployment and what became of it (rolled back, stopped, successful). AWS does not
 * document the order ListServiceDeployments returns, so every page is read and the newest picked here. To
 * keep that to one call, the list is first limited to deployments created after the oldest deployment
 * DescribeServices shows (minus a minute): if any is found, the newest of all is among them. When none is
 * (a completed rollback leaves only the rollback's own deployment listed, created after the failed one), the
 * whole history is read.
 */
async function readHistory(deps, t, service, deadline) {
    const created = (service.deployments ?? [])
        .map((d) => d.createdAt?.getTime())
        .filter((ms) => ms !== undefined);
    const after = created.length > 0 ? new Date(Math.min(...created) - HISTORY_MARGIN_MS) : undefined;
    try {
        let all = after ? await listDeployments(deps, t, after, deadline) : [];
        if (all.length === 0)
            all = await listDeployments(deps, t, undefined, deadline);
        const newest = all.reduce((best, d) => (!best || (d.createdAt?.getTime() ?? 0) > (best.createdAt?.getTime() ?? 0) ? d : best), undefined);
        return { kind: 'known', latest: newest };
    }
    catch (e) {
        return { kind: 'unavailable', reason: unreadableWhy(e) };
    }
}
async function listDeployments(deps, t, after, deadline) {
    const ecs = deps.aws.get(dist_cjs/* ECSClient */.Zgc);
    const pages = await allPages(deps, deadline, (nextToken) => (0,aws_errors/* call */.T1)('ecs', 'ListServiceDeployments', () => ecs.send(new dist_cjs/* ListServiceDeploymentsCommand */.jz8({
        cluster: t.cluster,
        service: t.service,
        createdAt: after ? { after } : undefined,
        maxResults: HISTORY_PAGE,
        nextToken,
    }), { abortSignal: deps.signal })), (page) => page.nextToken);
    return pages.flatMap((page) => page.serviceDeployments ?? []);
}
const FIRST_POLL_MS = 5_000;
const MAX_POLL_MS = 30_000;
const GROWTH = 1.5;
/** What changes between two looks at a rollout; a change means the end may be near, so look again soon. */
function fingerprint(s) {
    const set = primaryTaskSetOf(s);
    if (usesTaskSets(s))
        return [s.runningCount, s.pendingCount, set?.id, set?.stabilityStatus, set?.runningCount].join('|');
    const p = primaryOf(s);
    return [s.runningCount, s.pendingCount, s.deployments?.length, p?.id, p?.rolloutState, p?.failedTasks].join('|');
}
/**
 * Polls DescribeServices until the rollout settled (COMPLETED or FAILED, or steady without a rolloutState)
 * or the deadline passes. The SDK's waitUntilServicesStable is not used: it sleeps on real timers (tests
 * could not drive it); its only test is "one deployment, running = desired", so it keeps polling a FAILED
 * rollout until its own timeout and reports a service that a circuit breaker rolled back as stable; and it
 * turns every error into "retry", so a permission error is waited out to the timeout. Here the SDK retries
 * each call on throttling (max-attempts); when it gives up on throttling, a 5xx or a dropped connection, the
 * look is made again after a back-off (read.ts) until the deadline; a cancel ends the wait as cancelled. A
 * look that still could not be read ends the wait with `unreadable`: the rollout's state is then not known.
 */
async function waitForRollout(deps, t, first, deadline, 
/** What bounds the wait, for the log (waitBudget in rollout-verdict.ts). */
budget) {
    const started = deps.now();
    let service = first;
    let lastLookAt = started;
    let polls = 0;
    let delay = FIRST_POLL_MS;
    let seen = fingerprint(first);
    const upTo = `up to ${Math.max(0, Math.round((deadline - started) / 1000))} s${budget ? `: ${budget}` : ''}`;
    deps.log.info(`Waiting for the rollout of ${t.service} (${upTo}): ${progressLine(first)}`);
    while (!rolloutSettled(service)) {
        if (deps.signal.aborted)
            return { service, polls, cancelled: true };
        const left = deadline - deps.now();
        if (left <= 0)
            return { service, polls, cancelled: false, timedOutAfterMs: deps.now() - started };
        await deps.sleep(Math.min(delay, left), deps.signal);
        if (deps.signal.aborted)
            return { service, polls, cancelled: true };
        try {
            polls++;
            service = await describeService(deps, t, deadline);
            lastLookAt = deps.now();
        }
        catch (e) {
            if ((0,cancel/* wasCancelled */.r)(e, deps.signal))
                return { service, polls, cancelled: true };
            // Only a failed AWS call is a look that could not be read; anything else is a bug, not an outage.
            if (!(e instanceof aws_errors/* AwsCallError */.iQ))
                throw e;
            deps.log.info(`DescribeServices could not be read: ${(0,aws_errors/* describeError */.Uc)(e)}`);
            return {
                service,
                polls,
                cancelled: false,
                timedOutAfterMs: deps.now() - started,
                unreadable: unreadableWhy(e),
                lastLookAt,
            };
        }
        const now = fingerprint(service);
        if (now !== seen) {
            deps.log.info(progressLine(service));
            seen = now;
            delay = FIRST_POLL_MS;
        }
        else {
            delay = Math.min(delay * GROWTH, MAX_POLL_MS);
        }
    }
    return { service, polls, cancelled: false };
}
function progressLine(s) {
    if (usesTaskSets(s)) {
        const set = primaryTaskSetOf(s);
        const state = set
            ? `PRIMARY task set ${set.stabilityStatus ?? 'without stabilityStatus'}`
            : 'no PRIMARY task set';
        return `${state}, ${s.runningCount}/${s.desiredCount} running, ${s.pendingCount ?? 0} pending, ${s.taskSets?.length ?? 0} task set(s)`;
    }
    const p = primaryOf(s);
    const state = p?.rolloutState ? `rollout ${p.rolloutState}` : 'no rolloutState';
    return `${state}, ${s.runningCount}/${s.desiredCount} running, ${s.pendingCount ?? 0} pending, ${s.deployments?.length ?? 0} deployment(s)`;
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-elastic-load-balancing-v2/dist-cjs/index.js
var client_elastic_load_balancing_v2_dist_cjs = __webpack_require__(586);
;// CONCATENATED MODULE: ./src/validate/load-balancers.ts



/** The target group ARNs a service names in loadBalancers[] (a Classic Load Balancer has none: skipped). */
function targetGroupArnsOf(service) {
    const arns = (service.loadBalancers ?? []).map((lb) => lb.targetGroupArn).filter((a) => !!a);
    return [...new Set(arns)];
}
const after = (arn, marker) => arn.slice(arn.indexOf(marker) + marker.length);
async function describeTargetGroups(deps, arns, deadline) {
    const elb = deps.aws.get(client_elastic_load_balancing_v2_dist_cjs/* ElasticLoadBalancingV2Client */.MlD);
    const out = await patiently(deps, deadline, () => (0,aws_errors/* call */.T1)('elasticloadbalancing', 'DescribeTargetGroups', () => elb.send(new client_elastic_load_balancing_v2_dist_cjs/* DescribeTargetGroupsCommand */.sC7({ TargetGroupArns: arns }), { abortSignal: deps.signal })));
    return (out.TargetGroups ?? []).map((tg) => {
        const arn = tg.TargetGroupArn ?? '';
        const alb = (tg.LoadBalancerArns ?? []).find((lb) => lb.includes(':loadbalancer/app/'));
        return {
            arn,
            name: tg.TargetGroupName ?? arn,
            dimension: `targetgroup/${after(arn, ':targetgroup/')}`,
            albDimension: alb ? after(alb, ':loadbalancer/') : undefined,
        };
    });
}
function readTargetHealth(deps, group, deadline) {
    const elb = deps.aws.get(client_elastic_load_balancing_v2_dist_cjs/* ElasticLoadBalancingV2Client */.MlD);
    return patiently(deps, deadline, () => (0,aws_errors/* call */.T1)('elasticloadbalancing', 'DescribeTargetHealth', () => elb.send(new client_elastic_load_balancing_v2_dist_cjs/* DescribeTargetHealthCommand */.qyg({ TargetGroupArn: group.arn }), { abortSignal: deps.signal }))).then((out) => ({ group, targets: out.TargetHealthDescriptions ?? [] }), (e) => ({ group, targets: e instanceof Error ? e : new Error(String(e)) }));
}

;// CONCATENATED MODULE: ./src/facts/ecs.ts
/** Stopped by the scheduler (scale-in, replacement, a deployment) or by a person: no crash, whatever the exit. */
const ORDERED_STOP_CODES = new Set(['ServiceSchedulerInitiated', 'UserInitiated']);
/** The task never started, or an essential container exited: a crash, whatever the exit code. */
const CRASH_STOP_CODES = new Set([
    'TaskFailedToStart',
    'EssentialContainerExited',
]);
/**
 * A task that crashed: it failed to start, an essential container exited, or (any other stop code but an
 * ordered one) a container exited non-zero. DescribeTasks does not say which containers are essential, so
 * any non-zero exit of a task nobody asked to stop counts. Pure.
 */
function isCrash(task) {
    if (CRASH_STOP_CODES.has(task.stopCode ?? ''))
        return true;
    if (ORDERED_STOP_CODES.has(task.stopCode ?? ''))
        return false;
    return (task.containers ?? []).some((c) => c.exitCode !== undefined && c.exitCode !== 0);
}

;// CONCATENATED MODULE: ./src/validate/task-tally.ts
/** How many offenders of each kind are kept: the check quotes three and counts the rest. */
const EXAMPLES = 3;
/** `newRevision`: the task definition whose tasks' addresses are kept (none when not given). */
function emptyTally(newRevision) {
    return {
        listed: 0,
        running: 0,
        healthyRunningByTd: new Map(),
        byTd: new Map(),
        notRunning: { count: 0, examples: [] },
        unhealthy: { count: 0, examples: [] },
        newRevision: [],
        newRevisionTd: newRevision,
    };
}
function note(sample, example) {
    sample.count++;
    if (sample.examples.length < EXAMPLES)
        sample.examples.push(example);
}
/** The task's ENI address (awsvpc network mode); none in bridge or host mode. */
function taskIpOf(task) {
    for (const a of task.attachments ?? [])
        for (const d of a.details ?? [])
            if (d.name === 'privateIPv4Address' && d.value)
                return d.value;
    return undefined;
}
const addressOf = (task) => ({ arn: task.taskArn, ip: taskIpOf(task) });
/** Counts one page of described tasks into the tally (in place: it is the only copy). */
function addTasks(tally, tasks) {
    for (const t of tasks) {
        const at = tally.listed++;
        const td = t.taskDefinitionArn ?? '';
        let onTd = tally.byTd.get(td);
        if (!onTd)
            tally.byTd.set(td, (onTd = { count: 0, examples: [] }));
        note(onTd, { at, arn: t.taskArn, td: t.taskDefinitionArn });
        if (t.lastStatus === 'RUNNING') {
            tally.running++;
            if (t.healthStatus !== 'UNHEALTHY')
                tally.healthyRunningByTd.set(td, (tally.healthyRunningByTd.get(td) ?? 0) + 1);
        }
        else
            note(tally.notRunning, { arn: t.taskArn, lastStatus: t.lastStatus });
        if (t.healthStatus === 'UNHEALTHY') {
            const containers = (t.containers ?? []).filter((c) => c.healthStatus === 'UNHEALTHY');
            note(tally.unhealthy, { arn: t.taskArn, containers: containers.map((c) => c.name ?? '') });
        }
        if (tally.newRevisionTd !== undefined && t.taskDefinitionArn === tally.newRevisionTd)
            tally.newRevision.push(addressOf(t));
    }
}
/** The tally of a list already in memory (tests, callers holding the list). Pure. */
function tallyOf(tasks) {
    const tally = emptyTally();
    addTasks(tally, tasks);
    return tally;
}

;// CONCATENATED MODULE: ./src/validate/task-verdict.ts




const taskId = (arn) => (arn ? arn.slice(arn.lastIndexOf('/') + 1) : '?');
function some(tasks, describe, count = tasks.length) {
    const shown = tasks.slice(0, EXAMPLES).map(describe).join(', ');
    return count > EXAMPLES ? `${shown} and ${count - EXAMPLES} more` : shown;
}
const someOf = (sample, describe) => some(sample.examples, describe, sample.count);
/** The tasks on another task definition than the PRIMARY's: counted, and the first few in listing order. */
function notOn(tally, primaryTd) {
    const others = [...tally.byTd].filter(([td]) => td !== primaryTd).map(([, sample]) => sample);
    return {
        count: others.reduce((n, s) => n + s.count, 0),
        examples: others
            .flatMap((s) => s.examples)
            .sort((a, b) => a.at - b.at)
            .slice(0, EXAMPLES),
    };
}
/** `EssentialContainerExited: Essential container in task exited (app exit 1)`. */
function describeStop(t) {
    const exits = (t.containers ?? [])
        .filter((c) => c.exitCode !== undefined || c.reason)
        .map((c) => `${c.name} ${c.exitCode !== undefined ? `exit ${c.exitCode}` : ''}${c.reason ? ` ${c.reason}` : ''}`.trim());
    return `${taskId(t.taskArn)} ${t.stopCode ?? 'stopped'}: ${t.stoppedReason ?? 'no reason given'}${exits.length ? ` (${exits.join('; ')})` : ''}`;
}
function judgeTasks(input) {
    const { desiredCount, primaryTaskDefinition } = input;
    const tally = Array.isArray(input.tasks) ? tallyOf(input.tasks) : input.tasks;
    const running = tally.running;
    // The value counts what the threshold asks for (RUNNING, not UNHEALTHY, on the PRIMARY task definition),
    // so it never reads "3/3" beside a message about a PENDING task or one on the old task definition.
    const good = primaryTaskDefinition
        ? (tally.healthyRunningByTd.get(primaryTaskDefinition) ?? 0)
        : [...tally.healthyRunningByTd.values()].reduce((a, b) => a + b, 0);
    const base = {
        name: 'tasks',
        type: 'task',
        value: `${good}/${desiredCount}`,
        threshold: `${desiredCount} RUNNING, healthy, on ${shortTd(primaryTaskDefinition)}`,
    };
    if (desiredCount === 0 && tally.listed === 0) {
        return { ...base, status: 'skip', message: 'the service desires 0 tasks: there are no tasks to check' };
    }
    const problems = [];
    if (running === 0)
        problems.push(`no task is RUNNING (${desiredCount} desired)`);
    else if (running < desiredCount)
        problems.push(`only ${running} of ${desiredCount} desired tasks are RUNNING`);
    if (tally.notRunning.count > 0) {
        problems.push(`${tally.notRunning.count} not RUNNING (${someOf(tally.notRunning, (t) => `${taskId(t.arn)} ${t.lastStatus}`)})`);
    }
    if (primaryTaskDefinition) {
        const old = notOn(tally, primaryTaskDefinition);
        if (old.count > 0) {
            problems.push(`${old.count} on another task definition than the PRIMARY deployment's ${shortTd(primaryTaskDefinition)} (${someOf(old, (t) => `${taskId(t.arn)} on ${shortTd(t.td)}`)})`);
        }
    }
    if (tally.unhealthy.count > 0) {
        problems.push(`${tally.unhealthy.count} UNHEALTHY (${someOf(tally.unhealthy, (t) => `${taskId(t.arn)}${t.containers.length ? ` container ${t.containers.join(', ')}` : ''}`)})`);
    }
    const crashed = input.crashed ?? [];
    if (crashed.length > 0) {
        problems.push(`${crashed.length} task${crashed.length === 1 ? '' : 's'} of the PRIMARY deployment crashed and ${crashed.length === 1 ? 'was' : 'were'} replaced (${some(crashed, describeStop)})`);
    }
    const stopped = (input.stopped ?? []).filter((t) => !crashed.some((c) => c.taskArn === t.taskArn));
    const stoppedNote = stopped.length
        ? `. ${stopped.length} task${stopped.length === 1 ? '' : 's'} stopped recently: ${some(stopped, describeStop)}`
        : '';
    const missingNote = input.missing.length
        ? ` (${input.missing.length} listed tasks were gone when described)`
        : '';
    if (problems.length > 0) {
        return { ...base, status: 'fail', message: `${problems.join('; ')}${missingNote}${stoppedNote}` };
    }
    return {
        ...base,
        status: 'pass',
        message: `all ${running} tasks RUNNING on ${shortTd(primaryTaskDefinition)}, none UNHEALTHY${missingNote}${stoppedNote}`,
    };
}
/**
 * The tasks row of the service, and what could not be verified about it. Running = desired can hide a crash
 * loop (the scheduler replaces crashed tasks), so without the stopped tasks a passing row is not verified.
 */
function judgeServiceTasks(input) {
    const { running, stopped } = input;
    if (running instanceof Error)
        return { row: unreadableRow('tasks', 'task', unreadableWhy(running)), notes: [] };
    const row = judgeRunning(running, stopped instanceof Error ? [] : stopped, input);
    if (!(stopped instanceof Error))
        return { row, notes: [] };
    const why = unreadableWhy(stopped);
    if (row.status !== 'pass')
        return { row, notes: [`crashed tasks: the stopped tasks could not be listed (${why})`] };
    return {
        row: {
            ...row,
            status: 'unverified',
            message: `could not be read: the stopped tasks (${why}), so crashes of the PRIMARY deployment could not be ruled out; ${row.message}`,
        },
        notes: [],
    };
}
/** The RUNNING tasks judged; when something is wrong, the stopped tasks of the deployments judged say why. */
function judgeRunning(listing, stopped, { service, rollout }) {
    const primary = primaryOf(service);
    // Service tasks carry their deployment's (or task set's) id in startedBy.
    const primaryIds = [primary?.id, primaryTaskSetOf(service)?.id].filter((id) => !!id);
    const input = {
        tasks: listing.tasks,
        desiredCount: service.desiredCount ?? 0,
        primaryTaskDefinition: rollout.primaryTaskDefinition,
        missing: listing.missing,
        crashed: crashesOf(stopped, primaryIds),
    };
    const row = judgeTasks(input);
    const rolloutOk = rollout.check.status === 'pass';
    if (row.status !== 'fail' && rolloutOk && (primary?.failedTasks ?? 0) === 0)
        return row;
    const ids = [
        ...(service.deployments ?? []).filter((d) => d.rolloutState === 'FAILED' || d === primary),
        ...(service.taskSets ?? []),
    ].map((d) => d.id ?? '');
    return judgeTasks({ ...input, stopped: stoppedOf(stopped, ids) });
}
/**
 * The stopped tasks worth showing: those of the deployments being judged (service tasks carry the deployment
 * id in `startedBy`), newest first. After a completed rollback the failed deployment is no longer listed, so
 * without a match the tasks that crashed are shown. Pure.
 */
function stoppedOf(stopped, deploymentIds) {
    const ours = stopped.filter((task) => deploymentIds.includes(task.startedBy ?? ''));
    return newestFirst(ours.length > 0 ? ours : stopped.filter(isCrash));
}
/** The crashes of the given deployments only (no fallback), newest first. Pure. */
function crashesOf(stopped, deploymentIds) {
    return newestFirst(stopped.filter((task) => deploymentIds.includes(task.startedBy ?? '') && isCrash(task)));
}
const newestFirst = (tasks) => [...tasks].sort((a, b) => (b.stoppedAt?.getTime() ?? 0) - (a.stoppedAt?.getTime() ?? 0));

;// CONCATENATED MODULE: ./src/validate/target-health-verdict.ts


const targetGroupCheckName = (name) => `target group ${name}`;
const LEAVING = new Set(['draining', 'unused', 'unhealthy.draining']);
const LISTED = 5;
const stateOf = (t) => {
    const h = t.TargetHealth;
    const why = [h?.Reason, h?.Description].filter(Boolean).join(': ');
    return `${h?.State ?? 'unknown'}${why ? ` (${why})` : ''}`;
};
const listed = (items) => items.length > LISTED
    ? `${items.slice(0, LISTED).join(', ')} and ${items.length - LISTED} more`
    : items.join(', ');
/** `newTasks`: the running tasks of the new revision, as much of them as is matched and quoted. */
function judgeTargetGroup(health, newTasks) {
    const name = targetGroupCheckName(health.group.name);
    if (health.targets instanceof Error)
        return unreadableRow(name, 'traffic', unreadableWhy(health.targets), 'healthy');
    // Targets are matched to tasks by the task's ENI address (awsvpc). A task without one (bridge or host network
    // mode registers instance + port) cannot be matched: say so, never call it unregistered (a false failure would
    // roll a healthy release back).
    const unaddressed = newTasks.filter((task) => task.ip === undefined);
    if (unaddressed.length > 0)
        return {
            name,
            type: 'traffic',
            threshold: 'healthy',
            status: 'skip',
            value: null,
            message: `not verified: ${unaddressed.length} task${unaddressed.length === 1 ? ' has' : 's have'} no awsvpc address (${listed(unaddressed.map((t) => taskId(t.arn)))}), so their targets in ${health.group.name} could not be matched`,
        };
    const byId = new Map(health.targets.map((t) => [t.Target?.Id ?? '', t]));
    const ours = new Set();
    const problems = [];
    for (const { arn, ip } of newTasks) {
        const target = ip === undefined ? undefined : byId.get(ip);
        if (ip !== undefined)
            ours.add(ip);
        if (!target)
            problems.push(`task ${taskId(arn)} is not registered`);
        else if (target.TargetHealth?.State !== 'healthy')
            problems.push(`task ${taskId(arn)} (${ip}) is ${stateOf(target)}`);
    }
    const others = health.targets.filter((t) => !ours.has(t.Target?.Id ?? ''));
    const serving = others.filter((t) => !LEAVING.has(t.TargetHealth?.State ?? ''));
    const draining = others.length - serving.length;
    if (serving.length > 0)
        problems.push(`${serving.length} target${serving.length === 1 ? '' : 's'} not of the new revision still take${serving.length === 1 ? 's' : ''} traffic: ${listed(serving.map((t) => `${t.Target?.Id ?? '?'} ${stateOf(t)}`))}`);
    const base = { name, type: 'traffic', threshold: 'healthy' };
    if (problems.length > 0)
        return {
            ...base,
            status: 'fail',
            value: null,
            message: `in target group ${health.group.name}: ${listed(problems)}`,
        };
    const leaving = draining > 0 ? `; ${draining} old target${draining === 1 ? '' : 's'} draining` : '';
    return {
        ...base,
        status: 'pass',
        value: newTasks.length,
        message: `all ${newTasks.length} tasks of the new revision are registered and healthy in target group ${health.group.name}${leaving}`,
    };
}

;// CONCATENATED MODULE: ./src/validate/concurrency.ts
// A small concurrency bound: at most `n` of the given tasks run at once, in the order they were queued.
function createLimiter(n) {
    let active = 0;
    const queue = [];
    const next = () => {
        if (active >= n)
            return;
        const start = queue.shift();
        if (start) {
            active++;
            start();
        }
    };
    return (task) => new Promise((resolve, reject) => {
        queue.push(() => {
            task()
                .then(resolve, reject)
                .finally(() => {
                active--;
                next();
            });
        });
        next();
    });
}

;// CONCATENATED MODULE: ./src/validate/tasks.ts
// Lists and describes every task of the service with the fewest calls and the least waiting.
//
// ListTasks pages are sequential (each needs the previous nextToken), but a page's DescribeTasks (≤ 100
// ARNs) can start the moment the page arrives, so describing overlaps listing: the wall time is the chain
// of pages plus one DescribeTasks, not the sum of both. The next page is asked for before the page's
// DescribeTasks, so the critical-path call is never queued behind an off-path one (measured with 5,000 tasks
// at 50 ms per call: about 10 ms less per page).
//
// Every ListTasks page and every DescribeTasks chunk is read patiently (read.ts): a throttled call is made
// again after a back-off until the deadline, on its own, so one throttled chunk does not list the service again.





const DESCRIBE_TASKS_MAX = 100;
const LIST_TASKS_MAX = 100;
/** DescribeTasks calls in flight at once: enough to keep up with the pages, gentle on ECS's rate limit. */
const DESCRIBE_CONCURRENCY = 4;
function askFirstPage(deps, t, deadline) {
    const early = stoppable(deps);
    const page = patiently(early.deps, deadline, () => (0,aws_errors/* call */.T1)('ecs', 'ListTasks', () => early.deps.aws
        .get(dist_cjs/* ECSClient */.Zgc)
        .send(listTasks(t, 'RUNNING', undefined), { abortSignal: early.deps.signal })));
    page.catch(() => undefined); // a missing service fails here too; DescribeServices says it better
    return { page, stop: early.stop };
}
const listTasks = (t, desiredStatus, nextToken) => new dist_cjs/* ListTasksCommand */.MYg({
    cluster: t.cluster,
    serviceName: t.service,
    desiredStatus,
    maxResults: LIST_TASKS_MAX,
    nextToken,
});
/**
 * Every RUNNING task, counted as each page is described and then dropped. `newRevision`: the task definition
 * whose tasks' addresses the target groups check needs (kept, one short record per task).
 */
async function tallyRunningTasks(deps, t, opts) {
    const tally = emptyTally(opts.newRevision);
    const { missing } = await collectTasks(deps, t, {
        ...opts,
        desiredStatus: 'RUNNING',
        onPage: (page) => addTasks(tally, page),
    });
    return { tasks: tally, missing };
}
async function collectTasks(deps, t, opts) {
    // When one call fails for good, the others (and their back-offs) stop: the listing has failed.
    const { deps: scoped, stop } = stoppable(deps);
    try {
        return await collect(scoped, t, opts);
    }
    finally {
        stop();
    }
}
async function collect(deps, t, opts) {
    const { desiredStatus = 'RUNNING', maxPages = Infinity, firstPage, deadline, onPage } = opts;
    const ecs = deps.aws.get(dist_cjs/* ECSClient */.Zgc);
    const limit = createLimiter(DESCRIBE_CONCURRENCY);
    const describes = [];
    const list = (token) => {
        const p = patiently(deps, deadline, () => (0,aws_errors/* call */.T1)('ecs', 'ListTasks', () => ecs.send(listTasks(t, desiredStatus, token), { abortSignal: deps.signal })));
        p.catch(() => undefined); // awaited below; not unhandled if a DescribeTasks fails first
        return p;
    };
    let pending = firstPage ?? list(undefined);
    let pages = 0;
    while (pending) {
        const page = await pending;
        pages++;
        // The next page is the critical path: ask for it before this page's DescribeTasks, so it is on the wire
        // (and served) first.
        pending = page.nextToken && pages < maxPages ? list(page.nextToken) : undefined;
        const arns = page.taskArns ?? [];
        for (let i = 0; i < arns.length; i += DESCRIBE_TASKS_MAX) {
            const chunk = arns.slice(i, i + DESCRIBE_TASKS_MAX);
            const described = limit(async () => {
                const out = await patiently(deps, deadline, () => (0,aws_errors/* call */.T1)('ecs', 'DescribeTasks', () => ecs.send(new dist_cjs/* DescribeTasksCommand */.z8X({ cluster: t.cluster, tasks: chunk }), {
                    abortSignal: deps.signal,
                })));
                const missing = (out.failures ?? []).map((f) => f.arn ?? '?');
                if (!onPage)
                    return { tasks: out.tasks ?? [], missing };
                onPage(out.tasks ?? []);
                return { tasks: [], missing };
            });
            // Awaited below; this only keeps a failure from being reported as unhandled while listing goes on.
            described.catch(() => undefined);
            describes.push(described);
        }
    }
    const results = await Promise.all(describes);
    return { tasks: results.flatMap((r) => r.tasks), missing: results.flatMap((r) => r.missing) };
}

;// CONCATENATED MODULE: ./src/validate/version-verdict.ts

/** The tag of an image reference: `repo:tag`, `host:5000/repo:tag`, `repo:tag@sha256:…`; undefined when none. */
function imageTag(image) {
    const withoutDigest = image.split('@')[0] ?? '';
    const lastSegment = withoutDigest.slice(withoutDigest.lastIndexOf('/') + 1);
    const colon = lastSegment.indexOf(':');
    return colon === -1 ? undefined : lastSegment.slice(colon + 1);
}
const VERSION_NOT_VERIFIED = 'version: no expected-image-tag was given, so which version the service runs was not verified';
function versionSkipped() {
    return {
        name: 'version',
        type: 'version',
        status: 'skip',
        value: null,
        threshold: null,
        message: 'not verified: set expected-image-tag to check that every container runs the version you deployed (a rollback to the old version would otherwise go unnoticed here)',
    };
}
function judgeVersion(expectedTag, taskDefinition, containers) {
    const base = { name: 'version', type: 'version', threshold: expectedTag };
    const wrong = containers.filter((c) => imageTag(c.image) !== expectedTag);
    if (containers.length === 0) {
        return { ...base, status: 'fail', value: null, message: `${shortTd(taskDefinition)} has no containers` };
    }
    if (wrong.length > 0) {
        return {
            ...base,
            status: 'fail',
            value: wrong.map((c) => imageTag(c.image) ?? '(no tag)').join(', '),
            message: `${shortTd(taskDefinition)}: ${wrong.map((c) => `container ${c.name} runs ${c.image}`).join('; ')}, not tag "${expectedTag}"`,
        };
    }
    return {
        ...base,
        status: 'pass',
        value: expectedTag,
        message: `every container of ${shortTd(taskDefinition)} (${containers.map((c) => c.name).join(', ')}) runs tag "${expectedTag}"`,
    };
}

;// CONCATENATED MODULE: ./src/validate/version.ts
// The version check's one read: the PRIMARY deployment's task definition and its container images.




async function checkVersion(deps, expectedTag, taskDefinition, deadline) {
    const out = await patiently(deps, deadline, () => (0,aws_errors/* call */.T1)('ecs', 'DescribeTaskDefinition', () => deps.aws
        .get(dist_cjs/* ECSClient */.Zgc)
        .send(new dist_cjs/* DescribeTaskDefinitionCommand */.Zy$({ taskDefinition }), { abortSignal: deps.signal })));
    const containers = (out.taskDefinition?.containerDefinitions ?? []).map((c) => ({
        name: c.name ?? '?',
        image: c.image ?? '',
    }));
    return judgeVersion(expectedTag, taskDefinition, containers);
}

;// CONCATENATED MODULE: ./src/validate/check-ecs.ts










function startEcsReads(step, observed, early) {
    const { config, deps, target, deadline } = step;
    const service = observed.service;
    const primaryTd = primaryTaskDefinitionOf(service);
    const expected = config.expectedImageTag;
    return {
        history: controllerOf(service) === 'ECS'
            ? readHistory(deps, target, service, deadline)
            : Promise.resolve({ kind: 'known' }),
        running: tallyRunningTasks(deps, target, {
            firstPage: observed.firstLook ? early.page : undefined,
            deadline,
            newRevision: primaryTd,
        }).catch((e) => e),
        // One page of STOPPED tasks, always, alongside the RUNNING listing (no wall time added): the scheduler
        // replaces crashed tasks, so a crash-looping service can show running = desired. Newest first (ECS keeps
        // stopped tasks about an hour), so one page holds the recent crashes.
        stopped: collectTasks(deps, target, { desiredStatus: 'STOPPED', maxPages: 1, deadline }).then((l) => l.tasks, (e) => e),
        version: expected && primaryTd
            ? checkVersion(deps, expected, primaryTd, deadline).catch((e) => unreadableRow('version', 'version', unreadableWhy(e), expected))
            : Promise.resolve(versionSkipped()),
        traffic: readTraffic(step, targetGroupArnsOf(service)),
    };
}
/** One DescribeTargetGroups for all the service's groups, then one DescribeTargetHealth per group at once. */
async function readTraffic(step, arns) {
    if (arns.length === 0)
        return [];
    const { deps, deadline } = step;
    try {
        const groups = await describeTargetGroups(deps, arns, deadline);
        return await Promise.all(groups.map((g) => readTargetHealth(deps, g, deadline)));
    }
    catch (e) {
        return e instanceof Error ? e : new Error(String(e));
    }
}
/** A row per target group: the new revision's tasks registered and healthy, nothing else taking traffic. */
function trafficRows(traffic, arns, running) {
    if (traffic instanceof Error)
        return arns.map((a) => unreadableRow(targetGroupCheckName(a), 'traffic', unreadableWhy(traffic), 'healthy'));
    if (running instanceof Error)
        return traffic.map((t) => unreadableRow(targetGroupCheckName(t.group.name), 'traffic', `the tasks could not be read: ${unreadableWhy(running)}`, 'healthy'));
    return traffic.map((t) => judgeTargetGroup(t, running.tasks.newRevision));
}
/** Said when nothing about the service's traffic could be looked at. */
const NO_TRAFFIC_HEALTH = 'no traffic health was measured: the service has no load balancer target groups and no api-name is set';
/** The ECS rows, logged; a cancel during these reads ends the step (it is no failed check). */
async function checkEcs(step, observed, rollout, reads, early) {
    const { deps } = step;
    const [running, version, stopped, traffic] = await Promise.all([
        reads.running,
        reads.version,
        reads.stopped,
        reads.traffic,
    ]);
    early.stop();
    const tasks = judgeServiceTasks({ running, stopped, service: observed.service, rollout });
    const arns = targetGroupArnsOf(observed.service);
    const targets = trafficRows(traffic, arns, running);
    const checks = [rollout.check, tasks.row, version, ...targets];
    await deps.log.group('ECS checks', async () => {
        for (const c of checks)
            deps.log.info(`${c.name} ${c.status}: ${c.message}`);
    });
    if (deps.signal.aborted)
        return cancelledWhile({ checks, unverified: rollout.unverified }, 'cancelled while checking the service');
    const notes = [
        ...rollout.unverified,
        ...(arns.length === 0 && !step.config.api ? [NO_TRAFFIC_HEALTH] : []),
        ...tasks.notes,
        ...(version.status === 'skip' ? [VERSION_NOT_VERIFIED] : []),
    ];
    return { rollout, checks, notes };
}

;// CONCATENATED MODULE: ./src/validate/alarm-verdict.ts
function alarmRows(names, found) {
    const byName = new Map(found.map((a) => [a.name, a]));
    return names.map((name) => {
        const base = { name, type: 'alarm', threshold: 'not ALARM' };
        const alarm = byName.get(name);
        if (!alarm) {
            return {
                ...base,
                status: 'fail',
                value: null,
                message: `no metric or composite alarm named "${name}" exists in this account and region (a typo would otherwise pass silently)`,
            };
        }
        const why = alarm.reason ? `: ${alarm.reason}` : '';
        switch (alarm.state) {
            case 'OK':
                return { ...base, status: 'pass', value: 'OK', message: `${alarm.kind} alarm is OK` };
            case 'ALARM':
                return { ...base, status: 'fail', value: 'ALARM', message: `${alarm.kind} alarm is in ALARM${why}` };
            case 'INSUFFICIENT_DATA':
                return {
                    ...base,
                    status: 'no-data',
                    value: 'INSUFFICIENT_DATA',
                    message: `${alarm.kind} alarm has INSUFFICIENT_DATA: it cannot tell whether the service is healthy${why}`,
                };
            default:
                return {
                    ...base,
                    status: 'no-data',
                    value: alarm.state,
                    message: `${alarm.kind} alarm is in an unknown state ${alarm.state}`,
                };
        }
    });
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch/dist-cjs/index.js
var client_cloudwatch_dist_cjs = __webpack_require__(4085);
;// CONCATENATED MODULE: ./src/facts/cloudwatch.ts
// CloudWatch facts the validate mode relies on, written down once: where API Gateway publishes the metrics of
// the API error rate, and how many queries one GetMetricData call takes (Amazon CloudWatch API reference).
/** API Gateway's namespace for REST API metrics. */
const API_GATEWAY_NAMESPACE = 'AWS/ApiGateway';
/** Requests answered with a 5xx, per API (and stage). */
const API_ERRORS_METRIC = '5XXError';
/** Every request, per API (and stage). */
const API_REQUESTS_METRIC = 'Count';
/** GetMetricData takes at most this many queries per call. */
const MAX_QUERIES_PER_CALL = 500;

;// CONCATENATED MODULE: ./src/validate/metric-queries.ts

const API_ERRORS_ID = 'api_errors';
const API_REQUESTS_ID = 'api_requests';
function apiDimensions(api) {
    const dims = [{ Name: 'ApiName', Value: api.name }];
    if (api.stage)
        dims.push({ Name: 'Stage', Value: api.stage });
    return dims;
}
/**
 * The error rate is Σ errors ÷ Σ requests over the window, so both are fetched per minute (Sum of 5XXError,
 * Sum of Count — equal to its SampleCount, as each request counts 1) and added up client-side; metric checks read one period as long as the window.
 */
function planMetricQueries(api, checks, windowMinutes) {
    const groups = [];
    if (api) {
        const dims = apiDimensions(api);
        groups.push([
            stat(API_ERRORS_ID, { namespace: API_GATEWAY_NAMESPACE, metric: API_ERRORS_METRIC, dimensions: {}, stat: 'Sum' }, 60, dims),
            stat(API_REQUESTS_ID, { namespace: API_GATEWAY_NAMESPACE, metric: API_REQUESTS_METRIC, dimensions: {}, stat: 'Sum' }, 60, dims),
        ]);
    }
    const period = Math.max(1, windowMinutes) * 60;
    const checkIds = checks.map((check, i) => {
        const id = `c${i + 1}`;
        if (check.kind === 'metric') {
            groups.push([stat(id, check.query, period)]);
        }
        else {
            const inputs = Object.entries(check.metrics).map(([name, q]) => stat(`${id}_${name}`, q, period, undefined, false));
            const expression = prefixIdentifiers(check.expression, new Set(Object.keys(check.metrics)), `${id}_`);
            groups.push([...inputs, { Id: id, Expression: expression, Label: check.name, ReturnData: true }]);
        }
        return id;
    });
    return { batches: pack(groups), checkIds };
}
function stat(id, q, period, dimensions, returnData = true) {
    return {
        Id: id,
        MetricStat: {
            Metric: {
                Namespace: q.namespace,
                MetricName: q.metric,
                Dimensions: dimensions ?? Object.entries(q.dimensions).map(([Name, Value]) => ({ Name, Value })),
            },
            Period: period,
            Stat: q.stat,
        },
        ReturnData: returnData,
    };
}
/** Rewrites identifiers of an expression that name its inputs; quoted strings (SEARCH terms) are left alone. */
function prefixIdentifiers(expression, ids, prefix) {
    let out = '';
    let i = 0;
    while (i < expression.length) {
        const ch = expression.charAt(i);
        if (ch === '"' || ch === "'") {
            const close = expression.indexOf(ch, i + 1);
            const end = close === -1 ? expression.length : close + 1;
            out += expression.slice(i, end);
            i = end;
        }
        else if (/[A-Za-z_]/.test(ch)) {
            let j = i + 1;
            while (j < expression.length && /[A-Za-z0-9_]/.test(expression.charAt(j)))
                j++;
            const word = expression.slice(i, j);
            out += ids.has(word) ? prefix + word : word;
            i = j;
        }
        else if (/[0-9]/.test(ch)) {
            // A number (possibly followed by letters, e.g. 1e3) is never an id.
            let j = i + 1;
            while (j < expression.length && /[A-Za-z0-9_.]/.test(expression.charAt(j)))
                j++;
            out += expression.slice(i, j);
            i = j;
        }
        else {
            out += ch;
            i++;
        }
    }
    return out;
}
function pack(groups) {
    const batches = [];
    let current = [];
    for (const g of groups) {
        if (current.length + g.length > MAX_QUERIES_PER_CALL && current.length > 0) {
            batches.push(current);
            current = [];
        }
        current.push(...g);
    }
    if (current.length > 0)
        batches.push(current);
    return batches;
}

;// CONCATENATED MODULE: ./src/validate/cloudwatch.ts
// CloudWatch reads: GetMetricData (one call per ≤ 500 queries, paged), ListMetrics (only to tell a wrong
// api-name from a quiet API) and DescribeAlarms (metric and composite alarms).





async function fetchMetricData(deps, batches, window, deadline) {
    // When one batch fails for good, the others stop retrying: the round could not be read.
    const { deps: scoped, stop } = stoppable(deps);
    try {
        return await readBatches(scoped, batches, window, deadline);
    }
    finally {
        stop();
    }
}
async function readBatches(deps, batches, window, deadline) {
    const cw = deps.aws.get(client_cloudwatch_dist_cjs/* CloudWatchClient */.WBn);
    const series = new Map();
    const unreadable = new Map();
    const readBatch = (queries) => allPages(deps, deadline, (NextToken) => (0,aws_errors/* call */.T1)('cloudwatch', 'GetMetricData', () => cw.send(new client_cloudwatch_dist_cjs/* GetMetricDataCommand */.Soe({
        MetricDataQueries: queries,
        StartTime: new Date(window.start),
        EndTime: new Date(window.end),
        ScanBy: 'TimestampAscending',
        NextToken,
    }), { abortSignal: deps.signal })), (out) => out.NextToken);
    const pages = await Promise.all(batches.map(readBatch));
    // A result's points may continue on the next page: append by id.
    for (const r of pages.flat().flatMap((out) => out.MetricDataResults ?? [])) {
        const s = series.get(r.Id ?? '') ?? { timestamps: [], values: [] };
        s.timestamps.push(...(r.Timestamps ?? []).map((d) => d.getTime()));
        s.values.push(...(r.Values ?? []));
        series.set(r.Id ?? '', s);
        if (r.StatusCode === 'Forbidden' || r.StatusCode === 'InternalError') {
            const notes = (r.Messages ?? []).map((m) => m.Value).filter(Boolean);
            unreadable.set(r.Id ?? '', `GetMetricData answered ${r.StatusCode}${notes.length ? `: ${notes.join('; ')}` : ''}`);
        }
    }
    return { series, unreadable };
}
/** Whether CloudWatch lists the API's 5XXError metric (it lists metrics with data in the last two weeks). */
async function apiMetricPublished(deps, api, deadline) {
    const out = await patiently(deps, deadline, () => (0,aws_errors/* call */.T1)('cloudwatch', 'ListMetrics', () => deps.aws.get(client_cloudwatch_dist_cjs/* CloudWatchClient */.WBn).send(new client_cloudwatch_dist_cjs/* ListMetricsCommand */.tPF({
        Namespace: API_GATEWAY_NAMESPACE,
        MetricName: API_ERRORS_METRIC,
        Dimensions: apiDimensions(api),
    }), { abortSignal: deps.signal })));
    return (out.Metrics ?? []).length > 0;
}
async function describeAlarmStates(deps, names, deadline) {
    const cw = deps.aws.get(client_cloudwatch_dist_cjs/* CloudWatchClient */.WBn);
    const pages = await allPages(deps, deadline, (NextToken) => (0,aws_errors/* call */.T1)('cloudwatch', 'DescribeAlarms', () => cw.send(new client_cloudwatch_dist_cjs/* DescribeAlarmsCommand */.zWD({
        AlarmNames: names,
        // Without AlarmTypes only metric alarms come back: a composite alarm would look like a typo.
        AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
        NextToken,
    }), { abortSignal: deps.signal })), (out) => out.NextToken);
    return pages.flatMap((out) => [
        ...(out.MetricAlarms ?? []).map((a) => alarmState(a, 'metric')),
        ...(out.CompositeAlarms ?? []).map((a) => alarmState(a, 'composite')),
    ]);
}
const alarmState = (a, kind) => ({ name: a.AlarmName ?? '', kind, state: a.StateValue ?? '', reason: a.StateReason });

;// CONCATENATED MODULE: ./src/validate/window.ts
// The time window every metric check of one round reads. Pure.
//
// API Gateway and ALB metrics arrive about a minute late, so the window ends one whole minute before now.
// Datapoints from before the rollout ended describe the previous version, so the window never starts
// earlier than that (rounded up to the next whole minute: a minute that began under the old version is
// mixed). When that leaves less than asked, the window is "partial" and says so.
const MINUTE = 60_000;
/** How far behind now the window ends: the ingestion delay of vended metrics. */
const METRIC_LAG_MS = MINUTE;
const floorMinute = (ms) => Math.floor(ms / MINUTE) * MINUTE;
const ceilMinute = (ms) => Math.ceil(ms / MINUTE) * MINUTE;
function metricWindow(now, requestedMinutes, rolloutEndedAt) {
    const end = floorMinute(now - METRIC_LAG_MS);
    const wanted = end - requestedMinutes * MINUTE;
    const notBefore = rolloutEndedAt === undefined ? wanted : ceilMinute(rolloutEndedAt);
    const start = Math.min(end, Math.max(wanted, notBefore));
    const minutes = (end - start) / MINUTE;
    return { start, end, minutes, requestedMinutes, partial: minutes < requestedMinutes };
}
/** When the first complete minute after the rollout will be readable (the earliest useful judgement). */
function firstFullMinuteAt(rolloutEndedAt) {
    return ceilMinute(rolloutEndedAt) + MINUTE + METRIC_LAG_MS;
}
function describeWindow(w) {
    const hoursMinutes = (ms) => new Date(ms).toISOString().slice(11, 16);
    const span = `${hoursMinutes(w.start)}–${hoursMinutes(w.end)} UTC`;
    return w.partial
        ? `partial window: ${w.minutes} of ${w.requestedMinutes} min since the rollout ended (${span})`
        : `${w.minutes} min (${span})`;
}

;// CONCATENATED MODULE: ./src/validate/metric-verdict.ts


const API_CHECK_NAME = 'API 5XX error rate';
const pct = (r) => `${(r * 100).toFixed(r < 0.001 && r > 0 ? 3 : 2).replace(/\.?0+$/, '')}%`;
const sum = (s) => (s?.values ?? []).reduce((a, b) => a + b, 0);
function apiLabel(api) {
    return api.stage ? `API "${api.name}" stage "${api.stage}"` : `API "${api.name}"`;
}
/** Rate over the whole window: total errors ÷ total requests (never the newest point, never an average of rates). */
function errorRateCheck(input) {
    const { api, maxErrorRate, window } = input;
    const base = { name: API_CHECK_NAME, type: 'metric', threshold: maxErrorRate };
    if (window.minutes === 0) {
        return {
            ...base,
            status: 'no-data',
            value: null,
            message: `no complete minute of metrics since the rollout ended yet; the error rate of ${apiLabel(api)} was not measured`,
        };
    }
    const requests = sum(input.requests);
    const errors = sum(input.errors);
    if (requests === 0) {
        if (input.published === false) {
            return {
                ...base,
                status: 'fail',
                value: null,
                message: `${apiLabel(api)} has published no ${API_ERRORS_METRIC} metric to CloudWatch (${API_GATEWAY_NAMESPACE}) in the last two weeks: check api-name${api.stage ? ' and api-stage' : ''} (or set api-name: none)`,
            };
        }
        return {
            ...base,
            status: 'no-data',
            value: null,
            message: `no requests to ${apiLabel(api)} in the ${describeWindow(window)}: the error rate was not measured`,
        };
    }
    const rate = errors / requests;
    const newest = newestRate(input.errors, input.requests);
    const newestNote = newest !== undefined && Math.abs(newest - rate) > 1e-9 ? `; newest minute alone: ${pct(newest)}` : '';
    const failed = rate >= maxErrorRate;
    return {
        ...base,
        status: failed ? 'fail' : 'pass',
        value: round(rate),
        message: `${pct(rate)} of requests failed with 5XX (${errors} of ${requests}) over ${describeWindow(window)}: ${failed ? 'at or above' : 'below'} the limit ${pct(maxErrorRate)}${newestNote}`,
    };
}
function newestRate(errors, requests) {
    if (!requests || requests.timestamps.length === 0)
        return undefined;
    const t = Math.max(...requests.timestamps);
    const req = requests.values[requests.timestamps.indexOf(t)];
    if (!req)
        return undefined;
    const i = errors ? errors.timestamps.indexOf(t) : -1;
    return ((errors && i >= 0 ? errors.values[i] : 0) ?? 0) / req;
}
const round = (v) => Number(v.toPrecision(6));
function metricCheckRow(check, window, series) {
    const threshold = [
        check.min !== undefined ? `≥ ${check.min}` : undefined,
        check.max !== undefined ? `≤ ${check.max}` : undefined,
    ]
        .filter(Boolean)
        .join(' and ');
    const what = check.kind === 'metric' ? `${check.query.stat} of ${check.query.metric}` : check.expression;
    const base = { name: check.name, type: 'metric', threshold };
    const values = (series?.values ?? []).filter((v) => Number.isFinite(v));
    if (window.minutes === 0 || values.length === 0) {
        return {
            ...base,
            status: 'no-data',
            value: null,
            message: window.minutes === 0
                ? `no complete minute of metrics since the rollout ended yet: ${what} was not measured`
                : `no datapoints for ${what} in the ${describeWindow(window)}: not measured`,
        };
    }
    // One period spans the window, so there is one value; should CloudWatch split it, judge the worst.
    const breaches = values.filter((v) => (check.max !== undefined && v > check.max) || (check.min !== undefined && v < check.min));
    // values is not empty here (no datapoints returned above).
    const value = (breaches.length > 0 ? breaches[0] : values[0]) ?? Number.NaN;
    const failed = breaches.length > 0;
    const side = check.max !== undefined && value > check.max
        ? `above the maximum ${check.max}`
        : check.min !== undefined && value < check.min
            ? `below the minimum ${check.min}`
            : `within ${threshold}`;
    return {
        ...base,
        status: failed ? 'fail' : 'pass',
        value: round(value),
        message: `${what} = ${round(value)} over ${describeWindow(window)}: ${side}`,
    };
}

;// CONCATENATED MODULE: ./src/validate/health.ts






function hasHealthChecks(c) {
    return c.api !== undefined || c.metricChecks.length > 0 || c.alarmNames.length > 0;
}
/**
 * One round of reads; each is retried on transient failures until `deadline`. A check whose read still
 * failed is `unverified` (read.ts), never `fail`.
 */
async function healthRound(deps, config, rolloutEndedAt, deadline) {
    const at = deps.now();
    const window = metricWindow(at, config.windowMinutes, rolloutEndedAt);
    const plan = planMetricQueries(config.api, config.metricChecks, window.minutes);
    const [metrics, alarms] = await Promise.all([
        plan.batches.length > 0 && window.minutes > 0
            ? fetchMetricData(deps, plan.batches, window, deadline).then(({ series, unreadable }) => ({ ok: true, series, unreadable }), (error) => ({ ok: false, error: unreadableWhy(error) }))
            : Promise.resolve({
                ok: true,
                series: new Map(),
                unreadable: new Map(),
            }),
        config.alarmNames.length > 0
            ? describeAlarmStates(deps, config.alarmNames, deadline).then((found) => alarmRows(config.alarmNames, found), (error) => config.alarmNames.map((name) => unreadableRow(name, 'alarm', unreadableWhy(error), 'not ALARM')))
            : Promise.resolve([]),
    ]);
    const checks = [];
    if (config.api) {
        const problem = metrics.ok
            ? (metrics.unreadable.get(API_ERRORS_ID) ?? metrics.unreadable.get(API_REQUESTS_ID))
            : metrics.error;
        if (problem)
            checks.push(unreadableRow(API_CHECK_NAME, 'metric', problem, config.maxErrorRate));
        else if (metrics.ok) {
            const errors = metrics.series.get(API_ERRORS_ID);
            const requests = metrics.series.get(API_REQUESTS_ID);
            let published;
            const traffic = (requests?.values ?? []).some((v) => v > 0);
            if (!traffic && window.minutes > 0) {
                // No traffic, or no such API? Only CloudWatch's list of metrics can tell.
                published = await apiMetricPublished(deps, config.api, deadline).catch(() => undefined);
            }
            checks.push(errorRateCheck({
                api: config.api,
                maxErrorRate: config.maxErrorRate,
                window,
                errors,
                requests,
                published,
            }));
        }
    }
    config.metricChecks.forEach((check, i) => {
        const id = plan.checkIds[i] ?? '';
        const problem = metrics.ok ? metrics.unreadable.get(id) : metrics.error;
        checks.push(problem || !metrics.ok
            ? unreadableRow(check.name, 'metric', problem ?? 'unknown error')
            : metricCheckRow(check, window, metrics.series.get(id)));
    });
    checks.push(...alarms);
    return { at, window, checks };
}

;// CONCATENATED MODULE: ./src/validate/bake.ts
// Bake: after the first judgement, keep re-checking the service (bake-verdict.ts), metrics and alarms on an
// interval until bake-minutes have passed, stopping at the first breach; when the time is up, one full pass
// over the tasks. A round without data is not a breach (the first minutes after a rollout often have none);
// the last round's no-data rows are judged by on-missing-data as usual. Runs without any CloudWatch check too.
// A read that failed transiently is retried until the next round is due (the last round: until the step's
// deadline); a round whose reads still failed has `unverified` rows, which are no breach either: only the
// last round decides, and an `unverified` row there makes the step unverified, never a measured failure.



/**
 * CloudWatch's resolution for vended metrics is a minute: looking more often sees no new datapoint. A short
 * bake (under 3 min) still gets about three looks, never more than one per 5 s.
 */
function bakeIntervalMs(bakeMs) {
    return Math.min(MINUTE, Math.max(5_000, Math.round(bakeMs / 3)));
}
const breached = (round) => round.checks.some((c) => c.status === 'fail');
async function bake(deps, config, rolloutEndedAt, first, bakeMs, watch, 
/** The step's deadline: the last round's reads may retry until then. */
deadline) {
    const rounds = [first];
    const end = first.at + bakeMs;
    const interval = bakeIntervalMs(bakeMs);
    deps.log.info(`Baking for ${(0,format/* minutes */.Gx)(bakeMs)}: re-checking every ${interval / 1000} s`);
    while (!breached(rounds.at(-1) ?? first) && deps.now() < end) {
        await deps.sleep(Math.min(interval, end - deps.now()), deps.signal);
        if (deps.signal.aborted)
            return { rounds, cancelled: true };
        // A round's reads may retry until the next round is due; the last round's until the deadline.
        const patience = deps.now() >= end ? deadline : Math.min(deps.now() + interval, deadline);
        const [health, service] = await Promise.all([
            healthRound(deps, config, rolloutEndedAt, patience),
            watch.service(patience),
        ]);
        const round = { ...health, checks: [service, ...health.checks] };
        rounds.push(round);
        const bad = round.checks.filter((c) => c.status === 'fail');
        deps.log.info(`Round ${rounds.length}: ${bad.length ? `breach — ${bad.map((c) => `${c.name}: ${c.message}`).join('; ')}` : summary(round)}`);
    }
    const last = rounds.at(-1) ?? first;
    if (rounds.length > 1 && !breached(last)) {
        const tasks = await watch.tasks(deadline);
        last.checks.push(tasks);
        deps.log.info(`End of the bake, every task: ${tasks.status} — ${tasks.message}`);
    }
    return { rounds, cancelled: false };
}
function summary(round) {
    const count = (s) => round.checks.filter((c) => c.status === s).length;
    const unread = count('unverified');
    return `${count('pass')} pass, ${count('fail')} fail, ${count('no-data')} no data${unread ? `, ${unread} not verified (could not be read)` : ''}`;
}

;// CONCATENATED MODULE: ./src/validate/bake-verdict.ts




const BAKE_SERVICE_CHECK = 'service during bake';
const BAKE_TASKS_CHECK = 'tasks during bake';
/** The PRIMARY deployment (or task set) a bake must keep seeing. */
function primaryUnit(s) {
    if (usesTaskSets(s)) {
        const set = primaryTaskSetOf(s);
        return { id: set?.id, taskDefinition: set?.taskDefinition, failedTasks: 0 };
    }
    const p = primaryOf(s);
    return { id: p?.id, taskDefinition: p?.taskDefinition, failedTasks: p?.failedTasks ?? 0 };
}
function judgeBakeService(before, now) {
    const base = { name: BAKE_SERVICE_CHECK, type: 'rollout', threshold: 'running = desired, same deployment' };
    const was = primaryUnit(before);
    const is = primaryUnit(now);
    const problems = [];
    if (now.status !== 'ACTIVE')
        problems.push(`the service is ${now.status}, not ACTIVE`);
    if (is.id !== was.id) {
        problems.push(`the PRIMARY ${usesTaskSets(now) ? 'task set' : 'deployment'} changed during the bake: ${is.id ?? 'none'} on ${shortTd(is.taskDefinition)} replaced ${was.id} on ${shortTd(was.taskDefinition)} (a new deployment or a rollback)`);
    }
    const failed = (now.deployments ?? []).find((d) => d.rolloutState === 'FAILED');
    if (failed)
        problems.push(`deployment ${failed.id} FAILED (${failed.rolloutStateReason ?? 'no reason given'})`);
    if (is.id === was.id && is.failedTasks > was.failedTasks) {
        problems.push(`${is.failedTasks - was.failedTasks} task launch(es) of the deployment failed during the bake`);
    }
    const set = usesTaskSets(now) ? primaryTaskSetOf(now) : undefined;
    if (set && set.stabilityStatus !== 'STEADY_STATE')
        problems.push(`the PRIMARY task set is ${set.stabilityStatus}`);
    const running = now.runningCount ?? 0;
    const desired = now.desiredCount ?? 0;
    if (running < desired)
        problems.push(`${running} of ${desired} desired tasks are running`);
    const value = `${running}/${desired}`;
    if (problems.length > 0) {
        return { ...base, status: 'fail', value, message: (0,format/* capitalise */.sK)(problems.join('; ')) };
    }
    return {
        ...base,
        status: 'pass',
        value,
        message: `${running} of ${desired} tasks running, still ${is.id} on ${shortTd(is.taskDefinition)}`,
    };
}
/** The end-of-bake pass: every task as before the bake, and no task crashed since the bake began. */
function judgeBakeTasks(input) {
    const crashed = input.stoppedSince.filter((t) => (t.stoppedAt?.getTime() ?? 0) >= input.since && isCrash(t));
    const row = { ...judgeTasks({ ...input, stopped: undefined }), name: BAKE_TASKS_CHECK };
    if (crashed.length === 0)
        return row;
    const shown = crashed.slice(0, 3).map(describeStop).join(', ');
    const more = crashed.length > 3 ? ` and ${crashed.length - 3} more` : '';
    return {
        ...row,
        status: 'fail',
        message: `${crashed.length} task${crashed.length === 1 ? '' : 's'} crashed during the bake (replaced by the scheduler): ${shown}${more}; at the end: ${row.message}`,
    };
}

;// CONCATENATED MODULE: ./src/validate/rows.ts

function failRow(name, type, message) {
    return { name, type, status: 'fail', value: null, threshold: null, message };
}
/** Skip rows for every configured check, so the table still shows what was not looked at and why. */
function notChecked(config, why) {
    const skip = (name, type) => ({
        name,
        type,
        status: 'skip',
        value: null,
        threshold: null,
        message: `not checked: ${why}`,
    });
    return [
        skip('tasks', 'task'),
        skip('version', 'version'),
        ...(config.api ? [skip(API_CHECK_NAME, 'metric')] : []),
        ...config.metricChecks.map((c) => skip(c.name, 'metric')),
        ...config.alarmNames.map((n) => skip(n, 'alarm')),
    ];
}
/** The CloudWatch rows of notChecked: the ECS ones were looked at. */
function healthNotChecked(config, why) {
    return notChecked(config, why).filter((c) => !['tasks', 'version'].includes(c.name));
}

;// CONCATENATED MODULE: ./src/validate/bake-watch.ts






function bakeWatch(deps, target, before) {
    const since = deps.now();
    return {
        service: (deadline) => describeService(deps, target, deadline).then((now) => judgeBakeService(before, now), (e) => 
        // The service gone is a breach; a look that could not be read is none (not verified).
        e instanceof TargetNotFound
            ? failRow(BAKE_SERVICE_CHECK, 'rollout', e.message)
            : unreadableRow(BAKE_SERVICE_CHECK, 'rollout', unreadableWhy(e))),
        tasks: (deadline) => everyTask(deps, target, since, deadline),
    };
}
/** The bake's last look: every task running, and those stopped since the bake began. */
async function everyTask(deps, target, since, deadline) {
    // When one read fails for good, the others stop retrying.
    const scoped = stoppable(deps);
    try {
        const [now, running, stopped] = await Promise.all([
            describeService(scoped.deps, target, deadline),
            tallyRunningTasks(scoped.deps, target, { deadline }),
            collectTasks(scoped.deps, target, { desiredStatus: 'STOPPED', maxPages: 1, deadline }),
        ]);
        return judgeBakeTasks({
            tasks: running.tasks,
            missing: running.missing,
            desiredCount: now.desiredCount ?? 0,
            primaryTaskDefinition: primaryTaskDefinitionOf(now),
            stoppedSince: stopped.tasks,
            since,
        });
    }
    catch (e) {
        return e instanceof TargetNotFound
            ? failRow(BAKE_TASKS_CHECK, 'task', e.message)
            : unreadableRow(BAKE_TASKS_CHECK, 'task', unreadableWhy(e));
    }
    finally {
        scoped.stop();
    }
}

;// CONCATENATED MODULE: ./src/validate/check-health.ts






/** Every check, ECS and CloudWatch; a cancel (during the bake, or before) ends the step with them. */
async function checkHealth(step, service, ecs, firstRound) {
    const { config, deps } = step;
    const watched = ecs.rollout.check.status === 'pass'
        ? await watch(step, service, ecs, await firstRound)
        : { rounds: [], cancelled: false };
    const findings = findingsOf(step, ecs, watched.rounds);
    if (watched.cancelled || deps.signal.aborted)
        return cancelledWhile(findings, config.bakeMs > 0 ? 'cancelled during the bake' : 'cancelled while checking the service');
    return findings;
}
/** The first round, logged; then the bake, unless the step is decided already. */
async function watch(step, service, ecs, first) {
    const { config, deps, deadline } = step;
    if (first) {
        await deps.log.group('CloudWatch metrics and alarms', async () => {
            if (first.waited)
                deps.log.info(first.waited);
            for (const c of first.checks)
                deps.log.info(`${c.name} ${c.status}: ${c.message}`);
            deps.log.info(summary(first));
        });
    }
    // A failed or unverified ECS check decides the step already: baking would not change the verdict.
    const ecsDecided = ecs.checks.some((c) => c.status === 'fail' || c.status === 'unverified');
    if (config.bakeMs === 0 || ecsDecided || (first && breached(first)))
        return { rounds: first ? [first] : [], cancelled: false };
    const endedAt = ecs.rollout.rolloutEndedAt;
    // Without CloudWatch checks the bake still watches the service: an empty first round (no calls).
    const start = first ?? (await healthRound(deps, config, endedAt, deadline));
    return deps.log.group('Bake', () => bake(deps, config, endedAt, start, config.bakeMs, bakeWatch(deps, step.target, service), deadline));
}
/**
 * The last round decides, and says what is finally not verified: the bake stops at its first breach, so a
 * breach is always the last round, and an earlier round's missing data was looked at again since.
 */
function findingsOf(step, ecs, rounds) {
    const { config } = step;
    const notes = [...ecs.notes];
    let health = [];
    if (ecs.rollout.check.status !== 'pass') {
        const why = ecs.rollout.check.status === 'unverified'
            ? 'the rollout could not be verified'
            : 'the rollout did not succeed';
        health = healthNotChecked(config, why);
    }
    const decisive = rounds.at(-1);
    if (decisive) {
        health = decisive.checks;
        if (decisive.window.partial && (config.api || config.metricChecks.length > 0))
            notes.push(`metrics: ${describeWindow(decisive.window)}; the rest of the asked window predates the rollout`);
    }
    return {
        checks: [...ecs.checks, ...health],
        rounds: config.bakeMs > 0 && rounds.length > 0
            ? rounds.map((r) => ({ at: new Date(r.at).toISOString(), checks: r.checks }))
            : undefined,
        unverified: notes,
    };
}

;// CONCATENATED MODULE: ./src/validate/first-round.ts
// The first round of CloudWatch checks, started as soon as the rollout passed, while the tasks are still
// being read. It does not log: its lines are printed after the ECS checks, in their own group.


/** The first round when there is one to make: the rollout passed and CloudWatch checks are configured. */
function startFirstRound(step, rollout) {
    return rollout.check.status === 'pass' && hasHealthChecks(step.config)
        ? firstRound(step, rollout)
        : Promise.resolve(undefined);
}
/** When the rollout has just ended (and there is no bake), first wait for one complete minute of metrics. */
async function firstRound(step, rollout) {
    const { config, deps, startedAt } = step;
    const ended = rollout.rolloutEndedAt;
    const metrics = config.api !== undefined || config.metricChecks.length > 0;
    let waited;
    if (metrics && ended !== undefined && config.bakeMs === 0) {
        const ready = firstFullMinuteAt(ended);
        if (deps.now() < ready && ready <= startedAt + config.timeoutMs) {
            waited = `The rollout ended at ${new Date(ended).toISOString()}: waited ${Math.ceil((ready - deps.now()) / 1000)} s for the first complete minute of metrics of the new version`;
            await deps.sleep(ready - deps.now(), deps.signal);
        }
    }
    return { ...(await healthRound(deps, config, ended, startedAt + config.timeoutMs)), waited };
}

;// CONCATENATED MODULE: ./src/validate/observe-rollout.ts







/** The service, once its rollout settled (or the wait ended); `early` is stopped when it will not be used. */
async function observeRollout(step, early) {
    const { config, deps } = step;
    try {
        return await deps.log.group(`Rollout of ECS service ${config.service} (cluster ${config.cluster})`, () => lookThenWait(step, early));
    }
    catch (e) {
        early.stop();
        return unobserved(step, e);
    }
}
async function lookThenWait(step, early) {
    const { config, deps, target, deadline, startedAt } = step;
    const first = await describeService(deps, target, deadline);
    deps.log.info(progressLine(first));
    if (!config.waitForStable || rolloutSettled(first))
        return { service: first, firstLook: true };
    // Leave the bake its time inside the step's timeout.
    const waited = await waitForRollout(deps, target, first, startedAt + config.timeoutMs - config.bakeMs, waitBudget(config.timeoutMs, config.bakeMs));
    early.stop();
    const service = waited.service;
    if (waited.cancelled)
        return cancelledWhile(nothing(), `cancelled while waiting for the rollout (${progressLine(service)})`);
    if (waited.unreadable === undefined) {
        deps.log.info(`Settled after ${waited.polls} more look(s): ${progressLine(service)}`);
        return { service, firstLook: false, timedOutAfterMs: waited.timedOutAfterMs };
    }
    const unreadable = { why: waited.unreadable, lastLookAt: waited.lastLookAt };
    return { service, firstLook: false, timedOutAfterMs: waited.timedOutAfterMs, unreadable };
}
const nothing = () => ({ checks: [], unverified: [] });
/** Why the service could not be looked at, as the step's end; anything but a failed AWS call is a bug. */
function unobserved(step, e) {
    const { config, deps } = step;
    if ((0,cancel/* wasCancelled */.r)(e, deps.signal))
        return cancelledWhile(nothing(), 'cancelled while reading the service');
    if (e instanceof TargetNotFound) {
        const checks = [
            failRow('rollout', 'rollout', e.message),
            ...notChecked(config, 'the service could not be found'),
        ];
        const rollback = config.rollback === 'none'
            ? undefined
            : { mode: config.rollback, done: false, message: 'not attempted: the service was not found' };
        return new Ending({ checks, unverified: [], rollback }, `Validation failed: ${e.message}`);
    }
    if (e instanceof aws_errors/* AwsCallError */.iQ) {
        // DescribeServices could not be read until the deadline (or was refused): nothing was measured.
        const checks = [
            unreadableRow('rollout', 'rollout', unreadableWhy(e)),
            ...notChecked(config, 'the service could not be read'),
        ];
        return new Ending({ checks, unverified: [] });
    }
    throw e;
}
/**
 * The rollout check. When the wait ended because DescribeServices could not be read, the state at the deadline
 * is not known, and an unfinished rollout seen earlier is no measured failure.
 */
function judgeObserved(step, observed, history) {
    const { config, deps } = step;
    const judged = judgeRollout({
        service: observed.service,
        history,
        timedOutAfterMs: observed.timedOutAfterMs,
        waitForStable: config.waitForStable,
        waitBudget: waitBudget(config.timeoutMs, config.bakeMs),
    });
    const unread = observed.unreadable;
    if (unread === undefined || judged.check.status === 'pass')
        return judged;
    const ago = unread.lastLookAt === undefined
        ? ''
        : ` (${Math.round((deps.now() - unread.lastLookAt) / 1000)} s earlier)`;
    const why = `${unread.why}; the last look that succeeded${ago} showed ${progressLine(observed.service)}`;
    return { ...judged, check: unreadableRow('rollout', 'rollout', why, judged.check.threshold) };
}

// EXTERNAL MODULE: ./src/commits.ts
var commits = __webpack_require__(5477);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-codepipeline/dist-cjs/index.js
var client_codepipeline_dist_cjs = __webpack_require__(8232);
;// CONCATENATED MODULE: ./src/validate/rollback/pipeline.ts
// rollback: pipeline — RollbackStage of the Deploy stage to the newest execution that succeeded in that
// stage before the commit being judged, on the current pipeline version (RollbackStage refuses targets from
// older versions and of the ROLLBACK type, and is not available in PARALLEL mode). Never a second rollback.




/** How many older successful executions are checked for the current pipeline version before giving up. */
const MAX_CANDIDATES = 10;
/** The stage that deploys this service: its ECS action names the cluster and service; else "Deploy". */
function deployStageOf(stages, t) {
    const deploys = (s) => (s.actions ?? []).some((a) => a.actionTypeId?.category === 'Deploy' &&
        (a.actionTypeId.provider === 'ECS' || a.actionTypeId.provider === 'CodeDeployToECS') &&
        (a.configuration?.ServiceName === undefined || a.configuration.ServiceName === t.service) &&
        (a.configuration?.ClusterName === undefined || a.configuration.ClusterName === t.cluster));
    return (stages.find(deploys) ?? stages.find((s) => s.name === 'Deploy'))?.name;
}
/**
 * The executions RollbackStage may target, best first. Candidates succeeded in the stage; the target is the
 * newest of them that
 * - is not the stage's latest execution (RollbackStage refuses it) and is not a ROLLBACK execution (AWS: "You
 *   cannot roll back to a target execution ID that is a rollback execution type"). A ROLLBACK execution
 *   ran its own target's revision, so the executions between it and that target, which it rolled back, are
 *   passed over too and its target is the next candidate;
 * - started before the newest execution of the commit being judged, and does not carry that commit: rolling
 *   "back" to the version that failed validation, or to one newer than it, is no rollback.
 * Pure.
 */
function rollbackCandidates(succeeded, current, commitSha) {
    const newestFirst = [...succeeded]
        .filter((e) => e.pipelineExecutionId)
        .sort((a, b) => (b.startTime?.getTime() ?? 0) - (a.startTime?.getTime() ?? 0));
    const carries = (e) => commitSha !== undefined && (e.sourceRevisions ?? []).some((r) => (0,commits/* sameCommit */.Kd)(r.revisionId, commitSha));
    const judged = newestFirst.find(carries);
    const before = judged?.startTime?.getTime() ?? Infinity;
    const out = [];
    let skipUntil;
    for (const e of newestFirst) {
        if (skipUntil !== undefined) {
            if (e.pipelineExecutionId !== skipUntil)
                continue;
            skipUntil = undefined;
        }
        if (e.executionType === 'ROLLBACK') {
            skipUntil = e.rollbackMetadata?.rollbackTargetPipelineExecutionId;
            continue;
        }
        if (e.pipelineExecutionId === current || carries(e))
            continue;
        if ((e.startTime?.getTime() ?? 0) >= before)
            continue;
        out.push(e);
    }
    return { candidates: out, judged };
}
async function rollbackPipeline(deps, pipelineName, t, commitSha, 
/** Its reads are retried on transient failures until then; a read that still fails means no rollback. */
deadline) {
    const result = (done, message) => ({ mode: 'pipeline', done, message });
    const p = {
        name: pipelineName,
        cp: deps.aws.get(client_codepipeline_dist_cjs/* CodePipelineClient */.pEs),
        opts: { abortSignal: deps.signal },
        read: (operation, fn) => patiently(deps, deadline, () => (0,aws_errors/* call */.T1)('codepipeline', operation, fn)),
    };
    try {
        const stage = await stageToRollBack(p, t);
        if (typeof stage === 'string')
            return result(false, stage);
        const { stageName, current } = stage;
        const listed = await p.read('ListPipelineExecutions', () => p.cp.send(new client_codepipeline_dist_cjs/* ListPipelineExecutionsCommand */.bni({
            pipelineName,
            maxResults: 100,
            filter: { succeededInStage: { stageName } },
        }), p.opts));
        const { candidates, judged } = rollbackCandidates(listed.pipelineExecutionSummaries ?? [], current, commitSha);
        // What is rolled back: the newest execution of the judged commit, else the stage's latest.
        const from = judged && commitSha !== undefined
            ? `${judged.pipelineExecutionId} (commit ${(0,commits/* shortSha */.Fu)(commitSha)}, being judged)`
            : current;
        const target = await firstOnVersion(p, candidates.slice(0, MAX_CANDIDATES), stage.version);
        if (!target) {
            return result(false, `not possible: no execution succeeded in stage "${stageName}" before ${from} on the current pipeline version ${stage.version} (rollback executions cannot be targeted)`);
        }
        const started = await (0,aws_errors/* call */.T1)('codepipeline', 'RollbackStage', () => p.cp.send(new client_codepipeline_dist_cjs/* RollbackStageCommand */.K70({
            pipelineName,
            stageName,
            targetPipelineExecutionId: target.pipelineExecutionId,
        }), p.opts));
        const revision = target.sourceRevisions?.[0]?.revisionId;
        const commit = revision && (0,commits/* shortSha */.Fu)(revision);
        return result(true, `RollbackStage started execution ${started.pipelineExecutionId}: stage "${stageName}" goes back to execution ${target.pipelineExecutionId}${commit ? ` (commit ${commit})` : ''}, the last that succeeded in it before ${from} (not waited for)`);
    }
    catch (e) {
        return result(false, `failed: ${(0,aws_errors/* describeError */.Uc)(e)}`);
    }
}
/** The stage that deploys the service and its latest execution; or why no rollback is possible or needed. */
async function stageToRollBack(p, t) {
    const { pipeline } = await p.read('GetPipeline', () => p.cp.send(new client_codepipeline_dist_cjs/* GetPipelineCommand */.YeD({ name: p.name }), p.opts));
    if (pipeline?.executionMode === 'PARALLEL')
        return `not possible: pipeline "${p.name}" runs in PARALLEL mode, where CodePipeline offers no stage rollback`;
    const stageName = deployStageOf(pipeline?.stages ?? [], t);
    if (!stageName)
        return `not possible: pipeline "${p.name}" has no stage that deploys ECS service "${t.service}"`;
    const state = await p.read('GetPipelineState', () => p.cp.send(new client_codepipeline_dist_cjs/* GetPipelineStateCommand */.dz2({ name: p.name }), p.opts));
    const latest = state.stageStates?.find((s) => s.stageName === stageName)?.latestExecution;
    const current = latest?.pipelineExecutionId;
    if (!current)
        return `not possible: stage "${stageName}" has never run`;
    // A re-run after an earlier rollback: rolling back the rollback would redeploy what failed.
    if (latest.type === 'ROLLBACK')
        return `not needed: stage "${stageName}" was already rolled back (its latest execution ${current} is a ROLLBACK, ${latest.status}); no new rollback was started`;
    return { stageName, current, version: pipeline?.version };
}
/** The first candidate that ran on the current pipeline version and is no rollback (RollbackStage's rules). */
async function firstOnVersion(p, candidates, version) {
    for (const c of candidates) {
        const { pipelineExecution } = await p.read('GetPipelineExecution', () => p.cp.send(new client_codepipeline_dist_cjs/* GetPipelineExecutionCommand */.qZw({ pipelineName: p.name, pipelineExecutionId: c.pipelineExecutionId }), p.opts));
        if (pipelineExecution?.pipelineVersion !== version)
            continue;
        if (pipelineExecution?.executionType === 'ROLLBACK')
            continue;
        return c;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/validate/rollback/service.ts
// rollback: service — UpdateService back to the task definition the service ran before this deployment,
// as the service's deployment history records it (not "revision N−1", which may never have run).





const ALREADY_ROLLED_BACK = new Set(['ROLLBACK_IN_PROGRESS', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_REQUESTED']);
async function rollbackService(deps, t, service, history, expectedImageTag, 
/** Its reads are retried on transient failures until then; a read that still fails means no rollback. */
deadline) {
    const result = (done, message) => ({ mode: 'service', done, message });
    const undo = deploymentToUndo(service, history);
    if ('refused' in undo)
        return result(false, undo.refused);
    try {
        const before = await revisionBefore(deps, undo.arn, deadline);
        if ('refused' in before)
            return result(false, before.refused);
        const previous = before.taskDefinition;
        const refused = refuseTarget({
            target: previous,
            images: before.images,
            running: primaryOf(service)?.taskDefinition,
            expectedImageTag,
        });
        if (refused)
            return result(false, refused);
        await (0,aws_errors/* call */.T1)('ecs', 'UpdateService', () => deps.aws
            .get(dist_cjs/* ECSClient */.Zgc)
            .send(new dist_cjs/* UpdateServiceCommand */.kZr({ cluster: t.cluster, service: t.service, taskDefinition: previous }), {
            abortSignal: deps.signal,
        }));
        return result(true, `UpdateService started a deployment back to ${shortTd(previous)}, the task definition the service ran before this deployment (not waited for)`);
    }
    catch (e) {
        return result(false, `failed: ${(0,aws_errors/* describeError */.Uc)(e)}`);
    }
}
/** The service deployment to undo (the latest), or why there is none a rollback here may undo. */
function deploymentToUndo(service, history) {
    const controller = controllerOf(service);
    if (controller !== 'ECS') {
        return {
            refused: `not possible: the service uses the ${controller} deployment controller, whose task definition only ${controller === 'CODE_DEPLOY' ? 'CodeDeploy' : 'the external controller'} can change; roll back there`,
        };
    }
    if (history.kind === 'unavailable')
        return { refused: `not done: the deployment history could not be read (${history.reason})` };
    const latest = history.latest;
    if (!latest?.serviceDeploymentArn)
        return { refused: 'not done: the service has no deployment history' };
    if (ALREADY_ROLLED_BACK.has(latest.status ?? '')) {
        return {
            refused: `not needed: ECS already rolled the deployment back (${latest.status}); the service runs ${shortTd(primaryOf(service)?.taskDefinition)}`,
        };
    }
    return { arn: latest.serviceDeploymentArn };
}
/** The task definition (and its images) the service ran before the deployment, as ECS recorded it. */
async function revisionBefore(deps, deploymentArn, deadline) {
    const ecs = deps.aws.get(dist_cjs/* ECSClient */.Zgc);
    const described = await patiently(deps, deadline, () => (0,aws_errors/* call */.T1)('ecs', 'DescribeServiceDeployments', () => ecs.send(new dist_cjs/* DescribeServiceDeploymentsCommand */.A6p({ serviceDeploymentArns: [deploymentArn] }), {
        abortSignal: deps.signal,
    })));
    const sources = described.serviceDeployments?.[0]?.sourceServiceRevisions ?? [];
    // Several sources when a deployment replaced an unfinished one: the one that ran the most tasks.
    const source = [...sources].sort((a, b) => (b.runningTaskCount ?? 0) - (a.runningTaskCount ?? 0))[0];
    const revisionArn = source?.arn;
    if (!revisionArn)
        return {
            refused: "not possible: this was the service's first deployment; there is no previous task definition",
        };
    const revisions = await patiently(deps, deadline, () => (0,aws_errors/* call */.T1)('ecs', 'DescribeServiceRevisions', () => ecs.send(new dist_cjs/* DescribeServiceRevisionsCommand */.oF5({ serviceRevisionArns: [revisionArn] }), {
        abortSignal: deps.signal,
    })));
    const revision = revisions.serviceRevisions?.[0];
    const taskDefinition = revision?.taskDefinition;
    if (!taskDefinition)
        return { refused: `not done: the previous service revision ${revisionArn} could not be read` };
    return { taskDefinition, images: (revision.containerImages ?? []).map((c) => c.image ?? '') };
}
const taskDefinitionRevision = (arn) => {
    const m = /task-definition\/([^:]+):(\d+)$/.exec(arn);
    return m?.[1] && m[2] ? { family: m[1], revision: Number(m[2]) } : undefined;
};
/**
 * Why the task definition the service ran before its latest deployment must not be rolled back to, or
 * undefined when it may. After an earlier rollback (ours or anyone's UpdateService back to an old revision)
 * the latest deployment IS that rollback, and what ran before it is the version that failed: going "back"
 * there would redeploy it. Pure.
 */
function refuseTarget(f) {
    if (f.target === f.running) {
        return `not needed: the PRIMARY deployment already runs ${shortTd(f.target)}, the task definition the service ran before its latest deployment`;
    }
    if (f.expectedImageTag && f.images.some((i) => imageTag(i) === f.expectedImageTag)) {
        return `not done: ${shortTd(f.target)}, which the service ran before its latest deployment, carries the expected tag "${f.expectedImageTag}" — the version being judged; the latest deployment (to ${shortTd(f.running)}) looks like an earlier rollback, and rolling back again would redeploy the version that failed`;
    }
    const target = f.target ? taskDefinitionRevision(f.target) : undefined;
    const running = f.running ? taskDefinitionRevision(f.running) : undefined;
    if (target && running && target.family === running.family && target.revision > running.revision) {
        return `not done: the latest deployment went from ${shortTd(f.target)} back to the older ${shortTd(f.running)} — it looks like an earlier rollback; rolling back again would redeploy ${shortTd(f.target)}`;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/validate/rollback/on-failure.ts



async function rollBackIfMeasured(step, checks, service, history) {
    const { config, deps, target, deadline } = step;
    if (config.rollback === 'none')
        return undefined;
    const { failure } = judge(checks, config.onMissingData, target);
    if (failure === 'unverified')
        deps.log.info(`Rollback (${config.rollback}): ${notMeasured(checks)}`);
    if (failure !== 'measured')
        return undefined;
    return deps.log.group(`Rollback (${config.rollback})`, async () => {
        const r = config.rollback === 'pipeline'
            ? await rollbackPipeline(deps, config.pipelineName, target, config.commitSha, deadline)
            : await rollbackService(deps, target, service, history, config.expectedImageTag, deadline);
        deps.log.info(r.message);
        return r;
    });
}

;// CONCATENATED MODULE: ./src/validate/step.ts
function startStep(config, deps) {
    const startedAt = deps.now();
    return {
        config,
        deps,
        target: { cluster: config.cluster, service: config.service, region: config.region },
        startedAt,
        deadline: startedAt + config.timeoutMs,
    };
}

;// CONCATENATED MODULE: ./src/validate/run.ts








async function run(config, deps) {
    const step = startStep(config, deps);
    // ListTasks pages are the critical path at scale: the first is asked for alongside the first
    // DescribeServices, and used only if that first look is the one judged (no wait in between).
    const early = askFirstPage(deps, step.target, step.deadline);
    const observed = await observeRollout(step, early);
    if (observed instanceof Ending)
        return finish(step, observed);
    const reads = startEcsReads(step, observed, early);
    const history = await reads.history;
    const rollout = judgeObserved(step, observed, history);
    // CloudWatch's first round runs while the tasks are being read.
    const firstRound = startFirstRound(step, rollout);
    const ecs = await checkEcs(step, observed, rollout, reads, early);
    if (ecs instanceof Ending)
        return finish(step, ecs);
    const findings = await checkHealth(step, observed.service, ecs, firstRound);
    if (findings instanceof Ending)
        return finish(step, findings);
    const rollback = await rollBackIfMeasured(step, findings.checks, observed.service, history);
    return finish(step, { ...findings, rollback });
}


/***/ })

};

//# sourceMappingURL=971.index.js.map