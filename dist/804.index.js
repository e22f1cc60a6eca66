export const id = 804;
export const ids = [804];
export const modules = {

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

/***/ 8352:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ createGitHubClient)
/* harmony export */ });
async function createGitHubClient(token, run) {
    const { getOctokit } = await __webpack_require__.e(/* import() */ 450).then(__webpack_require__.bind(__webpack_require__, 450));
    return getOctokit(token, { baseUrl: run.apiUrl });
}


/***/ }),

/***/ 7804:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  reportEnd: () => (/* binding */ reportEnd),
  reportStart: () => (/* binding */ reportStart)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ../node_modules/@actions/core/lib/core.js + 8 modules
var core = __webpack_require__(1500);
// EXTERNAL MODULE: ../src/report/alert-policy.ts
var alert_policy = __webpack_require__(6527);
// EXTERNAL MODULE: ../src/secrets.ts
var secrets = __webpack_require__(3754);
;// CONCATENATED MODULE: ../src/report/deps.ts

function redactorOf(config, deps) {
    return deps.redact ?? (0,secrets/* createRedactor */.lY)((0,secrets/* secretsOf */.Fj)(config, deps.env));
}

// EXTERNAL MODULE: ../src/inputs.ts
var inputs = __webpack_require__(534);
;// CONCATENATED MODULE: ../src/report/outputs.ts
// Step outputs, all derived from the one StepResult.

function executionOf(result) {
    const d = result.details;
    return d.kind === 'validate' ? undefined : d.execution;
}
function toOutputs(result, alertSent) {
    const out = {
        [inputs/* Outputs */.tY.Result]: result.verdict,
        [inputs/* Outputs */.tY.AlertSent]: String(alertSent),
    };
    if (result.pipelineName)
        out[inputs/* Outputs */.tY.PipelineName] = result.pipelineName;
    const d = result.details;
    if (d.kind === 'create-pipeline') {
        if (d.change)
            out[inputs/* Outputs */.tY.PipelineChange] = d.change;
        if (d.pipelineVersion !== undefined)
            out[inputs/* Outputs */.tY.PipelineVersion] = String(d.pipelineVersion);
    }
    if (d.kind === 'validate')
        out[inputs/* Outputs */.tY.Checks] = JSON.stringify(d.checks);
    const execution = executionOf(result);
    if (execution) {
        out[inputs/* Outputs */.tY.ExecutionId] = execution.id;
        out[inputs/* Outputs */.tY.ExecutionStatus] = execution.status;
        if (execution.url)
            out[inputs/* Outputs */.tY.ExecutionUrl] = execution.url;
        if (execution.failedStage)
            out[inputs/* Outputs */.tY.FailedStage] = execution.failedStage;
        if (execution.failedAction)
            out[inputs/* Outputs */.tY.FailedAction] = execution.failedAction;
    }
    out[inputs/* Outputs */.tY.Report] = JSON.stringify({ ...result, alertSent });
    return out;
}

// EXTERNAL MODULE: ../src/version.ts
var version = __webpack_require__(4743);
// EXTERNAL MODULE: ../src/format.ts
var format = __webpack_require__(8904);
// EXTERNAL MODULE: ../src/commits.ts
var commits = __webpack_require__(7253);
// EXTERNAL MODULE: ../src/report/markdown.ts
var markdown = __webpack_require__(9325);
;// CONCATENATED MODULE: ../src/report/links-once.ts
// Each address once in a report (issue 16: no repeated links): the job summary and the Slack/e-mail alert. Places
// are rendered in reading order; the first place that shows an address links it, a later one shows its label as
// text or leaves the link out.

class LinksOnce {
    shown = new Set();
    /** Notes the addresses a text shows as links (`md` links every URL in running text, such as the reason). */
    noteText(text) {
        for (const url of (0,markdown/* urlsIn */._O)(text))
            this.note(url);
    }
    /** Notes an address shown, or to be shown further down by the place that needs it most. */
    note(url) {
        const key = (0,markdown/* safeUrl */.Pl)(url);
        if (key)
            this.shown.add(key);
    }
    has(url) {
        const key = (0,markdown/* safeUrl */.Pl)(url);
        return !!key && this.shown.has(key);
    }
    /** True the first time an address is shown (and notes it): for reports that render their links themselves. */
    first(url) {
        if (this.has(url))
            return false;
        this.note(url);
        return true;
    }
    /** A link the first time the address is shown; its label as text after that. */
    link(label, url) {
        if (this.has(url))
            return (0,markdown/* link */.nf)(label, undefined);
        this.note(url);
        return (0,markdown/* link */.nf)(label, url);
    }
    /** A link the first time the address is shown; nothing after that (a row's `details · logs`). */
    linkOrNothing(label, url) {
        return url && !this.has(url) ? this.link(label, url) : '';
    }
}

// EXTERNAL MODULE: ../src/facts/codepipeline.ts
var codepipeline = __webpack_require__(6952);
;// CONCATENATED MODULE: ../src/report/verdict.ts
// How a StepResult is named in every report, so the summary, Slack, e-mail and the commit status agree.

function outcomeOf(result) {
    return result.cancelled ? 'cancelled' : result.verdict;
}
const outcomeIcon = { success: '✅', failure: '❌', cancelled: '⏹️' };
/** The icon of a failure that was not measured: something could not be read (StepResult.unverified). */
const UNVERIFIED_ICON = '⚠️';
/** A failure only because something could not be read: reported as "could not be verified", never "failed". */
function isUnverifiedFailure(result) {
    return !result.cancelled && result.verdict === 'failure' && result.unverified === true;
}
/** The icon every report puts before the headline. */
function iconOf(result) {
    return isUnverifiedFailure(result) ? UNVERIFIED_ICON : outcomeIcon[outcomeOf(result)];
}
function verdict_executionOf(result) {
    const d = result.details;
    return d.kind === 'validate' ? undefined : d.execution;
}
/** How following an execution ended (monitor, and create-pipeline with `wait`). */
function followOf(d) {
    if (d.kind === 'validate')
        return {};
    const f = d;
    return { timedOut: f.timedOut, superseded: f.superseded };
}
/** What the step was about, in the seed's words: "Deployment pipeline", "Deployment validation", … */
function subjectOf(result) {
    const d = result.details;
    if (d.kind === 'validate')
        return 'Deployment validation';
    if (d.kind === 'monitor' || d.execution)
        return 'Deployment pipeline';
    return 'Pipeline setup';
}
/**
 * "Deployment pipeline failed", "Deployment validation passed", "Pipeline created", "Deployment validation could
 * not be verified", …
 */
function headlineOf(result) {
    const d = result.details;
    const subject = subjectOf(result);
    if (result.cancelled)
        return `${subject} cancelled`;
    if (isUnverifiedFailure(result))
        return `${subject} could not be verified`;
    if (result.verdict === 'failure') {
        if (followOf(d).timedOut)
            return `${subject} timed out`;
        return `${subject} failed`;
    }
    if (d.kind === 'validate')
        return d.unverified.length > 0 ? `${subject} passed, partly unverified` : `${subject} passed`;
    if (d.kind === 'create-pipeline' && !d.execution) {
        return d.change === 'planned' ? 'Pipeline change planned (dry run)' : `Pipeline ${d.change ?? 'checked'}`;
    }
    // Started but not followed (no `wait`): what is true now is that it runs, not that it succeeded.
    if (d.kind === 'create-pipeline' && d.execution && !(0,codepipeline/* isTerminal */.Hd)(d.execution.status))
        return `Pipeline ${d.change ?? 'checked'}; execution ${d.execution.id} started — following it is the monitor's job`;
    return `${subject} succeeded`;
}
/** `production · 1.4.2` (what a reader needs to know which deploy this is). */
function targetOf(result) {
    const where = result.environment ?? result.pipelineName;
    return [where, result.version].filter((v) => !!v).join(' · ');
}
/** What became of the gate's answer to the PAUSE hook, after "Pause hook (gate): ": `CONTINUE sent`, `no call`, … */
function hookAnswerOf(hook) {
    if (!hook.action)
        return 'no call';
    return `${hook.action} ${hook.done ? 'sent' : 'not accepted'}`;
}

;// CONCATENATED MODULE: ../src/report/alert.ts




/** Whether `notify-on` asks for an alert for this result. A cancelled run never alerts. */
function shouldNotify(result, notifyOn) {
    if (result.cancelled || notifyOn === 'never')
        return false;
    return notifyOn === 'always' || result.verdict === 'failure';
}
const LOG_TAIL_LINES = 5;
function buildAlert(result, run) {
    const d = result.details;
    const execution = verdict_executionOf(result);
    const reason = (0,format/* oneLine */.TN)(result.reason);
    const found = d.kind === 'validate' ? validateProblems(d) : pipelineProblems(result, execution);
    const { problems, links } = eachLinkOnce(reason, found, linksOf(run, execution));
    return {
        outcome: outcomeOf(result),
        notVerified: isUnverifiedFailure(result) || undefined,
        headline: headlineOf(result),
        target: targetOf(result),
        reason,
        facts: factsOf(result, execution),
        problems,
        unverified: d.kind === 'validate' ? [...d.unverified] : [],
        links,
    };
}
/**
 * Each address once in a message: a problem leaves out what the reason already shows (a failed build's reason
 * carries its log), the footer what the reason or a problem shows.
 */
