export const id = 63;
export const ids = [63];
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

/***/ 7063:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ../src/commits.ts
var commits = __webpack_require__(7253);
// EXTERNAL MODULE: ../node_modules/@aws-sdk/client-codepipeline/dist-es/CodePipelineClient.js + 8 modules
var CodePipelineClient = __webpack_require__(7153);
// EXTERNAL MODULE: ../src/result.ts
var result = __webpack_require__(6738);
// EXTERNAL MODULE: ../src/backoff.ts
var backoff = __webpack_require__(6383);
// EXTERNAL MODULE: ../src/aws-errors.ts
var aws_errors = __webpack_require__(8604);
// EXTERNAL MODULE: ../src/cancel.ts
var cancel = __webpack_require__(9969);
// EXTERNAL MODULE: ../src/execution/links.ts
var links = __webpack_require__(2639);
// EXTERNAL MODULE: ../node_modules/@aws-sdk/client-codepipeline/dist-es/commandBuilder.js
var commandBuilder = __webpack_require__(3574);
// EXTERNAL MODULE: ../node_modules/@aws-sdk/client-codepipeline/dist-es/schemas/schemas_0.js + 2 modules
var schemas_0 = __webpack_require__(2640);
;// CONCATENATED MODULE: ../node_modules/@aws-sdk/client-codepipeline/dist-es/commands/CreatePipelineCommand.js


class CreatePipelineCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "CreatePipeline", schemas_0/* CreatePipeline$ */.bP8) {
}

;// CONCATENATED MODULE: ../node_modules/@aws-sdk/client-codepipeline/dist-es/commands/UpdatePipelineCommand.js


class UpdatePipelineCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "UpdatePipeline", schemas_0/* UpdatePipeline$ */.kIx) {
}

;// CONCATENATED MODULE: ../node_modules/@aws-sdk/client-codepipeline/dist-es/commands/UntagResourceCommand.js


class UntagResourceCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "UntagResource", schemas_0/* UntagResource$ */.AUX) {
}

;// CONCATENATED MODULE: ../node_modules/@aws-sdk/client-codepipeline/dist-es/commands/TagResourceCommand.js


class TagResourceCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "TagResource", schemas_0/* TagResource$ */.Jqp) {
}

;// CONCATENATED MODULE: ../src/pipeline/apply.ts
// The write calls: CreatePipeline (with tags), UpdatePipeline (with the version AWS expects) and tag changes on
// an existing pipeline (TagResource / UntagResource on the ARN GetPipeline reported).


async function createPipeline(cp, declaration, tags) {
    const { version: _v, ...pipeline } = declaration;
    const out = await (0,aws_errors/* call */.T1)('codepipeline', 'CreatePipeline', () => cp.send(new CreatePipelineCommand({ pipeline, tags: tags.length ? tags : undefined })));
    return { version: out.pipeline?.version ?? 1 };
}
async function updatePipeline(cp, declaration, currentVersion) {
    const out = await (0,aws_errors/* call */.T1)('codepipeline', 'UpdatePipeline', () => cp.send(new UpdatePipelineCommand({ pipeline: { ...declaration, version: currentVersion } })));
    return { version: out.pipeline?.version };
}
/** Applies tag changes; returns what was done, for the notes. */
async function applyTags(cp, arn, changes) {
    if (changes.remove.length > 0)
        await (0,aws_errors/* call */.T1)('codepipeline', 'UntagResource', () => cp.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: changes.remove })));
    const set = Object.entries(changes.set).map(([key, value]) => ({ key, value }));
    if (set.length > 0)
        await (0,aws_errors/* call */.T1)('codepipeline', 'TagResource', () => cp.send(new TagResourceCommand({ resourceArn: arn, tags: set })));
}

// EXTERNAL MODULE: ../src/format.ts
var format = __webpack_require__(8904);
// EXTERNAL MODULE: ../node_modules/@aws-sdk/client-codepipeline/dist-es/commands/ListPipelineExecutionsCommand.js
var ListPipelineExecutionsCommand = __webpack_require__(7057);
// EXTERNAL MODULE: ../src/facts/codepipeline.ts
var codepipeline = __webpack_require__(6952);
;// CONCATENATED MODULE: ../src/pipeline/in-flight.ts
// UpdatePipeline cancels the executions in flight. Before an update the action waits (within the timeout) for
// every running execution to end, saying which one it waits for, instead of cancelling a deploy by surprise.





/** Executions that an update would cancel, newest first (one page: running executions are the newest). */
async function runningExecutions(cp, pipelineName, signal) {
    const page = await (0,aws_errors/* call */.T1)('codepipeline', 'ListPipelineExecutions', () => cp.send(new ListPipelineExecutionsCommand/* ListPipelineExecutionsCommand */.b({ pipelineName, maxResults: 100 }), { abortSignal: signal }));
    return (page.pipelineExecutionSummaries ?? []).filter((e) => (0,codepipeline/* isRunning */.W_)(e.status));
}
const describe = (e) => {
    const commit = e.sourceRevisions?.find((r) => r.revisionId)?.revisionId;
    return `${e.pipelineExecutionId} (${e.status}${commit ? `, commit ${(0,commits/* shortSha */.Fu)(commit)}` : ''})`;
};
async function waitUntilIdle(cp, pipelineName, deps, opts) {
    const started = deps.now();
    const waitedFor = [];
    let reported = '';
    for (;;) {
        const running = await (0,backoff/* readPatiently */.Bk)(() => runningExecutions(cp, pipelineName, deps.signal), deps, {
            deadline: opts.deadline,
            intervalMs: opts.pollMs,
        });
        if (running.length === 0) {
            if (waitedFor.length > 0)
                deps.log.info(`No execution is running any more; updating now.`);
            return { waitedFor, cancelled: false, waitedMs: deps.now() - started };
        }
        for (const e of running)
            if (e.pipelineExecutionId && !waitedFor.includes(e.pipelineExecutionId))
                waitedFor.push(e.pipelineExecutionId);
        const line = running.map(describe).join(', ');
        if (line !== reported) {
            deps.log.info(`Waiting for ${running.length === 1 ? 'execution' : 'executions'} ${line} to end before UpdatePipeline (an update would cancel ${running.length === 1 ? 'it' : 'them'}).`);
            reported = line;
        }
        const left = opts.deadline - deps.now();
        if (deps.signal.aborted || left <= 0)
            return {
                waitedFor,
                stillRunning: running[0],
                cancelled: deps.signal.aborted,
                waitedMs: deps.now() - started,
            };
        await deps.sleep(Math.min(opts.pollMs, left), deps.signal);
    }
}

