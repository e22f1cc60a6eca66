export const id = 722;
export const ids = [722,35];
export const modules = {

/***/ 1572:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ getExecOutput)
/* harmony export */ });
/* unused harmony export exec */
const real = () => __webpack_require__.e(/* import() */ 318).then(__webpack_require__.bind(__webpack_require__, 6318));
const exec = async (...args) => (await real()).exec(...args);
const getExecOutput = async (...args) => (await real()).getExecOutput(...args);


/***/ }),

/***/ 8589:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HttpClient: () => (/* binding */ HttpClient),
/* harmony export */   _: () => (/* binding */ loadRealHttpClient)
/* harmony export */ });
let real;
/** Loads the real module; from then on every stand-in forwards everything, synchronous methods too. */
async function loadRealHttpClient() {
    return (real ??= await Promise.all(/* import() */[__webpack_require__.e(734), __webpack_require__.e(564)]).then(__webpack_require__.bind(__webpack_require__, 8564)));
}
/** The promise-returning methods: all a caller may use before the real module is loaded. */
const ASYNC = new Set([
    'options',
    'get',
    'del',
    'post',
    'patch',
    'put',
    'head',
    'sendStream',
    'getJson',
    'postJson',
    'putJson',
    'patchJson',
    'request',
    'requestRaw',
]);
class LazyHttpClient {
    constructor(...args) {
        let client;
        const made = (r) => (client ??= new r.HttpClient(...args));
        return new Proxy(this, {
            get(_, name) {
                if (real) {
                    const c = made(real);
                    const value = c[name];
                    return typeof value === 'function' ? value.bind(c) : value;
                }
                if (ASYNC.has(name)) {
                    return async (...a) => {
                        const c = made(await loadRealHttpClient());
                        return c[name].apply(c, a);
                    };
                }
                // Not a thenable, and no other use before loading: say plainly which call came too early.
                if (name === 'then' || typeof name === 'symbol')
                    return undefined;
                throw new Error(`HttpClient.${name} called before @actions/http-client was loaded (build/lazy-http-client.ts)`);
            },
        });
    }
}
const HttpClient = LazyHttpClient;


/***/ }),

/***/ 5834:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   YAMLParseError: () => (/* binding */ YAMLParseError),
/* harmony export */   parse: () => (/* binding */ parse),
/* harmony export */   parseDocument: () => (/* binding */ parseDocument),
/* harmony export */   ready: () => (/* binding */ ready)
/* harmony export */ });
let real;
/** Loads the real parser: after this, parse and parseDocument work. */
async function ready() {
    real ??= await __webpack_require__.e(/* import() */ 637).then(__webpack_require__.t.bind(__webpack_require__, 6637, 19));
}
function loaded() {
    if (!real)
        throw new Error('the YAML parser was used before ready() loaded it (build/lazy-yaml.ts)');
    return real;
}
const parse = ((...args) => loaded().parse(...args));
const parseDocument = ((...args) => loaded().parseDocument(...args));
/** `e instanceof YAMLParseError` asks the real class. */
const YAMLParseError = class {
    static [Symbol.hasInstance](value) {
        return real !== undefined && value instanceof real.YAMLParseError;
    }
};


/***/ }),

/***/ 8604:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CA: () => (/* binding */ errorCode),
/* harmony export */   E2: () => (/* binding */ isThrottling),
/* harmony export */   H6: () => (/* binding */ isUnreachableAddress),
/* harmony export */   Pu: () => (/* binding */ failureLine),
/* harmony export */   T1: () => (/* binding */ call),
/* harmony export */   Uc: () => (/* binding */ describeError),
/* harmony export */   dg: () => (/* binding */ isTransient),
/* harmony export */   iQ: () => (/* binding */ AwsCallError),
/* harmony export */   kL: () => (/* binding */ isTimeout),
/* harmony export */   rV: () => (/* binding */ isAbort)
/* harmony export */ });
/* unused harmony exports iamAction, isUnparsableAnswer, isAccessDenied, isMissingCredentials */
// How every mode tells AWS errors apart, in one table: a cancel is no failure, throttling and transient network
// or server trouble are worth waiting out (the SDK has already retried them), anything else is final. And the
// one line a final error becomes: which call failed, AWS's own message, and for access denied the IAM action
// to allow (`<service>:<Operation>`; for these services IAM action names are the API operation names).
/** Error names AWS (and the SDK's own classifier) use for "slow down". */
const THROTTLING = new Set([
    'ThrottlingException',
    'Throttling',
    'TooManyRequestsException',
    'RequestLimitExceeded',
    'RequestThrottled',
    'RequestThrottledException',
    'ThrottledException',
    'SlowDown',
    // A quota for CreatePipeline/UpdatePipeline, but the SDK (and most services) treat it as throttling.
    'LimitExceededException',
    'ProvisionedThroughputExceededException',
]);
/** Connection failures: the request never got an answer. */
const NETWORK = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'EPIPE',
    'ETIMEDOUT',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ECONNABORTED',
    'UND_ERR_SOCKET',
]);
/**
 * Network failures that say the address itself is wrong. For AWS endpoints they are outages worth waiting out
 * (the endpoint is the SDK's); for a user-given URL (a Slack webhook) they will fail the same way every time.
 */
const UNREACHABLE_ADDRESS = new Set([
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_FAIL',
    'CERT_HAS_EXPIRED',
    'ERR_INVALID_URL',
]);
const TIMEOUTS = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'InternalFailure']);
const ACCESS_DENIED = new Set([
    'AccessDeniedException',
    'AccessDenied',
    'UnauthorizedOperation',
    'NotAuthorized',
]);
const NO_CREDENTIALS = new Set([
    'CredentialsProviderError',
    'UnrecognizedClientException',
    'InvalidClientTokenId',
]);
/** The SDK's developer hint appended to an error raised while reading an answer: never shown to users. */
const SDK_HINT = /\s*Deserialization error: to see the raw response, inspect the hidden field \{error\}\.\$response on this object\.?/g;
/** Connection failures the SDK's Node handler renames `TimeoutError` although no timeout was involved. */
const RENAMED_RESETS = new Set(['ECONNRESET', 'EPIPE']);
/** An AWS call that failed, remembered with the call so the failure line can name it and its IAM action. */
class AwsCallError extends Error {
    error;
    service;
    operation;
    constructor(call, error) {
        super(failureLine(call, error));
        this.error = error;
        this.name = 'AwsCallError';
        this.service = call.service;
        this.operation = call.operation;
    }
}
/** Runs one AWS call; an error it throws comes back as an AwsCallError naming the call. */
async function call(service, operation, fn) {
    try {
        return await fn();
    }
    catch (e) {
        throw e instanceof AwsCallError ? e : new AwsCallError({ service, operation }, e);
    }
}
/** The error AWS (or the network) threw, under any AwsCallError wrapping it. */
function cause(e) {
    return e instanceof AwsCallError ? e.error : e;
}
function iamAction(c) {
    // API Gateway's IAM actions are its HTTP methods: GetRestApis and GetApis are both apigateway:GET.
    if (c.service === 'apigateway')
        return 'apigateway:GET';
    return `${c.service}:${c.operation}`;
}
/** `[<subject>: ]<Operation> was denied — AccessDeniedException: <AWS message>. Allow <service>:<Operation> …` */
function failureLine(c, error, opts = {}) {
    const e = cause(error);
    const unanswered = unverifiedAnswer(e);
    if (unanswered)
        return `${opts.subject ? `${opts.subject}: ` : ''}${iamAction(c)}: ${unanswered}`;
    const code = errorCode(e);
    const message = cleanMessage(e?.message ?? String(e));
    const verb = isAccessDenied(e) ? 'was denied' : opts.rejected ? 'was rejected by AWS' : 'failed';
    const what = `${opts.subject ? `${opts.subject}: ` : ''}${c.operation} ${verb} — ${code}: ${message || '(no message)'}`;
    const hint = isAccessDenied(e)
        ? `Allow ${[iamAction(c), ...(opts.extraActions ?? [])].join(' and ')} for the credentials this step uses.`
        : (opts.hint ??
            (isMissingCredentials(e)
                ? 'Configure AWS credentials for this job first (aws-actions/configure-aws-credentials).'
                : undefined));
    return hint ? `${what}${/[.!?]$/.test(what) ? '' : '.'} ${hint}` : what;
}
/** AWS's error code: the SDK's `name` (`AccessDeniedException`), else Node's `code` (`ECONNRESET`), else `Error`. */
function errorCode(e) {
    const err = cause(e);
    if (err?.name === 'TimeoutError' && RENAMED_RESETS.has(err.code ?? ''))
        return err.code;
    if (err?.name && err.name !== 'Error')
        return err.name;
    return err?.code ?? 'Error';
}
/**
 * The call was aborted by the cancel signal: the step was cancelled, nothing failed. An abort whose reason is a
 * timeout (`AbortSignal.timeout`, the deadline's budget for the call) is no cancel: see isTimeout.
 */
function isAbort(e) {
    const err = cause(e);
    return err?.name === 'AbortError' && !isTimeoutAbort(err);
}
/**
 * No answer in time: the request timed out (a `TimeoutError` — the deadline's per-call budget, or the SDK's own
 * request/socket timeout — or an abort whose reason is one) or AWS gave up waiting on it (`RequestTimeout`).
 */
function isTimeout(e) {
    const err = cause(e);
    if (!err)
        return false;
    if (isTimeoutError(err))
        return true;
    if (isTimeoutAbort(err))
        return true;
    // The step's cut-off ended the request (src/aws.ts boundedHandler).
    if (err.name === 'DeadlineExceeded')
        return true;
    return err.name === 'RequestTimeout' || err.name === 'RequestTimeoutException';
}
function isTimeoutError(e) {
    const err = e;
    // The SDK's Node handler names a reset or a broken pipe TimeoutError too: those are connection failures.
    return err?.name === 'TimeoutError' && !RENAMED_RESETS.has(err.code ?? '');
}
/** An abort whose reason is a timeout: the reason as `cause`, or (a reason from another realm) as its text. */
function isTimeoutAbort(err) {
    return (err.name === 'AbortError' &&
        (isTimeoutError(err.cause) || (typeof err.message === 'string' && err.message.startsWith('TimeoutError'))));
}
/**
 * AWS (or whatever answered in its place: a proxy, a captive portal) sent something the SDK could not read: an
 * HTML page, truncated JSON or XML. The SDK raises these while deserializing, with the raw response hidden on
 * the error. Worth another look: the next answer is usually a real one.
 */
function isUnparsableAnswer(e) {
    const err = cause(e);
    if (!err || typeof err !== 'object' || isNetworkCode(err.code) || isResetMidAnswer(err))
        return false;
    if (typeof err.message === 'string' && /Deserialization error: to see the raw response/.test(err.message))
        return true;
    return (err.$metadata !== undefined && (err.name === 'SyntaxError' || /XML parse error/.test(err.message ?? '')));
}
/** The connection broke while AWS's answer was arriving (status and headers seen, the body cut short). */
function isResetMidAnswer(err) {
    if (isNetworkCode(err.code))
        return hiddenResponse(err) !== undefined;
    // Node's own error from another realm, which the SDK wraps and so loses its code.
    return /^(AWS SDK error wrapper for Error: )?aborted$/.test(cleanMessage(err.message ?? ''));
}
function isNetworkCode(code) {
    return NETWORK.has(code ?? '');
}
function hiddenResponse(err) {
    try {
        const r = err.$response;
        return r && typeof r === 'object' ? r : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * For an answer that leaves the result unknown (unparsable, cut short, or none in time): what happened, ending
 * "could not be verified". Undefined for every other error.
 */
function unverifiedAnswer(e) {
    const err = e;
    if (!err || typeof err !== 'object')
        return undefined;
    if (isTimeout(err)) {
        const what = err.name === 'RequestTimeout' || err.name === 'RequestTimeoutException'
            ? `AWS gave up waiting for the request (${err.name})`
            : 'no answer within the time left before the deadline (the request timed out)';
        return `${what} — could not be verified`;
    }
    if (isUnparsableAnswer(err)) {
        return `AWS answered with something that is not a valid response (${answerShape(err)}) — could not be verified`;
    }
    if (isResetMidAnswer(err)) {
        return `the connection was reset before AWS's answer was complete (${answerShape(err)}, ${err.code ?? 'ECONNRESET'}) — could not be verified`;
    }
    return undefined;
}
/** `HTTP 200, text/html: "Sign in to the network"`: status, media type and, for a page, its sanitized title. */
function answerShape(err) {
    const response = hiddenResponse(err);
    const status = response?.statusCode ?? err.$metadata?.httpStatusCode;
    const headers = response?.headers ?? {};
    const typeHeader = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
    const type = typeof typeHeader === 'string' ? sanitize(typeHeader.split(';')[0] ?? '', 40) : '';
    const body = typeof response?.body === 'string' ? response.body : '';
    const title = /<title[^>]*>([^<]*)</i.exec(body.slice(0, 4096))?.[1];
    const excerpt = title ? sanitize(title, 80) : '';
    const parts = [status !== undefined ? `HTTP ${status}` : 'HTTP status unknown'];
    if (type)
        parts.push(excerpt ? `${type}: "${excerpt}"` : type);
    return parts.join(', ');
}
/** One line of at most `max` characters, without control characters or quotes: safe to quote in a sentence. */
function sanitize(text, max) {
    const line = text
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u001f\u007f-\u009f"`]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
/** An error's message on one line, without the SDK's developer hint. */
function cleanMessage(message) {
    return message.replace(SDK_HINT, '').replace(/\s+/g, ' ').trim();
}
function isThrottling(e) {
    const err = cause(e);
    return THROTTLING.has(err?.name ?? '') || err?.$metadata?.httpStatusCode === 429;
}
function isAccessDenied(e) {
    return ACCESS_DENIED.has(errorCode(e));
}
function isMissingCredentials(e) {
    return NO_CREDENTIALS.has(errorCode(e));
}
/**
 * Throttling, 5xx, timeouts, connection failures and answers that are not valid responses (an HTML page, cut
 * JSON): wait and look again. An abort (a cancel) is never transient.
 */
function isTransient(e, opts = {}) {
    if (isAbort(e))
        return false;
    if (isThrottling(e))
        return true;
    const err = cause(e);
    const status = err?.$metadata?.httpStatusCode;
    if (status !== undefined && status >= 500)
        return true;
    const code = err?.code ?? '';
    if (opts.network === 'address' && UNREACHABLE_ADDRESS.has(code))
        return false;
    if (NETWORK.has(code) || NETWORK.has(err?.name ?? ''))
        return true;
    if (TIMEOUTS.has(err?.name ?? '') || isTimeout(err))
        return true;
    if (isUnparsableAnswer(err))
        return true;
    // No HTTP status at all: the request never got an answer (socket hang up, reset, …).
    return status === undefined && err?.$metadata !== undefined && !err.name?.endsWith('Exception');
}
/** Whether a network failure reaching a user-given address is worth another attempt. */
function isUnreachableAddress(e) {
    return UNREACHABLE_ADDRESS.has(cause(e)?.code ?? '');
}
/**
 * `AccessDeniedException: <AWS message>`; a failed call as its failure line (naming the call); a cancel reads
 * as such, not as an error.
 */
function describeError(e) {
    if (isAbort(e))
        return 'cancelled (the step was cancelled while the call was in flight)';
    if (e instanceof AwsCallError)
        return e.message;
    const unanswered = unverifiedAnswer(e);
    if (unanswered)
        return unanswered;
    const err = e;
    const code = errorCode(err);
    const name = err?.name && err.name !== 'Error' ? `${code}: ` : '';
    const message = err?.message;
    return `${name}${typeof message === 'string' ? message.replace(SDK_HINT, '') : String(e)}`;
}


/***/ }),

/***/ 8276:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gM: () => (/* binding */ HTTP_TIMEOUTS),
  Gv: () => (/* binding */ createAwsClients)
});

// UNUSED EXPORTS: boundedHandler

;// CONCATENATED MODULE: ../src/body-collector.ts
/** Preallocated from Content-Length up to this; a larger body grows as it arrives. */
const PREALLOCATE_MAX = 8 * 1024 * 1024;
/** The body, copied chunk by chunk into one array sized from Content-Length (each chunk is dropped at once). */
function collectBody(stream) {
    let body = new Uint8Array(expectedLength(stream));
    let length = 0;
    return new Promise((resolve, reject) => {
        stream.on('data', (chunk) => {
            if (length + chunk.byteLength > body.byteLength)
                body = grown(body, length, length + chunk.byteLength);
            body.set(chunk, length);
            length += chunk.byteLength;
        });
        stream.on('error', reject);
        stream.on('end', () => resolve(length === body.byteLength ? body : body.subarray(0, length)));
    });
}
function expectedLength(stream) {
    const declared = Number(stream.headers?.['content-length']);
    return Number.isSafeInteger(declared) && declared > 0 ? Math.min(declared, PREALLOCATE_MAX) : 0;
}
/** A larger array holding the first `length` bytes of `body` (doubling, so that a long body is copied O(n)). */
function grown(body, length, needed) {
    const next = new Uint8Array(Math.max(needed, body.byteLength * 2));
    next.set(body.subarray(0, length));
    return next;
}