function eachLinkOnce(reason, problems, links) {
    const shown = new LinksOnce();
    shown.noteText(reason);
    const once = (l) => shown.first(l.url);
    const kept = problems.map((p) => ({ ...p, links: p.links.filter(once) }));
    return { problems: kept, links: links.filter(once) };
}
/** What ran, where and for how long: one short line each. */
function factsOf(result, execution) {
    const d = result.details;
    const facts = [{ label: 'Mode', value: result.mode }];
    if (result.pipelineName)
        facts.push({ label: 'Pipeline', value: result.pipelineName });
    if (d.kind === 'validate')
        facts.push({ label: 'Service', value: `${d.cluster}/${d.service}` });
    if (result.environment)
        facts.push({ label: 'Environment', value: result.environment });
    const version = (0,commits/* versionBesidesCommit */.jA)(result.version, result.commitSha);
    if (version)
        facts.push({ label: 'Version', value: version });
    if (result.commitSha)
        facts.push({ label: 'Commit', value: (0,commits/* shortSha */.Fu)(result.commitSha) });
    if (execution)
        facts.push({
            label: 'Execution',
            value: execution.status ? `${execution.id} (${execution.status})` : execution.id,
        });
    const took = (0,format/* formatDuration */.a3)((0,format/* secondsBetween */.O1)(result.startedAt, result.endedAt));
    if (took)
        facts.push({ label: 'Step duration', value: took });
    return facts;
}
/** The failed checks (those of the round that breached, when the last round passed) and the rollback. */
function validateProblems(d) {
    const problems = [];
    for (const c of d.checks.filter((c) => c.status === 'fail'))
        problems.push(checkProblem(c));
    const breachRound = d.rounds?.find((r) => r.checks.some((c) => c.status === 'fail'));
    if (breachRound && d.checks.every((c) => c.status !== 'fail')) {
        for (const c of breachRound.checks.filter((c) => c.status === 'fail'))
            problems.push(checkProblem(c));
    }
    if (d.rollback) {
        problems.push({
            title: `Rollback (${d.rollback.mode}) ${d.rollback.done ? 'done' : 'not done'}`,
            lines: [(0,format/* oneLine */.TN)(d.rollback.message)],
            links: [],
        });
    }
    if (d.hook) {
        problems.push({
            title: `Pause hook (${d.hook.mode}): ${hookAnswerOf(d.hook)}`,
            lines: [(0,format/* oneLine */.TN)(d.hook.message)],
            links: [],
        });
    }
    return problems;
}
/** What failed in the execution, which execution superseded the one followed, or which ran instead. */
function pipelineProblems(result, execution) {
    const d = result.details;
    if (d.kind === 'validate')
        return [];
    const problems = [];
    const follow = followOf(d);
    if (execution && result.verdict === 'failure')
        problems.push(...executionProblems(execution, follow.timedOut));
    if (follow.superseded) {
        const s = follow.superseded;
        problems.push({
            title: 'Superseded',
            lines: [
                `Execution ${s.id}${s.commit ? ` (commit ${(0,commits/* shortSha */.Fu)(s.commit)})` : ''} was superseded` +
                    (execution
                        ? ` by ${execution.id}${execution.commit ? ` (commit ${(0,commits/* shortSha */.Fu)(execution.commit)})` : ''}`
                        : '') +
                    (s.successorCommitRelation ? `; the newer commit is ${s.successorCommitRelation}.` : '.'),
            ],
            links: s.url ? [{ label: 'Superseded execution', url: s.url }] : [],
        });
    }
    if (d.kind === 'monitor' && !execution && d.recentExecutions?.length) {
        problems.push({
            title: 'Recent executions (none ran this commit)',
            lines: d.recentExecutions
                .slice(0, 5)
                .map((e) => `${e.id} ${e.status}${e.revision ? ` at ${(0,commits/* shortSha */.Fu)(e.revision)}` : ''}`),
            links: [],
        });
    }
    return problems;
}
function linksOf(run, execution) {
    const links = [];
    if (run.runUrl)
        links.push({ label: 'Workflow run', url: run.runUrl });
    if (execution?.url)
        links.push({ label: 'Execution', url: execution.url });
    const failed = execution && failedRows(execution)[0];
    if (failed?.logUrl)
        links.push({ label: 'Logs', url: failed.logUrl });
    return links;
}
function checkProblem(c) {
    const values = c.value !== undefined || c.threshold !== undefined
        ? `value ${(0,format/* formatValue */.Fl)(c.value)}, threshold ${(0,format/* formatValue */.Fl)(c.threshold)}`
        : undefined;
    return {
        title: `${c.name} (${c.type})`,
        lines: [values, (0,format/* oneLine */.TN)(c.message)].filter((l) => !!l),
        links: [],
    };
}
/** The failed stage's failed actions (or the named failed action), with errors, log tails and links. */
function failedRows(execution) {
    const out = [];
    for (const stage of execution.stages) {
        const isFailedStage = stage.name === execution.failedStage || /Failed|Stopped/.test(stage.status);
        if (!isFailedStage)
            continue;
        const actions = stage.actions.filter((a) => a.name === execution.failedAction || a.status === 'Failed' || (a.error && a.status !== 'Succeeded'));
        if (actions.length === 0)
            out.push({ ...stage, stage: stage.name, name: '' });
        for (const a of actions)
            out.push({ ...a, stage: stage.name });
    }
    return out;
}
function executionProblems(execution, timedOut) {
    const problems = failedRows(execution).map((row) => {
        const links = [];
        if (row.url)
            links.push({ label: 'Details', url: row.url });
        if (row.logUrl)
            links.push({ label: 'Logs', url: row.logUrl });
        return {
            title: row.name
                ? `Stage ${row.stage} › ${row.name}: ${row.status}`
                : `Stage ${row.stage}: ${row.status}`,
            lines: row.error ? [(0,format/* oneLine */.TN)(row.error)] : [],
            logTail: row.logTail?.slice(-LOG_TAIL_LINES),
            links,
        };
    });
    if (timedOut) {
        const running = execution.stages.filter((s) => s.status === 'InProgress').map((s) => s.name);
        problems.push({
            title: 'Timed out',
            lines: [
                `Stopped waiting while the execution was ${execution.status}` +
                    (running.length ? ` in stage ${running.join(', ')}.` : '.'),
            ],
            links: [],
        });
    }
    if (problems.length === 0 && execution.failedStage) {
        problems.push({
            title: `Stage ${execution.failedStage}${execution.failedAction ? ` › ${execution.failedAction}` : ''}`,
            lines: [],
            links: [],
        });
    }
    return problems;
}

;// CONCATENATED MODULE: ../src/report/email.ts

const SNS_LIMITS = { subject: 100, messageBytes: 256 * 1024, bodyBytes: 200 * 1024 };
const tag = { success: 'OK', failure: 'FAILED', cancelled: 'CANCELLED' };
function renderEmail(alert) {
    const target = alert.target.replace(/ · /g, ' ');
    const full = (0,format/* printableAscii */.NF)(`[${alert.notVerified ? 'NOT VERIFIED' : tag[alert.outcome]}] ${alert.headline}${target ? `: ${target}` : ''}`);
    const subject = full.length <= SNS_LIMITS.subject ? full : `${full.slice(0, SNS_LIMITS.subject - 3).trimEnd()}...`;
    const lines = [
        `${alert.headline}${alert.target ? `: ${alert.target}` : ''}`,
        '',
        alert.reason,
        '',
    ];
    const width = Math.max(...alert.facts.map((f) => f.label.length));
    for (const f of alert.facts)
        lines.push(`${(f.label + ':').padEnd(width + 2)}${f.value}`);
    if (alert.problems.length > 0) {
        lines.push('', 'What failed', '-----------');
        for (const p of alert.problems) {
            lines.push(`* ${p.title}`);
            for (const l of p.lines)
                lines.push(`  ${l}`);
            if (p.logTail?.length)
                lines.push('  Log (last lines):', ...p.logTail.map((l) => `    ${l}`));
            for (const link of p.links)
                lines.push(`  ${link.label}: ${link.url}`);
        }
    }
    if (alert.unverified.length > 0) {
        lines.push('', 'Not verified', '------------', ...alert.unverified.map((u) => `* ${u}`));
    }
    if (alert.links.length > 0) {
        lines.push('', 'Links', '-----', ...alert.links.map((l) => `${l.label}: ${l.url}`));
    }
    return { subject, body: boundBytes(lines.join('\n') + '\n', SNS_LIMITS.bodyBytes) };
}
function boundBytes(text, max) {
    if (Buffer.byteLength(text) <= max)
        return text;
    const note = '\n[… message cut to stay within the SNS size limit; see the job summary]\n';
    let cut = (0,format/* wholeCharacters */.MB)(text, max - note.length);
    while (Buffer.byteLength(cut) > max - Buffer.byteLength(note))
        cut = (0,format/* wholeCharacters */.MB)(cut, cut.length - 100);
    return cut + note;
}

;// CONCATENATED MODULE: ../src/report/http.ts
/** Seconds a single request may take before it counts as failed. */
const REQUEST_TIMEOUT_MS = 10_000;
/**
 * The status line and headers arrived, then the connection broke before the body was complete: the request may
 * have been acted on, its answer is unknown.
 */
class AnswerCutError extends Error {
    status;
    headers;
    code;
    name = 'AnswerCutError';
    constructor(status, headers, code) {
        super(`the connection broke before the answer was complete (HTTP ${status}, ${code})`);
        this.status = status;
        this.headers = headers;
        this.code = code;
    }
}
function actionsHttpPost(userAgent, timeoutMs = REQUEST_TIMEOUT_MS) {
    let client;
    return async (url, body, headers) => {
        if (!client) {
            const { HttpClient } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 8589));
            client = new HttpClient(userAgent, undefined, {
                socketTimeout: timeoutMs,
                allowRetries: false,
                allowRedirects: false,
            });
        }
        const res = await client.post(url, body, headers);
        const status = res.message.statusCode ?? 0;
        return { status, headers: res.message.headers, body: await readAll(res.message, status) };
    };
}
/** The whole body, or an AnswerCutError when the connection breaks (reset, abort) before its end. */
function readAll(message, status) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let settled = false;
        const cut = (code) => {
            if (settled)
                return;
            settled = true;
            reject(new AnswerCutError(status, message.headers, code));
        };
        message.on('data', (chunk) => chunks.push(chunk));
        message.on('end', () => {
            if (settled)
                return;
            settled = true;
            resolve(Buffer.concat(chunks).toString('utf8'));
        });
        message.on('aborted', () => cut('ECONNRESET'));
        message.on('error', (e) => cut(e.code ?? 'ECONNRESET'));
        message.on('close', () => {
            if (!message.complete)
                cut('ECONNRESET');
        });
    });
}
function headerValue(headers, name) {
    const v = headers[name.toLowerCase()];
    return Array.isArray(v) ? v[0] : v;
}
/** The media type of an answer (`text/html`), lowercased, without parameters; '' when none was sent. */
function mediaType(headers) {
    return ((headerValue(headers, 'content-type') ?? '').split(';')[0] ?? '').trim().toLowerCase().slice(0, 60);
}
/** Whether an answer is a web page (a proxy's error page, a captive portal) rather than an API's answer. */
function isHtml(answer) {
    const type = mediaType(answer.headers);
    return (type === 'text/html' ||
        type === 'application/xhtml+xml' ||
        /^\s*<(!doctype|html|head|body)\b/i.test(answer.body));
}
/**
 * A short, safe quote of untrusted text: one line of at most `max` characters made only of letters, digits,
 * spaces and plain punctuation — no control characters, no quotes, no `<`, `>`, `&`, `@` or `!` (so never
 * HTML, a Slack mention like `<!channel>` or `@here`, nor Markdown code). '' when nothing readable is left.
 */