;// CONCATENATED MODULE: ../src/pipeline/step.ts
function withDone(details, done) {
    return { ...details, ...done, notes: [...details.notes, ...(done.notes ?? [])] };
}
/** Ends the mode with a failure line (already user-facing). */
class Stop extends Error {
    cancelled;
    constructor(message, cancelled = false) {
        super(message);
        this.cancelled = cancelled;
    }
}
/** A step that failed part way: `error` is why, `done` what it had changed before (still reported). */
class Unfinished extends Error {
    error;
    done;
    constructor(error, done) {
        super('a step failed part way');
        this.error = error;
        this.done = done;
    }
}
/** Runs `work`; if it throws, `done` (what the step had done before) is kept for the report. */
async function keepOnFailure(done, work) {
    try {
        return await work();
    }
    catch (e) {
        throw new Unfinished(e, done);
    }
}

;// CONCATENATED MODULE: ../src/pipeline/tags.ts
function tagChanges(desired, current) {
    const want = Object.fromEntries(desired.map((t) => [t.key, t.value]));
    const set = Object.fromEntries(Object.entries(want).filter(([k, v]) => current[k] !== v));
    const remove = Object.keys(current).filter((k) => !(k in want) && !k.startsWith('aws:'));
    return { set, remove, current };
}
const hasTagChanges = (c) => c !== undefined && (Object.keys(c.set).length > 0 || c.remove.length > 0);

;// CONCATENATED MODULE: ../src/pipeline/change.ts





async function apply(step, plan, current) {
    if (plan.action === 'create')
        return { done: await create(step), created: true };
    if (plan.action === 'update' && current)
        return { done: await update(step, plan, current), created: false };
    return { done: { change: 'unchanged' }, created: false };
}
async function create({ cp, deps, desired, config, name }) {
    const out = await deps.log.group(`Create pipeline ${name}`, () => createPipeline(cp, desired.declaration, config.tags));
    deps.log.info(`Created pipeline ${name} (version ${out.version}).`);
    return { change: 'created', pipelineVersion: out.version };
}
async function update(step, plan, current) {
    return step.deps.log.group(`Update pipeline ${step.name}`, async () => {
        const declared = plan.declarationChanged ? await updateDeclaration(step, current) : {};
        return updateTags(step, plan, current, declared);
    });
}
/** UpdatePipeline, once every running execution has ended; refused when one still runs at the deadline. */
async function updateDeclaration(step, current) {
    const { cp, deps, desired, name } = step;
    const waited = await waitForIdle(step);
    const out = await keepOnFailure({ notes: waited }, () => updatePipeline(cp, desired.declaration, current.version));
    deps.log.info(`Updated pipeline ${name} to version ${out.version}.`);
    return { change: 'updated', pipelineVersion: out.version, notes: waited };
}
/** Waits for the running executions to end; what it waited for, as a note. */
async function waitForIdle({ cp, deps, config, name, patience }) {
    const idle = await waitUntilIdle(cp, name, deps, {
        deadline: patience.deadline,
        pollMs: config.follow.pollIntervalMs,
    });
    if (idle.stillRunning) {
        const id = idle.stillRunning.pipelineExecutionId;
        throw new Stop(idle.cancelled
            ? `Pipeline "${name}" was not updated: cancelled while waiting for execution ${id} to end.`
            : `Pipeline "${name}" was not updated: execution ${id} was still ${idle.stillRunning.status} when timeout-minutes ran out, after ${(0,format/* minutes */.Gx)(config.timeoutMs)}; an update would have cancelled it. Re-run when it has ended.`, idle.cancelled);
    }
    if (idle.waitedFor.length === 0)
        return [];
    return [
        `Waited ${(0,format/* minutes */.Gx)(idle.waitedMs)} for execution ${idle.waitedFor.join(', ')} to end before updating (an update cancels running executions).`,
    ];
}
/** The tag changes, after the declaration's update (`declared`: what that did). */
async function updateTags(step, plan, current, declared) {
    const { tagChanges } = plan;
    const { arn } = current;
    if (!tagChanges || !hasTagChanges(tagChanges) || !arn)
        return declared;
    await keepOnFailure(declared, () => applyTags(step.cp, arn, tagChanges));
    step.deps.log.info(`Updated the pipeline's tags.`);
    const onlyTags = plan.declarationChanged
        ? []
        : ['Only the tags changed: the declaration and its version stay as they were.'];
    return { ...declared, change: 'updated', notes: [...(declared.notes ?? []), ...onlyTags] };
}

;// CONCATENATED MODULE: ../src/pipeline/names.ts
// The fixed names of the generated pipeline's stages, actions, artifacts and variables. Buildspecs, the
// emulator's scenarios and the docs refer to them, so they are part of the public contract.
const Stage = {
    Source: 'Source',
    Build: 'Build',
    Test: 'Test',
    Approval: 'Approval',
    Deploy: 'Deploy',
};
const Action = {
    Source: 'Source',
    Build: 'Build',
    UnitTest: 'UnitTest',
    IntegrationTest: 'IntegrationTest',
    Approval: 'Approval',
    Deploy: 'Deploy',
};
const Artifact = { Source: 'SourceArtifact', Build: 'BuildArtifact' };
/** Namespace of the Source action's output variables (`#{SourceVariables.CommitId}`). */
const SOURCE_NAMESPACE = 'SourceVariables';
/** The pipeline variable the Build action passes to CodeBuild. */
const VERSION_VARIABLE = 'VERSION';
/**
 * VERSION's default value: what a run not started by this action (a push, a console "Release change") gets.
 * It cannot be the release version itself, or every new version would change the pipeline. The buildspec
 * contract: `auto` means "use the first 7 characters of COMMIT_ID" — the action's own default version.
 */
const VERSION_DEFAULT = 'auto';

;// CONCATENATED MODULE: ../src/pipeline/declaration.ts

const aws = (category, provider) => ({
    category,
    owner: 'AWS',
    provider,
    version: '1',
});
/** CodeBuild's `EnvironmentVariables` setting: a JSON array serialised into one string (≤1000 chars). */
function codeBuildEnvironment(vars) {
    return JSON.stringify(Object.entries(vars).map(([name, value]) => ({ name, value, type: 'PLAINTEXT' })));
}
/** Every CodeBuild action gets the release version and the commit it builds. */
const releaseVariables = {
    VERSION: `#{variables.${VERSION_VARIABLE}}`,
    // From the Source action's output variables, so a push-started run (no VERSION given) still knows it.
    COMMIT_ID: `#{${SOURCE_NAMESPACE}.CommitId}`,
};
function testAction(name, testType, project) {
    return {
        name,
        actionTypeId: aws('Test', 'CodeBuild'),
        runOrder: 1, // both test actions share runOrder 1: they run in parallel
        configuration: {
            ProjectName: project,
            EnvironmentVariables: codeBuildEnvironment({ TEST_TYPE: testType, ...releaseVariables }),
        },
        inputArtifacts: [{ name: Artifact.Source }],
    };
}
/**
 * Push triggering made explicit. On a V2 pipeline whose CodeConnections source has DetectChanges on, AWS adds
 * this very trigger by itself and GetPipeline then returns it; declaring it keeps the declaration we send
 * identical to the one we read back (otherwise every run would see a difference and update), and shows the
 * behaviour in the pipeline instead of leaving it implicit.
 */