// EXTERNAL MODULE: ../src/deadline.ts
var deadline = __webpack_require__(1035);
// EXTERNAL MODULE: ../src/version.ts
var version = __webpack_require__(4743);
;// CONCATENATED MODULE: ../src/aws.ts



/**
 * A hung connection must not outlast timeout-minutes: the SDK's Node handler waits forever by default.
 * Connecting gets 5 s; a request without an answer after 60 s fails and is retried like any transient error
 * (@smithy/node-http-handler only logs a warning at requestTimeout unless throwOnRequestTimeout is set).
 */
const HTTP_TIMEOUTS = { connectionTimeout: 5_000, requestTimeout: 60_000, throwOnRequestTimeout: true };
async function createAwsClients(config, env = process.env, limits = {}) {
    // Loaded here, not at the top: a run with bad inputs never gets this far (see runner.ts).
    const { NodeHttpHandler } = await Promise.all(/* import() */[__webpack_require__.e(18), __webpack_require__.e(681)]).then(__webpack_require__.bind(__webpack_require__, 681));
    const handler = (await proxyHandler(env)) ?? new NodeHttpHandler(HTTP_TIMEOUTS);
    const options = {
        region: config.region,
        maxAttempts: config.maxAttempts,
        retryMode: 'standard',
        customUserAgent: [[version/* ACTION_NAME */.p, version/* ACTION_VERSION */.Y]],
        streamCollector: collectBody,
        requestHandler: limits.cutoff === undefined ? handler : boundedHandler(handler, limits.cutoff),
        ...(limits.retryStrategy === undefined ? {} : { retryStrategy: limits.retryStrategy }),
    };
    const cache = new Map();
    return {
        get(Client, overrides = {}) {
            const region = overrides.region ?? options.region;
            const key = overrides.once ? `${region} once` : region;
            let byKey = cache.get(Client);
            if (!byKey)
                cache.set(Client, (byKey = new Map()));
            if (!byKey.has(key))
                byKey.set(key, new Client(overrides.once ? sentOnce(options, region) : { ...options, region }));
            return byKey.get(key);
        },
    };
}
/** The shared options with one attempt: no retry strategy (a test's would retry), maxAttempts 1. */
function sentOnce(options, region) {
    const { retryStrategy: _retries, ...rest } = options;
    void _retries;
    return { ...rest, region, maxAttempts: 1 };
}
/**
 * The SDK's handler, with every request's abort signal joined to the cut-off. A request the cut-off ends fails
 * as DeadlineExceeded, so the mode reports a timeout rather than a cancel, and the SDK does not retry it.
 */
function boundedHandler(inner, cutoff) {
    const bounded = Object.create(inner);
    bounded.handle = async (...[request, options = {}]) => {
        const caller = options.abortSignal;
        const abortSignal = (0,deadline/* withDeadline */.NE)(cutoff(), caller);
        try {
            return await inner.handle(request, { ...options, abortSignal });
        }
        catch (e) {
            if (abortSignal.aborted && !caller?.aborted)
                throw new deadline/* DeadlineExceeded */.m4(`${request.hostname}${request.path}`);
            throw e;
        }
    };
    return bounded;
}
/** HTTPS_PROXY/NO_PROXY support (the SDK ignores them); loaded only when a proxy is configured. */
async function proxyHandler(env) {
    const configured = [
        'HTTPS_PROXY',
        'https_proxy',
        'HTTP_PROXY',
        'http_proxy',
        'ALL_PROXY',
        'all_proxy',
    ].some((k) => env[k]);
    if (!configured)
        return undefined;
    const { proxyAwareHandler } = await Promise.all(/* import() */[__webpack_require__.e(18), __webpack_require__.e(245)]).then(__webpack_require__.bind(__webpack_require__, 6245));
    return proxyAwareHandler();
}


/***/ }),

/***/ 7253:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fu: () => (/* binding */ shortSha),
/* harmony export */   Kd: () => (/* binding */ sameCommit),
/* harmony export */   U8: () => (/* binding */ defaultVersion),
/* harmony export */   jA: () => (/* binding */ versionBesidesCommit)
/* harmony export */ });
/* unused harmony export SHORT_SHA_LENGTH */
// Commit SHAs as every mode speaks of them: the short form shown to people and used as the default version,
// and the one test of "does this execution run this commit?". Pure.
/** Git's usual abbreviation, and what the buildspec's VERSION `auto` takes of COMMIT_ID. */
const SHORT_SHA_LENGTH = 7;
/** A full SHA-1 commit id; anything shorter is an abbreviation. */
const FULL_SHA_LENGTH = 40;
function shortSha(sha) {
    return sha.slice(0, SHORT_SHA_LENGTH);
}
/**
 * The version when the `version` input is not given: the short commit SHA. create-pipeline's adoption test
 * (does AWS's first execution, VERSION `auto`, build the version asked for?) relies on this being the same.
 */
function defaultVersion(commitSha) {
    return commitSha ? shortSha(commitSha) : undefined;
}
/**
 * Whether a source revision is the commit: case-insensitive; equal, or — only when one side is abbreviated —
 * the abbreviation (at least 7 characters) is a prefix of the other. Two different full SHAs never match.
 */
function sameCommit(revision, sha) {
    if (!revision || !sha)
        return false;
    const a = revision.toLowerCase();
    const b = sha.toLowerCase();
    if (a === b)
        return true;
    const [short, long] = a.length <= b.length ? [a, b] : [b, a];
    return short.length >= SHORT_SHA_LENGTH && short.length < FULL_SHA_LENGTH && long.startsWith(short);
}
/** The version worth showing beside the commit: none when it only names the commit (the default short SHA). */
function versionBesidesCommit(version, commitSha) {
    return version && !sameCommit(version, commitSha) ? version : undefined;
}


/***/ }),

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


/***/ }),

/***/ 8904:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fl: () => (/* binding */ formatValue),
/* harmony export */   Gx: () => (/* binding */ minutes),
/* harmony export */   Ly: () => (/* binding */ isoTime),
/* harmony export */   MB: () => (/* binding */ wholeCharacters),
/* harmony export */   NF: () => (/* binding */ printableAscii),
/* harmony export */   O1: () => (/* binding */ secondsBetween),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   YA: () => (/* binding */ seconds),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   a6: () => (/* binding */ waitedFor),
/* harmony export */   qo: () => (/* binding */ clockTime),
/* harmony export */   sK: () => (/* binding */ capitalise),
/* harmony export */   th: () => (/* binding */ minutesValue),
/* harmony export */   xv: () => (/* binding */ truncate)
/* harmony export */ });
// How times, durations and values read, written down once for the modes' sentences and every report:
// durations, minutes of a timeout, instants, length bounds, plain text. Pure.
/** `95` → `1m 35s`; `3725` → `1h 2m` (as GitHub shows a job's duration); undefined for no duration. */
function formatDuration(seconds) {
    if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0)
        return undefined;
    const s = Math.round(seconds);
    if (s < 60)
        return `${s}s`;
    const m = Math.floor(s / 60);
    if (m < 60)
        return `${m}m ${s % 60}s`;
    return `${Math.floor(m / 60)}h ${m % 60}m`;
}
/**
 * `4600` → `5 s`: milliseconds as whole seconds, the wording of a wait in the log and in a check's message.
 * `up` rounds up (a wait still to come is not understated).
 */
function seconds(ms, rounding = 'nearest') {
    return `${(rounding === 'up' ? Math.ceil : Math.round)(ms / 1000)} s`;
}
/** `after waiting 125 s (timeout-minutes 3)`: how long a wait lasted and what bounded it, said once. */
function waitedFor(ms, budget) {
    return `after waiting ${seconds(ms)} (${budget})`;
}
/** `90000` → `1.5`: minutes as an input such as timeout-minutes says them, up to 2 decimals. */
function minutesValue(ms) {
    return String(Math.round((ms / 60_000) * 100) / 100);
}
/** `3000` → `0.05 min (3 s)`, `90000` → `1.5 min`: the wording of a timeout, seconds too when under a minute. */
function minutes(ms) {
    const min = `${minutesValue(ms)} min`;
    return ms < 60_000 ? `${min} (${seconds(ms)})` : min;
}
/** Seconds between two ISO-8601 instants, when both are known and in order. */
function secondsBetween(start, end) {
    if (!start || !end)
        return undefined;
    const d = (Date.parse(end) - Date.parse(start)) / 1000;
    return Number.isFinite(d) && d >= 0 ? d : undefined;
}
/** Milliseconds since the epoch → ISO-8601; undefined for an unknown (or unparsable, NaN) instant. */
function isoTime(ms) {
    return ms === undefined || Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
/** `2026-11-05T10:11:12.345Z` → `10:11:12 UTC` (the date is the run's, the time is what readers compare). */
function clockTime(iso) {
    if (!iso)
        return undefined;
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? undefined : `${d.toISOString().slice(11, 19)} UTC`;
}
/** `the rollout failed` → `The rollout failed`: a clause become a sentence. */
function capitalise(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
/** Cuts `text` to at most `max` characters, marking the cut with an ellipsis. */
function truncate(text, max) {
    if (text.length <= max)
        return text;
    return max <= 1 ? wholeCharacters(text, max) : wholeCharacters(text, max - 1) + '…';
}
/**
 * The first `units` UTF-16 units, without half of a character cut in two: a lone surrogate is not valid Unicode,
 * and the SDK's URL encoding of an SNS message throws on one (an emoji in a build log lost the e-mail alert).
 */
function wholeCharacters(text, units) {
    const cut = text.slice(0, units);
    return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
/** One line: newlines and runs of whitespace become single spaces. */
function oneLine(text) {
    return text.replace(/\s+/g, ' ').trim();
}
/** Printable ASCII only (e-mail subjects): accents dropped, other characters replaced by `?`. */
function printableAscii(text) {
    return oneLine(text)
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^\x20-\x7e]/g, '?');
}
/** Value of a check (number, string or null) as a reader wants it. */
function formatValue(value) {
    if (value === undefined || value === null)
        return '—';
    if (typeof value === 'number') {
        if (Number.isInteger(value))
            return String(value);
        return String(Number(value.toPrecision(4)));
    }
    return value;
}


/***/ }),

/***/ 534:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G0: () => (/* binding */ Inputs),
/* harmony export */   Hw: () => (/* binding */ Defaults),
/* harmony export */   K: () => (/* binding */ SecretInputs),
/* harmony export */   dX: () => (/* binding */ Modes),
/* harmony export */   tY: () => (/* binding */ Outputs)
/* harmony export */ });
// One list of the action's input and output names, shared by config parsing, reports, docs and tests.
// A default here is the one the code applies; action.yml must state the same (checked by a test).
const Inputs = {
    Mode: 'mode',
    ProjectName: 'project-name',
    Environment: 'environment',
    Version: 'version',
    AwsRegion: 'aws-region',
    PipelineName: 'pipeline-name',
    CommitSha: 'commit-sha',
    TimeoutMinutes: 'timeout-minutes',
    MaxAttempts: 'max-attempts',
    // create-pipeline
    RoleArn: 'role-arn',
    ConnectionArn: 'connection-arn',
    Repository: 'repository',
    Branch: 'branch',
    ArtifactBucket: 'artifact-bucket',
    BuildProject: 'build-project',
    TestProject: 'test-project',
    Cluster: 'cluster',
    Service: 'service',
    ImageDefinitionsFile: 'image-definitions-file',
    ExecutionMode: 'execution-mode',
    SourceTrigger: 'source-trigger',
    PipelineDefinition: 'pipeline-definition',
    Tags: 'tags',
    StartExecution: 'start-execution',
    Wait: 'wait',
    DryRun: 'dry-run',
    Approval: 'approval',
    ApprovalSnsTopicArn: 'approval-sns-topic-arn',
    ApprovalReviewUrl: 'approval-review-url',
    ApprovalComment: 'approval-comment',
    RollbackOnFailure: 'rollback-on-failure',
    // monitor
    ExecutionId: 'execution-id',
    OnSuperseded: 'on-superseded',
    StopOnCancel: 'stop-on-cancel',
    FollowRollback: 'follow-rollback',
    PollIntervalSeconds: 'poll-interval-seconds',
    // validate
    WaitForStable: 'wait-for-stable',
    ExpectedImageTag: 'expected-image-tag',
    ApiName: 'api-name',
    ApiStage: 'api-stage',
    MaxErrorRate: 'max-error-rate',
    WindowMinutes: 'window-minutes',
    MetricChecks: 'metric-checks',
    AlarmNames: 'alarm-names',
    OnMissingData: 'on-missing-data',
    BakeMinutes: 'bake-minutes',
    Rollback: 'rollback',
    PauseHook: 'pause-hook',
    // reporting
    SlackWebhookUrl: 'slack-webhook-url',
    SlackBotToken: 'slack-bot-token',
    SlackChannel: 'slack-channel',
    NotifyOn: 'notify-on',
    SnsTopicArn: 'sns-topic-arn',
    GithubToken: 'github-token',
    StatusContext: 'status-context',
    StatusFinal: 'status-final',
    DeploymentEnvironment: 'deployment-environment',
    EnvironmentUrl: 'environment-url',
    FailOnAlertError: 'fail-on-alert-error',
};
/** Inputs whose value is a secret: masked as soon as read, never echoed in errors. */
const SecretInputs = [
    Inputs.SlackWebhookUrl,
    Inputs.SlackBotToken,
    Inputs.GithubToken,
];
/**
 * Literal defaults. Derived defaults (`pipeline-name` = `<project-name>-<environment>`, `commit-sha` from the
 * event, …) are applied in config/ (default-names.ts, common.ts) and have no literal default in action.yml.
 */
const Defaults = {
    [Inputs.TimeoutMinutes]: '60',
    [Inputs.MaxAttempts]: '5',
    [Inputs.ImageDefinitionsFile]: 'imagedefinitions.json',
    [Inputs.ExecutionMode]: 'SUPERSEDED',
    [Inputs.SourceTrigger]: 'push',
    [Inputs.StartExecution]: 'false',
    [Inputs.Wait]: 'false',
    [Inputs.DryRun]: 'false',
    [Inputs.Approval]: 'false',
    [Inputs.RollbackOnFailure]: 'false',
    [Inputs.OnSuperseded]: 'follow',
    [Inputs.StopOnCancel]: 'false',
    [Inputs.FollowRollback]: 'false',
    [Inputs.PollIntervalSeconds]: '10',
    [Inputs.WaitForStable]: 'true',
    [Inputs.MaxErrorRate]: '0.01',
    [Inputs.WindowMinutes]: '5',
    [Inputs.OnMissingData]: 'warn',
    [Inputs.BakeMinutes]: '0',
    [Inputs.Rollback]: 'none',
    [Inputs.PauseHook]: 'off',
    [Inputs.NotifyOn]: 'failure',
    [Inputs.FailOnAlertError]: 'false',
};
const Outputs = {
    Result: 'result',
    PipelineName: 'pipeline-name',
    PipelineVersion: 'pipeline-version',
    PipelineChange: 'pipeline-change',
    ExecutionId: 'execution-id',
    ExecutionStatus: 'execution-status',
    FailedStage: 'failed-stage',
    FailedAction: 'failed-action',
    ExecutionUrl: 'execution-url',
    Checks: 'checks',
    Report: 'report',
    AlertSent: 'alert-sent',
};
const Modes = ['create-pipeline', 'monitor', 'validate'];


/***/ }),

/***/ 1935:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// UNUSED EXPORTS: runStep

// EXTERNAL MODULE: ../node_modules/@actions/core/lib/core.js + 8 modules
var core = __webpack_require__(1500);
// EXTERNAL MODULE: ../src/aws.ts + 1 modules
var src_aws = __webpack_require__(8276);
// EXTERNAL MODULE: ../src/aws-errors.ts
var aws_errors = __webpack_require__(8604);
;// CONCATENATED MODULE: ../src/runner.ts
// The runner calls a run makes before its inputs are known to be valid — read an input, mask a secret, fail
// with one ::error line, write the job summary — all through @actions/core, the library the runner's protocol
// belongs to and the one @github/local-action stands in for (its stand-in masks what setSecret is given; a
// hand-written `::add-mask::` line would be printed in clear there). The names stay here so that config/ and
// main.ts do not import @actions/core themselves.

/** core.getInput: INPUT_<NAME>, trimmed, '' when absent. */
function getInput(name) {
    // Explicit, though core trims by default: local-action's stand-in trims only when asked.
    return core.getInput(name, { trimWhitespace: true });
}
/** core.setSecret: the runner masks the value in every log line from now on. */
function setSecret(secret) {
    core.setSecret(secret);
}
/** core.setFailed: one ::error line, and the step's exit code becomes 1. */
function setFailed(message) {
    core.setFailed(message);
}
/** core.setOutput: a step output (GITHUB_OUTPUT), even when the run stops at its inputs. */
function setOutput(name, value) {
    core.setOutput(name, value);
}
/** Appends to this step's job summary, when the runner gives one (core.summary needs GITHUB_STEP_SUMMARY). */
async function appendSummary(markdown, env = process.env) {
    if (env.GITHUB_STEP_SUMMARY)
        await core.summary.addRaw(markdown).write();
}