function excerpt(text, max = 80) {
    const line = text
        .slice(0, 4 * max)
        .replace(/[^\p{L}\p{N} .,:;()/=+?_-]/gu, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
/**
 * `HTTP 200, text/html` or `HTTP 200, text/plain: "excerpt"`: what answered, for a sentence that says it was not
 * the service's answer. A page is never quoted, only named by its status and media type.
 */
function answerShape(answer) {
    const type = mediaType(answer.headers);
    const parts = [`HTTP ${answer.status}`];
    // Only plain text is quoted: a page never, and cut JSON tells a reader nothing.
    const plain = type === '' || (type.startsWith('text/') && !isHtml(answer));
    const quote = plain && !isHtml(answer) ? excerpt(answer.body) : '';
    if (type && quote)
        parts.push(`${type}: "${quote}"`);
    else if (type)
        parts.push(type);
    else if (quote)
        parts.push(`"${quote}"`);
    if (answer.body.trim() === '')
        parts.push('empty body');
    return parts.join(', ');
}

// EXTERNAL MODULE: ../src/deadline.ts
var deadline = __webpack_require__(1035);
// EXTERNAL MODULE: ../src/aws-errors.ts
var aws_errors = __webpack_require__(8604);
;// CONCATENATED MODULE: ../src/report/retry.ts
// Bounded retries for alert delivery: 429 waits as long as Retry-After says, 5xx and dropped connections back
// off exponentially. A rate limit is waited out for as long as the step's deadline allows (Slack takes about one
// message per second per channel: in a mass failure a shared channel answers 429 many times over), while other
// failures stop after a few attempts or a short bound, so a Slack outage can neither hang the step nor swallow
// the verdict.

const DELIVERY_POLICY = { boundMs: 30_000, maxAttempts: 5, baseDelayMs: 1_000 };
async function withRetries(attempt, clock, policy = DELIVERY_POLICY) {
    const start = clock.now();
    let counted = 0;
    for (let n = 1;; n++) {
        const r = await attempt();
        if (r.ok)
            return { ok: true, attempts: n, detail: r.detail };
        if (!r.retry)
            return { ok: false, attempts: n, error: r.error };
        const rateLimited = r.retryAfterMs !== undefined;
        if (!rateLimited || clock.deadline === undefined)
            counted++;
        const delay = r.retryAfterMs ?? policy.baseDelayMs * 2 ** (counted - 1);
        const stop = giveUp(rateLimited, counted, clock.now() + delay - start, clock.now() + delay, policy, clock);
        if (stop !== undefined)
            return {
                ok: false,
                attempts: n,
                error: `${r.error} (gave up after ${n} attempt${n === 1 ? '' : 's'}${stop})`,
            };
        await clock.sleep(delay, clock.signal);
        if (clock.signal?.aborted)
            return { ok: false, attempts: n, error: `${r.error} (the step was cancelled while retrying)` };
    }
}
/** Why no further attempt is made ('' for a spent attempt count), or undefined to try again. */
function giveUp(rateLimited, counted, elapsedAfterWait, wokeAt, policy, clock) {
    if (clock.deadline !== undefined && wokeAt > clock.deadline)
        return ': the wait would pass the deadline';
    // Without a deadline to bound them, rate limits count like any other failure.
    if (rateLimited && clock.deadline !== undefined)
        return undefined;
    if (counted >= policy.maxAttempts)
        return '';
    if (elapsedAfterWait > policy.boundMs)
        return ` within ${Math.round(policy.boundMs / 1000)}s`;
    return undefined;
}
/** `Retry-After` in seconds or as an HTTP date → milliseconds (at least 1 s, as Slack means it). */
function parseRetryAfter(value, now) {
    if (!value)
        return undefined;
    const seconds = Number(value);
    if (Number.isFinite(seconds))
        return Math.max(1, seconds) * 1000;
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(1000, date - now);
}
/**
 * Network failures worth another attempt (a reset or timeout), not ones that will fail the same way: the URL is
 * the user's, so a refused connection or an unknown host means a wrong address (see aws-errors.ts).
 */
function isTransientNetworkError(e) {
    return !(0,aws_errors/* isUnreachableAddress */.H6)(e);
}
function networkErrorText(e) {
    const err = e;
    return err.code
        ? `${err.code}${err.message && !err.message.includes(err.code) ? ` (${err.message})` : ''}`
        : (err.message ?? String(e));
}

;// CONCATENATED MODULE: ../src/report/slack.ts



/** chat.postMessage goes here unless SLACK_API_URL overrides it (tests; Slack Enterprise proxies). */
const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';
function slackApiUrl(env) {
    const base = env.SLACK_API_URL?.trim() || DEFAULT_SLACK_API_URL;
    return base.endsWith('/') ? base : `${base}/`;
}
/** What an error code means, for the one warning line a user reads. */
const HINTS = {
    no_service: 'the webhook was removed or disabled; create a new one',
    invalid_token: 'the webhook or token was revoked',
    invalid_auth: 'the bot token is not valid',
    not_authed: 'no bot token was sent',
    token_revoked: 'the bot token was revoked',
    account_inactive: 'the bot user is deactivated',
    missing_scope: 'the bot token lacks the chat:write scope',
    channel_not_found: 'check slack-channel (use the channel ID, e.g. C0123456789)',
    not_in_channel: 'invite the bot to the channel (/invite @your-bot)',
    is_archived: 'the channel is archived',
    channel_is_archived: 'the channel is archived',
    action_prohibited: 'a workspace admin restricted this webhook',
    invalid_blocks: 'Slack rejected the message blocks',
    msg_too_long: 'the message was too long',
};
/** Slack error codes that can succeed on a later attempt. */
const RETRYABLE_CODES = new Set([
    'ratelimited',
    'rate_limited',
    'internal_error',
    'fatal_error',
    'service_unavailable',
    'request_timeout',
]);
async function sendSlack(target, message, deps, policy) {
    const body = target.kind === 'webhook' ? message : { channel: target.channel, ...message };
    const url = target.kind === 'webhook' ? target.url : `${slackApiUrl(deps.env)}chat.postMessage`;
    const headers = { 'content-type': 'application/json; charset=utf-8' };
    if (target.kind === 'bot')
        headers.authorization = `Bearer ${target.token}`;
    const payload = JSON.stringify(body);
    return withRetries(async () => {
        let answer;
        try {
            const request = deps.http(url, payload, headers);
            // The deadline is on deps' clock (a manual one in tests); the wait is in real time.
            const giveUpAt = deps.deadline === undefined ? undefined : (0,deadline/* realTimeOf */.Fu)(deps.deadline, deps.now);
            answer = await (giveUpAt === undefined ? request : (0,deadline/* settleBy */.pN)(request, giveUpAt, 'Slack'));
        }
        catch (e) {
            if (e instanceof AnswerCutError) {
                const error = `the connection broke while Slack was answering (HTTP ${e.status}, ${e.code}) — ${MAYBE}`;
                return { ok: false, retry: true, error };
            }
            const error = `could not reach Slack: ${networkErrorText(e)}`;
            return isTransientNetworkError(e)
                ? { ok: false, retry: true, error }
                : { ok: false, retry: false, error };
        }
        return target.kind === 'webhook'
            ? judgeWebhook(answer, deps.now())
            : judgePostMessage(answer, deps.now());
    }, deps, policy);
}
/** What follows an answer that is not Slack's: the alert's fate is unknown. */
const MAYBE = 'the alert may not have been delivered';
/** An answer that is not Slack's (a page, a cut or unparsable body): said plainly, retried like a 5xx. */
function notSlacksAnswer(answer) {
    return {
        ok: false,
        retry: true,
        error: `Slack answered with something that is not Slack's answer (${answerShape(answer)}) — ${MAYBE}`,
    };
}
/**
 * Slack's incoming webhooks answer HTTP 200 with the plain text `ok` on success and a non-200 status with a
 * plain-text error code otherwise (reference §6.1): a 200 with any other body did not come from Slack's
 * webhook, so the alert is not known to be posted.
 */
function judgeWebhook(answer, now) {
    if (isHtml(answer))
        return notSlacksAnswer(answer);
    const text = answer.body.trim();
    if (answer.status >= 200 && answer.status < 300) {
        return text === 'ok' ? { ok: true, detail: 'webhook' } : notSlacksAnswer(answer);
    }
    const code = errorCodeOf(text);
    if (code === undefined && answer.status !== 429)
        return notSlacksAnswer(answer);
    return failure(answer, code, now);
}
/** chat.postMessage answers JSON with a boolean `ok` (HTTP 200 even for most errors, reference §6.2). */
function judgePostMessage(answer, now) {
    if (isHtml(answer))
        return notSlacksAnswer(answer);
    const json = parseObject(answer.body);
    if (answer.status === 200 && json?.ok === true) {
        const channel = typeof json.channel === 'string' ? excerptId(json.channel) : undefined;
        const ts = typeof json.ts === 'string' ? excerptId(json.ts) : undefined;
        return { ok: true, detail: `chat.postMessage to ${channel ?? 'the channel'} (ts ${ts ?? '?'})` };
    }
    const code = typeof json?.error === 'string' ? errorCodeOf(json.error) : undefined;
    if (answer.status === 200) {
        if (json?.ok !== false)
            return notSlacksAnswer(answer);
        // HTTP 200 with ok:false: Slack's way of saying the message was NOT posted.
        const error = describe(`chat.postMessage answered ok:false`, code);
        return code && RETRYABLE_CODES.has(code)
            ? { ok: false, retry: true, error }
            : { ok: false, retry: false, error };
    }
    if (code === undefined && answer.status !== 429)
        return notSlacksAnswer(answer);
    return failure(answer, code, now);
}
function parseObject(body) {
    try {
        const json = JSON.parse(body);
        return json && typeof json === 'object' && !Array.isArray(json)
            ? json
            : undefined;
    }
    catch {
        return undefined;
    }
}
/** A channel ID or a ts as Slack writes them; anything else is not repeated. */
function excerptId(value) {
    return /^[A-Za-z0-9._-]{1,40}$/.test(value) ? value : undefined;
}
function failure(answer, code, now) {
    const error = describe(`Slack answered HTTP ${answer.status}`, code);
    if (answer.status === 429) {
        return {
            ok: false,
            retry: true,
            error,
            retryAfterMs: parseRetryAfter(headerValue(answer.headers, 'retry-after'), now) ?? 1000,
        };
    }
    if (answer.status >= 500)
        return { ok: false, retry: true, error };
    return { ok: false, retry: false, error };
}
function describe(prefix, code) {
    if (!code)
        return prefix;
    const hint = HINTS[code];
    return `${prefix} ${code}${hint ? ` (${hint})` : ''}`;
}
/** A Slack error code is one lowercase word (`no_service`); anything else (an HTML error page) is not. */
function errorCodeOf(text) {
    const trimmed = text.trim();
    if (/^[a-z_]{2,60}$/.test(trimmed))
        return trimmed;
    const json = parseObject(trimmed);
    return typeof json?.error === 'string' && /^[a-z_]{2,60}$/.test(json.error) ? json.error : undefined;
}

;// CONCATENATED MODULE: ../src/report/slack-message.ts



const SLACK_LIMITS = {
    blocks: 50,
    headerText: 150,
    sectionText: 3000,
    fields: 10,
    fieldText: 2000,
    contextElements: 10,
    /** Total text across blocks: Slack rejects messages near 13.2 k even under the per-block limits. */
    aggregateText: 11_000,
    problems: 8,
};
/** Slack mrkdwn control characters: `&`, `<`, `>` (so AWS text can never form a link or @channel). */
function slackEscape(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** Only http(s) addresses become links (as in the summary: safeUrl); any other scheme leaves the label alone. */
function slackLink({ label, url }) {
    const text = slackEscape(label).replace(/\|/g, '¦');
    const target = (0,markdown/* safeUrl */.Pl)(url);
    return target ? `<${target}|${text}>` : text;
}
function mrkdwn(text, max = SLACK_LIMITS.sectionText) {
    return { type: 'mrkdwn', text: (0,format/* truncate */.xv)(text, max) };
}
/** A code block whose content cannot close it early. */
function codeBlock(lines) {
    return '```\n' + lines.map((l) => slackEscape(l).replace(/```/g, '`\u200b``')).join('\n') + '\n```';
}
function renderSlackMessage(alert) {
    const icon = alert.notVerified ? UNVERIFIED_ICON : outcomeIcon[alert.outcome];
    const title = `${icon} ${alert.headline}${alert.target ? `: ${alert.target}` : ''}`;
    const blocks = [
        {
            type: 'header',
            text: { type: 'plain_text', text: (0,format/* truncate */.xv)(title, SLACK_LIMITS.headerText), emoji: true },
        },
        {
            type: 'section',
            text: mrkdwn(slackEscape(alert.reason)),
            fields: alert.facts
                .slice(0, SLACK_LIMITS.fields)
                .map((f) => mrkdwn(`*${slackEscape(f.label)}*\n${slackEscape(f.value)}`, SLACK_LIMITS.fieldText)),
        },
    ];
    let budget = SLACK_LIMITS.aggregateText - textLength(blocks);
    const shown = alert.problems.slice(0, SLACK_LIMITS.problems);
    for (const p of shown) {
        if (budget < 200)
            break;
        const parts = [`*${slackEscape(p.title)}*`, ...p.lines.map(slackEscape)];
        if (p.logTail?.length)
            parts.push(codeBlock(p.logTail));
        if (p.links.length)
            parts.push(p.links.map(slackLink).join(' · '));
        const text = (0,format/* truncate */.xv)(parts.join('\n'), Math.min(SLACK_LIMITS.sectionText, budget));
        budget -= text.length;
        blocks.push({ type: 'section', text: mrkdwn(text) });
    }
    const hidden = alert.problems.length - (blocks.length - 2);
    if (hidden > 0)
        blocks.push({ type: 'context', elements: [mrkdwn(`…and ${hidden} more in the job summary`)] });
    if (alert.unverified.length > 0) {
        const text = [
            '⚠️ *Not verified*',
            ...alert.unverified.slice(0, 10).map((u) => `• ${slackEscape(u)}`),
        ].join('\n');
        blocks.push({ type: 'section', text: mrkdwn((0,format/* truncate */.xv)(text, Math.max(200, Math.min(budget, 2000)))) });
    }
    if (alert.links.length > 0) {
        blocks.push({
            type: 'context',
            elements: [mrkdwn(alert.links.slice(0, SLACK_LIMITS.contextElements).map(slackLink).join('  ·  '))],
        });
    }
    return {
        // The notification text (and what screen readers and old clients show).
        text: (0,format/* truncate */.xv)(`${title} — ${slackEscape(alert.reason)}`, 1000),
        blocks: blocks.slice(0, SLACK_LIMITS.blocks),
        unfurl_links: false,
        unfurl_media: false,
    };
}
function textLength(blocks) {
    let n = 0;
    for (const b of blocks) {
        if ('text' in b && b.text)
            n += b.text.text.length;
        if ('fields' in b && b.fields)
            for (const f of b.fields)
                n += f.text.length;
        if ('elements' in b)
            for (const e of b.elements)
                n += e.text.length;
    }
    return n;
}

;// CONCATENATED MODULE: ../src/report/sns.ts

const sns_HINTS = {
    NotFound: 'the topic does not exist in this account and region',
    NotFoundException: 'the topic does not exist in this account and region',
    AuthorizationError: 'the role may not publish to it: allow sns:Publish on the topic',
    AuthorizationErrorException: 'the role may not publish to it: allow sns:Publish on the topic',
    KMSAccessDenied: "the role may not use the topic's KMS key",
};
async function publishEmail(aws, topicArn, email) {
    const { SNSClient, PublishCommand } = await Promise.all(/* import() */[__webpack_require__.e(18), __webpack_require__.e(758), __webpack_require__.e(908), __webpack_require__.e(112)]).then(__webpack_require__.bind(__webpack_require__, 1702));
    try {
        // SNS accepts a Publish only in the topic's own region, which may not be the step's.
        const region = topicArn.split(':')[3];
        const out = await aws
            .get(SNSClient, { region })
            .send(new PublishCommand({ TopicArn: topicArn, Subject: email.subject, Message: email.body }));
        return { ok: true, attempts: 1, detail: out.MessageId ? `message ${out.MessageId}` : undefined };
    }
    catch (e) {
        const err = e;
        const hint = sns_HINTS[err.name ?? ''];
        // describeError: AWS's own words, or what the answer was when it was no answer (an HTML page, cut-off XML).
        return {
            ok: false,
            attempts: err.$metadata?.attempts ?? 1,
            error: `SNS Publish to ${topicArn} failed: ${(0,aws_errors/* describeError */.Uc)(e)}${hint ? ` (${hint})` : ''}`,
        };
    }
}

;// CONCATENATED MODULE: ../src/report/send-alerts.ts







/** Sends the alert of a redacted result to every configured channel. Never throws for a delivery problem. */
async function sendAlerts(result, config, deps, redact) {
    const { reporting } = config;
    if (!reporting.slack && !reporting.snsTopicArn)
        return { sent: false, lines: [], failures: [] };
    if (!shouldNotify(result, reporting.notifyOn))
        return noneSent(result, reporting, deps);
    // Built from the redacted result (and the run's URL): nothing in it needs redacting again.
    const alert = buildAlert(result, config.run);
    const delivered = await Promise.all(deliveries(alert, reporting, deps));
    return tally(delivered, deps, redact);
}
function noneSent(result, reporting, deps) {
    const why = result.cancelled ? 'the run was cancelled' : `notify-on is "${reporting.notifyOn}"`;
    deps.log.info(`Alerts: none sent (${why})`);
    return { sent: false, lines: [{ channel: 'Alerts', ok: true, text: `none sent: ${why}` }], failures: [] };
}
/** One delivery per configured channel, each named as the summary names it. */
function deliveries(alert, reporting, deps) {
    const jobs = [];
    if (reporting.slack)
        jobs.push(toSlack(alert, reporting.slack, deps));
    if (reporting.snsTopicArn)
        jobs.push(toEmail(alert, reporting.snsTopicArn, deps));
    return jobs;
}
async function toSlack(alert, slack, deps) {
    const message = renderSlackMessage(alert);
    deps.log.debug(`Slack message: ${message.blocks.length} blocks, ${JSON.stringify(message).length} characters`);
    const http = deps.http ?? actionsHttpPost(`${version/* ACTION_NAME */.p}/${version/* ACTION_VERSION */.Y}`);
    const { env, now, sleep, signal, deadline } = deps;
    const delivery = await sendSlack(slack, message, { http, env, now, sleep, signal, deadline }, deps.slackPolicy);
    return [`Slack (${slack.kind === 'webhook' ? 'webhook' : 'chat.postMessage'})`, delivery];
}
async function toEmail(alert, topicArn, deps) {
    return ['E-mail (SNS)', await publishEmail(deps.aws, topicArn, renderEmail(alert))];
}
/** Logs each channel's outcome; alert-sent is true only when every configured channel took the alert. */
function tally(delivered, deps, redact) {
    const lines = [];
    const failures = [];
    for (const [channel, d] of delivered) {
        if (d.ok) {
            deps.log.info(`${channel}: alert delivered${d.detail ? ` (${redact(d.detail)})` : ''}`);
            lines.push({ channel, ok: true, text: 'alert delivered' });
        }
        else {
            const error = redact(d.error);
            failures.push(`${channel}: ${error}`);
            lines.push({ channel, ok: false, text: `alert NOT delivered: ${error}` });
        }
    }
    return { sent: delivered.every(([, d]) => d.ok), lines, failures };
}

// EXTERNAL MODULE: ../src/cancel.ts
var cancel = __webpack_require__(9969);
;// CONCATENATED MODULE: ../src/report/commit-status.ts



const DESCRIPTION_MAX = 140;
const starting = {
    'create-pipeline': 'Creating or updating',
    monitor: 'Following',
    validate: 'Validating the deployment of',
};
function startStatus(config) {
    const what = config.mode === 'validate' ? `${config.cluster}/${config.service}` : config.pipelineName;
    const commit = config.commitSha ? ` for ${(0,commits/* shortSha */.Fu)(config.commitSha)}` : '';
    return { state: 'pending', description: bound(`${starting[config.mode]} ${what}${commit}…`) };
}
function endStatus(result, statusFinal) {
    if (result.cancelled)
        return {
            state: 'error',
            description: bound(`Cancelled: ${subjectOf(result).toLowerCase()} did not finish (the workflow run was cancelled)`),
        };
    if (result.verdict === 'failure')
        return { state: 'failure', description: bound((0,format/* oneLine */.TN)(result.reason)) };
    if (statusFinal)
        return { state: 'success', description: bound((0,format/* oneLine */.TN)(result.reason)) };
    // Not this step's call to conclude: say what passed so far and stay pending for the step that may.
    const suffix = ' — awaiting the final check';
    return {
        state: 'pending',
        description: (0,format/* truncate */.xv)(`${headlineOf(result)}: ${(0,format/* oneLine */.TN)(result.reason)}`, DESCRIPTION_MAX - suffix.length) + suffix,
    };
}
function bound(text) {
    return (0,format/* truncate */.xv)((0,format/* oneLine */.TN)(text), DESCRIPTION_MAX);
}

// EXTERNAL MODULE: ../src/github.ts
var github = __webpack_require__(8352);
;// CONCATENATED MODULE: ../src/report/github-delivery.ts


/** Up to 3 attempts (1 s, 2 s apart, or as Retry-After says) within 30 s. */
const GITHUB_RETRY_POLICY = { boundMs: 30_000, maxAttempts: 3, baseDelayMs: 1_000 };
async function deliverToGitHub(config, deps, redact, what, attempt, limits) {
    let client;
    try {
        const token = config.reporting.githubToken;
        client = await (deps.github ?? ((t) => (0,github/* createGitHubClient */.L)(t, config.run)))(token);
    }
    catch (e) {
        return { ok: false, attempts: 0, error: `Could not create the GitHub client: ${e.message}` };
    }
    let last = { ok: false, attempts: 0, error: 'not attempted' };
    const delivery = await withRetries(async () => {
        last = await attempt(client, timeLeft(deps, limits.timeoutMs));
        if (last.ok)
            return { ok: true };
        if (!last.retryable)
            return { ok: false, retry: false, error: last.error };
        deps.log.debug(redact(`${what} attempt failed (${last.error})`));
        return { ok: false, retry: true, error: last.error, retryAfterMs: last.retryAfterMs };
    }, { now: deps.now, sleep: deps.sleep, signal: deps.signal, deadline: deps.deadline }, { ...GITHUB_RETRY_POLICY, maxAttempts: limits.attempts });
    return delivery.ok ? delivery : { ...last, attempts: delivery.attempts, error: delivery.error };
}
/** A request's timeout: its own, or what is left before the deadline when that is sooner. */
function timeLeft(deps, timeoutMs) {
    const left = deps.deadline === undefined ? timeoutMs : deps.deadline - deps.now();
    return Math.max(0, Math.min(timeoutMs, left));
}

;// CONCATENATED MODULE: ../src/report/github-status.ts
// Posts a commit status through the GitHub REST API (src/github.ts: GITHUB_API_URL aware). A token without
// `statuses: write` gets a warning that names the exact `permissions:` lines to add. An answer that is not
// GitHub's — an HTML page from a proxy (whatever its status), a body cut short or that does not parse — is said
// plainly (status and media type, never the page) and retried like a 5xx: the status may not have been posted.



/** One line (YAML flow style): the summary and the log keep it whole. */
function permissionsFix(scope) {
    return `permissions: { ${scope}: write }`;
}
const PERMISSIONS_FIX = permissionsFix('statuses');
/** Where the status goes, or why it cannot be posted. */
function statusTarget(config) {
    const context = config.reporting.statusContext;
    if (!context)
        return undefined;
    if (!config.reporting.githubToken)
        return {
            context,
            problem: `status-context "${context}" is set but github-token is empty; no commit status was posted.`,
        };
    if (!config.commitSha)
        return {
            context,
            problem: `status-context "${context}" is set but there is no commit-sha; no commit status was posted.`,
        };
    const [owner, repo] = (config.run.repository ?? '').split('/');
    if (!owner || !repo)
        return {
            context,
            problem: `status-context "${context}" is set but GITHUB_REPOSITORY is not; no commit status was posted.`,
        };
    return { owner, repo, sha: config.commitSha, context, targetUrl: config.run.runUrl };
}
async function postStatus(client, target, update, timeoutMs) {
    const where = `commit status "${target.context}" on ${target.owner}/${target.repo}@${(0,commits/* shortSha */.Fu)(target.sha)}`;
    try {
        const response = await client.rest.repos.createCommitStatus({
            owner: target.owner,
            repo: target.repo,
            sha: target.sha,
            context: target.context,
            state: update.state,
            description: update.description,
            ...(target.targetUrl ? { target_url: target.targetUrl } : {}),
            request: { signal: AbortSignal.timeout(timeoutMs) },
        });
        // GitHub answers 201 with the status it created; a page or a cut body arrives here as a string.
        const data = response.data;
        if (!isStatusObject(data)) {
            return notGitHubs({ where, scope: 'statuses', maybe: github_status_MAYBE }, {
                status: response.status,
                headers: stringHeaders(response.headers),
                body: bodyText(data),
            });
        }
        return { ok: true, attempts: 1 };
    }
    catch (e) {
        return notPosted({ where, scope: 'statuses', maybe: github_status_MAYBE }, e, timeoutMs);
    }
}
/** Why the write did not happen, and whether another attempt could change that. */
function notPosted(attempt, thrown, timeoutMs) {
    const err = thrown;
    const where = attempt.where;
    if (err.response && !isGitHubError(err.response.data, err.response.headers ?? {})) {
        const headers = err.response.headers ?? {};
        return {
            ...notGitHubs(attempt, { status: err.status ?? 0, headers, body: bodyText(err.response.data) }),
            retryAfterMs: parseRetryAfter(headers['retry-after'], Date.now()),
        };
    }
    if (!err.response && isTimeout(err)) {
        return {
            ok: false,
            attempts: 1,
            retryable: true,
            error: `Could not post ${where}: no answer from GitHub within ${Math.round(timeoutMs / 1000)}s — ${attempt.maybe}`,
        };
    }
    if (err.status === 403) {
        return {
            ok: false,
            attempts: 1,
            forbidden: true,
            error: `Could not post ${where}: ${firstLine(err.message)} (HTTP 403). The token lacks the ${attempt.scope}: write permission; add \`${permissionsFix(attempt.scope)}\` to the workflow or job.`,
        };
    }
    if (err.status === 404) {
        return {
            ok: false,
            attempts: 1,
            forbidden: true,
            error: `Could not post ${where}: the repository was not found or the token cannot see it (HTTP 404).`,
        };
    }
    const status = err.status ? ` (HTTP ${err.status})` : '';
    const retryable = err.status === undefined || err.status >= 500 || err.status === 429;
    return {
        ok: false,
        attempts: 1,
        retryable,
        retryAfterMs: parseRetryAfter(err.response?.headers?.['retry-after'], Date.now()),
        error: `Could not post ${where}: ${firstLine(err.message ?? err.name)}${status}`,
    };
}
/** An answer that is not GitHub's (a proxy's page, a cut body): the write may or may not have happened. */
function notGitHubs(attempt, answer) {
    return {
        ok: false,
        attempts: 1,
        retryable: true,
        error: `Could not post ${attempt.where}: GitHub answered with something that is not GitHub's answer (${answerShape(answer)}) — ${attempt.maybe}`,
    };
}
const github_status_MAYBE = 'the commit status may not have been posted';
/** GitHub's answer to a created status: an object naming the state. */
function isStatusObject(data) {
    return typeof data === 'object' && data !== null && typeof data.state === 'string';
}
/** GitHub's errors are JSON objects with a `message`; a page or a cut body is not one. */
function isGitHubError(data, headers) {
    if (isHtml({ headers, body: typeof data === 'string' ? data : '' }))
        return false;
    return (typeof data === 'object' && data !== null && typeof data.message === 'string');
}
function stringHeaders(headers) {
    return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v === undefined ? v : String(v)]));
}
function bodyText(data) {
    if (typeof data === 'string')
        return data;
    return data instanceof ArrayBuffer ? '' : JSON.stringify(data ?? '');
}
/** The request was given up on (its timeout, or the deadline's abort): octokit reports it as a 500. */
function isTimeout(err) {
    return [err.name, err.cause?.name].some((n) => n === 'TimeoutError' || n === 'AbortError');
}
/** GitHub's message (JSON, so not a page), first line, sanitized: it is quoted in the log and the summary. */
function firstLine(text) {
    const line = ((text ?? 'unknown error').split('\n')[0] ?? '').replace(/ - https:\/\/docs\.github\.com\S*$/, '');
    return excerpt(line) || 'unknown error';
}