function pushTrigger(sourceActionName, branch) {
    return {
        providerType: 'CodeStarSourceConnection',
        gitConfiguration: { sourceActionName, push: [{ branches: { includes: [branch] } }] },
    };
}
/**
 * A stage of its own, so that a rejection (or seven days without an answer) fails this stage and never
 * triggers the Deploy stage's rollback. Only the details given are configured: AWS takes any of the three.
 */
function approvalStage(a) {
    const configuration = {};
    if (a.snsTopicArn !== undefined)
        configuration.NotificationArn = a.snsTopicArn;
    if (a.reviewUrl !== undefined)
        configuration.ExternalEntityLink = a.reviewUrl;
    if (a.comment !== undefined)
        configuration.CustomData = a.comment;
    return {
        name: Stage.Approval,
        actions: [
            {
                name: Action.Approval,
                actionTypeId: aws('Approval', 'Manual'),
                runOrder: 1,
                ...(Object.keys(configuration).length > 0 ? { configuration } : {}),
            },
        ],
    };
}
function deployStage(c) {
    return {
        name: Stage.Deploy,
        actions: [
            {
                name: Action.Deploy,
                actionTypeId: aws('Deploy', 'ECS'),
                runOrder: 1,
                configuration: {
                    ClusterName: c.cluster,
                    ServiceName: c.service,
                    FileName: c.imageDefinitionsFile,
                },
                inputArtifacts: [{ name: Artifact.Build }],
            },
        ],
        // A V2 stage setting: a failed deploy starts a ROLLBACK execution of this stage to the last one that
        // succeeded in it (https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-rollback-auto.html).
        ...(c.rollbackOnFailure ? { onFailure: { result: 'ROLLBACK' } } : {}),
    };
}
function buildDeclaration(c) {
    const push = c.sourceTrigger === 'push';
    return {
        name: c.pipelineName,
        roleArn: c.roleArn,
        pipelineType: 'V2',
        executionMode: c.executionMode,
        artifactStore: { type: 'S3', location: c.artifactBucket },
        variables: [
            {
                name: VERSION_VARIABLE,
                defaultValue: VERSION_DEFAULT,
                description: `Release version passed to CodeBuild; "${VERSION_DEFAULT}" = first 7 characters of COMMIT_ID.`,
            },
        ],
        ...(push ? { triggers: [pushTrigger(Action.Source, c.branch)] } : {}),
        stages: [
            {
                name: Stage.Source,
                actions: [
                    {
                        name: Action.Source,
                        actionTypeId: aws('Source', 'CodeStarSourceConnection'),
                        runOrder: 1,
                        configuration: {
                            ConnectionArn: c.connectionArn,
                            FullRepositoryId: c.repository,
                            BranchName: c.branch,
                            DetectChanges: String(push),
                        },
                        outputArtifacts: [{ name: Artifact.Source }],
                        namespace: SOURCE_NAMESPACE,
                    },
                ],
            },
            {
                name: Stage.Build,
                actions: [
                    {
                        name: Action.Build,
                        actionTypeId: aws('Build', 'CodeBuild'),
                        runOrder: 1,
                        configuration: {
                            ProjectName: c.buildProject,
                            EnvironmentVariables: codeBuildEnvironment(releaseVariables),
                        },
                        inputArtifacts: [{ name: Artifact.Source }],
                        // The build writes image-definitions-file into this artifact (the buildspec contract).
                        outputArtifacts: [{ name: Artifact.Build }],
                    },
                ],
            },
            {
                name: Stage.Test,
                actions: [
                    testAction(Action.UnitTest, 'unit', c.testProject),
                    testAction(Action.IntegrationTest, 'integration', c.testProject),
                ],
            },
            ...(c.approval ? [approvalStage(c.approval)] : []),
            deployStage(c),
        ],
    };
}

;// CONCATENATED MODULE: ../src/pipeline/definition.ts


function desiredPipeline(config) {
    const warnings = [];
    let declaration;
    let source = 'generated';
    if (config.pipelineDefinition) {
        source = { path: config.pipelineDefinition.path };
        // `aws codepipeline get-pipeline` output carries `version`; AWS sets it, the action never sends a stale one.
        const { version: _version, ...fromFile } = config.pipelineDefinition
            .declaration;
        declaration = { ...fromFile };
        if (typeof declaration.name !== 'string' || declaration.name === '')
            declaration.name = config.pipelineName;
        else if (declaration.name !== config.pipelineName)
            warnings.push(`pipeline-definition names the pipeline "${declaration.name}" but pipeline-name is "${config.pipelineName}"; using "${declaration.name}" (later monitor/validate steps must use the same name).`);
        if (!declaration.roleArn && config.roleArn)
            declaration.roleArn = config.roleArn;
    }
    else {
        declaration = buildDeclaration({
            ...config,
            roleArn: config.roleArn ?? '',
            connectionArn: config.connectionArn ?? '',
        });
    }
    const version = (declaration.variables ?? []).find((v) => v.name === VERSION_VARIABLE);
    return {
        declaration,
        source,
        pinnedSourceActions: sourceActionsOf(declaration, config.repository),
        hasVersionVariable: version !== undefined,
        versionDefault: version?.defaultValue,
        warnings,
    };
}
/**
 * The source actions that build `repository`: CodeConnections sources whose FullRepositoryId names it. A
 * definition that reads several repositories gets only the matching one pinned (pinning another repository's
 * source to this commit would make no sense).
 */
function sourceActionsOf(d, repository) {
    const names = [];
    for (const stage of d.stages ?? [])
        for (const action of stage.actions ?? []) {
            const t = action.actionTypeId;
            if (t?.category !== 'Source' || t.provider !== 'CodeStarSourceConnection')
                continue;
            const repo = action.configuration?.FullRepositoryId;
            if (repo !== undefined && repo.toLowerCase() === repository.toLowerCase() && action.name)
                names.push(action.name);
        }
    return names;
}
/** Stage/action table of a declaration, for the summary. */
function stageTable(d) {
    return (d.stages ?? []).map((s) => ({
        name: s.name ?? '',
        actions: (s.actions ?? []).map((a) => ({
            name: a.name ?? '',
            provider: a.actionTypeId?.provider ?? '',
            runOrder: a.runOrder ?? 1,
        })),
    }));
}

;// CONCATENATED MODULE: ../src/pipeline/dry-run.ts
// The dry-run step: what a real run would do — the plan (its diff is already in the details), the executions it
// would wait for, the execution it would start — said without changing anything.