// EXTERNAL MODULE: ../src/inputs.ts
var inputs = __webpack_require__(534);
// EXTERNAL MODULE: ../src/commits.ts
var commits = __webpack_require__(7253);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
;// CONCATENATED MODULE: ../src/config/lines.ts
// How a list input reads: one value per line. Pure; its own module so that the parsers (parse.ts) and the
// rules (constraints.ts) split a list the same way without importing each other.
/** Newline-separated list; blank lines dropped. */
function parseLines(value) {
    return value
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '');
}

;// CONCATENATED MODULE: ../src/config/constraints.ts
// The rules AWS, GitHub and Slack apply to the names and values the action sends them, checked before any call
// so that a value they would refuse is named precisely instead of surfacing as a ValidationException halfway
// through a step. Each rule says where it comes from. Pure.


/** Length in characters as AWS counts them (code points, not UTF-16 units). */
const charLength = (s) => [...s].length;
/** The first character outside `allowed`, described without echoing the rest of the value. */
function badCharacter(value, allowed) {
    for (const ch of value)
        if (!allowed.test(ch))
            return `it contains ${describeChar(ch)}`;
    return undefined;
}
function describeChar(ch) {
    if (ch === ' ')
        return 'a space';
    if (ch === '\n' || ch === '\r')
        return 'a line break';
    if (ch === '\t')
        return 'a tab';
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp === 0x2028 || cp === 0x2029)
        return `the control character U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
    return `"${ch}"`;
}
function lengthProblem(value, min, max) {
    const n = charLength(value);
    if (n < min)
        return `it is ${n} characters long (at least ${min})`;
    if (n > max)
        return `it is ${n} characters long (at most ${max})`;
    return undefined;
}
function rule(what, owner, accepted, min, max, allowed, extra = () => undefined) {
    return {
        what,
        owner,
        accepted,
        problem: (v) => lengthProblem(v, min, max) ?? badCharacter(v, allowed) ?? extra(v),
    };
}
// CodePipeline PipelineDeclaration.name: 1–100, [A-Za-z0-9.@\-_]+ (shared/reference/aws-api.md §1;
// https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_StartPipelineExecution.html).
const PIPELINE_NAME = rule('the pipeline name', 'CodePipeline', '1–100 letters, digits, ".", "@", "-" and "_"', 1, 100, /^[A-Za-z0-9.@_-]$/);
// CodeBuild ProjectName: pattern [A-Za-z0-9][A-Za-z0-9\-_]{1,254}, 2–255 characters
// (https://docs.aws.amazon.com/codebuild/latest/APIReference/API_CreateProject.html, `name`).
const CODEBUILD_PROJECT = (what) => rule(what, 'CodeBuild', '2–255 letters, digits, "-" and "_", starting with a letter or digit', 2, 255, /^[A-Za-z0-9_-]$/, (v) => (/^[A-Za-z0-9]/.test(v) ? undefined : `it starts with ${describeChar(v.charAt(0))}`));
// ECS cluster and service names: "Up to 255 letters (uppercase and lowercase), numbers, hyphens, and
// underscores are allowed" (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCluster.html,
// API_CreateService.html).
const ECS_NAME = (what) => rule(what, 'ECS', '1–255 letters, digits, "-" and "_"', 1, 255, /^[A-Za-z0-9_-]$/);
/** An ECS name rule that also takes an ARN of the resource, in the step's partition and region. */
function ecsNameOrArn(rule, kind, region) {
    const arn = new RegExp(`^arn:(aws(?:-[a-z]+)*):ecs:([a-z0-9-]+):\\d{12}:${kind}/(.+)$`);
    return {
        ...rule,
        accepted: `${rule.accepted}, or the ${kind}'s ARN (arn:${region ? partitionOf(region) : 'aws'}:ecs:${region ?? '<region>'}:<account>:${kind}/…)`,
        problem(value) {
            const m = arn.exec(value);
            if (!m)
                return rule.problem(value);
            const [, partition, arnRegion, rest] = m;
            if (region !== undefined && (partition !== partitionOf(region) || arnRegion !== region))
                return `the ARN is in ${partition}/${arnRegion}, not in ${partitionOf(region)}/${region} (aws-region)`;
            const parts = rest.split('/');
            if (parts.length > (kind === 'service' ? 2 : 1))
                return `the ARN's ${kind} part has too many "/"`;
            return parts.map((p) => rule.problem(p)).find((p) => p !== undefined);
        },
    };
}
// General purpose bucket naming rules (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html).
// CodePipeline's own artifactStore.location pattern ([a-zA-Z0-9\-\.]+, 3–63) is looser; S3 decides.
const S3_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const S3_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];
const S3_BUCKET = rule('the artifact bucket name', 'S3', '3–63 lowercase letters, digits, "." and "-", starting and ending with a letter or digit, not shaped like an IP address', 3, 63, /^[a-z0-9.-]$/, (v) => {
    if (!/^[a-z0-9]/.test(v) || !/[a-z0-9]$/.test(v))
        return 'it does not start and end with a letter or digit';
    if (v.includes('..'))
        return 'it contains two adjacent periods';
    if ((0,external_node_net_.isIP)(v) === 4 || /^\d+\.\d+\.\d+\.\d+$/.test(v))
        return 'it is formatted as an IP address';
    const prefix = S3_PREFIXES.find((p) => v.startsWith(p));
    if (prefix)
        return `it starts with the reserved prefix "${prefix}"`;
    const suffix = S3_SUFFIXES.find((s) => v.endsWith(s));
    if (suffix)
        return `it ends with the reserved suffix "${suffix}"`;
    return undefined;
});
// A branch name as `git check-ref-format --branch` accepts it (https://git-scm.com/docs/git-check-ref-format),
// within CodePipeline's 1000-character configuration value (aws-api.md §1, BranchName).
const GIT_BRANCH = rule('the branch', 'Git and CodePipeline', 'a Git branch name (no spaces, "~", "^", ":", "?", "*", "[", "\\", "..", "@{", not starting with "-" or ending with "/", "." or ".lock"), at most 1000 characters', 1, 1000, /^[^\p{Cc}\p{Z}~^:?*[\\]$/u, (v) => {
    if (v.startsWith('-'))
        return 'it starts with "-"';
    if (v.includes('..'))
        return 'it contains ".."';
    if (v.includes('@{'))
        return 'it contains "@{"';
    if (v === '@')
        return 'it is "@"';
    if (v.includes('//'))
        return 'it contains "//"';
    if (/(^|\/)\./.test(v))
        return 'a component starts with "."';
    if (/\.lock(\/|$)/.test(v))
        return 'a component ends with ".lock"';
    if (v.startsWith('/') || v.endsWith('/') || v.endsWith('.'))
        return 'it starts with "/" or ends with "/" or "."';
    return undefined;
});
// CloudWatch dimension values: 1–1024 characters (aws-api.md §4, MetricStat Dimensions).
const DIMENSION_VALUE = (what) => rule(what, 'CloudWatch', '1–1024 characters on one line', 1, 1024, /^[^\p{Cc}\u2028\u2029]$/u);
// DescribeAlarms AlarmNames: each 1–255 characters (botocore cloudwatch model, AlarmName).
const ALARM_NAME = rule('an alarm name', 'CloudWatch', '1–255 characters on one line', 1, 255, /^[^\p{Cc}\u2028\u2029]$/u);
// A Docker image tag: "valid ASCII … lowercase and uppercase letters, digits, underscores, periods and hyphens …
// may not start with a period or a hyphen and may contain a maximum of 128 characters"
// (https://docs.docker.com/reference/cli/docker/image/tag/).
const IMAGE_TAG = rule('the image tag', 'Docker', '1–128 letters, digits, "_", "." and "-", not starting with "." or "-"', 1, 128, /^[A-Za-z0-9_.-]$/, (v) => (/^[.-]/.test(v) ? `it starts with "${v[0]}"` : undefined));
// A PipelineVariable value (VERSION on StartPipelineExecution): 1–1000 characters, pattern `.*` (a Java regex:
// no line terminators) (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PipelineVariable.html).
const MAX_VARIABLE_VALUE = 1000;
const PIPELINE_VARIABLE_VALUE = rule('the version', 'CodePipeline', `1–${MAX_VARIABLE_VALUE} characters on one line (it becomes the VERSION pipeline variable)`, 1, MAX_VARIABLE_VALUE, /^[^\p{Cc}\u2028\u2029\u0085]$/u);
// An action configuration value (FileName of the ECS deploy action): 1–1000 characters (aws-api.md §1).
const MAX_CONFIGURATION_VALUE = 1000;
const CONFIGURATION_VALUE = (what) => rule(what, 'CodePipeline', `1–${MAX_CONFIGURATION_VALUE} characters on one line`, 1, MAX_CONFIGURATION_VALUE, /^[^\p{Cc}\u2028\u2029]$/u);
// GitHub owner (user or organisation): letters, digits and single hyphens, at most 39; repository: letters,
// digits, ".", "-", "_", at most 100 (GitHub's sign-up and new-repository forms).
const GITHUB_REPOSITORY = {
    what: 'the repository',
    owner: 'GitHub',
    accepted: '"owner/repo": an owner of 1–39 letters, digits and "-", a repository of 1–100 letters, digits, ".", "-" and "_"',
    problem(v) {
        const m = /^([^/]*)\/([^/]*)$/.exec(v);
        if (!m)
            return 'it is not of the form "owner/repo"';
        const [, owner, repo] = m;
        if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/.test(owner))
            return 'the owner is not a GitHub user or organisation name';
        if (!/^[A-Za-z0-9_.-]{1,100}$/.test(repo) || repo === '.' || repo === '..')
            return 'the repository name is not one GitHub allows';
        return undefined;
    },
};
// Slack channel: an ID (C…, G…, D…: uppercase letters and digits) or a name (lowercase letters, digits, "-" and
// "_", at most 80 characters: https://slack.com/help/articles/201402297), optionally with a leading "#".
const SLACK_CHANNEL = rule('the Slack channel', 'Slack', 'a channel ID such as "C0123456789" or a channel name of at most 80 letters, digits, "-" and "_"', 1, 81, /^[A-Za-z0-9_#-]$/, (v) => (v.indexOf('#') > 0 ? 'it contains "#" after the start' : undefined));
// AWS tags (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_Tag.html: key 1–128, value 0–256;
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Tag.html and the AWS tagging rules: at most 50
// per resource, unique keys, letters, numbers and spaces representable in UTF-8 plus + - = . _ : / @, and the
// aws: prefix reserved in any case, for keys and values).
const MAX_TAGS = 50;
const MAX_TAG_KEY = 128;
const MAX_TAG_VALUE = 256;
const TAG_CHARACTER = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]$/u;
const reservedTagPrefix = (s) => s.toLowerCase().startsWith('aws:');
/** The partition of a region, as the AWS SDK's partitions table assigns it (@aws-sdk/core, regionRegex). */
function partitionOf(region) {
    if (/^cn-/.test(region))
        return 'aws-cn';
    if (/^us-gov-/.test(region))
        return 'aws-us-gov';
    if (/^us-isob-/.test(region))
        return 'aws-iso-b';
    if (/^us-isof-/.test(region))
        return 'aws-iso-f';
    if (/^us-iso-/.test(region))
        return 'aws-iso';
    if (/^eu-isoe-/.test(region))
        return 'aws-iso-e';
    if (/^eusc-/.test(region))
        return 'aws-eusc';
    return 'aws';
}
/**
 * Whether a URL host is a loopback address — an IP address, parsed as one, never a name: "127.evil.com" or
 * "localhost" (which any resolver may answer) are not. The WHATWG URL parser has already normalised IPv4
 * spellings such as "127.1" or "0x7f.0.0.1" to dotted decimal.
 */
function isLoopbackHost(hostname) {
    const host = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
    const kind = (0,external_node_net_.isIP)(host);
    if (kind === 4)
        return Number(host.split('.')[0]) === 127;
    if (kind === 6)
        return /^(0{0,4}:){2,7}0{0,3}1$|^::1$/.test(host) && isV6Loopback(host);
    return false;
}
function isV6Loopback(host) {
    // Expand "::" and compare the eight groups with 0:0:0:0:0:0:0:1.
    const [head, tail] = host.includes('::') ? host.split('::') : [host, undefined];
    const h = head ? head.split(':') : [];
    const t = tail === undefined ? [] : tail ? tail.split(':') : [];
    const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
    return groups.length === 8 && groups.every((g, i) => parseInt(g, 16) === (i === 7 ? 1 : 0));
}
/** At most this many services in one validate step (DescribeServices describes 10 at a time). */
const MAX_SERVICES = 10;
/** One name per line, each held to `rule`, at most `max` and none twice. */
function namePerLine(rule, max) {
    return {
        ...rule,
        accepted: `${rule.accepted}; several: one per line, at most ${max}`,
        problem(value) {
            const lines = parseLines(value);
            if (lines.length > max)
                return `it lists ${lines.length}, more than ${max}`;
            const twice = lines.find((l, i) => lines.indexOf(l) !== i);
            if (twice !== undefined)
                return `"${twice}" is listed twice`;
            for (const line of lines) {
                const why = rule.problem(line);
                if (why !== undefined)
                    return lines.length > 1 ? `"${line}": ${why}` : why;
            }
            return undefined;
        },
    };
}

;// CONCATENATED MODULE: ../src/config/default-names.ts
// The names the action derives from project-name and environment when their own input is empty: one table,
// saying what each default is made of and how an error message shows it.

const ENVIRONMENT = {
    from: [inputs/* Inputs */.G0.Environment],
    shown: '<environment>',
    value: (n) => n.environment,
};
const PROJECT_NAME = {
    from: [inputs/* Inputs */.G0.ProjectName],
    shown: '<project-name>',
    value: (n) => n.projectName,
};
/** `<project-name>-<environment>` followed by `suffix`. */
const projectEnvironment = (suffix = '') => ({
    from: [inputs/* Inputs */.G0.ProjectName, inputs/* Inputs */.G0.Environment],
    shown: `"<project-name>-<environment>${suffix}"`,
    value: (n) => (n.projectName && n.environment ? `${n.projectName}-${n.environment}${suffix}` : undefined),
});
const DEFAULT_NAMES = {
    [inputs/* Inputs */.G0.PipelineName]: projectEnvironment(),
    [inputs/* Inputs */.G0.Branch]: ENVIRONMENT,
    [inputs/* Inputs */.G0.ArtifactBucket]: projectEnvironment('-artifacts'),
    [inputs/* Inputs */.G0.BuildProject]: projectEnvironment('-build'),
    [inputs/* Inputs */.G0.TestProject]: projectEnvironment('-test'),
    [inputs/* Inputs */.G0.Cluster]: projectEnvironment(),
    [inputs/* Inputs */.G0.Service]: PROJECT_NAME,
};
/** The default of `input` as the reader takes it: undefined when what it is made of is not set. */
function derivation(input, names) {
    const d = DEFAULT_NAMES[input];
    const value = d.value(names);
    return value === undefined ? undefined : { value, from: d.from };
}
/**
 * A name held to `rule` whether set or derived, and required when neither the input nor what it derives from
 * is set. `hint` is said after "set it" in that case.
 */
function readDefaultedName(r, input, rule, names, hint = '') {
    const d = DEFAULT_NAMES[input];
    const v = r.name(input, rule, derivation(input, names));
    if (v === undefined && !r.given(input) && !r.derivedFailed(d.from))
        r.problem(input, `is required: set it${hint}, or project-name and environment (it defaults to ${d.shown}).`);
    return v;
}
/** Reads names with defaults, in the table's order (the order their problems are reported in). */
function readDefaultedNames(r, rules, names) {
    const read = Object.keys(rules).map((key) => {
        const [input, rule] = rules[key];
        return [key, readDefaultedName(r, input, rule, names)];
    });
    return Object.fromEntries(read);
}

;// CONCATENATED MODULE: ../src/config/input-error.ts
/** A bad input: raised before any network call; its message names the input and what is accepted. */
class InputError extends Error {
    input;
    problem;
    inputs;
    /**
     * `inputs` lists every input the problem comes from when that is more than one: a derived name such as the
     * pipeline name "<project-name>-<environment>" is the user's project-name and environment, not pipeline-name.
     */
    constructor(input, problem, inputs = [input]) {
        super(inputs.length > 1
            ? `Inputs ${inputs.map((i) => `"${i}"`).join(' + ')}: ${problem}`
            : `Input "${input}": ${problem}`);
        this.input = input;
        this.problem = problem;
        this.inputs = inputs;
        this.name = 'InputError';
    }
}
/** Several bad inputs reported at once, so a user fixes them in one round. */
class InputErrors extends Error {
    errors;
    constructor(errors) {
        super(errors.map((e) => e.message).join('\n'));
        this.errors = errors;
        this.name = 'InputErrors';
    }
}
/** `got "…"` as shown() quotes a value: whole, or cut short. */
const QUOTED_VALUE = /got "(?:[^"\\]|\\.)*"/g;
/**
 * The errors as they may be printed when inputs carry secrets: a problem that quotes a value containing a
 * secret — whole, or cut short mid-secret where redaction could no longer find it — names it instead of quoting
 * it, and whatever else is left is redacted.
 */