;// CONCATENATED MODULE: ../src/report/github-deployment.ts
// The GitHub deployment of a release (REST "Deployments" and "Deployment statuses",
// https://docs.github.com/rest/deployments/deployments, https://docs.github.com/rest/deployments/statuses): found
// or created once per release, then given a status by each step. Exactly one deployment per release:
//   1. ours — created by an earlier step of this run: its payload carries DEPLOYMENT_MARKER and the run id;
//   2. the job's — a job that declares `environment:` gets a deployment GitHub Actions creates itself ("When a
//      workflow references an environment, the environment will appear in the repository's deployments",
//      https://docs.github.com/actions/using-jobs/using-environments-for-jobs). The docs give no id for it to the
//      steps, so it is found as the REST docs allow: `GET …/deployments?sha=&environment=` (newest first), created by
//      github-actions[bot], without our marker, whose statuses link this run (`/actions/runs/{run_id}` in
//      log_url/target_url) or, when none carries a link, whose latest state is still queued/in_progress;
//   3. otherwise one is created (`auto_merge: false`, `required_contexts: []`: a deployment records a release
//      already made, it must not merge branches or wait for checks).
// GitHub writes its own final status on the job's deployment when the job ends (success or failure, with the
// job's `environment.url`), superseding ours — see github.com/hephaestus-build/Hephaestus/pull/1828 — so with a
// job-level environment our statuses say what happens while it runs, and the job's `url:` is the lasting link.