async function dryRun(step, plan, exists) {
    const { deps, name } = step;
    const would = plan.action === 'create'
        ? 'would be created'
        : plan.action === 'update'
            ? 'would be updated'
            : 'is unchanged';
    const waits = exists && plan.declarationChanged;
    const running = waits ? await keepOnFailure({ change: 'planned' }, () => wouldWaitFor(step)) : [];
    deps.log.info(`Dry run: pipeline ${name} ${would}; nothing was changed.`);
    return {
        reason: `Dry run: pipeline "${name}" ${would}${plan.action === 'none' ? '' : ' (see the diff)'}; nothing was changed.`,
        done: {
            change: 'planned',
            notes: [...running, ...wouldStart(step.config), 'Dry run: nothing was changed.'],
        },
    };
}
/** The running executions a real update would wait for, as a note. */
async function wouldWaitFor({ cp, deps, name, patience }) {
    const running = await (0,backoff/* readPatiently */.Bk)(() => runningExecutions(cp, name, deps.signal), deps, patience);
    if (running.length === 0)
        return [];
    return [
        `Execution ${running.map((e) => e.pipelineExecutionId).join(', ')} is running: a real run would wait for it to end before updating.`,
    ];
}
function wouldStart(config) {
    if (!config.startExecution || !config.commitSha)
        return [];
    return [
        `A real run would start an execution of ${(0,commits/* shortSha */.Fu)(config.commitSha)}${config.version ? ` with VERSION=${config.version}` : ''}.`,
    ];
}

;// CONCATENATED MODULE: ../src/pipeline/errors.ts
// AWS errors turned into the one line a user can act on: which pipeline, which call, AWS's own message, and
// what to do about it (for access denied: the IAM action to allow). Pure.

const DECLARATION_ERRORS = new Set([
    'InvalidStructureException',
    'InvalidStageDeclarationException',
    'InvalidActionDeclarationException',
    'InvalidBlockerDeclarationException',
    'ValidationException',
]);
/** What CreatePipeline/UpdatePipeline need besides their own action: passing the pipeline's role. */
function passRole(operation, roleArn) {
    if (!WRITES.has(operation))
        return [];
    return [roleArn ? `iam:PassRole on ${roleArn}` : 'iam:PassRole on the pipeline role'];
}
/** The IAM actions a call needs from the caller. */
function iamActionsFor(operation, roleArn) {
    return [iamAction({ service: 'codepipeline', operation }), ...passRole(operation, roleArn)];
}
const WRITES = new Set(['CreatePipeline', 'UpdatePipeline']);
/** Advice for CodePipeline's own errors (access denied and missing credentials are aws-errors.ts's). */
function hint(error, operation, ctx) {
    const code = (0,aws_errors/* errorCode */.CA)(error);
    if (DECLARATION_ERRORS.has(code))
        return ctx.definitionPath
            ? `Fix the declaration in ${ctx.definitionPath}.`
            : 'Check the create-pipeline inputs the declaration is built from (see the diff in the job summary).';
    // For a write, LimitExceededException is a quota (pipelines per Region, actions per pipeline), not a rate.
    if (code === 'LimitExceededException' && WRITES.has(operation))
        return 'An AWS quota was reached (e.g. pipelines per Region or actions per pipeline); the SDK retried it as throttling before giving up. Request a quota increase or remove unused pipelines.';
    if ((0,aws_errors/* isThrottling */.E2)(error))
        return `AWS kept throttling after ${ctx.maxAttempts ?? 'the configured'} attempts; raise max-attempts or re-run later.`;
    switch (code) {
        case 'PipelineNameInUseException':
            return 'A pipeline of this name appeared between the read and the create (a concurrent run?); re-run to update it instead.';
        case 'ConcurrentModificationException':
            return 'The pipeline was changed by someone else at the same time; re-run.';
        case 'InvalidTagsException':
        case 'TooManyTagsException':
            return 'Check the tags input (at most 50 tags; keys must not start with "aws:").';
        case 'PipelineNotFoundException':
            return 'The pipeline disappeared while this step ran (deleted concurrently?); re-run.';
        case 'ConcurrentPipelineExecutionsLimitExceededException':
            return 'Too many executions of this pipeline are already running; wait for some to finish.';
        case 'ConflictException':
            return 'AWS refused the start as conflicting with another request with the same client token; re-run the workflow.';
    }
    return undefined;
}
/** `Pipeline "shop-staging": CreatePipeline failed — InvalidStructureException: <AWS message>. <what to do>` */
function failureLine(operation, error, ctx) {
    return (0,aws_errors/* failureLine */.Pu)({ service: 'codepipeline', operation }, error, {
        subject: `Pipeline "${ctx.pipelineName}"`,
        extraActions: passRole(operation, ctx.roleArn),
        rejected: DECLARATION_ERRORS.has((0,aws_errors/* errorCode */.CA)(error)),
        hint: hint(error, operation, ctx),
    });
}

;// CONCATENATED MODULE: ../src/pipeline/limits.ts
const NAME = /^[A-Za-z0-9.@\-_]{1,100}$/;
const ARTIFACT = /^[a-zA-Z0-9_-]{1,100}$/;
const BUCKET = /^[a-zA-Z0-9.-]{3,63}$/;
const VARIABLE = /^[A-Za-z0-9@\-_]{1,128}$/;
const MAX_CONFIGURATION_VALUE = 1000;
const MAX_CONFIGURATION_KEY = 50;
/** Every problem found, each naming where it is; empty when the declaration is within AWS's limits. */
function declarationProblems(d) {
    const problems = [];
    const name = (what, value, pattern = NAME) => {
        if (value === undefined || !pattern.test(value))
            problems.push(`${what} ${JSON.stringify(value ?? '')} must be 1–100 characters of ${pattern === NAME ? 'A-Z a-z 0-9 . @ - _' : 'A-Z a-z 0-9 - _'}`);
    };
    name('pipeline name', d.name);
    if (!d.roleArn)
        problems.push('roleArn is missing (set role-arn or "roleArn" in the definition)');
    if (d.artifactStore && !BUCKET.test(d.artifactStore.location ?? ''))
        problems.push(`artifact store location ${JSON.stringify(d.artifactStore.location ?? '')} must be an S3 bucket name of 3–63 characters`);
    if (!d.artifactStore && !d.artifactStores)
        problems.push('artifactStore is missing (the S3 bucket for artifacts)');
    const stages = d.stages ?? [];
    if (stages.length < 2 || stages.length > 50)
        problems.push(`a pipeline has 2–50 stages; this one has ${stages.length}`);
    for (const v of d.variables ?? []) {
        if (!VARIABLE.test(v.name ?? ''))
            problems.push(`variable name ${JSON.stringify(v.name ?? '')} is invalid`);
        if (v.defaultValue !== undefined && (v.defaultValue.length < 1 || v.defaultValue.length > 1000))
            problems.push(`variable ${v.name} default value must be 1–1000 characters`);
    }
    for (const stage of stages) {
        name('stage name', stage.name);
        const actions = stage.actions ?? [];
        if (actions.length < 1 || actions.length > 50)
            problems.push(`stage ${stage.name} has ${actions.length} actions; a stage has 1–50`);
        for (const action of actions) {
            const where = `${stage.name} › ${action.name}`;
            name(`action name in stage ${stage.name}`, action.name);
            for (const a of [...(action.inputArtifacts ?? []), ...(action.outputArtifacts ?? [])])
                name(`artifact name in ${where}`, a.name, ARTIFACT);
            for (const [key, value] of Object.entries(action.configuration ?? {})) {
                if (key.length < 1 || key.length > MAX_CONFIGURATION_KEY)
                    problems.push(`${where}: configuration key "${key}" must be 1–${MAX_CONFIGURATION_KEY} characters`);
                if (typeof value !== 'string')
                    problems.push(`${where}: configuration ${key} must be a string (JSON-valued settings are serialised)`);
                else if (value.length < 1)
                    problems.push(`${where}: configuration ${key} is empty; AWS requires 1–${MAX_CONFIGURATION_VALUE} characters`);
                else if (value.length > MAX_CONFIGURATION_VALUE)
                    problems.push(`${where}: configuration ${key} is ${value.length} characters; AWS allows at most ${MAX_CONFIGURATION_VALUE}`);
            }
        }
    }
    return problems;
}