function withoutSecrets(errors, valueOf, redact) {
    return errors.map((e) => {
        const carriesSecret = e.inputs.some((input) => {
            const value = valueOf(input);
            return redact(value) !== value;
        });
        const problem = carriesSecret
            ? e.problem.replace(QUOTED_VALUE, 'got a value that contains the value of a secret input (not shown)')
            : e.problem;
        return new InputError(e.input, redact(problem), e.inputs);
    });
}

;// CONCATENATED MODULE: ../src/config/parse.ts
// Pure parsers for single input values. Each throws InputError naming the input, quoting what was given
// and saying what is accepted. Secrets never reach these error messages (see read.ts).


/** The given value as it appears in an error message: quoted, and cut short when long. */
function shown(value) {
    const oneLine = value.replace(/\s+/g, ' ');
    return JSON.stringify(oneLine.length > 80 ? `${oneLine.slice(0, 77)}...` : oneLine);
}
function parseEnum(input, value, allowed, opts = {}) {
    const found = allowed.find((a) => opts.caseInsensitive ? a.toLowerCase() === value.toLowerCase() : a === value);
    if (found === undefined) {
        throw new InputError(input, `got ${shown(value)}; accepted: ${allowed.map((a) => `"${a}"`).join(', ')}.`);
    }
    return found;
}
const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];
/** Booleans as the YAML 1.2 core schema (and @actions/core's getBooleanInput) spell them. */
function parseBoolean(input, value) {
    if (TRUE.includes(value))
        return true;
    if (FALSE.includes(value))
        return false;
    throw new InputError(input, `got ${shown(value)}; accepted: "true" or "false".`);
}
const DECIMAL = /^\d+(\.\d+)?$|^\.\d+$/;
/** A number > 0; decimals allowed unless `integer`. */
function parsePositive(input, value, opts = {}) {
    const what = opts.integer
        ? 'a whole number greater than 0'
        : 'a number greater than 0 (decimals allowed, e.g. 0.5)';
    const n = Number(value);
    if (!DECIMAL.test(value) || !Number.isFinite(n) || n <= 0 || (opts.integer && !Number.isInteger(n))) {
        throw new InputError(input, `got ${shown(value)}; accepted: ${what}.`);
    }
    if (opts.max !== undefined && n > opts.max) {
        throw new InputError(input, `got ${shown(value)}; accepted: ${what}, at most ${opts.max}.`);
    }
    return n;
}
/** A number ≥ 0; decimals allowed. */
function parseNonNegative(input, value) {
    const n = Number(value);
    if (!DECIMAL.test(value) || !Number.isFinite(n)) {
        throw new InputError(input, `got ${shown(value)}; accepted: a number of 0 or more (decimals allowed).`);
    }
    return n;
}
/** A rate in (0, 1]: 0.01 means 1 %. */
function parseRate(input, value) {
    const n = Number(value);
    if (!DECIMAL.test(value) || !(n > 0 && n <= 1)) {
        throw new InputError(input, `got ${shown(value)}; accepted: a fraction greater than 0 and at most 1 (0.01 = 1 %).`);
    }
    return n;
}
const PARTITION = 'arn:(aws(?:-[a-z]+)*)';
const ACCOUNT = '\\d{12}';
// Two to four letters: us-east-1, cn-north-1, eusc-de-east-1 (European Sovereign Cloud).
const REGION = '[a-z]{2,4}(?:-[a-z]+)+-\\d{1,2}';
// An SNS topic: a topic name is 1–256 letters, digits, "-" and "_".
const SNS_TOPIC = new RegExp(`^${PARTITION}:sns:(${REGION}):${ACCOUNT}:[\\w-]{1,256}$`);
// Each form captures the partition (1) and, where the resource is regional, the region (2).
const ARN_FORMS = {
    // IAM role: arn:<partition>:iam::<account>:role/<path/name>; IAM is global within a partition
    // (aws-api.md §1, roleArn: arn:aws(-[\w]+)*:iam::[0-9]{12}:role/.*, at most 1024).
    role: {
        re: new RegExp(`^${PARTITION}:iam::()${ACCOUNT}:role/[\\w+=,.@/-]{1,512}$`),
        example: 'arn:aws:iam::123456789012:role/codepipeline-service-role',
        sameRegion: false,
    },
    // The source action's connection: CodeConnections (or its older codestar-connections name), used by the
    // pipeline in its own region (aws-api.md §1, CodeStarSourceConnection).
    connection: {
        re: new RegExp(`^${PARTITION}:(?:codeconnections|codestar-connections):(${REGION}):${ACCOUNT}:connection/[\\w-]{1,64}$`),
        example: 'arn:aws:codeconnections:us-east-1:123456789012:connection/0a1b2c3d-4e5f-6789-abcd-ef0123456789',
        sameRegion: true,
    },
    // SNS topic for alerts (FIFO topics need a MessageGroupId and cannot deliver to e-mail: standard topics only).
    // Publish goes to the topic's own region (report/sns.ts), which must be in the step's partition: credentials
    // are valid in one partition only.
    topic: {
        re: SNS_TOPIC,
        example: 'arn:aws:sns:us-east-1:123456789012:deploy-alerts',
        sameRegion: false,
    },
    // The topic a manual approval action notifies: "You must use a topic created in the same AWS Region as the
    // pipeline" (https://docs.aws.amazon.com/codepipeline/latest/userguide/approvals.html).
    approvalTopic: {
        re: SNS_TOPIC,
        example: 'arn:aws:sns:us-east-1:123456789012:shop-approvals',
        sameRegion: true,
    },
};
/** What a regional ARN names, for "… in <region>" messages. */
const REGIONAL_WHAT = {
    connection: 'a connection',
    approvalTopic: 'a topic',
};
/**
 * An ARN of the kind the call needs. With `region` (the step's), the ARN must be in that region's partition,
 * and, for regional resources the pipeline uses directly, in that region too.
 */
function parseArn(input, value, kind, region) {
    const form = ARN_FORMS[kind];
    const m = form.re.exec(value);
    if (!m) {
        const extra = kind === 'connection' ? ' (the older codestar-connections form is accepted too)' : '';
        throw new InputError(input, `got ${shown(value)}; accepted: an ARN like ${form.example}${extra}.`);
    }
    const [, partition, arnRegion] = m;
    if (region === undefined)
        return value;
    const want = partitionOf(region);
    if (partition !== want)
        throw new InputError(input, `got ${shown(value)}, an ARN of the "${partition}" partition, but aws-region "${region}" is in "${want}"; accepted: an ARN starting arn:${want}: (credentials and resources do not cross partitions).`);
    if (arnRegion && partitionOf(arnRegion) !== partition)
        throw new InputError(input, `got ${shown(value)}: region "${arnRegion}" is not in the "${partition}" partition; accepted: an ARN whose region belongs to its partition.`);
    if (form.sameRegion && arnRegion !== region)
        throw new InputError(input, `got ${shown(value)}, ${REGIONAL_WHAT[kind]} in "${arnRegion}", but the pipeline is in "${region}" (aws-region); accepted: ${REGIONAL_WHAT[kind]} in ${region}.`);
    return value;
}
function parseRegion(input, value) {
    if (!new RegExp(`^${REGION}$`).test(value)) {
        throw new InputError(input, `got ${shown(value)}; accepted: an AWS region code such as "us-east-1".`);
    }
    return value;
}
/** A parser that holds a value to a name rule, quoting the value and saying why the owner refuses it. */
function nameParser(r, opts = {}) {
    return (input, value) => {
        const why = r.problem(value);
        if (why !== undefined)
            throw new InputError(input, `${opts.secret ? '(value hidden: it is a secret)' : `got ${shown(value)}`}, which ${r.owner} refuses: ${why}; accepted: ${r.accepted}.`);
        return value;
    };
}
/** Names CodePipeline accepts for pipelines (and that the derived names must also satisfy). */
const parsePipelineName = nameParser(PIPELINE_NAME);
const parseRepository = nameParser(GITHUB_REPOSITORY);
function parseCommitSha(input, value) {
    if (!/^[0-9a-fA-F]{40}(?:[0-9a-fA-F]{24})?$/.test(value)) {
        throw new InputError(input, `got ${shown(value)}; accepted: a full commit SHA (40 hexadecimal characters).`);
    }
    return value.toLowerCase();
}
// CodePipeline execution ids are UUIDs (aws-api.md §1: StartPipelineExecution returns pipelineExecutionId (UUID)).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function parseExecutionId(input, value) {
    if (!UUID.test(value)) {
        throw new InputError(input, `got ${shown(value)}; accepted: a pipeline execution id, a UUID such as "0a1b2c3d-4e5f-6789-abcd-ef0123456789".`);
    }
    return value.toLowerCase();
}
/** `key=value` lines; blank lines ignored. Held to AWS's tagging rules (see constraints.ts). */
function parseTags(input, value) {
    const tags = [];
    const lines = new Map();
    for (const [i, raw] of value.split(/\r?\n/).entries()) {
        const line = raw.trim();
        if (line === '')
            continue;
        const at = `line ${i + 1}`;
        const eq = line.indexOf('=');
        const key = eq > 0 ? line.slice(0, eq).trim() : '';
        if (eq < 0 || key === '') {
            throw new InputError(input, `${at} is ${shown(line)}; accepted: one "key=value" per line.`);
        }
        const tagValue = line.slice(eq + 1).trim();
        if (charLength(key) > MAX_TAG_KEY || charLength(tagValue) > MAX_TAG_VALUE) {
            throw new InputError(input, `${at}: the key is ${charLength(key)} and the value ${charLength(tagValue)} characters; accepted: keys of 1–${MAX_TAG_KEY} characters and values of at most ${MAX_TAG_VALUE} (AWS's limits).`);
        }
        for (const [what, s] of [
            ['key', key],
            ['value', tagValue],
        ]) {
            const bad = [...s].find((ch) => !TAG_CHARACTER.test(ch));
            if (bad !== undefined)
                throw new InputError(input, `${at}: the ${what} contains ${describeChar(bad)}; accepted: letters, digits, spaces and + - = . _ : / @ (AWS's tag characters).`);
            if (reservedTagPrefix(s))
                throw new InputError(input, `${at}: the ${what} ${shown(s)} starts with "aws:", which AWS reserves (in any case) for its own tags; accepted: any other prefix.`);
        }
        const first = lines.get(key);
        if (first !== undefined)
            throw new InputError(input, `${at}: the key ${shown(key)} is already set on line ${first}; accepted: each key once (a resource has one value per key).`);
        lines.set(key, i + 1);
        tags.push({ key, value: tagValue });
    }
    if (tags.length > MAX_TAGS)
        throw new InputError(input, `lists ${tags.length} tags; accepted: at most ${MAX_TAGS} (AWS's limit per resource).`);
    return tags;
}
// One split of a list input for the parsers and the rules alike (lines.ts).

/**
 * An https URL; plain http only to a loopback IP address (local receivers in tests and demos), so that a
 * secret never travels unencrypted to another host. Never echoes the URL.
 */
function parseWebhookUrl(input, value) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new InputError(input, 'is not a URL (value hidden: it is a secret); accepted: https://hooks.slack.com/services/…');
    }
    const loopback = isLoopbackHost(url.hostname);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
        throw new InputError(input, `uses ${url.protocol === 'http:' ? 'http://' : 'a scheme other than https://'} to a host that is not a loopback address (value hidden: it is a secret); accepted: an https:// URL (http:// only to 127.0.0.0/8 or [::1], written as an IP address).`);
    }
    if (url.username !== '' || url.password !== '')
        throw new InputError(input, 'carries a user name or password before the host (value hidden: it is a secret); accepted: a URL without credentials.');
    return value;
}
/** A public link (not a secret): http(s), shown back in the error. */
function parseLinkUrl(input, value) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        url = undefined;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:'))
        throw new InputError(input, `is ${shown(value)}; accepted: an http(s) URL, e.g. https://shop.example.com`);
    return value;
}
/**
 * The page approvers open before they decide (a manual approval's ExternalEntityLink): https only, no
 * credentials, within CodePipeline's 1000 characters for a configuration value.
 */
function parseReviewUrl(input, value) {
    const url = URL.canParse(value) ? new URL(value) : undefined;
    const ok = url?.protocol === 'https:' && url.username === '' && url.password === '';
    if (!ok || charLength(value) > MAX_CONFIGURATION_VALUE) {
        // A URL with a user name or password carries a credential: say so, never echo it.
        const credentials = url !== undefined && (url.username !== '' || url.password !== '');
        const got = credentials ? 'a URL with a user name or password (not shown)' : shown(value);
        throw new InputError(input, `got ${got}; accepted: an https:// URL without a user name or password, at most ${MAX_CONFIGURATION_VALUE} characters, e.g. https://staging.shop.example.com`);
    }
    return value;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ../src/config/run-context.ts
// Where the run comes from, read from the runner's GITHUB_* environment: the commit it is about, and the
// context used for links, statuses and alerts.

function readEvent(env) {
    const path = env.GITHUB_EVENT_PATH;
    if (!path)
        return {};
    try {
        return JSON.parse((0,external_node_fs_.readFileSync)(path, 'utf8'));
    }
    catch {
        return {};
    }
}
/** The commit the run is about: the PR head on pull_request events, not the merge commit GITHUB_SHA names. */
function commitFromEvent(env) {
    const event = readEvent(env);
    const name = env.GITHUB_EVENT_NAME ?? '';
    if (name.startsWith('pull_request') && event.pull_request?.head?.sha)
        return String(event.pull_request.head.sha);
    if (name === 'workflow_run' && event.workflow_run?.head_sha)
        return String(event.workflow_run.head_sha);
    return env.GITHUB_SHA || undefined;
}
function runContext(env) {
    const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/$/, '');
    const repository = env.GITHUB_REPOSITORY || undefined;
    const runId = env.GITHUB_RUN_ID || undefined;
    return {
        serverUrl,
        apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/$/, ''),
        repository,
        runId,
        runAttempt: env.GITHUB_RUN_ATTEMPT || undefined,
        workflow: env.GITHUB_WORKFLOW || undefined,
        job: env.GITHUB_JOB || undefined,
        eventName: env.GITHUB_EVENT_NAME || undefined,
        actor: env.GITHUB_ACTOR || undefined,
        runUrl: repository && runId ? `${serverUrl}/${repository}/actions/runs/${runId}` : undefined,
    };
}

;// CONCATENATED MODULE: ../src/config/common.ts
// The common section: what every mode reads (mode, project-name, environment, region, commit, version,
// pipeline name, timeout-minutes, max-attempts). Reporting is its own section (reporting.ts).






/** The common inputs as read: each undefined when missing or bad (its problem is then recorded). */
/**
 * The longest a job may run: 5 days on a self-hosted runner, 6 hours on GitHub's (GitHub Actions usage limits).
 * Past it no step is still running to see the deadline — and past about 35,791 minutes Node's timers overflow
 * and fire at once, which would end a healthy step as timed out.
 */