const DEPLOYMENT_MARKER = 'aws-deploy-pipeline';
const ACTIONS_BOT = 'github-actions[bot]';
/** Where the deployment goes, or why it cannot be posted. */
function deploymentRef(config) {
    const target = config.reporting.deployment;
    if (!target)
        return undefined;
    const named = `deployment-environment "${target.environment}" is set but`;
    if (!config.reporting.githubToken)
        return { problem: `${named} github-token is empty; no deployment was posted.` };
    if (!config.commitSha)
        return { problem: `${named} there is no commit-sha; no deployment was posted.` };
    const [owner, repo] = (config.run.repository ?? '').split('/');
    if (!owner || !repo)
        return { problem: `${named} GITHUB_REPOSITORY is not; no deployment was posted.` };
    return {
        owner,
        repo,
        sha: config.commitSha,
        environment: target.environment,
        environmentUrl: target.url,
        runId: config.run.runId,
        logUrl: config.run.runUrl,
    };
}
/** The deployment, found or created, given this status; its id, to skip the search in the next report. */
async function postDeployment(client, ref, update, timeoutMs, known) {
    const attempt = writeAttempt(ref);
    try {
        const id = known ??
            (await findDeployment(client, ref, timeoutMs)) ??
            (await create(client, ref, update, timeoutMs));
        await client.rest.repos.createDeploymentStatus({
            owner: ref.owner,
            repo: ref.repo,
            deployment_id: id,
            state: update.state,
            description: update.description,
            ...(ref.logUrl ? { log_url: ref.logUrl } : {}),
            ...(ref.environmentUrl ? { environment_url: ref.environmentUrl } : {}),
            request: { signal: AbortSignal.timeout(timeoutMs) },
        });
        return { ok: true, attempts: 1, deploymentId: id };
    }
    catch (e) {
        return notPosted(attempt, e, timeoutMs);
    }
}
function writeAttempt(ref) {
    return {
        where: `deployment to "${ref.environment}" of ${ref.owner}/${ref.repo}@${(0,commits/* shortSha */.Fu)(ref.sha)}`,
        scope: 'deployments',
        maybe: 'the deployment status may not have been posted',
    };
}
/** This run's deployment of the release: ours first, then the job's (see the header). */
async function findDeployment(client, ref, timeoutMs) {
    const { data } = await client.rest.repos.listDeployments({
        owner: ref.owner,
        repo: ref.repo,
        sha: ref.sha,
        environment: ref.environment,
        per_page: 100,
        request: { signal: AbortSignal.timeout(timeoutMs) },
    });
    const listed = data;
    const ours = listed.find((d) => isOurs(d, ref.runId));
    if (ours)
        return ours.id;
    const jobs = listed.filter((d) => d.creator?.login === ACTIONS_BOT && !markerOf(d));
    for (const candidate of jobs.slice(0, 3)) {
        if (await isThisRunsJob(client, ref, candidate.id, timeoutMs))
            return candidate.id;
    }
    return undefined;
}
function markerOf(d) {
    const p = d.payload;
    if (typeof p !== 'object' || p === null)
        return undefined;
    const marked = p.tool === DEPLOYMENT_MARKER;
    return marked ? p : undefined;
}
function isOurs(d, runId) {
    const marker = markerOf(d);
    return marker !== undefined && (marker.run_id ?? '') === (runId ?? '');
}
/** GitHub Actions' deployment for this run's job: its statuses link this run, or it is still running. */
async function isThisRunsJob(client, ref, id, timeoutMs) {
    const { data } = await client.rest.repos.listDeploymentStatuses({
        owner: ref.owner,
        repo: ref.repo,
        deployment_id: id,
        per_page: 100,
        request: { signal: AbortSignal.timeout(timeoutMs) },
    });
    const links = data.flatMap((s) => [s.log_url, s.target_url]).filter((u) => !!u);
    if (links.length > 0)
        return (ref.runId !== undefined &&
            links.some((u) => u.includes(`/actions/runs/${ref.runId}/`) || u.endsWith(`/actions/runs/${ref.runId}`)));
    return data[0] !== undefined && ['queued', 'in_progress', 'pending'].includes(data[0].state);
}
async function create(client, ref, update, timeoutMs) {
    const response = await client.rest.repos.createDeployment({
        owner: ref.owner,
        repo: ref.repo,
        ref: ref.sha,
        environment: ref.environment,
        auto_merge: false,
        required_contexts: [],
        description: update.description,
        payload: { tool: DEPLOYMENT_MARKER, run_id: ref.runId ?? '' },
        request: { signal: AbortSignal.timeout(timeoutMs) },
    });
    const data = response.data;
    // 202 "merged branch" has no id: impossible with auto_merge false, said plainly if it happens.
    if (typeof data.id !== 'number')
        throw Object.assign(new Error(`GitHub created no deployment (HTTP ${response.status})`), {
            status: response.status,
        });
    return data.id;
}