;// CONCATENATED MODULE: ../src/pipeline/canonical.ts
const MASK = '****';
/** Drops undefined/null, empty arrays and empty objects, recursively: AWS treats them as absent. */
function pruneEmpty(value) {
    if (value === undefined || value === null)
        return undefined;
    if (value instanceof Date)
        return value.toISOString();
    if (Array.isArray(value)) {
        const items = value.map(pruneEmpty).filter((v) => v !== undefined);
        return items.length === 0 ? undefined : items;
    }
    if (typeof value === 'object') {
        const out = {};
        for (const [k, v] of Object.entries(value)) {
            const p = pruneEmpty(v);
            if (p !== undefined)
                out[k] = p;
        }
        return Object.keys(out).length === 0 ? undefined : out;
    }
    return value;
}
/** The trigger AWS adds by itself to a V2 pipeline whose CodeConnections source detects changes. */
function isImplicitTrigger(t, d) {
    const git = t.gitConfiguration;
    if (t.providerType !== 'CodeStarSourceConnection' || !git || git.pullRequest?.length)
        return false;
    const source = (d.stages ?? [])
        .flatMap((s) => s.actions ?? [])
        .find((a) => a.name === git.sourceActionName && a.actionTypeId?.provider === 'CodeStarSourceConnection');
    if (!source || source.configuration?.DetectChanges === 'false')
        return false;
    const push = git.push ?? [];
    const only = push.length === 1 ? push[0] : undefined;
    const includes = only?.branches?.includes ?? [];
    return (only !== undefined &&
        !only.tags &&
        !only.filePaths &&
        !only.branches?.excludes?.length &&
        includes.length === 1 &&
        includes[0] === source.configuration?.BranchName);
}
function withDefaults(d) {
    return {
        ...d,
        version: undefined,
        executionMode: d.executionMode ?? 'SUPERSEDED',
        stages: (d.stages ?? []).map((s) => ({
            ...s,
            actions: (s.actions ?? []).map((a) => ({ ...a, runOrder: a.runOrder ?? 1 })),
        })),
    };
}
/**
 * Both declarations in comparable form. What the desired side leaves to AWS (pipelineType, triggers AWS
 * derives) is taken from the current side; masked values take the desired value (they cannot be compared).
 */
function comparable(desired, current) {
    const want = withDefaults(desired);
    const have = withDefaults(current);
    if (want.pipelineType === undefined)
        have.pipelineType = undefined;
    if (!want.triggers?.length && have.triggers?.length) {
        have.triggers = have.triggers.filter((t) => !isImplicitTrigger(t, have));
    }
    have.stages = have.stages.map((s) => {
        const ws = want.stages.find((x) => x.name === s.name);
        return {
            ...s,
            actions: s.actions.map((a) => {
                const wa = ws?.actions?.find((x) => x.name === a.name);
                if (!a.configuration)
                    return a;
                const configuration = Object.fromEntries(Object.entries(a.configuration).map(([k, v]) => [
                    k,
                    v === MASK && wa?.configuration?.[k] !== undefined ? wa.configuration[k] : v,
                ]));
                return { ...a, configuration };
            }),
        };
    });
    return { desired: pruneEmpty(want), current: pruneEmpty(have) };
}
/** Canonical JSON: object keys sorted, so key order never makes a difference. */
function canonical(value) {
    return JSON.stringify(value, (_k, v) => v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : v);
}
function sameDeclaration(desired, current) {
    const c = comparable(desired, current);
    return canonical(c.desired) === canonical(c.current);
}

;// CONCATENATED MODULE: ../src/pipeline/diff.ts
// A readable diff between the current and the desired declaration (both in comparable form), for the log and
// the job summary: one context line per stage/action that changed, then `-`/`+` lines per setting. Pure.
const show = (v) => (typeof v === 'string' ? v : JSON.stringify(v));
const isNamed = (v) => typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    typeof v.name === 'string';
/** Flattens a declaration into settings, grouped by the stage/action they belong to. */
function leaves(value, path = [], out = []) {
    if (Array.isArray(value)) {
        const named = value.every(isNamed);
        // Lists of bare names (artifacts) and of scalars read best on one line.
        if (value.every((v) => typeof v !== 'object' || v === null) ||
            (named && value.every((v) => Object.keys(v).length === 1))) {
            out.push(leaf(path, show(named ? value.map((v) => v.name) : value)));
            return out;
        }
        value.forEach((v, i) => leaves(v, [...path.slice(0, -1), `${path[path.length - 1]}[${named ? v.name : i}]`], out));
        return out;
    }
    if (typeof value === 'object' && value !== null) {
        for (const [k, v] of Object.entries(value))
            leaves(v, [...path, k], out);
        return out;
    }
    out.push(leaf(path, show(value)));
    return out;
}
/**
 * Configuration keys that hold credentials (a GitHub v1 source's OAuthToken, which AWS masks on reads): a
 * `pipeline-definition` may carry one, and the diff goes to the log, the summary and the report output.
 */