const MAX_TIMEOUT_MINUTES = 7200;
function readCommonInputs(r, env) {
    const modeRaw = r.optional(inputs/* Inputs */.G0.Mode);
    const mode = readMode(r, modeRaw);
    const names = { projectName: r.optional(inputs/* Inputs */.G0.ProjectName), environment: r.optional(inputs/* Inputs */.G0.Environment) };
    const region = readRegion(r, env);
    const commitRaw = r.optional(inputs/* Inputs */.G0.CommitSha) ?? commitFromEvent(env);
    const commitSha = commitRaw === undefined ? undefined : r.attempt(() => parseCommitSha(inputs/* Inputs */.G0.CommitSha, commitRaw));
    // VERSION reaches StartPipelineExecution only after a create or update: checked here, before either.
    const version = r.parse(inputs/* Inputs */.G0.Version, nameParser(PIPELINE_VARIABLE_VALUE)) ?? (0,commits/* defaultVersion */.U8)(commitSha);
    // validate needs a pipeline only for rollback: pipeline; a derived name it will not use is not judged.
    const rollbackRaw = r.optional(inputs/* Inputs */.G0.Rollback);
    const judgePipeline = modeRaw !== 'validate' || rollbackRaw === 'pipeline';
    const pipelineName = r.name(inputs/* Inputs */.G0.PipelineName, PIPELINE_NAME, judgePipeline ? derivation(inputs/* Inputs */.G0.PipelineName, names) : undefined);
    const timeoutMinutes = r.parse(inputs/* Inputs */.G0.TimeoutMinutes, (i, v) => parsePositive(i, v, { max: MAX_TIMEOUT_MINUTES }));
    const maxAttempts = r.parse(inputs/* Inputs */.G0.MaxAttempts, (i, v) => parsePositive(i, v, { integer: true, max: 20 }));
    return { mode, names, region, commitSha, version, pipelineName, timeoutMinutes, maxAttempts };
}
function readMode(r, raw) {
    return raw === undefined
        ? r.problem(inputs/* Inputs */.G0.Mode, `is required; accepted: ${inputs/* Modes */.dX.map((m) => `"${m}"`).join(', ')}.`)
        : r.parse(inputs/* Inputs */.G0.Mode, (i, v) => parseEnum(i, v, inputs/* Modes */.dX));
}
function readRegion(r, env) {
    const raw = r.optional(inputs/* Inputs */.G0.AwsRegion) ?? (env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined);
    return raw === undefined
        ? r.problem(inputs/* Inputs */.G0.AwsRegion, 'no region was given and neither AWS_REGION nor AWS_DEFAULT_REGION is set; set aws-region (e.g. "us-east-1") or configure credentials with aws-actions/configure-aws-credentials first.')
        : r.attempt(() => parseRegion(inputs/* Inputs */.G0.AwsRegion, raw));
}
/** The common section, when every part of it was read (each missing one has recorded its problem). */
function commonSection(c, reporting, env) {
    const { mode, region, timeoutMinutes, maxAttempts } = c;
    if (mode === undefined || region === undefined || timeoutMinutes === undefined)
        return undefined;
    if (maxAttempts === undefined || reporting === undefined)
        return undefined;
    const shared = {
        ...c.names,
        version: c.version,
        region,
        commitSha: c.commitSha,
        timeoutMs: timeoutMinutes * 60_000,
        maxAttempts,
        reporting,
        run: runContext(env),
    };
    return { mode, shared, names: c.names, pipelineName: c.pipelineName, timeoutMinutes };
}
/** The pipeline name of a mode that needs one (create-pipeline, monitor); its problem recorded when missing. */
function requirePipelineName(r, c) {
    if (c.pipelineName !== undefined)
        return c.pipelineName;
    const byDefault = DEFAULT_NAMES[inputs/* Inputs */.G0.PipelineName];
    if (r.given(inputs/* Inputs */.G0.PipelineName) || byDefault.value(c.names) !== undefined)
        return undefined;
    if (r.derivedFailed(byDefault.from))
        return undefined;
    return r.problem(inputs/* Inputs */.G0.PipelineName, 'is required: set pipeline-name, or project-name and environment (it defaults to "<project-name>-<environment>").');
}

// EXTERNAL MODULE: ../src/secrets.ts
var src_secrets = __webpack_require__(3754);
;// CONCATENATED MODULE: ../src/config/deploy-guards.ts
// The two guards of the generated Deploy stage, each opt-in: a manual approval stage before it (what approvers
// are told: an SNS topic, a review URL, a note) and an automatic rollback when it fails.





/** The approval's details, each with the configuration key it fills. */
const DETAILS = [inputs/* Inputs */.G0.ApprovalSnsTopicArn, inputs/* Inputs */.G0.ApprovalReviewUrl, inputs/* Inputs */.G0.ApprovalComment];
function readDeployGuards(r, c) {
    const approvalOn = r.parse(inputs/* Inputs */.G0.Approval, parseBoolean);
    const details = readApprovalDetails(r, c);
    const rollbackOnFailure = r.parse(inputs/* Inputs */.G0.RollbackOnFailure, parseBoolean);
    if (approvalOn === false)
        for (const input of DETAILS)
            if (r.given(input))
                notOptedIn(r, input);
    if (!c.generated) {
        if (approvalOn)
            onlyGenerated(r, inputs/* Inputs */.G0.Approval, 'the approval stage');
        if (rollbackOnFailure)
            onlyGenerated(r, inputs/* Inputs */.G0.RollbackOnFailure, 'onFailure: { result: ROLLBACK } on a stage');
    }
    // "PARALLEL pipelines cannot use stage rollback or onFailure.result = ROLLBACK" (aws-api.md §1.1).
    if (rollbackOnFailure && c.executionMode === 'PARALLEL')
        r.problem(inputs/* Inputs */.G0.RollbackOnFailure, 'is "true" but execution-mode is "PARALLEL", whose stages CodePipeline cannot roll back; accepted: rollback-on-failure: false, or execution-mode QUEUED or SUPERSEDED.');
    if (approvalOn === undefined || details === undefined || rollbackOnFailure === undefined)
        return undefined;
    return { approval: approvalOn ? details : undefined, rollbackOnFailure };
}
/** NotificationArn, ExternalEntityLink and CustomData, as given (undefined when one of them is bad). */
function readApprovalDetails(r, c) {
    const snsTopicArn = r.parse(inputs/* Inputs */.G0.ApprovalSnsTopicArn, (i, v) => parseArn(i, v, 'approvalTopic', c.region));
    const reviewUrl = r.parse(inputs/* Inputs */.G0.ApprovalReviewUrl, noSecret(c.secrets, 'a link', parseReviewUrl));
    const comment = r.parse(inputs/* Inputs */.G0.ApprovalComment, noSecret(c.secrets, 'a note', nameParser(CONFIGURATION_VALUE('the approval comment'))));
    if (DETAILS.some((input) => r.given(input) && r.has(input)))
        return undefined;
    return { snsTopicArn, reviewUrl, comment };
}
/**
 * The review URL and the comment are masked in the step's own log, but CreatePipeline/UpdatePipeline store them
 * in the pipeline's declaration and CodePipeline sends them to approvers: a secret there would leave in clear.
 * Checked before the value's own rule, whose error may quote the value.
 */
function noSecret(secrets, what, parse) {
    return (input, value) => {
        const secret = (0,src_secrets/* secretIn */.u7)(value, secrets);
        if (secret === undefined)
            return parse(input, value);
        throw new InputError(input, `contains the value of ${whereFrom(secret)} (value hidden: it is a secret); accepted: ${what} that holds no secret — CodePipeline stores it in the pipeline declaration and shows it to approvers unmasked.`);
    };
}
function whereFrom(secret) {
    return inputs/* SecretInputs */.K.includes(secret.from)
        ? `the secret input ${secret.from}`
        : `the environment variable ${secret.from}`;
}
// An approval stage holds every deploy until a person acts: it is never switched on as a side effect of
// another input, and a detail given without it is named rather than silently dropped.
function notOptedIn(r, input) {
    r.problem(input, `is set but approval is "false"; the approval stage is opt-in: set approval: true to add it, or leave ${input} empty.`);
}
function onlyGenerated(r, input, what) {
    r.problem(input, `is "true" but pipeline-definition replaces the generated pipeline; accepted: ${input}: false with pipeline-definition (declare ${what} in that file instead).`);
}

;// CONCATENATED MODULE: ../src/config/follow.ts
// How an execution is followed: read by monitor, and by create-pipeline for `wait`.