;// CONCATENATED MODULE: ../src/report/deployment-report.ts
// The deployment steps: the release's GitHub deployment is `in_progress` when a step starts and takes the
// verdict's state when it ends — with the commit status's semantics (commit-status.ts decides; `pending` is a
// deployment's `in_progress`). A failure is a warning (and a summary line), never a changed verdict.




const DEPLOYMENT_TIMEOUT_MS = 10_000;
/** A commit status's state as a deployment's: `pending` is `in_progress` (the Environments page's word). */
function deploymentUpdate(status) {
    return { state: status.state === 'pending' ? 'in_progress' : status.state, description: status.description };
}
/** The deployment becomes `in_progress`; what went wrong is a warning, and remembered for the summary. */
async function startDeployment(config, deps, redact) {
    const ref = deploymentRef(config);
    if (!ref)
        return {};
    if ('problem' in ref) {
        deps.log.warning(redact(ref.problem));
        return { deploymentProblem: redact(ref.problem) };
    }
    const update = deploymentUpdate(startStatus(config));
    const r = await send(config, deps, redact, ref, update, DEPLOYMENT_TIMEOUT_MS, 3);
    if (!r.ok) {
        deps.log.warning(redact(r.error));
        return r.forbidden ? { deploymentProblem: deployment_report_firstLine(redact(r.error)) } : {};
    }
    deps.log.info(`Deployment to "${ref.environment}": in_progress (#${r.deploymentId})`);
    return { deploymentId: r.deploymentId };
}
/** The deployment status the verdict calls for (after a cancel: one short attempt); its summary line. */
async function endDeployment(result, config, deps, session, redact) {
    const ref = deploymentRef(config);
    if (!ref)
        return undefined;
    const channel = `Deployment to "${config.reporting.deployment.environment}"`;
    if ('problem' in ref || session.deploymentProblem)
        return { channel, ok: false, text: `not posted: ${session.deploymentProblem ?? 'see the warnings'}` };
    const due = deploymentUpdate(endStatus(result, config.reporting.statusFinal));
    const update = { ...due, description: redact(due.description) };
    const timeout = result.cancelled ? cancel/* AFTER_CANCEL_MS */.R : DEPLOYMENT_TIMEOUT_MS;
    const r = await send(config, deps, redact, ref, update, timeout, result.cancelled ? 1 : 3, session.deploymentId);
    if (r.ok) {
        deps.log.info(`Deployment to "${ref.environment}": ${update.state} (#${r.deploymentId})`);
        return { channel, ok: true, text: `${update.state} — ${update.description}` };
    }
    deps.log.warning(redact(r.error));
    return { channel, ok: false, text: `not updated (${update.state} was due): ${deployment_report_firstLine(redact(r.error))}` };
}
async function send(config, deps, redact, ref, update, timeoutMs, attempts, known) {
    let deploymentId = known;
    const r = await deliverToGitHub(config, deps, redact, 'Deployment', async (client, t) => {
        const posted = await postDeployment(client, ref, update, t, deploymentId);
        deploymentId = posted.deploymentId ?? deploymentId;
        return posted;
    }, { timeoutMs, attempts });
    return { ...r, deploymentId };
}
function deployment_report_firstLine(text) {
    return text.split('\n')[0] ?? '';
}

;// CONCATENATED MODULE: ../src/report/status-report.ts
// The commit status steps: `pending` when the step starts, the verdict's state when it ends — each retried
// within its bound, a failure said as a warning (and a summary line), never a changed verdict. What state is due
// is commit-status.ts's decision; one POST is github-status.ts's.





const STATUS_TIMEOUT_MS = 10_000;
/** The commit status becomes `pending`; what went wrong is a warning, and remembered for the summary. */
async function postPendingStatus(config, deps, redact) {
    const target = statusTarget(config);
    if (!target)
        return {};
    if ('problem' in target) {
        deps.log.warning(redact(target.problem));
        return { statusBlocked: true, statusProblem: redact(target.problem) };
    }
    const r = await sendStatus(config, deps, redact, target, startStatus(config), STATUS_TIMEOUT_MS);
    if (!r.ok) {
        deps.log.warning(redact(r.error));
        return { statusBlocked: r.forbidden, statusProblem: status_report_firstLine(redact(r.error)) };
    }
    deps.log.info(`Commit status "${target.context}": pending on ${(0,commits/* shortSha */.Fu)(target.sha)}`);
    return { statusPosted: true };
}
/** The commit status the verdict calls for (after a cancel: one short attempt); its summary line. */
async function postFinalStatus(result, config, deps, session, redact) {
    const target = statusTarget(config);
    if (!target)
        return undefined;
    const channel = `Commit status "${target.context}"`;
    if ('problem' in target || session.statusBlocked)
        return { channel, ok: false, text: `not posted: ${session.statusProblem ?? 'see the warnings'}` };
    const due = endStatus(result, config.reporting.statusFinal);
    const update = { ...due, description: redact(due.description) };
    const timeout = result.cancelled ? cancel/* AFTER_CANCEL_MS */.R : STATUS_TIMEOUT_MS;
    const r = await sendStatus(config, deps, redact, target, update, timeout, result.cancelled ? 1 : 3);
    if (r.ok) {
        deps.log.info(`Commit status "${target.context}": ${update.state} on ${(0,commits/* shortSha */.Fu)(target.sha)}`);
        return { channel, ok: true, text: `${update.state} — ${update.description}` };
    }
    deps.log.warning(redact(r.error));
    return { channel, ok: false, text: `not updated (${update.state} was due): ${status_report_firstLine(redact(r.error))}` };
}
/** One status, retried as alerts are (github-delivery.ts); none after a cancel. */
async function sendStatus(config, deps, redact, target, update, timeoutMs, attempts = 3) {
    const post = (client, t) => postStatus(client, target, update, t);
    return deliverToGitHub(config, deps, redact, 'Commit status', post, { timeoutMs, attempts });
}
function status_report_firstLine(text) {
    return text.split('\n')[0] ?? '';
}

// EXTERNAL MODULE: ../src/report/start.ts
var start = __webpack_require__(4790);
;// CONCATENATED MODULE: ../src/report/summary-sections.ts





const DEFAULT_LIMITS = {
    rows: 300,
    diffLines: 800,
    logLines: 40,
    cell: 1000,
    rounds: 120,
};
const LIMIT_NOTE = 'the job summary is limited to 1 MiB per step';
function cut(text, limits) {
    return (0,markdown.md)((0,format/* truncate */.xv)(text, limits.cell));
}
const statusIcons = {
    Succeeded: '✅',
    Failed: '❌',
    InProgress: '⏳',
    Stopping: '⏹️',
    Stopped: '⏹️',
    Cancelled: '⏹️',
    Superseded: '⏭️',
    Abandoned: '⏹️',
    Skipped: '⏭️',
    pass: '✅',
    fail: '❌',
    'no-data': '❔',
    unverified: '⚠️',
    skip: '➖',
};
/** Check statuses said in words where the word alone could be misread. */
const statusLabels = { unverified: 'not verified' };
function statusCell(status, attempts) {
    if (status === '')
        return '—';
    const icon = statusIcons[status];
    return `${icon ? `${icon} ` : ''}${(0,markdown.md)(statusLabels[status] ?? status)}${retryNote(status, attempts)}`;
}
/** A stage or action AWS ran again in the same execution (onFailure RETRY): never invisible. */
function retryNote(status, attempts) {
    if (!attempts || attempts < 2)
        return '';
    return status === 'Succeeded' ? ` after a retry (attempt ${attempts})` : ` (attempt ${attempts})`;
}
function moreRows(hidden, what) {
    return hidden > 0 ? ['', `_… ${hidden} more ${what} not shown: ${LIMIT_NOTE}._`] : [];
}
/**
 * The action's page and its log, unless the summary links them elsewhere (a Source action's page is the
 * commit). A row whose page is its log keeps only the log (execution-report.ts explainRow).
 */
