export const id = 918;
export const ids = [918];
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

/***/ 918:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runServices: () => (/* binding */ runServices)
});

// EXTERNAL MODULE: ../src/result.ts
var result = __webpack_require__(6738);
;// CONCATENATED MODULE: ../src/validate/measured.ts
/** A failure of the new revision, measured: a write may act on it. */
const measuredFailure = (c) => c.status === 'fail' && c.measured !== false;
/** A name in the configuration that names nothing (a typo): the step fails, nothing acts on it. */
const configurationError = (c) => c.status === 'fail' && c.measured === false;
/** A `fail` row for a name that names nothing: a configuration error, not a measurement of the release. */
function configurationErrorRow(row) {
    return { ...row, status: 'fail', measured: false };
}
/** Why no write acts on these rows, for the hook's answer and the rollback. */
function notAMeasurement(rows) {
    const names = rows.map((c) => `"${c.name}"`).join(', ');
    return `${names}: the configuration names no such alarm/API — a configuration error, not a measurement of the release; no rollback`;
}

;// CONCATENATED MODULE: ../src/validate/verdict.ts

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
    const failed = checks.filter(measuredFailure);
    const misconfigured = checks.filter(configurationError);
    const noData = checks.filter((c) => c.status === 'no-data');
    const unread = checks.filter((c) => c.status === 'unverified');
    const unverified = [...unread.map(noDataLine), ...noData.map(noDataLine), ...notes];
    const measured = onMissingData === 'fail' ? [...failed, ...noData] : failed;
    // Measured failures lead: they are what a rollback acts on; configuration errors follow.
    const blocking = [...measured, ...misconfigured];
    const first = blocking[0];
    if (first) {
        const more = blocking.length > 1
            ? ` (and ${blocking.length - 1} more failed check${blocking.length > 2 ? 's' : ''}: ${names(blocking.slice(1))})`
            : '';
        const alsoUnread = unread.length > 0 ? `; not verified: ${names(unread)}` : '';
        const why = first.status === 'no-data' ? `no data (on-missing-data: fail) — ${first.message}` : first.message;
        return {
            verdict: 'failure',
            failure: measured.length > 0 ? 'measured' : 'configuration',
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
    return {
        verdict: 'success',
        reason: clip(`Validation of ${where} passed: ${passedCount(checks, unverified)}`),
        unverified,
    };
}
/** `5 of 6 checks passed; 1 thing not verified`: what a passing service's reason says after "passed: ". */
function passedCount(checks, unverified) {
    const passed = checks.filter((c) => c.status === 'pass').length;
    const notVerified = unverified.length ? `; ${plural(unverified.length, 'thing')} not verified` : '';
    return `${passed} of ${checks.length} checks passed${notVerified}`;
}
/** Why a configured rollback was not made: no check measured a failure; these could not be read, or name nothing. */
function notMeasured(checks) {
    const misconfigured = checks.filter(configurationError);
    if (misconfigured.length > 0)
        return `not done — ${notAMeasurement(misconfigured)}`;
    const unread = checks.filter((c) => c.status === 'unverified').map((c) => c.name);
    return `not done — nothing was rolled back because the failure was not measured: ${unread.join(', ')} could not be verified, and a rollback acts only on a measured failure`;
}

;// CONCATENATED MODULE: ../src/validate/finish.ts
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
    // A failure that was not measured (unread, or a name that names nothing) is never acted on, and the report says so.
    const notActedOn = judgement.failure === 'unverified' || judgement.failure === 'configuration';
    const rollback = findings.rollback ??
        (notActedOn && config.rollback !== 'none' && !cancelled
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

// EXTERNAL MODULE: ../src/backoff.ts
var backoff = __webpack_require__(6383);
// EXTERNAL MODULE: ../src/aws-errors.ts
var aws_errors = __webpack_require__(8604);
;// CONCATENATED MODULE: ../src/validate/read.ts
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

// EXTERNAL MODULE: ../src/format.ts
var format = __webpack_require__(8904);
;// CONCATENATED MODULE: ../src/validate/deployment-phase.ts

const DEPLOYMENT_CHECK = 'deployment';
const ROW = { name: DEPLOYMENT_CHECK, type: 'rollout', threshold: 'service deployment SUCCESSFUL' };
const MINUTE = 60_000;
/** The service's strategy when it is one of ECS's own traffic-shifting ones (not ROLLING). */
function nativeStrategyOf(service) {
    const s = service.deploymentConfiguration?.strategy;
    return s === 'BLUE_GREEN' || s === 'LINEAR' || s === 'CANARY' ? s : undefined;
}
const TERMINAL = new Set(['SUCCESSFUL', 'STOPPED', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED']);
/** Whether the deployment reached its end (either way): nothing more will change. */
function deploymentEnded(sd) {
    return TERMINAL.has(sd.status ?? '');
}
/** The PAUSE hook the deployment waits at, if any. */
function pausedHook(sd) {
    return (sd.lifecycleHookDetails ?? []).find((h) => h.targetType === 'PAUSE' && h.status === 'AWAITING_ACTION');
}
const pct = (n) => (n === undefined ? '?' : `${Math.round(n * 10) / 10} %`);
/** `BLUE_GREEN IN_PROGRESS at BAKE_TIME — production traffic 100 %, test 100 %; new revision 3/3 running`. */
function phaseLine(sd) {
    const strategy = sd.deploymentConfiguration?.strategy ?? 'ROLLING';
    const stage = sd.lifecycleStage ? ` at ${sd.lifecycleStage}` : '';
    const target = sd.targetServiceRevision;
    const traffic = target?.requestedProductionTrafficWeight !== undefined
        ? `production traffic ${pct(target.requestedProductionTrafficWeight)}, test ${pct(target.requestedTestTrafficWeight)}; `
        : '';
    const tasks = `new revision ${target?.runningTaskCount ?? 0}/${target?.requestedTaskCount ?? 0} running`;
    const hooks = (sd.lifecycleHookDetails ?? [])
        .map((h) => `; ${h.targetType} hook ${h.status}${h.status === 'AWAITING_ACTION' ? ` until ${h.expiresAt?.toISOString()} (then ${h.timeoutAction})` : ''}`)
        .join('');
    return `${strategy} deployment ${sd.status ?? 'UNKNOWN'}${stage} — ${traffic}${tasks}${hooks}`;
}
/** What made ECS roll the deployment back, named: the alarms, the breaker's count, a hook, or ECS's reason. */
function rollbackCause(sd) {
    const alarms = sd.alarms;
    if (alarms?.status === 'TRIGGERED' || (alarms?.triggeredAlarmNames ?? []).length > 0)
        return `CloudWatch alarm${(alarms?.triggeredAlarmNames ?? []).length === 1 ? '' : 's'} ${(alarms?.triggeredAlarmNames ?? []).map((a) => `"${a}"`).join(', ') || '(not named)'} went into ALARM`;
    const breaker = sd.deploymentCircuitBreaker;
    if (breaker?.status === 'TRIGGERED')
        return `the circuit breaker tripped: ${breaker.failureCount ?? '?'} failed tasks against its threshold of ${breaker.threshold ?? '?'}`;
    const hook = (sd.lifecycleHookDetails ?? []).find((h) => h.status === 'FAILED' || h.status === 'TIMED_OUT');
    if (hook)
        return hook.status === 'TIMED_OUT'
            ? `the ${hook.targetType} hook timed out and its timeout action is ${hook.timeoutAction ?? 'ROLLBACK'}`
            : `the ${hook.targetType} hook ${hook.targetArn ?? hook.hookId ?? ''} FAILED`;
    return sd.statusReason ? `ECS says: ${sd.statusReason}` : 'ECS gave no reason';
}
/**
 * The least time the deployment still needs by its own configuration: the traffic shift's step or canary
 * bakes not yet begun, and the bake (bakeTimeInMinutes). At BAKE_TIME the bake has begun (when is not
 * reported), so nothing is counted: it needs at most the bake.
 */
function ownTimeLeftMs(sd) {
    const c = sd.deploymentConfiguration;
    const bake = (c?.bakeTimeInMinutes ?? 0) * MINUTE;
    const order = ['PRODUCTION_TRAFFIC_SHIFT', 'POST_PRODUCTION_TRAFFIC_SHIFT', 'BAKE_TIME', 'CLEAN_UP'];
    const at = order.indexOf(sd.lifecycleStage ?? '');
    if (at >= 1)
        return { ms: 0, said: `bakeTimeInMinutes ${c?.bakeTimeInMinutes ?? 0}` };
    let shift = 0;
    let shiftSaid = '';
    if (at === -1 && c?.strategy === 'LINEAR' && c.linearConfiguration) {
        const { stepPercent = 10, stepBakeTimeInMinutes = 6 } = c.linearConfiguration;
        const steps = Math.ceil(100 / stepPercent) - 1;
        shift = steps * stepBakeTimeInMinutes * MINUTE;
        shiftSaid = ` + ${steps} linear step(s) × ${stepBakeTimeInMinutes} min`;
    }
    else if (at === -1 && c?.strategy === 'CANARY' && c.canaryConfiguration) {
        shift = (c.canaryConfiguration.canaryBakeTimeInMinutes ?? 0) * MINUTE;
        shiftSaid = ` + the canary's ${c.canaryConfiguration.canaryBakeTimeInMinutes ?? 0} min`;
    }
    return { ms: bake + shift, said: `bakeTimeInMinutes ${c?.bakeTimeInMinutes ?? 0}${shiftSaid}` };
}
/** How the deployment's own time still to come fits in the wait, said either way. */
function bakeFit(sd, waitLeftMs, budget) {
    const own = ownTimeLeftMs(sd);
    return (bakeDoesNotFit(sd, waitLeftMs, budget) ??
        `the ${sd.deploymentConfiguration?.strategy ?? ''} deployment needs at least ${(0,format/* minutes */.Gx)(own.ms)} more by its own configuration (${own.said}); the wait has ${(0,format/* minutes */.Gx)(Math.max(0, waitLeftMs))} (${budget})`);
}
/** Said when the deployment's own bake cannot end within the time the wait has; undefined when it can. */
function bakeDoesNotFit(sd, waitLeftMs, budget) {
    const own = ownTimeLeftMs(sd);
    if (own.ms <= waitLeftMs)
        return undefined;
    return `the ${sd.deploymentConfiguration?.strategy ?? ''} deployment still needs at least ${(0,format/* minutes */.Gx)(own.ms)} by its own configuration (${own.said}) but the wait has ${(0,format/* minutes */.Gx)(Math.max(0, waitLeftMs))} left (${budget}): it will still be IN_PROGRESS when the wait ends — raise timeout-minutes`;
}
/**
 * The row of a deployment that still waits at its PAUSE hook because validate sent no answer (report-only,
 * or a result that could not be verified): its end is not known, so it is neither a pass nor a failure.
 */
function stillPausedRow(sd, why) {
    return {
        ...ROW,
        status: 'unverified',
        value: sd.status ?? null,
        message: `its end is not known: it still waits at the PAUSE hook (${why}) — ${phaseLine(sd)}`,
    };
}
/** The service deployment's row: SUCCESSFUL passes; still in progress, rolled back or stopped fails. */
function judgeDeployment(input) {
    const sd = input.deployment;
    if (sd === undefined)
        return {
            ...ROW,
            status: 'unverified',
            value: null,
            message: 'the service names no current service deployment',
        };
    if (sd instanceof Error)
        return { ...ROW, status: 'unverified', value: null, message: `could not be read: ${sd.message}` };
    const status = sd.status ?? 'UNKNOWN';
    const fail = (message) => ({ ...ROW, status: 'fail', value: status, message });
    if (status === 'SUCCESSFUL')
        return { ...ROW, status: 'pass', value: status, message: phaseLine(sd) };
    if (status.startsWith('ROLLBACK'))
        return fail(`the deployment was rolled back (${status}) because ${rollbackCause(sd)} — ${phaseLine(sd)}`);
    if (status === 'STOPPED' || status === 'STOP_REQUESTED')
        return fail(`the deployment was ${status}${sd.statusReason ? `: ${sd.statusReason}` : ''}`);
    const hook = pausedHook(sd);
    const paused = hook
        ? `; it waits at a PAUSE hook for ContinueServiceDeployment until ${hook.expiresAt?.toISOString()} (then ${hook.timeoutAction}) — validate answers it only with pause-hook: gate`
        : '';
    const waited = input.timedOutAfterMs !== undefined ? ` ${(0,format/* waitedFor */.a6)(input.timedOutAfterMs, input.waitBudget)}` : '';
    return fail(`the deployment is still ${status}${sd.lifecycleStage ? ` at ${sd.lifecycleStage}` : ''}${waited}, and a deployment in progress is never a pass${paused} — ${phaseLine(sd)}`);
}

;// CONCATENATED MODULE: ../src/validate/rollout-verdict.ts

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
            ? `the rollout is still IN_PROGRESS ${(0,format/* waitedFor */.a6)(input.timedOutAfterMs, input.waitBudget ?? 'timeout-minutes')}`
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
            ? `the PRIMARY task set ${primary.id} is still ${primary.stabilityStatus ?? 'not steady'} ${(0,format/* waitedFor */.a6)(input.timedOutAfterMs, input.waitBudget ?? 'timeout-minutes')}`
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

// EXTERNAL MODULE: ../node_modules/@aws-sdk/client-ecs/dist-es/ECSClient.js + 8 modules
var ECSClient = __webpack_require__(7439);
// EXTERNAL MODULE: ../node_modules/@aws-sdk/client-ecs/dist-es/commands/DescribeServicesCommand.js
var DescribeServicesCommand = __webpack_require__(9345);
// EXTERNAL MODULE: ../node_modules/@aws-sdk/client-ecs/dist-es/commands/ListServiceDeploymentsCommand.js
var ListServiceDeploymentsCommand = __webpack_require__(1141);
// EXTERNAL MODULE: ../src/cancel.ts
var cancel = __webpack_require__(9969);
;// CONCATENATED MODULE: ../src/validate/poll-delay.ts
// How often a wait looks at a rollout again: soon after a look that changed something (the end may be near),
// less and less often while nothing changes. Written once for every loop that follows a rollout. Pure.
const FIRST_POLL_MS = 5_000;
const MAX_POLL_MS = 30_000;
const GROWTH = 1.5;
/** The wait before the next look: the first interval after a change, else the last one grown 1.5×, capped. */
function nextPollDelay(lastMs, changed) {
    return changed ? FIRST_POLL_MS : Math.min(lastMs * GROWTH, MAX_POLL_MS);
}

;// CONCATENATED MODULE: ../src/validate/service.ts
// Reads the ECS service: DescribeServices (with clear errors for a missing cluster or service), its latest
// service deployment, and the wait for the rollout to settle.







/** The cluster or service named in the inputs does not exist: the user's to fix, said in one line. */
class TargetNotFound extends Error {
    name = 'TargetNotFound';
}
/** DescribeServices, retried on transient failures until `deadline` (read.ts). */
async function describeService(deps, t, deadline) {
    return (await describeServices(deps, t, [t.service], deadline))(t.service);
}
/**
 * DescribeServices for several services of one cluster in one call (at most 10, its limit; the config allows
 * no more), retried on transient failures until `deadline`. Returns each service's look: the service, or a
 * TargetNotFound naming it.
 */
async function describeServices(deps, t, services, deadline) {
    const ecs = deps.aws.get(ECSClient/* ECSClient */.Z);
    let out;
    try {
        out = await patiently(deps, deadline, () => (0,aws_errors/* call */.T1)('ecs', 'DescribeServices', () => ecs.send(new DescribeServicesCommand/* DescribeServicesCommand */.H({ cluster: t.cluster, services }), { abortSignal: deps.signal })));
    }
    catch (e) {
        if ((0,aws_errors/* errorCode */.CA)(e) === 'ClusterNotFoundException') {
            throw new TargetNotFound(`ECS cluster "${t.cluster}" was not found in ${t.region}: check the cluster input (default "<project-name>-<environment>") and aws-region`);
        }
        throw e;
    }
    return (service) => serviceIn(out, { ...t, service });
}
/** `t.service` (a name or an ARN) as DescribeServices answered for it, or why it was not found. */
function serviceIn(out, t) {
    const name = t.service.split('/').at(-1) ?? t.service;
    const found = out.services?.find((s) => s.serviceArn === t.service || s.serviceName === name);
    if (found)
        return found;
    const failure = out.failures?.find((f) => f.arn === t.service || (f.arn ?? '').split('/').at(-1) === name);
    throw new TargetNotFound(`ECS service "${t.service}" was not found in cluster "${t.cluster}" (${failure?.reason ?? 'MISSING'}): check the service input (default "<project-name>")`);
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
    const ecs = deps.aws.get(ECSClient/* ECSClient */.Z);
    const pages = await allPages(deps, deadline, (nextToken) => (0,aws_errors/* call */.T1)('ecs', 'ListServiceDeployments', () => ecs.send(new ListServiceDeploymentsCommand/* ListServiceDeploymentsCommand */.j({
        cluster: t.cluster,
        service: t.service,
        createdAt: after ? { after } : undefined,
        maxResults: HISTORY_PAGE,
        nextToken,
    }), { abortSignal: deps.signal })), (page) => page.nextToken);
    return pages.flatMap((page) => page.serviceDeployments ?? []);
}
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
    const upTo = `up to ${(0,format/* seconds */.YA)(Math.max(0, deadline - started))}${budget ? `: ${budget}` : ''}`;
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
        if (now !== seen)
            deps.log.info(progressLine(service));
        delay = nextPollDelay(delay, now !== seen);
        seen = now;
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

// EXTERNAL MODULE: ../node_modules/@aws-sdk/client-elastic-load-balancing-v2/dist-es/ElasticLoadBalancingV2Client.js + 8 modules
var ElasticLoadBalancingV2Client = __webpack_require__(1127);
// EXTERNAL MODULE: ../node_modules/@aws-sdk/client-elastic-load-balancing-v2/dist-es/commands/DescribeTargetGroupsCommand.js
var DescribeTargetGroupsCommand = __webpack_require__(5328);
// EXTERNAL MODULE: ../node_modules/@aws-sdk/client-elastic-load-balancing-v2/dist-es/commands/DescribeTargetHealthCommand.js
var DescribeTargetHealthCommand = __webpack_require__(386);
;// CONCATENATED MODULE: ../src/validate/load-balancers.ts



/** The target group ARNs a service names in loadBalancers[] (a Classic Load Balancer has none: skipped). */
function targetGroupArnsOf(service) {
    const arns = (service.loadBalancers ?? []).map((lb) => lb.targetGroupArn).filter((a) => !!a);
    return [...new Set(arns)];
}
const after = (arn, marker) => arn.slice(arn.indexOf(marker) + marker.length);
async function describeTargetGroups(deps, arns, deadline) {
    const elb = deps.aws.get(ElasticLoadBalancingV2Client/* ElasticLoadBalancingV2Client */.M);
    const out = await patiently(deps, deadline, () => (0,aws_errors/* call */.T1)('elasticloadbalancing', 'DescribeTargetGroups', () => elb.send(new DescribeTargetGroupsCommand/* DescribeTargetGroupsCommand */.s({ TargetGroupArns: arns }), { abortSignal: deps.signal })));
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
/**
 * Every target of the group, in one unfiltered call: DescribeTargetHealth has no paging, and asking in pieces
 * (`Targets`) answers only for the targets named, so a registered target that is not a task of the new revision
 * (the old revision, another service) — the one the check fails on — would go unseen. The price is one large
 * answer for a large group: 1 MB of XML at 5,000 targets, about 18 MiB of peak RSS (docs/develop.md).
 */
function readTargetHealth(deps, group, deadline) {
    const elb = deps.aws.get(ElasticLoadBalancingV2Client/* ElasticLoadBalancingV2Client */.M);
    return patiently(deps, deadline, () => (0,aws_errors/* call */.T1)('elasticloadbalancing', 'DescribeTargetHealth', () => elb.send(new DescribeTargetHealthCommand/* DescribeTargetHealthCommand */.q({ TargetGroupArn: group.arn }), { abortSignal: deps.signal }))).then((out) => ({ group, targets: out.TargetHealthDescriptions ?? [] }), (e) => ({ group, targets: e instanceof Error ? e : new Error(String(e)) }));
}

;// CONCATENATED MODULE: ../src/facts/ecs.ts
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

;// CONCATENATED MODULE: ../src/validate/task-tally.ts
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

;// CONCATENATED MODULE: ../src/validate/task-verdict.ts




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

;// CONCATENATED MODULE: ../src/validate/target-health-verdict.ts


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

// EXTERNAL MODULE: ../node_modules/@aws-sdk/client-api-gateway/dist-es/APIGatewayClient.js + 9 modules
var APIGatewayClient = __webpack_require__(6947);
// EXTERNAL MODULE: ../node_modules/@aws-sdk/client-api-gateway/dist-es/commands/GetRestApisCommand.js + 1 modules
var GetRestApisCommand = __webpack_require__(2822);
// EXTERNAL MODULE: ../node_modules/@aws-sdk/client-apigatewayv2/dist-es/ApiGatewayV2Client.js + 8 modules
var ApiGatewayV2Client = __webpack_require__(6175);
// EXTERNAL MODULE: ../node_modules/@aws-sdk/client-apigatewayv2/dist-es/commands/GetApisCommand.js + 1 modules
var GetApisCommand = __webpack_require__(3609);
;// CONCATENATED MODULE: ../src/facts/cloudwatch.ts
// CloudWatch facts the validate mode relies on, written down once: where API Gateway and Application Load
// Balancers publish the metrics of an error rate, and how many queries one GetMetricData call takes.
// Sources: "Amazon API Gateway dimensions and metrics" (REST APIs), "Monitor CloudWatch metrics for HTTP APIs"
// (HTTP APIs), "CloudWatch metrics for your Application Load Balancer", the Amazon CloudWatch API reference.
/** API Gateway's namespace, for REST and HTTP APIs alike. */
const API_GATEWAY_NAMESPACE = 'AWS/ApiGateway';
/** REST APIs: requests answered with a 5xx, per API (ApiName) and stage. */
const API_ERRORS_METRIC = '5XXError';
/** HTTP APIs: requests answered with a 5xx, per API (ApiId) and stage. */
const HTTP_API_ERRORS_METRIC = '5xx';
/** Every request, per API (and stage), REST and HTTP alike. */
const API_REQUESTS_METRIC = 'Count';
/** Application Load Balancers' namespace. */
const ALB_NAMESPACE = 'AWS/ApplicationELB';
/** 5xx answers the targets of a target group gave (not those the load balancer made itself). */
const ALB_TARGET_ERRORS_METRIC = 'HTTPCode_Target_5XX_Count';
/** Requests the load balancer routed, per target group. */
const ALB_REQUESTS_METRIC = 'RequestCount';
/** GetMetricData takes at most this many queries per call. */
const MAX_QUERIES_PER_CALL = 500;

;// CONCATENATED MODULE: ../src/validate/rate-sources.ts
// What a 5XX rate is measured on: an Application Load Balancer's target group or an API Gateway API, each
// with the metric of its 5xx answers and of its requests, per minute (Sum), under its own dimensions. Pure.
//
// The rate over a window is Σ errors ÷ Σ requests (metric-verdict.ts). Both ALB and API Gateway publish no
// datapoint for a minute without that event, so a minute with requests and no error datapoint had no errors.

const API_CHECK_NAME = 'API 5XX error rate';
const targetGroupRateName = (name) => `target group ${name} 5XX rate`;
/**
 * An Application Load Balancer target group: its targets' 5xx answers over its requests, published with both
 * the TargetGroup and the LoadBalancer dimension (their values are the ARNs' suffixes). A group behind a
 * Network Load Balancer (no HTTP codes) or no load balancer has none.
 */
function targetGroupRate(group) {
    if (!group.albDimension)
        return undefined;
    return {
        check: targetGroupRateName(group.name),
        label: `target group ${group.name}`,
        namespace: ALB_NAMESPACE,
        errorsMetric: ALB_TARGET_ERRORS_METRIC,
        requestsMetric: ALB_REQUESTS_METRIC,
        dimensions: [
            { Name: 'TargetGroup', Value: group.dimension },
            { Name: 'LoadBalancer', Value: group.albDimension },
        ],
    };
}
function apiDimensions(api) {
    const dims = [{ Name: 'ApiName', Value: api.name }];
    if (api.stage)
        dims.push({ Name: 'Stage', Value: api.stage });
    return dims;
}
/** An API Gateway REST API, by the name its metrics carry (and stage). */
function restApiRate(api) {
    return {
        check: API_CHECK_NAME,
        label: api.stage ? `REST API "${api.name}" stage "${api.stage}"` : `REST API "${api.name}"`,
        namespace: API_GATEWAY_NAMESPACE,
        errorsMetric: API_ERRORS_METRIC,
        requestsMetric: API_REQUESTS_METRIC,
        dimensions: apiDimensions(api),
    };
}
/** An API Gateway HTTP API, by id (and stage): its metrics carry ApiId, not the name. */
function httpApiRate(api) {
    const dims = [{ Name: 'ApiId', Value: api.id }];
    if (api.stage)
        dims.push({ Name: 'Stage', Value: api.stage });
    return {
        check: API_CHECK_NAME,
        label: `HTTP API "${api.name}" (${api.id})${api.stage ? ` stage "${api.stage}"` : ''}`,
        namespace: API_GATEWAY_NAMESPACE,
        errorsMetric: HTTP_API_ERRORS_METRIC,
        requestsMetric: API_REQUESTS_METRIC,
        dimensions: dims,
    };
}

;// CONCATENATED MODULE: ../src/validate/api-choice.ts


const api_choice_LISTED = 5;
function chooseApi(wanted, lists, region) {
    const byName = (a) => a.name === wanted.name;
    const byId = (a) => a.id === wanted.name;
    const rest = lists.rest.filter(byName);
    const http = lists.http.filter(byName);
    // An id is only looked at when no API has that name: names win, as the user most often gives one.
    if (rest.length === 0 && http.length === 0) {
        const restId = lists.rest.find(byId);
        const httpId = lists.http.find(byId);
        if (restId)
            return rate(restApiRate({ name: metricName(restId), stage: wanted.stage }));
        if (httpId)
            return rate(httpApiRate({ ...httpId, stage: wanted.stage }));
        return row(`no REST or HTTP API named "${wanted.name}" in ${region} (${lists.rest.length} REST and ${lists.http.length} HTTP APIs listed): check api-name, or leave it empty (it is opt-in) — a configuration error, not a measurement of the release`);
    }
    const [only] = http;
    if (rest.length === 0 && http.length === 1 && only)
        return rate(httpApiRate({ ...only, stage: wanted.stage }));
    if (http.length === 0) {
        // REST APIs that share a name share its metrics (ApiName): measured together, and said.
        const source = restApiRate({
            name: metricName(rest[0] ?? { id: '', name: wanted.name }),
            stage: wanted.stage,
        });
        if (rest.length > 1)
            source.label += ` (${rest.length} REST APIs share this name, and so its metrics)`;
        return rate(source);
    }
    const candidates = [...rest.map((a) => `REST API ${a.id}`), ...http.map((a) => `HTTP API ${a.id}`)];
    return row(`${candidates.length} APIs are named "${wanted.name}" (${api_choice_listed(candidates)}): set api-name to the id of the one to check`);
}
/**
 * The ApiName value a REST API's metrics carry: API Gateway strips the characters that are not ASCII from the
 * name, and uses the id when none are left ("Amazon API Gateway dimensions and metrics").
 */
function metricName(api) {
    return api.name.replace(/[^\x20-\x7e]/g, '') || api.id;
}
const rate = (source) => ({ kind: 'rate', source });
const row = (message) => ({
    kind: 'row',
    row: configurationErrorRow({ name: API_CHECK_NAME, type: 'metric', value: null, threshold: null, message }),
});
const api_choice_listed = (items) => items.length > api_choice_LISTED
    ? `${items.slice(0, api_choice_LISTED).join(', ')} and ${items.length - api_choice_LISTED} more`
    : items.join(', ');

;// CONCATENATED MODULE: ../src/validate/api-lookup.ts
// api-name → its API: the REST APIs (API Gateway GetRestApis, 500 a page) and the HTTP APIs (API Gateway v2
// GetApis) listed at once, every page read patiently (read.ts), and the one named chosen (api-choice.ts). A
// list that could not be read makes the API check `unverified`, never `fail`.






/** GetRestApis' largest page (API Gateway v1 API reference: limit, default 25, at most 500). */
const REST_PAGE = 500;
/** The API api-name names, or its check row; undefined without api-name. */
async function lookUpApi(deps, config, deadline) {
    if (!config.api)
        return undefined;
    try {
        const [rest, http] = await Promise.all([restApis(deps, deadline), httpApis(deps, deadline)]);
        return chooseApi(config.api, { rest, http }, config.region);
    }
    catch (e) {
        return {
            kind: 'row',
            row: unreadableRow(API_CHECK_NAME, 'metric', unreadableWhy(e), config.maxErrorRate),
        };
    }
}
async function restApis(deps, deadline) {
    const client = deps.aws.get(APIGatewayClient/* APIGatewayClient */.U);
    const pages = await allPages(deps, deadline, (position) => (0,aws_errors/* call */.T1)('apigateway', 'GetRestApis', () => client.send(new GetRestApisCommand/* GetRestApisCommand */.h({ limit: REST_PAGE, position }), { abortSignal: deps.signal })), (page) => page.position);
    return pages.flatMap((p) => p.items ?? []).map((a) => ({ id: a.id ?? '', name: a.name ?? '' }));
}
/** GetApis lists WebSocket APIs too: only HTTP APIs publish the `5xx` metric. */
async function httpApis(deps, deadline) {
    const client = deps.aws.get(ApiGatewayV2Client/* ApiGatewayV2Client */.q);
    const pages = await allPages(deps, deadline, (NextToken) => (0,aws_errors/* call */.T1)('apigateway', 'GetApis', () => client.send(new GetApisCommand/* GetApisCommand */.N({ NextToken }), { abortSignal: deps.signal })), (page) => page.NextToken);
    return pages
        .flatMap((p) => p.Items ?? [])
        .filter((a) => a.ProtocolType === 'HTTP')
        .map((a) => ({ id: a.ApiId ?? '', name: a.Name ?? '' }));
}

// EXTERNAL MODULE: ../node_modules/@aws-sdk/client-ecs/dist-es/commands/ListTasksCommand.js
var ListTasksCommand = __webpack_require__(5368);
// EXTERNAL MODULE: ../node_modules/@aws-sdk/client-ecs/dist-es/commands/DescribeTasksCommand.js
var DescribeTasksCommand = __webpack_require__(3625);
;// CONCATENATED MODULE: ../src/validate/concurrency.ts
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

;// CONCATENATED MODULE: ../src/validate/tasks.ts
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
        .get(ECSClient/* ECSClient */.Z)
        .send(listTasks(t, 'RUNNING', undefined), { abortSignal: early.deps.signal })));
    page.catch(() => undefined); // a missing service fails here too; DescribeServices says it better
    return { page, stop: early.stop };
}
const listTasks = (t, desiredStatus, nextToken) => new ListTasksCommand/* ListTasksCommand */.M({
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
    const ecs = deps.aws.get(ECSClient/* ECSClient */.Z);
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
                const out = await patiently(deps, deadline, () => (0,aws_errors/* call */.T1)('ecs', 'DescribeTasks', () => ecs.send(new DescribeTasksCommand/* DescribeTasksCommand */.z({ cluster: t.cluster, tasks: chunk }), {
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

// EXTERNAL MODULE: ../node_modules/@aws-sdk/client-ecs/dist-es/commands/DescribeTaskDefinitionCommand.js
var DescribeTaskDefinitionCommand = __webpack_require__(3505);
;// CONCATENATED MODULE: ../src/validate/version-verdict.ts

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

;// CONCATENATED MODULE: ../src/validate/version.ts
// The version check's one read: the PRIMARY deployment's task definition and its container images.




async function checkVersion(deps, expectedTag, taskDefinition, deadline) {
    const out = await patiently(deps, deadline, () => (0,aws_errors/* call */.T1)('ecs', 'DescribeTaskDefinition', () => deps.aws
        .get(ECSClient/* ECSClient */.Z)
        .send(new DescribeTaskDefinitionCommand/* DescribeTaskDefinitionCommand */.Z({ taskDefinition }), { abortSignal: deps.signal })));
    const containers = (out.taskDefinition?.containerDefinitions ?? []).map((c) => ({
        name: c.name ?? '?',
        image: c.image ?? '',
    }));
    return judgeVersion(expectedTag, taskDefinition, containers);
}

;// CONCATENATED MODULE: ../src/validate/check-ecs.ts












function startEcsReads(step, observed, early) {
    const { config, deps, target, deadline } = step;
    const service = observed.service;
    const primaryTd = primaryTaskDefinitionOf(service);
    const expected = config.expectedImageTag;
    const groups = readGroups(step, targetGroupArnsOf(service));
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
        groups,
        api: lookUpApi(deps, config, deadline),
        traffic: groups.then((found) => found instanceof Error ? found : Promise.all(found.map((g) => readTargetHealth(deps, g, deadline)))),
    };
}
/** One DescribeTargetGroups for all the service's groups. */
async function readGroups(step, arns) {
    if (arns.length === 0)
        return [];
    try {
        return await describeTargetGroups(step.deps, arns, step.deadline);
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
/** A native (blue/green, linear, canary) service's own deployment: its row first, as it decides the rollout. */
function deploymentRow(step, observed) {
    if (observed.deployment === undefined)
        return [];
    const { config } = step;
    return [
        judgeDeployment({ ...observed.deployment, waitBudget: waitBudget(config.timeoutMs, config.bakeMs) }),
    ];
}
/** Said when nothing about the service's traffic could be looked at. */
const NO_TRAFFIC_HEALTH = 'no traffic health was measured: the service has no load balancer target groups and no api-name is set';
/** The note for a service without target groups; one of several leaves api-name to the first service. */
function noTrafficHealth(options) {
    const first = options.stepWideChecksWith;
    return first
        ? `no traffic health of this service was measured: it has no load balancer target groups (api-name, metric-checks and alarm-names are judged with ${first})`
        : NO_TRAFFIC_HEALTH;
}
/** The ECS rows, logged; a cancel during these reads ends the step (it is no failed check). */
async function checkEcs(step, observed, rollout, reads, early, options) {
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
    const checks = [...deploymentRow(step, observed), rollout.check, tasks.row, version, ...targets];
    await deps.log.group('ECS checks', async () => {
        for (const c of checks)
            deps.log.info(`${c.name} ${c.status}: ${c.message}`);
    });
    if (deps.signal.aborted)
        return cancelledWhile({ checks, unverified: rollout.unverified }, 'cancelled while checking the service');
    const notes = [
        ...rollout.unverified,
        ...(arns.length === 0 && !step.config.api ? [noTrafficHealth(options)] : []),
        ...tasks.notes,
        ...(version.status === 'skip' ? [VERSION_NOT_VERIFIED] : []),
    ];
    return { rollout, checks, notes };
}

;// CONCATENATED MODULE: ../src/validate/alarm-verdict.ts

function alarmRows(names, found) {
    const byName = new Map(found.map((a) => [a.name, a]));
    return names.map((name) => {
        const base = { name, type: 'alarm', threshold: 'not ALARM' };
        const alarm = byName.get(name);
        if (!alarm) {
            // A typo fails the step (it would otherwise pass silently), but measured nothing: no write acts on it.
            return configurationErrorRow({
                ...base,
                value: null,
                message: `no metric or composite alarm named "${name}" exists in this account and region: check alarm-names (a configuration error, not a measurement of the release)`,
            });
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

// EXTERNAL MODULE: ../node_modules/@aws-sdk/client-cloudwatch/dist-es/CloudWatchClient.js + 13 modules
var CloudWatchClient = __webpack_require__(3793);
// EXTERNAL MODULE: ../node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/GetMetricDataCommand.js
var GetMetricDataCommand = __webpack_require__(6761);
// EXTERNAL MODULE: ../node_modules/@aws-sdk/client-cloudwatch/dist-es/commands/DescribeAlarmsCommand.js
var DescribeAlarmsCommand = __webpack_require__(2298);
;// CONCATENATED MODULE: ../src/validate/cloudwatch.ts
// CloudWatch reads: GetMetricData (one call per ≤ 500 queries, paged) and DescribeAlarms (metric and
// composite alarms).



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
    const cw = deps.aws.get(CloudWatchClient/* CloudWatchClient */.W);
    const series = new Map();
    const unreadable = new Map();
    const readBatch = (queries) => allPages(deps, deadline, (NextToken) => (0,aws_errors/* call */.T1)('cloudwatch', 'GetMetricData', () => cw.send(new GetMetricDataCommand/* GetMetricDataCommand */.S({
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
async function describeAlarmStates(deps, names, deadline) {
    const cw = deps.aws.get(CloudWatchClient/* CloudWatchClient */.W);
    const pages = await allPages(deps, deadline, (NextToken) => (0,aws_errors/* call */.T1)('cloudwatch', 'DescribeAlarms', () => cw.send(new DescribeAlarmsCommand/* DescribeAlarmsCommand */.z({
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

;// CONCATENATED MODULE: ../src/validate/metric-queries.ts

/**
 * A rate is Σ errors ÷ Σ requests over the window, so both are fetched per minute (Sum; for API Gateway's
 * Count equal to its SampleCount, as each request counts 1) and added up client-side; metric checks read one
 * period as long as the window.
 */
function planMetricQueries(rates, checks, windowMinutes) {
    const groups = [];
    const rateIds = rates.map((rate, i) => {
        const ids = { errors: `r${i + 1}_errors`, requests: `r${i + 1}_requests` };
        const perMinute = (id, metric) => stat(id, { namespace: rate.namespace, metric, dimensions: {}, stat: 'Sum' }, 60, rate.dimensions);
        groups.push([perMinute(ids.errors, rate.errorsMetric), perMinute(ids.requests, rate.requestsMetric)]);
        return ids;
    });
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
    return { batches: pack(groups), rateIds, checkIds };
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

;// CONCATENATED MODULE: ../src/validate/window.ts
// The time window every metric check of one round reads. Pure.
//
// API Gateway and ALB metrics arrive about a minute late, so the window ends one whole minute before now.
// Datapoints from before the rollout ended describe the previous version, so the window never starts
// earlier than that (rounded up to the next whole minute: a minute that began under the old version is
// mixed). When that leaves less than asked, the window is "partial" and says so.
const window_MINUTE = 60_000;
/** How far behind now the window ends: the ingestion delay of vended metrics. */
const METRIC_LAG_MS = window_MINUTE;
const floorMinute = (ms) => Math.floor(ms / window_MINUTE) * window_MINUTE;
const ceilMinute = (ms) => Math.ceil(ms / window_MINUTE) * window_MINUTE;
function metricWindow(now, requestedMinutes, rolloutEndedAt) {
    const end = floorMinute(now - METRIC_LAG_MS);
    const wanted = end - requestedMinutes * window_MINUTE;
    const notBefore = rolloutEndedAt === undefined ? wanted : ceilMinute(rolloutEndedAt);
    const start = Math.min(end, Math.max(wanted, notBefore));
    const minutes = (end - start) / window_MINUTE;
    return { start, end, minutes, requestedMinutes, partial: minutes < requestedMinutes };
}
/** When the first complete minute after the rollout will be readable (the earliest useful judgement). */
function firstFullMinuteAt(rolloutEndedAt) {
    return ceilMinute(rolloutEndedAt) + window_MINUTE + METRIC_LAG_MS;
}
function describeWindow(w) {
    const hoursMinutes = (ms) => new Date(ms).toISOString().slice(11, 16);
    const span = `${hoursMinutes(w.start)}–${hoursMinutes(w.end)} UTC`;
    return w.partial
        ? `partial window: ${w.minutes} of ${w.requestedMinutes} min since the rollout ended (${span})`
        : `${w.minutes} min (${span})`;
}
/** The whole minutes of the window that have a datapoint in `timestamps`. */
function minutesCovered(w, timestamps) {
    return new Set(timestamps.filter((t) => t >= w.start && t < w.end).map(floorMinute)).size;
}
/**
 * When datapoints cover only part of the asked window, whatever the cause, in words ("data for 3 of 5
 * minutes: 1 before the rollout ended, 1 without requests"); undefined when they cover all of it.
 */
function coverageGap(w, covered, missingWhy) {
    if (covered >= w.requestedMinutes)
        return undefined;
    const why = [
        w.minutes < w.requestedMinutes ? `${w.requestedMinutes - w.minutes} before the rollout ended` : undefined,
        covered < w.minutes ? `${w.minutes - covered} ${missingWhy}` : undefined,
    ].filter(Boolean);
    return `data for ${covered} of ${w.requestedMinutes} minute${w.requestedMinutes === 1 ? '' : 's'}: ${why.join(', ')}`;
}

;// CONCATENATED MODULE: ../src/validate/metric-verdict.ts

const metric_verdict_pct = (r) => `${(r * 100).toFixed(r < 0.001 && r > 0 ? 3 : 2).replace(/\.?0+$/, '')}%`;
const sum = (s) => (s?.values ?? []).reduce((a, b) => a + b, 0);
/**
 * Rate over the whole window: total errors ÷ total requests (never the newest point, never an average of
 * rates). A minute with requests and no error datapoint counts as no errors (CloudWatch publishes no
 * datapoint for a count of zero); a window without requests is no data, neither pass nor fail.
 */
function errorRateCheck(input) {
    const { source, maxErrorRate, window } = input;
    const base = { name: source.check, type: 'metric', threshold: maxErrorRate };
    if (window.minutes === 0) {
        return {
            ...base,
            status: 'no-data',
            value: null,
            message: `no complete minute of metrics since the rollout ended yet; the 5XX rate of ${source.label} was not measured`,
        };
    }
    const requests = sum(input.requests);
    const errors = sum(input.errors);
    if (requests === 0) {
        return {
            ...base,
            status: 'no-data',
            value: null,
            message: `no requests to ${source.label} in the ${describeWindow(window)} (no ${source.requestsMetric} datapoint): the 5XX rate was not measured`,
        };
    }
    const rate = errors / requests;
    // The window already says when it starts late (after the rollout); minutes inside it without data are said here.
    const covered = minutesCovered(window, input.requests?.timestamps ?? []);
    const gap = covered < window.minutes ? coverageGap(window, covered, 'without requests') : undefined;
    const newest = newestRate(input.errors, input.requests);
    const newestNote = newest !== undefined && Math.abs(newest - rate) > 1e-9 ? `; newest minute alone: ${metric_verdict_pct(newest)}` : '';
    const failed = rate >= maxErrorRate;
    return {
        ...base,
        status: failed ? 'fail' : 'pass',
        value: round(rate),
        message: `${metric_verdict_pct(rate)} of requests failed with 5XX (${errors} of ${requests}) over ${describeWindow(window)}: ${failed ? 'at or above' : 'below'} the limit ${metric_verdict_pct(maxErrorRate)}${newestNote}${gap ? `; ${gap}` : ''}`,
    };
}
/** A rate row's datapoints covered only part of the window: said in the summary too. */
function rateCoverageNote(check, window, requests) {
    if (check.status !== 'pass' && check.status !== 'fail')
        return undefined;
    const gap = coverageGap(window, minutesCovered(window, requests?.timestamps ?? []), 'without requests');
    return gap ? `${check.name}: ${gap}` : undefined;
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

;// CONCATENATED MODULE: ../src/validate/health.ts







/** The config's checks, a 5XX rate for each Application Load Balancer target group of the service, and the API's. */
function healthConfigOf(config, groups, api) {
    const { maxErrorRate, windowMinutes, metricChecks, alarmNames } = config;
    const rates = groups.map(targetGroupRate).filter((r) => r !== undefined);
    if (api?.kind === 'rate')
        rates.push(api.source);
    const decided = api?.kind === 'row' ? [api.row] : [];
    return { maxErrorRate, windowMinutes, metricChecks, alarmNames, rates, decided };
}
function hasHealthChecks(c) {
    return hasMetrics(c) || c.alarmNames.length > 0 || c.decided.length > 0;
}
/** Whether a round reads metrics (and so waits for a complete minute of them). */
function hasMetrics(c) {
    return c.rates.length > 0 || c.metricChecks.length > 0;
}
/**
 * One round of reads; each is retried on transient failures until `deadline`. A check whose read still
 * failed is `unverified` (read.ts), never `fail`.
 */
async function healthRound(deps, config, rolloutEndedAt, deadline) {
    const at = deps.now();
    const window = metricWindow(at, config.windowMinutes, rolloutEndedAt);
    const plan = planMetricQueries(config.rates, config.metricChecks, window.minutes);
    const [metrics, alarms] = await Promise.all([
        plan.batches.length > 0 && window.minutes > 0
            ? fetchMetricData(deps, plan.batches, window, deadline).then((data) => ({ ok: true, ...data }), (error) => ({ ok: false, error: unreadableWhy(error) }))
            : Promise.resolve({ ok: true, series: new Map(), unreadable: new Map() }),
        config.alarmNames.length > 0
            ? describeAlarmStates(deps, config.alarmNames, deadline).then((found) => alarmRows(config.alarmNames, found), (error) => config.alarmNames.map((name) => unreadableRow(name, 'alarm', unreadableWhy(error), 'not ALARM')))
            : Promise.resolve([]),
    ]);
    const rates = config.rates.map((source, i) => rateRow(config, { source, ids: plan.rateIds[i], metrics, window }));
    const checks = [...rates.map((r) => r.check), ...config.decided];
    const partial = rates.flatMap((r) => (r.partial ? [r.partial] : []));
    config.metricChecks.forEach((check, i) => {
        const id = plan.checkIds[i] ?? '';
        const problem = metrics.ok ? metrics.unreadable.get(id) : metrics.error;
        checks.push(problem || !metrics.ok
            ? unreadableRow(check.name, 'metric', problem ?? 'unknown error')
            : metricCheckRow(check, window, metrics.series.get(id)));
    });
    checks.push(...alarms);
    return { at, window, checks, partial };
}
/** One 5XX rate's row, and its coverage of the window when only partial. */
function rateRow(config, r) {
    const { source, ids, metrics, window } = r;
    const problem = metrics.ok
        ? (metrics.unreadable.get(ids?.errors ?? '') ?? metrics.unreadable.get(ids?.requests ?? ''))
        : metrics.error;
    if (problem || !metrics.ok)
        return { check: unreadableRow(source.check, 'metric', problem ?? 'unknown error', config.maxErrorRate) };
    const errors = metrics.series.get(ids?.errors ?? '');
    const requests = metrics.series.get(ids?.requests ?? '');
    const check = errorRateCheck({ source, maxErrorRate: config.maxErrorRate, window, errors, requests });
    return { check, partial: rateCoverageNote(check, window, requests) };
}

;// CONCATENATED MODULE: ../src/validate/bake.ts
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
    return Math.min(window_MINUTE, Math.max(5_000, Math.round(bakeMs / 3)));
}
const breached = (round) => round.checks.some((c) => c.status === 'fail');
async function bake(deps, config, rolloutEndedAt, first, bakeMs, watch, 
/** The step's deadline: the last round's reads may retry until then. */
deadline) {
    const rounds = [first];
    const end = first.at + bakeMs;
    const interval = bakeIntervalMs(bakeMs);
    deps.log.info(`Baking for ${(0,format/* minutes */.Gx)(bakeMs)}: re-checking every ${(0,format/* seconds */.YA)(interval)}`);
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
        last.checks.push(...tasks);
        for (const t of tasks)
            deps.log.info(`End of the bake, ${t.name}: ${t.status} — ${t.message}`);
    }
    return { rounds, cancelled: false };
}
function summary(round) {
    const count = (s) => round.checks.filter((c) => c.status === s).length;
    const unread = count('unverified');
    return `${count('pass')} pass, ${count('fail')} fail, ${count('no-data')} no data${unread ? `, ${unread} not verified (could not be read)` : ''}`;
}

;// CONCATENATED MODULE: ../src/validate/bake-verdict.ts




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

;// CONCATENATED MODULE: ../src/validate/rows.ts

function failRow(name, type, message) {
    return { name, type, status: 'fail', value: null, threshold: null, message };
}
/** Skip rows for every configured check, so the table still shows what was not looked at and why. */
function notChecked(config, why, health) {
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
        // Before the service was read, its target groups are not known: only the API's rate is named.
        ...(health
            ? [...health.rates.map((r) => r.check), ...health.decided.map((c) => c.name)]
            : config.api
                ? [API_CHECK_NAME]
                : []).map((name) => skip(name, 'metric')),
        ...config.metricChecks.map((c) => skip(c.name, 'metric')),
        ...config.alarmNames.map((n) => skip(n, 'alarm')),
    ];
}
/** The CloudWatch rows of notChecked: the ECS ones were looked at. */
function healthNotChecked(config, health, why) {
    return notChecked(config, why, health).filter((c) => !['tasks', 'version'].includes(c.name));
}

;// CONCATENATED MODULE: ../src/validate/bake-watch.ts






function bakeWatch(deps, target, before) {
    const since = deps.now();
    return {
        service: (deadline) => describeService(deps, target, deadline).then((now) => judgeBakeService(before, now), (e) => 
        // The service gone is a breach; a look that could not be read is none (not verified).
        e instanceof TargetNotFound
            ? failRow(BAKE_SERVICE_CHECK, 'rollout', e.message)
            : unreadableRow(BAKE_SERVICE_CHECK, 'rollout', unreadableWhy(e))),
        tasks: async (deadline) => [await everyTask(deps, target, since, deadline)],
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

;// CONCATENATED MODULE: ../src/validate/check-health.ts






/** Every check, ECS and CloudWatch; a cancel (during the bake, or before) ends the step with them. */
async function checkHealth(step, service, ecs, firstRound, health) {
    const { config, deps } = step;
    const watched = ecs.rollout.check.status === 'pass'
        ? await watch(step, service, ecs, await firstRound, health)
        : { rounds: [], cancelled: false };
    const findings = findingsOf(step, ecs, watched.rounds, health);
    if (watched.cancelled || deps.signal.aborted)
        return cancelledWhile(findings, config.bakeMs > 0 ? 'cancelled during the bake' : 'cancelled while checking the service');
    return findings;
}
/** The first round, logged; then the bake, unless the step is decided already. */
async function watch(step, service, ecs, first, health) {
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
    const start = first ?? (await healthRound(deps, health, endedAt, deadline));
    return deps.log.group('Bake', () => bake(deps, health, endedAt, start, config.bakeMs, bakeWatch(deps, step.target, service), deadline));
}
/**
 * The last round decides, and says what is finally not verified: the bake stops at its first breach, so a
 * breach is always the last round, and an earlier round's missing data was looked at again since.
 */
function findingsOf(step, ecs, rounds, health) {
    const { config } = step;
    const notes = [...ecs.notes];
    let checks = [];
    if (ecs.rollout.check.status !== 'pass') {
        const why = ecs.rollout.check.status === 'unverified'
            ? 'the rollout could not be verified'
            : 'the rollout did not succeed';
        checks = healthNotChecked(config, health, why);
    }
    const decisive = rounds.at(-1);
    if (decisive) {
        checks = decisive.checks;
        // A rate names its own gaps; a metric check reads one period as long as the window, so only the window's.
        notes.push(...decisive.partial);
        if (decisive.window.partial && health.metricChecks.length > 0)
            notes.push(`metric checks: ${describeWindow(decisive.window)}; the rest of the asked window predates the rollout`);
    }
    return {
        checks: [...ecs.checks, ...checks],
        rounds: config.bakeMs > 0 && rounds.length > 0
            ? rounds.map((r) => ({ at: new Date(r.at).toISOString(), checks: r.checks }))
            : undefined,
        unverified: notes,
    };
}

;// CONCATENATED MODULE: ../src/validate/first-round.ts
// The first round of CloudWatch checks, started as soon as the rollout passed, while the tasks are still
// being read. It does not log: its lines are printed after the ECS checks, in their own group.



/** The first round when there is one to make: the rollout passed and CloudWatch checks are configured. */
async function startFirstRound(step, rollout, health) {
    if (rollout.check.status !== 'pass')
        return undefined;
    const config = await health;
    return hasHealthChecks(config) ? firstRound(step, rollout, config) : undefined;
}
/** When the rollout has just ended (and there is no bake), first wait for one complete minute of metrics. */
async function firstRound(step, rollout, config) {
    const { deps, startedAt } = step;
    const { bakeMs, timeoutMs } = step.config;
    const ended = rollout.rolloutEndedAt;
    let waited;
    if (hasMetrics(config) && ended !== undefined && bakeMs === 0) {
        const ready = firstFullMinuteAt(ended);
        if (deps.now() < ready && ready <= startedAt + timeoutMs) {
            waited = `The rollout ended at ${new Date(ended).toISOString()}: waited ${(0,format/* seconds */.YA)(ready - deps.now(), 'up')} for the first complete minute of metrics of the new version`;
            await deps.sleep(ready - deps.now(), deps.signal);
        }
    }
    return { ...(await healthRound(deps, config, ended, startedAt + timeoutMs)), waited };
}

// EXTERNAL MODULE: ../node_modules/@aws-sdk/client-ecs/dist-es/commands/DescribeServiceDeploymentsCommand.js
var DescribeServiceDeploymentsCommand = __webpack_require__(6870);
;// CONCATENATED MODULE: ../src/validate/service-deployment.ts
// Reads one service deployment (DescribeServiceDeployments) and follows it: a look per round, its phase
// logged every round, until it ends, pauses at a PAUSE hook (when asked to stop there) or the deadline passes.







/** DescribeServiceDeployments for one ARN, retried on transient failures until `deadline`. */
async function describeServiceDeployment(deps, arn, deadline) {
    const ecs = deps.aws.get(ECSClient/* ECSClient */.Z);
    const out = await patiently(deps, deadline, () => (0,aws_errors/* call */.T1)('ecs', 'DescribeServiceDeployments', () => ecs.send(new DescribeServiceDeploymentsCommand/* DescribeServiceDeploymentsCommand */.A({ serviceDeploymentArns: [arn] }), {
        abortSignal: deps.signal,
    })));
    const found = out.serviceDeployments?.[0];
    if (!found)
        throw new aws_errors/* AwsCallError */.iQ({ service: 'ecs', operation: 'DescribeServiceDeployments' }, new Error(`service deployment ${arn} not found (${out.failures?.[0]?.reason ?? 'MISSING'})`));
    return found;
}
/**
 * The service deployment of the release: the one DescribeServices names (`currentServiceDeployment`), else the
 * newest ListServiceDeployments lists (readHistory); undefined when neither names one.
 */
async function currentDeploymentArn(deps, target, service, deadline) {
    if (service.currentServiceDeployment)
        return service.currentServiceDeployment;
    const history = await readHistory(deps, target, service, deadline);
    return history.kind === 'known' ? history.latest?.serviceDeploymentArn : undefined;
}
/**
 * Looks at the deployment until `done(it)` (by default: it ended) or `deadline`; the first look is `first`
 * when given. Each look's phase is logged (the phase is what a reader follows a blue/green deployment by);
 * the interval grows while nothing changes and starts over when something does.
 */
async function followDeployment(deps, arn, opts) {
    const done = opts.done ?? deploymentEnded;
    const started = deps.now();
    let looks = 0;
    let round = 0;
    let delay = FIRST_POLL_MS;
    let seen = '';
    let sd = opts.first;
    for (;;) {
        if (deps.signal.aborted)
            return { deployment: sd ?? new Error('cancelled'), cancelled: true, looks };
        if (sd === undefined) {
            try {
                looks++;
                sd = await describeServiceDeployment(deps, arn, opts.deadline);
            }
            catch (e) {
                if ((0,cancel/* wasCancelled */.r)(e, deps.signal))
                    return { deployment: new Error('cancelled'), cancelled: true, looks };
                if (!(e instanceof aws_errors/* AwsCallError */.iQ))
                    throw e;
                return { deployment: new Error(unreadableWhy(e)), cancelled: false, looks };
            }
        }
        const line = phaseLine(sd);
        deps.log.info(`Round ${++round}: ${line}`);
        delay = nextPollDelay(delay, line !== seen);
        seen = line;
        if (done(sd))
            return { deployment: sd, cancelled: false, looks };
        const left = opts.deadline - deps.now();
        if (left <= 0)
            return { deployment: sd, cancelled: false, looks, timedOutAfterMs: deps.now() - started };
        await deps.sleep(Math.min(delay, left), deps.signal);
        sd = undefined;
    }
}

;// CONCATENATED MODULE: ../src/validate/native-rollout.ts







async function followNativeRollout(step, first) {
    const { config, deps, target, waitEnd } = step;
    const arn = await currentDeploymentArn(deps, target, first, waitEnd);
    if (arn === undefined)
        return { service: first, deployment: { deployment: undefined }, cancelled: false };
    const budget = waitBudget(config.timeoutMs, config.bakeMs);
    let sd;
    try {
        sd = await describeServiceDeployment(deps, arn, waitEnd);
    }
    catch (e) {
        if ((0,cancel/* wasCancelled */.r)(e, deps.signal))
            return { service: first, deployment: { deployment: undefined }, cancelled: true };
        if (!(e instanceof aws_errors/* AwsCallError */.iQ))
            throw e;
        return { service: first, deployment: { deployment: new Error(unreadableWhy(e)) }, cancelled: false };
    }
    if (!config.waitForStable)
        return { service: first, deployment: { deployment: sd }, cancelled: false };
    const tooLong = bakeDoesNotFit(sd, waitEnd - deps.now(), budget);
    if (tooLong)
        deps.log.warning(`Rollout wait: ${tooLong}`);
    else if (!deploymentEnded(sd))
        deps.log.info(`Rollout wait: ${bakeFit(sd, waitEnd - deps.now(), budget)}`);
    const followed = await followDeployment(deps, arn, { deadline: waitEnd, first: sd });
    const seen = { deployment: followed.deployment, timedOutAfterMs: followed.timedOutAfterMs };
    if (followed.cancelled)
        return { service: first, deployment: seen, cancelled: true };
    // The deployment's end is known; DescribeServices gives the service the other checks read (the first look
    // still serves when nothing was waited for: its first page of tasks is then used too).
    const now = followed.looks > 0 ? await describeService(deps, target, step.deadline) : first;
    const settled = await waitForRollout(deps, target, now, waitEnd, budget);
    return {
        service: settled.service,
        deployment: seen,
        cancelled: settled.cancelled,
        timedOutAfterMs: settled.timedOutAfterMs,
    };
}

;// CONCATENATED MODULE: ../src/validate/observe-rollout.ts










/**
 * The service, once its rollout settled (or the wait ended); `early` is stopped when it will not be used.
 * `firstLook`: the first DescribeServices, when already asked for (several.ts).
 */
async function observeRollout(step, early, firstLook) {
    const { config, deps } = step;
    try {
        return await deps.log.group(`Rollout of ECS service ${config.service} (cluster ${config.cluster})`, () => lookThenWait(step, early, firstLook));
    }
    catch (e) {
        early.stop();
        return unobserved(step, e);
    }
}
async function lookThenWait(step, early, firstLook) {
    const { config, deps, target, deadline, waitEnd } = step;
    const first = await (firstLook ?? describeService(deps, target, deadline));
    deps.log.info(progressLine(first));
    if (nativeStrategyOf(first))
        return followNative(step, early, first);
    if (!config.waitForStable || rolloutSettled(first))
        return { service: first, firstLook: true };
    const waited = await waitForRollout(deps, target, first, waitEnd, waitBudget(config.timeoutMs, config.bakeMs));
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
/** ECS's own blue/green, linear and canary: the service deployment decides when the rollout has ended. */
async function followNative(step, early, first) {
    const native = await followNativeRollout(step, first);
    const firstLook = native.service === first;
    if (!firstLook)
        early.stop();
    if (native.cancelled)
        return cancelledWhile(nothing(), `cancelled while following the deployment (${progressLine(native.service)})`);
    return {
        service: native.service,
        firstLook,
        timedOutAfterMs: native.timedOutAfterMs ?? native.deployment.timedOutAfterMs,
        deployment: native.deployment,
    };
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
    const ago = unread.lastLookAt === undefined ? '' : ` (${(0,format/* seconds */.YA)(deps.now() - unread.lastLookAt)} earlier)`;
    const why = `${unread.why}; the last look that succeeded${ago} showed ${progressLine(observed.service)}`;
    return { ...judged, check: unreadableRow('rollout', 'rollout', why, judged.check.threshold) };
}

// EXTERNAL MODULE: ../src/commits.ts
var commits = __webpack_require__(7253);
// EXTERNAL MODULE: ../node_modules/@aws-sdk/client-codepipeline/dist-es/CodePipelineClient.js + 8 modules
var CodePipelineClient = __webpack_require__(7153);
// EXTERNAL MODULE: ../node_modules/@aws-sdk/client-codepipeline/dist-es/commands/ListPipelineExecutionsCommand.js
var ListPipelineExecutionsCommand = __webpack_require__(7057);
// EXTERNAL MODULE: ../node_modules/@aws-sdk/client-codepipeline/dist-es/commands/RollbackStageCommand.js
var RollbackStageCommand = __webpack_require__(1068);
// EXTERNAL MODULE: ../node_modules/@aws-sdk/client-codepipeline/dist-es/commands/GetPipelineCommand.js
var GetPipelineCommand = __webpack_require__(7092);
// EXTERNAL MODULE: ../node_modules/@aws-sdk/client-codepipeline/dist-es/commands/GetPipelineStateCommand.js
var GetPipelineStateCommand = __webpack_require__(3783);
// EXTERNAL MODULE: ../node_modules/@aws-sdk/client-codepipeline/dist-es/commands/GetPipelineExecutionCommand.js
var GetPipelineExecutionCommand = __webpack_require__(350);
;// CONCATENATED MODULE: ../src/validate/rollback/pipeline.ts
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
        cp: deps.aws.get(CodePipelineClient/* CodePipelineClient */.p),
        opts: { abortSignal: deps.signal },
        read: (operation, fn) => patiently(deps, deadline, () => (0,aws_errors/* call */.T1)('codepipeline', operation, fn)),
    };
    try {
        const stage = await stageToRollBack(p, t);
        if (typeof stage === 'string')
            return result(false, stage);
        const { stageName, current } = stage;
        const listed = await p.read('ListPipelineExecutions', () => p.cp.send(new ListPipelineExecutionsCommand/* ListPipelineExecutionsCommand */.b({
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
        const started = await (0,aws_errors/* call */.T1)('codepipeline', 'RollbackStage', () => p.cp.send(new RollbackStageCommand/* RollbackStageCommand */.K({
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
    const { pipeline } = await p.read('GetPipeline', () => p.cp.send(new GetPipelineCommand/* GetPipelineCommand */.Y({ name: p.name }), p.opts));
    if (pipeline?.executionMode === 'PARALLEL')
        return `not possible: pipeline "${p.name}" runs in PARALLEL mode, where CodePipeline offers no stage rollback`;
    const stageName = deployStageOf(pipeline?.stages ?? [], t);
    if (!stageName)
        return `not possible: pipeline "${p.name}" has no stage that deploys ECS service "${t.service}"`;
    const state = await p.read('GetPipelineState', () => p.cp.send(new GetPipelineStateCommand/* GetPipelineStateCommand */.d({ name: p.name }), p.opts));
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
        const { pipelineExecution } = await p.read('GetPipelineExecution', () => p.cp.send(new GetPipelineExecutionCommand/* GetPipelineExecutionCommand */.q({ pipelineName: p.name, pipelineExecutionId: c.pipelineExecutionId }), p.opts));
        if (pipelineExecution?.pipelineVersion !== version)
            continue;
        if (pipelineExecution?.executionType === 'ROLLBACK')
            continue;
        return c;
    }
    return undefined;
}

// EXTERNAL MODULE: ../node_modules/@aws-sdk/client-ecs/dist-es/commands/UpdateServiceCommand.js
var UpdateServiceCommand = __webpack_require__(5482);
// EXTERNAL MODULE: ../node_modules/@aws-sdk/client-ecs/dist-es/commands/DescribeServiceRevisionsCommand.js
var DescribeServiceRevisionsCommand = __webpack_require__(5656);
;// CONCATENATED MODULE: ../src/validate/rollback/service.ts
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
            .get(ECSClient/* ECSClient */.Z)
            .send(new UpdateServiceCommand/* UpdateServiceCommand */.k({ cluster: t.cluster, service: t.service, taskDefinition: previous }), {
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
    const ecs = deps.aws.get(ECSClient/* ECSClient */.Z);
    const described = await patiently(deps, deadline, () => (0,aws_errors/* call */.T1)('ecs', 'DescribeServiceDeployments', () => ecs.send(new DescribeServiceDeploymentsCommand/* DescribeServiceDeploymentsCommand */.A({ serviceDeploymentArns: [deploymentArn] }), {
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
    const revisions = await patiently(deps, deadline, () => (0,aws_errors/* call */.T1)('ecs', 'DescribeServiceRevisions', () => ecs.send(new DescribeServiceRevisionsCommand/* DescribeServiceRevisionsCommand */.o({ serviceRevisionArns: [revisionArn] }), {
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

;// CONCATENATED MODULE: ../src/validate/rollback/on-failure.ts



async function rollBackIfMeasured(step, checks, service, history) {
    const { config, deps, target, deadline } = step;
    if (config.rollback === 'none')
        return undefined;
    const { failure } = judge(checks, config.onMissingData, target);
    if (failure === 'unverified' || failure === 'configuration')
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

;// CONCATENATED MODULE: ../src/validate/pause-hook/answer.ts

/** What the hook does when nobody answers it, said plainly. */
function ownTimeout(hook) {
    return `the hook keeps waiting and takes its own timeout action (${hook.timeoutAction ?? 'its configured action'}) at ${hook.expiresAt?.toISOString() ?? 'its timeout'}`;
}
const answer_names = (checks) => checks.map((c) => c.name).join(', ');
const measuredPass = (c) => c.status === 'pass' || c.status === 'skip';
/** The call the checks at the pause decide, and why; undefined action: no call (the why says which rule). */
function decide(checks) {
    const version = checks.find((c) => c.name === 'version');
    if (version && !measuredPass(version))
        return { why: `no call: the paused deployment was not verified as this release's (${version.message})` };
    const failed = checks.filter(measuredFailure);
    if (failed.length > 0)
        return {
            action: 'ROLLBACK',
            why: `a check measured a failure of the new revision (${answer_names(failed)})`,
        };
    const misconfigured = checks.filter(configurationError);
    if (misconfigured.length > 0)
        return { why: `no call: ${notAMeasurement(misconfigured)}` };
    const unread = checks.filter((c) => c.status === 'unverified');
    if (unread.length > 0)
        return {
            why: `no call: the result could not be verified (could not be read: ${answer_names(unread)}; nothing measured a failure), and the gate acts only on a measured verdict`,
        };
    const noData = checks.filter((c) => c.status === 'no-data');
    if (noData.length > 0)
        return {
            why: `no call: ${answer_names(noData)} had no data at the pause, so the new revision was not measured there (CONTINUE needs every check measured and passing)`,
        };
    return { action: 'CONTINUE', why: 'the new revision passed every check' };
}
function answerFor(checks, mode, hook) {
    const decided = decide(checks);
    if (decided.action === undefined)
        return { why: `${decided.why} — ${ownTimeout(hook)}` };
    if (mode === 'report-only')
        return {
            why: `no call (pause-hook: report-only): ${decided.why}, so the gate would have answered ${decided.action} — ${ownTimeout(hook)} unless someone answers it`,
        };
    return decided;
}

;// CONCATENATED MODULE: ../src/validate/pause-hook/new-revision.ts
// The pause-hook gate's checks of the new revision only, while the deployment waits at the hook: its tasks as
// the service deployment counts them, each of its tasks (ListTasks/DescribeTasks, judged by the new revision's
// task definition, so the old revision's tasks that still serve production are not counted), and its targets
// in the test (alternate) target groups.









const NEW_REVISION_CHECK = 'new revision';
const NEW_TASKS_CHECK = 'tasks of the new revision';
/** The service deployment's own count of the new revision: running = requested > 0. Pure. */
function judgeNewRevision(sd) {
    const t = sd.targetServiceRevision;
    const running = t?.runningTaskCount ?? 0;
    const requested = t?.requestedTaskCount ?? 0;
    const base = { name: NEW_REVISION_CHECK, type: 'rollout', threshold: 'running = requested > 0' };
    const ok = requested > 0 && running === requested;
    return {
        ...base,
        status: ok ? 'pass' : 'fail',
        value: `${running}/${requested}`,
        message: ok
            ? `${running} of ${requested} tasks of the new revision running (${t?.pendingTaskCount ?? 0} pending)`
            : `${running} of ${requested} tasks of the new revision are running (${t?.pendingTaskCount ?? 0} pending)`,
    };
}
/** The new revision's task definition (DescribeServiceRevisions); an Error (its message says why) if unread. */
async function readTaskDefinition(step, sd, deadline) {
    const arn = sd.targetServiceRevision?.arn;
    if (!arn)
        return new Error('the service deployment names no target revision');
    const { deps } = step;
    const ecs = deps.aws.get(ECSClient/* ECSClient */.Z);
    try {
        const out = await patiently(deps, deadline, () => (0,aws_errors/* call */.T1)('ecs', 'DescribeServiceRevisions', () => ecs.send(new DescribeServiceRevisionsCommand/* DescribeServiceRevisionsCommand */.o({ serviceRevisionArns: [arn] }), {
            abortSignal: deps.signal,
        })));
        const td = out.serviceRevisions?.[0]?.taskDefinition;
        return td ?? new Error(`service revision ${arn} was not found`);
    }
    catch (e) {
        return new Error(unreadableWhy(e));
    }
}
/** The target groups that carry the test traffic: each load balancer's alternate target group. */
function testTargetGroupArnsOf(service) {
    const arns = (service.loadBalancers ?? [])
        .map((lb) => lb.advancedConfiguration?.alternateTargetGroupArn)
        .filter((a) => !!a);
    return [...new Set(arns)];
}
/** A target group's name from its ARN (…:targetgroup/<name>/<id>), for rows about a group that was not read. */
function targetGroupNameOf(arn) {
    return arn.split(':targetgroup/')[1]?.split('/')[0] ?? arn;
}
/** The reads the checks at the pause share, each made once: the task definition and the test target groups. */
async function readAtPause(step, service, sd, deadline) {
    const arns = testTargetGroupArnsOf(service);
    const [taskDefinition, described] = await Promise.all([
        readTaskDefinition(step, sd, deadline),
        arns.length === 0
            ? []
            : describeTargetGroups(step.deps, arns, deadline).catch((e) => new Error(unreadableWhy(e))),
    ]);
    return { taskDefinition, testGroups: { arns, described } };
}
/**
 * The new revision's tasks (every one RUNNING and not UNHEALTHY, as many as the deployment requests) and, for
 * each test target group, every one of them registered and healthy there: the rows of both.
 */
async function checkNewTasks(step, sd, reads, deadline) {
    const requested = sd.targetServiceRevision?.requestedTaskCount ?? 0;
    const threshold = `${requested} RUNNING, none UNHEALTHY`;
    const { taskDefinition: td, testGroups } = reads;
    const unread = (why) => [
        unreadableRow(NEW_TASKS_CHECK, 'task', why, threshold),
        ...unreadGroups(testGroups.arns, why),
    ];
    if (td instanceof Error)
        return unread(td.message);
    let tally;
    try {
        tally = await tallyRunningTasks(step.deps, step.target, { deadline, newRevision: td });
    }
    catch (e) {
        return unread(unreadableWhy(e));
    }
    const good = tally.tasks.healthyRunningByTd.get(td) ?? 0;
    const ours = tally.tasks.byTd.get(td)?.count ?? 0;
    const ok = requested > 0 && good >= requested;
    const tasks = {
        name: NEW_TASKS_CHECK,
        type: 'task',
        threshold,
        status: ok ? 'pass' : 'fail',
        value: good,
        message: ok
            ? `${good} tasks on ${shortTd(td)} RUNNING and not UNHEALTHY`
            : `${good} of ${requested} tasks on ${shortTd(td)} are RUNNING and not UNHEALTHY (${ours} listed)`,
    };
    return [tasks, ...(await testGroupRows(step, testGroups, tally.tasks.newRevision, deadline))];
}
const unreadGroups = (arns, why) => arns.map((a) => unreadableRow(targetGroupCheckName(targetGroupNameOf(a)), 'traffic', why, 'healthy'));
/** A DescribeTargetHealth per test group (described once at the pause). */
async function testGroupRows(step, groups, newTasks, deadline) {
    if (groups.described instanceof Error)
        return unreadGroups(groups.arns, groups.described.message);
    const health = await Promise.all(groups.described.map((g) => readTargetHealth(step.deps, g, deadline)));
    return health.map((h) => judgeTargetGroup(h, newTasks));
}
/**
 * With expected-image-tag: the version of a deployment's new revision, judged as validate judges any (images
 * without the tag fail). Skipped without the input.
 */
async function checkDeploymentVersion(step, taskDefinition, deadline) {
    const expected = step.config.expectedImageTag;
    if (expected === undefined)
        return versionSkipped();
    if (taskDefinition instanceof Error)
        return unreadableRow('version', 'version', taskDefinition.message, expected);
    try {
        return await checkVersion(step.deps, expected, taskDefinition, deadline);
    }
    catch (e) {
        return unreadableRow('version', 'version', unreadableWhy(e), expected);
    }
}
/**
 * With expected-image-tag: whether the paused deployment is this release's. One that is not (its images lack
 * the tag) is not validate's to answer: its row is `unverified`, and the gate makes no call (answer.ts).
 */
async function checkReleaseVersion(step, taskDefinition, deadline) {
    const row = await checkDeploymentVersion(step, taskDefinition, deadline);
    return row.status === 'fail'
        ? {
            ...row,
            status: 'unverified',
            message: `the deployment paused at the hook is not this release's, so validate does not answer it: ${row.message}`,
        }
        : row;
}

;// CONCATENATED MODULE: ../src/validate/pause-hook/wait.ts









const PAUSE_CHECK = 'pause hook';
/** This release's service deployment: the service's current one, of a strategy that has lifecycle hooks. */
async function findRelease(step) {
    const { deps, target, deadline } = step;
    let service;
    try {
        service = await describeService(deps, target, deadline);
    }
    catch (e) {
        return unobserved(step, e);
    }
    const arn = await currentDeploymentArn(deps, target, service, deadline);
    const strategy = nativeStrategyOf(service);
    const hooks = service.deploymentConfiguration?.lifecycleHooks ?? [];
    const refuse = (why) => new Ending({ checks: [failRow(PAUSE_CHECK, 'gate', why)], unverified: [] });
    if (!strategy)
        return refuse(`pause-hook: ${step.config.pauseHook} needs a BLUE_GREEN, LINEAR or CANARY service; "${target.service}" deploys with ${service.deploymentConfiguration?.strategy ?? 'ROLLING'}, which has no lifecycle hooks`);
    if (!hooks.some((h) => h.targetType === 'PAUSE'))
        return refuse(`the ${strategy} service "${target.service}" has no PAUSE lifecycle hook to answer`);
    if (!arn)
        return refuse(`service "${target.service}" names no current service deployment`);
    return { service, arn };
}
/**
 * Follows the deployment until it waits at a PAUSE hook; an end, a timeout or an unreadable look ends the step.
 * A deployment that never paused while validate watched was not checked at a pause: its `pause hook` row is
 * `unverified` (the step cannot pass on it), and with expected-image-tag its version is still checked.
 */
async function waitForPause(step, release) {
    const { config, deps, waitEnd } = step;
    const followed = await deps.log.group(`Waiting for the deployment to pause at its PAUSE hook`, () => followDeployment(deps, release.arn, {
        deadline: waitEnd,
        done: (sd) => deploymentEnded(sd) || pausedHook(sd) !== undefined,
    }));
    const sd = followed.deployment;
    if (followed.cancelled)
        return cancelledWhile({ checks: [], unverified: [] }, 'cancelled while waiting for the pause hook');
    const hook = sd instanceof Error ? undefined : pausedHook(sd);
    if (sd instanceof Error || !hook?.hookId) {
        const row = judgeDeployment({
            deployment: sd,
            timedOutAfterMs: followed.timedOutAfterMs,
            waitBudget: waitBudget(config.timeoutMs, config.bakeMs),
        });
        if (sd instanceof Error) {
            const never = unreadableRow(PAUSE_CHECK, 'gate', `the deployment could not be followed: ${sd.message}`);
            return new Ending({ checks: [row, never], unverified: [] });
        }
        return new Ending({ checks: [row, neverPaused(sd), ...(await versionOf(step, sd))], unverified: [] });
    }
    deps.log.info(`Paused at ${sd.lifecycleStage}: PAUSE hook ${hook.hookId} awaits action until ${hook.expiresAt?.toISOString()} (then ${hook.timeoutAction})`);
    return { ...release, deployment: sd, hook: { ...hook, hookId: hook.hookId }, seenAt: deps.now() };
}
/** The gate saw no pause: nothing of the new revision was checked at one, and no call was made. */
function neverPaused(sd) {
    return {
        name: PAUSE_CHECK,
        type: 'gate',
        status: 'unverified',
        value: null,
        threshold: null,
        message: `the gate saw no pause: the deployment never waited at a PAUSE hook while validate watched (${phaseLine(sd)}), so nothing of the new revision was checked at the pause and no call was made`,
    };
}
/** With expected-image-tag, the version of the deployment validate saw end (a mismatch fails, as anywhere). */
async function versionOf(step, sd) {
    if (step.config.expectedImageTag === undefined)
        return [];
    const td = await readTaskDefinition(step, sd, step.deadline);
    return [await checkDeploymentVersion(step, td, step.deadline)];
}

;// CONCATENATED MODULE: ../src/validate/pause-hook/at-pause.ts










/** The answer is sent this long before the hook expires, at the latest: a late answer is refused. */
const ANSWER_MARGIN_MS = 60_000;
/**
 * The bake at the pause, once the first round is in: as long as bake-minutes, but ending by `answerBy` so the
 * answer comes before the hook expires (the first round's reads may have retried for a while), never negative.
 * Pure.
 */
function bakeAtPauseMs(bakeMs, answerBy, firstRoundAt) {
    return Math.max(0, Math.min(bakeMs, answerBy - firstRoundAt));
}
/** The reads at the pause may retry until then at the latest: an answer after the hook expired is no answer. */
function answerBy(step, paused) {
    const expires = paused.hook.expiresAt?.getTime() ?? Infinity;
    return Math.min(step.deadline, expires - ANSWER_MARGIN_MS);
}
/** The checks of the new revision at the pause, round after round over the bake, stopping at a breach. */
async function checkAtPause(step, paused) {
    const { config, deps } = step;
    const deadline = answerBy(step, paused);
    return deps.log.group(`Checks of the new revision at the pause`, async () => {
        // Metric windows start at the pause, bake or not: the minutes before it measured the old revision.
        const since = paused.seenAt;
        const [reads, api] = await Promise.all([
            readAtPause(step, paused.service, paused.deployment, deadline),
            lookUpApi(deps, config, deadline),
        ]);
        const healthConfig = healthAtPause(step, reads, api);
        const [version, tasks, health] = await Promise.all([
            checkReleaseVersion(step, reads.taskDefinition, deadline),
            checkNewTasks(step, paused.deployment, reads, deadline),
            healthRound(deps, healthConfig, since, deadline),
        ]);
        const checks = [judgeNewRevision(paused.deployment), ...tasks, version, ...health.checks];
        const first = { ...health, checks };
        for (const c of first.checks)
            deps.log.info(`${c.name} ${c.status}: ${c.message}`);
        const bakeMs = bakeAtPauseMs(config.bakeMs, deadline, first.at);
        if (bakeMs < config.bakeMs)
            warnCut(step, paused, bakeMs);
        if (bakeMs === 0)
            return { checks: first.checks, rounds: [], cancelled: false };
        const watch = pauseWatch(step, paused, reads);
        const baked = await bake(deps, healthConfig, since, first, bakeMs, watch, deadline);
        const last = baked.rounds.at(-1) ?? first;
        const rounds = baked.rounds.map((r) => ({ at: new Date(r.at).toISOString(), checks: r.checks }));
        // The version is looked at once; the bake's rounds re-read the rest.
        return {
            checks: last === first ? last.checks : [version, ...last.checks],
            rounds,
            cancelled: baked.cancelled,
        };
    });
}
function warnCut(step, paused, bakeMs) {
    step.deps.log.warning(`The PAUSE hook expires at ${paused.hook.expiresAt?.toISOString()}: the bake at the pause is cut to ${Math.round(bakeMs / 1000)} s (bake-minutes asks ${Math.round(step.config.bakeMs / 1000)} s) so the answer comes before the hook's own timeout`);
}
/**
 * The CloudWatch checks at the pause: the configured ones, the API's rate with api-name, and the 5XX rate of the
 * test (alternate) target groups — the new revision's traffic at the pause — not the production ones. A test group
 * that could not be described keeps its rate row, `unverified`, in every round.
 */
function healthAtPause(step, reads, api) {
    const { arns, described } = reads.testGroups;
    const health = healthConfigOf(step.config, described instanceof Error ? [] : described, api);
    if (!(described instanceof Error))
        return health;
    const unread = arns.map((a) => unreadableRow(targetGroupRateName(targetGroupNameOf(a)), 'metric', described.message, step.config.maxErrorRate));
    return { ...health, decided: [...health.decided, ...unread] };
}
/** Each bake round re-reads the deployment (still paused, new revision whole); the end re-counts its tasks. */
function pauseWatch(step, paused, reads) {
    return {
        service: async (deadline) => {
            try {
                const sd = await describeServiceDeployment(step.deps, paused.arn, deadline);
                const still = pausedHook(sd)?.hookId === paused.hook.hookId;
                return still
                    ? judgeNewRevision(sd)
                    : failRow(PAUSE_CHECK, 'gate', `the deployment no longer waits at the hook: ${phaseLine(sd)}`);
            }
            catch (e) {
                return unreadableRow(PAUSE_CHECK, 'gate', e instanceof Error ? e.message : String(e));
            }
        },
        tasks: (deadline) => checkNewTasks(step, paused.deployment, reads, deadline),
    };
}

// EXTERNAL MODULE: ../node_modules/@aws-sdk/client-ecs/dist-es/commands/ContinueServiceDeploymentCommand.js
var ContinueServiceDeploymentCommand = __webpack_require__(8307);
;// CONCATENATED MODULE: ../src/validate/pause-hook/continue.ts
// The pause-hook gate's one write: ContinueServiceDeployment with the answer. Sent once, with no SDK retry: an
// answer whose response was lost (a reset, a timeout, a 5xx, an answer that cannot be parsed) may have been
// applied, and a second one to the same hook is refused — so a lost answer is not sent again; the deployment is
// re-read instead, and the report says what happened: the hook was answered (it moved on) or it was not. Only a
// throttled answer, refused before it was applied, is sent again, while the deadline allows.





/** A throttled answer is sent again at most this many times (it was refused, not applied). */
const THROTTLED_RESENDS = 3;
const THROTTLE_INTERVAL_MS = 1_000;
async function continueServiceDeployment(deps, hook, action, deadline) {
    for (let resends = 0;; resends++) {
        try {
            await sendOnce(deps, hook, action);
            return {
                action,
                done: true,
                message: `ContinueServiceDeployment ${action} was accepted for hook ${hook.hookId}`,
            };
        }
        catch (e) {
            if ((0,aws_errors/* isThrottling */.E2)(e) && resends < THROTTLED_RESENDS && (await waitedOut(deps, resends, deadline)))
                continue;
            if (!answerMayBeLost(e))
                return refused(action, e);
            return afterLostAnswer(deps, hook, action, e, deadline);
        }
    }
}
/** One ContinueServiceDeployment, on a client that never retries it (aws.ts `once`). */
async function sendOnce(deps, hook, action) {
    const ecs = deps.aws.get(ECSClient/* ECSClient */.Z, { once: true });
    await (0,aws_errors/* call */.T1)('ecs', 'ContinueServiceDeployment', () => ecs.send(new ContinueServiceDeploymentCommand/* ContinueServiceDeploymentCommand */.L({ ...hook, action }), { abortSignal: deps.signal }));
}
/** The back-off before a throttled answer is sent again; false when the deadline or a cancel comes first. */
async function waitedOut(deps, resends, deadline) {
    const ms = (0,backoff/* backoffMs */.jo)(resends + 1, THROTTLE_INTERVAL_MS);
    if (deps.now() + ms >= deadline)
        return false;
    await deps.sleep(ms, deps.signal);
    return !deps.signal.aborted;
}
/** The call may have reached ECS and been applied, though its response never came back whole. */
function answerMayBeLost(e) {
    if ((0,aws_errors/* isAbort */.rV)(e) || (0,aws_errors/* isThrottling */.E2)(e))
        return false;
    // isTimeout: the SDK's request timeout, and the step's cut-off (DeadlineExceeded), which the SDK does not retry.
    return (0,aws_errors/* isTransient */.dg)(e) || (0,aws_errors/* isTimeout */.kL)(e);
}
function refused(action, e) {
    return { action, done: false, message: `ContinueServiceDeployment ${action} failed: ${(0,aws_errors/* describeError */.Uc)(e)}` };
}
/** The response was lost: the deployment says whether the hook was answered. */
async function afterLostAnswer(deps, hook, action, e, deadline) {
    const lost = `ContinueServiceDeployment ${action}: its response was lost (${(0,aws_errors/* describeError */.Uc)(e)})`;
    let sd;
    try {
        sd = await describeServiceDeployment(deps, hook.serviceDeploymentArn, deadline);
    }
    catch (reread) {
        return {
            action,
            done: false,
            message: `${lost}, and the deployment could not be read again (${(0,aws_errors/* describeError */.Uc)(reread)}): whether hook ${hook.hookId} was answered is not known`,
        };
    }
    if (pausedHook(sd)?.hookId === hook.hookId)
        return {
            action,
            done: false,
            message: `${lost}; not answered: the deployment still waits at hook ${hook.hookId} — ${phaseLine(sd)}`,
        };
    return {
        action,
        done: true,
        message: `${lost}; answered: the deployment moved on past hook ${hook.hookId} — ${phaseLine(sd)}`,
    };
}

;// CONCATENATED MODULE: ../src/validate/pause-hook/gate.ts









async function gateAtPauseHook(step) {
    const release = await findRelease(step);
    if (release instanceof Ending)
        return finish(step, release);
    const paused = await waitForPause(step, release);
    if (paused instanceof Ending)
        return finish(step, paused);
    const checked = await checkAtPause(step, paused);
    if (checked.cancelled)
        return finish(step, cancelledWhile({ ...checked, unverified: [] }, 'cancelled while checking at the pause hook'));
    const hook = await answerHook(step, paused, checked.checks);
    const end = await followToEnd(step, paused, hook);
    // The reason leads with what decided: the deployment's end after an answer, else the checks at the pause.
    const checks = hook.done ? [...end, ...checked.checks] : [...checked.checks, ...end];
    const notes = checks.some((c) => c.name === 'version' && c.status === 'skip') ? [VERSION_NOT_VERIFIED] : [];
    return finish(step, { checks, rounds: checked.rounds, unverified: notes, hook });
}
/** Answers the hook from the verdict on the new revision (answer.ts): the one write, made only on a measured verdict. */
async function answerHook(step, paused, checks) {
    const { config, deps } = step;
    const mode = config.pauseHook === 'report-only' ? 'report-only' : 'gate';
    const answer = answerFor(checks, mode, paused.hook);
    return deps.log.group(`Pause hook (${mode})`, async () => {
        if (answer.action === undefined) {
            deps.log.info(answer.why);
            return { mode, done: false, message: answer.why };
        }
        const hook = { serviceDeploymentArn: paused.arn, hookId: paused.hook.hookId };
        const made = await continueServiceDeployment(deps, hook, answer.action, step.deadline);
        const message = `${made.message}: ${answer.why}`;
        deps.log.info(message);
        return { mode, action: answer.action, done: made.done, message };
    });
}
/**
 * After an answer, the deployment is followed to its end and judged (a CONTINUE still has its traffic shift
 * and bake ahead). With report-only, someone else may answer: it is followed until the deadline too. When the
 * result could not be verified, nothing will move it but its own timeout: it is looked at once more.
 */
async function followToEnd(step, paused, hook) {
    const { config, deps, deadline } = step;
    const waitBudgetSaid = waitBudget(config.timeoutMs, 0);
    const unanswered = !hook.done && hook.mode === 'gate';
    const followed = await deps.log.group(`Following the deployment to its end`, () => followDeployment(deps, paused.arn, { deadline, ...(unanswered ? { done: () => true } : {}) }));
    const sd = followed.deployment;
    if (!(sd instanceof Error) && pausedHook(sd)?.hookId === paused.hook.hookId)
        return [stillPausedRow(sd, hook.action ? `${hook.action} was not accepted` : 'no answer was sent')];
    return [
        judgeDeployment({
            deployment: sd,
            timedOutAfterMs: followed.timedOutAfterMs,
            waitBudget: waitBudgetSaid,
        }),
    ];
}

;// CONCATENATED MODULE: ../src/validate/step.ts
function startStep(config, deps) {
    const startedAt = deps.now();
    return {
        config,
        deps,
        target: { cluster: config.cluster, service: config.service, region: config.region },
        startedAt,
        deadline: startedAt + config.timeoutMs,
        waitEnd: startedAt + config.timeoutMs - config.bakeMs,
    };
}

;// CONCATENATED MODULE: ../src/validate/run.ts










async function run(config, deps, options = {}) {
    const step = startStep(config, deps);
    // ECS's PAUSE hook: validate checks the new revision while the deployment waits, and answers the hook.
    if (config.pauseHook !== 'off')
        return gateAtPauseHook(step);
    // ListTasks pages are the critical path at scale: the first is asked for alongside the first
    // DescribeServices, and used only if that first look is the one judged (no wait in between).
    const early = askFirstPage(deps, step.target, step.deadline);
    const observed = await observeRollout(step, early, options.firstLook);
    if (observed instanceof Ending)
        return finish(step, observed);
    const reads = startEcsReads(step, observed, early);
    const history = await reads.history;
    const rollout = judgeObserved(step, observed, history);
    // CloudWatch's first round runs while the tasks are being read (once the target groups are known).
    const health = Promise.all([reads.groups, reads.api]).then(([groups, api]) => healthConfigOf(config, groups instanceof Error ? [] : groups, api));
    const firstRound = startFirstRound(step, rollout, health);
    const ecs = await checkEcs(step, observed, rollout, reads, early, options);
    if (ecs instanceof Ending)
        return finish(step, ecs);
    const findings = await checkHealth(step, observed.service, ecs, firstRound, await health);
    if (findings instanceof Ending)
        return finish(step, findings);
    const rollback = await rollBackIfMeasured(step, findings.checks, observed.service, history);
    return finish(step, { ...findings, rollback });
}

;// CONCATENATED MODULE: ../src/validate/several-verdict.ts


const detailsOf = (r) => r.details;
/** `cart: 5 of 6 checks passed`: a passing service's part of the step's reason, from its checks. */
function passedPart(r) {
    const d = detailsOf(r);
    return `${d.service}: ${passedCount(d.checks, d.unverified)}`;
}
/** How bad a result is: the step takes the worst. */
function rank(r) {
    if (r.cancelled)
        return 3;
    if (r.verdict === 'failure')
        return r.unverified ? 1 : 2;
    return 0;
}
function combineServices(config, services, results, time) {
    const worst = results.reduce((w, r) => (!w || rank(r) > rank(w) ? r : w), undefined);
    const failing = results.filter((r) => r.verdict === 'failure');
    const named = (r) => detailsOf(r).service;
    const others = failing.filter((r) => r !== worst).map(named);
    const list = services.map((s) => `"${s}"`).join(', ');
    const reason = worst && worst.verdict === 'failure'
        ? `${worst.reason}${others.length ? ` (and not passing either: ${others.join(', ')})` : ''}`
        : `Validation of services ${list} in cluster "${config.cluster}" passed: ${results.map(passedPart).join('; ')}`;
    const per = results.map((r) => {
        const { kind: _kind, ...rest } = detailsOf(r);
        void _kind;
        return rest;
    });
    const rows = (d) => d.checks.map((c) => ({ ...c, name: `${d.service}: ${c.name}` }));
    const details = {
        kind: 'validate',
        cluster: config.cluster,
        service: services.join(', '),
        checks: per.flatMap(rows),
        unverified: per.flatMap((d) => d.unverified.map((u) => `${d.service}: ${u}`)),
        services: per,
    };
    return (0,result/* stepResult */.G)(config, {
        verdict: failing.length > 0 ? 'failure' : 'success',
        reason,
        details,
        cancelled: results.some((r) => r.cancelled),
        unverified: failing.length > 0 && failing.every((r) => r.unverified),
        warnings: results.flatMap((r) => r.warnings.map((w) => `${named(r)}: ${w}`)),
        startedAt: time.startedAt,
        endedAt: time.endedAt,
    });
}

;// CONCATENATED MODULE: ../src/validate/several.ts



async function runServices(config, deps) {
    const services = config.services ?? [config.service];
    if (services.length < 2)
        return run(config, deps);
    const startedAt = deps.now();
    const firstLooks = lookAtAll(config, deps, services, startedAt + config.timeoutMs);
    const results = await Promise.all(services.map((service, i) => run({
        ...config,
        service,
        services: undefined,
        ...(i > 0 ? { api: undefined, metricChecks: [], alarmNames: [] } : {}),
    }, { ...deps, log: prefixed(deps.log, service) }, optionsFor(service, i > 0 ? services[0] : undefined, firstLooks))));
    return combineServices(config, services, results, { startedAt, endedAt: deps.now() });
}
/** One DescribeServices for every service (at most 10, DescribeServices' limit), bounded by the step's deadline. */
function lookAtAll(config, deps, services, deadline) {
    return describeServices(deps, { cluster: config.cluster, region: config.region }, services, deadline);
}
/** A run's share of the step: its first look, and the service the step-wide checks are judged with (not its own). */
function optionsFor(service, stepWideChecksWith, firstLooks) {
    const firstLook = firstLooks.then((lookOf) => lookOf(service));
    // The run awaits it (and meets the failure, if any); it is not left unhandled meanwhile.
    firstLook.catch(() => undefined);
    return {
        firstLook,
        ...(stepWideChecksWith ? { stepWideChecksWith } : {}),
    };
}
/** Runs side by side cannot share the runner's log groups: a service's lines carry its name instead. */
function prefixed(log, service) {
    const tag = (m) => `[${service}] ${m}`;
    return {
        info: (m) => log.info(tag(m)),
        warning: (m) => log.warning(tag(m)),
        debug: (m) => log.debug(tag(m)),
        group: (name, fn) => {
            log.info(tag(`— ${name} —`));
            return fn();
        },
    };
}


/***/ })

};