function readFollow(r) {
    const pollSeconds = r.parse(inputs/* Inputs */.G0.PollIntervalSeconds, parsePositive);
    const onSuperseded = r.parse(inputs/* Inputs */.G0.OnSuperseded, (i, v) => parseEnum(i, v, ['follow', 'fail', 'succeed']));
    const stopOnCancel = r.parse(inputs/* Inputs */.G0.StopOnCancel, parseBoolean);
    const followRollback = r.parse(inputs/* Inputs */.G0.FollowRollback, parseBoolean);
    if (pollSeconds === undefined ||
        onSuperseded === undefined ||
        stopOnCancel === undefined ||
        followRollback === undefined)
        return undefined;
    return { pollIntervalMs: pollSeconds * 1000, onSuperseded, stopOnCancel, followRollback };
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lazy-yaml.ts
var lazy_yaml = __webpack_require__(5834);
;// CONCATENATED MODULE: ../src/config/pipeline-definition.ts
// Loads a user's pipeline declaration file (JSON or YAML) for create-pipeline. Only the basic shape is
// checked here; CodePipeline itself has the last word and its rejection is reported as such.
//
// The file is untrusted in where it points and what it holds: it must be a regular file inside the workspace
// (after resolving symlinks), it is read with a bound (a FIFO, a device or an endless file cannot hang the step)
// and an error never quotes its content — a path that names a secret file must not print the secret.





const INPUT = 'pipeline-definition';
/**
 * 1 MiB: far above a real declaration (50 stages × 50 actions of ≤1000-character settings stays well below it,
 * and CodePipeline's own resolved configuration is capped at 100 KB: aws-api.md §1 limits).
 */
const MAX_DEFINITION_BYTES = 1024 * 1024;
const fail = (path, problem) => {
    throw new InputError(INPUT, `file ${shown(path)} ${problem}`);
};
function isInside(root, path) {
    const rel = (0,external_node_path_.relative)(root, path);
    return rel === '' || (!rel.startsWith(`..${external_node_path_.sep}`) && rel !== '..' && !(0,external_node_path_.isAbsolute)(rel));
}
/** Reads at most MAX_DEFINITION_BYTES + 1 bytes of a regular file inside `workspace`. */
function readBounded(path, workspace) {
    const full = (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.resolve)(workspace, path);
    let root;
    let real;
    try {
        root = (0,external_node_fs_.realpathSync)(workspace);
        real = (0,external_node_fs_.realpathSync)(full);
    }
    catch {
        return fail(path, `was not found (looked at ${full}); accepted: a JSON or YAML file in the workspace.`);
    }
    if (!isInside(root, real))
        fail(path, `resolves to a path outside the workspace (${root}); accepted: a file inside GITHUB_WORKSPACE (symlinks may not lead out of it).`);
    let fd;
    try {
        // O_NONBLOCK: opening a FIFO must not wait for a writer; O_NOFOLLOW: the resolved path must not have been
        // swapped for a symlink since.
        fd = (0,external_node_fs_.openSync)(real, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NONBLOCK | external_node_fs_.constants.O_NOFOLLOW);
    }
    catch {
        return fail(path, `could not be opened (looked at ${real}); accepted: a readable JSON or YAML file.`);
    }
    try {
        const stat = (0,external_node_fs_.fstatSync)(fd);
        if (!stat.isFile())
            fail(path, `is not a regular file (${stat.isDirectory() ? 'a directory' : stat.isFIFO() ? 'a FIFO' : 'a device or socket'}); accepted: a JSON or YAML file.`);
        const tooBig = () => fail(path, `is larger than ${MAX_DEFINITION_BYTES} bytes (1 MiB); accepted: a pipeline declaration of at most 1 MiB.`);
        if (stat.size > MAX_DEFINITION_BYTES)
            tooBig();
        const buffer = Buffer.alloc(MAX_DEFINITION_BYTES + 1);
        let length = 0;
        for (;;) {
            const n = (0,external_node_fs_.readSync)(fd, buffer, length, buffer.length - length, null);
            if (n === 0)
                break;
            length += n;
            if (length > MAX_DEFINITION_BYTES)
                tooBig();
        }
        const bytes = buffer.subarray(0, length);
        if (bytes.includes(0))
            fail(path, 'is not a text file (it contains NUL bytes); accepted: a JSON or YAML file.');
        let text;
        try {
            text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        }
        catch {
            return fail(path, 'is not UTF-8 text; accepted: a JSON or YAML file in UTF-8.');
        }
        return { full: real, text };
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/** Where and what kind of syntax error, never the text around it. */
function syntaxProblem(source, json) {
    const doc = (0,lazy_yaml.parseDocument)(source, { prettyErrors: true });
    const err = doc.errors[0];
    if (err instanceof lazy_yaml.YAMLParseError) {
        const at = err.linePos?.[0];
        const where = at ? ` at line ${at.line}, column ${at.col}` : '';
        return `${err.code.toLowerCase().replace(/_/g, ' ')}${where}`;
    }
    return json ? 'not valid JSON (it reads as YAML: rename it to .yaml?)' : 'unreadable';
}
function loadPipelineDefinition(path, workspace) {
    const { full, text: source } = readBounded(path, workspace);
    const json = /\.json$/i.test(full);
    let doc;
    try {
        doc = json ? JSON.parse(source) : (0,lazy_yaml.parse)(source);
    }
    catch {
        fail(path, `is not valid ${json ? 'JSON' : 'YAML'}: ${syntaxProblem(source, json)}.`);
    }
    // `aws codepipeline get-pipeline` output wraps the declaration in {"pipeline": …}; accept both.
    const declaration = typeof doc === 'object' && doc !== null && 'pipeline' in doc
        ? doc.pipeline
        : doc;
    if (typeof declaration !== 'object' || declaration === null || Array.isArray(declaration)) {
        fail(path, 'must hold a pipeline declaration object (name, roleArn, artifactStore, stages).');
    }
    const stages = declaration.stages;
    if (!Array.isArray(stages) || stages.length < 2) {
        fail(path, 'must declare "stages": a list of at least two stages.');
    }
    return { path: full, declaration: declaration };
}

;// CONCATENATED MODULE: ../src/config/reader.ts
// Reads raw inputs for the section parsers, recording every problem instead of stopping at the first, so a
// user fixes them all in one round. Also the names the action derives from project-name and environment.




/**
 * Inputs that hold several lines; every other input is one line. `service`: validate takes several, one per
 * line (create-pipeline's name rule still refuses a line break).
 */
const MULTILINE = [inputs/* Inputs */.G0.Tags, inputs/* Inputs */.G0.AlarmNames, inputs/* Inputs */.G0.MetricChecks, inputs/* Inputs */.G0.Service];
/** Inputs sent in an HTTP header: printable ASCII without spaces. */
const TOKENS = [inputs/* Inputs */.G0.GithubToken, inputs/* Inputs */.G0.SlackBotToken];
/**
 * The first character that has no place in a single-line value (a line break, any other control character, a
 * Unicode line or paragraph separator), or in a multi-line one (control characters other than line breaks
 * and tabs). A line break in a name, URL or token would split a log line, an HTTP header or a workflow command.
 */
function breakingCharacter(value, multiline) {
    const re = multiline ? /(?![\n\r\t])\p{Cc}/u : /[\p{Cc}\u2028\u2029]/u;
    return re.exec(value)?.[0];
}
/** The first character of a token that cannot travel in an HTTP header. */
function nonTokenCharacter(value) {
    return [...value].find((c) => !/^[\x21-\x7e]$/.test(c));
}
/** Whether every value is defined: each one that is not has recorded its problem. */
function isComplete(values) {
    return Object.values(values).every((v) => v !== undefined);
}
/** Reads inputs, recording problems instead of stopping at the first. */
class Reader {
    source;
    errors;
    /** Problems with derived names, by the inputs they derive from: reported once per set of inputs. */
    derivedProblems = new Map();
    lineChecked = new Set();
    constructor(source, errors) {
        this.source = source;
        this.errors = errors;
    }
    /** Whether the user set the input (a literal default does not count). */
    given(name) {
        return this.source(name).trim() !== '';
    }
    raw(name) {
        const literal = inputs/* Defaults */.Hw[name];
        const value = this.source(name).trim();
        if (value !== '' && !this.lineChecked.has(name)) {
            this.lineChecked.add(name);
            this.checkCharacters(name, value);
        }
        if (value !== '' && this.has(name))
            return '';
        return value === '' ? (literal ?? '') : value;
    }
    checkCharacters(name, value) {
        const secret = inputs/* SecretInputs */.K.includes(name);
        const bad = breakingCharacter(value, MULTILINE.includes(name));
        if (bad !== undefined) {
            this.problem(name, `contains ${describeChar(bad)}${secret ? ' (value hidden: it is a secret)' : ''}; accepted: ${MULTILINE.includes(name) ? 'lines of text without control characters' : 'a single line without control characters'}.`);
            return;
        }
        const nonToken = TOKENS.includes(name) ? nonTokenCharacter(value) : undefined;
        if (nonToken !== undefined) {
            this.problem(name, `contains ${describeChar(nonToken)} (value hidden: it is a secret); accepted: the token as issued, printable ASCII without spaces (it is sent in an HTTP header).`);
        }
    }
    optional(name) {
        const v = this.raw(name);
        return v === '' ? undefined : v;
    }
    /** Parses a present value; records the error and returns undefined when it is bad. */
    parse(name, parser) {
        const v = this.optional(name);
        return v === undefined ? undefined : this.attempt(() => parser(name, v));
    }
    attempt(fn) {
        try {
            return fn();
        }
        catch (e) {
            if (e instanceof InputError)
                this.errors.push(e);
            else
                throw e;
            return undefined;
        }
    }
    /** Whether a problem is already recorded for `input` (a bad value should not also read as a missing one). */
    has(input) {
        return this.errors.some((e) => e.inputs.includes(input));
    }
    /** Records a problem with `input`, unless one is already recorded for it (one message per input). */
    problem(input, message) {
        if (!this.has(input))
            this.errors.push(new InputError(input, message));
        return undefined;
    }
    /**
     * A value held to an AWS/GitHub/Slack naming rule: the input when set, else the derived name. A derived name
     * that breaks the rule is blamed on the inputs it is made of, never on `name`, which the user did not set.
     */
    name(name, rule, derived) {
        if (this.optional(name) !== undefined)
            return this.parse(name, nameParser(rule));
        if (this.given(name) || derived === undefined)
            return undefined;
        if (derived.from.some((f) => this.has(f)))
            return undefined;
        const why = rule.problem(derived.value);
        if (why === undefined)
            return derived.value;
        const key = derived.from.join('+');
        const entry = this.derivedProblems.get(key) ?? { from: derived.from, parts: [], fix: new Set() };
        entry.parts.push(`${rule.what} ${shown(derived.value)}, which ${rule.owner} refuses because ${why} (accepted: ${rule.accepted})`);
        entry.fix.add(name);
        this.derivedProblems.set(key, entry);
        return undefined;
    }
    /** Whether a derived name from these inputs was refused (so it is not reported again as missing). */
    derivedFailed(from) {
        return from.some((f) => this.has(f)) || this.derivedProblems.has(from.join('+'));
    }
    /** One error per set of inputs whose derived names were refused, naming those inputs. */
    flushDerived() {
        for (const { from, parts, fix } of this.derivedProblems.values()) {
            const verb = from.length > 1 ? 'give' : 'gives';
            const names = from.join(' and ');
            const problem = `${verb} ${parts.join('; and ')}. ` + `Change ${names}, or set ${[...fix].join(', ')} explicitly.`;
            this.errors.push(new InputError(from[0], problem, from));
        }
        this.derivedProblems.clear();
    }
}

;// CONCATENATED MODULE: ../src/config/create-pipeline.ts
// The create-pipeline section: the pipeline's source (repository, or a declaration file), the names of what it
// builds and deploys, and what to do once it exists (start, wait, dry run).










/** The names a generated pipeline uses, each with its default (default-names.ts). */
const NAMES = {
    branch: [inputs/* Inputs */.G0.Branch, GIT_BRANCH],
    artifactBucket: [inputs/* Inputs */.G0.ArtifactBucket, S3_BUCKET],
    buildProject: [inputs/* Inputs */.G0.BuildProject, CODEBUILD_PROJECT('the build project name')],
    testProject: [inputs/* Inputs */.G0.TestProject, CODEBUILD_PROJECT('the test project name')],
    cluster: [inputs/* Inputs */.G0.Cluster, ECS_NAME('the cluster name')],
    service: [inputs/* Inputs */.G0.Service, ECS_NAME('the service name')],
};
function readCreatePipeline(r, env, c) {
    const pipelineName = requirePipelineName(r, c);
    const source = readSource(r, env, c.shared.region);
    const names = readDefaultedNames(r, NAMES, c.names);
    const run = readRun(r, c);
    const imageDefinitionsFile = r.parse(inputs/* Inputs */.G0.ImageDefinitionsFile, nameParser(CONFIGURATION_VALUE('the image definitions file name')));
    const guards = readDeployGuards(r, {
        region: c.shared.region,
        generated: !r.given(inputs/* Inputs */.G0.PipelineDefinition),
        executionMode: run?.executionMode,
        secrets: (0,src_secrets/* namedSecretsOf */.oW)(c.shared, env),
    });
    if (pipelineName === undefined || source === undefined || run === undefined)
        return undefined;
    if (imageDefinitionsFile === undefined || guards === undefined || !isComplete(names))
        return undefined;
    return {
        ...c.shared,
        mode: 'create-pipeline',
        pipelineName,
        ...source,
        ...names,
        imageDefinitionsFile,
        ...run,
        ...guards,
    };
}
/**
 * Where the pipeline comes from: a declaration file, or one generated from the repository (which then needs
 * the service role and the connection to GitHub).
 */
function readSource(r, env, region) {
    const definitionPath = r.optional(inputs/* Inputs */.G0.PipelineDefinition);
    const pipelineDefinition = definitionPath === undefined
        ? undefined
        : r.attempt(() => loadPipelineDefinition(definitionPath, env.GITHUB_WORKSPACE || process.cwd()));
    const generated = definitionPath === undefined;
    const roleArn = r.parse(inputs/* Inputs */.G0.RoleArn, (i, v) => parseArn(i, v, 'role', region));
    if (roleArn === undefined && generated && !r.given(inputs/* Inputs */.G0.RoleArn)) {
        r.problem(inputs/* Inputs */.G0.RoleArn, 'is required for create-pipeline: the ARN of the CodePipeline service role, e.g. arn:aws:iam::123456789012:role/codepipeline-service-role.');
    }
    const connectionArn = r.parse(inputs/* Inputs */.G0.ConnectionArn, (i, v) => parseArn(i, v, 'connection', region));
    if (connectionArn === undefined && generated && !r.given(inputs/* Inputs */.G0.ConnectionArn)) {
        r.problem(inputs/* Inputs */.G0.ConnectionArn, 'is required for create-pipeline: the ARN of the CodeConnections connection to GitHub (Developer Tools → Settings → Connections).');
    }
    const repositoryRaw = r.optional(inputs/* Inputs */.G0.Repository) ?? (env.GITHUB_REPOSITORY || undefined);
    const repository = repositoryRaw === undefined
        ? r.problem(inputs/* Inputs */.G0.Repository, 'is required (GITHUB_REPOSITORY is not set): "owner/repo".')
        : r.attempt(() => parseRepository(inputs/* Inputs */.G0.Repository, repositoryRaw));
    if (repository === undefined)
        return undefined;
    return { pipelineDefinition, roleArn, connectionArn, repository };
}
/** How the pipeline runs, and what this step does with it once it exists. */
function readRun(r, c) {
    const executionMode = r.parse(inputs/* Inputs */.G0.ExecutionMode, (i, v) => parseEnum(i, v, ['QUEUED', 'SUPERSEDED', 'PARALLEL'], { caseInsensitive: true }));
    const sourceTrigger = r.parse(inputs/* Inputs */.G0.SourceTrigger, (i, v) => parseEnum(i, v, ['push', 'none']));
    const tags = r.parse(inputs/* Inputs */.G0.Tags, parseTags) ?? [];
    const startExecution = r.parse(inputs/* Inputs */.G0.StartExecution, parseBoolean);
    const wait = r.parse(inputs/* Inputs */.G0.Wait, parseBoolean);
    const dryRun = r.parse(inputs/* Inputs */.G0.DryRun, parseBoolean);
    const follow = readFollow(r);
    if (wait && startExecution === false) {
        r.problem(inputs/* Inputs */.G0.Wait, 'is "true" but start-execution is "false"; wait follows the execution that start-execution starts, so set start-execution: true too.');
    }
    if (startExecution && c.shared.commitSha === undefined && !r.has(inputs/* Inputs */.G0.CommitSha)) {
        r.problem(inputs/* Inputs */.G0.CommitSha, 'is required with start-execution (it pins the source revision): no commit-sha was given and GITHUB_SHA is not set.');
    }
    const run = { executionMode, sourceTrigger, tags, startExecution, wait, dryRun, follow };
    return isComplete(run) ? run : undefined;
}

;// CONCATENATED MODULE: ../src/config/monitor.ts
// The monitor section: which execution (execution-id, else the commit's) and how to follow it.




function readMonitor(r, c) {
    const pipelineName = requirePipelineName(r, c);
    const executionId = r.parse(inputs/* Inputs */.G0.ExecutionId, parseExecutionId);
    if (r.optional(inputs/* Inputs */.G0.ExecutionId) === undefined &&
        c.shared.commitSha === undefined &&
        !r.has(inputs/* Inputs */.G0.CommitSha)) {
        r.problem(inputs/* Inputs */.G0.CommitSha, 'is required when execution-id is empty (the execution is found by its commit): no commit-sha was given and GITHUB_SHA is not set.');
    }
    const follow = readFollow(r);
    if (pipelineName === undefined || !follow)
        return undefined;
    return { ...c.shared, mode: 'monitor', pipelineName, executionId, follow };
}

;// CONCATENATED MODULE: ../src/config/reporting.ts
// The reporting section: where alerts go (Slack, SNS), when (notify-on), the commit status, and whether a
// failed alert fails the step.



function readReporting(r, mode, region) {
    const slack = readSlack(r);
    const notifyOn = r.parse(inputs/* Inputs */.G0.NotifyOn, (i, v) => parseEnum(i, v, ['failure', 'always', 'never']));
    const snsTopicArn = r.parse(inputs/* Inputs */.G0.SnsTopicArn, (i, v) => parseArn(i, v, 'topic', region));
    const githubToken = r.optional(inputs/* Inputs */.G0.GithubToken);
    const statusContext = r.optional(inputs/* Inputs */.G0.StatusContext);
    if (statusContext !== undefined && githubToken === undefined && !r.has(inputs/* Inputs */.G0.GithubToken))
        r.problem(inputs/* Inputs */.G0.StatusContext, `is ${shown(statusContext)} but github-token is empty: a commit status is posted with a token that may write statuses; accepted: set github-token too (e.g. \${{ github.token }} with permissions: statuses: write), or leave status-context empty.`);
    const statusFinal = r.optional(inputs/* Inputs */.G0.StatusFinal) === undefined
        ? mode === 'validate'
        : r.parse(inputs/* Inputs */.G0.StatusFinal, parseBoolean);
    const deployment = readDeployment(r, githubToken);
    const failOnAlertError = r.parse(inputs/* Inputs */.G0.FailOnAlertError, parseBoolean);
    if (notifyOn === undefined || statusFinal === undefined || failOnAlertError === undefined)
        return undefined;
    return {
        slack,
        notifyOn,
        snsTopicArn,
        githubToken,
        statusContext,
        statusFinal,
        deployment,
        failOnAlertError,
    };
}
/** The GitHub deployment: an environment name (with an optional URL), and a token to post it with. */
function readDeployment(r, githubToken) {
    const environment = r.optional(inputs/* Inputs */.G0.DeploymentEnvironment);
    const url = r.parse(inputs/* Inputs */.G0.EnvironmentUrl, parseLinkUrl);
    if (environment === undefined) {
        if (url !== undefined)
            r.problem(inputs/* Inputs */.G0.EnvironmentUrl, 'is set but deployment-environment is not; accepted: set deployment-environment (the GitHub environment the URL belongs to), or leave environment-url empty.');
        return undefined;
    }
    if (githubToken === undefined && !r.has(inputs/* Inputs */.G0.GithubToken))
        r.problem(inputs/* Inputs */.G0.DeploymentEnvironment, `is ${shown(environment)} but github-token is empty: a deployment is posted with a token that may write deployments; accepted: set github-token too (e.g. \${{ github.token }} with permissions: deployments: write), or leave deployment-environment empty.`);
    return { environment, ...(url !== undefined ? { url } : {}) };
}
/** A webhook, or a bot token with a channel: one of the two, whole, or none. */
function readSlack(r) {
    const webhook = r.parse(inputs/* Inputs */.G0.SlackWebhookUrl, parseWebhookUrl);
    const botToken = r.optional(inputs/* Inputs */.G0.SlackBotToken);
    const channel = r.name(inputs/* Inputs */.G0.SlackChannel, SLACK_CHANNEL);
    if (webhook !== undefined && botToken !== undefined)
        return r.problem(inputs/* Inputs */.G0.SlackBotToken, 'set either slack-webhook-url or slack-bot-token with slack-channel, not both.');
    if (webhook !== undefined)
        return { kind: 'webhook', url: webhook };
    if (botToken !== undefined) {
        if (channel !== undefined)
            return { kind: 'bot', token: botToken, channel };
        if (r.has(inputs/* Inputs */.G0.SlackChannel))
            return undefined;
        return r.problem(inputs/* Inputs */.G0.SlackChannel, 'is required with slack-bot-token: the channel ID (e.g. "C0123456789") or name to post to.');
    }
    if (channel !== undefined && !r.given(inputs/* Inputs */.G0.SlackBotToken))
        r.problem(inputs/* Inputs */.G0.SlackBotToken, 'slack-channel is set but slack-bot-token is not; chat.postMessage needs a bot token (or use slack-webhook-url instead).');
    return undefined;
}

;// CONCATENATED MODULE: ../src/config/metric-checks.ts
// Parses the `metric-checks` YAML input into typed checks (see the interface spec for the format).


const metric_checks_INPUT = 'metric-checks';
const STAT = /^(SampleCount|Average|Sum|Minimum|Maximum|IQM|(p|tm|wm|tc|ts|PR|TM|WM|TC|TS)\d{1,2}(\.\d+)?|(TM|WM|TC|TS|PR)\([^)]*\))$/;
/** Metric names in an expression become GetMetricData query ids, which CloudWatch restricts to this. */
const QUERY_ID = /^[a-z][a-zA-Z0-9_]{0,254}$/;
function metric_checks_fail(where, problem) {
    throw new InputError(metric_checks_INPUT, `${where}: ${problem}`);
}
function isRecord(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function metric_checks_text(where, item, key) {
    const v = item[key];
    if (typeof v !== 'string' || v.trim() === '')
        metric_checks_fail(where, `"${key}" is required and must be a non-empty string.`);
    return v.trim();
}
function bound(where, item, key) {
    const v = item[key];
    if (v === undefined || v === null)
        return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v))
        metric_checks_fail(where, `"${key}" must be a number, got ${JSON.stringify(v)}.`);
    return v;
}
function query(where, item) {
    const dims = item.dimensions ?? {};
    if (!isRecord(dims))
        metric_checks_fail(where, '"dimensions" must be a map of name: value.');
    const dimensions = {};
    for (const [k, v] of Object.entries(dims)) {
        if (typeof v !== 'string' && typeof v !== 'number')
            metric_checks_fail(where, `dimension "${k}" must be a string.`);
        dimensions[k] = String(v);
    }
    const stat = item.stat === undefined ? 'Average' : String(item.stat);
    if (!STAT.test(stat)) {
        metric_checks_fail(where, `"stat" ${JSON.stringify(stat)} is not a CloudWatch statistic (Sum, Average, SampleCount, Minimum, Maximum, p99 …).`);
    }
    return { namespace: metric_checks_text(where, item, 'namespace'), metric: metric_checks_text(where, item, 'metric'), dimensions, stat };
}
function parseMetricChecks(value) {
    if (value.trim() === '')
        return [];
    let doc;
    try {
        doc = (0,lazy_yaml.parse)(value);
    }
    catch (e) {
        metric_checks_fail('is not valid YAML', `${e.message.split('\n')[0]}. Accepted: a YAML list of checks (see the README).`);
    }
    if (!Array.isArray(doc))
        metric_checks_fail('must be a YAML list', 'each item a check with name, namespace/metric or expression, and max and/or min.');
    const names = new Set();
    return doc.map((item, i) => {
        const where = `item ${i + 1}`;
        if (!isRecord(item))
            metric_checks_fail(where, 'must be a map with name, namespace, metric (or expression, metrics), max and/or min.');
        const name = metric_checks_text(where, item, 'name');
        if (names.has(name))
            metric_checks_fail(where, `the name ${JSON.stringify(name)} is used twice; names must be unique.`);
        names.add(name);
        const at = `${where} (${JSON.stringify(name)})`;
        const max = bound(at, item, 'max');
        const min = bound(at, item, 'min');
        if (max === undefined && min === undefined)
            metric_checks_fail(at, 'needs "max" and/or "min" (the threshold to check against).');
        if (item.expression !== undefined) {
            const expression = metric_checks_text(at, item, 'expression');
            if (!isRecord(item.metrics) || Object.keys(item.metrics).length === 0) {
                metric_checks_fail(at, '"expression" needs "metrics": a map of id: {namespace, metric, dimensions, stat}.');
            }
            const metrics = {};
            for (const [id, m] of Object.entries(item.metrics)) {
                if (!QUERY_ID.test(id))
                    metric_checks_fail(at, `metric id ${JSON.stringify(id)} must start with a lowercase letter and use only letters, digits and "_".`);
                if (!isRecord(m))
                    metric_checks_fail(at, `metric ${JSON.stringify(id)} must be a map with namespace, metric, dimensions, stat.`);
                metrics[id] = query(`${at}, metric ${JSON.stringify(id)}`, m);
            }
            return { name, max, min, kind: 'expression', expression, metrics };
        }
        return { name, max, min, kind: 'metric', query: query(at, item) };
    });
}

;// CONCATENATED MODULE: ../src/config/validate.ts
// The validate section: which ECS service, the CloudWatch checks (API error rate, metric checks, alarms) and
// their policy, the bake, and what to roll back on a measured failure.






function readValidate(r, c) {
    const region = c.shared.region;
    // ECS takes a cluster or service by short name or by ARN; an ARN must be of this partition and region.
    const target = readDefaultedNames(r, {
        cluster: [inputs/* Inputs */.G0.Cluster, ecsNameOrArn(ECS_NAME('the cluster name'), 'cluster', region)],
        service: [
            inputs/* Inputs */.G0.Service,
            namePerLine(ecsNameOrArn(ECS_NAME('the service name'), 'service', region), MAX_SERVICES),
        ],
    }, c.names);
    const waitForStable = r.parse(inputs/* Inputs */.G0.WaitForStable, parseBoolean);
    const api = readApi(r);
    const health = readHealth(r);
    const bakeMinutes = readBakeMinutes(r, c);
    const rollback = readRollback(r, c);
    const pauseHook = readPauseHook(r, rollback);
    const expectedImageTag = r.parse(inputs/* Inputs */.G0.ExpectedImageTag, nameParser(IMAGE_TAG));
    if (!isComplete(target) || waitForStable === undefined || health === undefined)
        return undefined;
    if (bakeMinutes === undefined || rollback === undefined || pauseHook === undefined)
        return undefined;
    const services = parseLines(target.service);
    if (services.length > 1 && rollback.rollback !== 'none') {
        r.problem(inputs/* Inputs */.G0.Rollback, `is ${rollback.rollback} but service lists ${services.length} services; accepted: none with several services (a rollback of one service of a release would leave the others on the new version).`);
        return undefined;
    }
    if (services.length > 1 && pauseHook !== 'off') {
        r.problem(inputs/* Inputs */.G0.PauseHook, `is ${pauseHook} but service lists ${services.length} services; accepted: off with several services (the gate answers the paused deployment of one service).`);
        return undefined;
    }
    return {
        ...c.shared,
        mode: 'validate',
        pipelineName: c.pipelineName,
        cluster: target.cluster,
        service: services[0] ?? target.service,
        ...(services.length > 1 ? { services } : {}),
        waitForStable,
        expectedImageTag,
        api,
        ...health,
        bakeMs: bakeMinutes * 60_000,
        pauseHook,
        ...rollback,
    };
}
/**
 * The API Gateway API whose 5XX rate is also checked: opt-in (no default — the service's own load balancers
 * are the default front door). `none` is still taken, as before, for no API.
 */
function readApi(r) {
    const name = r.parse(inputs/* Inputs */.G0.ApiName, nameParser(DIMENSION_VALUE('the API name')));
    const stage = r.parse(inputs/* Inputs */.G0.ApiStage, nameParser(DIMENSION_VALUE('the API stage')));
    return name === undefined || name === 'none' ? undefined : { name, stage };
}
/** The CloudWatch checks and what missing data means. */
function readHealth(r) {
    const maxErrorRate = r.parse(inputs/* Inputs */.G0.MaxErrorRate, parseRate);
    const windowMinutes = r.parse(inputs/* Inputs */.G0.WindowMinutes, (i, v) => parsePositive(i, v, { integer: true, max: 1440 }));
    const metricChecks = r.attempt(() => parseMetricChecks(r.raw(inputs/* Inputs */.G0.MetricChecks)));
    const alarmNames = readAlarmNames(r);
    const onMissingData = r.parse(inputs/* Inputs */.G0.OnMissingData, (i, v) => parseEnum(i, v, ['warn', 'fail', 'pass']));
    const health = { maxErrorRate, windowMinutes, metricChecks, alarmNames, onMissingData };
    return isComplete(health) ? health : undefined;
}
function readAlarmNames(r) {
    const alarmNames = parseLines(r.raw(inputs/* Inputs */.G0.AlarmNames));
    const badAlarm = alarmNames.find((a) => ALARM_NAME.problem(a) !== undefined);
    if (badAlarm !== undefined)
        r.problem(inputs/* Inputs */.G0.AlarmNames, `lists ${shown(badAlarm)}, which CloudWatch refuses because ${ALARM_NAME.problem(badAlarm)}; accepted: one alarm name per line, each ${ALARM_NAME.accepted}.`);
    else if (alarmNames.length > 100)
        r.problem(inputs/* Inputs */.G0.AlarmNames, `lists ${alarmNames.length} alarms; accepted: at most 100 (DescribeAlarms' limit).`);
    return alarmNames;
}
function readBakeMinutes(r, c) {
    const bakeMinutes = r.parse(inputs/* Inputs */.G0.BakeMinutes, parseNonNegative);
    if (bakeMinutes !== undefined && bakeMinutes > 0 && bakeMinutes >= c.timeoutMinutes) {
        return r.problem(inputs/* Inputs */.G0.BakeMinutes, `is ${bakeMinutes} but must be below timeout-minutes (${c.timeoutMinutes}): the bake runs inside the step's timeout.`);
    }
    return bakeMinutes;
}
/** What a measured failure rolls back; a pipeline rollback needs the pipeline's name. */
function readRollback(r, c) {
    const rollback = r.parse(inputs/* Inputs */.G0.Rollback, (i, v) => parseEnum(i, v, ['none', 'pipeline', 'service']));
    if (rollback !== 'pipeline')
        return rollback === undefined ? undefined : { rollback };
    if (c.pipelineName !== undefined)
        return { rollback, pipelineName: c.pipelineName };
    if (!r.given(inputs/* Inputs */.G0.PipelineName) && DEFAULT_NAMES[inputs/* Inputs */.G0.PipelineName].value(c.names) === undefined)
        r.problem(inputs/* Inputs */.G0.PipelineName, 'is required with rollback: pipeline (set pipeline-name, or project-name and environment).');
    return undefined;
}
/**
 * The pause-hook gate. With `gate`, a measured failure is answered with ROLLBACK at the hook, so ECS itself
 * sends the traffic back to the old revision; a second rollback of another kind on the same failure would
 * race it. With `report-only` the gate never acts, and a configured rollback would not either (it would be
 * dropped silently). So with any pause-hook but `off`, `rollback` must stay `none`.
 */
function readPauseHook(r, rollback) {
    const mode = r.parse(inputs/* Inputs */.G0.PauseHook, (i, v) => parseEnum(i, v, ['off', 'gate', 'report-only']));
    if (mode === undefined || mode === 'off' || rollback === undefined || rollback.rollback === 'none')
        return mode;
    const why = mode === 'gate'
        ? 'which rolls back through the hook itself (ContinueServiceDeployment ROLLBACK)'
        : 'which only reports and never acts, so a rollback would not happen';
    return r.problem(inputs/* Inputs */.G0.PauseHook, `is ${mode}, ${why}; rollback accepts only "none" with pause-hook: gate or report-only — set rollback: none (it is ${rollback.rollback}).`);
}

;// CONCATENATED MODULE: ../src/config/read.ts
// The only place that reads inputs. Turns the strings GitHub passes into a typed, validated config per
// mode, applying every default and naming convention of the interface spec, before any network call.
// Each section has its file: common.ts, reporting.ts, create-pipeline.ts, monitor.ts, validate.ts.










/** The inputs written in YAML: only a run that sets one needs the YAML parser. */
const YAML_INPUTS = [inputs/* Inputs */.G0.MetricChecks, inputs/* Inputs */.G0.PipelineDefinition];
async function readConfigFromRunner() {
    if (YAML_INPUTS.some((name) => getInput(name) !== ''))
        await yamlParserReady();
    return readConfig((name) => getInput(name), { env: process.env, mask: setSecret });
}
/**
 * In the bundle `yaml` is a stand-in whose parser is loaded on demand (build/lazy-yaml.ts): a run without a YAML
 * input, most monitor runs among them, never compiles it. Elsewhere `yaml` is the real module, always ready.
 */
async function yamlParserReady() {
    const yaml = (await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 5834)));
    await yaml.ready?.();
}
/** Collects every input problem, then throws them together (one ::error line) or returns the config. */
function readConfig(source, { env, mask }) {
    maskSecrets(source, mask);
    const errors = [];
    const reader = new Reader(source, errors);
    const config = build(reader, env);
    reader.flushDerived();
    if (errors.length > 0 || config === undefined)
        throw new InputErrors(errors);
    return config;
}
function maskSecrets(source, mask) {
    for (const name of inputs/* SecretInputs */.K) {
        const secret = source(name).trim();
        if (secret !== '')
            mask(secret);
        // A webhook's path (T…/B…/token) is as secret as the whole URL, and error messages quote paths.
        if (name === inputs/* Inputs */.G0.SlackWebhookUrl && secret !== '') {
            const path = URL.canParse(secret) ? new URL(secret).pathname : '';
            if (path.length > 12)
                mask(path);
        }
    }
}
/** The common section and reporting, then the mode's own section. */
function build(r, env) {
    const inputs = readCommonInputs(r, env);
    const reporting = readReporting(r, inputs.mode, inputs.region);
    const common = commonSection(inputs, reporting, env);
    if (common === undefined)
        return undefined;
    switch (common.mode) {
        case 'create-pipeline':
            return readCreatePipeline(r, env, common);
        case 'monitor':
            return readMonitor(r, common);
        case 'validate':
            return readValidate(r, common);
    }
}