function links(row, said) {
    return [said.links.linkOrNothing('details', row.url), said.links.linkOrNothing('logs', row.logUrl)]
        .filter(Boolean)
        .join(' · ');
}
function duration(row) {
    return (0,format/* formatDuration */.a3)(row.durationSeconds ?? (0,format/* secondsBetween */.O1)(row.startedAt, row.endedAt)) ?? '';
}
function executionSection(execution, limits, said, heading = 'Execution') {
    const out = [
        `### ${heading} ${said.links.link(execution.id, execution.url)} — ${statusCell(execution.status)}`,
        '',
    ];
    const when = whenLine(execution, said);
    if (when)
        out.push(when, '');
    if (execution.stages.length === 0) {
        out.push('_No stage progress was recorded for this execution._', '');
        return out;
    }
    // "What failed" comes after the table but links first: a failed action's log belongs beside its error and tail.
    const failed = whatFailed(execution, limits, said);
    return [...out, ...stageTable(execution, limits, said), ...failed];
}
/** When it ran, and its commit and version where they are not the step's (the table above shows those). */
function whenLine(execution, said) {
    const version = (0,commits/* versionBesidesCommit */.jA)(execution.version, execution.commit);
    const commit = execution.commit && execution.commit !== said.commit ? execution.commit : undefined;
    return [
        execution.startedAt ? `started ${(0,format/* clockTime */.qo)(execution.startedAt)}` : '',
        execution.endedAt ? `ended ${(0,format/* clockTime */.qo)(execution.endedAt)}` : '',
        (0,format/* formatDuration */.a3)((0,format/* secondsBetween */.O1)(execution.startedAt, execution.endedAt)) ?? '',
        commit ? `commit ${(0,markdown/* code */.aY)((0,commits/* shortSha */.Fu)(commit))}` : '',
        version && version !== said.version ? `version ${(0,markdown/* code */.aY)(version)}` : '',
    ]
        .filter(Boolean)
        .join(' · ');
}
function stageTable(execution, limits, said) {
    const rows = [];
    for (const stage of execution.stages) {
        rows.push([
            `**${cut(stage.name, limits)}**`,
            '',
            statusCell(stage.status, stage.attempts),
            (0,format/* clockTime */.qo)(stage.startedAt) ?? '',
            duration(stage),
            links(stage, said),
        ]);
        for (const a of stage.actions) {
            rows.push([
                '',
                cut(a.name, limits),
                statusCell(a.status, a.attempts),
                (0,format/* clockTime */.qo)(a.startedAt) ?? '',
                duration(a),
                links(a, said),
            ]);
        }
    }
    const shown = rows.slice(0, limits.rows);
    return [
        (0,markdown/* table */.tp)(['Stage', 'Action', 'Status', 'Started', 'Duration', 'Links'], shown),
        ...moreRows(rows.length - shown.length, 'rows'),
        '',
    ];
}
/** The failed actions: each one's error and log link (what the reason above does not say), and its log tail. */
function whatFailed(execution, limits, said) {
    const failed = failedRows(execution);
    const lines = failed.map((r) => failedLine(r, limits, said)).filter(Boolean);
    const tails = failed.filter((r) => r.logTail?.length);
    if (lines.length === 0 && tails.length === 0)
        return [];
    const out = ['#### What failed', ''];
    if (lines.length)
        out.push(...lines, '');
    for (const r of tails) {
        const tail = r.logTail.slice(-limits.logLines).map((l) => (0,format/* truncate */.xv)(l, limits.cell));
        const hidden = r.logTail.length - tail.length;
        const label = `Log tail of ${r.name || r.stage} (last ${tail.length} lines${hidden > 0 ? `; ${hidden} earlier lines not shown` : ''})`;
        // Open: the log tail of the failed action is what the reader came for.
        out.push((0,markdown/* details */.zH)((0,markdown/* html */.qy)(label), (0,markdown/* fence */.EU)(tail), true), '');
    }
    return out;
}
/**
 * A failed action's error and log link, unless the Why line shows them: then nothing ('') — its tail follows.
 * The test is on the reason as shown (cut to 4000 characters, worded by each mode its own way), not a flag set
 * where it was worded: only the text tells what the reader has already read.
 */
function failedLine(r, limits, said) {
    const error = r.error && !said.reason.includes(r.error) ? `: ${cut(r.error, limits)}` : '';
    const logs = said.links.linkOrNothing('logs', r.logUrl);
    if (!error && !logs)
        return '';
    const where = r.name ? `${r.stage} › ${r.name}` : r.stage;
    return `- **${cut(where, limits)}**${error}${logs ? ` (${logs})` : ''}`;
}
/**
 * Which execution was superseded, and by which the verdict is judged (monitor, create-pipeline with `wait`). A
 * timeout has no note: the headline says "timed out" and the reason when, and in which status and stage.
 */
function supersededNote(d, said) {
    const s = d.superseded;
    if (!s)
        return [];
    const rel = s.successorCommitRelation ? ` ${relationSentence(s.successorCommitRelation)}` : '';
    // Its commit only when it is not the step's (the table shows that); the successor named, not linked: its own
    // section, right below, links it.
    const commit = s.commit && s.commit !== said.commit ? ` (commit ${(0,markdown/* code */.aY)((0,commits/* shortSha */.Fu)(s.commit))})` : '';
    const judge = d.execution ? (0,markdown/* link */.nf)(d.execution.id, undefined) : 'its successor';
    return [
        `> ⏭️ Execution ${said.links.link(s.id, s.url)}${commit} was superseded; the verdict is judged by ${judge}.${rel}`,
        '',
    ];
}
/** The successor's commit against the followed one, in words (compare API status, or why it is unverified). */
function relationSentence(relation) {
    switch (relation) {
        case 'ahead':
            return 'The newer commit contains your commit (ahead).';
        case 'identical':
        case 'same-commit':
            return 'The newer execution runs your commit.';
        case 'behind':
            return 'The newer commit does not contain your commit (behind: it is older).';
        case 'diverged':
            return 'The newer commit does not contain your commit (diverged).';
        default: {
            const why = relation.replace(/^unverified: /, '');
            return `Whether the newer commit contains your commit is not verified: ${(0,markdown.md)(why)}.`;
        }
    }
}
function monitorSection(d, limits, said) {
    const out = supersededNote(d, said);
    if (d.execution)
        out.push(...executionSection(d.execution, limits, said));
    // Timed out before any execution of the commit appeared: the reason lists the latest ones, or says there are none.
    else if (!d.recentExecutions?.length)
        out.push(...(d.timedOut ? [] : ['_No execution was followed._', '']));
    else {
        out.push('### Recent executions', '', '_None of them ran this commit._', '');
        const rows = d.recentExecutions.map((e) => [
            (0,markdown/* code */.aY)(e.id),
            statusCell(e.status),
            e.revision ? (0,markdown/* code */.aY)((0,commits/* shortSha */.Fu)(e.revision)) : '',
            (0,format/* clockTime */.qo)(e.startedAt) ?? '',
        ]);
        const shown = rows.slice(0, limits.rows);
        out.push((0,markdown/* table */.tp)(['Execution', 'Status', 'Revision', 'Started'], shown), ...moreRows(rows.length - shown.length, 'executions'), '');
    }
    return out;
}
function createPipelineSection(d, limits, said, failed = false) {
    const version = d.pipelineVersion !== undefined ? ` (version ${d.pipelineVersion})` : '';
    const out = [
        `### Pipeline ${(0,markdown/* code */.aY)(d.pipelineName)} — ${(0,markdown.md)(d.change ?? 'change not determined')}${version}`,
        '',
    ];
    if (d.stages.length) {
        const rows = [];
        for (const s of d.stages) {
            s.actions.forEach((a, i) => rows.push([
                i === 0 ? `**${cut(s.name, limits)}**` : '',
                cut(a.name, limits),
                cut(a.provider, limits),
                String(a.runOrder),
            ]));
            if (s.actions.length === 0)
                rows.push([`**${cut(s.name, limits)}**`, '', '', '']);
        }
        const shown = rows.slice(0, limits.rows);
        out.push((0,markdown/* table */.tp)(['Stage', 'Action', 'Provider', 'Run order'], shown), ...moreRows(rows.length - shown.length, 'rows'), '');
    }
    if (d.diff.length) {
        const shown = d.diff.slice(0, limits.diffLines).map((l) => (0,format/* truncate */.xv)(l, limits.cell));
        const title = d.change === 'planned'
            ? 'Planned changes (dry run: nothing was changed)'
            : failed && (d.change === undefined || d.change === 'unchanged')
                ? 'Changes that were not applied'
                : 'Changes';
        out.push(`#### ${title}`, '', (0,markdown/* fence */.EU)(shown, 'diff'), ...moreRows(d.diff.length - shown.length, 'diff lines'), '');
    }
    else if (d.change === 'unchanged' || d.change === 'planned') {
        out.push('_No changes: the pipeline already matches the declaration._', '');
    }
    if (d.notes.length)
        out.push('#### Notes', '', ...d.notes.map((n) => `- ${cut(n, limits)}`), '');
    if (d.execution) {
        out.push(...supersededNote(d, said));
        const adopted = d.adoptedExecution ? " (the new pipeline's own first execution, adopted)" : '';
        out.push(...executionSection(d.execution, limits, said, `Execution${adopted}`));
    }
    return out;
}
function checkRows(checks, limits) {
    return checks.map((c) => [
        cut(c.name, limits),
        (0,markdown.md)(c.type),
        statusCell(c.status),
        (0,markdown.md)((0,format/* formatValue */.Fl)(c.value)),
        (0,markdown.md)((0,format/* formatValue */.Fl)(c.threshold)),
        cut(c.message, limits),
    ]);
}
function validateSection(d, limits) {
    const out = [`### Checks on ${(0,markdown/* code */.aY)(`${d.cluster}/${d.service}`)}`, ''];
    if (d.checks.length === 0)
        out.push('_No check ran._', '');
    else {
        const rows = checkRows(d.checks, limits);
        const shown = rows.slice(0, limits.rows);
        out.push((0,markdown/* table */.tp)(['Check', 'Type', 'Status', 'Value', 'Threshold', 'Message'], shown), ...moreRows(rows.length - shown.length, 'checks'), '');
    }
    if (d.unverified.length) {
        out.push('#### ⚠️ Not verified', '', ...d.unverified.map((u) => `- ${cut(u, limits)}`), '');
    }
    if (d.rounds?.length) {
        const breach = d.rounds.findIndex((r) => r.checks.some((c) => c.status === 'fail'));
        const span = `${(0,format/* clockTime */.qo)(d.rounds[0]?.at)} → ${(0,format/* clockTime */.qo)(d.rounds.at(-1)?.at)}`;
        out.push(`#### Bake: ${d.rounds.length} round${d.rounds.length === 1 ? '' : 's'} (${span})${breach >= 0 ? `, first breach in round ${breach + 1}` : ', no breach'}`, '');
        const rows = d.rounds.map((r, i) => {
            const failing = r.checks.filter((c) => c.status === 'fail');
            const noData = r.checks.filter((c) => c.status === 'no-data').length;
            const unread = r.checks.filter((c) => c.status === 'unverified');
            const notes = [
                ...failing.map((c) => `${cut(c.name, limits)} = ${(0,markdown.md)((0,format/* formatValue */.Fl)(c.value))}`),
                ...(unread.length
                    ? [`${unread.map((c) => cut(c.name, limits)).join(', ')} not verified (could not be read)`]
                    : []),
                ...(noData ? [`${noData} without data`] : []),
            ];
            return [
                String(i + 1),
                (0,format/* clockTime */.qo)(r.at) ?? '',
                statusCell(failing.length ? 'fail' : unread.length ? 'unverified' : 'pass'),
                notes.join('; '),
            ];
        });
        // Keep the first rounds and the last ones (where a breach usually is) when there are too many.
        const half = Math.max(1, Math.floor(limits.rounds / 2));
        const shown = rows.length > limits.rounds
            ? [
                ...rows.slice(0, half),
                ['…', '', '', `${rows.length - 2 * half} rounds not shown: ${LIMIT_NOTE}`],
                ...rows.slice(-half),
            ]
            : rows;
        out.push((0,markdown/* table */.tp)(['Round', 'At', 'Result', 'Failing checks'], shown), '');
    }
    if (d.rollback) {
        out.push(`#### Rollback (${(0,markdown.md)(d.rollback.mode)}): ${d.rollback.done ? '✅ done' : '❌ not done'}`, '', cut(d.rollback.message, limits), '');
    }
    if (d.hook) {
        out.push(`#### Pause hook (${(0,markdown.md)(d.hook.mode)}): ${(0,markdown.md)(hookAnswerOf(d.hook))}`, '', cut(d.hook.message, limits), '');
    }
    return out;
}