const SECRET_KEY = /token|secret|password|passphrase|api_?key|credential/i;
function leaf(path, raw) {
    const inConfiguration = path.includes('configuration');
    const value = inConfiguration && SECRET_KEY.test(path[path.length - 1] ?? '') ? '****' : raw;
    const stage = /^stages\[(.+)\]$/.exec(path[0] ?? '');
    const action = /^actions\[(.+)\]$/.exec(path[1] ?? '');
    if (stage && action)
        return { group: `stage ${stage[1]} › action ${action[1]}`, key: path.slice(2).join('.'), value };
    if (stage)
        return { group: `stage ${stage[1]}`, key: path.slice(1).join('.'), value };
    return { group: 'pipeline', key: path.join('.'), value };
}
/** `+`/`-`/` ` prefixed lines; empty when nothing differs. `current` undefined = everything is new. */
function diffLines(current, desired) {
    const have = current === undefined ? [] : leaves(current);
    const want = desired === undefined ? [] : leaves(desired);
    const id = (l) => `${l.group}\u0000${l.key}`;
    const haveBy = new Map(have.map((l) => [id(l), l]));
    const wantBy = new Map(want.map((l) => [id(l), l]));
    const groups = new Map();
    const add = (group, line) => groups.set(group, [...(groups.get(group) ?? []), line]);
    for (const l of [...want, ...have.filter((h) => !wantBy.has(id(h)))]) {
        const before = haveBy.get(id(l));
        const after = wantBy.get(id(l));
        if (before && after && before.value === after.value)
            continue;
        if (before)
            add(l.group, `-   ${l.key}: ${before.value}`);
        if (after)
            add(l.group, `+   ${l.key}: ${after.value}`);
    }
    return [...groups].flatMap(([group, lines]) => [`  ${group}`, ...lines]);
}
/** Tag changes as diff lines. */
function tagDiffLines(changes) {
    const lines = [];
    for (const [k, v] of Object.entries(changes.set)) {
        if (k in changes.current)
            lines.push(`-   ${k}: ${changes.current[k]}`);
        lines.push(`+   ${k}: ${v}`);
    }
    for (const k of changes.remove)
        lines.push(`-   ${k}: ${changes.current[k] ?? ''}`);
    return lines.length === 0 ? [] : ['  tags', ...lines];
}

;// CONCATENATED MODULE: ../src/pipeline/plan.ts



function planChange(desired, current, tags) {
    if (!current) {
        const { version: _v, ...fresh } = desired;
        const tagLines = tags.length ? ['  tags', ...tags.map((t) => `+   ${t.key}: ${t.value}`)] : [];
        return {
            action: 'create',
            declarationChanged: true,
            diff: [...diffLines(undefined, pruneEmpty(fresh)), ...tagLines],
        };
    }
    const c = comparable(desired, current.declaration);
    const declarationChanged = canonical(c.desired) !== canonical(c.current);
    const changes = current.tags === undefined ? undefined : tagChanges(tags, current.tags);
    const diff = [
        ...(declarationChanged ? diffLines(c.current, c.desired) : []),
        ...(changes ? tagDiffLines(changes) : []),
    ];
    const action = declarationChanged || hasTagChanges(changes) ? 'update' : 'none';
    return { action, declarationChanged, tagChanges: changes, diff };
}

// EXTERNAL MODULE: ../node_modules/@aws-sdk/client-codepipeline/dist-es/commands/GetPipelineCommand.js
var GetPipelineCommand = __webpack_require__(7092);
;// CONCATENATED MODULE: ../node_modules/@aws-sdk/client-codepipeline/dist-es/commands/ListTagsForResourceCommand.js


class ListTagsForResourceCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "ListTagsForResource", schemas_0/* ListTagsForResource$ */.Tzn) {
}

;// CONCATENATED MODULE: ../src/pipeline/read.ts
// Reads what AWS has: the pipeline's declaration, version and ARN (GetPipeline), and its tags
// (ListTagsForResource) only when the tags input asks the action to manage them.


/** The pipeline as AWS has it, or undefined when there is none of that name. */
async function readPipeline(cp, name, opts) {
    let out;
    try {
        out = await cp.send(new GetPipelineCommand/* GetPipelineCommand */.Y({ name }), { abortSignal: opts.signal });
    }
    catch (e) {
        if (e.name === 'PipelineNotFoundException')
            return undefined;
        throw new aws_errors/* AwsCallError */.iQ({ service: 'codepipeline', operation: 'GetPipeline' }, e);
    }
    const current = {
        declaration: out.pipeline ?? { name, roleArn: undefined, stages: [] },
        version: out.pipeline?.version,
        arn: out.metadata?.pipelineArn,
    };
    if (opts.withTags && current.arn)
        current.tags = await readTags(cp, current.arn, opts.signal);
    return current;
}
async function readTags(cp, arn, signal) {
    const tags = {};
    let nextToken;
    do {
        const page = await (0,aws_errors/* call */.T1)('codepipeline', 'ListTagsForResource', () => cp.send(new ListTagsForResourceCommand({ resourceArn: arn, nextToken }), { abortSignal: signal }));
        for (const t of page.tags ?? [])
            if (t.key !== undefined)
                tags[t.key] = t.value ?? '';
        nextToken = page.nextToken;
    } while (nextToken);
    return tags;
}

;// CONCATENATED MODULE: ../node_modules/@aws-sdk/client-codepipeline/dist-es/commands/StartPipelineExecutionCommand.js


class StartPipelineExecutionCommand extends (0,commandBuilder/* command */.G5)(commandBuilder/* _ep0 */.lq, commandBuilder/* _mw0 */.yt, "StartPipelineExecution", schemas_0/* StartPipelineExecution$ */.dFX) {
}

;// CONCATENATED MODULE: ../src/pipeline/start.ts
// start-execution: run the pipeline on exactly `commit-sha` with VERSION=<version>. Right after a create AWS
// has already started a first execution by itself; when that one builds the same commit (and the same
// version) it is adopted instead of starting a second.