// EXTERNAL MODULE: ../src/deadline.ts
var src_deadline = __webpack_require__(1035);
;// CONCATENATED MODULE: ../src/deps.ts
function realSleep(ms, signal) {
    return new Promise((resolve) => {
        if (signal?.aborted || ms <= 0)
            return resolve();
        const done = () => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        };
        const timer = setTimeout(done, ms);
        signal?.addEventListener('abort', done, { once: true });
    });
}

;// CONCATENATED MODULE: ../src/door.ts
const ZWSP = '\u200b';
/** .NET's TrimStart (char.IsWhiteSpace) also trims NEL and the information separators, which JS's \s does not. */
// eslint-disable-next-line no-control-regex -- the separators are exactly what the runner trims
const LEADING_SPACE_THEN_COLON = /^([\s\u0085\u001c-\u001f]*:):/;
/** Text that cannot start a workflow command on any of its lines. Line breaks become LF. Pure. */
function inert(text) {
    return text
        .split(/\r\n|\r|\n/)
        .map((line) => line.replace(LEADING_SPACE_THEN_COLON, `$1${ZWSP}:`).replace(/##\[/g, `#${ZWSP}#[`))
        .join('\n');
}
/** Opens the door on @actions/core (or a stand-in for it): every message is cleaned before core sees it. */
function openDoor(core, redact) {
    const clean = (text) => inert(redact(text));
    return {
        redact,
        info: (m) => core.info(clean(m)),
        debug: (m) => core.debug(clean(m)),
        warning: (m) => core.warning(clean(m)),
        error: (m) => core.error(clean(m)),
        fail: (m) => core.setFailed(clean(m)),
        group: async (name, fn) => {
            core.startGroup(clean(name));
            try {
                return await fn();
            }
            finally {
                core.endGroup();
            }
        },
    };
}
/**
 * The net under the door: whatever reaches stdout or stderr by another way (a library's console warning, Node's
 * own messages) is redacted too. Installed after the inputs' `::add-mask::` lines are out; returns the undo.
 */
function guardStdio(redact, streams = [process.stdout, process.stderr]) {
    const originals = streams.map((stream) => stream.write);
    for (const stream of streams) {
        const write = stream.write.bind(stream);
        stream.write = ((chunk, ...rest) => {
            if (typeof chunk === 'string')
                return write(redact(chunk), ...rest);
            if (chunk instanceof Uint8Array)
                return write(redact(Buffer.from(chunk).toString('utf8')), ...rest);
            return write(chunk, ...rest);
        });
    }
    return () => streams.forEach((stream, i) => (stream.write = originals[i]));
}

// EXTERNAL MODULE: ../src/format.ts
var format = __webpack_require__(8904);
// EXTERNAL MODULE: ../src/report/alert-policy.ts
var alert_policy = __webpack_require__(6527);
// EXTERNAL MODULE: ../src/report/markdown.ts
var markdown = __webpack_require__(9325);
;// CONCATENATED MODULE: ../src/report/input-errors.ts
// The job summary of a run whose inputs were invalid: every bad input and what is wrong with it, written before
// any AWS call (every run writes a summary, this one too).

function inputErrorsSummary(errors) {
    const lines = errors.map((err) => `- **${(0,markdown.md)(err.inputs.join(' + '))}**: ${(0,markdown.md)(err.problem)}`);
    return `## ❌ Invalid inputs\n\nThe step stopped before calling AWS. Fix these inputs:\n\n${lines.join('\n')}\n`;
}

// EXTERNAL MODULE: ../src/report/start.ts
var start = __webpack_require__(4790);
;// CONCATENATED MODULE: ../src/modes.ts
/** A mode without a loader has not landed in this version: dispatch says so plainly. */
const modeLoaders = {
    'create-pipeline': () => Promise.all(/* import() */[__webpack_require__.e(685), __webpack_require__.e(18), __webpack_require__.e(758), __webpack_require__.e(962), __webpack_require__.e(63)]).then(__webpack_require__.bind(__webpack_require__, 7063)),
    monitor: () => Promise.all(/* import() */[__webpack_require__.e(685), __webpack_require__.e(18), __webpack_require__.e(758), __webpack_require__.e(962), __webpack_require__.e(902), __webpack_require__.e(352)]).then(__webpack_require__.bind(__webpack_require__, 4341)),
    // One service or several (service: one per line).
    validate: () => Promise.all(/* import() */[__webpack_require__.e(685), __webpack_require__.e(18), __webpack_require__.e(758), __webpack_require__.e(10), __webpack_require__.e(962), __webpack_require__.e(908), __webpack_require__.e(65), __webpack_require__.e(918)]).then(__webpack_require__.bind(__webpack_require__, 918)).then((m) => ({ run: m.runServices })),
};

// EXTERNAL MODULE: ../src/result.ts
var result = __webpack_require__(6738);
;// CONCATENATED MODULE: ../src/main.ts
// run(): read config → dispatch on mode → report (outputs, summary, alerts, status) → set the step's result.
// Everything printed goes through the door (src/door.ts); every wait and request is bounded by the step's
// deadline (src/deadline.ts).
















async function run() {
    const startedAt = Date.now();
    const config = await readValidConfig();
    if (!config)
        return;
    if (!modeLoaders[config.mode]) {
        return setFailed(`Input "mode": "${config.mode}" is not available in this version of the action.`);
    }
    // AWS requests end at the last look; reporting (an SNS alert) moves the cut-off on once the mode is done.
    const cutoff = { at: startedAt + config.timeoutMs + src_deadline/* LAST_LOOK_MS */.WP };
    const redact = (0,src_secrets/* createRedactor */.lY)((0,src_secrets/* secretsOf */.Fj)(config, process.env));
    const restoreStdio = guardStdio(redact);
    const cancel = abortOnRunnerCancel();
    try {
        // Loaded only now that the inputs are valid (a bad-input run pays for none of it), side by side with the
        // mode (runStep): the SDK clients.
        const aws = await (0,src_aws/* createAwsClients */.Gv)(config, process.env, { cutoff: () => cutoff.at });
        await runStep(config, {
            core: core,
            aws,
            cutoff,
            redact,
            startedAt,
            now: Date.now,
            sleep: realSleep,
            signal: cancel.signal,
            env: process.env,
        });
    }
    finally {
        cancel.stopListening();
        restoreStdio();
    }
}
/**
 * The runner cancels with SIGINT, then SIGTERM 7.5 s later: both only abort the step's signal, so the step can
 * still write its summary and commit status instead of dying mid-report.
 */
function abortOnRunnerCancel() {
    const cancel = new AbortController();
    const onSignal = () => cancel.abort();
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    return {
        signal: cancel.signal,
        stopListening: () => {
            process.removeListener('SIGINT', onSignal);
            process.removeListener('SIGTERM', onSignal);
        },
    };
}
/** A valid config → the mode → the reports → the step's result. Never throws for what the world does. */
async function runStep(config, io) {
    // The report code (~90 kB) is loaded before the mode only when the step's start is reported; otherwise once
    // the mode is done, so that it is not read and compiled before the mode's first AWS request.
    const [early, mode] = await Promise.all([
        (0,start/* startIsReported */.K)(config) ? loadReports() : undefined,
        modeLoaders[config.mode](),
    ]);
    const door = openDoor(io.core, io.redact);
    const deps = {
        aws: io.aws,
        now: io.now,
        sleep: io.sleep,
        log: door,
        signal: io.signal,
        env: io.env,
    };
    const deadline = io.startedAt + config.timeoutMs;
    const reportDeps = { ...deps, redact: io.redact, deadline, output: io.core.setOutput };
    // The pending status goes out beside the mode, never in its way; reportEnd waits for it (bounded).
    const session = early ? early.reportStart(config, reportDeps) : Promise.resolve({});
    let result = await runMode(mode, config, deps, door, (0,src_deadline/* realTimeOf */.Fu)(deadline, io.now) + src_deadline/* LAST_LOOK_MS */.WP + src_deadline/* MODE_GRACE_MS */.A);
    // The runner cancelled the step: report it as cancelled (commit status `error`, no alert), whatever the mode returned.
    if (io.signal.aborted && !result.cancelled)
        result = { ...result, cancelled: true };
    const reportBy = Math.max(deadline, io.now() + src_deadline/* REPORTING_BOUND_MS */.pl);
    io.cutoff.at = Math.max(io.cutoff.at, (0,src_deadline/* realTimeOf */.Fu)(reportBy, io.now));
    const reports = early ?? loadReports();
    const report = await publish(reports, result, config, { ...reportDeps, deadline: reportBy }, session);
    conclude(result, report, door);
}
/** The typed config, or undefined after reporting every bad input (one ::error line and a summary). */
async function readValidConfig() {
    try {
        return await readConfigFromRunner();
    }
    catch (e) {
        if (!(e instanceof InputErrors))
            throw e;
        // No config, so no redactor yet: one from the secret inputs as given, for an error quoting another input.
        const redact = (0,src_secrets/* createRedactor */.lY)((0,src_secrets/* secretsOfInputs */.yL)((name) => getInput(name), process.env));
        const shown = new InputErrors(withoutSecrets(e.errors, (name) => getInput(name), redact));
        // Every run writes a summary, this one too: what was wrong, before any AWS call.
        await appendSummary(inputErrorsSummary(shown.errors));
        // `result` is the step's verdict on every path: a workflow that reads it must not get an empty string.
        setOutput('result', 'failure');
        setFailed(shown.message);
        return undefined;
    }
}
/**
 * The mode's verdict; a mode still busy after the last look is given up on (a timeout), and one that threw is an
 * internal error whose details go to the debug log only.
 */
async function runMode(mode, config, deps, door, giveUpAt) {
    const startedAt = deps.now();
    const failure = (reason, unverified = false) => (0,result/* stepResult */.G)(config, {
        verdict: 'failure',
        reason,
        details: emptyDetails(config),
        unverified,
        startedAt,
        endedAt: deps.now(),
    });
    try {
        return await (0,src_deadline/* settleBy */.pN)(mode.run(config, deps), giveUpAt, config.mode);
    }
    catch (e) {
        if (e instanceof src_deadline/* DeadlineExceeded */.m4)
            return failure(stuckAtDeadline(config), true);
        door.debug(`${config.mode} threw: ${e?.stack ?? String(e)}`);
        return failure(unexpectedFailure(config, e));
    }
}
const loadReports = () => __webpack_require__.e(/* import() */ 804).then(__webpack_require__.bind(__webpack_require__, 7804));
async function publish(reports, result, config, deps, session) {
    try {
        return await (await reports).reportEnd(result, config, deps, await session);
    }
    catch (e) {
        // Reporting must never hide the verdict: say what broke (as an undelivered alert is) and still conclude.
        deps.log.debug(`reporting threw: ${e?.stack ?? String(e)}`);
        const line = `Could not publish the result: ${(0,aws_errors/* describeError */.Uc)(e)}`;
        return {
            alertSent: false,
            problem: { line, effect: (0,alert_policy/* deliveryProblemEffect */.H9)(result, config.reporting.failOnAlertError) },
        };
    }
}
/** The step's exit: the verdict's own line first; an undelivered alert never replaces it. */
function conclude(result, report, door) {
    if (result.cancelled)
        door.fail(`Cancelled: ${result.reason}`);
    else if (result.verdict === 'failure')
        door.fail(result.reason);
    if (report.problem)
        door[report.problem.effect](report.problem.line);
}
/** A mode that never returned: every request it had in flight was cut at the last look. */
function stuckAtDeadline(config) {
    return `Timed out after ${(0,format/* minutes */.Gx)(config.timeoutMs)}: AWS did not answer before the deadline, so nothing could be verified.`;
}
/**
 * A mode that threw instead of returning a verdict: an AWS call's own failure line (which call, AWS's message,
 * the IAM action to allow) when AWS answered; otherwise an internal error, never the crash text itself.
 */
function unexpectedFailure(config, error) {
    const answeredByAws = error instanceof aws_errors/* AwsCallError */.iQ || error?.$metadata;
    return answeredByAws
        ? `${config.mode} failed: ${(0,aws_errors/* describeError */.Uc)(error)}`
        : `Internal error in ${config.mode} — please report it (re-run with debug logging for the details).`;
}
function emptyDetails(config) {
    switch (config.mode) {
        case 'create-pipeline':
            return {
                kind: 'create-pipeline',
                pipelineName: config.pipelineName,
                diff: [],
                stages: [],
                notes: [],
            };
        case 'monitor':
            return { kind: 'monitor', pipelineName: config.pipelineName };
        case 'validate':
            return {
                kind: 'validate',
                cluster: config.cluster,
                service: config.service,
                checks: [],
                unverified: [],
            };
    }
}


/***/ }),