;// CONCATENATED MODULE: ../src/report/summary.ts







/** GitHub rejects a step summary above 1 MiB (1,048,576 bytes); keep a margin for other writers. */
const SUMMARY_MAX_BYTES = 1_000_000;
function renderSummary(result, context = {}) {
    let limits = DEFAULT_LIMITS;
    for (let i = 0; i < 8; i++) {
        const text = render(result, context, limits);
        if (Buffer.byteLength(text) <= SUMMARY_MAX_BYTES)
            return text;
        limits = {
            rows: Math.floor(limits.rows / 2),
            diffLines: Math.floor(limits.diffLines / 2),
            logLines: Math.floor(limits.logLines / 2),
            cell: Math.max(80, Math.floor(limits.cell / 2)),
            rounds: Math.max(2, Math.floor(limits.rounds / 2)),
        };
    }
    // Still too big (thousands of warnings?): cut hard, and say so.
    const text = render(result, context, limits);
    const note = '\n\n_… the rest of this summary was cut: the job summary is limited to 1 MiB per step._\n';
    let cutText = text.slice(0, SUMMARY_MAX_BYTES - note.length);
    while (Buffer.byteLength(cutText) > SUMMARY_MAX_BYTES - note.length)
        cutText = cutText.slice(0, -1000);
    return cutText + note;
}
function render(result, context, limits) {
    const outcome = outcomeOf(result);
    const target = targetOf(result);
    const reasonText = (0,format/* truncate */.xv)(result.reason, 4000);
    const said = {
        links: new LinksOnce(),
        reason: reasonText,
        commit: result.commitSha,
        version: (0,commits/* versionBesidesCommit */.jA)(result.version, result.commitSha),
    };
    const lines = [
        `## ${iconOf(result)} ${(0,markdown.md)(headlineOf(result))}${target ? `: ${(0,markdown.md)(target)}` : ''}`,
        '',
    ];
    if (context.alertFailure)
        lines.push(`> ❌ **This step failed** because the alert could not be delivered (fail-on-alert-error: true): ${cut(context.alertFailure, limits)}. ${outcome === 'cancelled' ? 'The run was cancelled.' : `The verdict is unchanged: ${outcome}.`}`, '');
    // The reason links what it names (a failed build's log): the first place a reader looks, so it keeps them.
    said.links.noteText(reasonText);
    const reason = (0,markdown.md)(reasonText);
    lines.push(`**${outcome === 'success' ? 'Result' : outcome === 'cancelled' ? 'Cancelled' : 'Why'}:** ${reason}`, '');
    lines.push(...whatRan(result, context, said), '');
    const d = result.details;
    if (d.kind === 'monitor')
        lines.push(...monitorSection(d, limits, said));
    else if (d.kind === 'create-pipeline')
        lines.push(...createPipelineSection(d, limits, said, result.verdict === 'failure'));
    else if (d.services?.length)
        // Several services: a section each, as a single service's.
        for (const one of d.services)
            lines.push(...validateSection({ kind: 'validate', ...one }, limits));
    else
        lines.push(...validateSection(d, limits));
    if (result.warnings.length) {
        const shown = result.warnings.slice(0, limits.rows);
        lines.push('#### Warnings', '', ...shown.map((w) => `- ⚠️ ${cut(w, limits)}`));
        if (result.warnings.length > shown.length)
            lines.push(`- _… ${result.warnings.length - shown.length} more not shown_`);
        lines.push('');
    }
    if (context.deliveries?.length) {
        lines.push('#### Notifications', '', ...context.deliveries.map((l) => `- ${l.ok ? '✅' : '⚠️'} ${(0,markdown.md)(l.channel)}: ${withCode(l.text, limits)}`), '');
    }
    if (context.run?.runUrl)
        lines.push(`<sub>${said.links.link('Workflow run', context.run.runUrl)}</sub>`, '');
    return lines.join('\n');
}
function whatRan(result, context, said) {
    const commitUrl = result.commitSha && context.run?.repository
        ? `${context.run.serverUrl}/${context.run.repository}/commit/${result.commitSha}`
        : undefined;
    const cells = [['Mode', (0,markdown/* code */.aY)(result.mode)]];
    if (result.pipelineName)
        cells.push(['Pipeline', (0,markdown/* code */.aY)(result.pipelineName)]);
    if (result.details.kind === 'validate')
        cells.push(['Service', (0,markdown/* code */.aY)(`${result.details.cluster}/${result.details.service}`)]);
    if (result.environment)
        cells.push(['Environment', (0,markdown.md)((0,format/* truncate */.xv)(result.environment, 200))]);
    if (said.version)
        cells.push(['Version', (0,markdown/* code */.aY)((0,format/* truncate */.xv)(said.version, 200))]);
    if (result.commitSha)
        cells.push([
            'Commit',
            commitUrl ? said.links.link((0,commits/* shortSha */.Fu)(result.commitSha), commitUrl) : (0,markdown/* code */.aY)((0,commits/* shortSha */.Fu)(result.commitSha)),
        ]);
    cells.push(['Region', (0,markdown.md)(result.region)]);
    const took = (0,format/* formatDuration */.a3)((0,format/* secondsBetween */.O1)(result.startedAt, result.endedAt));
    if (took)
        cells.push(['Step duration', took]);
    return [
        (0,markdown/* table */.tp)(cells.map(([k]) => k), [cells.map(([, v]) => v)]),
    ];
}
/** Delivery text with `inline code` spans kept as code (the permissions fix), everything else escaped. */
function withCode(text, limits) {
    const parts = (0,format/* truncate */.xv)(text, limits.cell).split(/`([^`\n]+)`/);
    return parts.map((p, i) => (i % 2 === 1 ? (0,markdown/* code */.aY)(p) : (0,markdown.md)(p))).join('');
}

;// CONCATENATED MODULE: ../src/report/index.ts
// Everything a step tells the outside world, rendered from one StepResult: outputs, job summary, alerts
// (Slack, e-mail through SNS), the commit status and the GitHub deployment. Reports never read AWS state, and a failed delivery never
// changes the verdict: it becomes a warning (or fails the step with fail-on-alert-error).










/**
 * Called once the config is valid, before the mode runs: the commit status becomes `pending`, the deployment
 * `in_progress`.
 */
async function reportStart(config, deps) {
    if (!(0,start/* startIsReported */.K)(config))
        return {};
    const redact = redactorOf(config, deps);
    const status = await postPendingStatus(config, deps, redact);
    return { ...status, ...(await startDeployment(config, deps, redact)) };
}
/** Publishes the result: alerts, commit status, outputs, summary. Never throws for a delivery problem. */
async function reportEnd(result, config, deps, session = {}) {
    const redact = redactorOf(config, deps);
    const redacted = redactResult(result, redact);
    // Alerts first: their outcome is an output and a summary line.
    const alerts = await sendAlerts(redacted, config, deps, redact);
    const status = await postFinalStatus(redacted, config, deps, session, redact);
    const deployment = await endDeployment(redacted, config, deps, session, redact);
    const problem = (0,alert_policy/* undeliveredAlert */.K4)(redacted, alerts.failures, config.reporting.failOnAlertError);
    writeOutputs(redacted, alerts.sent, deps, redact);
    await writeSummary(redacted, {
        run: config.run,
        deliveries: [...alerts.lines, status, deployment].filter((l) => l !== undefined),
        // With fail-on-alert-error the step fails although the verdict stands: the summary must say so at the top.
        alertFailure: problem && problem.effect !== 'warning' ? problem.line : undefined,
    }, deps, redact);
    for (const w of redacted.warnings)
        deps.log.warning(redact(w));
    if (!problem)
        return { alertSent: alerts.sent };
    // main says this line after the verdict's own (fails the step with it when the verdict is a success).
    if (problem.effect !== 'warning')
        return { alertSent: alerts.sent, problem };
    deps.log.warning((0,alert_policy/* unchangedVerdictWarning */.Pd)(redacted, problem));
    return { alertSent: alerts.sent };
}
/**
 * Redacted once, before anything renders it: Markdown escaping or truncation would otherwise turn a secret quoted
 * in an AWS message into a form the redactor no longer recognises. The alert, the summary and the outputs are all
 * built from this copy.
 */
function redactResult(result, redact) {
    return JSON.parse(redact(JSON.stringify(result)));
}
function writeOutputs(result, alertSent, deps, redact) {
    const setOutput = deps.output ?? core.setOutput;
    for (const [name, value] of Object.entries(toOutputs(result, alertSent)))
        setOutput(name, redact(value));
}
/** Appends the job summary; a summary that cannot be written is a warning, never a failed step. */
async function writeSummary(result, context, deps, redact) {
    const summaryPath = deps.env.GITHUB_STEP_SUMMARY;
    if (!summaryPath)
        return;
    const summary = redact(renderSummary(result, context));
    try {
        await (0,promises_.appendFile)(summaryPath, summary);
    }
    catch (e) {
        deps.log.warning(`Could not write the job summary: ${e.message}`);
    }
}


/***/ })

};