/** How long to wait for the first execution's Source action to report its commit before starting our own. */
const ADOPT_WAIT_MS = 120_000;
/** Whether AWS's first execution (VERSION = the declared default) builds the version asked for. Pure. */
function firstRunVersionMatches(r) {
    if (!r.hasVersionVariable)
        return true;
    if (r.version === r.versionDefault)
        return true;
    // The buildspec contract: VERSION `auto` means the first 7 characters of COMMIT_ID — the action's default
    // version (defaultVersion, which config/read.ts uses too).
    return r.versionDefault === VERSION_DEFAULT && r.version === (0,commits/* defaultVersion */.U8)(r.commitSha);
}
/** The pinned source revision of an execution, if its Source action has reported it. Pure. */
function pinnedRevisionOf(e, actions) {
    return e.sourceRevisions?.find((r) => actions.includes(r.actionName ?? '') && r.revisionId)?.revisionId;
}
/** AWS's own first execution of a fresh pipeline, once it shows the commit it builds (or ends without one). */
async function firstExecution(cp, r, deps) {
    const until = Math.min(r.deadline, deps.now() + ADOPT_WAIT_MS);
    let logged = false;
    for (;;) {
        const page = await (0,backoff/* readPatiently */.Bk)(() => (0,aws_errors/* call */.T1)('codepipeline', 'ListPipelineExecutions', () => cp.send(new ListPipelineExecutionsCommand/* ListPipelineExecutionsCommand */.b({ pipelineName: r.pipelineName, maxResults: 10 }), {
            abortSignal: deps.signal,
        })), deps, { deadline: until, intervalMs: r.pollMs });
        const first = (page.pipelineExecutionSummaries ?? []).find((e) => e.trigger?.triggerType === 'CreatePipeline');
        if (first && (pinnedRevisionOf(first, r.pinnedSourceActions) || (0,codepipeline/* isTerminal */.Hd)(first.status)))
            return first;
        if (deps.signal.aborted || deps.now() >= until)
            return first;
        if (!logged) {
            deps.log.info(`Waiting for the pipeline's first execution to report the commit it builds…`);
            logged = true;
        }
        await deps.sleep(Math.min(r.pollMs, Math.max(until - deps.now(), 0)), deps.signal);
    }
}
async function startOrAdopt(cp, r, deps) {
    // Only a pinned first execution of a fresh pipeline can be known to build the commit.
    if (!r.freshlyCreated || r.pinnedSourceActions.length === 0)
        return startNew(cp, r, deps, []);
    const adoption = await adoptFirst(cp, r, deps);
    return 'executionId' in adoption ? adoption : startNew(cp, r, deps, adoption.notes);
}
/** AWS's first execution, adopted when it builds the commit and version asked for; otherwise why it was not. */
async function adoptFirst(cp, r, deps) {
    const first = await firstExecution(cp, r, deps);
    const id = first?.pipelineExecutionId;
    if (!first || !id)
        return { notes: [] };
    const revision = pinnedRevisionOf(first, r.pinnedSourceActions);
    const short = (0,commits/* shortSha */.Fu)(r.commitSha);
    if ((0,commits/* sameCommit */.Kd)(revision, r.commitSha) && !(0,codepipeline/* isTerminal */.Hd)(first.status) && firstRunVersionMatches(r)) {
        deps.log.info(`Adopted execution ${id}: AWS started it on create and it builds ${short}.`);
        const note = `Adopted execution ${id}, which AWS started on create for the same commit, instead of starting a second one.`;
        return { executionId: id, adopted: true, status: first.status ?? 'InProgress', notes: [note] };
    }
    const why = revision === undefined
        ? 'has not reported its commit'
        : !(0,commits/* sameCommit */.Kd)(revision, r.commitSha)
            ? `builds ${(0,commits/* shortSha */.Fu)(revision)}, not ${short}`
            : (0,codepipeline/* isTerminal */.Hd)(first.status)
                ? `already ended (${first.status})`
                : `runs with VERSION=${r.versionDefault}, not ${r.version}`;
    return { notes: [`AWS's first execution ${id} ${why}; started a new execution for ${short}.`] };
}
/** StartPipelineExecution on the commit (pinned where the declaration allows) with VERSION, when declared. */
async function startNew(cp, r, deps, notesSoFar) {
    const notes = [...notesSoFar];
    const short = (0,commits/* shortSha */.Fu)(r.commitSha);
    const variables = r.hasVersionVariable && r.version ? [{ name: VERSION_VARIABLE, value: r.version }] : undefined;
    if (!r.hasVersionVariable)
        notes.push(`The pipeline declares no ${VERSION_VARIABLE} variable, so VERSION was not passed to the execution.`);
    if (r.pinnedSourceActions.length === 0)
        notes.push(`No CodeConnections source of this repository to pin: the execution builds the head of the source branch, not necessarily ${short}.`);
    const out = await (0,aws_errors/* call */.T1)('codepipeline', 'StartPipelineExecution', () => cp.send(new StartPipelineExecutionCommand({
        name: r.pipelineName,
        variables,
        sourceRevisions: r.pinnedSourceActions.length
            ? r.pinnedSourceActions.map((actionName) => ({
                actionName,
                revisionType: 'COMMIT_ID',
                revisionValue: r.commitSha,
            }))
            : undefined,
        clientRequestToken: r.clientRequestToken,
    })));
    const executionId = out.pipelineExecutionId ?? '';
    deps.log.info(`Started execution ${executionId} of ${short}${variables ? ` with VERSION=${r.version}` : ''}.`);
    return { executionId, adopted: false, status: 'InProgress', notes };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ../src/pipeline/token.ts
// StartPipelineExecution's clientRequestToken: the same for every attempt of one workflow run attempt, so an
// SDK retry (or a re-sent call after a dropped connection) cannot start a second execution. Pure.

/** Matches ^[a-zA-Z0-9-]+$ and is at most 128 characters (AWS's limits). */
function clientRequestToken(p) {
    const hash = (0,external_node_crypto_.createHash)('sha256')
        .update([p.pipelineName, p.commitSha ?? '', p.version ?? '', p.runId ?? '', p.runAttempt ?? ''].join('\n'))
        .digest('hex');
    const run = p.runId
        ? `${p.runId.replace(/[^a-zA-Z0-9]/g, '')}-${(p.runAttempt ?? '1').replace(/[^a-zA-Z0-9]/g, '')}-`
        : '';
    return `gha-${run}${hash}`.slice(0, 128);
}

;// CONCATENATED MODULE: ../src/pipeline/run.ts
// create-pipeline: create, update or leave unchanged the deploy pipeline — idempotently — then optionally
// start (or adopt) an execution of the commit and follow it. Steps: plan → apply (after the running executions
// end) → start → follow. Every step logs one group and returns what it did; runSteps gathers that into the
// details reports render, and a failure still reports what the steps before it did.

















async function run(config, deps) {
    const startedAt = deps.now();
    const deadline = deps.now() + config.timeoutMs;
    const desired = desiredPipeline(config);
    const step = {
        config,
        deps,
        desired,
        name: desired.declaration.name ?? config.pipelineName,
        cp: deps.aws.get(CodePipelineClient/* CodePipelineClient */.p),
        patience: { deadline, intervalMs: Math.min(config.follow.pollIntervalMs, 5000) },
    };
    const outcome = await runSteps(step);
    return (0,result/* stepResult */.G)(config, {
        ...outcome,
        pipelineName: step.name,
        warnings: [...desired.warnings],
        startedAt,
        endedAt: deps.now(),
    });
}
/** The steps in order, each one's result added to the details as it comes. */
async function runSteps(step) {
    const { config, name } = step;
    let details = declared(step);
    try {
        refuseOverLimits(step);
        const planned = await readAndPlan(step);
        details = withDone(details, planned.done);
        if (config.dryRun) {
            const dry = await dryRun(step, planned.plan, planned.current !== undefined);
            return success(dry.reason, withDone(details, dry.done));
        }
        const applied = await apply(step, planned.plan, planned.current);
        details = withDone(details, applied.done);
        const changed = changeLine(name, details);
        if (!config.startExecution || !config.commitSha)
            return success(`${changed}.`, details);
        const started = await start(step, config.commitSha, applied.created);
        details = withDone(details, started.done);
        if (!config.wait)
            return success(`${changed}; ${started.line}.`, details);
        const { done, ...followed } = await follow(step, config.commitSha, started, changed);
        return { ...followed, details: withDone(details, done) };
    }
    catch (e) {
        return failed(e, step, details);
    }
}
/** Before any step: the declared stages, and the change undetermined (a failure must not report "unchanged"). */
function declared({ name, desired }) {
    return {
        kind: 'create-pipeline',
        pipelineName: name,
        change: undefined,
        diff: [],
        stages: stageTable(desired.declaration),
        notes: [],
    };
}
const success = (reason, details) => ({
    verdict: 'success',
    reason,
    details,
});
/** `Pipeline "app" updated (version 3)`: what the apply step did. */
function changeLine(name, details) {
    const change = details.change === 'created' || details.change === 'updated' ? details.change : 'unchanged';
    return `Pipeline "${name}" ${change} (version ${details.pipelineVersion})`;
}
/** A declaration over AWS's limits is refused before any call. */
function refuseOverLimits({ desired, name }) {
    const problems = declarationProblems(desired.declaration);
    if (problems.length === 0)
        return;
    const from = desired.source === 'generated' ? 'generated declaration' : `declaration from ${desired.source.path}`;
    throw new Stop(`Pipeline "${name}": the ${from} breaks AWS's limits, nothing was sent: ${problems.join('; ')}.`);
}
/** What AWS has against what we want. Tags are read only when the action manages them. */
async function readAndPlan(step) {
    const { config, deps, cp, name } = step;
    return deps.log.group(`Plan pipeline ${name}`, async () => {
        const current = await (0,backoff/* readPatiently */.Bk)(() => readPipeline(cp, name, { withTags: config.tags.length > 0, signal: deps.signal }), deps, step.patience);
        const plan = planChange(step.desired.declaration, current, config.tags);
        logPlan(deps, name, current?.version, plan);
        return { current, plan, done: { diff: plan.diff, pipelineVersion: current?.version } };
    });
}
function logPlan(deps, name, version, plan) {
    if (plan.action === 'create')
        deps.log.info(`Pipeline ${name} does not exist yet: it will be created.`);
    else if (plan.action === 'none')
        deps.log.info(`Pipeline ${name} (version ${version}) is as declared: no change.`);
    else
        deps.log.info(`Pipeline ${name} (version ${version}) differs from the declaration:`);
    if (plan.action !== 'none')
        for (const line of plan.diff)
            deps.log.info(line);
}
/** Starts an execution of the commit, or adopts AWS's own first one when it builds the same. */
async function start(step, commitSha, freshlyCreated) {
    const { config, deps, desired, cp, name, patience } = step;
    const started = await deps.log.group(`Start execution of ${(0,commits/* shortSha */.Fu)(commitSha)}`, () => startOrAdopt(cp, {
        pipelineName: name,
        commitSha,
        version: config.version,
        pinnedSourceActions: desired.pinnedSourceActions,
        hasVersionVariable: desired.hasVersionVariable,
        versionDefault: desired.versionDefault,
        clientRequestToken: clientRequestToken({
            pipelineName: name,
            commitSha,
            version: config.version,
            runId: config.run.runId,
            runAttempt: config.run.runAttempt,
        }),
        freshlyCreated,
        deadline: patience.deadline,
        pollMs: patience.intervalMs,
    }, deps));
    return {
        ...started,
        line: `execution ${started.executionId} of ${(0,commits/* shortSha */.Fu)(commitSha)} ${started.adopted ? 'adopted' : 'started'}`,
        done: {
            notes: started.notes,
            adoptedExecution: started.adopted || undefined,
            execution: executionReport(config, name, started.executionId, started.status),
        },
    };
}
/** Follows the execution to its end (the monitor's verdict), within the step's deadline. */
async function follow(step, commitSha, started, changed) {
    const { config, deps, name, patience } = step;
    const outcome = await deps.log.group(`Follow execution ${started.executionId}`, async () => {
        const { followExecution } = await __webpack_require__.e(/* import() */ 902).then(__webpack_require__.bind(__webpack_require__, 6902));
        // The monitor waits out throttling and network trouble itself; what it throws is final.
        return followExecution({
            pipelineName: name,
            executionId: started.executionId,
            commitSha,
            follow: config.follow,
            deadline: patience.deadline,
            run: config.run,
            githubToken: config.reporting.githubToken,
            region: config.region,
        }, deps).catch((e) => {
            throw new Stop(`${changed}; execution ${started.executionId} was ${started.adopted ? 'adopted' : 'started'} but following it failed — ${(0,aws_errors/* describeError */.Uc)(e)}`);
        });
    });
    return {
        verdict: outcome.verdict,
        reason: `${changed}; ${outcome.reason}`,
        cancelled: outcome.cancelled,
        unverified: outcome.unverified,
        done: {
            execution: { ...outcome.execution, version: outcome.execution.version ?? config.version },
            superseded: outcome.superseded,
            timedOut: outcome.timedOut || undefined,
        },
    };
}
function executionReport(config, name, id, status) {
    return {
        id,
        status,
        url: (0,links/* executionUrl */.ME)(config.region, name, id),
        commit: config.commitSha,
        version: config.version,
        stages: [],
    };
}
/** A step that threw: its failure line, with what the steps before it (and it, part way) did. */
function failed(e, step, details) {
    if (e instanceof Unfinished)
        return failed(e.error, step, withDone(details, e.done));
    const failure = (reason, cancelled = false, unverified = false) => ({
        verdict: 'failure',
        reason,
        details,
        cancelled,
        unverified,
    });
    const { name, desired, config } = step;
    if (e instanceof Stop)
        return failure(e.message, e.cancelled);
    if (e instanceof aws_errors/* AwsCallError */.iQ && (0,cancel/* wasCancelled */.r)(e.error, step.deps.signal))
        return failure(`Pipeline "${name}": cancelled during ${e.operation}.`, true);
    // A read (the plan's, the dry run's listing) whose answers ran out before the deadline: not verified.
    if (e instanceof aws_errors/* AwsCallError */.iQ) {
        const ctx = {
            pipelineName: name,
            roleArn: desired.declaration.roleArn,
            definitionPath: desired.source === 'generated' ? undefined : desired.source.path,
            maxAttempts: config.maxAttempts,
        };
        return failure(failureLine(e.operation, e.error, ctx), false, unreadable(e));
    }
    throw e;
}
/** A read call that still failed transiently (throttling, 5xx, no answer, an unparsable one) at the deadline. */
function unreadable(e) {
    return /^(Get|List|BatchGet|Describe)/.test(e.operation) && (0,aws_errors/* isTransient */.dg)(e.error);
}


/***/ })

};