/***/ 6527:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H9: () => (/* binding */ deliveryProblemEffect),
/* harmony export */   K4: () => (/* binding */ undeliveredAlert),
/* harmony export */   Pd: () => (/* binding */ unchangedVerdictWarning)
/* harmony export */ });
/**
 * Without fail-on-alert-error a delivery problem is a warning and the verdict alone decides the step; with it, a
 * step that succeeded fails, and one that failed (or was cancelled) says the problem as an error. Pure.
 */
function deliveryProblemEffect(result, failOnAlertError) {
    if (!failOnAlertError)
        return 'warning';
    return result.verdict === 'success' && !result.cancelled ? 'fail' : 'error';
}
/** The alerts that did not go out (`<channel>: <error>` each) as one problem; undefined when all did. Pure. */
function undeliveredAlert(result, failures, failOnAlertError) {
    if (failures.length === 0)
        return undefined;
    return {
        line: `Alert not delivered — ${failures.join('; ')}`,
        effect: deliveryProblemEffect(result, failOnAlertError),
    };
}
/** The warning an undelivered alert is without fail-on-alert-error: the verdict stands, and how to change that. */
function unchangedVerdictWarning(result, problem) {
    return `${problem.line}. The verdict (${result.cancelled ? 'cancelled' : result.verdict}) is unchanged; set fail-on-alert-error: true to fail the step instead.`;
}


/***/ }),

/***/ 9325:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EU: () => (/* binding */ fence),
/* harmony export */   Pl: () => (/* binding */ safeUrl),
/* harmony export */   _O: () => (/* binding */ urlsIn),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   md: () => (/* binding */ md),
/* harmony export */   nf: () => (/* binding */ link),
/* harmony export */   qy: () => (/* binding */ html),
/* harmony export */   tp: () => (/* binding */ table),
/* harmony export */   zH: () => (/* binding */ details)
/* harmony export */ });
// GitHub-flavoured Markdown building blocks for the job summary. Everything that comes from AWS or from
// inputs goes through `md` (inline text), `code` (inline code), `link` or `fence` (code blocks).
/** CommonMark's line endings (CR, LF, CRLF), and the Unicode separators some renderers also break at. */
const LINE_BREAKS = /\r\n|\r|\n|\u2028|\u2029/g;
/**
 * Escapes text for GFM inline content, table cells included; line breaks (a bare CR too) become spaces. URLs in the
 * text become links whose target is never escaped like text (GFM would otherwise autolink the escaped form, with
 * `%5C` in the target and backslashes on screen).
 */
function md(text) {
    const flat = text.replace(LINE_BREAKS, ' ');
    let out = '';
    let at = 0;
    for (const { url, index } of urlsAt(flat)) {
        out += escapeText(flat.slice(at, index)) + link(url, url);
        at = index + url.length;
    }
    return out + escapeText(flat.slice(at));
}
/** The URLs `md` makes links of, in order. */
function urlsIn(text) {
    return urlsAt(text.replace(LINE_BREAKS, ' ')).map((u) => u.url);
}
function urlsAt(text) {
    return [...text.matchAll(URL_IN_TEXT)].map((m) => ({ url: trimTrailing(m[0]), index: m.index }));
}
/** An http(s) URL in running text: up to white space or a character no URL in our reports contains. */
const URL_IN_TEXT = /https?:\/\/[^\s<>"'`|\\]+/g;
/** GFM's rule for where an autolinked URL ends: not at trailing punctuation, nor at a `)` it did not open. */
function trimTrailing(url) {
    let end = url.length;
    for (;;) {
        const last = url[end - 1] ?? '';
        const open = (url.slice(0, end).match(/\(/g) ?? []).length;
        const close = (url.slice(0, end).match(/\)/g) ?? []).length;
        if ('.,;:!?*_~'.includes(last) || (last === ')' && close > open))
            end--;
        else
            return url.slice(0, end);
    }
}
function escapeText(text) {
    // `@` everywhere: GFM turns a bare user@host into a mailto: link (only http(s) links are ours to make).
    return text.replace(/[\\`*_{}[\]()<>#+!|~&@]/g, (c) => `\\${c}`).replace(/^([-=.:])/, '\\$1');
}
/** Inline code that survives backticks and pipes inside the value. */
function code(text) {
    const value = text.replace(LINE_BREAKS, ' ').replace(/\|/g, '\\|');
    const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((r) => r.length));
    const ticks = '`'.repeat(longest + 1);
    const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
    return `${ticks}${pad}${value}${pad}${ticks}`;
}
/** Only http(s) URLs become links; characters that end a Markdown link target are percent-encoded. */
function safeUrl(url) {
    if (!url)
        return undefined;
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return undefined;
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
        return undefined;
    return parsed.href.replace(/[()<> |"]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
function link(label, url) {
    const target = safeUrl(url);
    // The label is text only: a URL inside a link's text must not become a second link.
    const text = escapeText(label.replace(LINE_BREAKS, ' '));
    return target ? `[${text}](${target})` : text;
}
/** A fenced code block whose fence is longer than any backtick run in the content. */
function fence(lines, language = '') {
    const longest = Math.max(0, ...lines.flatMap((l) => l.match(/`+/g) ?? []).map((r) => r.length));
    const f = '`'.repeat(Math.max(3, longest + 1));
    return [`${f}${language}`, ...lines.map((l) => l.replace(/\r/g, '')), f].join('\n');
}
/** A GFM table; cells must already be escaped. */
function table(header, rows) {
    const line = (cells) => `| ${cells.map((c) => (c === '' ? ' ' : c)).join(' | ')} |`;
    return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}
/** A collapsible section (GitHub renders <details> in summaries); `summary` must already be HTML-safe. */
function details(summary, body, open = false) {
    return `<details${open ? ' open' : ''}><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}
/** Escapes text for HTML contexts (the <summary> of a details block). */
function html(text) {
    // One line: a blank line would end the HTML block it sits in, and GFM would read the rest as Markdown.
    return text
        .replace(LINE_BREAKS, ' ')
        .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}


/***/ }),

/***/ 4790:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ startIsReported)
/* harmony export */ });
/** A commit status to set `pending`, or a GitHub deployment to set `in_progress`, when the step starts. */
function startIsReported(config) {
    return Boolean(config.reporting.statusContext || config.reporting.deployment);
}


/***/ }),

/***/ 6738:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ stepResult)
/* harmony export */ });
/**
 * The one way a StepResult is built, by every mode and by main for a mode that never returned. Only a failure
 * that is not a cancel can be `unverified`: nothing else is "could not be verified".
 */
function stepResult(config, f) {
    return {
        mode: config.mode,
        verdict: f.verdict,
        reason: f.reason,
        pipelineName: f.pipelineName ?? ('pipelineName' in config ? config.pipelineName : undefined),
        environment: config.environment,
        version: config.version,
        commitSha: config.commitSha,
        region: config.region,
        details: f.details,
        cancelled: f.cancelled || undefined,
        unverified: (f.verdict === 'failure' && !f.cancelled && f.unverified) || undefined,
        warnings: f.warnings ?? [],
        startedAt: new Date(f.startedAt).toISOString(),
        endedAt: new Date(f.endedAt).toISOString(),
    };
}


/***/ }),

/***/ 3754:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fj: () => (/* binding */ secretsOf),
/* harmony export */   lY: () => (/* binding */ createRedactor),
/* harmony export */   oW: () => (/* binding */ namedSecretsOf),
/* harmony export */   u7: () => (/* binding */ secretIn),
/* harmony export */   yL: () => (/* binding */ secretsOfInputs)
/* harmony export */ });
/* unused harmony export secretForms */
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(534);

const MASK = '***';
/** Shorter strings would redact ordinary words; every secret the action knows is far longer. */
const MIN_FORM_LENGTH = 6;
/**
 * Every form a secret can take in text: plain, URL-encoded (both flavours), JSON-escaped (once and twice), and
 * base64 (standard and URL-safe) at each of the three byte alignments it can have inside a longer encoded text.
 */
function secretForms(secret) {
    const forms = new Set([
        secret,
        encodeURIComponent(secret),
        encodeURI(secret),
        JSON.stringify(secret).slice(1, -1),
        JSON.stringify(JSON.stringify(secret)).slice(3, -3),
        ...base64Forms(secret),
    ]);
    return [...forms].filter((f) => f.length >= MIN_FORM_LENGTH).sort((a, b) => b.length - a.length);
}
/**
 * Base64 of the secret as it appears inside any longer base64 text: for each alignment (the secret starting at
 * byte 0, 1 or 2 of a 3-byte group), the characters that depend on the secret's bytes alone.
 */
function base64Forms(secret) {
    const bytes = Buffer.from(secret, 'utf8');
    const out = [];
    for (let skip = 0; skip < 3; skip++) {
        const aligned = bytes.subarray(skip);
        const whole = aligned.subarray(0, aligned.length - (aligned.length % 3));
        if (whole.length === 0)
            continue;
        out.push(whole.toString('base64'), whole.toString('base64url'));
    }
    return out;
}
/** Environment variables whose values are credentials even though the action never takes them as inputs. */
const SECRET_ENV = [
    'AWS_SECRET_ACCESS_KEY',
    'AWS_SESSION_TOKEN',
    'ACTIONS_RUNTIME_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
];
/** The secrets of this step: the reporting inputs, and the credentials in the environment. */
function secretsOf(config, env = {}) {
    return namedSecretsOf(config, env).map((s) => s.value);
}
/** secretsOf, each with the input or environment variable it comes from (for errors that name it). */
function namedSecretsOf(config, env = {}) {
    const { slack, githubToken } = config.reporting;
    return namedSecretValues({
        webhookUrl: slack?.kind === 'webhook' ? slack.url : undefined,
        botToken: slack?.kind === 'bot' ? slack.token : undefined,
        githubToken,
    }, env);
}
/**
 * The secret inputs as given, before they are validated: a run stopped by bad inputs reports its errors
 * without them too (an error may quote another input's value that carries one).
 */
function secretsOfInputs(valueOf, env = {}) {
    const given = {
        webhookUrl: valueOf(_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.SlackWebhookUrl),
        botToken: valueOf(_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.SlackBotToken),
        githubToken: valueOf(_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.GithubToken),
    };
    return namedSecretValues(given, env).map((s) => s.value);
}
function namedSecretValues(given, env) {
    const out = [];
    if (given.webhookUrl) {
        out.push({ from: _inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.SlackWebhookUrl, value: given.webhookUrl });
        // The path alone (T…/B…/token) is as secret as the whole URL.
        const path = URL.canParse(given.webhookUrl) ? new URL(given.webhookUrl).pathname : '';
        if (path.length > 12)
            out.push({ from: _inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.SlackWebhookUrl, value: path });
    }
    if (given.botToken)
        out.push({ from: _inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.SlackBotToken, value: given.botToken });
    if (given.githubToken)
        out.push({ from: _inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.GithubToken, value: given.githubToken });
    for (const name of SECRET_ENV)
        out.push({ from: name, value: env[name] ?? '' });
    return out.filter((s) => s.value.length >= MIN_FORM_LENGTH);
}
/** The first secret found in `text`, in any form the redactor masks (plain, URL-encoded, base64, …). */
function secretIn(text, secrets) {
    return secrets.find((s) => secretForms(s.value).some((form) => text.includes(form)));
}
/**
 * Request-signing material in any text: the SigV4 `Authorization` header (credential scope and signature), a
 * presigned URL's `X-Amz-Signature`/`X-Amz-Credential`, session tokens, and bearer tokens in headers. These are
 * not configured secrets (they change per request) but a dumped request carries them.
 */
const SIGNING = [
    [/(AWS4-HMAC-SHA256)[^\r\n"'\\]*/g, `$1 ${MASK}`],
    [/(X-Amz-(?:Security-Token|Signature|Credential)["']?\s*[:=]\s*["']?)[^\s"'&,;\\}]+/gi, `$1${MASK}`],
    [/(\bSignature=)[^\s"'&,;\\}]+/g, `$1${MASK}`],
    [/(\b(?:authorization|x-amz-security-token)["']?\s*[:=]\s*["']?)[^\r\n"'\\]+/gi, `$1${MASK}`],
    [/\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g, MASK],
];
function createRedactor(secrets) {
    const forms = [...new Set(secrets.flatMap(secretForms))].sort((a, b) => b.length - a.length);
    return (text) => {
        let out = text;
        for (const f of forms)
            out = out.split(f).join(MASK);
        for (const [pattern, replacement] of SIGNING)
            out = out.replace(pattern, replacement);
        return out;
    };
}


/***/ }),

/***/ 4743:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ ACTION_VERSION),
/* harmony export */   p: () => (/* binding */ ACTION_NAME)
/* harmony export */ });
// Named in the AWS user agent, so AWS-side logs (CloudTrail) show which tool made the calls.
const ACTION_NAME = 'aws-deploy-pipeline';
const ACTION_VERSION = '1.0.0';


/***/ })

};
