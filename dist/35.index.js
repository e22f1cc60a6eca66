export const id = 35;
export const ids = [35];
export const modules = {

/***/ 1035:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ MODE_GRACE_MS),
/* harmony export */   EXIT_GRACE_MS: () => (/* binding */ EXIT_GRACE_MS),
/* harmony export */   Fu: () => (/* binding */ realTimeOf),
/* harmony export */   NE: () => (/* binding */ withDeadline),
/* harmony export */   WP: () => (/* binding */ LAST_LOOK_MS),
/* harmony export */   m4: () => (/* binding */ DeadlineExceeded),
/* harmony export */   pN: () => (/* binding */ settleBy),
/* harmony export */   pl: () => (/* binding */ REPORTING_BOUND_MS)
/* harmony export */ });
/* unused harmony exports OVERRUN_BOUND_MS, signalAt */
// The step's deadline and the fixed bound past it. timeout-minutes bounds all waiting; what comes after it is
// bounded too, so a step whose endpoints all hang (AWS, Slack, GitHub, SNS) still ends, with its summary and
// outputs, at most OVERRUN_BOUND_MS after timeout-minutes:
//   last look   AWS requests may run until deadline + LAST_LOOK_MS (a timed-out mode's one last read of the state);
//   mode grace  main stops waiting for the mode MODE_GRACE_MS after that and reports a timeout itself;
//   reporting   alerts and the commit status get until max(deadline, end of the mode + REPORTING_BOUND_MS);
//   exit        sockets still open after reporting do not keep the process alive longer than EXIT_GRACE_MS.
const LAST_LOOK_MS = 5_000;
const MODE_GRACE_MS = 1_000;
const REPORTING_BOUND_MS = 8_000;
const EXIT_GRACE_MS = 1_000;
/** The documented bound (docs/security.md): 15 s past timeout-minutes in the worst case. */
const OVERRUN_BOUND_MS = LAST_LOOK_MS + MODE_GRACE_MS + REPORTING_BOUND_MS + EXIT_GRACE_MS;
/** A request or a wait that got no answer in the time left before the step's deadline. */
class DeadlineExceeded extends Error {
    constructor(what) {
        super(`${what}: no answer before the step's deadline (timeout-minutes)`);
        this.name = 'DeadlineExceeded';
    }
}
/** An instant on `now`'s clock (a manual one in tests) as real time, for timers and request cut-offs. */
function realTimeOf(at, now) {
    return Date.now() + (at - now());
}
/** A signal that aborts at `at` (ms since the epoch), or at once when that is past. */
function signalAt(at, now = Date.now()) {
    return AbortSignal.timeout(Math.max(0, Math.ceil(at - now)));
}
/** The caller's signal, if any, and the deadline's, as one. */
function withDeadline(at, signal) {
    const deadline = signalAt(at);
    return signal ? AbortSignal.any([signal, deadline]) : deadline;
}
/**
 * `work`, or DeadlineExceeded when it has not settled by `at`. The work itself is not stopped (give it a signal
 * for that); this only keeps the caller from waiting on it.
 */
async function settleBy(work, at, what) {
    let timer;
    const late = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new DeadlineExceeded(what)), Math.max(0, at - Date.now()));
    });
    try {
        return await Promise.race([work, late]);
    }
    finally {
        clearTimeout(timer);
    }
}


/***/ })

};
